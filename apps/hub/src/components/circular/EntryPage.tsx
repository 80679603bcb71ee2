import {
  type Facility,
  type InflowOrigin,
  type Measurement,
  measurements,
  type ReuseKind,
  reuseKinds,
  type Stream,
  type Treatment,
  treatments,
} from '@lakou/domain/circular';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { EmptyState, LoadingState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  circularKeys,
  createInflow,
  createOutflow,
  createReuse,
  facilitiesQuery,
  stockQuery,
  streamsQuery,
  treatmentOperationsQuery,
} from '../../api/circular.ts';
import { refusalOf } from '../../api/donations.ts';
import { useMe } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import {
  browserStorage,
  defaultEntryCentre,
  formatKg,
  keptOperation,
  operationsFor,
  recallStream,
  rememberStream,
  typedKilograms,
} from '../../lib/circular.ts';
import { todayIn } from '../../lib/events.ts';
import { NETWORK_TIME_ZONE } from '../../lib/format.ts';
import { CustomFieldsSection } from '../custom-fields/CustomFieldsSection.tsx';
import { initialRawValues } from '../custom-fields/customFieldForm.ts';
import { useCustomFieldsForm } from '../custom-fields/useCustomFields.ts';
import { ChoiceGroup } from './ChoiceGroup.tsx';
import { CircularPage } from './CircularPage.tsx';
import { FacilityDialog } from './FacilityDialog.tsx';
import { useWritableCentres } from './useWritableCentres.ts';

type Mode = 'inflow' | 'reuse' | 'outflow';
const MODES: readonly Mode[] = ['inflow', 'reuse', 'outflow'];
/** In-kind gifts come in from the gift's own form (linked to it): not offered here. */
const ENTRY_ORIGINS: readonly InflowOrigin[] = ['collection', 'drop_off', 'garden'];
const MASS_INPUT_ID = 'circular-entry-mass';

type Field =
  | 'centreId'
  | 'streamId'
  | 'massGrams'
  | 'measurement'
  | 'occurredOn'
  | 'origin'
  | 'kind'
  | 'itemCount'
  | 'facilityId'
  | 'treatment'
  | 'operationCode'
  | 'trackingRef'
  | 'transporter'
  | 'note';
type FieldErrors = Partial<Record<Field, string>>;

/** What the form keeps from one entry to the next: everything but the mass, count, slip and note. */
interface Draft {
  centreId: string;
  streamId: string;
  mass: string;
  measurement: Measurement;
  occurredOn: string;
  origin: InflowOrigin;
  reuseKind: ReuseKind;
  itemCount: string;
  facilityId: string;
  treatment: Treatment;
  operationCode: string | null;
  trackingRef: string;
  transporter: string;
  note: string;
}

function emptyDraft(): Draft {
  return {
    centreId: '',
    streamId: '',
    mass: '',
    measurement: 'weighed',
    occurredOn: todayIn(NETWORK_TIME_ZONE),
    origin: 'drop_off',
    reuseKind: 'repaired',
    itemCount: '1',
    facilityId: '',
    treatment: 'recycling',
    operationCode: null,
    trackingRef: '',
    transporter: '',
    note: '',
  };
}

/**
 * Entry at the scale, phone first: the centre (the user's own by default), the stream as big
 * tiles (the last one weighed at that centre remembered in the browser), the mass in kilograms
 * with a decimal comma, weighed or estimated; then what the entry is — an inflow (its origin),
 * items passed on (re-use), or a shipment to a facility with its treatment, operation code and,
 * for a hazardous stream, its Trackdéchets slip. The API's refusals land on their fields.
 */
