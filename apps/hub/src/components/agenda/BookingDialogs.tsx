import {
  type Audience,
  allowedEvents,
  audiences,
  type Booking,
  type BookingEventType,
  type CentreCalendar,
  type Organiser,
  organiserKinds,
  priceOf,
  type Resource,
} from '@lakou/domain/booking/rules';
import { type CustomValues, customFieldLabel, formatCustomValue } from '@lakou/domain/config';
import { type BasicNeed, basicNeedLabels, basicNeeds } from '@lakou/domain/shared';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { Checkbox, SelectField, TextField } from '@lakou/ui/form-field';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateBookingCustom } from '../../api/booking.ts';
import { useLocale } from '../../i18n/index.ts';
import {
  describeBooking,
  formatCentreRange,
  formatCents,
  type PreCheck,
  preCheck,
} from '../../lib/agenda.ts';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection.tsx';
import { useCustomFields, useCustomFieldsForm } from '../custom-fields/useCustomFields.ts';
import { useListItems } from '../lists/useListItems.ts';
import { type Draft, refusalOf, wholeNumber } from './booking-refusal.ts';
import { SeriesCancelPanel, type SeriesScope } from './SeriesCancel.tsx';

export { type Draft, refusalOf, wholeNumber } from './booking-refusal.ts';

/** The reasons a booking cannot be made, before or after asking the API, in plain words. */
export function RefusalList({
  check,
  timeZone,
  title,
}: {
  check: PreCheck;
  timeZone: string;
  title: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (check.conflicts.length === 0 && check.problems.length === 0) return null;
  return (
    <div className="hub-agenda__refusal" role="alert">
      <p className="hub-agenda__refusal-title">{title}</p>
      <ul className="hub-list">
        {check.conflicts.map((b) => (
          <li key={b.id}>
            {t('agenda.conflictWith', { booking: describeBooking(b, timeZone, locale) })}
          </li>
        ))}
        {check.problems.map((p) => (
          <li key={`${p.field}-${p.message}`}>{p.message}</li>
        ))}
      </ul>
    </div>
  );
}

export interface BookingFormValues {
  resourceId: string;
  organiser: Organiser;
  purpose: string;
  headcount: number;
  audience: Audience;
  basicNeeds: BasicNeed[];
  /** Values of the custom fields of the resource's centre, checked by the form. */
  custom?: CustomValues;
}

/** What a booking is for, as typed in a form (headcount kept as typed; a number is read from it). */
export interface PurposeValues {
  organiserKind: Organiser['kind'];
  organiserName: string;
  purpose: string;
  headcount: string;
  audience: Audience;
  needs: BasicNeed[];
}

export function initialPurpose(defaultOrganiser: string): PurposeValues {
  return {
    organiserKind: 'user',
    organiserName: defaultOrganiser,
    purpose: '',
    headcount: '1',
    audience: 'centre_programme',
    needs: [],
  };
}

/** Whether the purpose fields are filled enough for the API to accept them. */
export function purposeComplete(values: PurposeValues): boolean {
  return (
    wholeNumber(values.headcount) >= 1 &&
    values.purpose.trim().length >= 2 &&
    values.organiserName.trim().length >= 2
  );
}

/** The purpose fields as the API reads them. */
export function purposeInput(values: PurposeValues) {
  return {
    organiser: { kind: values.organiserKind, name: values.organiserName.trim() },
    purpose: values.purpose.trim(),
    headcount: wholeNumber(values.headcount),
    audience: values.audience,
    basicNeeds: values.needs,
  };
}

/** Organiser, purpose, headcount, audience and basic needs: the same in every booking form. */
export function PurposeFields({
  values,
  onChange,
}: {
  values: PurposeValues;
  onChange: (patch: Partial<PurposeValues>) => void;
}) {
  const { t } = useTranslation();
  // The network's audiences list: retired ones are not offered, except the one a booking has.
  const audienceList = useListItems('audience', (a) => t(`agenda.audiences.${a as Audience}`));
  const audienceOptions = (
    audienceList.options ?? audiences.map((a) => ({ id: a, label: t(`agenda.audiences.${a}`) }))
  )
    .filter((o) => (audiences as readonly string[]).includes(o.id))
    .concat(
      audienceList.options && !audienceList.options.some((o) => o.id === values.audience)
        ? [{ id: values.audience, label: audienceList.labelOf(values.audience) }]
        : [],
    );
  return (
    <>
      <div className="hub-agenda__row">
        <SelectField
          label={t('agenda.organiserKind')}
          options={organiserKinds.map((k) => ({ id: k, label: t(`agenda.organiserKinds.${k}`) }))}
          selectedKey={values.organiserKind}
          onSelectionChange={(key) => onChange({ organiserKind: key as Organiser['kind'] })}
        />
        <TextField
          label={t('agenda.organiserName')}
          value={values.organiserName}
          onChange={(organiserName) => onChange({ organiserName })}
          isRequired
          maxLength={120}
        />
      </div>
      <TextField
        label={t('agenda.purpose')}
        value={values.purpose}
        onChange={(purpose) => onChange({ purpose })}
        isRequired
        maxLength={500}
      />
      <div className="hub-agenda__row">
        <TextField
          label={t('agenda.headcount')}
          inputMode="numeric"
          value={values.headcount}
          onChange={(headcount) => onChange({ headcount })}
          isRequired
          maxLength={5}
        />
        <SelectField
          label={t('agenda.audience')}
          options={audienceOptions}
          selectedKey={values.audience}
          onSelectionChange={(key) => onChange({ audience: key as Audience })}
        />
      </div>
      <fieldset className="hub-agenda__needs">
        <legend>{t('agenda.basicNeeds')}</legend>
        {basicNeeds.map((need) => (
          <Checkbox
            key={need}
            label={basicNeedLabels[need]}
            isSelected={values.needs.includes(need)}
            onChange={(on) =>
              onChange({
                needs: on ? [...values.needs, need] : values.needs.filter((n) => n !== need),
              })
            }
          />
        ))}
      </fieldset>
    </>
  );
}

interface NewBookingDialogProps {
  draft: Draft | null;
  resources: Resource[];
  bookings: Booking[];
  calendar: CentreCalendar;
  defaultOrganiser: string;
  onClose: () => void;
  onSave: (values: BookingFormValues & Draft) => Promise<void>;
  /** Opens the series editor with what was typed here (only for those who may book). */
  onMakeRecurring?: ((draft: Draft, values: PurposeValues) => void) | undefined;
}

export function NewBookingDialog(props: NewBookingDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={props.draft !== null}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
      title={t('agenda.newBooking')}
      closeLabel={t('app.close')}
      size="large"
    >
      {props.draft ? <NewBookingForm {...props} draft={props.draft} /> : null}
    </Dialog>
  );
}

