import { Temporal } from 'temporal-polyfill';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, json, type seededApp, signIn } from '../harness.ts';

export type Ctx = Awaited<ReturnType<typeof seededApp>>;

/** Today in Guyane, as the gardens' routes count it. */
export const today = () => Temporal.Now.plainDateISO('America/Cayenne');
export const daysFromToday = (days: number) => today().add({ days }).toString();

export interface Problem {
  code?: string;
  detail: string;
  errors?: { field: string; message: string }[];
  [member: string]: unknown;
}

export interface GardenView {
  id: string;
  centreId: string;
  name: string;
  resourceId: string | null;
  description: string | null;
  gridColumns: number;
  gridRows: number;
  plotCount: number;
  freePlotCount: number;
  waitingCount: number;
  harvestGramsThisYear: number;
}
export interface PlotView {
  id: string;
  label: string;
  kind: string;
  row: number;
  column: number;
  currentGardeners: { assignmentId: string; gardenerId: string; name: string }[];
}
export interface AssignmentView {
  id: string;
  plotId: string;
  gardenerId: string;
  gardenerName: string;
  startsOn: string;
  endsOn: string | null;
}
export interface WaitingView {
  id: string;
  gardenerId: string;
  gardenerName: string;
  requestedOn: string;
  position: number;
}

/**
 * The demo people signed in, the centres by slug, and calls as each of them. The gardens tests
 * open their own gardens in Mont-Lucas (the demo manager's centre, with no demo garden), so the
 * demo gardens never get in their way.
 */
export async function gardensWorld(ctx: Ctx) {
  const cookies = {
    admin: await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD),
    manager: await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD),
    staff: await signIn(ctx.app, 'accueil.kourou@lakou.test', DEMO_PASSWORD),
    board: await signIn(ctx.app, 'ca@lakou.test', DEMO_PASSWORD),
    facilitator: await signIn(ctx.app, 'facilitation@lakou.test', DEMO_PASSWORD),
  };
  type Who = keyof typeof cookies;
  const list = await json<{ items: { id: string; slug: string }[] }>(
    await call(ctx.app, 'GET', '/api/centres?pageSize=100'),
  );
  const centre = (slug: string) => list.items.find((c) => c.slug === slug)?.id ?? '';
  const as =
    (who: Who) =>
    (method: string, path: string, body?: unknown): Promise<Response> =>
      call(ctx.app, method, path, { cookie: cookies[who], body });
  const world = {
    cookies,
    admin: as('admin'),
    manager: as('manager'),
    staff: as('staff'),
    board: as('board'),
    facilitator: as('facilitator'),
    villageChinois: centre('cayenne-village-chinois'),
    montLucas: centre('cayenne-mont-lucas'),
    kourou: centre('kourou'),
  };
  let n = 0;
  /** A new garden of Mont-Lucas (6 × 4), opened by its manager. */
  const openGarden = async (extra: Record<string, unknown> = {}) => {
    n += 1;
    const res = await world.manager('POST', '/api/gardens', {
      centreId: world.montLucas,
      name: `Jardin d’essai ${n} ${Math.random().toString(36).slice(2, 7)}`,
      areaM2: 200,
      gridColumns: 6,
      gridRows: 4,
      ...extra,
    });
    if (res.status !== 201) throw new Error(`garden not opened: ${res.status} ${await res.text()}`);
    return json<GardenView>(res);
  };
  const addPlot = async (
    gardenId: string,
    label: string,
    row: number,
    column: number,
    kind = 'individual',
  ) => {
    const res = await world.manager('POST', '/api/plots', {
      gardenId,
      label,
      kind,
      areaM2: 15,
      exposure: 'sun',
      row,
      column,
    });
    if (res.status !== 201) throw new Error(`plot not added: ${res.status} ${await res.text()}`);
    return json<PlotView>(res);
  };
  const addGardener = async (name: string, centreId = world.montLucas) => {
    // The manager records Mont-Lucas's gardeners; the admin those of other centres.
    const by = centreId === world.montLucas ? world.manager : world.admin;
    const res = await by('POST', '/api/gardeners', { centreId, name });
    if (res.status !== 201)
      throw new Error(`gardener not added: ${res.status} ${await res.text()}`);
    return json<{ id: string; name: string }>(res);
  };
  return { ...world, openGarden, addPlot, addGardener };
}
