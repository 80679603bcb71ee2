import type { Inflow, Outflow, Reuse } from '@lakou/domain/circular';
import { pageCount } from '@lakou/domain/shared';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { DataTable, type DataTableColumn, Pagination } from '@lakou/ui/data-table';
import { ConfirmDialog } from '@lakou/ui/dialog';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  circularKeys,
  deleteMovement,
  type MovementKind,
  movementsQuery,
  streamsQuery,
} from '../../api/circular.ts';
import { customFieldsQuery } from '../../api/customFields.ts';
import { refusalOf } from '../../api/donations.ts';
import { useCan } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatDay, formatKg, isInverted } from '../../lib/circular.ts';
import { customColumns } from '../custom-fields/customColumns.ts';
import { usePaginationLabels } from '../usePaginationLabels.ts';
import { CircularPage } from './CircularPage.tsx';
import { InflowCustomValues } from './InflowCustomValues.tsx';
import { useReadableCentres } from './useWritableCentres.ts';

export const HISTORY_PAGE_SIZE = 25;
const ALL = 'all';
const KINDS: readonly MovementKind[] = ['inflows', 'reuse', 'outflows'];

export interface HistorySearch {
  kind?: MovementKind | undefined;
  centreId?: string | undefined;
  streamId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
}

type Movement = Inflow | Reuse | Outflow;

/**
 * Inflows, re-use and shipments as three tabs, newest first, filtered by centre, stream and
 * dates, a page at a time. A movement is deleted after a confirmation that names it; the API
 * refuses what the stock no longer holds (an inflow already shipped on), and says why.
 */
export function HistoryPage({
  search,
  onSearchChange,
}: {
  search: HistorySearch;
  onSearchChange: (patch: Partial<HistorySearch>) => void;
}) {
  const { t } = useTranslation();
  const kind = search.kind ?? 'inflows';
  const centres = useReadableCentres();
  const streams = useQuery(streamsQuery());
  const inverted = isInverted(search.from, search.to);
  const hasFilters = Boolean(search.centreId || search.streamId || search.from || search.to);

  return (
    <CircularPage title={t('circular.history.title')} lead={t('circular.history.lead')}>
      <search className="hub-filters">
        {centres.length > 1 ? (
          <SelectField
            label={t('circular.common.centre')}
            options={[
              { id: ALL, label: t('circular.common.allCentres') },
              ...centres.map((c) => ({ id: c.id, label: c.name })),
            ]}
            selectedKey={search.centreId ?? ALL}
            onSelectionChange={(key) =>
              onSearchChange({ centreId: key === ALL || key === null ? undefined : String(key) })
            }
          />
        ) : null}
        <SelectField
          label={t('circular.common.stream')}
          options={[
            { id: ALL, label: t('circular.common.allStreams') },
            ...(streams.data ?? []).map((s) => ({ id: s.id, label: s.name })),
          ]}
          selectedKey={search.streamId ?? ALL}
          onSelectionChange={(key) =>
            onSearchChange({ streamId: key === ALL || key === null ? undefined : String(key) })
          }
        />
        <TextField
          type="date"
          label={t('circular.common.from')}
          value={search.from ?? ''}
          onChange={(from) => onSearchChange({ from: from || undefined })}
        />
        <TextField
          type="date"
          label={t('circular.common.to')}
          value={search.to ?? ''}
          onChange={(to) => onSearchChange({ to: to || undefined })}
          isInvalid={inverted}
          errorMessage={t('circular.common.invalidRange')}
        />
      </search>

      <Tabs
        selectedKey={kind}
        onSelectionChange={(key) => onSearchChange({ kind: key as MovementKind, page: undefined })}
      >
        <TabList aria-label={t('circular.history.tabs')} className="hub-circular__tablist">
          {KINDS.map((k) => (
            <Tab key={k} id={k} className="hub-circular__tab">
              {t(`circular.history.kinds.${k}`)}
            </Tab>
          ))}
        </TabList>
        {KINDS.map((k) => (
          <TabPanel key={k} id={k} className="hub-circular__tabpanel">
            <MovementList
              kind={k}
              search={search}
              inverted={inverted}
              hasFilters={hasFilters}
              onSearchChange={onSearchChange}
            />
          </TabPanel>
        ))}
      </Tabs>
    </CircularPage>
  );
}

