import type { ReportName } from '@lakou/reports/model';
import { activitySource } from './activity.source.ts';
import { circlesSource } from './circles.source.ts';
import { fundSource } from './fund.source.ts';
import { gardensSource } from './gardens.source.ts';
import { recyclingSource } from './recycling.source.ts';
import type { ReportSource } from './report.source.ts';

/** Every report the API serves, in the board pack's order. Each source lives in its own file. */
export const reportSources: Partial<Record<ReportName, ReportSource>> = {
  fund: fundSource,
  recycling: recyclingSource,
  activity: activitySource,
  circles: circlesSource,
  gardens: gardensSource,
};
