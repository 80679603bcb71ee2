import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { type Closure, closureOn } from '../network/closure.ts';
import { minutesOfDay, type OpeningWindow, sortWindows } from '../network/opening-hours.ts';
import { instant, instantMs } from './instant.ts';
import { epochMs, type Interval } from './interval.ts';

type ClosureLike = Pick<Closure, 'startsOn' | 'endsOn' | 'reason'>;

/** A stretch of one weekday, in minutes since local midnight, [from, to). */
interface DayStretch {
  from: number;
  to: number;
}

const weekdayNames = ['', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/**
 * The stretches of each weekday (1–7) when booking is possible. Touching windows merge, so a
 * booking may run from a morning window into an afternoon one that starts as the first ends.
 */
function stretchesByWeekday(windows: readonly OpeningWindow[]): DayStretch[][] {
  const days: DayStretch[][] = Array.from({ length: 8 }, () => []);
  for (const w of sortWindows(windows)) {
    const day = days[w.weekday];
    if (!day) continue;
    const from = minutesOfDay(w.opens);
    const to = minutesOfDay(w.closes);
    const last = day.at(-1);
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else day.push({ from, to });
  }
  return days;
}

/** Minutes since local midnight, with seconds as a fraction. */
function localMinutes(z: Temporal.ZonedDateTime): number {
  return z.hour * 60 + z.minute + z.second / 60 + z.millisecond / 60_000;
}

/**
 * Whether [start, end) lies inside the stretches of its local day. Judged on the wall clock piece
 * by piece: a slot across a change of clocks covers the wall times before the change and those
 * after it, not the hour skipped (spring) and both passes of the hour repeated (autumn).
 */
function fitsStretches(
  start: Temporal.ZonedDateTime,
  end: Temporal.ZonedDateTime,
  days: readonly DayStretch[][],
): boolean {
  if (!start.toPlainDate().equals(end.toPlainDate())) return false;
  const stretches = days[start.dayOfWeek] ?? [];
  const covered = (from: number, to: number) => stretches.some((s) => s.from <= from && to <= s.to);
  if (start.offsetNanoseconds === end.offsetNanoseconds) {
    return covered(localMinutes(start), localMinutes(end));
  }
  const change = start.getTimeZoneTransition('next');
  if (!change || Temporal.ZonedDateTime.compare(change, end) >= 0) {
    return covered(localMinutes(start), localMinutes(end));
  }
  const minutesBefore = (change.epochMilliseconds - start.epochMilliseconds) / 60_000;
  return (
    covered(localMinutes(start), localMinutes(start) + minutesBefore) &&
    fitsStretches(change, end, days)
  );
}

function frenchDate(date: Temporal.PlainDate): string {
  return `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${date.year}`;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Why [start, end) cannot be booked in these hours, judged on the wall clock of `timeZone`, or
 * null when it can: the interval must lie inside the bookable hours of one local day and touch no
 * closure day. The reason is in French, for the person booking.
 */
export function outsideBookableHours(
  interval: Interval,
  bookableHours: readonly OpeningWindow[],
  closures: readonly ClosureLike[],
  timeZone: string,
): string | null {
  const startMs = epochMs(interval.start);
  const endMs = epochMs(interval.end);
  if (endMs <= startMs) return 'La fin de la réservation doit suivre son début.';
  const start = Temporal.Instant.fromEpochMilliseconds(startMs).toZonedDateTimeISO(timeZone);
  const lastMoment = Temporal.Instant.fromEpochMilliseconds(endMs - 1).toZonedDateTimeISO(timeZone);
  for (
    let day = start.toPlainDate();
    Temporal.PlainDate.compare(day, lastMoment.toPlainDate()) <= 0;
    day = day.add({ days: 1 })
  ) {
    const closure = closureOn(closures, day.toString());
    if (closure) return `Fermé le ${frenchDate(day)} : ${closure.reason}.`;
  }
  const days = stretchesByWeekday(bookableHours);
  const end = Temporal.Instant.fromEpochMilliseconds(endMs).toZonedDateTimeISO(timeZone);
  if (fitsStretches(start, end, days)) return null;
  const stretches = days[start.dayOfWeek] ?? [];
  const weekday = weekdayNames[start.dayOfWeek];
  if (stretches.length === 0) return `Pas de réservation possible le ${weekday}.`;
  const list = stretches.map((s) => `${clock(s.from)}–${clock(s.to)}`).join(', ');
  return `En dehors des heures réservables du ${weekday} (${list}).`;
}

export interface FreeSlotsQuery {
  /** The instants to search between; slots lie wholly inside [from, to). */
  window: { from: Interval['start']; to: Interval['end'] };
  durationMinutes: number;
  /** Slots start every `stepMinutes` from the opening of each bookable window. */
  stepMinutes: number;
  timeZone: string;
  /** Weekly local windows (the resource's, or its centre's opening hours). */
  bookableHours: readonly OpeningWindow[];
  /** Closure days of the centre and the resource, both ends included. */
  closures: readonly ClosureLike[];
  bufferMinutes: number;
  /** Intervals already taken: bookings that hold their slot. */
  busy: readonly Interval[];
}

export interface Slot {
  start: Temporal.Instant;
  end: Temporal.Instant;
}

/**
 * The slots of `durationMinutes` that can still be booked in a window: inside the bookable hours of
 * one local day (judged on the wall clock of `timeZone`, so across daylight-saving changes too),
 * on no closure day, and at least `bufferMinutes` away from every busy interval. Candidate starts
 * are the window openings plus multiples of `stepMinutes`, in local time. Sorted by start, without
 * duplicates (a start that falls in a spring-forward gap lands on an existing one).
 */
export function freeSlots(query: FreeSlotsQuery): Slot[] {
  const { durationMinutes, stepMinutes, timeZone } = query;
  if (!(durationMinutes > 0) || !(stepMinutes > 0)) {
    throw new RangeError('La durée et le pas des créneaux doivent être positifs.');
  }
  const fromMs = epochMs(query.window.from);
  const toMs = epochMs(query.window.to);
  if (toMs <= fromMs) return [];

  const bufferMs = query.bufferMinutes * 60_000;
  const blocked = mergeRanges(
    query.busy
      .map((b) => ({ from: epochMs(b.start), to: epochMs(b.end) }))
      .filter((b) => b.to > b.from)
      .map((b) => ({ from: b.from - bufferMs, to: b.to + bufferMs })),
  );
  const days = stretchesByWeekday(query.bookableHours);
  const lastDay = Temporal.Instant.fromEpochMilliseconds(toMs)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  const found = new Map<number, Slot>();

  for (
    let day = Temporal.Instant.fromEpochMilliseconds(fromMs)
      .toZonedDateTimeISO(timeZone)
      .toPlainDate();
    Temporal.PlainDate.compare(day, lastDay) <= 0;
    day = day.add({ days: 1 })
  ) {
    if (closureOn(query.closures, day.toString())) continue;
    const stretches = days[day.dayOfWeek] ?? [];
    if (stretches.length === 0) continue;
    const midnight = steadyMidnightMs(day, timeZone);
    if (midnight !== null) {
      // A day without a change of clocks: the wall clock is midnight plus the minutes, and a slot
      // inside a stretch fits it (it ends before the next midnight, on the same local day).
      for (const stretch of stretches) {
        for (let m = stretch.from; m + durationMinutes <= stretch.to; m += stepMinutes) {
          if (m + durationMinutes >= MINUTES_PER_DAY) break;
          const startMs = midnight + m * 60_000;
          const endMs = startMs + durationMinutes * 60_000;
          if (startMs < fromMs || endMs > toMs || found.has(startMs)) continue;
          if (isBlocked(blocked, startMs, endMs)) continue;
          found.set(startMs, {
            start: Temporal.Instant.fromEpochMilliseconds(startMs),
            end: Temporal.Instant.fromEpochMilliseconds(endMs),
          });
        }
      }
      continue;
    }
    for (const stretch of stretches) {
      for (let m = stretch.from; m + durationMinutes <= stretch.to; m += stepMinutes) {
        const start = day.toZonedDateTime({
          timeZone,
          plainTime: Temporal.PlainTime.from({ hour: Math.floor(m / 60), minute: m % 60 }),
        });
        const startMs = start.epochMilliseconds;
        const endMs = startMs + durationMinutes * 60_000;
        if (startMs < fromMs || endMs > toMs || found.has(startMs)) continue;
        const end = Temporal.Instant.fromEpochMilliseconds(endMs).toZonedDateTimeISO(timeZone);
        if (!fitsStretches(start, end, days)) continue;
        if (isBlocked(blocked, startMs, endMs)) continue;
        found.set(startMs, { start: start.toInstant(), end: end.toInstant() });
      }
    }
  }
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, slot]) => slot);
}

