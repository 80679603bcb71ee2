import type { Booking, BookingEventType, CentreCalendar } from '@lakou/domain/booking/rules';
import type { Centre } from '@lakou/domain/network';
import { Button } from '@lakou/ui/button';
import { EmptyState, ErrorState, LoadingState } from '@lakou/ui/states';
import { toast } from '@lakou/ui/toast';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Temporal } from 'temporal-polyfill';
import {
  bookingKeys,
  bookingsQuery,
  cancelSeries,
  createBooking,
  moveBooking,
  requestedBookingsQuery,
  resourcesQuery,
  sendBookingEvent,
} from '../../api/booking.ts';
import { useCan, useMe } from '../../auth/session.ts';
import { useLocale } from '../../i18n/index.ts';
import {
  type AgendaView,
  bookingEvents,
  defaultView,
  describeBooking,
  preCheck,
  toCentreIso,
} from '../../lib/agenda.ts';
import { startFromSlot } from '../../lib/series.ts';
import { RouterLink } from '../RouterLink.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import type { CalendarChange } from './AgendaCalendar.tsx';
import { type Draft, refusalOf } from './booking-refusal.ts';
import { ResourcesPanel } from './ResourcesPanel.tsx';
import type { SeriesSeed } from './SeriesDialog.tsx';

/*
 * FullCalendar is most of this page's weight: it loads in a chunk of its own, so the page's
 * title, toolbar and resources paint without waiting for it.
 */
const AgendaCalendar = lazy(() =>
  import('./AgendaCalendar.tsx').then((m) => {
    // The booking dialogs are fetched once the calendar is here, before anyone clicks a slot.
    void loadBookingDialogs();
    return { default: m.AgendaCalendar };
  }),
);

/*
 * The booking dialogs (their forms, zod schemas and custom fields) load after the calendar,
 * so they never hold up the page's first paint.
 */
const loadBookingDialogs = () => import('./BookingDialogs.tsx');
const NewBookingDialog = lazy(() =>
  loadBookingDialogs().then((m) => ({ default: m.NewBookingDialog })),
);
const BookingDetailsDialog = lazy(() =>
  loadBookingDialogs().then((m) => ({ default: m.BookingDetailsDialog })),
);

/*
 * The series editor (and the recurrence rules it reads and writes) loads the first time a
 * manager opens it, not with the page: most visits to the agenda never make a series.
 */
const SeriesDialog = lazy(() =>
  import('./SeriesDialog.tsx').then((m) => ({ default: m.SeriesDialog })),
);

