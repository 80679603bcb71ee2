import type {
  CustomFieldDefinition,
  CustomFieldEntity,
  CustomFieldInput,
  CustomFieldPatch,
} from '@lakou/domain/config';
import type { Problem } from '@lakou/domain/shared';
import { queryOptions } from '@tanstack/react-query';
import { ApiError } from './client.ts';

/*
 * Custom fields (issue 9, « Paramètres › Champs personnalisés »): the definitions an admin or a
 * centre manager adds to the forms of bookings, events, registrations, donations, circle intakes
 * and inflows. Reading is public (labels only); writing asks `config.manage` in the field's
 * scope. A stale `version` answers 409 VERSION_CONFLICT; a change that stored values would no
 * longer fit answers 422 VALUES_DO_NOT_FIT with the count and an example in `detail`.
 *
 * Plain `fetch` with the domain's types rather than the typed client: the routes are described
 * by the domain schemas they validate with, and every answer goes through `ApiError` like the
 * typed client's `unwrap`.
 */

export type { CustomFieldDefinition, CustomFieldEntity };

export const customFieldKeys = {
  all: ['custom-fields'] as const,
  list: (entity: CustomFieldEntity | null, centreId: string | null, includeRetired: boolean) =>
    ['custom-fields', 'list', entity, centreId, includeRetired] as const,
  versions: (id: string) => ['custom-fields', 'versions', id] as const,
};

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const base = typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
  const response = await fetch(new URL(path, base), {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    let problem: Problem = {
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
    };
    try {
      const parsed: unknown = await response.json();
      if (isProblem(parsed)) problem = parsed;
    } catch {
      // Not JSON (a proxy's error page): the status is what the page needs.
    }
    throw new ApiError(problem);
  }
  return (await response.json()) as T;
}

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
      const query = new URLSearchParams();
      if (entity) query.set('entity', entity);
      if (centreId) query.set('centreId', centreId);
      if (includeRetired) query.set('includeRetired', 'true');
      const suffix = query.size > 0 ? `?${query}` : '';
      return (
        await request<{ items: CustomFieldDefinition[] }>('GET', `/api/custom-fields${suffix}`)
      ).items;
    },
    staleTime: 60_000,
  });

export function createCustomField(input: CustomFieldInput): Promise<CustomFieldDefinition> {
  return request('POST', '/api/custom-fields', input);
}

/** Refused with 409 VERSION_CONFLICT when `patch.version` is stale, 422 VALUES_DO_NOT_FIT. */
export function updateCustomField(
  id: string,
  patch: CustomFieldPatch,
): Promise<CustomFieldDefinition> {
  return request('PATCH', `/api/custom-fields/${encodeURIComponent(id)}`, patch);
}

export function retireCustomField(id: string): Promise<CustomFieldDefinition> {
  return request('POST', `/api/custom-fields/${encodeURIComponent(id)}/retire`, {});
}

export function restoreCustomField(id: string): Promise<CustomFieldDefinition> {
  return request('POST', `/api/custom-fields/${encodeURIComponent(id)}/restore`, {});
}

/** Sets the positions of one scope's fields to the order of `ids`. */
export function reorderCustomFields(input: {
  entity: CustomFieldEntity;
  centreId: string | null;
  ids: string[];
}): Promise<unknown> {
  return request('PUT', '/api/custom-fields/order', input);
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
