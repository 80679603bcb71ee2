import type { Event } from '@lakou/domain/events';
import type { Centre } from '@lakou/domain/network';
import { type BasicNeed, basicNeeds } from '@lakou/domain/shared';
import { Button } from '@lakou/ui/button';
import { Dialog } from '@lakou/ui/dialog';
import { Checkbox, SearchField, SelectField, TextField } from '@lakou/ui/form-field';
import { ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bookingsQuery, resourcesQuery } from '../../api/booking.ts';
import {
  createEvent,
  eventKindsQuery,
  fieldProblems,
  usedBookingsQuery,
} from '../../api/events.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCentreRange } from '../../lib/agenda.ts';
import { periodBounds, todayIn, wholeNumberOrNull } from '../../lib/events.ts';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection.tsx';
import { useCustomFieldsForm } from '../custom-fields/useCustomFields.ts';

const LIVE = new Set(['requested', 'confirmed', 'checked_in']);

interface NewEventDialogProps {
  centre: Centre;
  isOpen: boolean;
  onClose: () => void;
  onCreated: (event: Event) => Promise<void>;
}

/** « Nouvel événement »: an event on one or more upcoming bookings of the centre. */
export function NewEventDialog(props: NewEventDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={props.isOpen}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
      title={t('events.new')}
      closeLabel={t('app.close')}
      size="large"
      isDismissable={false}
    >
      {props.isOpen ? <NewEventForm {...props} /> : null}
    </Dialog>
  );
}

type FieldErrors = Partial<
  Record<'bookingIds' | 'kindId' | 'title' | 'capacity' | 'description', string>
>;