function NewBookingForm({
  draft,
  resources,
  bookings,
  calendar,
  defaultOrganiser,
  onClose,
  onSave,
  onMakeRecurring,
}: NewBookingDialogProps & { draft: Draft }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [resourceId, setResourceId] = useState(draft.resourceId || resources[0]?.id || '');
  const [values, setValues] = useState<PurposeValues>(() => initialPurpose(defaultOrganiser));
  const people = wholeNumber(values.headcount);
  const [isPending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<{ detail: string; check: PreCheck } | null>(null);

  const resource = resources.find((r) => r.id === resourceId);
  const custom = useCustomFieldsForm({
    entity: 'booking',
    centreId: resource?.centreId,
    mode: 'create',
  });
  const check = resource
    ? preCheck(
        { resourceId, start: draft.start, end: draft.end, headcount: people },
        resource,
        bookings,
        calendar,
      )
    : { conflicts: [], problems: [] };
  const price = resource ? priceOf(resource.tariff, values.audience, draft.start, draft.end) : null;
  const blocked = check.conflicts.length > 0 || check.problems.length > 0;
  const incomplete = !resource || !purposeComplete(values);

  const save = async () => {
    setRefusal(null);
    const checked = custom.check();
    if (!checked.ok) return;
    setPending(true);
    try {
      await onSave({ ...draft, resourceId, ...purposeInput(values), custom: checked.values });
    } catch (error) {
      // A refused custom value is shown under its field; other refusals in the list.
      if (!custom.showProblems(error)) setRefusal(refusalOf(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="hub-form">
      <p className="hub-agenda__when">
        <strong>{t('agenda.when')}</strong>{' '}
        {formatCentreRange(draft.start, draft.end, calendar.timeZone, locale)}
      </p>
      <SelectField
        label={t('agenda.resource')}
        options={resources.map((r) => ({ id: r.id, label: r.name }))}
        selectedKey={resourceId}
        onSelectionChange={(key) => setResourceId(String(key))}
        isRequired
      />
      <PurposeFields
        values={values}
        onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
      />
      <CustomFieldsSection {...custom.sectionProps} isDisabled={isPending} />
      {price ? (
        <p className="hub-agenda__price">
          <strong>{t('agenda.price')}</strong> {formatCents(price.cents, locale)}
          {price.cents > 0
            ? ` — ${t('agenda.priceDetail', {
                halfHours: price.breakdown.billedHalfHours,
                rate: formatCents(price.breakdown.hourlyRateCents, locale),
                fee: formatCents(price.breakdown.flatFeeCents, locale),
              })}`
            : ''}
        </p>
      ) : null}
      <RefusalList check={check} timeZone={calendar.timeZone} title={t('agenda.cannotBook')} />
      {refusal ? (
        <div className="hub-agenda__refusal" role="alert">
          <p className="hub-agenda__refusal-title">{refusal.detail}</p>
          <RefusalList
            check={refusal.check}
            timeZone={calendar.timeZone}
            title={t('agenda.refusedBecause')}
          />
        </div>
      ) : null}
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onClose} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        {onMakeRecurring ? (
          <Button
            variant="secondary"
            isDisabled={isPending}
            onPress={() => onMakeRecurring({ ...draft, resourceId }, values)}
          >
            {t('series.makeRecurring')}
          </Button>
        ) : null}
        <Button
          onPress={() => void save()}
          isDisabled={blocked || incomplete}
          isPending={isPending}
          pendingLabel={t('agenda.saving')}
        >
          {t('agenda.book')}
        </Button>
      </div>
    </div>
  );
}

interface BookingDetailsDialogProps {
  booking: Booking | null;
  resource: Resource | undefined;
  timeZone: string;
  canWrite: boolean;
  canApprove: boolean;
  onClose: () => void;
  onEvent: (type: BookingEventType, reason?: string) => Promise<void>;
  /** Cancels occurrences of the booking's series (only asked for bookings of a series). */
  onCancelSeries: (scope: SeriesScope, reason: string) => Promise<void>;
  /** After the booking's custom values were changed. */
  onCustomSaved?: () => Promise<void>;
}

const statusTone = {
  requested: 'warning',
  confirmed: 'success',
  checked_in: 'info',
  no_show: 'danger',
  cancelled: 'neutral',
} as const;

export function BookingDetailsDialog(props: BookingDetailsDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={props.booking !== null}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
      title={props.booking?.purpose ?? t('agenda.booking')}
      closeLabel={t('app.close')}
    >
      {props.booking ? <BookingDetails {...props} booking={props.booking} /> : null}
    </Dialog>
  );
}

function BookingDetails({
  booking,
  resource,
  timeZone,
  canWrite,
  canApprove,
  onEvent,
  onCancelSeries,
  onCustomSaved,
}: BookingDetailsDialogProps & { booking: Booking }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [cancelling, setCancelling] = useState(false);
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<BookingEventType | null>(null);
  const [error, setError] = useState<string | null>(null);
  const actions = allowedEvents(booking.status).filter(
    (type) => type !== 'request' && (type !== 'confirm' || canApprove),
  );

  const run = async (type: BookingEventType, why?: string) => {
    setPending(type);
    setError(null);
    try {
      await onEvent(type, why);
    } catch (failure) {
      setError(refusalOf(failure).detail);
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="hub-form">
      <p>
        <Badge tone={statusTone[booking.status]}>{t(`agenda.statuses.${booking.status}`)}</Badge>
      </p>
      <dl className="hub-details">
        <div>
          <dt>{t('agenda.when')}</dt>
          <dd>{formatCentreRange(booking.start, booking.end, timeZone, locale)}</dd>
        </div>
        <div>
          <dt>{t('agenda.resource')}</dt>
          <dd>{resource?.name ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('agenda.organiserName')}</dt>
          <dd>
            {booking.organiser.name} ({t(`agenda.organiserKinds.${booking.organiser.kind}`)})
          </dd>
        </div>
        <div>
          <dt>{t('agenda.headcount')}</dt>
          <dd>{booking.headcount}</dd>
        </div>
        <div>
          <dt>{t('agenda.price')}</dt>
          <dd>{formatCents(booking.priceCents, locale)}</dd>
        </div>
        {editing ? null : <CustomValueRows centreId={booking.centreId} values={booking.custom} />}
        {booking.cancelReason ? (
          <div>
            <dt>{t('agenda.cancelReason')}</dt>
            <dd>{booking.cancelReason}</dd>
          </div>
        ) : null}
      </dl>
      {canWrite && editing ? (
        <CustomValuesEditor
          booking={booking}
          onDone={async (saved) => {
            setEditing(false);
            if (saved) await onCustomSaved?.();
          }}
        />
      ) : null}
      {error ? (
        <p className="hub-error-text" role="alert">
          {error}
        </p>
      ) : null}
      {booking.seriesId ? <p className="hub-note">{t('series.partOf')}</p> : null}
      {canWrite && cancelling && booking.seriesId ? (
        <SeriesCancelPanel
          booking={booking}
          timeZone={timeZone}
          onBack={() => setCancelling(false)}
          onCancel={onCancelSeries}
        />
      ) : canWrite && cancelling ? (
        <div className="hub-form">
          <TextField
            label={t('agenda.cancelReason')}
            value={reason}
            onChange={setReason}
            isRequired
            maxLength={500}
            autoFocus
          />
          <div className="hub-dialog-actions">
            <Button variant="secondary" onPress={() => setCancelling(false)}>
              {t('agenda.keepBooking')}
            </Button>
            <Button
              variant="danger"
              isDisabled={reason.trim().length === 0}
              isPending={pending === 'cancel'}
              pendingLabel={t('agenda.saving')}
              onPress={() => void run('cancel', reason.trim())}
            >
              {t('agenda.confirmCancel')}
            </Button>
          </div>
        </div>
      ) : canWrite && (actions.length > 0 || !editing) ? (
        <div className="hub-dialog-actions">
          {editing ? null : (
            <EditCustomButton centreId={booking.centreId} onPress={() => setEditing(true)} />
          )}
          {actions.map((type) =>
            type === 'cancel' ? (
              <Button key={type} variant="danger" onPress={() => setCancelling(true)}>
                {booking.seriesId ? t('series.cancel.action') : t('agenda.events.cancel')}
              </Button>
            ) : (
              <Button
                key={type}
                variant="secondary"
                isPending={pending === type}
                pendingLabel={t('agenda.saving')}
                onPress={() => void run(type)}
              >
                {t(`agenda.events.${type}`)}
              </Button>
            ),
          )}
        </div>
      ) : null}
    </div>
  );
}

/** The booking's custom values that apply in its centre, as rows of its details. */
function CustomValueRows({ centreId, values }: { centreId: string; values: CustomValues }) {
  const { language } = useLocale();
  const { definitions } = useCustomFields('booking', centreId);
  return (
    <>
      {definitions
        .filter((d) => values[d.key] !== undefined && values[d.key] !== null)
        .map((d) => (
          <div key={d.key}>
            <dt>{customFieldLabel(d, language)}</dt>
            <dd>{formatCustomValue(d, values[d.key], language)}</dd>
          </div>
        ))}
    </>
  );
}

/** « Modifier les informations complémentaires », when the centre has custom booking fields. */
function EditCustomButton({ centreId, onPress }: { centreId: string; onPress: () => void }) {
  const { t } = useTranslation();
  const { definitions } = useCustomFields('booking', centreId);
  if (definitions.length === 0) return null;
  return (
    <Button variant="secondary" onPress={onPress}>
      {t('agenda.editCustom')}
    </Button>
  );
}

/** The booking's custom values in their controls; only what changed is checked and sent. */
function CustomValuesEditor({
  booking,
  onDone,
}: {
  booking: Booking;
  onDone: (saved: boolean) => Promise<void>;
}) {
  const { t } = useTranslation();
  const custom = useCustomFieldsForm({
    entity: 'booking',
    centreId: booking.centreId,
    mode: 'update',
    stored: booking.custom,
  });
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const checked = custom.check();
    if (!checked.ok) return;
    setPending(true);
    setError(null);
    try {
      await updateBookingCustom(booking.id, checked.values);
      await onDone(true);
    } catch (failure) {
      if (!custom.showProblems(failure)) setError(refusalOf(failure).detail);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="hub-form">
      <CustomFieldsSection {...custom.sectionProps} isDisabled={isPending} />
      {error ? (
        <p className="hub-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="hub-dialog-actions">
        <Button variant="secondary" onPress={() => void onDone(false)} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button onPress={() => void save()} isPending={isPending} pendingLabel={t('agenda.saving')}>
          {t('agenda.saveCustom')}
        </Button>
      </div>
    </div>
  );
}
