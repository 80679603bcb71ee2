import { z } from 'zod';

/** How finely a report's series are cut. */
export const granularities = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Granularity = (typeof granularities)[number];

/** What a period is compared with: nothing, the period just before, or the same period a year earlier. */
export const comparisons = ['none', 'previous', 'last_year'] as const;
export type Comparison = (typeof comparisons)[number];

export const reportNames = ['fund', 'recycling', 'activity', 'circles', 'gardens'] as const;
export type ReportName = (typeof reportNames)[number];

const isoDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });

/** A list given as `a,b,c` in a query string (or repeated), read as an array of UUIDs. */
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    (Array.isArray(v) ? v : (v ?? '').split(',')).map((s) => s.trim()).filter((s) => s.length > 0),
  )
  .pipe(z.array(z.uuid({ error: 'Identifiant inconnu dans la liste.' })).max(200));

/**
 * The filters every report takes, as they travel in a query string and in the hub's URL.
 * Dates are calendar dates in the network's time zone (America/Cayenne), both ends included.
 * An empty `centreIds` means every centre the reader may see; `streamIds` narrows the recycling
 * report to some material streams (the other reports ignore it).
 */
export const reportFilters = z
  .object({
    from: isoDate,
    to: isoDate,
    centreIds: idList,
    streamIds: idList,
    granularity: z.enum(granularities).default('month'),
    compare: z.enum(comparisons).default('none'),
  })
  .refine((f) => f.from <= f.to, {
    path: ['to'],
    error: 'La fin de la période doit suivre son début.',
  });
export type ReportFilters = z.output<typeof reportFilters>;
export type ReportFiltersInput = z.input<typeof reportFilters>;