function NewEventForm({ centre, onClose, onCreated }: NewEventDialogProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const bookingsErrorId = useId();
  // The next three months of the centre's bookings, in its own calendar.
  const [window] = useState(() =>
    periodBounds('quarter', todayIn(centre.timeZone), centre.timeZone),
  );
  const to = window.to ?? window.from;
  const kinds = useQuery(eventKindsQuery());
  const resources = useQuery(resourcesQuery(centre.id));
  const bookings = useQuery(bookingsQuery(centre.id, window.from, to));
  const used = useQuery(usedBookingsQuery(centre.id, window.from, to));

  const [bookingIds, setBookingIds] = useState<string[]>([]);
  const [bookingSearch, setBookingSearch] = useState('');
  const [kindId, setKindId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [capacity, setCapacity] = useState('');
  const [isPublic, setPublic] = useState(false);
  const [registrationOpen, setRegistrationOpen] = useState(true);
  const [needs, setNeeds] = useState<BasicNeed[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  // The centre's own fields and the network's, as the admin and its managers set them up.
  const custom = useCustomFieldsForm({ entity: 'event', centreId: centre.id, mode: 'create' });

  const candidates = useMemo(() => {
    const now = Date.now();
    return (bookings.data ?? [])
      .filter((b) => LIVE.has(b.status) && new Date(b.end).getTime() > now && !used.data?.has(b.id))
      .sort((a, b) => a.start.localeCompare(b.start));
  }, [bookings.data, used.data]);
  const resourceName = (id: string) => resources.data?.find((r) => r.id === id)?.name ?? '';
  // A centre books dozens of slots a month: a few letters of the purpose or room narrow them
  // (the bookings already chosen always stay in sight).
  const needle = bookingSearch.trim().toLocaleLowerCase('fr');
  const shown = needle
    ? candidates.filter(
        (b) =>
          bookingIds.includes(b.id) ||
          `${b.purpose} ${resourceName(b.resourceId)}`.toLocaleLowerCase('fr').includes(needle),
      )
    : candidates;
  const activeKinds = (kinds.data ?? []).filter((k) => k.active);

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (bookingIds.length === 0) found.bookingIds = t('events.validation.bookings');
    if (!kindId) found.kindId = t('events.validation.kind');
    if (title.trim().length < 2) found.title = t('events.validation.title');
    const seats = wholeNumberOrNull(capacity);
    if (seats === null || seats < 1) found.capacity = t('events.validation.capacity');
    return found;
  };

  const save = async () => {
    const found = validate();
    setErrors(found);
    setDetail(null);
    // Every field is checked at once, so all the messages show together.
    const checked = custom.check();
    if (Object.keys(found).length > 0 || !checked.ok || custom.isPending) return;
    setPending(true);
    try {
      const made = await createEvent({
        bookingIds,
        kindId,
        title: title.trim(),
        description: description.trim(),
        capacity: wholeNumberOrNull(capacity) ?? 1,
        public: isPublic,
        registrationOpen,
        basicNeeds: needs,
        custom: checked.values,
      });
      await onCreated(made);
    } catch (error) {
      custom.showProblems(error);
      const problems = fieldProblems(error);
      setErrors(problems.fields as FieldErrors);
      setDetail(problems.detail);
    } finally {
      setPending(false);
    }
  };

  const loading = bookings.isPending || used.isPending || resources.isPending;
  const failed = bookings.error ?? used.error ?? resources.error;

  return (
    <form
      className="hub-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset
        className="hub-event-form__bookings"
        aria-describedby={errors.bookingIds ? bookingsErrorId : undefined}
      >
        <legend>
          {t('events.bookings')}
          <span className="lk-field__required" aria-hidden="true">
            *
          </span>
        </legend>
        <p className="hub-note">{t('events.bookingsHelp')}</p>
        {loading ? (
          <LoadingState label={t('events.bookingsLoading')} lines={2} />
        ) : failed ? (
          <ErrorState title={t('events.bookingsFailed')} detail={fieldProblems(failed).detail} />
        ) : candidates.length === 0 ? (
          <p>{t('events.noBookings')}</p>
        ) : (
          <>
            <SearchField
              label={t('events.bookingSearch')}
              clearLabel={t('app.clearSearch')}
              value={bookingSearch}
              onChange={setBookingSearch}
            />
            <p className="hub-results" aria-live="polite">
              {t('events.bookingsShown', { count: shown.length })}
            </p>
            <div className="hub-event-form__booking-list">
              {shown.map((b) => (
                <Checkbox
                  key={b.id}
                  label={t('events.bookingLabel', {
                    when: formatCentreRange(b.start, b.end, centre.timeZone, locale),
                    resource: resourceName(b.resourceId),
                    purpose: b.purpose,
                  })}
                  isSelected={bookingIds.includes(b.id)}
                  onChange={(on) => {
                    setBookingIds((ids) => (on ? [...ids, b.id] : ids.filter((id) => id !== b.id)));
                    if (on && !title.trim()) setTitle(b.purpose);
                  }}
                />
              ))}
            </div>
          </>
        )}
        {errors.bookingIds ? (
          <p id={bookingsErrorId} className="hub-error-text">
            {errors.bookingIds}
          </p>
        ) : null}
      </fieldset>
      <SelectField
        label={t('events.kind')}
        placeholder={t('events.chooseKind')}
        options={activeKinds.map((k) => ({ id: k.id, label: k.label }))}
        selectedKey={kindId || null}
        onSelectionChange={(key) => setKindId(key ? String(key) : '')}
        isRequired
        isInvalid={Boolean(errors.kindId)}
        errorMessage={errors.kindId}
      />
      <TextField
        label={t('events.titleField')}
        value={title}
        onChange={setTitle}
        isRequired
        maxLength={140}
        isInvalid={Boolean(errors.title)}
        errorMessage={errors.title}
      />
      <TextField
        label={t('events.description')}
        value={description}
        onChange={setDescription}
        isMultiline
        maxLength={4000}
        isInvalid={Boolean(errors.description)}
        errorMessage={errors.description}
      />
      <TextField
        label={t('events.capacity')}
        description={t('events.capacityHelp')}
        inputMode="numeric"
        value={capacity}
        onChange={setCapacity}
        isRequired
        maxLength={5}
        isInvalid={Boolean(errors.capacity)}
        errorMessage={errors.capacity}
      />
      <Checkbox
        label={t('events.publicField')}
        description={t('events.publicHelp')}
        isSelected={isPublic}
        onChange={setPublic}
      />
      <Checkbox
        label={t('events.registrationOpenField')}
        isSelected={registrationOpen}
        onChange={setRegistrationOpen}
      />
      <fieldset className="hub-agenda__needs">
        <legend>{t('events.basicNeeds')}</legend>
        {basicNeeds.map((need) => (
          <Checkbox
            key={need}
            label={t(`events.needs.${need}`)}
            isSelected={needs.includes(need)}
            onChange={(on) =>
              setNeeds((current) => (on ? [...current, need] : current.filter((n) => n !== need)))
            }
          />
        ))}
      </fieldset>
      <CustomFieldsSection {...custom.sectionProps} isDisabled={isPending} />
      {detail ? (
        <p className="hub-error-text" role="alert">
          {detail}
        </p>
      ) : null}
      <div className="lk-dialog__footer hub-dialog-actions">
        <Button variant="secondary" onPress={onClose} isDisabled={isPending}>
          {t('app.cancel')}
        </Button>
        <Button type="submit" isPending={isPending} pendingLabel={t('events.saving')}>
          {t('events.create')}
        </Button>
      </div>
    </form>
  );
}
