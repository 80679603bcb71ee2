import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compostBatches, inflows, outflows, reuses } from '../../src/db/schema/index.ts';
import { call, engines, json, seededApp } from '../harness.ts';
import { type Ctx, reportWorld } from './reports-setup.ts';

interface Values {
  collectedGrams: number;
  weighedGrams: number;
  estimatedGrams: number;
  reusedGrams: number;
  recycledGrams: number;
  energyRecoveredGrams: number;
  disposedGrams: number;
  pendingGrams: number;
  treatedGrams: number;
  reuseRate: number | null;
  recyclingRate: number | null;
  valorisationRate: number | null;
  disposalRate: number | null;
  weighedShare: number | null;
}
interface Report {
  from: string | null;
  to: string | null;
  by: string;
  total: Values;
  groups: { key: string; label: string; indicators: Values }[];
}

/**
 * Hand-computed fixtures, in 2011 (years before the demo seed's data), in grams:
 *
 * Village Chinois, March: textiles in 100 000 weighed; plastic in 50 000 estimated; textiles
 * handed out 20 000; textiles shipped for re-use 30 000; plastic shipped R3 40 000.
 * Village Chinois, April: bio-waste in 10 000 weighed, 8 000 put in the garden's compost;
 * plastic shipped R13 5 000 (pending).
 * Kourou, April: residual in 60 000 weighed, shipped D5 45 000; solid recovered fuel in 20 000
 * estimated, shipped R1 15 000.
 *
 * Over the year: collected 240 000 (weighed 170 000); reused 50 000; recycled 48 000; energy
 * 15 000; disposed 45 000; pending 5 000; treated 158 000.
 */
