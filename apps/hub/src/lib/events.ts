import type { Event, Registration } from '@lakou/domain/events';
import { Temporal } from 'temporal-polyfill';
import { formatCentreRange } from './centre-time.ts';

/*
 * Pure helpers of the events pages and the public agenda: periods as instants in the centre's
 * zone, places left, days of the public agenda, the waiting list. No React: unit-tested in Node.
 * Only types come from the domain, so the public agenda does not pull in its schemas.
 */

export const eventPeriods = ['week', 'month', 'quarter', 'all'] as const;
export type EventPeriod = (typeof eventPeriods)[number];

const periodDays: Record<Exclude<EventPeriod, 'all'>, number> = {
  week: 7,
  month: 31,
  quarter: 92,
};

/** An instant as the API reads it: ISO 8601 with the zone's offset, to the second. */
function isoOf(zoned: Temporal.ZonedDateTime): string {
  return zoned.toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/**
 * The window of a period in the centre's calendar, from the start of `today` (so the query
 * stays the same all day long and today's earlier events still show) to the end of its last day.
 */
export function periodBounds(
  period: EventPeriod,
  today: string,
  timeZone: string,
): { from: string; to?: string } {
  const start = Temporal.PlainDate.from(today).toZonedDateTime({ timeZone });
  if (period === 'all') return { from: isoOf(start) };
  const end = Temporal.PlainDate.from(today)
    .add({ days: periodDays[period] })
    .toZonedDateTime({ timeZone });
  return { from: isoOf(start), to: isoOf(end) };
}

/** Today's date (YYYY-MM-DD) in the centre's zone. */
export function todayIn(timeZone: string, now: Temporal.Instant = Temporal.Now.instant()): string {
  return now.toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

export function placesLeft(event: Pick<Event, 'capacity' | 'seatsTaken'>): number {
  return Math.max(0, event.capacity - event.seatsTaken);
}

export type Availability = 'open' | 'full' | 'closed' | 'cancelled';

/**
 * What a visitor may expect: places left, or the waiting list. A newcomer never passes people
 * already waiting (the domain's first-come rule), so anyone waiting makes the event « full ».
 */
export function availabilityOf(
  event: Pick<Event, 'capacity' | 'seatsTaken' | 'waiting' | 'registrationOpen' | 'status'>,
): Availability {
  if (event.status === 'cancelled') return 'cancelled';
  if (!event.registrationOpen) return 'closed';
  return placesLeft(event) === 0 || event.waiting > 0 ? 'full' : 'open';
}

export interface EventDay<T> {
  /** YYYY-MM-DD in the centre's zone. */
  date: string;
  events: T[];
}

/** Events grouped by the day they start on in the centre's zone, in order. */
export function groupByDay<T extends Pick<Event, 'start'>>(
  events: readonly T[],
  timeZone: string,
): EventDay<T>[] {
  const days: EventDay<T>[] = [];
  const sorted = [...events].sort(
    (a, b) =>
      Temporal.Instant.from(a.start).epochMilliseconds -
      Temporal.Instant.from(b.start).epochMilliseconds,
  );
  for (const event of sorted) {
    const date = Temporal.Instant.from(event.start)
      .toZonedDateTimeISO(timeZone)
      .toPlainDate()
      .toString();
    const last = days[days.length - 1];
    if (last?.date === date) last.events.push(event);
    else days.push({ date, events: [event] });
  }
  return days;
}

/**
 * The hours of an event under its day's heading: « 18:00 – 19:30 », or the full range when it
 * runs over several days.
 */
export function formatHours(start: string, end: string, timeZone: string, locale: string): string {
  const from = Temporal.Instant.from(start).toZonedDateTimeISO(timeZone);
  const to = Temporal.Instant.from(end).toZonedDateTimeISO(timeZone);
  if (
    Temporal.PlainDate.compare(
      from.toPlainDate(),
      to.subtract({ nanoseconds: 1 }).toPlainDate(),
    ) !== 0
  ) {
    return formatCentreRange(start, end, timeZone, locale);
  }
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  return `${time.format(from.epochMilliseconds)} – ${time.format(to.epochMilliseconds)}`;
}

/** The waiting list in its order (position 1 first). */
export function waitingListOf(registrations: readonly Registration[]): Registration[] {
  return registrations
    .filter((r) => r.status === 'waitlisted')
    .sort(
      (a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER),
    );
}

/** Who went from the waiting list to a seat between two readings of the registrations. */
export function promotedBetween(
  before: readonly Registration[],
  after: readonly Registration[],
): Registration[] {
  const waiting = new Set(before.filter((r) => r.status === 'waitlisted').map((r) => r.id));
  return after.filter((r) => r.status === 'registered' && waiting.has(r.id));
}

/**
 * The link a visitor cancels with, as a path on this site: the API builds it on its configured
 * public URL, which a development server (another port) does not share.
 */
export function cancelPath(cancelUrl: string): string {
  try {
    const url = new URL(cancelUrl);
    return `${url.pathname}${url.search}`;
  } catch {
    return cancelUrl;
  }
}

/** The iCalendar feed of a centre's public agenda, and its webcal:// twin for calendar apps. */
export function agendaFeedUrls(
  origin: string,
  centreId: string,
): { https: string; webcal: string } {
  const https = `${origin}/api/centres/${encodeURIComponent(centreId)}/agenda.ics`;
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}

/** A number typed in a text field, when it is a whole number (else `null`). */
export function wholeNumberOrNull(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}