export function AgendaPage({
  centre,
  initialDate,
}: {
  centre: Centre;
  initialDate?: string | undefined;
}) {
  const { t } = useTranslation();
  const { language, locale } = useLocale();
  const can = useCan();
  const me = useMe();
  const queryClient = useQueryClient();
  useDocumentTitle(t('agenda.title', { centre: centre.name }));

  const subject = { centreId: centre.id };
  const canWrite = can('booking.write', subject);
  const canApprove = can('booking.approve', subject);
  const canManage = can('centre.manage', subject);
  const timeZone = centre.timeZone;

  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [seriesSeed, setSeriesSeed] = useState<SeriesSeed | null>(null);
  // Once opened, the series editor stays mounted, so that it closes (focus back where it was)
  // the way the other dialogs do.
  const [seriesWanted, setSeriesWanted] = useState(false);
  if (seriesSeed !== null && !seriesWanted) setSeriesWanted(true);
  const [initialView] = useState<AgendaView>(() => defaultView(window.innerWidth));

  const resources = useQuery(resourcesQuery(centre.id));
  const requested = useQuery({ ...requestedBookingsQuery(centre.id, 1), enabled: canApprove });
  const bookings = useQuery({
    ...bookingsQuery(centre.id, range?.from ?? '', range?.to ?? ''),
    enabled: range !== null && (resources.data?.length ?? 0) > 0,
    placeholderData: keepPreviousData,
  });

  const calendar: CentreCalendar = useMemo(
    () => ({ timeZone, openingHours: centre.openingHours, closures: centre.closures }),
    [timeZone, centre.openingHours, centre.closures],
  );
  const loaded = bookings.data ?? [];
  const calendarResources = useMemo(
    () => (resources.data ?? []).map((r) => ({ id: r.id, title: r.name })),
    [resources.data],
  );
  const events = useMemo(
    () => bookingEvents(bookings.data ?? [], canWrite),
    [bookings.data, canWrite],
  );
  const viewLabels = useMemo(
    () => ({
      resourceTimelineDay: t('agenda.views.day'),
      resourceTimelineWeek: t('agenda.views.week'),
      dayGridMonth: t('agenda.views.month'),
      listWeek: t('agenda.views.list'),
    }),
    [t],
  );

  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: bookingKeys.bookings(centre.id) });

  const onChange = async (change: CalendarChange) => {
    const booking = loaded.find((b) => b.id === change.id);
    const resource = resources.data?.find((r) => r.id === change.resourceId);
    const start = toCentreIso(change.start, timeZone);
    const end = toCentreIso(change.end, timeZone);
    if (!booking || !resource) {
      change.revert();
      return;
    }
    const check = preCheck(
      { resourceId: resource.id, start, end, headcount: booking.headcount, bookingId: booking.id },
      resource,
      loaded,
      calendar,
    );
    const reasons = [
      ...check.conflicts.map((b) =>
        t('agenda.conflictWith', { booking: describeBooking(b, timeZone, locale) }),
      ),
      ...check.problems.map((p) => p.message),
    ];
    if (reasons.length > 0) {
      change.revert();
      toast.error(t('agenda.moveRefused'), reasons.join(' '));
      return;
    }
    try {
      await moveBooking(booking.id, { start, end });
      toast.success(t('agenda.moved'));
      await refresh();
    } catch (error) {
      change.revert();
      const refusal = refusalOf(error);
      const details = [
        ...refusal.check.conflicts.map((b) =>
          t('agenda.conflictWith', { booking: describeBooking(b, timeZone, locale) }),
        ),
        ...refusal.check.problems.map((p) => p.message),
      ];
      toast.error(t('agenda.moveRefused'), [refusal.detail, ...details].join(' '));
    }
  };

  const openBooking: Booking | null = loaded.find((b) => b.id === openId) ?? null;

  /** A series starting on the day the calendar shows (or today), at 09:00 for an hour. */
  const newSeriesSeed = (): SeriesSeed => ({
    resourceId: resources.data?.[0]?.id ?? '',
    date: range
      ? Temporal.Instant.from(range.from).toZonedDateTimeISO(timeZone).toPlainDate().toString()
      : (initialDate ?? Temporal.Now.zonedDateTimeISO(timeZone).toPlainDate().toString()),
    time: '09:00',
    durationMinutes: 60,
  });

  const header = (
    <>
      <p className="hub-back">
        <RouterLink to="/centres/$centreId" params={{ centreId: centre.id }}>
          <span aria-hidden="true">← </span>
          {centre.name}
        </RouterLink>
      </p>
      <header className="hub-page__header">
        <h1 className="hub-page__title">{t('agenda.title', { centre: centre.name })}</h1>
        <p className="hub-note">{t('agenda.timeZoneNote', { zone: timeZone })}</p>
        <p>
          <RouterLink to="/centres/$centreId/events" params={{ centreId: centre.id }}>
            {t('events.link')}
          </RouterLink>{' '}
          <span aria-hidden="true">·</span>{' '}
          <RouterLink to="/centres/$centreId/coworking" params={{ centreId: centre.id }}>
            {t('coworking.link')}
          </RouterLink>
        </p>
        {(canWrite && (resources.data?.length ?? 0) > 0) || canApprove ? (
          <div className="hub-page__actions">
            {canWrite && (resources.data?.length ?? 0) > 0 ? (
              <Button variant="secondary" onPress={() => setSeriesSeed(newSeriesSeed())}>
                {t('series.newSeries')}
              </Button>
            ) : null}
            {canApprove ? (
              <RouterLink to="/centres/$centreId/approvals" params={{ centreId: centre.id }}>
                {requested.data && requested.data.total > 0
                  ? t('approvals.linkCount', { count: requested.data.total })
                  : t('approvals.link')}
              </RouterLink>
            ) : null}
          </div>
        ) : null}
      </header>
    </>
  );

  if (resources.isPending) {
    return (
      <div className="hub-page">
        {header}
        <LoadingState label={t('agenda.loading')} />
      </div>
    );
  }
  if (resources.isError) {
    return (
      <div className="hub-page">
        {header}
        <ErrorState
          title={t('agenda.loadFailed')}
          detail={refusalOf(resources.error).detail}
          retryLabel={t('errors.retry')}
          onRetry={() => void resources.refetch()}
        />
      </div>
    );
  }

  return (
    <div className="hub-page hub-agenda">
      {header}
      {resources.data.length === 0 ? (
        <EmptyState
          title={t('agenda.noResources')}
          description={canManage ? t('agenda.noResourcesManager') : t('agenda.noResourcesReader')}
        />
      ) : (
        <>
          {bookings.isError ? (
            <ErrorState
              title={t('agenda.loadFailed')}
              detail={refusalOf(bookings.error).detail}
              retryLabel={t('errors.retry')}
              onRetry={() => void bookings.refetch()}
            />
          ) : null}
          <p className="hub-note" aria-live="polite">
            {bookings.isFetching ? t('agenda.loading') : ''}
          </p>
          <Suspense fallback={<div className="hub-agenda__calendar" aria-busy="true" />}>
            <AgendaCalendar
              timeZone={timeZone}
              language={language}
              resources={calendarResources}
              events={events}
              canWrite={canWrite}
              initialView={initialView}
              initialDate={initialDate}
              viewLabels={viewLabels}
              resourcesLabel={t('agenda.resources')}
              slotMinTime="07:00:00"
              slotMaxTime="22:00:00"
              onRangeChange={(from, to) =>
                setRange({ from: toCentreIso(from, timeZone), to: toCentreIso(to, timeZone) })
              }
              onSelect={({ resourceId, start, end }) =>
                setDraft({
                  resourceId: resourceId ?? '',
                  start: toCentreIso(start, timeZone),
                  end: toCentreIso(end, timeZone),
                })
              }
              onEventChange={(change) => void onChange(change)}
              onEventClick={setOpenId}
            />
          </Suspense>
        </>
      )}
      <ResourcesPanel centreId={centre.id} resources={resources.data} canManage={canManage} />
      {draft ? (
        <Suspense fallback={null}>
          <NewBookingDialog
            draft={draft}
            resources={resources.data}
            bookings={loaded}
            calendar={calendar}
            defaultOrganiser={me?.name ?? ''}
            onClose={() => setDraft(null)}
            onMakeRecurring={(slot, purpose) => {
              setDraft(null);
              setSeriesSeed({ ...startFromSlot(slot, timeZone), purpose });
            }}
            onSave={async (values) => {
              const created = await createBooking(values);
              setDraft(null);
              toast.success(t('agenda.booked', { purpose: created.purpose }));
              await refresh();
            }}
          />
        </Suspense>
      ) : null}
      {seriesWanted ? (
        <Suspense fallback={null}>
          <SeriesDialog
            seed={seriesSeed}
            resources={resources.data}
            timeZone={timeZone}
            defaultOrganiser={me?.name ?? ''}
            onClose={() => setSeriesSeed(null)}
            onCreated={async (purpose, booked) => {
              setSeriesSeed(null);
              toast.success(t('series.created', { purpose, count: booked }));
              await refresh();
            }}
          />
        </Suspense>
      ) : null}
      {openBooking ? (
        <Suspense fallback={null}>
          <BookingDetailsDialog
            booking={openBooking}
            resource={resources.data.find((r) => r.id === openBooking?.resourceId)}
            timeZone={timeZone}
            canWrite={canWrite}
            canApprove={canApprove}
            onClose={() => setOpenId(null)}
            onEvent={async (type: BookingEventType, reason?: string) => {
              await sendBookingEvent(
                openBooking?.id ?? '',
                type === 'cancel' ? { type, reason: reason ?? '' } : ({ type } as never),
              );
              setOpenId(null);
              toast.success(t(`agenda.eventDone.${type}`));
              await refresh();
            }}
            onCustomSaved={async () => {
              toast.success(t('agenda.customSaved'));
              await refresh();
            }}
            onCancelSeries={async (scope, reason) => {
              const booking = openBooking;
              if (!booking?.seriesId) return;
              const cancelled = await cancelSeries(booking.seriesId, {
                scope,
                reason,
                ...(scope === 'all' ? {} : { bookingId: booking.id }),
              });
              setOpenId(null);
              toast.success(t('series.cancel.done', { count: cancelled.length }));
              await refresh();
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
