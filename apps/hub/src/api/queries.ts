import type {
  Centre,
  CentreSummary,
  Organisation,
  Partner,
  PartnerKind,
} from '@lakou/domain/network';
import type { Page } from '@lakou/domain/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';

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

/** Query-string values are strings; unset filters are left out of the URL entirely. */
function queryString<T extends Record<string, string | number | boolean | undefined>>(params: T) {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') out[key] = String(value);
  }
  return out;
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
    queryFn: async () => unwrap(api.api.health.$get()),
  });

export const organisationQuery = () =>
  queryOptions({
    queryKey: queryKeys.organisation,
    queryFn: async (): Promise<Organisation> => unwrap(api.api.organisation.$get()),
    // The organisation's name changes rarely; no need to refetch it on every screen.
    staleTime: 5 * 60_000,
  });

export const centresQuery = (filters: CentreFilters) =>
  queryOptions({
    queryKey: queryKeys.centres(filters),
    queryFn: async (): Promise<Page<CentreSummary>> =>
      unwrap(api.api.centres.$get({ query: queryString({ ...filters }) })),
    // Keep the previous page on screen while the next one loads, instead of a blank table.
    placeholderData: keepPreviousData,
  });

export const centreQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.centre(id),
    queryFn: async (): Promise<Centre> => unwrap(api.api.centres[':id'].$get({ param: { id } })),
  });

export const partnersQuery = (filters: PartnerFilters) =>
  queryOptions({
    queryKey: queryKeys.partners(filters),
    queryFn: async (): Promise<Page<Partner>> =>
      unwrap(api.api.partners.$get({ query: queryString({ ...filters }) })),
    placeholderData: keepPreviousData,
  });
