import type {
  CustomFieldDefinition,
  CustomFieldEntity,
  CustomFieldInput,
  CustomFieldPatch,
} from '@lakou/domain/config';
import type { Problem } from '@lakou/domain/shared';
import { queryOptions } from '@tanstack/react-query';
import { ApiError, api, unwrap } from './client.ts';

/*
 * Custom fields (issue 9, « Paramètres › Champs personnalisés »): the definitions an admin or a
 * centre manager adds to the forms of bookings, events, registrations, donations, circle intakes
 * and inflows. Reading is public (labels only); writing asks `config.manage` in the field's
 * scope. A stale `version` answers 409 VERSION_CONFLICT; a change that stored values would no
 * longer fit answers 422 VALUES_DO_NOT_FIT with the count and an example in `detail`. Through
 * the typed client: a non-2xx answer throws `ApiError` with its problem document.
 */

export type { CustomFieldDefinition, CustomFieldEntity };

export const customFieldKeys = {
  all: ['custom-fields'] as const,
  list: (entity: CustomFieldEntity | null, centreId: string | null, includeRetired: boolean) =>
    ['custom-fields', 'list', entity, centreId, includeRetired] as const,
  versions: (id: string) => ['custom-fields', 'versions', id] as const,
};

export interface CustomFieldsFilter {
  entity: CustomFieldEntity | null;
  /** The definitions that apply in this centre (network ones included); `null`: the whole network. */
  centreId: string | null;
  includeRetired?: boolean;
}

/** The definitions, ordered by position (public: labels only). */
export const customFieldsQuery = ({
  entity,
  centreId,
  includeRetired = false,
}: CustomFieldsFilter) =>
  queryOptions({
    queryKey: customFieldKeys.list(entity, centreId, includeRetired),
    queryFn: async (): Promise<CustomFieldDefinition[]> => {
      const query: Record<string, string> = {};
      if (entity) query.entity = entity;
      if (centreId) query.centreId = centreId;
      if (includeRetired) query.includeRetired = 'true';
      return (await unwrap(api.api['custom-fields'].$get({ query })))
        .items as CustomFieldDefinition[];
    },
    staleTime: 60_000,
  });

export async function createCustomField(input: CustomFieldInput): Promise<CustomFieldDefinition> {
  return (await unwrap(api.api['custom-fields'].$post({ json: input }))) as CustomFieldDefinition;
}

/** Refused with 409 VERSION_CONFLICT when `patch.version` is stale, 422 VALUES_DO_NOT_FIT. */
export async function updateCustomField(
  id: string,
  patch: CustomFieldPatch,
): Promise<CustomFieldDefinition> {
  return (await unwrap(
    api.api['custom-fields'][':id'].$patch({ param: { id }, json: patch }),
  )) as CustomFieldDefinition;
}

export async function retireCustomField(id: string): Promise<CustomFieldDefinition> {
  return (await unwrap(
    api.api['custom-fields'][':id'].retire.$post({ param: { id } }),
  )) as CustomFieldDefinition;
}

export async function restoreCustomField(id: string): Promise<CustomFieldDefinition> {
  return (await unwrap(
    api.api['custom-fields'][':id'].restore.$post({ param: { id } }),
  )) as CustomFieldDefinition;
}

/** Sets the positions of one scope's fields to the order of `ids`. */
export function reorderCustomFields(input: {
  entity: CustomFieldEntity;
  centreId: string | null;
  ids: string[];
}): Promise<unknown> {
  return unwrap(api.api['custom-fields'].order.$put({ json: input }));
}

/** The machine code of a refusal (`VERSION_CONFLICT`, `VALUES_DO_NOT_FIT`, `KEY_TAKEN`…). */
export function problemCode(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const problem = error.problem as Problem & { code?: unknown };
  if (typeof problem.code === 'string') return problem.code;
  // Some problems carry the code at the end of their type URN (urn:lakou:problem:version-conflict).
  const tail = problem.type.split(':').pop() ?? '';
  return tail ? tail.toUpperCase().replaceAll('-', '_') : undefined;
}
