import { closureOn, minutesOfDay, type OpeningWindow, sortWindows } from '@lakou/domain/network';
import { Temporal } from 'temporal-polyfill';
import type { Granularity } from '../model/filters.ts';
import { bucketOf } from '../model/periods.ts';

/** A closure of a centre or of one resource: local calendar days, both ends included. */
export interface ClosureDays {
  startsOn: string;
  endsOn: string;
}

/**
 * Bookable minutes of each weekday (index 1 = Monday … 7 = Sunday) in these weekly windows, on
 * the wall clock. Overlapping or touching windows of a day count once (their union).
 */
export function bookableMinutesPerWeekday(windows: readonly OpeningWindow[]): number[] {
  const perDay = Array.from({ length: 8 }, () => 0);
  let day = 0;
  let from = 0;
  let to = -1;
  const flush = () => {
    if (to > from) perDay[day] = (perDay[day] ?? 0) + (to - from);
  };
  for (const w of sortWindows(windows)) {
    const opens = minutesOfDay(w.opens);
    const closes = minutesOfDay(w.closes);
    if (w.weekday === day && opens <= to) {
      to = Math.max(to, closes);
      continue;
    }
    flush();
    day = w.weekday;
    from = opens;
    to = closes;
  }
  flush();
  return perDay;
}

/** One calendar day of a period: its ISO date, ISO weekday (1–7) and bucket key. */
export interface PeriodDay {
  day: string;
  weekday: number;
  bucket: string;
}

/** The days `from` to `to` (both included), each with its weekday and bucket: computed once per report. */
export function periodDays(from: string, to: string, granularity: Granularity): PeriodDay[] {
  const days: PeriodDay[] = [];
  const end = Temporal.PlainDate.from(to);
  for (
    let d = Temporal.PlainDate.from(from);
    Temporal.PlainDate.compare(d, end) <= 0;
    d = d.add({ days: 1 })
  ) {
    days.push({ day: d.toString(), weekday: d.dayOfWeek, bucket: bucketOf(d, granularity) });
  }
  return days;
}

/**
 * The minutes a resource may be booked over the days of a period, per period bucket: its weekly
 * bookable windows (its own, or else its centre's opening hours — see `effectiveBookableHours`)
 * on every day that no closure (of the centre or of the resource) covers. Counted on the wall
 * clock of the centre, so an hour skipped or repeated by a change of clocks is not corrected
 * (French Guiana has none). Buckets without bookable time are absent.
 */
export function bookableMinutesByBucket(input: {
  /** The period's days (`periodDays`), or its bounds and granularity. */
  days?: readonly PeriodDay[];
  from?: string;
  to?: string;
  granularity?: Granularity;
  windows: readonly OpeningWindow[];
  closures: readonly ClosureDays[];
}): Map<string, number> {
  const perWeekday = bookableMinutesPerWeekday(input.windows);
  const out = new Map<string, number>();
  if (perWeekday.every((m) => m === 0)) return out;
  const days =
    input.days ?? periodDays(input.from ?? '', input.to ?? '', input.granularity ?? 'month');
  const closures = input.closures.map((c) => ({ ...c, reason: '' }));
  for (const d of days) {
    const minutes = perWeekday[d.weekday] ?? 0;
    if (minutes === 0 || closureOn(closures, d.day)) continue;
    out.set(d.bucket, (out.get(d.bucket) ?? 0) + minutes);
  }
  return out;
}

/** Booked ÷ bookable time, or null when nothing was bookable (never a made-up 0 %). */
export function occupancyRate(bookedMinutes: number, bookableMinutes: number): number | null {
  return bookableMinutes > 0 ? bookedMinutes / bookableMinutes : null;
}
