import { activityReport } from '@lakou/reports/activity';
import { comparisonPeriod } from '@lakou/reports/model';
import { activityData } from './activity.queries.ts';
import type { ReportSource } from './report.source.ts';

/**
 * The activity report: occupancy of rooms and desks, events and attendance, basic needs served,
 * coworking check-ins — for the centres the reader may see (narrowed by the filters).
 */
export const activitySource: ReportSource = {
  name: 'activity',
  async load({ db, filters, centres }) {
    const ids = centres.map((c) => c.id);
    const g = filters.granularity;
    const comparison = comparisonPeriod(filters.from, filters.to, filters.compare);
    const current = await activityData(db, filters, g, ids);
    const previous = comparison ? await activityData(db, comparison, g, ids) : null;
    return activityReport({ filters, centres, current, previous });
  },
};