function MovementList({
  kind,
  search,
  inverted,
  hasFilters,
  onSearchChange,
}: {
  kind: MovementKind;
  search: HistorySearch;
  inverted: boolean;
  hasFilters: boolean;
  onSearchChange: (patch: Partial<HistorySearch>) => void;
}) {
  const { t } = useTranslation();
  const { locale, language } = useLocale();
  const can = useCan();
  const queryClient = useQueryClient();
  const paginationLabels = usePaginationLabels();
  // The inflow fields shown in tables, of every centre (the history may hold several).
  const inflowFields = useQuery({
    ...customFieldsQuery({ entity: 'inflow', centreId: null }),
    enabled: kind === 'inflows',
  });
  const [toDelete, setToDelete] = useState<Movement | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const list = useQuery(
    movementsQuery(kind, {
      centreId: search.centreId,
      streamId: search.streamId,
      from: inverted ? undefined : search.from,
      to: inverted ? undefined : search.to,
      page: search.page,
      pageSize: HISTORY_PAGE_SIZE,
    }),
  );
  const rows = (list.data?.items ?? []) as Movement[];
  const page = list.data?.page ?? search.page ?? 1;
  const pages = list.data ? pageCount(list.data.total, list.data.pageSize) : 1;
  const day = (date: string) => formatDay(date, locale);
  const mass = (m: Movement) =>
    `${formatKg(m.massGrams, locale)}${m.measurement === 'estimated' ? ` (${t('circular.measurements.estimated').toLowerCase()})` : ''}`;

  const columns: DataTableColumn<Movement>[] = [
    { id: 'date', header: t('circular.history.columns.date'), cell: (m) => day(m.occurredOn) },
    {
      id: 'stream',
      header: t('circular.history.columns.stream'),
      isRowHeader: true,
      cell: (m) => m.streamName,
    },
    {
      id: 'mass',
      header: t('circular.history.columns.mass'),
      cell: (m) => <span className="hub-nowrap">{mass(m)}</span>,
    },
    { id: 'centre', header: t('circular.history.columns.centre'), cell: (m) => m.centreName },
    ...(kind === 'inflows'
      ? [
          {
            id: 'origin',
            header: t('circular.history.columns.origin'),
            cell: (m: Movement) => {
              const inflow = m as Inflow;
              return inflow.donationDescription
                ? `${t(`circular.origins.${inflow.origin}`)} — ${inflow.donationDescription}`
                : t(`circular.origins.${inflow.origin}`);
            },
          },
          ...customColumns<Inflow>(
            (inflowFields.data ?? []).filter((d) => d.retiredAt === null),
            language,
          ).map((column) => ({ ...column, cell: (m: Movement) => column.cell(m as Inflow) })),
        ]
      : []),
    ...(kind === 'reuse'
      ? [
          {
            id: 'kind',
            header: t('circular.history.columns.kind'),
            cell: (m: Movement) => t(`circular.reuseKinds.${(m as Reuse).kind}`),
          },
          {
            id: 'items',
            header: t('circular.history.columns.items'),
            cell: (m: Movement) => String((m as Reuse).itemCount),
          },
        ]
      : []),
    ...(kind === 'outflows'
      ? [
          {
            id: 'facility',
            header: t('circular.history.columns.facility'),
            cell: (m: Movement) => (m as Outflow).facilityName,
          },
          {
            id: 'treatment',
            header: t('circular.history.columns.treatment'),
            cell: (m: Movement) => {
              const o = m as Outflow;
              return (
                <span className="hub-circular__stream-name">
                  {t(`circular.treatments.${o.treatment}`)}
                  {o.operationCode ? ` (${o.operationCode})` : ''}
                  {o.intermediate ? (
                    <Badge tone="warning">{t('circular.history.intermediate')}</Badge>
                  ) : null}
                </span>
              );
            },
          },
          {
            id: 'trackingRef',
            header: t('circular.history.columns.trackingRef'),
            cell: (m: Movement) => (m as Outflow).trackingRef ?? t('circular.common.none'),
          },
        ]
      : []),
    {
      id: 'by',
      header: t('circular.history.columns.by'),
      cell: (m) => m.createdByName ?? t('circular.common.none'),
    },
    {
      id: 'actions',
      header: t('circular.history.columns.actions'),
      cell: (m) =>
        can('circular.write', { centreId: m.centreId }) ? (
          <span className="hub-nowrap">
            {kind === 'inflows' ? <InflowCustomValues inflow={m as Inflow} /> : null}
            <Button
              variant="secondary"
              size="small"
              aria-label={t('circular.history.deleteLabel', {
                date: day(m.occurredOn),
                mass: formatKg(m.massGrams, locale),
                stream: m.streamName,
              })}
              onPress={() => {
                setDeleteError(null);
                setToDelete(m);
              }}
            >
              {t('circular.history.delete')}
            </Button>
          </span>
        ) : null,
    },
  ];

  if (list.isError && !list.data) {
    return (
      <ErrorState
        title={t('errors.title')}
        detail={refusalOf(list.error).detail}
        retryLabel={t('errors.retry')}
        onRetry={() => void list.refetch()}
      />
    );
  }

  return (
    <>
      {list.data ? (
        <p className="hub-results" role="status">
          {t('circular.history.count', { count: list.data.total })}
        </p>
      ) : null}
      <DataTable
        label={t(`circular.history.kinds.${kind}`)}
        columns={columns}
        rows={rows}
        getRowId={(m) => m.id}
        isLoading={list.isPending || list.isPlaceholderData}
        loadingLabel={t('circular.history.loading')}
        emptyState={
          <EmptyState
            title={t('circular.history.empty')}
            action={
              hasFilters ? (
                <Button
                  variant="secondary"
                  onPress={() =>
                    onSearchChange({
                      centreId: undefined,
                      streamId: undefined,
                      from: undefined,
                      to: undefined,
                    })
                  }
                >
                  {t('circular.common.resetFilters')}
                </Button>
              ) : undefined
            }
          />
        }
      />
      {pages > 1 ? (
        <Pagination
          page={page}
          pageCount={pages}
          labels={paginationLabels}
          onPageChange={(next) => onSearchChange({ page: next })}
        />
      ) : null}
      <ConfirmDialog
        isOpen={toDelete !== null}
        onOpenChange={(open) => {
          if (!open) setToDelete(null);
        }}
        title={t('circular.history.confirmTitle')}
        confirmLabel={t('circular.history.delete')}
        cancelLabel={t('app.cancel')}
        pendingLabel={t('circular.history.deleting')}
        isDestructive
        onConfirm={async () => {
          if (!toDelete) return;
          try {
            await deleteMovement(kind, toDelete.id);
            setToDelete(null);
            toast.success(t('circular.history.deleted'));
            await queryClient.invalidateQueries({ queryKey: circularKeys.all });
          } catch (error) {
            setDeleteError(refusalOf(error).detail);
            throw error;
          }
        }}
      >
        {toDelete ? (
          <>
            <p>
              {t('circular.history.confirmBody', {
                mass: formatKg(toDelete.massGrams, locale),
                stream: toDelete.streamName,
                date: day(toDelete.occurredOn),
                centre: toDelete.centreName,
              })}
            </p>
            {deleteError ? (
              <p className="hub-error-text" role="alert">
                <strong>{t('circular.history.deleteRefused')} : </strong>
                {deleteError}
              </p>
            ) : null}
          </>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