export function EntryPage() {
  const { t } = useTranslation();
  const { locale, language } = useLocale();
  const queryClient = useQueryClient();
  const me = useMe();
  const centres = useWritableCentres();
  const streams = useQuery(streamsQuery());
  const operations = useQuery(treatmentOperationsQuery());
  const [mode, setMode] = useState<Mode>('inflow');
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const centreId = draft.centreId || defaultEntryCentre(me?.roles, centres) || '';
  const active = (streams.data ?? []).filter((s) => s.active);
  const streamId =
    draft.streamId && active.some((s) => s.id === draft.streamId)
      ? draft.streamId
      : centreId
        ? (recallStream(browserStorage(), centreId, active) ?? '')
        : '';
  const stream = active.find((s) => s.id === streamId);
  const stock = useQuery({ ...stockQuery(centreId || undefined), enabled: Boolean(centreId) });
  const stockOf = (id: string) =>
    stock.data?.find((s) => s.streamId === id && s.centreId === centreId)?.stockGrams;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
  };
  // The inflow fields of the centre (weighings only; re-use and shipments have none).
  const custom = useCustomFieldsForm({
    entity: 'inflow',
    centreId: centreId || undefined,
    mode: 'create',
  });

  const save = async () => {
    setDetail(null);
    setSaved(null);
    const next: FieldErrors = {};
    const massGrams = typedKilograms(draft.mass);
    const itemCount = /^\d{1,6}$/.test(draft.itemCount.trim()) ? Number(draft.itemCount) : 0;
    if (!centreId) next.centreId = t('circular.entry.centreRequired');
    if (!stream) next.streamId = t('circular.entry.streamRequired');
    if (massGrams === null) next.massGrams = t('circular.entry.massInvalid');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.occurredOn))
      next.occurredOn = t('circular.entry.dateInvalid');
    if (mode === 'reuse' && itemCount < 1) next.itemCount = t('circular.entry.itemCountInvalid');
    const operationCode =
      draft.treatment === 'reuse'
        ? null
        : keptOperation(operations.data ?? [], draft.treatment, draft.operationCode);
    if (mode === 'outflow') {
      if (!draft.facilityId) next.facilityId = t('circular.entry.facilityRequired');
      if (draft.treatment !== 'reuse' && !operationCode)
        next.operationCode = t('circular.entry.operationRequired');
      if (stream?.hazardous && !draft.trackingRef.trim())
        next.trackingRef = t('circular.entry.trackingRefRequired');
    }
    setErrors(next);
    const checked = mode === 'inflow' ? custom.check() : null;
    if (Object.keys(next).length > 0 || !stream || massGrams === null) return;
    if (checked && !checked.ok) return;
    setPending(true);
    const common = {
      occurredOn: draft.occurredOn,
      centreId,
      streamId: stream.id,
      massGrams,
      measurement: draft.measurement,
      note: draft.note.trim() || null,
    };
    try {
      if (mode === 'inflow') {
        await createInflow({
          ...common,
          origin: draft.origin,
          donationId: null,
          custom: checked?.ok ? checked.values : {},
        });
        for (const [key, value] of Object.entries(
          initialRawValues(custom.definitions, undefined, language),
        )) {
          custom.setValue(key, value);
        }
      } else if (mode === 'reuse') {
        await createReuse({ ...common, kind: draft.reuseKind, itemCount });
      } else {
        await createOutflow({
          ...common,
          facilityId: draft.facilityId,
          treatment: draft.treatment,
          operationCode,
          transporter: draft.transporter.trim() || null,
          trackingRef: draft.trackingRef.trim() || null,
        });
      }
      rememberStream(browserStorage(), centreId, stream.id);
      setDraft((d) => ({
        ...d,
        centreId,
        streamId: stream.id,
        mass: '',
        itemCount: '1',
        trackingRef: '',
        note: '',
      }));
      // The new stock first (said at once); the lists and rates refresh behind it.
      const fresh = await queryClient.fetchQuery({ ...stockQuery(centreId), staleTime: 0 });
      void queryClient.invalidateQueries({
        queryKey: circularKeys.all,
        predicate: (query) => query.queryKey[1] !== 'stock' || query.queryKey[2] !== centreId,
      });
      const item = fresh.find((s) => s.streamId === stream.id && s.centreId === centreId);
      const title = t(`circular.entry.saved.${mode}`, {
        mass: formatKg(massGrams, locale),
        stream: stream.name,
      });
      const newStock = item
        ? t('circular.entry.newStock', {
            centre: item.centreName,
            mass: formatKg(item.stockGrams, locale),
          })
        : undefined;
      setSaved(newStock ? `${title} ${newStock}` : title);
      toast.success(title, newStock);
      document.getElementById(MASS_INPUT_ID)?.focus();
    } catch (error) {
      const refusal = refusalOf(error);
      const fields = refusal.fields as FieldErrors;
      const onCustom = mode === 'inflow' && custom.showProblems(error);
      setErrors(fields);
      setDetail(Object.keys(fields).length > 0 || onCustom ? null : refusal.detail);
    } finally {
      setPending(false);
    }
  };

  if (me && centres.length === 0 && !streams.isPending) {
    return (
      <CircularPage title={t('circular.entry.title')}>
        <EmptyState title={t('circular.entry.noCentre')} />
      </CircularPage>
    );
  }

  return (
    <CircularPage title={t('circular.entry.title')} lead={t('circular.entry.lead')}>
      <div className="hub-live" role="status">
        {saved ? <p className="hub-notice">{saved}</p> : null}
      </div>
      <Card>
        <form
          className="hub-form"
          aria-label={t(`circular.entry.formLabel.${mode}`)}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <ChoiceGroup
            label={t('circular.entry.mode')}
            variant="segments"
            value={mode}
            onChange={(next) => {
              setMode(next);
              setErrors({});
              setDetail(null);
            }}
            options={MODES.map((m) => ({ id: m, label: t(`circular.entry.modes.${m}`) }))}
          />
          {centres.length > 1 ? (
            <SelectField
              label={t('circular.entry.centre')}
              options={centres.map((c) => ({ id: c.id, label: c.name }))}
              selectedKey={centreId || null}
              onSelectionChange={(key) =>
                setDraft((d) => ({ ...d, centreId: String(key ?? ''), streamId: '' }))
              }
              isRequired
              isInvalid={Boolean(errors.centreId)}
              errorMessage={errors.centreId}
            />
          ) : (
            <p>
              <strong>{t('circular.entry.centreFixed', { centre: centres[0]?.name ?? '' })}</strong>
            </p>
          )}
          {streams.isPending ? (
            <LoadingState label={t('circular.board.loading')} lines={2} />
          ) : active.length === 0 ? (
            <p className="hub-warning">{t('circular.entry.noStreams')}</p>
          ) : (
            <ChoiceGroup
              label={t('circular.entry.streams')}
              variant="tiles"
              isRequired
              value={streamId || null}
              onChange={(id) => set('streamId', id)}
              errorMessage={errors.streamId}
              options={active.map((s) => ({
                id: s.id,
                label: <StreamTile stream={s} grams={stockOf(s.id)} />,
              }))}
            />
          )}
          <div className="hub-circular__row">
            <TextField
              id={MASS_INPUT_ID}
              label={t('circular.entry.mass')}
              description={t('circular.entry.massHelp')}
              value={draft.mass}
              onChange={(value) => set('mass', value)}
              inputMode="decimal"
              autoComplete="off"
              maxLength={16}
              isRequired
              isInvalid={Boolean(errors.massGrams)}
              errorMessage={errors.massGrams}
            />
            <TextField
              type="date"
              label={t('circular.entry.date')}
              value={draft.occurredOn}
              onChange={(value) => set('occurredOn', value)}
              isRequired
              isInvalid={Boolean(errors.occurredOn)}
              errorMessage={errors.occurredOn}
            />
          </div>
          <ChoiceGroup
            label={t('circular.entry.measurement')}
            variant="radios"
            value={draft.measurement}
            onChange={(value) => set('measurement', value)}
            errorMessage={errors.measurement}
            options={measurements.map((m) => ({ id: m, label: t(`circular.measurements.${m}`) }))}
          />
          {mode === 'inflow' ? (
            <SelectField
              label={t('circular.entry.origin')}
              description={t('circular.entry.originHelp')}
              options={ENTRY_ORIGINS.map((o) => ({ id: o, label: t(`circular.origins.${o}`) }))}
              selectedKey={draft.origin}
              onSelectionChange={(key) => set('origin', (key ?? 'drop_off') as InflowOrigin)}
              isRequired
              isInvalid={Boolean(errors.origin)}
              errorMessage={errors.origin}
            />
          ) : null}
          {mode === 'inflow' ? (
            <CustomFieldsSection {...custom.sectionProps} isDisabled={isPending} />
          ) : null}
          {mode === 'reuse' ? (
            <>
              <ChoiceGroup
                label={t('circular.entry.reuseKind')}
                variant="radios"
                value={draft.reuseKind}
                onChange={(value) => set('reuseKind', value)}
                errorMessage={errors.kind}
                options={reuseKinds.map((k) => ({ id: k, label: t(`circular.reuseKinds.${k}`) }))}
              />
              <TextField
                label={t('circular.entry.itemCount')}
                value={draft.itemCount}
                onChange={(value) => set('itemCount', value)}
                inputMode="numeric"
                maxLength={6}
                isRequired
                isInvalid={Boolean(errors.itemCount)}
                errorMessage={errors.itemCount}
              />
            </>
          ) : null}
          {mode === 'outflow' ? (
            <OutflowFields
              draft={draft}
              set={set}
              errors={errors}
              hazardous={stream?.hazardous ?? false}
            />
          ) : null}
          <TextField
            label={t('circular.entry.note')}
            value={draft.note}
            onChange={(value) => set('note', value)}
            isMultiline
            maxLength={500}
            isInvalid={Boolean(errors.note)}
            errorMessage={errors.note}
          />
          {detail ? (
            <p className="hub-error-text" role="alert">
              {detail}
            </p>
          ) : null}
          <div className="hub-form__actions">
            <Button type="submit" isPending={isPending} pendingLabel={t('circular.common.saving')}>
              {t(`circular.entry.submit.${mode}`)}
            </Button>
          </div>
        </form>
      </Card>
    </CircularPage>
  );
}

