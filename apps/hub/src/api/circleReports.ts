import type { CaseStage } from '@lakou/domain/circles';
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';

/** A count of cases, or « < 5 » when from 1 to 4 (small-cell suppression). */
export type SuppressedCount = number | '< 5';

export interface CircleAggregates {
  byStage: { stage: CaseStage; cases: SuppressedCount }[];
  byCentre: { centreId: string; centreName: string; cases: SuppressedCount }[];
  byQuarter: { quarter: string; opened: SuppressedCount; closed: SuppressedCount }[];
  agreementsDoneShare: number | null;
  medianDaysToClose: number | null;
}

/** Restorative circles in numbers, for the board: no personal data, small counts suppressed. */
export const circleAggregatesQuery = () =>
  queryOptions({
    queryKey: ['reports', 'circles'] as const,
    queryFn: async (): Promise<CircleAggregates> =>
      (await unwrap(api.api.circles.aggregates.$get())) as CircleAggregates,
  });
