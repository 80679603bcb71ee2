import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChartModel } from '../model/report.ts';
import { table as tableSchema } from '../model/report.ts';
import {
  chartAsTable,
  chartConfig,
  DASH_PATTERNS,
  formatValue,
  lighten,
  POINT_STYLES,
  PREVIOUS_SUFFIX,
  REPORT_PALETTE,
} from './chart.ts';
import { fixtureReport } from './fixture.test-data.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

type Scales = Record<string, { stacked?: boolean; ticks: { callback: (v: number) => string } }>;
const scalesOf = (config: { options?: { scales?: unknown } | undefined }) =>
  (config.options?.scales ?? {}) as Scales;

/** WCAG relative luminance and contrast with white, computed independently of the renderer. */
function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const v = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}

const [barChart, lineChart, doughnutChart, stackedChart] = fixtureReport.charts as [
  ChartModel,
  ChartModel,
  ChartModel,
  ChartModel,
];

describe('formatValue', () => {
  it('writes each unit in French', () => {
    expect(plain(formatValue(123_456, 'cents'))).toBe('1 234,56 €');
    expect(plain(formatValue(2_500, 'grams'))).toBe('2,5 kg');
    expect(plain(formatValue(500, 'grams'))).toBe('0,5 kg');
    expect(plain(formatValue(2_500_000, 'grams'))).toBe('2,500 t');
    expect(plain(formatValue(0.375, 'ratio'))).toBe('37,5 %');
    expect(plain(formatValue(1_204, 'count'))).toBe('1 204');
    expect(plain(formatValue(12.5, 'hours'))).toBe('12,5 h');
    expect(formatValue('Cayenne', 'text')).toBe('Cayenne');
  });

  it('writes an absent figure as a dash, never as 0', () => {
    for (const unit of ['cents', 'grams', 'count', 'hours', 'ratio', 'text'] as const)
      expect(formatValue(null, unit)).toBe('—');
  });

  it('keeps one mass unit when asked (an axis)', () => {
    expect(plain(formatValue(2_500, 'grams', { massUnit: 't' }))).toBe('0,003 t');
  });
});

describe('the palette', () => {
  it('has at least 3:1 contrast on white for every colour', () => {
    for (const colour of REPORT_PALETTE) expect(contrastOnWhite(colour)).toBeGreaterThanOrEqual(3);
  });

  it('gives every series its own colour, marker and dash within the palette size', () => {
    expect(new Set(REPORT_PALETTE).size).toBe(REPORT_PALETTE.length);
    expect(new Set(POINT_STYLES).size).toBe(POINT_STYLES.length);
    expect(new Set(DASH_PATTERNS.map((d) => d.join(','))).size).toBe(DASH_PATTERNS.length);
  });

  it('lightens towards white', () => {
    expect(lighten('#000000', 0.5)).toBe('#808080');
    expect(lighten('#0072B2', 0)).toBe('#0072B2');
    expect(lighten('#0072B2', 1)).toBe('#FFFFFF');
  });
});

