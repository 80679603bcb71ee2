import { recyclingReport } from '@lakou/reports/recycling';
import { type RecyclingScope, recyclingSums, reportStreams } from './recycling.queries.ts';
import type { ReportContext, ReportSource } from './report.source.ts';
import { readPeriods } from './report-periods.ts';

/**
 * GET /api/reports/recycling: the circular indicators (the domain's `indicatorsOf` over SQL
 * sums, as GET /api/circular/indicators) per bucket, centre and stream. The circular figures are
 * read under `circular.read` besides `report.read`.
 */
export const recyclingSource: ReportSource = {
  name: 'recycling',
  alsoRequires: 'circular.read',
  async load({ db, filters, centres, wholeNetwork }: ReportContext) {
    const scope = (from: string, to: string): RecyclingScope => ({
      from,
      to,
      centres: wholeNetwork ? 'all' : centres.map((c) => c.id),
      streamIds: filters.streamIds,
      granularity: filters.granularity,
    });
    const [{ current, previous }, streams] = await Promise.all([
      readPeriods(filters, (p) => recyclingSums(db, scope(p.from, p.to))),
      reportStreams(db, filters.streamIds),
    ]);
    return recyclingReport({ filters, centres, streams, current, previous });
  },
};