const MINUTES_PER_DAY = 24 * 60;

/**
 * The instant of local midnight on `day` when the clocks do not change that day (the day lasts
 * 24 hours, starts at 00:00 and no transition falls inside it), or null. On such a day every wall
 * time is midnight plus its minutes: no time zone needs working out slot by slot.
 */
function steadyMidnightMs(day: Temporal.PlainDate, timeZone: string): number | null {
  const start = day.toZonedDateTime({ timeZone });
  if (start.hour !== 0 || start.minute !== 0) return null;
  const next = day.add({ days: 1 }).toZonedDateTime({ timeZone });
  if (next.epochMilliseconds - start.epochMilliseconds !== MINUTES_PER_DAY * 60_000) return null;
  const change = start.getTimeZoneTransition('next');
  if (change && change.epochMilliseconds < next.epochMilliseconds) return null;
  return start.epochMilliseconds;
}

interface Range {
  from: number;
  to: number;
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else merged.push({ ...r });
  }
  return merged;
}

/** Whether [from, to) meets a merged, sorted list of blocked ranges (binary search). */
function isBlocked(blocked: readonly Range[], from: number, to: number): boolean {
  let lo = 0;
  let hi = blocked.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((blocked[mid]?.to ?? 0) <= from) lo = mid + 1;
    else hi = mid;
  }
  const first = blocked[lo];
  return first !== undefined && first.from < to;
}