describe('chartConfig', () => {
  it('draws a bar chart with French labels and the comparison period lighter, dashed and named', () => {
    const config = chartConfig(barChart);
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(['janvier 2026', 'février 2026']);
    const labels = config.data.datasets.map((d) => d.label);
    expect(labels).toEqual([
      'Réemploi',
      `Réemploi${PREVIOUS_SUFFIX}`,
      'Recyclage',
      `Recyclage${PREVIOUS_SUFFIX}`,
    ]);
    expect(labels[1]).toContain('(période de comparaison)');
    const [current, previous] = config.data.datasets as {
      backgroundColor: string;
      borderDash?: number[];
    }[];
    expect(current?.backgroundColor).toBe(REPORT_PALETTE[0]);
    expect(previous?.backgroundColor).not.toBe(REPORT_PALETTE[0]);
    expect(previous?.borderDash?.length).toBeGreaterThan(0);
  });

  it('formats the value axis by unit (one mass unit for the whole axis)', () => {
    const config = chartConfig(barChart);
    const y = scalesOf(config).y;
    // The largest value is 1 000 000 g, so the whole axis reads in tonnes.
    expect(plain(y?.ticks.callback(500_000) ?? '')).toBe('0,500 t');
    const sales = scalesOf(chartConfig(lineChart));
    expect(plain(sales.y?.ticks.callback(23_456) ?? '')).toBe('234,56 €');
  });

  it('gives line series distinct markers and dashes, and keeps gaps for absent figures', () => {
    const twoSeries: ChartModel = {
      ...lineChart,
      series: [
        { key: 'a', label: 'A', values: [1, 2] },
        { key: 'b', label: 'B', values: [3, null] },
      ],
    };
    const config = chartConfig(twoSeries);
    expect(config.type).toBe('line');
    const [a, b] = config.data.datasets as {
      pointStyle: string;
      borderDash: number[];
      data: (number | null)[];
    }[];
    expect(a?.pointStyle).not.toBe(b?.pointStyle);
    expect(a?.borderDash).not.toEqual(b?.borderDash);
    expect(b?.data).toEqual([3, null]);
  });

  it('stacks a stacked bar chart and colours a doughnut by category', () => {
    const stacked = chartConfig(stackedChart);
    expect(stacked.type).toBe('bar');
    expect(scalesOf(stacked).x?.stacked).toBe(true);
    const doughnut = chartConfig(doughnutChart);
    expect(doughnut.type).toBe('doughnut');
    expect(doughnut.data.datasets[0]?.backgroundColor).toEqual([
      REPORT_PALETTE[0],
      REPORT_PALETTE[1],
    ]);
  });

  it('draws another kind when asked, and without animation when motion is reduced', () => {
    expect(chartConfig(barChart, { kind: 'line' }).type).toBe('line');
    expect(chartConfig(barChart, { reducedMotion: true }).options?.animation).toBe(false);
    expect(chartConfig(barChart).options?.animation).toBeUndefined();
  });
});

describe('chartAsTable', () => {
  it('gives the chart as buckets × series with the comparison columns and totals', () => {
    const table = chartAsTable(barChart);
    expect(tableSchema.parse(table)).toEqual(table);
    expect(table.title).toBe('Matières reçues par mois');
    expect(table.columns.map((c) => c.label)).toEqual([
      'Période',
      'Réemploi',
      `Réemploi${PREVIOUS_SUFFIX}`,
      'Recyclage',
      `Recyclage${PREVIOUS_SUFFIX}`,
    ]);
    expect(table.rows[0]?.cells).toEqual({
      bucket: 'janvier 2026',
      reuse: 1_000_000,
      reuse__previous: 600_000,
      recycling: 750_000,
      recycling__previous: 500_000,
    });
    // 1 000 000 + 500 000 = 1 500 000; 600 000 + 400 000 = 1 000 000; 750 000 + 250 000 = 1 000 000
    expect(table.totals).toEqual({
      bucket: 'Total',
      reuse: 1_500_000,
      reuse__previous: 1_000_000,
      recycling: 1_000_000,
      recycling__previous: 800_000,
    });
  });

  it('gives no total for a series with an absent value (a hidden small count)', () => {
    const table = chartAsTable({
      ...barChart,
      unit: 'count',
      series: [
        { key: 'open', label: 'Ouverts', values: [null, 7] },
        { key: 'closed', label: 'Clos', values: [5, 6] },
      ],
    });
    expect(table.totals).toEqual({ bucket: 'Total', open: null, closed: 11 });
  });

  it('gives no totals for a line chart, and keeps absent figures absent', () => {
    const table = chartAsTable(lineChart);
    expect(table.totals).toBeUndefined();
    expect(table.rows[1]?.cells.sales).toBeNull();
  });

  it('has one row per bucket and one value column per series, whatever the chart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (buckets, seriesCount, withPrevious) => {
          const keys = Array.from(
            { length: buckets },
            (_, i) => `2026-${String(i + 1).padStart(2, '0')}`,
          );
          const chart: ChartModel = {
            id: 'c',
            title: 'C',
            kind: 'bar',
            unit: 'count',
            axis: 'period',
            buckets: keys,
            bucketLabels: [],
            series: Array.from({ length: seriesCount }, (_, s) => ({
              key: `s${s}`,
              label: `S${s}`,
              values: keys.map((_, i) => i + s),
              ...(withPrevious ? { previous: keys.map(() => 1) } : {}),
            })),
          };
          const table = chartAsTable(chart);
          expect(table.rows).toHaveLength(buckets);
          expect(table.columns).toHaveLength(1 + seriesCount * (withPrevious ? 2 : 1));
          // Without model labels, the bucket keys' French labels are used.
          if (buckets > 0) expect(table.rows[0]?.cells.bucket).toBe('janvier 2026');
        },
      ),
    );
  });
});
