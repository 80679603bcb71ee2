import type {
  Event,
  EventKind,
  EventPatch,
  Registration,
  RegistrationInput,
} from '@lakou/domain/events';
import type { Page, Problem } from '@lakou/domain/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { allPages } from '../lib/all-pages.ts';
import { ApiError, api, unwrap } from './client.ts';

/*
 * The events context through the typed client: queryOptions factories for reading, plain
 * functions for writing (the pages invalidate `eventKeys.all` after each).
 */

export const eventKeys = {
  all: ['events'] as const,
  kinds: ['events', 'kinds'] as const,
  list: (filters: EventFilters) => ['events', 'list', filters] as const,
  detail: (id: string) => ['events', 'detail', id] as const,
  registrations: (id: string) => ['events', 'registrations', id] as const,
  usedBookings: (centreId: string, from: string, to: string) =>
    ['events', 'used-bookings', centreId, from, to] as const,
};

export interface EventFilters {
  centreId?: string | undefined;
  kindId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  public?: boolean | undefined;
  status?: Event['status'] | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
  /** `start` (default) or `custom.<key>`. */
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
  /** Custom field filters by key (`custom.<key>=<value>`: an option key, true/false, text). */
  custom?: Record<string, string | undefined> | undefined;
}

function eventQueryString(filters: EventFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'custom') continue;
    if (value !== undefined && value !== '') out[key] = String(value);
  }
  for (const [key, value] of Object.entries(filters.custom ?? {})) {
    if (value !== undefined && value !== '') out[`custom.${key}`] = value;
  }
  return out;
}

/** The kinds of events of the network (public; a handful). */
export const eventKindsQuery = () =>
  queryOptions({
    queryKey: eventKeys.kinds,
    queryFn: async (): Promise<EventKind[]> =>
      (await unwrap(api.api['event-kinds'].$get())).items as EventKind[],
    staleTime: 5 * 60_000,
  });

/** A page of events by start (visitors get only the public ones). */
export const eventsQuery = (filters: EventFilters) =>
  queryOptions({
    queryKey: eventKeys.list(filters),
    queryFn: async (): Promise<Page<Event>> => {
      const result = await unwrap(api.api.events.$get({ query: eventQueryString(filters) }));
      return { ...result, items: result.items as Event[] };
    },
    placeholderData: keepPreviousData,
  });

export const eventQuery = (id: string) =>
  queryOptions({
    queryKey: eventKeys.detail(id),
    queryFn: async (): Promise<Event> =>
      (await unwrap(api.api.events[':id'].$get({ param: { id } }))) as Event,
  });

/** Every registration of an event (all pages), in the order people asked. */
export const registrationsQuery = (eventId: string) =>
  queryOptions({
    queryKey: eventKeys.registrations(eventId),
    queryFn: async (): Promise<Registration[]> =>
      allPages(async (page) => {
        const result = await unwrap(
          api.api.events[':id'].registrations.$get({
            param: { id: eventId },
            query: { page: String(page), pageSize: '100' },
          }),
        );
        return { ...result, items: result.items as Registration[] };
      }),
  });

/**
 * The bookings that already carry an event of the centre between `from` and `to` (cancelled
 * events included: their bookings stay taken), so the « Nouvel événement » dialog leaves them out.
 */
export const usedBookingsQuery = (centreId: string, from: string, to: string) =>
  queryOptions({
    queryKey: eventKeys.usedBookings(centreId, from, to),
    queryFn: async (): Promise<Set<string>> => {
      const events = await allPages(async (page) => {
        const result = await unwrap(
          api.api.events.$get({
            query: { centreId, from, to, page: String(page), pageSize: '100' },
          }),
        );
        return { ...result, items: result.items as Event[] };
      });
      return new Set(events.flatMap((e) => e.sessions.map((s) => s.bookingId)));
    },
  });

export interface NewEvent {
  bookingIds: string[];
  kindId: string;
  title: string;
  description: string;
  capacity: number;
  public: boolean;
  registrationOpen: boolean;
  basicNeeds: Event['basicNeeds'];
  /** Custom field values (checked with the domain's customValuesSchema before sending). */
  custom?: Record<string, unknown>;
}

export async function createEvent(input: NewEvent): Promise<Event> {
  return (await unwrap(api.api.events.$post({ json: input }))) as Event;
}

export async function updateEvent(id: string, patch: EventPatch): Promise<Event> {
  return (await unwrap(api.api.events[':id'].$patch({ param: { id }, json: patch }))) as Event;
}

export async function cancelEvent(id: string, reason: string): Promise<Event> {
  return (await unwrap(
    api.api.events[':id'].cancel.$post({ param: { id }, json: { reason } }),
  )) as Event;
}

/** A registration as the API answers it: with the one-time link to cancel it. */
export type RegistrationReceipt = Registration & { cancelUrl: string };

export async function register(
  eventId: string,
  input: Pick<RegistrationInput, 'name' | 'seats'> & {
    email: string | null;
    phone: string | null;
  },
): Promise<RegistrationReceipt> {
  return (await unwrap(
    api.api.events[':id'].registrations.$post({ param: { id: eventId }, json: input }),
  )) as RegistrationReceipt;
}

export async function cancelRegistration(
  eventId: string,
  registrationId: string,
): Promise<Registration> {
  return (await unwrap(
    api.api.events[':id'].registrations[':registrationId'].cancel.$post({
      param: { id: eventId, registrationId },
    }),
  )) as Registration;
}

export async function markAttendance(
  eventId: string,
  registrationId: string,
  attendance: Registration['attendance'],
): Promise<Registration> {
  return (await unwrap(
    api.api.events[':id'].registrations[':registrationId'].$patch({
      param: { id: eventId, registrationId },
      json: { attendance },
    }),
  )) as Registration;
}

export interface CancelledByLink {
  registration: Registration;
  eventTitle: string;
  eventId: string;
}

export async function cancelByLink(token: string): Promise<CancelledByLink> {
  return (await unwrap(api.api.registrations.cancel.$post({ json: { token } }))) as CancelledByLink;
}

/** The per-field messages of a refusal (400/409/422), keyed by field, and its general detail. */
export function fieldProblems(error: unknown): {
  detail: string;
  fields: Record<string, string>;
} {
  if (error instanceof ApiError) {
    const fields: Record<string, string> = {};
    for (const entry of (error.problem as Problem).errors ?? []) {
      const key = entry.field.split('.')[0] ?? entry.field;
      fields[key] ??= entry.message;
    }
    return { detail: error.problem.detail ?? error.problem.title, fields };
  }
  return { detail: error instanceof Error ? error.message : String(error), fields: {} };
}