/** The longest window one availability request may cover. */
export const AVAILABILITY_MAX_DAYS = 62;

/** Query parameters of an availability request (strings, as they come from a URL). */
export const availabilityQuery = z
  .object({
    from: instant,
    to: instant,
    durationMinutes: z.coerce
      .number({ error: 'Durée en minutes attendue.' })
      .int({ error: 'Durée en minutes entières.' })
      .min(5, { error: 'Durée d’au moins 5 minutes.' })
      .max(24 * 60, { error: 'Durée de 24 heures au plus.' })
      .multipleOf(5, { error: 'Durée en multiple de 5 minutes.' }),
    stepMinutes: z.coerce
      .number({ error: 'Pas en minutes attendu.' })
      .int({ error: 'Pas en minutes entières.' })
      .min(5, { error: 'Pas d’au moins 5 minutes.' })
      .max(24 * 60, { error: 'Pas de 24 heures au plus.' })
      .multipleOf(5, { error: 'Pas en multiple de 5 minutes.' })
      .default(30),
  })
  .superRefine((q, ctx) => {
    const span = instantMs(q.to) - instantMs(q.from);
    if (!(span > 0)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'La fin doit suivre le début.' });
    } else if (span > AVAILABILITY_MAX_DAYS * 86_400_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Période de ${AVAILABILITY_MAX_DAYS} jours au plus.`,
      });
    }
  });
export type AvailabilityQuery = z.infer<typeof availabilityQuery>;
