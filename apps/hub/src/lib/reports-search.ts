import { type Field, type Infer, isoDate, oneOf, searchSchema } from './search-schema.ts';

/*
 * The board dashboard's URL search params (the small validators of ./search-schema.ts, like lib/search-params.ts: they
 * run in the entry bundle, before any lazy chunk). Kept as they travel, so a link can be shared:
 * `?period=last_quarter&centreIds=<uuid>,<uuid>&granularity=month&compare=previous`. A
 * hand-edited, invalid value is dropped; lib/reports.ts turns what is left into the report
 * filters (`reportFilters` of @lakou/reports/model) with the defaults filled in.
 */

/** The named periods of @lakou/reports/model (`periodPresets`), and `custom` for two dates. */
export const urlPeriods = [
  'this_month',
  'last_month',
  'this_quarter',
  'last_quarter',
  'this_year',
  'last_year',
  'last_12_months',
  'custom',
] as const;
export type UrlPeriod = (typeof urlPeriods)[number];

/** `a,b,c` of UUIDs; anything else in the list is dropped, an empty list is left out. */
const idList: Field<string> = (value) => {
  const parts =
    typeof value === 'string'
      ? value.split(',')
      : Array.isArray(value) && value.every((s) => typeof s === 'string')
        ? (value as string[])
        : undefined;
  if (!parts) return undefined;
  const ids = parts
    .map((s) => s.trim().toLowerCase())
    .filter((s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s));
  return ids.length > 0 ? [...new Set(ids)].slice(0, 200).join(',') : undefined;
};

export const reportsSearch = searchSchema({
  period: oneOf(urlPeriods),
  from: isoDate,
  to: isoDate,
  centreIds: idList,
  streamIds: idList,
  granularity: oneOf(['day', 'week', 'month', 'quarter', 'year']),
  compare: oneOf(['none', 'previous', 'last_year']),
});
export type ReportsSearch = Infer<typeof reportsSearch>;
