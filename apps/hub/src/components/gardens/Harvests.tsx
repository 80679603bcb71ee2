import {
  countUnits,
  type Garden,
  type Harvest,
  type HarvestDestination,
  harvestDestinations,
  type Plot,
} from '@lakou/domain/gardens';
import { pageCount } from '@lakou/domain/shared';
import { Button } from '@lakou/ui/button';
import { Card } from '@lakou/ui/card';
import { DataTable, type DataTableColumn, Pagination } from '@lakou/ui/data-table';
import { ConfirmDialog } from '@lakou/ui/dialog';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { ErrorState } from '@lakou/ui/states';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { fieldProblems } from '../../api/events.ts';
import { createHarvest, deleteHarvest, harvestsQuery } from '../../api/gardens.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import {
  type CountUnit,
  destinationTotals,
  formatKilograms,
  harvestGrams,
  harvestQuantity,
  harvestYears,
  wholeCount,
  yearBounds,
} from '../../lib/gardens.ts';
import { usePaginationLabels } from '../usePaginationLabels.ts';
import { type GardenerChoice, GardenerPicker, resolveGardener } from './GardenerPicker.tsx';

export const HARVESTS_PAGE_SIZE = 20;
const NO_PLOT = 'none';
const ALL_YEARS = 'all';

export interface HarvestsSearch {
  /** The year read (this year when unset); `all` for every harvest. */
  year?: number | 'all' | undefined;
  page?: number | undefined;
}

