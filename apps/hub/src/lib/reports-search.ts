import { z } from 'zod/mini';

/*
 * The board dashboard's URL search params (zod's "mini" build, like lib/search-params.ts: they
 * run in the entry bundle, before any lazy chunk). Kept as they travel, so a link can be shared:
 * `?period=last_quarter&centreIds=<uuid>,<uuid>&granularity=month&compare=previous`. A
 * hand-edited, invalid value is dropped; lib/reports.ts turns what is left into the report
 * filters (`reportFilters` of @lakou/reports/model) with the defaults filled in.
 */

function lenient<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}

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
const idList = lenient(
  z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.transform((value: string | string[]) => {
      const ids = (Array.isArray(value) ? value : value.split(','))
        .map((s) => s.trim().toLowerCase())
        .filter((s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s));
      return ids.length > 0 ? [...new Set(ids)].slice(0, 200).join(',') : undefined;
    }),
  ),
);

export const reportsSearch = z.object({
  period: lenient(z.enum(urlPeriods)),
  from: lenient(z.iso.date()),
  to: lenient(z.iso.date()),
  centreIds: idList,
  streamIds: idList,
  granularity: lenient(z.enum(['day', 'week', 'month', 'quarter', 'year'])),
  compare: lenient(z.enum(['none', 'previous', 'last_year'])),
});
export type ReportsSearch = z.infer<typeof reportsSearch>;
