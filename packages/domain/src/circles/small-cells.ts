/**
 * Small-cell suppression for the board's aggregates: a count under the threshold is shown as
 * "< 5", so that nobody can be singled out of a table of restorative circles.
 */
export const SMALL_CELL_THRESHOLD = 5;

export type SuppressedCount = number | '< 5';

export function suppressSmall(count: number): SuppressedCount {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count ${count}`);
  return count > 0 && count < SMALL_CELL_THRESHOLD ? '< 5' : count;
}

/**
 * A share (e.g. of agreements done) only when its denominator is not small: otherwise null,
 * since a ratio over 3 agreements tells who did what.
 */
export function suppressedShare(part: number, whole: number): number | null {
  return whole < SMALL_CELL_THRESHOLD ? null : part / whole;
}

/** The median of some durations, or null when there are too few to show without singling out. */
export function suppressedMedian(values: readonly number[]): number | null {
  if (values.length < SMALL_CELL_THRESHOLD) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? null)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
