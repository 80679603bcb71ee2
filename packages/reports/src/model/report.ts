import { z } from 'zod';
import { comparisons, granularities, reportNames } from './filters.ts';

/**
 * The unit of a figure. Money stays in integer euro cents and mass in integer grams up to the
 * renderers, which format them (`format.ts`); a ratio is a number from 0 to 1, or null when its
 * denominator is zero (never a made-up 0 %).
 */
export const units = ['cents', 'grams', 'count', 'hours', 'ratio', 'text'] as const;
export type Unit = (typeof units)[number];

const figure = z.number().nullable();

/** A key figure shown as a card, with the same figure over the comparison period when asked. */
export const kpi = z.object({
  key: z.string(),
  label: z.string(),
  value: figure,
  unit: z.enum(units),
  previous: figure.optional(),
  /** How the figure is computed, in French, shown beside it. */
  definition: z.string().optional(),
});
export type Kpi = z.infer<typeof kpi>;

/** One line (or bar group) of a chart: a value per bucket, in the chart's bucket order. */
export const series = z.object({
  key: z.string(),
  label: z.string(),
  values: z.array(figure),
  /** The comparison period's values, bucket by bucket (same length), when asked. */
  previous: z.array(figure).optional(),
});
export type Series = z.infer<typeof series>;

export const chartKinds = ['line', 'bar', 'stacked-bar', 'doughnut'] as const;
export type ChartKind = (typeof chartKinds)[number];

/**
 * A chart of a report. `buckets` are period keys (`periods.ts`: 2026-03, 2026-T1 …) or, for a
 * chart by category (doughnut, bar by centre), category keys; `bucketLabels` are what the reader
 * sees. Every chart is also readable as a table (buckets × series): the renderers and the hub
 * show that table as the chart's accessible alternative.
 */
export const chart = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(chartKinds),
  unit: z.enum(units),
  /** `period` when buckets are period keys, `category` otherwise. */
  axis: z.enum(['period', 'category']),
  buckets: z.array(z.string()),
  bucketLabels: z.array(z.string()),
  series: z.array(series),
});
export type ChartModel = z.infer<typeof chart>;

export const column = z.object({ key: z.string(), label: z.string(), unit: z.enum(units) });
export type Column = z.infer<typeof column>;

/** Where a table row leads when the reader drills down (a centre, then a stream). */
export const drill = z.object({ centreId: z.string().optional(), streamId: z.string().optional() });
export type Drill = z.infer<typeof drill>;

export const row = z.object({
  cells: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  drill: drill.optional(),
});
export type Row = z.infer<typeof row>;

export const table = z.object({
  id: z.string(),
  title: z.string(),
  columns: z.array(column),
  rows: z.array(row),
  /** The totals line, when summing the column means something. */
  totals: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
});
export type TableModel = z.infer<typeof table>;

export const note = z.object({ term: z.string(), definition: z.string() });
export type Note = z.infer<typeof note>;

const period = z.object({ from: z.string(), to: z.string(), label: z.string() });

/**
 * What every report definition returns: pure data, the same for the hub's dashboard, the CSV and
 * XLSX files and the PDF board pack.
 */
export const reportModel = z
  .object({
    report: z.enum(reportNames),
    title: z.string(),
    period,
    comparison: period.nullable(),
    granularity: z.enum(granularities),
    compare: z.enum(comparisons),
    /** The centres the figures cover (after the reader's scope), with their names. */
    centres: z.array(z.object({ id: z.string(), name: z.string() })),
    kpis: z.array(kpi),
    charts: z.array(chart),
    tables: z.array(table),
    /** How each figure is defined (French), printed under the report. */
    notes: z.array(note),
  })
  .meta({ id: 'ReportModel' });
export type ReportModel = z.infer<typeof reportModel>;
