import { type CustomFieldSpec, customFieldLabel } from '@lakou/domain/config';
import type { Event } from '@lakou/domain/events';
import type { Centre } from '@lakou/domain/network';
import { pageCount } from '@lakou/domain/shared';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { DataTable, type DataTableColumn, Pagination } from '@lakou/ui/data-table';
import { SelectField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Temporal } from 'temporal-polyfill';
import { eventKeys, eventKindsQuery, eventsQuery, fieldProblems } from '../../api/events.ts';
import { useCan } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCentreRange } from '../../lib/agenda.ts';
import { type EventPeriod, eventPeriods, periodBounds, todayIn } from '../../lib/events.ts';
import { customColumns, customKeyOf } from '../custom-fields/customColumns.ts';
import { useCustomFields } from '../custom-fields/useCustomFields.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { usePaginationLabels } from '../usePaginationLabels.ts';
import { NewEventDialog } from './NewEventDialog.tsx';
import '../../styles/events.css';

export const EVENTS_PAGE_SIZE = 20;
const ALL = 'all';
/** The last day of each period, for the CSV export (days in the centre's time, both included). */
const exportDays: Record<EventPeriod, number> = { week: 6, month: 30, quarter: 91, all: 365 };

export interface EventsPageProps {
  centre: Centre;
  kindId: string | undefined;
  period: EventPeriod;
  page: number;
  /** `start` (default) or `custom.<key>`. */
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
  /** Custom field filters by key. */
  customFilters?: Record<string, string | undefined>;
  onSearchChange: (change: {
    kind?: string | undefined;
    period?: EventPeriod;
    page?: number;
    sort?: string | undefined;
    order?: 'asc' | 'desc' | undefined;
    filters?: Record<string, string | undefined>;
  }) => void;
}

