import type { CalendarFeed, FeedInput, Resource } from '@lakou/domain/booking/rules';
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import { errorOf } from './identity.ts';

/*
 * Private calendar feeds: a secret iCalendar URL of the bookings you made (and, for a
 * facilitator, their circle sessions named by case reference only) or of one resource.
 */

export const feedKeys = {
  mine: ['feeds'] as const,
  resources: ['feeds', 'resources'] as const,
};

export type CreatedFeed = CalendarFeed & { url: string };

export const feedsQuery = () =>
  queryOptions({
    queryKey: feedKeys.mine,
    queryFn: async (): Promise<CalendarFeed[]> =>
      (await unwrap(api.api.feeds.$get())).items as CalendarFeed[],
  });

/** The rooms, desks and equipment of the centres the person works in. */
export const feedResourcesQuery = () =>
  queryOptions({
    queryKey: feedKeys.resources,
    queryFn: async (): Promise<Resource[]> =>
      (await unwrap(api.api.resources.$get({ query: { active: 'true', pageSize: '100' } })))
        .items as Resource[],
    staleTime: 5 * 60_000,
  });

export async function createFeed(input: FeedInput): Promise<CreatedFeed> {
  return (await unwrap(api.api.feeds.$post({ json: input }))) as CreatedFeed;
}

export async function revokeFeed(id: string): Promise<void> {
  const response = await api.api.feeds[':id'].$delete({ param: { id } });
  if (!response.ok) throw await errorOf(response as unknown as Response);
}

/** The same URL for calendar apps that subscribe through the webcal: scheme. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}
