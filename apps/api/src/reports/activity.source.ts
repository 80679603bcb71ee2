import { activityReport } from '@lakou/reports/activity';
import { activityData } from './activity.queries.ts';
import type { ReportSource } from './report.source.ts';
import { readPeriods } from './report-periods.ts';

/**
 * The activity report: occupancy of rooms and desks, events and attendance, basic needs served,
 * coworking check-ins — for the centres the reader may see (narrowed by the filters).
 */
export const activitySource: ReportSource = {
  name: 'activity',
  async load({ db, filters, centres }) {
    const ids = centres.map((c) => c.id);
    const g = filters.granularity;
    const { current, previous } = await readPeriods(filters, (p) => activityData(db, p, g, ids));
    return activityReport({ filters, centres, current, previous });
  },
};
