import { comparisonPeriod, type ReportFilters } from '@lakou/reports/model';

/**
 * Reads a report's period and the one it is compared with (none when the filters ask for no
 * comparison) at once: on PostgreSQL the two run on two connections of the pool.
 */
export async function readPeriods<T>(
  filters: ReportFilters,
  read: (period: { from: string; to: string }) => Promise<T>,
): Promise<{ current: T; previous: T | null }> {
  const comparison = comparisonPeriod(filters.from, filters.to, filters.compare);
  const [current, previous] = await Promise.all([
    read({ from: filters.from, to: filters.to }),
    comparison ? read(comparison) : null,
  ]);
  return { current, previous };
}
