import type {
  Booking,
  BookingEvent,
  BookingInput,
  OccurrenceVerdict,
  Resource,
  ResourceInput,
  SeriesCancel,
  SeriesCreateInput,
} from '@lakou/domain/booking/rules';
import type { Page, Problem } from '@lakou/domain/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { allPages } from '../lib/all-pages.ts';
import { ApiError, api, unwrap } from './client.ts';

export const bookingKeys = {
  resources: (centreId: string) => ['resources', centreId] as const,
  bookings: (centreId: string) => ['bookings', centreId] as const,
  bookingsIn: (centreId: string, from: string, to: string) =>
    ['bookings', centreId, from, to] as const,
};

/** The centre's bookable resources (a centre has a handful, never more than a page). */
export const resourcesQuery = (centreId: string) =>
  queryOptions({
    queryKey: bookingKeys.resources(centreId),
    queryFn: async (): Promise<Resource[]> => {
      const page = await unwrap(
        api.api.resources.$get({ query: { centreId, active: 'true', pageSize: '100' } }),
      );
      return page.items as Resource[];
    },
  });

/** Every booking of the centre overlapping [from, to), all pages of it. */
export const bookingsQuery = (centreId: string, from: string, to: string) =>
  queryOptions({
    queryKey: bookingKeys.bookingsIn(centreId, from, to),
    queryFn: async (): Promise<Booking[]> =>
      allPages(async (page) => {
        const result = await unwrap(
          api.api.bookings.$get({
            query: { centreId, from, to, pageSize: '100', page: String(page) },
          }),
        );
        return { ...result, items: result.items as Booking[] };
      }),
  });

export async function createBooking(input: BookingInput): Promise<Booking> {
  return (await unwrap(api.api.bookings.$post({ json: input }))) as Booking;
}

export async function createResource(input: ResourceInput): Promise<Resource> {
  return (await unwrap(api.api.resources.$post({ json: input }))) as Resource;
}

export async function sendBookingEvent(id: string, event: BookingEvent): Promise<Booking> {
  return (await unwrap(
    api.api.bookings[':id'].events.$post({ param: { id }, json: event }),
  )) as Booking;
}

/**
 * Moves or resizes a booking. Plain `fetch`: the route is newer than the typed client the hub
 * was built against, and its answers are the same problem documents as the others.
 */
export async function moveBooking(
  id: string,
  change: { start: string; end: string } | { custom: Record<string, unknown> },
): Promise<Booking> {
  const response = await fetch(`/api/bookings/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(change),
  });
  if (!response.ok) {
    let problem: Problem = {
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
    };
    try {
      const body = (await response.json()) as Problem;
      if (typeof body?.title === 'string') problem = body;
    } catch {
      // Not JSON: the status is what matters.
    }
    throw new ApiError(problem);
  }
  return (await response.json()) as Booking;
}

/** Changes a booking's custom values (only the keys sent; null erases an optional one). */
export function updateBookingCustom(id: string, custom: Record<string, unknown>) {
  return moveBooking(id, { custom });
}

/** The bookings a 409 names, when the API sent them. */
export function conflictsOf(error: unknown): Booking[] {
  if (!(error instanceof ApiError) || error.status !== 409) return [];
  const conflicts = (error.problem as Problem & { conflicts?: unknown }).conflicts;
  return Array.isArray(conflicts) ? (conflicts as Booking[]) : [];
}

/** One occurrence of a series as the API judged it. */
export interface SeriesOccurrence {
  /** Local date in the centre's zone (what `skip` lists). */
  date: string;
  start: string;
  end: string;
  verdict: OccurrenceVerdict;
  /** Why it cannot take place (hours, closure, capacity…), in French. */
  problems: string[];
  conflicts: Booking[];
}

export interface SeriesReport {
  occurrences: SeriesOccurrence[];
  counts: Record<OccurrenceVerdict, number>;
}

/** Expands a series and judges each occurrence; books nothing. */
export async function previewSeries(input: SeriesCreateInput): Promise<SeriesReport> {
  return (await unwrap(api.api.series.preview.$post({ json: input }))) as SeriesReport;
}

/**
 * Books every free occurrence of a series. A 409 (a slot taken since the preview) carries the
 * fresh report: `seriesReportOf` reads it.
 */
export async function createSeries(
  input: SeriesCreateInput,
): Promise<{ bookings: Booking[]; report: SeriesReport }> {
  const made = await unwrap(api.api.series.$post({ json: input }));
  return { bookings: made.bookings as Booking[], report: made.report as SeriesReport };
}

/** The report a refused series creation (409) sends back, if any. */
export function seriesReportOf(error: unknown): SeriesReport | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const body = error.problem as Problem & Partial<SeriesReport>;
  return Array.isArray(body.occurrences) && body.counts
    ? { occurrences: body.occurrences, counts: body.counts }
    : undefined;
}

/** Cancels one occurrence, it and the following ones, or all live occurrences of a series. */
export async function cancelSeries(seriesId: string, body: SeriesCancel): Promise<Booking[]> {
  const result = await unwrap(
    api.api.series[':id'].cancel.$post({ param: { id: seriesId }, json: body }),
  );
  return result.cancelled as Booking[];
}

export const APPROVALS_PAGE_SIZE = 20;

/** A page of the centre's bookings waiting for a manager's approval, soonest first. */
export const requestedBookingsQuery = (centreId: string, page: number) =>
  queryOptions({
    queryKey: [...bookingKeys.bookings(centreId), 'requested', page] as const,
    queryFn: async (): Promise<Page<Booking>> => {
      const result = await unwrap(
        api.api.bookings.$get({
          query: {
            centreId,
            status: 'requested',
            page: String(page),
            pageSize: String(APPROVALS_PAGE_SIZE),
          },
        }),
      );
      return { ...result, items: result.items as Booking[] };
    },
    placeholderData: keepPreviousData,
  });