function StreamTile({ stream, grams }: { stream: Stream; grams: number | undefined }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <>
      <span>{stream.name}</span>
      {grams !== undefined ? (
        <span className="hub-circular__stream-meta">
          {t('circular.entry.inStock', { mass: formatKg(grams, locale) })}
        </span>
      ) : null}
      {stream.hazardous ? (
        <span>
          <Badge tone="danger">{t('circular.common.hazardous')}</Badge>
        </span>
      ) : null}
    </>
  );
}

/** A shipment's destination: the facility (or a new one), the treatment, its operation, the slip. */
function OutflowFields({
  draft,
  set,
  errors,
  hazardous,
}: {
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  errors: FieldErrors;
  hazardous: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const facilities = useQuery(facilitiesQuery());
  const operations = useQuery(treatmentOperationsQuery());
  const [newFacility, setNewFacility] = useState(false);
  const allowed = operationsFor(operations.data ?? [], draft.treatment);
  const chosenOperation = keptOperation(
    operations.data ?? [],
    draft.treatment,
    draft.operationCode,
  );
  const facilityOptions = (facilities.data ?? []).map((f: Facility) => ({
    id: f.id,
    label: `${f.name} — ${f.city}`,
  }));

  return (
    <>
      <div className="hub-circular__with-action">
        <SelectField
          label={t('circular.entry.facility')}
          options={facilityOptions}
          placeholder={t('circular.common.choose')}
          selectedKey={draft.facilityId || null}
          onSelectionChange={(key) => set('facilityId', String(key ?? ''))}
          isRequired
          isInvalid={Boolean(errors.facilityId)}
          errorMessage={errors.facilityId}
        />
        <div>
          <Button variant="secondary" onPress={() => setNewFacility(true)}>
            {t('circular.entry.newFacility')}
          </Button>
        </div>
      </div>
      <FacilityDialog
        isOpen={newFacility}
        facility={null}
        onClose={() => setNewFacility(false)}
        onSaved={async (facility) => {
          await queryClient.invalidateQueries({ queryKey: ['circular', 'facilities'] });
          set('facilityId', facility.id);
          setNewFacility(false);
        }}
      />
      <SelectField
        label={t('circular.entry.treatment')}
        options={treatments.map((x) => ({ id: x, label: t(`circular.treatments.${x}`) }))}
        selectedKey={draft.treatment}
        onSelectionChange={(key) => {
          const treatment = (key ?? 'recycling') as Treatment;
          set('treatment', treatment);
          set(
            'operationCode',
            keptOperation(operations.data ?? [], treatment, draft.operationCode),
          );
        }}
        isRequired
        isInvalid={Boolean(errors.treatment)}
        errorMessage={errors.treatment}
      />
      {draft.treatment === 'reuse' ? (
        <p className="hub-muted">{t('circular.entry.noOperation')}</p>
      ) : (
        <SelectField
          label={t('circular.entry.operation')}
          description={t('circular.entry.operationHelp')}
          options={allowed.map((o) => ({ id: o.code, label: `${o.code} — ${o.description}` }))}
          placeholder={t('circular.common.choose')}
          selectedKey={chosenOperation}
          onSelectionChange={(key) => set('operationCode', key === null ? null : String(key))}
          isRequired
          isInvalid={Boolean(errors.operationCode)}
          errorMessage={errors.operationCode}
        />
      )}
      <div className="hub-circular__row">
        <TextField
          label={t('circular.entry.trackingRef')}
          description={
            hazardous
              ? t('circular.entry.trackingRefHelp')
              : t('circular.entry.trackingRefOptional')
          }
          value={draft.trackingRef}
          onChange={(value) => set('trackingRef', value)}
          isRequired={hazardous}
          maxLength={40}
          autoComplete="off"
          isInvalid={Boolean(errors.trackingRef)}
          errorMessage={errors.trackingRef}
        />
        <TextField
          label={t('circular.entry.transporter')}
          value={draft.transporter}
          onChange={(value) => set('transporter', value)}
          maxLength={120}
          isInvalid={Boolean(errors.transporter)}
          errorMessage={errors.transporter}
        />
      </div>
    </>
  );
}
