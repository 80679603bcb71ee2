import { circlesReport } from '@lakou/reports/circles';
import { circlesData } from './circles.queries.ts';
import type { ReportSource } from './report.source.ts';
import { readPeriods } from './report-periods.ts';

/**
 * The restorative circles report, for the board: counts over the reader's centres, every count
 * from 1 to 4 hidden. Asks `circle.aggregates.read` on top of `report.read`.
 */
export const circlesSource: ReportSource = {
  name: 'circles',
  alsoRequires: 'circle.aggregates.read',
  async load({ db, filters, centres }) {
    const ids = centres.map((c) => c.id);
    const g = filters.granularity;
    const { current, previous } = await readPeriods(filters, (p) => circlesData(db, p, g, ids));
    return circlesReport({ filters, centres, current, previous });
  },
};
