// Shared by the board report benches (reports.bench.ts on grown demo data, reports-scale.bench.ts
// on the scale seed): the two readings the board makes and the timing of every report source.
import type { ReportName } from '@lakou/reports/model';
import { reportFilters } from '@lakou/reports/model';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../src/db/client.ts';
import { reportSources } from '../src/reports/registry.ts';
import type { ReportContext } from '../src/reports/report.source.ts';

export const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] ??
  Number.NaN;

/** Milliseconds of `n` runs of `run`, after two warm-ups. */
export async function timeRuns(run: () => Promise<unknown>, n: number) {
  const times: number[] = [];
  for (let i = 0; i < n + 2; i++) {
    const t = performance.now();
    await run();
    if (i >= 2) times.push(performance.now() - t);
  }
  return times;
}

export interface Reading {
  label: string;
  filters: ReportContext['filters'];
}

/**
 * The board's two readings on `today`: the last 12 months by month compared with the 12 before
 * (its default), and the last `years` years by year.
 */
export function boardReadings(today: Temporal.PlainDate, years: number): Reading[] {
  return [
    {
      label: '12 mois par mois, comparés',
      filters: reportFilters.parse({
        from: today.subtract({ years: 1 }).add({ days: 1 }).toString(),
        to: today.toString(),
        granularity: 'month',
        compare: 'previous',
      }),
    },
    {
      label: `${years} ans par année`,
      filters: reportFilters.parse({
        from: today.subtract({ years }).toString(),
        to: today.toString(),
        granularity: 'year',
      }),
    },
  ];
}

export const reportNames = () => Object.keys(reportSources) as ReportName[];

/** Times every report source on each reading, read by the network admin (every centre). */
export async function timeReports(
  db: Db,
  centres: ReportContext['centres'],
  readings: Reading[],
  iterations: number,
  record: (figure: string, times: number[]) => void,
) {
  for (const name of reportNames()) {
    const source = reportSources[name];
    if (!source) continue;
    for (const reading of readings) {
      const ctx: ReportContext = { db, filters: reading.filters, centres, wholeNetwork: true };
      record(`${name} — ${reading.label}`, await timeRuns(() => source.load(ctx), iterations));
    }
  }
}
