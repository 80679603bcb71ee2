import type {
  Assignment,
  compostBatch,
  Garden,
  gardener,
  gardenerInput,
  gardenInput,
  gardenPatch,
  Harvest,
  HarvestDestination,
  Plot,
  plotInput,
  plotPatch,
  waitingRequest,
} from '@lakou/domain/gardens';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, unwrap } from './client.ts';

/*
 * The shared gardens: gardens and their plots, gardeners, who holds which plot over time, the
 * waiting list, harvests and compost. The pages invalidate `gardenKeys.all` after each write: an
 * assignment changes the map, the free plots and the waiting list at once. Through the typed
 * client: a non-2xx answer throws `ApiError` with its problem document.
 */

export type WaitingRequest = z.infer<typeof waitingRequest>;
export type Gardener = z.infer<typeof gardener>;
export type CompostBatch = z.infer<typeof compostBatch>;

export interface WorkSession {
  eventId: string;
  title: string;
  startsAt: string;
  endsAt: string;
}

export interface GardenDetail {
  garden: Garden;
  plots: Plot[];
  workSessions: WorkSession[];
}

export type HarvestTotals = Partial<Record<HarvestDestination | 'total', number>>;

export interface HarvestPage {
  items: Harvest[];
  page: number;
  pageSize: number;
  total: number;
  totals: HarvestTotals;
}

/** Query-string values are strings; unset filters are left out of the URL entirely. */
function queryString(params: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') out[key] = String(value);
  }
  return out;
}

/** A DELETE answered 204 (no body); a refusal throws its problem document. */
async function noContent(request: Promise<{ ok: boolean }>): Promise<void> {
  const response = await request;
  if (!response.ok) await unwrap(Promise.resolve(response as never));
}

export const gardenKeys = {
  all: ['gardens'] as const,
  list: (centreId: string | undefined) => ['gardens', 'list', centreId ?? 'all'] as const,
  detail: (id: string) => ['gardens', 'detail', id] as const,
  assignments: (filters: AssignmentFilters) => ['gardens', 'assignments', filters] as const,
  gardeners: (centreId: string, q: string) => ['gardens', 'gardeners', centreId, q] as const,
  waiting: (gardenId: string) => ['gardens', 'waiting', gardenId] as const,
  harvests: (filters: HarvestFilters) => ['gardens', 'harvests', filters] as const,
  compost: (gardenId: string) => ['gardens', 'compost', gardenId] as const,
};

/** The gardens in the actor's scope (a centre's only when `centreId` is given). */
export const gardensQuery = (centreId?: string) =>
  queryOptions({
    queryKey: gardenKeys.list(centreId),
    queryFn: async (): Promise<Garden[]> =>
      (await unwrap(api.api.gardens.$get({ query: queryString({ centreId }) }))).items,
  });

/** A garden, its plots (with today's gardeners) and its work sessions of the next 60 days. */
export const gardenQuery = (id: string) =>
  queryOptions({
    queryKey: gardenKeys.detail(id),
    queryFn: async (): Promise<GardenDetail> =>
      unwrap(api.api.gardens[':id'].$get({ param: { id } })),
  });

export type NewGarden = z.input<typeof gardenInput>;
export type GardenChanges = z.input<typeof gardenPatch>;

export function createGarden(input: NewGarden): Promise<Garden> {
  return unwrap(api.api.gardens.$post({ json: input }));
}

export function updateGarden(id: string, patch: GardenChanges): Promise<Garden> {
  return unwrap(api.api.gardens[':id'].$patch({ param: { id }, json: patch }));
}

export type NewPlot = z.input<typeof plotInput>;
export type PlotChanges = z.input<typeof plotPatch>;

/** 409 when the label or the cell is taken, 422 for a cell outside the garden's grid. */
export function createPlot(input: NewPlot): Promise<Plot> {
  return unwrap(api.api.plots.$post({ json: input }));
}

export function updatePlot(id: string, patch: PlotChanges): Promise<Plot> {
  return unwrap(api.api.plots[':id'].$patch({ param: { id }, json: patch }));
}

/** 409 when the plot has assignments or harvests (its history is kept). */
export function deletePlot(id: string): Promise<void> {
  return noContent(api.api.plots[':id'].$delete({ param: { id } }));
}

export const gardenersQuery = (centreId: string, q: string) =>
  queryOptions({
    queryKey: gardenKeys.gardeners(centreId, q),
    queryFn: async (): Promise<Gardener[]> =>
      (await unwrap(api.api.gardeners.$get({ query: queryString({ centreId, q }) }))).items,
    placeholderData: keepPreviousData,
  });

