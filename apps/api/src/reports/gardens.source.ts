import { gardensReport } from '@lakou/reports/gardens';
import { comparisonPeriod } from '@lakou/reports/model';
import { type GardensScope, gardensSums } from './gardens.queries.ts';
import type { ReportContext, ReportSource } from './report.source.ts';

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
    const comparison = comparisonPeriod(filters.from, filters.to, filters.compare);
    const [current, previous] = await Promise.all([
      gardensSums(db, scope(filters.from, filters.to)),
      comparison ? gardensSums(db, scope(comparison.from, comparison.to)) : null,
    ]);
    return gardensReport({ filters, centres, current, previous });
  },
};
