/**
 * A report chart as a chart.js configuration, and the same chart as a data table (its accessible
 * alternative). Browser-safe: the hub imports this file (`@lakou/reports/chart`), so it never
 * imports node modules, and only chart.js's types (the hub registers the chart.js components).
 */
import type { ChartConfiguration, PointStyle } from 'chart.js';
import { bucketLabel } from '../model/periods.ts';
import type { ChartKind, ChartModel, Column, Row, TableModel, Unit } from '../model/report.ts';
import { axisMassUnit, formatValue } from './format-value.ts';

export { axisMassUnit, formatValue, MISSING, plainSpaces, reportMassUnit } from './format-value.ts';

/**
 * Series colours: the Okabe–Ito colour-blind-safe hues, darkened where needed so that every one
 * has at least a 3:1 contrast on white (WCAG 1.4.11, graphical objects); the test checks it.
 * Series also differ by point style and dash pattern, never by colour alone.
 */
export const REPORT_PALETTE = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#9A6B00', // ochre (Okabe–Ito orange, darkened)
  '#CC79A7', // reddish purple
  '#332288', // indigo
  '#555555', // dark grey
  '#882255', // wine
] as const;

/** Marker shapes, in series order (legend and points). */
export const POINT_STYLES = [
  'circle',
  'rect',
  'triangle',
  'rectRot',
  'star',
  'crossRot',
  'rectRounded',
  'cross',
] as const satisfies readonly PointStyle[];

/** Line dash patterns, in series order (the first is solid). */
export const DASH_PATTERNS: readonly (readonly number[])[] = [
  [],
  [8, 4],
  [2, 3],
  [10, 3, 2, 3],
  [4, 4],
  [12, 4, 4, 4],
  [1, 2],
  [6, 2, 2, 2],
];

/** The dash pattern of a comparison-period series (always dashed, whatever its colour). */
export const PREVIOUS_DASH = [6, 4] as const;

/** What a comparison-period series' label ends with. */
export const PREVIOUS_SUFFIX = ' (période de comparaison)';

export function seriesColour(index: number): string {
  return REPORT_PALETTE[index % REPORT_PALETTE.length] as string;
}

export function seriesStyle(index: number): { colour: string; point: PointStyle; dash: number[] } {
  return {
    colour: seriesColour(index),
    point: POINT_STYLES[index % POINT_STYLES.length] as PointStyle,
    dash: [...(DASH_PATTERNS[index % DASH_PATTERNS.length] ?? [])],
  };
}

/** `#RRGGBB` mixed with white: `amount` 0 keeps the colour, 1 gives white. */
export function lighten(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix) as [number, number, number];
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1).toUpperCase()}`;
}

/** `#RRGGBB` with an alpha channel, as chart.js takes it. */
export function withAlpha(hex: string, alpha: number): string {
  return `${hex}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')
    .toUpperCase()}`;
}

/** How light a comparison-period series is drawn (mixed with white). */
export const PREVIOUS_LIGHTEN = 0.45;

/** The labels a reader sees under the chart: the model's French labels, else the bucket keys' own. */
export function chartLabels(chart: ChartModel): string[] {
  return chart.buckets.map((key, i) => chart.bucketLabels[i] ?? bucketLabel(key));
}

/** Formats a value of the chart's unit (masses in one unit for the whole chart). */
export function chartFormatter(chart: ChartModel): (value: number | null) => string {
  const massUnit =
    chart.unit === 'grams'
      ? axisMassUnit(chart.series.flatMap((s) => [...s.values, ...(s.previous ?? [])]))
      : undefined;
  return (value) => formatValue(value, chart.unit, massUnit ? { massUnit } : {});
}

export type ReportChartConfig =
  | ChartConfiguration<'line', (number | null)[], string>
  | ChartConfiguration<'bar', (number | null)[], string>
  | ChartConfiguration<'doughnut', (number | null)[], string>;

export interface ChartConfigOptions {
  /** Draw the chart as another kind than the model's (the reader's choice). */
  kind?: ChartKind;
  /** The reader asked for reduced motion (`prefers-reduced-motion: reduce`): no animation. */
  reducedMotion?: boolean;
}

const FONT_COLOUR = '#1F2937';
const GRID_COLOUR = '#D1D5DB';

/**
 * The chart.js configuration of a report chart: palette colours, a point style and dash pattern
 * per series, comparison-period series dashed and lighter and labelled « (période de
 * comparaison) », French labels and number formats by unit (axis ticks and tooltips).
 */
