import { gardensReport } from '@lakou/reports/gardens';
import { type GardensScope, gardensSums } from './gardens.queries.ts';
import type { ReportContext, ReportSource } from './report.source.ts';
import { readPeriods } from './report-periods.ts';

/**
 * GET /api/reports/gardens: harvests by centre, crop and destination, the plots held and their
 * gardeners. The gardens are not confidential (aggregates only, no names): `report.read` alone.
 */
export const gardensSource: ReportSource = {
  name: 'gardens',
  async load({ db, filters, centres, wholeNetwork }: ReportContext) {
    const scope = (from: string, to: string): GardensScope => ({
      from,
      to,
      centres: wholeNetwork ? 'all' : centres.map((c) => c.id),
      granularity: filters.granularity,
    });
    const { current, previous } = await readPeriods(filters, (p) =>
      gardensSums(db, scope(p.from, p.to)),
    );
    return gardensReport({ filters, centres, current, previous });
  },
};