/** Harvests: the log form (built for a phone in the garden), the totals per destination, the list. */
export function Harvests({
  garden,
  plots,
  today,
  canWrite,
  search,
  onSearchChange,
  onLogged,
}: {
  garden: Garden;
  plots: Plot[];
  today: string;
  canWrite: boolean;
  search: HarvestsSearch;
  onSearchChange: (patch: HarvestsSearch) => void;
  onLogged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const paginationLabels = usePaginationLabels();
  const thisYear = Number(today.slice(0, 4));
  const year = search.year ?? thisYear;
  const bounds = year === ALL_YEARS ? {} : yearBounds(year);
  const harvests = useQuery(
    harvestsQuery({
      gardenId: garden.id,
      ...bounds,
      page: search.page,
      pageSize: HARVESTS_PAGE_SIZE,
    }),
  );
  const [removing, setRemoving] = useState<Harvest | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const totals = destinationTotals(harvests.data?.totals);
  const page = harvests.data?.page ?? search.page ?? 1;
  const pages = harvests.data ? pageCount(harvests.data.total, harvests.data.pageSize) : 1;
  const unitLabel = (unit: CountUnit, count: number) => t(`gardens.units.${unit}`, { count });

  const columns: DataTableColumn<Harvest>[] = [
    {
      id: 'date',
      header: t('gardens.harvests.columns.date'),
      cell: (h) => (
        <span className="hub-nowrap">
          {formatDate(h.harvestedOn, locale, { withWeekday: false })}
        </span>
      ),
    },
    {
      id: 'crop',
      header: t('gardens.harvests.columns.crop'),
      isRowHeader: true,
      cell: (h) => (
        <span className="hub-cell-wrap">
          {h.crop}
          {h.note ? <span className="hub-gardens__sub">{h.note}</span> : null}
        </span>
      ),
    },
    {
      id: 'quantity',
      header: t('gardens.harvests.columns.quantity'),
      cell: (h) => <span className="hub-nowrap">{harvestQuantity(h, locale, unitLabel)}</span>,
    },
    {
      id: 'destination',
      header: t('gardens.harvests.columns.destination'),
      cell: (h) => (
        <span className="hub-cell-wrap">{t(`gardens.destinations.${h.destination}`)}</span>
      ),
    },
    {
      id: 'who',
      header: t('gardens.harvests.columns.who'),
      cell: (h) => (
        <span className="hub-cell-wrap">
          {[h.plotLabel, h.gardenerName].filter(Boolean).join(' · ') || '—'}
        </span>
      ),
    },
    ...(canWrite
      ? [
          {
            id: 'actions',
            header: t('gardens.harvests.columns.actions'),
            cell: (h: Harvest) => (
              <Button variant="ghost" onPress={() => setRemoving(h)}>
                {t('gardens.harvests.delete')}
                <span className="lk-visually-hidden">
                  {' '}
                  {h.crop}, {formatDate(h.harvestedOn, locale, { withWeekday: false })}
                </span>
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {canWrite ? (
        <Card title={t('gardens.harvests.formTitle')}>
          <HarvestForm
            garden={garden}
            plots={plots}
            today={today}
            onLogged={async (harvest) => {
              setNotice(
                t('gardens.harvests.logged', {
                  crop: harvest.crop,
                  quantity: harvestQuantity(harvest, locale, unitLabel),
                }),
              );
              await onLogged();
            }}
          />
        </Card>
      ) : null}
      <Card title={t('gardens.harvests.title')}>
        <p className="hub-gardens__notice" role="status">
          {notice}
        </p>
        {failure ? (
          <p className="hub-error-text" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="hub-filters">
          <SelectField
            label={t('gardens.harvests.year')}
            options={[
              ...harvestYears(today).map((y) => ({ id: String(y), label: String(y) })),
              { id: ALL_YEARS, label: t('gardens.harvests.allYears') },
            ]}
            selectedKey={String(year)}
            onSelectionChange={(key) => {
              const value = String(key ?? thisYear);
              onSearchChange({
                year:
                  value === ALL_YEARS
                    ? ALL_YEARS
                    : Number(value) === thisYear
                      ? undefined
                      : Number(value),
                page: undefined,
              });
            }}
          />
        </div>
        {harvests.isError && !harvests.data ? (
          <ErrorState
            title={t('gardens.harvests.loadFailed')}
            detail={fieldProblems(harvests.error).detail}
            retryLabel={t('errors.retry')}
            onRetry={() => void harvests.refetch()}
          />
        ) : (
          <>
            <section aria-labelledby="harvest-totals" className="hub-stack">
              <h3 className="hub-section-title" id="harvest-totals">
                {year === ALL_YEARS
                  ? t('gardens.harvests.totalsAll')
                  : t('gardens.harvests.totalsYear', { year })}
              </h3>
              <dl className="hub-gardens__totals" aria-busy={harvests.isPending || undefined}>
                {totals.rows.map((row) => (
                  <div key={row.destination} data-destination={row.destination}>
                    <dt>{t(`gardens.destinations.${row.destination}`)}</dt>
                    <dd>
                      <span className="hub-gardens__total-value">
                        {formatKilograms(row.grams, locale)}
                      </span>
                      <span className="hub-gardens__sub">
                        {t('gardens.harvests.share', { percent: row.percent })}
                      </span>
                    </dd>
                  </div>
                ))}
                <div data-destination="total">
                  <dt>{t('gardens.harvests.total')}</dt>
                  <dd>
                    <span className="hub-gardens__total-value">
                      {formatKilograms(totals.grams, locale)}
                    </span>
                    <span className="hub-gardens__sub">{t('gardens.harvests.countedApart')}</span>
                  </dd>
                </div>
              </dl>
            </section>
            {harvests.data ? (
              <p className="hub-results" role="status">
                {t('gardens.harvests.count', { count: harvests.data.total })}
              </p>
            ) : null}
            <DataTable
              label={t('gardens.harvests.title')}
              columns={columns}
              rows={harvests.data?.items ?? []}
              getRowId={(h) => h.id}
              isLoading={harvests.isPending || harvests.isPlaceholderData}
              loadingLabel={t('gardens.harvests.loading')}
              emptyState={t('gardens.harvests.empty')}
            />
            {pages > 1 ? (
              <Pagination
                page={page}
                pageCount={pages}
                labels={paginationLabels}
                onPageChange={(next) => onSearchChange({ page: next > 1 ? next : undefined })}
              />
            ) : null}
          </>
        )}
      </Card>
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => {
          if (!open) setRemoving(null);
        }}
        title={t('gardens.harvests.deleteTitle')}
        confirmLabel={t('gardens.harvests.deleteConfirm')}
        cancelLabel={t('app.cancel')}
        pendingLabel={t('gardens.common.saving')}
        isDestructive
        onConfirm={async () => {
          if (!removing) return;
          setFailure(null);
          try {
            await deleteHarvest(removing.id);
            setNotice(t('gardens.harvests.deleted', { crop: removing.crop }));
            setRemoving(null);
            await onLogged();
          } catch (error) {
            setFailure(fieldProblems(error).detail);
            setRemoving(null);
          }
        }}
      >
        {removing
          ? t('gardens.harvests.deleteText', {
              crop: removing.crop,
              quantity: harvestQuantity(removing, locale, unitLabel),
              date: formatDate(removing.harvestedOn, locale, { withWeekday: false }),
            })
          : null}
      </ConfirmDialog>
    </>
  );
}

type Measure = 'weighed' | 'counted';

interface Draft {
  harvestedOn: string;
  crop: string;
  measure: Measure;
  kilograms: string;
  count: string;
  countUnit: CountUnit;
  destination: HarvestDestination;
  plotId: string;
  note: string;
}

function emptyDraft(today: string, kept?: Pick<Draft, 'harvestedOn' | 'destination'>): Draft {
  return {
    harvestedOn: kept?.harvestedOn ?? today,
    crop: '',
    measure: 'weighed',
    kilograms: '',
    count: '',
    countUnit: 'bunch',
    destination: kept?.destination ?? 'gardener',
    plotId: NO_PLOT,
    note: '',
  };
}

function HarvestForm({
  garden,
  plots,
  today,
  onLogged,
}: {
  garden: Garden;
  plots: Plot[];
  today: string;
  onLogged: (harvest: Harvest) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(today));
  const [choice, setChoice] = useState<GardenerChoice>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [detail, setDetail] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const sortedPlots = [...plots].sort((a, b) =>
    a.label.localeCompare(b.label, 'fr', { numeric: true }),
  );

  const pickPlot = (plotId: string) => {
    set('plotId', plotId);
    // The plot's one gardener is who most likely harvested it.
    const plot = plots.find((p) => p.id === plotId);
    const only = plot?.currentGardeners.length === 1 ? plot.currentGardeners[0] : undefined;
    if (only && choice === null)
      setChoice({ kind: 'gardener', gardener: { id: only.gardenerId, name: only.name } });
  };

  const save = async () => {
    const found: Record<string, string> = {};
    const grams = draft.measure === 'weighed' ? harvestGrams(draft.kilograms) : null;
    const count = draft.measure === 'counted' ? wholeCount(draft.count) : null;
    if (draft.crop.trim().length < 2) found.crop = t('gardens.harvests.cropRequired');
    // The API takes at most 10 t in one harvest.
    if (draft.measure === 'weighed' && (grams === null || grams > 10_000_000))
      found.grams = t('gardens.harvests.massInvalid');
    if (draft.measure === 'counted' && count === null)
      found.count = t('gardens.harvests.countInvalid');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.harvestedOn))
      found.harvestedOn = t('gardens.common.dateInvalid');
    else if (draft.harvestedOn > today) found.harvestedOn = t('gardens.harvests.future');
    if (draft.destination === 'gardener' && !choice)
      found.gardenerId = t('gardens.harvests.gardenerRequired');
    setErrors(found);
    setDetail(null);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      const gardener = choice ? await resolveGardener(choice, garden.centreId) : null;
      if (gardener && choice?.kind === 'new') setChoice({ kind: 'gardener', gardener });
      const harvest = await createHarvest({
        harvestedOn: draft.harvestedOn,
        gardenId: garden.id,
        plotId: draft.plotId === NO_PLOT ? null : draft.plotId,
        gardenerId: gardener?.id ?? null,
        crop: draft.crop.trim(),
        grams,
        count,
        countUnit: count === null ? null : draft.countUnit,
        destination: draft.destination,
        note: draft.note.trim() || null,
      });
      // The next harvest of the round keeps the day and the destination.
      setDraft(emptyDraft(today, draft));
      setChoice(null);
      await onLogged(harvest);
    } catch (error) {
      const problems = fieldProblems(error);
      setErrors(problems.fields);
      setDetail(Object.values(problems.fields).includes(problems.detail) ? null : problems.detail);
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      className="hub-form hub-gardens__harvest-form"
      noValidate
      aria-label={t('gardens.harvests.formTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField
        label={t('gardens.harvests.crop')}
        description={t('gardens.harvests.cropHelp')}
        value={draft.crop}
        onChange={(value) => set('crop', value)}
        isRequired
        maxLength={80}
        autoComplete="off"
        isInvalid={Boolean(errors.crop)}
        errorMessage={errors.crop}
      />
      <RadioGroup
        className="hub-gardens__choice hub-gardens__segmented"
        orientation="horizontal"
        value={draft.measure}
        onChange={(value) => set('measure', value as Measure)}
      >
        <Label className="lk-field__label">{t('gardens.harvests.measure')}</Label>
        <Radio value="weighed" className="hub-gardens__radio">
          {t('gardens.harvests.weighed')}
        </Radio>
        <Radio value="counted" className="hub-gardens__radio">
          {t('gardens.harvests.counted')}
        </Radio>
      </RadioGroup>
      {draft.measure === 'weighed' ? (
        <TextField
          label={t('gardens.harvests.kilograms')}
          description={t('gardens.harvests.kilogramsHelp')}
          value={draft.kilograms}
          onChange={(value) => set('kilograms', value)}
          inputMode="decimal"
          isRequired
          maxLength={12}
          autoComplete="off"
          isInvalid={Boolean(errors.grams)}
          errorMessage={errors.grams}
        />
      ) : (
        <div className="hub-gardens__row">
          <TextField
            label={t('gardens.harvests.count')}
            value={draft.count}
            onChange={(value) => set('count', value)}
            inputMode="numeric"
            isRequired
            maxLength={6}
            autoComplete="off"
            isInvalid={Boolean(errors.count)}
            errorMessage={errors.count}
          />
          <SelectField
            label={t('gardens.harvests.unit')}
            options={countUnits.map((u) => ({
              id: u,
              label: t(`gardens.units.${u}`, { count: 2 }),
            }))}
            selectedKey={draft.countUnit}
            onSelectionChange={(key) => set('countUnit', (key ?? 'bunch') as CountUnit)}
            isRequired
            isInvalid={Boolean(errors.countUnit)}
            errorMessage={errors.countUnit}
          />
        </div>
      )}
      <RadioGroup
        className="hub-gardens__choice"
        value={draft.destination}
        onChange={(value) => set('destination', value as HarvestDestination)}
        isRequired
        isInvalid={Boolean(errors.destination)}
      >
        <Label className="lk-field__label">{t('gardens.harvests.destination')}</Label>
        {harvestDestinations.map((d) => (
          <Radio key={d} value={d} className="hub-gardens__radio">
            {t(`gardens.destinations.${d}`)}
          </Radio>
        ))}
      </RadioGroup>
      <SelectField
        label={t('gardens.harvests.plot')}
        options={[
          { id: NO_PLOT, label: t('gardens.harvests.noPlot') },
          ...sortedPlots.map((p) => ({ id: p.id, label: p.label })),
        ]}
        selectedKey={draft.plotId}
        onSelectionChange={(key) => pickPlot(String(key ?? NO_PLOT))}
        isInvalid={Boolean(errors.plotId)}
        errorMessage={errors.plotId}
      />
      <GardenerPicker
        centreId={garden.centreId}
        label={t('gardens.harvests.gardener')}
        description={t('gardens.harvests.gardenerHelp')}
        choice={choice}
        onChoiceChange={setChoice}
        isRequired={draft.destination === 'gardener'}
        errorMessage={errors.gardenerId}
      />
      <TextField
        label={t('gardens.harvests.date')}
        type="date"
        value={draft.harvestedOn}
        onChange={(value) => set('harvestedOn', value)}
        isRequired
        isInvalid={Boolean(errors.harvestedOn)}
        errorMessage={errors.harvestedOn}
      />
      <TextField
        label={t('gardens.harvests.note')}
        value={draft.note}
        onChange={(value) => set('note', value)}
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
        <Button type="submit" isPending={isPending} pendingLabel={t('gardens.common.saving')}>
          {t('gardens.harvests.submit')}
        </Button>
      </div>
    </form>
  );
}
