import {
  type Booking,
  type BookingProblem,
  type CentreCalendar,
  findConflicts,
  holdsSlot,
  type Resource,
  validateAgainstResource,
} from '@lakou/domain/booking/rules';
import { Temporal } from 'temporal-polyfill';

/*
 * Pure helpers of the centre agenda: instants as the centre's wall clock, the pre-checks the
 * hub runs before asking the API (the domain's own rules), the calendar's event shapes. No
 * React and no FullCalendar here: unit-tested in Node.
 */

/** An instant as the API wants it: ISO 8601 in the centre's zone, with seconds and offset. */
export function toCentreIso(instant: Date | number | string, timeZone: string): string {
  const ms =
    typeof instant === 'string'
      ? Temporal.Instant.from(instant).epochMilliseconds
      : typeof instant === 'number'
        ? instant
        : instant.getTime();
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(timeZone)
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

// Re-exported: the time-span formatting lives apart from the booking rules, so that pages that
// only format a span (events, the board's reports) do not load the domain's booking rules.
import { formatCentreRange } from './centre-time.ts';

export { formatCentreRange };

/** Euro cents as money: « 12,50 € ». */
export function formatCents(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export interface Candidate {
  resourceId: string;
  start: string;
  end: string;
  headcount: number;
  /** The booking being moved, which cannot conflict with itself. */
  bookingId?: string | undefined;
}

export interface PreCheck {
  /** Loaded bookings of the same resource that would overlap (its buffer included). */
  conflicts: Booking[];
  /** The resource's own rules the candidate breaks (capacity, duration, hours, closures). */
  problems: BookingProblem[];
}

/** What the API would refuse, found with the domain's rules on what the agenda has loaded. */
export function preCheck(
  candidate: Candidate,
  resource: Resource,
  loaded: readonly Booking[],
  calendar: CentreCalendar,
): PreCheck {
  const others = loaded.filter(
    (b) =>
      b.resourceId === candidate.resourceId && b.id !== candidate.bookingId && holdsSlot(b.status),
  );
  return {
    conflicts: findConflicts(candidate, others, resource.bufferMinutes),
    problems: validateAgainstResource(candidate, resource, calendar),
  };
}

/** One conflicting booking, explained: « Atelier couture » (Association Kaz), mardi … 09:00 – 11:00. */
export function describeBooking(booking: Booking, timeZone: string, locale: string): string {
  return `« ${booking.purpose} » (${booking.organiser.name}), ${formatCentreRange(
    booking.start,
    booking.end,
    timeZone,
    locale,
  )}`;
}

/** The calendar's view for a screen width: the list on a phone, the timeline elsewhere. */
export function defaultView(width: number): AgendaView {
  return width < 640 ? 'listWeek' : 'resourceTimelineDay';
}

export const agendaViews = [
  'resourceTimelineDay',
  'resourceTimelineWeek',
  'dayGridMonth',
  'listWeek',
] as const;
export type AgendaView = (typeof agendaViews)[number];

export interface AgendaEvent {
  id: string;
  resourceId: string;
  title: string;
  start: string;
  end: string;
  classNames: string[];
  editable: boolean;
}

/** A booking as the calendar draws it; cancelled ones are left out, the others tinted by status. */
export function bookingEvents(bookings: readonly Booking[], canWrite: boolean): AgendaEvent[] {
  return bookings
    .filter((b) => b.status !== 'cancelled')
    .map((b) => ({
      id: b.id,
      resourceId: b.resourceId,
      title: b.purpose,
      start: b.start,
      end: b.end,
      classNames: ['hub-booking', `hub-booking--${b.status}`],
      // Only bookings still to come may move; the API refuses the others anyway.
      editable: canWrite && (b.status === 'requested' || b.status === 'confirmed'),
    }));
}

// In a module of its own, so that the API modules that page through lists load no booking rules.
export { allPages } from './all-pages.ts';