/** The upcoming events of one centre, for the people who work there. */
export function EventsPage({
  centre,
  kindId,
  period,
  page,
  sort,
  order,
  customFilters = {},
  onSearchChange,
}: EventsPageProps) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const can = useCan();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const paginationLabels = usePaginationLabels();
  const canWrite = can('booking.write', { centreId: centre.id });
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t('events.title', { centre: centre.name }));

  // The day is the centre's: the window stays the same all day long (a stable query).
  const today = todayIn(centre.timeZone);
  const bounds = periodBounds(period, today, centre.timeZone);
  const kinds = useQuery(eventKindsQuery());
  const events = useQuery(
    eventsQuery({
      centreId: centre.id,
      kindId,
      from: bounds.from,
      to: bounds.to,
      page,
      pageSize: EVENTS_PAGE_SIZE,
      sort,
      order,
      custom: customFilters,
    }),
  );
  // The centre's custom fields « affichés dans les tableaux »: columns, sorts and filters.
  const custom = useCustomFields('event', centre.id);
  const tableFields = custom.definitions.filter((d) => d.inTables);
  const filterFields = tableFields.filter((d) =>
    ['single_choice', 'multiple_choice', 'yes_no'].includes(d.type),
  );
  const columns = useEventColumns(tableFields, language);
  const exportHref = `/api/events/export.csv?${new URLSearchParams({
    centreId: centre.id,
    from: today,
    to: Temporal.PlainDate.from(today).add({ days: exportDays[period] }).toString(),
  })}`;

  const kindOptions = [
    { id: ALL, label: t('events.allKinds') },
    ...(kinds.data ?? []).map((k) => ({ id: k.id, label: k.label })),
  ];

  return (
    <div className="hub-page">
      <p className="hub-back">
        <RouterLink to="/centres/$centreId" params={{ centreId: centre.id }}>
          <span aria-hidden="true">← </span>
          {centre.name}
        </RouterLink>
      </p>
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('events.title', { centre: centre.name })}</h1>
        <p className="hub-note">{t('events.timeZoneNote', { zone: centre.timeZone })}</p>
        <div className="hub-events__actions">
          {canWrite ? <Button onPress={() => setCreating(true)}>{t('events.new')}</Button> : null}
          <RouterLink to="/centres/$centreId/agenda" params={{ centreId: centre.id }}>
            {t('events.agendaLink')}
          </RouterLink>
          <RouterLink to="/public/$centreId" params={{ centreId: centre.id }}>
            {t('events.publicLink')}
          </RouterLink>
          {/* A file to download, not a page of the hub: a plain link. */}
          <a className="lk-link" href={exportHref} download>
            {t('settings.eventsTable.export')}
          </a>
        </div>
      </header>

      <div className="hub-filters">
        <SelectField
          label={t('events.kind')}
          options={kindOptions}
          selectedKey={kindId ?? ALL}
          onSelectionChange={(key) =>
            onSearchChange({ kind: key === ALL ? undefined : String(key), page: 1 })
          }
        />
        <SelectField
          label={t('events.period')}
          options={eventPeriods.map((p) => ({ id: p, label: t(`events.periods.${p}`) }))}
          selectedKey={period}
          onSelectionChange={(key) => onSearchChange({ period: key as EventPeriod, page: 1 })}
        />
        {filterFields.map((field) => (
          <SelectField
            key={field.key}
            label={customFieldLabel(field, language)}
            options={[
              { id: ALL, label: t('settings.eventsTable.all') },
              ...(field.type === 'yes_no'
                ? [
                    { id: 'true', label: t('settings.section.yes') },
                    { id: 'false', label: t('settings.section.no') },
                  ]
                : field.options.map((o) => ({
                    id: o.key,
                    label: (language === 'en' && o.labelEn) || o.labelFr,
                  }))),
            ]}
            selectedKey={customFilters[field.key] ?? ALL}
            onSelectionChange={(key) =>
              onSearchChange({
                filters: { [field.key]: key === ALL || key == null ? undefined : String(key) },
                page: 1,
              })
            }
          />
        ))}
      </div>

      {events.isPending ? (
        <LoadingState label={t('events.loading')} />
      ) : events.isError ? (
        <ErrorState
          title={t('events.loadFailed')}
          detail={fieldProblems(events.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void events.refetch()}
        />
      ) : events.data.items.length === 0 ? (
        <EmptyState
          title={t('events.empty')}
          description={canWrite ? t('events.emptyWriter') : t('events.emptyReader')}
          action={
            canWrite ? (
              <Button variant="secondary" onPress={() => setCreating(true)}>
                {t('events.new')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          <p className="hub-results" aria-live="polite">
            {t('events.count', { count: events.data.total })}
          </p>
          <DataTable
            label={t('events.title', { centre: centre.name })}
            columns={columns}
            rows={events.data.items}
            getRowId={(event) => event.id}
            isLoading={events.isFetching}
            loadingLabel={t('events.loading')}
            sortDescriptor={{
              column: sort ?? 'start',
              direction: order === 'desc' ? 'descending' : 'ascending',
            }}
            onSortChange={(descriptor) => {
              const column = String(descriptor.column);
              onSearchChange({
                sort: column === 'start' || customKeyOf(column) ? column : undefined,
                order: descriptor.direction === 'descending' ? 'desc' : 'asc',
                page: 1,
              });
            }}
          />
          {events.data.total > EVENTS_PAGE_SIZE ? (
            <Pagination
              page={page}
              pageCount={pageCount(events.data.total, EVENTS_PAGE_SIZE)}
              onPageChange={(next) => onSearchChange({ page: next })}
              labels={paginationLabels}
            />
          ) : null}
        </>
      )}

      {canWrite ? (
        <NewEventDialog
          centre={centre}
          isOpen={creating}
          onClose={() => setCreating(false)}
          onCreated={async (made) => {
            setCreating(false);
            await queryClient.invalidateQueries({ queryKey: eventKeys.all });
            // Straight to the new event: registrations are what comes next.
            await navigate({
              to: '/centres/$centreId/events/$eventId',
              params: { centreId: centre.id, eventId: made.id },
            });
          }}
        />
      ) : null}
    </div>
  );
}

/** Title, when, kind, places and status, then the custom columns (sortable on the server). */
function useEventColumns(
  fields: readonly CustomFieldSpec[],
  language: 'fr' | 'en',
): DataTableColumn<Event>[] {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return useMemo(
    () => [
      {
        id: 'title',
        header: t('settings.eventsTable.title'),
        isRowHeader: true,
        cell: (event) => (
          <RouterLink
            to="/centres/$centreId/events/$eventId"
            params={{ centreId: event.centreId, eventId: event.id }}
          >
            {event.title}
          </RouterLink>
        ),
      },
      {
        id: 'start',
        header: t('settings.eventsTable.when'),
        allowsSorting: true,
        cell: (event) => formatCentreRange(event.start, event.end, event.timeZone, locale),
      },
      { id: 'kind', header: t('events.kind'), cell: (event) => event.kind.label },
      {
        id: 'seats',
        header: t('events.seatsLabel'),
        cell: (event) => (
          <>
            {t('events.seats', { taken: event.seatsTaken, capacity: event.capacity })}
            {event.waiting > 0 ? ` · ${t('events.waitingCount', { count: event.waiting })}` : null}
          </>
        ),
      },
      {
        id: 'status',
        header: t('settings.eventsTable.status'),
        cell: (event) => (
          <span className="hub-event__badges">
            {event.status === 'cancelled' ? (
              <Badge tone="danger">{t('events.cancelled')}</Badge>
            ) : null}
            {event.public ? (
              <Badge tone="info">{t('events.public')}</Badge>
            ) : (
              <Badge tone="neutral">{t('events.internal')}</Badge>
            )}
            {event.status === 'scheduled' && !event.registrationOpen ? (
              <Badge tone="warning">{t('events.registrationClosed')}</Badge>
            ) : null}
          </span>
        ),
      },
      ...customColumns<Event>(fields, language, { allowsSorting: true }),
    ],
    [fields, language, locale, t],
  );
}
