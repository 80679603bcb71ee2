import { type ReportName, reportNames } from '@lakou/reports/model';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { centresQuery } from '../../api/queries.ts';
import { usePolicy } from '../../auth/policy.ts';
import { useActor } from '../../auth/session.ts';
import { todayIn } from '../../lib/events.ts';
import { NETWORK_TIME_ZONE } from '../../lib/format.ts';
import { filtersFromSearch, REPORT_REQUIRES, type ResolvedFilters } from '../../lib/reports.ts';
import type { ReportsSearch } from '../../lib/reports-search.ts';
import { allCentresFilters } from '../useCentreNames.ts';

export interface ReportScope {
  /** The rules and the centres have loaded. */
  ready: boolean;
  /** The reader's centres for `report.read`: every centre, or a manager's own. */
  allowed: 'all' | string[];
  /** The centres the filter bar offers, by name. */
  centres: { id: string; name: string }[];
  /** The reports this reader may read, in the board pack's order. */
  readable: ReportName[];
}

/**
 * What the signed-in reader may see of the reports, with the very rules the API applies
 * (`centreScope` and `can` of @lakou/domain/identity): a board member or an admin the whole
 * network, a manager their centres only.
 */
export function useReportScope(): ReportScope {
  const actor = useActor();
  const policy = usePolicy(actor !== null);
  const centres = useQuery(centresQuery({ ...allCentresFilters }));
  return useMemo(() => {
    if (!policy || !actor || !centres.data) {
      return { ready: false, allowed: [], centres: [], readable: [] };
    }
    const scope = policy.centreScope(actor, 'report.read');
    const offered = centres.data.items
      .filter((c) => scope === 'all' || scope.includes(c.id))
      .map((c) => ({ id: c.id, name: c.name }));
    const readable = reportNames.filter((name) => {
      const also = REPORT_REQUIRES[name];
      return policy.can(actor, 'report.read') && (also === undefined || policy.can(actor, also));
    });
    return { ready: true, allowed: scope, centres: offered, readable };
  }, [policy, actor, centres.data]);
}

/** The page's filters from its URL, for this reader, today (the network's calendar day). */
export function useResolvedFilters(search: ReportsSearch, scope: ReportScope): ResolvedFilters {
  const today = todayIn(NETWORK_TIME_ZONE);
  return useMemo(
    () => filtersFromSearch(search, today, scope.allowed),
    [search, today, scope.allowed],
  );
}
