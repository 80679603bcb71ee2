import type {
  Centre,
  CentreSummary,
  Organisation,
  Partner,
  PartnerKind,
} from '@lakou/domain/network';
import type { Page } from '@lakou/domain/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
// Plain typed fetches (requestJson), not the typed Hono client: the banner and the pages' first
// paint use these queries, and the client would weigh on the hub's first load.
import { requestJson, searchString } from './identity.ts';

export type CentreSort = 'name' | 'commune';
export type SortOrder = 'asc' | 'desc';

export interface CentreFilters {
  q?: string | undefined;
  inQpv?: boolean | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
  sort?: CentreSort | undefined;
  order?: SortOrder | undefined;
}

export interface PartnerFilters {
  q?: string | undefined;
  kind?: PartnerKind | undefined;
  centreId?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export const queryKeys = {
  health: ['health'] as const,
  organisation: ['organisation'] as const,
  centres: (filters: CentreFilters) => ['centres', 'list', filters] as const,
  centre: (id: string) => ['centres', 'detail', id] as const,
  partners: (filters: PartnerFilters) => ['partners', 'list', filters] as const,
};

export const healthQuery = () =>
  queryOptions({
    queryKey: queryKeys.health,
    queryFn: async (): Promise<{ status: string }> => requestJson('GET', '/api/health'),
  });

export const organisationQuery = () =>
  queryOptions({
    queryKey: queryKeys.organisation,
    queryFn: async (): Promise<Organisation> => requestJson('GET', '/api/organisation'),
    // The organisation's name changes rarely; no need to refetch it on every screen.
    staleTime: 5 * 60_000,
  });

export const centresQuery = (filters: CentreFilters) =>
  queryOptions({
    queryKey: queryKeys.centres(filters),
    queryFn: async (): Promise<Page<CentreSummary>> =>
      requestJson('GET', `/api/centres${searchString({ ...filters })}`),
    // Keep the previous page on screen while the next one loads, instead of a blank table.
    placeholderData: keepPreviousData,
  });

export const centreQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.centre(id),
    queryFn: async (): Promise<Centre> =>
      requestJson('GET', `/api/centres/${encodeURIComponent(id)}`),
  });

export const partnersQuery = (filters: PartnerFilters) =>
  queryOptions({
    queryKey: queryKeys.partners(filters),
    queryFn: async (): Promise<Page<Partner>> =>
      requestJson('GET', `/api/partners${searchString({ ...filters })}`),
    placeholderData: keepPreviousData,
  });