export type NewGardener = z.input<typeof gardenerInput>;

export function createGardener(input: NewGardener): Promise<Gardener> {
  return unwrap(api.api.gardeners.$post({ json: input }));
}

export interface AssignmentFilters {
  gardenId?: string | undefined;
  plotId?: string | undefined;
  gardenerId?: string | undefined;
  current?: boolean | undefined;
}

export const assignmentsQuery = (filters: AssignmentFilters) =>
  queryOptions({
    queryKey: gardenKeys.assignments(filters),
    queryFn: async (): Promise<Assignment[]> =>
      (await unwrap(api.api['plot-assignments'].$get({ query: queryString(filters) }))).items,
  });

export interface NewAssignment {
  plotId: string;
  gardenerId: string;
  startsOn: string;
  endsOn?: string | null;
  /** The first request of the waiting list this assignment answers (it leaves the list). */
  waitingRequestId?: string | null;
}

/** 409 on an individual plot already held then; 422 QUEUE_FIRST when someone waits first. */
export function createAssignment(input: NewAssignment): Promise<Assignment> {
  return unwrap(api.api['plot-assignments'].$post({ json: input }));
}

export function endAssignment(id: string, endsOn: string): Promise<Assignment> {
  return unwrap(api.api['plot-assignments'][':id'].end.$post({ param: { id }, json: { endsOn } }));
}

/** The garden's waiting list, in its order (positions 1 … n). */
export const waitingListQuery = (gardenId: string) =>
  queryOptions({
    queryKey: gardenKeys.waiting(gardenId),
    queryFn: async (): Promise<WaitingRequest[]> =>
      (await unwrap(api.api['garden-waiting-list'].$get({ query: { gardenId } }))).items.sort(
        (a, b) => a.position - b.position,
      ),
  });

export interface NewWaitingRequest {
  gardenId: string;
  gardenerId: string;
  requestedOn: string;
  note: string | null;
}

/** 422 PLOTS_AVAILABLE while an individual plot is free; 409 when already waiting. */
export function addToWaitingList(input: NewWaitingRequest): Promise<WaitingRequest> {
  return unwrap(api.api['garden-waiting-list'].$post({ json: input }));
}

export function withdrawFromWaitingList(id: string): Promise<void> {
  return noContent(api.api['garden-waiting-list'][':id'].$delete({ param: { id } }));
}

export interface HarvestFilters {
  gardenId: string;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** A page of harvests, newest first, with the totals per destination of the whole filter. */
export const harvestsQuery = (filters: HarvestFilters) =>
  queryOptions({
    queryKey: gardenKeys.harvests(filters),
    queryFn: async (): Promise<HarvestPage> =>
      unwrap(api.api.harvests.$get({ query: queryString(filters) })),
    placeholderData: keepPreviousData,
  });

export interface NewHarvest {
  harvestedOn: string;
  gardenId: string;
  plotId: string | null;
  gardenerId: string | null;
  crop: string;
  grams: number | null;
  count: number | null;
  countUnit: Harvest['countUnit'];
  destination: HarvestDestination;
  note: string | null;
}

export function createHarvest(input: NewHarvest): Promise<Harvest> {
  return unwrap(api.api.harvests.$post({ json: input }));
}

export function deleteHarvest(id: string): Promise<void> {
  return noContent(api.api.harvests[':id'].$delete({ param: { id } }));
}

export const compostQuery = (gardenId: string) =>
  queryOptions({
    queryKey: gardenKeys.compost(gardenId),
    queryFn: async (): Promise<CompostBatch[]> =>
      (await unwrap(api.api['compost-batches'].$get({ query: queryString({ gardenId }) }))).items,
  });

export interface NewCompostBatch {
  gardenId: string;
  startedOn: string;
  inputGrams: number;
  measurement: 'weighed' | 'estimated';
}

/** Takes the bio-waste from the centre's stock: 422 INSUFFICIENT_STOCK when there is not enough. */
export function startCompost(input: NewCompostBatch): Promise<CompostBatch> {
  return unwrap(api.api['compost-batches'].$post({ json: input }));
}

export function markCompostReady(
  id: string,
  ready: { readyOn: string; compostGrams: number },
): Promise<CompostBatch> {
  return unwrap(api.api['compost-batches'][':id'].$patch({ param: { id }, json: ready }));
}

/** Puts the bio-waste back in the centre's stock. */
export function deleteCompost(id: string): Promise<void> {
  return noContent(api.api['compost-batches'][':id'].$delete({ param: { id } }));
}
