import type { ReportFilters } from './filters.ts';
import { bucketLabel, bucketsBetween, comparisonPeriod, periodLabel } from './periods.ts';
import type { ChartModel, ReportModel, Series } from './report.ts';

/**
 * The time frame every report definition starts from: the period's buckets and, when the filters
 * ask for a comparison, the comparison period and its own buckets (empty otherwise).
 */
export interface ReportPeriods {
  filters: ReportFilters;
  comparison: { from: string; to: string } | null;
  buckets: string[];
  previousBuckets: string[];
}

export function reportPeriods(filters: ReportFilters): ReportPeriods {
  const g = filters.granularity;
  const comparison = comparisonPeriod(filters.from, filters.to, filters.compare);
  return {
    filters,
    comparison,
    buckets: bucketsBetween(filters.from, filters.to, g),
    previousBuckets: comparison ? bucketsBetween(comparison.from, comparison.to, g) : [],
  };
}

/** The part of a report model that only depends on the filters and the centres covered. */
export function reportHeader(
  { filters, comparison }: ReportPeriods,
  centres: readonly { id: string; name: string }[],
): Pick<ReportModel, 'period' | 'comparison' | 'granularity' | 'compare' | 'centres'> {
  return {
    period: { from: filters.from, to: filters.to, label: periodLabel(filters.from, filters.to) },
    comparison: comparison
      ? { ...comparison, label: periodLabel(comparison.from, comparison.to) }
      : null,
    granularity: filters.granularity,
    compare: filters.compare,
    centres: centres.map((c) => ({ id: c.id, name: c.name })),
  };
}

/** The comparison period's values aligned bucket by bucket with the period's (null past its end). */
export function alignedPrevious<T>(
  length: number,
  previousBuckets: readonly string[],
  value: (bucket: string) => T,
): (T | null)[] {
  return Array.from({ length }, (_, i) => {
    const b = previousBuckets[i];
    return b === undefined ? null : value(b);
  });
}

/**
 * A series over the period's buckets from sums keyed by bucket; with the comparison period's sums
 * (keyed by its own buckets), its `previous` values aligned bucket by bucket. `value` reads a
 * bucket's sum, `undefined` when the bucket has none.
 */
export function periodSeries<T>(
  { buckets, previousBuckets }: ReportPeriods,
  key: string,
  label: string,
  current: ReadonlyMap<string, T>,
  previous: ReadonlyMap<string, T> | null,
  value: (sum: T | undefined) => number | null,
): Series {
  return {
    key,
    label,
    values: buckets.map((b) => value(current.get(b))),
    ...(previous
      ? {
          previous: alignedPrevious(buckets.length, previousBuckets, (b) => value(previous.get(b))),
        }
      : {}),
  };
}

/** A chart over the period's buckets. */
export function periodChart(
  { buckets }: ReportPeriods,
  id: string,
  title: string,
  kind: ChartModel['kind'],
  unit: ChartModel['unit'],
  series: Series[],
): ChartModel {
  return {
    id,
    title,
    kind,
    unit,
    axis: 'period',
    buckets,
    bucketLabels: buckets.map(bucketLabel),
    series,
  };
}

/** A bar chart with one bar group per centre covered, in display order. */
export function centreChart(
  centres: readonly { id: string; name: string }[],
  id: string,
  title: string,
  unit: ChartModel['unit'],
  series: Series[],
): ChartModel {
  return {
    id,
    title,
    kind: 'bar',
    unit,
    axis: 'category',
    buckets: centres.map((c) => c.id),
    bucketLabels: centres.map((c) => c.name),
    series,
  };
}
