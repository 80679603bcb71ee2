import type {
  Booking,
  BookingEventType,
  CentreCalendar,
  Resource,
} from '@lakou/domain/booking/rules';
import type { Centre } from '@lakou/domain/network';
import { EmptyState, ErrorState } from '@lakou/ui/states';
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
import type { CalendarChange } from './AgendaCalendar.tsx';
import { type Draft, refusalOf } from './booking-refusal.ts';
import { ResourcesPanel } from './ResourcesPanel.tsx';
import type { SeriesSeed } from './SeriesDialog.tsx';

/*
 * The agenda below its header: the calendar, the resources and the booking dialogs, with the
 * time and booking rules they need (Temporal, the domain's rules, React Aria's overlays and
 * fields). AgendaPage loads it after painting its header, which needs none of them.
 */

/*
 * FullCalendar is most of this page's weight: it loads in a chunk of its own, so the page's
 * title, toolbar and resources paint without waiting for it. It is asked for as soon as this
 * module runs (the header has its own chunk), not once the resources have rendered: on a busy
 * machine, parsing this module and rendering took seconds before the calendar was even asked for.
 */
let calendarModule: Promise<typeof import('./AgendaCalendar.tsx')> | undefined;
const loadCalendar = () => {
  calendarModule ??= import('./AgendaCalendar.tsx').catch((error: unknown) => {
    calendarModule = undefined;
    throw error;
  });
  return calendarModule;
};
void loadCalendar().catch(() => undefined);
const AgendaCalendar = lazy(() =>
  loadCalendar().then((m) => {
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

/** Where a new series starts: the day the calendar shows (or today), at 09:00 for an hour. */
export function newSeriesSeed({
  resources,
  range,
  initialDate,
  timeZone,
}: {
  resources: readonly Resource[];
  range: AgendaRange | null;
  initialDate?: string | undefined;
  timeZone: string;
}): SeriesSeed {
  return {
    resourceId: resources[0]?.id ?? '',
    date: range
      ? Temporal.Instant.from(range.from).toZonedDateTimeISO(timeZone).toPlainDate().toString()
      : (initialDate ?? Temporal.Now.zonedDateTimeISO(timeZone).toPlainDate().toString()),
    time: '09:00',
    durationMinutes: 60,
  };
}

export interface AgendaRange {
  from: string;
  to: string;
}

export function AgendaWorkspace({
  centre,
  initialDate,
  resources,
  range,
  onRangeChange,
  seriesSeed,
  onSeriesSeedChange,
}: {
  centre: Centre;
  initialDate?: string | undefined;
  resources: Resource[];
  range: AgendaRange | null;
  onRangeChange: (range: AgendaRange) => void;
  seriesSeed: SeriesSeed | null;
  onSeriesSeedChange: (seed: SeriesSeed | null) => void;
}) {
  const { t } = useTranslation();
  const { language, locale } = useLocale();
  const can = useCan();
  const me = useMe();
  const queryClient = useQueryClient();

  const subject = { centreId: centre.id };
  const canWrite = can('booking.write', subject);
  const canApprove = can('booking.approve', subject);
  const canManage = can('centre.manage', subject);
  const timeZone = centre.timeZone;

  const [draft, setDraft] = useState<Draft | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  // Once opened, the series editor stays mounted, so that it closes (focus back where it was)
  // the way the other dialogs do.
  const [seriesWanted, setSeriesWanted] = useState(false);
  if (seriesSeed !== null && !seriesWanted) setSeriesWanted(true);
  const [initialView] = useState<AgendaView>(() => defaultView(window.innerWidth));

  const bookings = useQuery({
    ...bookingsQuery(centre.id, range?.from ?? '', range?.to ?? ''),
    enabled: range !== null && resources.length > 0,
    placeholderData: keepPreviousData,
  });

  const calendar: CentreCalendar = useMemo(
    () => ({ timeZone, openingHours: centre.openingHours, closures: centre.closures }),
    [timeZone, centre.openingHours, centre.closures],
  );
  const loaded = bookings.data ?? [];
  const calendarResources = useMemo(
    () => resources.map((r) => ({ id: r.id, title: r.name })),
    [resources],
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
    const resource = resources.find((r) => r.id === change.resourceId);
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

  return (
    <>
      {resources.length === 0 ? (
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
                onRangeChange({ from: toCentreIso(from, timeZone), to: toCentreIso(to, timeZone) })
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
      <ResourcesPanel centreId={centre.id} resources={resources} canManage={canManage} />
      {draft ? (
        <Suspense fallback={null}>
          <NewBookingDialog
            draft={draft}
            resources={resources}
            bookings={loaded}
            calendar={calendar}
            defaultOrganiser={me?.name ?? ''}
            onClose={() => setDraft(null)}
            onMakeRecurring={(slot, purpose) => {
              setDraft(null);
              onSeriesSeedChange({ ...startFromSlot(slot, timeZone), purpose });
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
            resources={resources}
            timeZone={timeZone}
            defaultOrganiser={me?.name ?? ''}
            onClose={() => onSeriesSeedChange(null)}
            onCreated={async (purpose, booked) => {
              onSeriesSeedChange(null);
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
            resource={resources.find((r) => r.id === openBooking?.resourceId)}
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
    </>
  );
}
