import type {
  EditableList,
  EditableListView,
  ListItem,
  ListItemInput,
  ListItemPatch,
} from '@lakou/domain/config/lists';
import type { Problem } from '@lakou/domain/shared';
import { queryOptions } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';

/*
 * Editable lists (issue 9, « Paramètres › Listes »): resource kinds, event kinds, material
 * streams, in-kind categories, audiences and tariff templates. Reading is public (labels; usage
 * counts for the admin), changing is the network admin's. Plain `fetch` with the domain's types,
 * every refusal thrown as an `ApiError` like the typed client's.
 */

export type { EditableList, EditableListView, ListItem };

export const listKeys = {
  all: ['lists'] as const,
};

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
      const parsed = (await response.json()) as Problem;
      if (typeof parsed?.status === 'number') problem = parsed;
    } catch {
      // Not JSON: the status says enough.
    }
    throw new ApiError(problem);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

/** Every list with its items, retired ones included (flagged). */
export const listsQuery = () =>
  queryOptions({
    queryKey: listKeys.all,
    queryFn: async () => (await request<{ items: EditableListView[] }>('GET', '/api/lists')).items,
    staleTime: 60_000,
  });

const itemPath = (list: EditableList, key: string) =>
  `/api/lists/${list}/items/${encodeURIComponent(key)}`;

export function createListItem(list: EditableList, input: ListItemInput): Promise<ListItem> {
  return request('POST', `/api/lists/${list}/items`, input);
}

export function updateListItem(
  list: EditableList,
  key: string,
  patch: ListItemPatch,
): Promise<ListItem> {
  return request('PATCH', itemPath(list, key), patch);
}

export function retireListItem(list: EditableList, key: string): Promise<ListItem> {
  return request('POST', `${itemPath(list, key)}/retire`, {});
}

export function restoreListItem(list: EditableList, key: string): Promise<ListItem> {
  return request('POST', `${itemPath(list, key)}/restore`, {});
}

export function mergeListItem(
  list: EditableList,
  key: string,
  into: string,
): Promise<{ item: ListItem; into: ListItem; moved: number }> {
  return request('POST', `${itemPath(list, key)}/merge`, { into });
}

export function deleteListItem(list: EditableList, key: string): Promise<void> {
  return request('DELETE', itemPath(list, key));
}
