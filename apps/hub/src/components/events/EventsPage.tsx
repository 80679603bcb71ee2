import type { Event } from '@lakou/domain/events';
import type { Centre } from '@lakou/domain/network';
import { pageCount } from '@lakou/domain/shared';
import { Badge } from '@lakou/ui/badge';
import { Button } from '@lakou/ui/button';
import { Pagination } from '@lakou/ui/data-table';
import { SelectField } from '@lakou/ui/form-field';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventKeys, eventKindsQuery, eventsQuery, fieldProblems } from '../../api/events.ts';
import { useCan } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCentreRange } from '../../lib/agenda.ts';
import { type EventPeriod, eventPeriods, periodBounds, todayIn } from '../../lib/events.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { usePaginationLabels } from '../usePaginationLabels.ts';
import { NewEventDialog } from './NewEventDialog.tsx';
import '../../styles/events.css';

export const EVENTS_PAGE_SIZE = 20;
const ALL = 'all';

export interface EventsPageProps {
  centre: Centre;
  kindId: string | undefined;
  period: EventPeriod;
  page: number;
  onSearchChange: (change: {
    kind?: string | undefined;
    period?: EventPeriod;
    page?: number;
  }) => void;
}

/** The upcoming events of one centre, for the people who work there. */
export function EventsPage({ centre, kindId, period, page, onSearchChange }: EventsPageProps) {
  const { t } = useTranslation();
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
    }),
  );

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
          <ul className="hub-events" aria-busy={events.isFetching || undefined}>
            {events.data.items.map((event) => (
              <EventRow key={event.id} event={event} />
            ))}
          </ul>
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

function EventRow({ event }: { event: Event }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <li className="hub-event">
      <h2 className="hub-event__title">
        <RouterLink
          to="/centres/$centreId/events/$eventId"
          params={{ centreId: event.centreId, eventId: event.id }}
        >
          {event.title}
        </RouterLink>
      </h2>
      <p className="hub-event__when">
        {formatCentreRange(event.start, event.end, event.timeZone, locale)}
      </p>
      <p className="hub-event__facts">
        <span>{event.kind.label}</span>
        <span>{t('events.seats', { taken: event.seatsTaken, capacity: event.capacity })}</span>
        {event.waiting > 0 ? (
          <span>{t('events.waitingCount', { count: event.waiting })}</span>
        ) : null}
      </p>
      <p className="hub-event__badges">
        {event.status === 'cancelled' ? <Badge tone="danger">{t('events.cancelled')}</Badge> : null}
        {event.public ? (
          <Badge tone="info">{t('events.public')}</Badge>
        ) : (
          <Badge tone="neutral">{t('events.internal')}</Badge>
        )}
        {event.status === 'scheduled' && !event.registrationOpen ? (
          <Badge tone="warning">{t('events.registrationClosed')}</Badge>
        ) : null}
      </p>
    </li>
  );
}
