import type {
  Facility,
  FacilityInput,
  IndicatorGrouping,
  IndicatorsReport,
  Inflow,
  InflowOrigin,
  Measurement,
  Outflow,
  Reuse,
  ReuseKind,
  Stream,
  StreamInput,
  StreamStock,
  Treatment,
} from '@lakou/domain/circular';
import type { Page, Problem } from '@lakou/domain/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { TreatmentOperationView } from '../lib/circular.ts';
import { ApiError } from './api-error.ts';

/*
 * The circular economy (issue 7): material streams, facilities, inflows, re-use and shipments,
 * the stock per centre and stream, the indicators. The pages invalidate `circularKeys.all`
 * after each write: a movement changes the stock, the lists and the rates. The register
 * downloads are plain links (lib/circular `registerUrl`).
 *
 * Plain `fetch` against the routes of the contract, typed with the domain's schemas; a non-2xx
 * answer throws `ApiError` with its problem document, as the typed client's `unwrap` does.
 */

/** Query-string values are strings; unset filters are left out of the URL entirely. */
function queryString(params: object): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') out.set(key, String(value));
  }
  const text = out.toString();
  return text ? `?${text}` : '';
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : {
            accept: 'application/json',
            'content-type': 'application/json',
          },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
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
      // Not JSON (a proxy's error page): the status is what the screens need.
    }
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A list answered bare or as `{ items }`. */
function itemsOf<T>(body: T[] | { items: T[] }): T[] {
  return Array.isArray(body) ? body : body.items;
}

export type MovementKind = 'inflows' | 'reuse' | 'outflows';

export interface MovementFilters {
  centreId?: string | undefined;
  streamId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface IndicatorFilters {
  from?: string | undefined;
  to?: string | undefined;
  centreId?: string | undefined;
  streamId?: string | undefined;
  by: IndicatorGrouping;
}

export const circularKeys = {
  all: ['circular'] as const,
  streams: ['circular', 'streams'] as const,
  operations: ['circular', 'treatment-operations'] as const,
  wasteCodes: (q: string) => ['circular', 'waste-codes', q] as const,
  facilities: (q: string) => ['circular', 'facilities', q] as const,
  stock: (centreId: string | undefined) => ['circular', 'stock', centreId ?? 'all'] as const,
  movements: (kind: MovementKind, filters: MovementFilters) => ['circular', kind, filters] as const,
  indicators: (filters: IndicatorFilters) => ['circular', 'indicators', filters] as const,
};

// --- Reference lists ------------------------------------------------------------------------

/** Every stream of the organisation, in its order (active or not). */
export const streamsQuery = () =>
  queryOptions({
    queryKey: circularKeys.streams,
    queryFn: async (): Promise<Stream[]> =>
      itemsOf(await request<Stream[] | { items: Stream[] }>('GET', '/streams')),
    staleTime: 60_000,
  });

/** R1–R13 and D1–D15 with the treatments each belongs to. */
export const treatmentOperationsQuery = () =>
  queryOptions({
    queryKey: circularKeys.operations,
    queryFn: async (): Promise<TreatmentOperationView[]> =>
      itemsOf(
        await request<TreatmentOperationView[] | { items: TreatmentOperationView[] }>(
          'GET',
          '/treatment-operations',
        ),
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });

export interface WasteCodeHit {
  code: string;
  hazardous: boolean;
  description: string;
  chapterTitle: string;
  subChapterTitle: string;
}

/** The European List of Waste searched by code prefix or words (first page of 20). */
export const wasteCodesQuery = (q: string) =>
  queryOptions({
    queryKey: circularKeys.wasteCodes(q),
    queryFn: async (): Promise<Page<WasteCodeHit>> =>
      request('GET', `/waste-codes${queryString({ q, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const facilitiesQuery = (q = '') =>
  queryOptions({
    queryKey: circularKeys.facilities(q),
    queryFn: async (): Promise<Facility[]> =>
      itemsOf(
        await request<Facility[] | { items: Facility[] }>(
          'GET',
          `/facilities${queryString({ q })}`,
        ),
      ),
    placeholderData: keepPreviousData,
  });

export type NewStream = Omit<StreamInput, 'code'> & { code: string };
export type StreamChanges = Partial<Omit<StreamInput, 'code'>>;

export function createStream(input: NewStream): Promise<Stream> {
  return request('POST', '/streams', input);
}

export function updateStream(id: string, patch: StreamChanges): Promise<Stream> {
  return request('PATCH', `/streams/${encodeURIComponent(id)}`, patch);
}

export function createFacility(input: FacilityInput): Promise<Facility> {
  return request('POST', '/facilities', input);
}

export function updateFacility(id: string, patch: Partial<FacilityInput>): Promise<Facility> {
  return request('PATCH', `/facilities/${encodeURIComponent(id)}`, patch);
}

// --- Stock and indicators -------------------------------------------------------------------

/** Every active stream × centre in the user's scope, zeros included. */
export const stockQuery = (centreId?: string) =>
  queryOptions({
    queryKey: circularKeys.stock(centreId),
    queryFn: async (): Promise<StreamStock[]> =>
      itemsOf(
        await request<{ items: StreamStock[] }>(
          'GET',
          `/circular/stock${queryString({ centreId })}`,
        ),
      ),
    placeholderData: keepPreviousData,
  });

export const indicatorsQuery = (filters: IndicatorFilters) =>
  queryOptions({
    queryKey: circularKeys.indicators(filters),
    queryFn: async (): Promise<IndicatorsReport> =>
      request('GET', `/circular/indicators${queryString(filters)}`),
    placeholderData: keepPreviousData,
  });

// --- Movements --------------------------------------------------------------------------------

export interface MovementOf {
  inflows: Inflow;
  reuse: Reuse;
  outflows: Outflow;
}

export const movementsQuery = <K extends MovementKind>(kind: K, filters: MovementFilters) =>
  queryOptions({
    queryKey: circularKeys.movements(kind, filters),
    queryFn: async (): Promise<Page<MovementOf[K]>> =>
      request('GET', `/${kind}${queryString(filters)}`),
    placeholderData: keepPreviousData,
  });

interface MovementCommon {
  occurredOn: string;
  centreId: string;
  streamId: string;
  massGrams: number;
  measurement: Measurement;
  note: string | null;
}

export interface NewInflow extends MovementCommon {
  origin: InflowOrigin;
  donationId: string | null;
  /** Values of the centre's inflow fields, checked by the form. */
  custom?: Record<string, unknown>;
}

export interface NewReuse extends MovementCommon {
  kind: ReuseKind;
  itemCount: number;
}

export interface NewOutflow extends MovementCommon {
  facilityId: string;
  treatment: Treatment;
  operationCode: string | null;
  transporter: string | null;
  trackingRef: string | null;
}

export function createInflow(input: NewInflow): Promise<Inflow> {
  return request('POST', '/inflows', input);
}

export function createReuse(input: NewReuse): Promise<Reuse> {
  return request('POST', '/reuse', input);
}

export function createOutflow(input: NewOutflow): Promise<Outflow> {
  return request('POST', '/outflows', input);
}

/** Removes a recorded movement (a correction); the API refuses what would overdraw the stock. */
/** Changes an inflow's custom values (only the keys sent; null erases an optional one). */
export function updateInflowCustom(id: string, custom: Record<string, unknown>): Promise<Inflow> {
  return request('PATCH', `/inflows/${encodeURIComponent(id)}`, { custom });
}

export function deleteMovement(kind: MovementKind, id: string): Promise<void> {
  return request('DELETE', `/${kind}/${encodeURIComponent(id)}`);
}
