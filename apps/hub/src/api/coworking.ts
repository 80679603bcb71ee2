import type { CheckIn, CoworkingPass, Occupancy, PassKind } from '@lakou/domain/coworking';
import type { Page } from '@lakou/domain/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { ApiError, api, unwrap } from './client.ts';

/*
 * The coworking context through the typed client: passes sold by a centre, today's check-ins
 * and occupancy. The pages invalidate `coworkingKeys.centre(id)` after each write.
 */

export const coworkingKeys = {
  all: ['coworking'] as const,
  centre: (centreId: string) => ['coworking', centreId] as const,
  today: (centreId: string) => ['coworking', centreId, 'today'] as const,
  passes: (centreId: string, filters: PassFilters) =>
    ['coworking', centreId, 'passes', filters] as const,
};

export interface PassFilters {
  q?: string | undefined;
  usable?: boolean | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface CoworkingDay {
  items: CheckIn[];
  occupancy: Occupancy;
}

/** Today's check-ins of a centre (its own day) and the occupancy of its desks. */
export const todayCheckInsQuery = (centreId: string) =>
  queryOptions({
    queryKey: coworkingKeys.today(centreId),
    queryFn: async (): Promise<CoworkingDay> =>
      unwrap(api.api.coworking['check-ins'].$get({ query: { centreId } })),
    // Other phones at the door check people in too.
    refetchInterval: 60_000,
  });

/** A page of the centre's passes, newest first. */
export const passesQuery = (centreId: string, filters: PassFilters) =>
  queryOptions({
    queryKey: coworkingKeys.passes(centreId, filters),
    queryFn: async (): Promise<Page<CoworkingPass>> => {
      const query: Record<string, string> = { centreId };
      if (filters.q) query.q = filters.q;
      if (filters.usable !== undefined) query.usable = String(filters.usable);
      if (filters.page) query.page = String(filters.page);
      if (filters.pageSize) query.pageSize = String(filters.pageSize);
      const page = await unwrap(api.api.coworking.passes.$get({ query }));
      return { ...page, items: page.items as CoworkingPass[] };
    },
    placeholderData: keepPreviousData,
  });

export interface NewPass {
  centreId: string;
  kind: PassKind;
  holderName: string;
  holderEmail: string | null;
  validFrom: string;
  priceCents: number;
}

export async function sellPass(input: NewPass): Promise<CoworkingPass> {
  return (await unwrap(api.api.coworking.passes.$post({ json: input }))) as CoworkingPass;
}

export async function cancelPass(id: string): Promise<CoworkingPass> {
  return (await unwrap(
    api.api.coworking.passes[':id'].cancel.$post({ param: { id } }),
  )) as CoworkingPass;
}

export async function checkIn(passId: string, resourceId: string | null): Promise<CheckIn> {
  return (await unwrap(
    api.api.coworking['check-ins'].$post({ json: { passId, resourceId } }),
  )) as CheckIn;
}

/** Undoes today's check-in: the day goes back on the pass. */
export async function undoCheckIn(id: string): Promise<void> {
  const response = await api.api.coworking['check-ins'][':id'].$delete({ param: { id } });
  if (!response.ok) {
    // A 204 has no body; a refusal carries its problem document.
    await unwrap(response as never);
  }
}

/** Why the API refused a check-in: its stable code and its French sentence. */
export interface CheckInRefusal {
  code: string | undefined;
  detail: string;
}

export function refusalOf(error: unknown): CheckInRefusal {
  if (error instanceof ApiError) {
    return { code: error.problem.code, detail: error.problem.detail ?? error.problem.title };
  }
  return { code: undefined, detail: error instanceof Error ? error.message : String(error) };
}
