import type { ReportName } from '@lakou/reports/model';
import { fundSource } from './fund.source.ts';
import { gardensSource } from './gardens.source.ts';
import { recyclingSource } from './recycling.source.ts';
import type { ReportSource } from './report.source.ts';

/** Every report the API serves, in the board pack's order. Each source lives in its own file. */
export const reportSources: Partial<Record<ReportName, ReportSource>> = {
  fund: fundSource,
  recycling: recyclingSource,
  gardens: gardensSource,
};
