import type { Kpi } from './report.ts';

/**
 * Key figures read from the period's totals (`now`) and, when there is a comparison period, from
 * its totals (`before`) with the same `value` function, so both are computed the same way.
 */
export function kpisOf<T>(now: T, before: T | null) {
  return (
    key: string,
    label: string,
    unit: Kpi['unit'],
    value: (totals: T) => number | null,
    definition: string,
  ): Kpi => ({
    key,
    label,
    value: value(now),
    unit,
    ...(before ? { previous: value(before) } : {}),
    definition,
  });
}
