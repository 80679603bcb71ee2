import { fundReport } from '@lakou/reports/fund';
import { comparisonPeriod } from '@lakou/reports/model';
import { organisationId } from '../fund/fund.queries.ts';
import { fundAggregates } from './fund.queries.ts';
import type { ReportSource } from './report.source.ts';

/**
 * The fund report. The whole network sees the fund's balances, inflows and receipts; a reader
 * limited to some centres (a manager, or a centre filter) sees only what is attributable to
 * those centres: disbursements to them, gifts in kind destined to them, their projects' grants.
 */
export const fundSource: ReportSource = {
  name: 'fund',
  alsoRequires: 'fund.read',
  async load({ db, filters, centres, wholeNetwork }) {
    const scope = wholeNetwork ? 'all' : centres.map((c) => c.id);
    const comparison = comparisonPeriod(filters.from, filters.to, filters.compare);
    const aggregates = await fundAggregates(
      db,
      await organisationId(db),
      { from: filters.from, to: filters.to, granularity: filters.granularity },
      comparison,
      scope,
    );
    return fundReport(filters, aggregates, centres, { wholeNetwork });
  },
};