export function chartConfig(
  chart: ChartModel,
  options: ChartConfigOptions = {},
): ReportChartConfig {
  const kind = options.kind ?? chart.kind;
  const labels = chartLabels(chart);
  const format = chartFormatter(chart);
  const animation = options.reducedMotion ? (false as const) : undefined;
  const title = { display: true, text: chart.title, color: FONT_COLOUR };
  const tooltipLabel = (item: { dataset: { label?: string | undefined }; raw: unknown }) =>
    `${item.dataset.label ?? ''} : ${format(typeof item.raw === 'number' ? item.raw : null)}`;

  if (kind === 'doughnut') {
    const current = chart.series.map((s) => ({
      label: s.label,
      data: [...s.values],
      backgroundColor: chart.buckets.map((_, i) => seriesColour(i)),
      borderColor: '#FFFFFF',
      borderWidth: 2,
    }));
    const previous = chart.series
      .filter((s) => s.previous)
      .map((s) => ({
        label: `${s.label}${PREVIOUS_SUFFIX}`,
        data: [...(s.previous ?? [])],
        backgroundColor: chart.buckets.map((_, i) => lighten(seriesColour(i), PREVIOUS_LIGHTEN)),
        borderColor: '#FFFFFF',
        borderWidth: 2,
      }));
    return {
      type: 'doughnut',
      data: { labels, datasets: [...current, ...previous] },
      options: {
        locale: 'fr-FR',
        responsive: true,
        maintainAspectRatio: false,
        ...(animation === false ? { animation } : {}),
        plugins: {
          title,
          legend: { position: 'bottom', labels: { color: FONT_COLOUR, usePointStyle: true } },
          tooltip: {
            callbacks: {
              label: (item) =>
                `${item.label} — ${item.dataset.label ?? ''} : ${format(
                  typeof item.raw === 'number' ? item.raw : null,
                )}`,
            },
          },
        },
      },
    };
  }

  const stacked = kind === 'stacked-bar';
  const scales = {
    x: {
      stacked,
      ticks: { color: FONT_COLOUR },
      grid: { color: GRID_COLOUR },
    },
    y: {
      stacked,
      beginAtZero: true,
      ticks: {
        color: FONT_COLOUR,
        callback: (value: number | string) =>
          format(typeof value === 'number' ? value : Number(value)),
      },
      grid: { color: GRID_COLOUR },
    },
  };
  const plugins = {
    title,
    legend: {
      position: 'bottom' as const,
      labels: { color: FONT_COLOUR, usePointStyle: true },
    },
    tooltip: { callbacks: { label: tooltipLabel } },
  };
  const common = {
    locale: 'fr-FR',
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'index' as const, intersect: false },
    ...(animation === false ? { animation } : {}),
    scales,
    plugins,
  };

  if (kind === 'line') {
    const datasets = chart.series.flatMap((s, i) => {
      const style = seriesStyle(i);
      const current = {
        label: s.label,
        data: [...s.values],
        borderColor: style.colour,
        backgroundColor: style.colour,
        borderDash: style.dash,
        borderWidth: 2,
        pointStyle: style.point,
        pointRadius: 4,
        pointHoverRadius: 6,
        spanGaps: false,
        tension: 0,
      };
      if (!s.previous) return [current];
      const light = lighten(style.colour, PREVIOUS_LIGHTEN);
      return [
        current,
        {
          label: `${s.label}${PREVIOUS_SUFFIX}`,
          data: [...s.previous],
          borderColor: light,
          backgroundColor: light,
          borderDash: [...PREVIOUS_DASH],
          borderWidth: 2,
          pointStyle: style.point,
          pointRadius: 3,
          pointHoverRadius: 5,
          spanGaps: false,
          tension: 0,
        },
      ];
    });
    return { type: 'line', data: { labels, datasets }, options: common };
  }

  const datasets = chart.series.flatMap((s, i) => {
    const style = seriesStyle(i);
    const current = {
      label: s.label,
      data: [...s.values],
      backgroundColor: style.colour,
      borderColor: style.colour,
      borderWidth: 1,
      pointStyle: style.point,
      ...(stacked ? { stack: 'current' } : {}),
    };
    if (!s.previous) return [current];
    return [
      current,
      {
        label: `${s.label}${PREVIOUS_SUFFIX}`,
        data: [...s.previous],
        // Lighter fill with the series' own colour as a dashed outline.
        backgroundColor: lighten(style.colour, 0.6),
        borderColor: style.colour,
        borderWidth: 2,
        borderDash: [...PREVIOUS_DASH],
        pointStyle: style.point,
        ...(stacked ? { stack: 'previous' } : {}),
      },
    ];
  });
  return { type: 'bar', data: { labels, datasets }, options: common };
}

/** Units whose values add up across buckets (a ratio or a text does not). */
const ADDITIVE: readonly Unit[] = ['cents', 'grams', 'count', 'hours'];

/** The sum of a series, or null when a value is absent (hidden or unknown: a sum would mislead). */
function sum(values: readonly (number | null)[]): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

/** The key of the table column holding a series' comparison-period values. */
export function previousColumnKey(seriesKey: string): string {
  return `${seriesKey}__previous`;
}

/**
 * A chart as a data table, buckets down and series across (comparison-period columns after each
 * series): the chart's accessible alternative in the hub, and its section in the CSV, XLSX and
 * PDF. A totals line is given when the values add up: additive unit and a bar or doughnut chart
 * (a line chart may draw a level, such as a balance, that must not be summed); a series with an
 * absent value (a small count hidden, say) has no total rather than a wrong one.
 */
export function chartAsTable(chart: ChartModel): TableModel {
  const labels = chartLabels(chart);
  const bucketColumn: Column = {
    key: 'bucket',
    label: chart.axis === 'period' ? 'Période' : 'Catégorie',
    unit: 'text',
  };
  const columns: Column[] = [bucketColumn];
  for (const s of chart.series) {
    columns.push({ key: s.key, label: s.label, unit: chart.unit });
    if (s.previous)
      columns.push({
        key: previousColumnKey(s.key),
        label: `${s.label}${PREVIOUS_SUFFIX}`,
        unit: chart.unit,
      });
  }
  const rows: Row[] = chart.buckets.map((_, i) => {
    const cells: Row['cells'] = { bucket: labels[i] ?? '' };
    for (const s of chart.series) {
      cells[s.key] = s.values[i] ?? null;
      if (s.previous) cells[previousColumnKey(s.key)] = s.previous[i] ?? null;
    }
    return { cells };
  });
  const table: TableModel = { id: `${chart.id}-table`, title: chart.title, columns, rows };
  if (chart.kind !== 'line' && ADDITIVE.includes(chart.unit)) {
    const totals: NonNullable<TableModel['totals']> = { bucket: 'Total' };
    for (const s of chart.series) {
      totals[s.key] = sum(s.values);
      if (s.previous) totals[previousColumnKey(s.key)] = sum(s.previous);
    }
    table.totals = totals;
  }
  return table;
}
