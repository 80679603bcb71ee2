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
    // The two periods are read at once: on PostgreSQL they run on two connections of the pool.
    const [current, previous] = await Promise.all([
      activityData(db, filters, g, ids),
      comparison ? activityData(db, comparison, g, ids) : null,
    ]);
    return activityReport({ filters, centres, current, previous });
  },
};
