import type { Action } from '@lakou/domain/identity';
import type { ReportFilters, ReportModel, ReportName } from '@lakou/reports/model';
import type { Db } from '../db/client.ts';

/** The centres a report covers: the reader's scope, narrowed by the filters, with their names. */
export interface ReportCentre {
  id: string;
  name: string;
}

export interface ReportContext {
  db: Db;
  filters: ReportFilters;
  /** Never empty: a reader with no centre in scope gets a 403 before a source is asked. */
  centres: readonly ReportCentre[];
  /** The whole network is covered (no centre filter, network-wide reader): network-level figures (the fund's) may be shown. */
  wholeNetwork: boolean;
}

/**
 * One report as the API serves it: the SQL that aggregates in the database, then the pure
 * definition of `@lakou/reports` that turns the aggregates into a `ReportModel`.
 */
export interface ReportSource {
  name: ReportName;
  /** Asked on top of `report.read` (e.g. `fund.read`, `circular.read`, `circle.aggregates.read`). */
  alsoRequires?: Action;
  load(ctx: ReportContext): Promise<ReportModel>;
}