describe.each(engines)('GET /api/circular/indicators (%s)', (kind) => {
  let ctx: Ctx;
  let w: Awaited<ReturnType<typeof reportWorld>>;
  const YEAR = 'from=2011-01-01&to=2011-12-31';
  const get = async (query: string, cookie = w.admin) =>
    call(ctx.app, 'GET', `/api/circular/indicators?${query}`, { cookie });
  const report = async (query: string, cookie = w.admin) => {
    const res = await get(query, cookie);
    expect(res.status).toBe(200);
    return json<Report>(res);
  };

  beforeAll(async () => {
    ctx = await seededApp(kind);
    w = await reportWorld(ctx);
    const db = ctx.database.db;
    const vc = w.villageChinois;
    const ko = w.kourou;
    const textiles = w.stream('textiles').id;
    const plastic = w.stream('packaging_plastic').id;
    const bio = w.stream('biowaste').id;
    const residual = w.stream('residual').id;
    const srf = w.stream('srf').id;
    const inflow = (
      occurredOn: string,
      centreId: string,
      streamId: string,
      massGrams: number,
      measurement: 'weighed' | 'estimated',
    ) => ({ occurredOn, centreId, streamId, massGrams, measurement, origin: 'collection' });
    await db
      .insert(inflows)
      .values([
        inflow('2011-03-02', vc, textiles, 100_000, 'weighed'),
        inflow('2011-03-10', vc, plastic, 50_000, 'estimated'),
        inflow('2011-04-01', vc, bio, 10_000, 'weighed'),
        inflow('2011-04-03', ko, residual, 60_000, 'weighed'),
        inflow('2011-04-04', ko, srf, 20_000, 'estimated'),
      ]);
    await db.insert(reuses).values({
      occurredOn: '2011-03-15',
      centreId: vc,
      streamId: textiles,
      massGrams: 20_000,
      measurement: 'estimated',
      kind: 'sorted',
      itemCount: 40,
    });
    const shipment = (
      occurredOn: string,
      centreId: string,
      streamId: string,
      massGrams: number,
      treatment: string,
      operationCode: string | null,
    ) => ({
      occurredOn,
      centreId,
      streamId,
      massGrams,
      measurement: 'weighed',
      facilityId: w.facility.id,
      treatment,
      operationCode,
    });
    await db
      .insert(outflows)
      .values([
        shipment('2011-03-20', vc, textiles, 30_000, 'reuse', null),
        shipment('2011-03-25', vc, plastic, 40_000, 'recycling', 'R3'),
        shipment('2011-04-05', vc, plastic, 5_000, 'recycling', 'R13'),
        shipment('2011-04-20', ko, residual, 45_000, 'disposal', 'D5'),
        shipment('2011-04-21', ko, srf, 15_000, 'energy_recovery', 'R1'),
      ]);
    await db.insert(compostBatches).values({
      gardenId: w.garden.id,
      centreId: vc,
      streamId: bio,
      startedOn: '2011-04-02',
      inputGrams: 8_000,
      measurement: 'weighed',
    });
  }, 180_000);
  afterAll(() => ctx.database.dispose());

  it('sums the year and gives the rates of the domain’s definitions', async () => {
    const r = await report(`${YEAR}&by=year`);
    expect(r).toMatchObject({ from: '2011-01-01', to: '2011-12-31', by: 'year' });
    expect(r.total).toMatchObject({
      collectedGrams: 240_000,
      weighedGrams: 170_000,
      estimatedGrams: 70_000,
      reusedGrams: 50_000,
      recycledGrams: 48_000,
      energyRecoveredGrams: 15_000,
      disposedGrams: 45_000,
      pendingGrams: 5_000,
      treatedGrams: 158_000,
    });
    expect(r.total.reuseRate).toBeCloseTo(50 / 158, 10);
    expect(r.total.recyclingRate).toBeCloseTo(98 / 158, 10);
    expect(r.total.valorisationRate).toBeCloseTo(113 / 158, 10);
    expect(r.total.disposalRate).toBeCloseTo(45 / 158, 10);
    expect(r.total.weighedShare).toBeCloseTo(170 / 240, 10);
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toMatchObject({ key: '2011', label: '2011' });
    expect(r.groups[0]?.indicators).toEqual(r.total);
  });

  it('groups by month, labelled in French, in order', async () => {
    const r = await report(`${YEAR}&by=month`);
    expect(r.groups.map((g) => [g.key, g.label])).toEqual([
      ['2011-03', 'mars 2011'],
      ['2011-04', 'avril 2011'],
    ]);
    const [march, april] = r.groups.map((g) => g.indicators);
    expect(march).toMatchObject({
      collectedGrams: 150_000,
      weighedGrams: 100_000,
      reusedGrams: 50_000,
      recycledGrams: 40_000,
      treatedGrams: 90_000,
      recyclingRate: 1,
      valorisationRate: 1,
      disposalRate: 0,
    });
    expect(march?.reuseRate).toBeCloseTo(50 / 90, 10);
    expect(april).toMatchObject({
      collectedGrams: 90_000,
      weighedGrams: 70_000,
      recycledGrams: 8_000,
      energyRecoveredGrams: 15_000,
      disposedGrams: 45_000,
      pendingGrams: 5_000,
      treatedGrams: 68_000,
      reuseRate: 0,
    });
    expect(april?.recyclingRate).toBeCloseTo(8 / 68, 10);
    expect(april?.valorisationRate).toBeCloseTo(23 / 68, 10);
    // Month is the default grouping.
    expect((await report(YEAR)).groups.map((g) => g.key)).toEqual(['2011-03', '2011-04']);
  });

  it('groups by centre and by stream, labelled with their names', async () => {
    const byCentre = await report(`${YEAR}&by=centre`);
    const centre = (id: string) => byCentre.groups.find((g) => g.key === id);
    expect(centre(w.villageChinois)?.label).toBe('Centre SECCOIA du Village Chinois');
    expect(centre(w.villageChinois)?.indicators).toMatchObject({
      collectedGrams: 160_000,
      weighedGrams: 110_000,
      reusedGrams: 50_000,
      recycledGrams: 48_000,
      pendingGrams: 5_000,
      treatedGrams: 98_000,
      recyclingRate: 1,
    });
    expect(centre(w.kourou)?.label).toBe('Centre SECCOIA de Kourou');
    expect(centre(w.kourou)?.indicators).toMatchObject({
      collectedGrams: 80_000,
      weighedGrams: 60_000,
      energyRecoveredGrams: 15_000,
      disposedGrams: 45_000,
      treatedGrams: 60_000,
      recyclingRate: 0,
      valorisationRate: 0.25,
      disposalRate: 0.75,
    });
    expect(byCentre.groups).toHaveLength(2);

    const byStream = await report(`${YEAR}&by=stream`);
    const stream = (code: string) => byStream.groups.find((g) => g.key === w.stream(code).id);
    expect(byStream.groups).toHaveLength(5);
    expect(stream('textiles')?.label).toBe('Textiles et chaussures');
    expect(stream('textiles')?.indicators).toMatchObject({
      collectedGrams: 100_000,
      reusedGrams: 50_000,
      reuseRate: 1,
    });
    expect(stream('packaging_plastic')?.indicators).toMatchObject({
      collectedGrams: 50_000,
      weighedGrams: 0,
      weighedShare: 0,
      recycledGrams: 40_000,
      pendingGrams: 5_000,
      recyclingRate: 1,
    });
    expect(stream('biowaste')?.indicators).toMatchObject({ recycledGrams: 8_000, weighedShare: 1 });
    expect(stream('srf')?.indicators).toMatchObject({ energyRecoveredGrams: 15_000 });
  });

  it('filters by period, centre and stream', async () => {
    const march = await report('from=2011-03-01&to=2011-03-31&by=year');
    expect(march.total.collectedGrams).toBe(150_000);
    const kourou = await report(`${YEAR}&centreId=${w.kourou}`);
    expect(kourou.total.collectedGrams).toBe(80_000);
    const textiles = await report(`${YEAR}&streamId=${w.stream('textiles').id}`);
    expect(textiles.total).toMatchObject({ collectedGrams: 100_000, reusedGrams: 50_000 });
    const empty = await report('from=2010-01-01&to=2010-12-31');
    expect(empty.groups).toEqual([]);
    expect(empty.total).toMatchObject({ collectedGrams: 0, reuseRate: null, weighedShare: null });
  });

  it('shows a staff member their own centre only, and refuses another centre', async () => {
    const mine = await report(`${YEAR}&by=centre`, w.staff);
    expect(mine.groups.map((g) => g.key)).toEqual([w.kourou]);
    expect(mine.total.collectedGrams).toBe(80_000);
    expect((await get(`${YEAR}&centreId=${w.villageChinois}`, w.staff)).status).toBe(403);
    // The manager runs Village Chinois and Mont-Lucas: Kourou is not theirs.
    const managed = await report(`${YEAR}&by=centre`, w.manager);
    expect(managed.groups.map((g) => g.key)).toEqual([w.villageChinois]);
    expect((await get(`${YEAR}&centreId=${w.kourou}`, w.manager)).status).toBe(403);
    // The board reads the whole network; a facilitator has no circular right.
    expect((await report(`${YEAR}&by=year`, w.board)).total.collectedGrams).toBe(240_000);
    expect((await get(YEAR, w.facilitator)).status).toBe(403);
    expect((await call(ctx.app, 'GET', `/api/circular/indicators?${YEAR}`)).status).toBe(401);
  });

  it('refuses a bad date or grouping with field errors', async () => {
    const bad = await get('from=2011-13-01');
    expect(bad.status).toBe(400);
    const body = await json<{ errors: { field: string }[] }>(bad);
    expect(body.errors.map((e) => e.field)).toContain('from');
    expect((await get('by=week')).status).toBe(400);
    expect((await get('centreId=pas-un-id')).status).toBe(400);
  });
});
