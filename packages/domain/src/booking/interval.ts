import { Temporal } from 'temporal-polyfill';

/**
 * A point in time as it reaches the domain: a Temporal.Instant, an ISO 8601 string with an offset
 * (from JSON), or a Date (from the database driver).
 */
export type InstantLike = Temporal.Instant | string | Date;

/** A half-open interval [start, end): it contains `start`, not `end`. */
export interface Interval<T = InstantLike> {
  start: T;
  end: T;
}

const MS_PER_MINUTE = 60_000;

export function toInstant(value: InstantLike): Temporal.Instant {
  if (value instanceof Temporal.Instant) return value;
  if (value instanceof Date) return Temporal.Instant.fromEpochMilliseconds(value.getTime());
  return Temporal.Instant.from(value);
}

export function epochMs(value: InstantLike): number {
  if (value instanceof Date) return value.getTime();
  return toInstant(value).epochMilliseconds;
}

/** Exact length of an interval in minutes (a night that changes the clocks counts 60 min an hour). */
export function durationMinutes(interval: Interval): number {
  return (epochMs(interval.end) - epochMs(interval.start)) / MS_PER_MINUTE;
}

/**
 * Whether two bookings of one resource clash once the resource's buffer is counted.
 *
 * The buffer extends each booking on both sides, so two bookings must be at least `bufferMinutes`
 * apart: with 15 minutes, [9:00, 10:00) and [10:15, 11:00) are fine, [10:10, 11:00) is not. With no
 * buffer, back-to-back bookings [9, 10) and [10, 11) do not overlap (half-open intervals). An empty
 * interval (end ≤ start) overlaps nothing, as an empty `tstzrange` in PostgreSQL.
 *
 * This is the rule the database's exclusion constraint enforces over [start, end + buffer).
 */
export function overlaps(a: Interval, b: Interval, bufferMinutes = 0): boolean {
  return overlapsMs(
    epochMs(a.start),
    epochMs(a.end),
    epochMs(b.start),
    epochMs(b.end),
    bufferMinutes * MS_PER_MINUTE,
  );
}

/** `overlaps` on epoch milliseconds, for loops that have already converted their intervals. */
export function overlapsMs(
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  bufferMs: number,
): boolean {
  if (aEnd <= aStart || bEnd <= bStart) return false;
  return aStart < bEnd + bufferMs && bStart < aEnd + bufferMs;
}

/** The existing bookings that clash with `candidate` (same order as given). */
export function findConflicts<T extends Interval>(
  candidate: Interval,
  existing: readonly T[],
  bufferMinutes = 0,
): T[] {
  const start = epochMs(candidate.start);
  const end = epochMs(candidate.end);
  const buffer = bufferMinutes * MS_PER_MINUTE;
  return existing.filter((other) =>
    overlapsMs(start, end, epochMs(other.start), epochMs(other.end), buffer),
  );
}
