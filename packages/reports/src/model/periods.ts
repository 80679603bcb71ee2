import { Temporal } from 'temporal-polyfill';
import type { Comparison, Granularity } from './filters.ts';

/**
 * Period buckets. A bucket key names the day, ISO week, month, quarter or year a date falls in:
 * `2026-03-05`, `2026-W10`, `2026-03`, `2026-T1`, `2026`. The database cuts dates into the same
 * keys with `to_char(d, BUCKET_SQL_FORMAT[g])`, so SQL aggregates and these functions agree.
 */
export const BUCKET_SQL_FORMAT: Record<Granularity, string> = {
  day: 'YYYY-MM-DD',
  week: 'IYYY-"W"IW',
  month: 'YYYY-MM',
  quarter: 'YYYY-"T"Q',
  year: 'YYYY',
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The bucket a calendar date falls in. */
export function bucketOf(date: string | Temporal.PlainDate, granularity: Granularity): string {
  const d = typeof date === 'string' ? Temporal.PlainDate.from(date) : date;
  switch (granularity) {
    case 'day':
      return d.toString();
    case 'week':
      return `${d.yearOfWeek}-W${pad(d.weekOfYear ?? 1)}`;
    case 'month':
      return `${d.year}-${pad(d.month)}`;
    case 'quarter':
      return `${d.year}-T${Math.floor((d.month - 1) / 3) + 1}`;
    case 'year':
      return String(d.year);
  }
}

const step: Record<Granularity, Temporal.DurationLike> = {
  day: { days: 1 },
  week: { weeks: 1 },
  month: { months: 1 },
  quarter: { months: 3 },
  year: { years: 1 },
};

/** Every bucket from `from` to `to` (both included), in order, empty ones included. */
export function bucketsBetween(from: string, to: string, granularity: Granularity): string[] {
  const end = Temporal.PlainDate.from(to);
  let d = Temporal.PlainDate.from(from);
  // Start at the beginning of the first bucket so that stepping never skips one.
  if (granularity === 'week') d = d.subtract({ days: d.dayOfWeek - 1 });
  if (granularity === 'month') d = d.with({ day: 1 });
  if (granularity === 'quarter')
    d = d.with({ month: Math.floor((d.month - 1) / 3) * 3 + 1, day: 1 });
  if (granularity === 'year') d = d.with({ month: 1, day: 1 });
  const keys: string[] = [];
  while (Temporal.PlainDate.compare(d, end) <= 0) {
    keys.push(bucketOf(d, granularity));
    d = d.add(step[granularity]);
  }
  return keys;
}

const monthName = new Intl.DateTimeFormat('fr-FR', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'UTC' });

/** What a reader sees for a bucket key: « mars 2026 », « T1 2026 », « sem. 10 (2026) », « 05/03/2026 ». */
export function bucketLabel(key: string): string {
  if (/^\d{4}$/.test(key)) return key;
  let m = /^(\d{4})-T([1-4])$/.exec(key);
  if (m) return `T${m[2]} ${m[1]}`;
  m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (m) return `sem. ${Number(m[2])} (${m[1]})`;
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return monthName.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return shortDate.format(new Date(`${key}T00:00:00Z`));
  return key;
}

/** « du 01/01/2026 au 31/12/2026 » */
export function periodLabel(from: string, to: string): string {
  return `du ${bucketLabel(from)} au ${bucketLabel(to)}`;
}

/**
 * The period a report is compared with. `previous`: the period just before, of the same length
 * (whole months shift by months, so a quarter is compared with the quarter before); `last_year`:
 * the same dates a year earlier (29 February becomes the 28th).
 */
export function comparisonPeriod(
  from: string,
  to: string,
  compare: Comparison,
): { from: string; to: string } | null {
  if (compare === 'none') return null;
  const start = Temporal.PlainDate.from(from);
  const end = Temporal.PlainDate.from(to);
  if (compare === 'last_year') {
    return {
      from: start.subtract({ years: 1 }).toString(),
      to: end.subtract({ years: 1 }).toString(),
    };
  }
  const wholeMonths = start.day === 1 && end.add({ days: 1 }).day === 1;
  if (wholeMonths) {
    const months = (end.year - start.year) * 12 + end.month - start.month + 1;
    const prevStart = start.subtract({ months });
    return { from: prevStart.toString(), to: start.subtract({ days: 1 }).toString() };
  }
  const days = start.until(end, { largestUnit: 'days' }).days + 1;
  return {
    from: start.subtract({ days }).toString(),
    to: start.subtract({ days: 1 }).toString(),
  };
}

/** Values in bucket order from a map of bucket → value; a bucket without a value gives `empty`. */
export function valuesInOrder<T>(
  buckets: readonly string[],
  byBucket: ReadonlyMap<string, T>,
  empty: T,
): T[] {
  return buckets.map((b) => byBucket.get(b) ?? empty);
}
