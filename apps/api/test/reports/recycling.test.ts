import type { ReportModel } from '@lakou/reports/model';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compostBatches,
  gardens,
  inflows,
  materialStreams,
  outflows,
  reuses,
  wasteFacilities,
} from '../../src/db/schema/index.ts';
import type { ReportCentre } from '../../src/reports/report.source.ts';
import { call, engines, freshDatabase, json, seededApp, type TestDatabase } from '../harness.ts';
import {
  type App,
  appWithDemoUsers,
  getReport,
  kpi,
  signInAs,
  table,
  twoCentres,
} from './report-test-setup.ts';

const report = (app: App, query: Record<string, string>, cookie: string) =>
  getReport(app, 'recycling', query, cookie);

/**
 * A hand-made network on an empty database, in grams (2026):
 *
 * Centre A, March: textiles in 100 000 weighed; plastics in 50 000 estimated; textiles handed
 * out 20 000 (estimated); textiles shipped for re-use 30 000; plastics shipped R3 40 000.
 * Centre A, April: bio-waste in 10 000 weighed, 8 000 of it composted in A's garden.
 * Centre B, April: plastics in 60 000 weighed, shipped D5 45 000, R1 10 000, R13 5 000
 * (pending); textiles in 8 000 estimated.
 * Outside March–April: February, A textiles in 20 000 weighed, shipped D1 20 000; May, B
 * plastics in 99 000 weighed.
 *
 * March–April: collected 100 + 50 + 10 + 60 + 8 = 228 000 (weighed 100 + 10 + 60 = 170 000);
 * reused 20 + 30 = 50 000; recycled 40 + 8 (compost) = 48 000; energy 10 000; disposed
 * 45 000; pending 5 000; treated 50 + 48 + 10 + 45 = 153 000.
 *
 * The demo accounts are added: centre A has the slug of the demo manager's centre (Village
 * Chinois), B the Kourou staff member's.
 */
describe.each(engines)('recycling report on a hand-made fixture (%s)', (kind) => {
  let database: TestDatabase;
  let app: App;
  let admin: string;
  let A: ReportCentre;
  let B: ReportCentre;
  let textiles: string;
  let plastics: string;
  let biowaste: string;

  const load = (query: Record<string, string>, cookie = admin) =>
    report(app, { from: '2026-03-01', to: '2026-04-30', ...query }, cookie);
  const series = (m: ReportModel, chart: string, key: string) =>
    m.charts.find((c) => c.id === chart)?.series.find((s) => s.key === key);

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const db = database.db;
    const network = await twoCentres(db, {
      organisation: { slug: 'essai', name: 'Réseau d’essai' },
      names: ['Centre A', 'Centre B'],
      address: {
        commune: 'Cayenne',
        street: '1 rue de l’Essai',
        postalCode: '97300',
        city: 'Cayenne',
      },
    });
    A = network.a;
    B = network.b;
    const stream = (code: string, name: string, sortOrder: number) => ({
      organisationId: network.organisationId,
      code,
      name,
      family: 'essai',
      sortOrder,
    });
    const [t, p, bio] = await db
      .insert(materialStreams)
      .values([
        stream('textiles', 'Textiles', 1),
        stream('plastics', 'Plastiques', 2),
        stream('biowaste', 'Biodéchets', 3),
      ])
      .returning({ id: materialStreams.id });
    if (!t || !p || !bio) throw new Error('no streams');
    textiles = t.id;
    plastics = p.id;
    biowaste = bio.id;
    const [facility] = await db
      .insert(wasteFacilities)
      .values({
        organisationId: network.organisationId,
        name: 'Recycleur d’essai',
        siret: '73282932000074',
        addressLine: '1 rue de l’Essai',
        postcode: '97300',
        city: 'Cayenne',
      })
      .returning();
    const [garden] = await db
      .insert(gardens)
      .values({ centreId: A.id, name: 'Jardin A', areaM2: 100, gridColumns: 2, gridRows: 2 })
      .returning();
    if (!facility || !garden) throw new Error('no facility or garden');
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
        inflow('2026-03-02', A.id, textiles, 100_000, 'weighed'),
        inflow('2026-03-10', A.id, plastics, 50_000, 'estimated'),
        inflow('2026-04-01', A.id, biowaste, 10_000, 'weighed'),
        inflow('2026-04-03', B.id, plastics, 60_000, 'weighed'),
        inflow('2026-04-28', B.id, textiles, 8_000, 'estimated'),
        inflow('2026-02-15', A.id, textiles, 20_000, 'weighed'),
        inflow('2026-05-01', B.id, plastics, 99_000, 'weighed'),
      ]);
    await db.insert(reuses).values({
      occurredOn: '2026-03-15',
      centreId: A.id,
      streamId: textiles,
      massGrams: 20_000,
      measurement: 'estimated',
      kind: 'sorted',
      itemCount: 40,
    });
    const ship = (
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
      facilityId: facility.id,
      treatment,
      operationCode,
    });
    await db
      .insert(outflows)
      .values([
        ship('2026-03-20', A.id, textiles, 30_000, 'reuse', null),
        ship('2026-03-25', A.id, plastics, 40_000, 'recycling', 'R3'),
        ship('2026-04-20', B.id, plastics, 45_000, 'disposal', 'D5'),
        ship('2026-04-21', B.id, plastics, 10_000, 'energy_recovery', 'R1'),
        ship('2026-04-22', B.id, plastics, 5_000, 'recycling', 'R13'),
        ship('2026-02-20', A.id, textiles, 20_000, 'disposal', 'D1'),
      ]);
    await db.insert(compostBatches).values({
      gardenId: garden.id,
      centreId: A.id,
      streamId: biowaste,
      startedOn: '2026-04-02',
      inputGrams: 8_000,
      measurement: 'weighed',
    });
    app = await appWithDemoUsers(database);
    admin = await signInAs(app, 'admin');
  }, 180_000);
  afterAll(() => database.dispose());

  it('sums the period and gives the domain’s rates', async () => {
    const m = await load({});
    expect(m).toMatchObject({ report: 'recycling', granularity: 'month', comparison: null });
    expect(kpi(m, 'collectedGrams')?.value).toBe(228_000);
    expect(kpi(m, 'reusedGrams')?.value).toBe(50_000);
    expect(kpi(m, 'recycledGrams')?.value).toBe(48_000);
    expect(kpi(m, 'energyRecoveredGrams')?.value).toBe(10_000);
    expect(kpi(m, 'disposedGrams')?.value).toBe(45_000);
    // Rates over treated = 153 000: reuse 50/153, recycling (50 + 48)/153, valorisation
    // (50 + 48 + 10)/153; weighed share 170 000 / 228 000.
    expect(kpi(m, 'reuseRate')?.value).toBeCloseTo(50 / 153, 12);
    expect(kpi(m, 'recyclingRate')?.value).toBeCloseTo(98 / 153, 12);
    expect(kpi(m, 'valorisationRate')?.value).toBeCloseTo(108 / 153, 12);
    expect(kpi(m, 'weighedShare')?.value).toBeCloseTo(170 / 228, 12);
    expect(kpi(m, 'collectedGrams')).not.toHaveProperty('previous');
  });

  it('cuts the period into months', async () => {
    const m = await load({});
    const tonnage = m.charts.find((c) => c.id === 'tonnage');
    expect(tonnage?.buckets).toEqual(['2026-03', '2026-04']);
    // March: 100 + 50 = 150 000 in; April: 10 + 60 + 8 = 78 000.
    expect(series(m, 'tonnage', 'collectedGrams')?.values).toEqual([150_000, 78_000]);
    expect(series(m, 'tonnage', 'reusedGrams')?.values).toEqual([50_000, 0]);
    expect(series(m, 'tonnage', 'recycledGrams')?.values).toEqual([40_000, 8_000]);
    expect(series(m, 'tonnage', 'energyRecoveredGrams')?.values).toEqual([0, 10_000]);
    expect(series(m, 'tonnage', 'disposedGrams')?.values).toEqual([0, 45_000]);
    // March: treated 90 000, all kept in use; April: treated 8 + 10 + 45 = 63 000.
    const recycling = series(m, 'rates', 'recyclingRate')?.values ?? [];
    expect(recycling[0]).toBe(1);
    expect(recycling[1]).toBeCloseTo(8 / 63, 12);
    expect(series(m, 'rates', 'valorisationRate')?.values[1]).toBeCloseTo(18 / 63, 12);
    expect(series(m, 'rates', 'reuseRate')?.values[0]).toBeCloseTo(50 / 90, 12);
    expect(series(m, 'measurement', 'weighedGrams')?.values).toEqual([100_000, 70_000]);
    expect(series(m, 'measurement', 'estimatedGrams')?.values).toEqual([50_000, 8_000]);
    expect(series(m, 'collected-by-stream', textiles)?.values).toEqual([100_000, 8_000]);
    expect(series(m, 'collected-by-stream', plastics)?.values).toEqual([50_000, 60_000]);
    expect(series(m, 'collected-by-stream', biowaste)?.values).toEqual([0, 10_000]);
    expect(series(m, 'collected-by-centre', A.id)?.values).toEqual([150_000, 10_000]);
    expect(series(m, 'collected-by-centre', B.id)?.values).toEqual([0, 68_000]);
    // By quarter: March in T1, April in T2.
    const q = await load({ granularity: 'quarter' });
    expect(q.charts.find((c) => c.id === 'tonnage')?.buckets).toEqual(['2026-T1', '2026-T2']);
    expect(series(q, 'tonnage', 'collectedGrams')?.values).toEqual([150_000, 78_000]);
    // By ISO week: 2 March is in W10, 28 April in W18.
    const w = await load({ granularity: 'week' });
    const weeks = w.charts.find((c) => c.id === 'tonnage')?.buckets ?? [];
    const collected = series(w, 'tonnage', 'collectedGrams')?.values ?? [];
    expect(collected[weeks.indexOf('2026-W10')]).toBe(100_000);
    expect(collected[weeks.indexOf('2026-W18')]).toBe(8_000);
  });

  it('gives each centre and each stream its row, to drill into', async () => {
    const m = await load({});
    const byCentre = table(m, 'by-centre');
    expect(byCentre?.rows.map((r) => r.drill)).toEqual([{ centreId: A.id }, { centreId: B.id }]);
    // A: in 100 + 50 + 10 = 160 000 (weighed 110 000); reused 50 000; recycled 40 + 8 = 48 000;
    // treated 98 000.
    const a = byCentre?.rows[0]?.cells;
    expect(a).toMatchObject({
      centre: 'Centre A',
      collectedGrams: 160_000,
      reusedGrams: 50_000,
      recycledGrams: 48_000,
      energyRecoveredGrams: 0,
      disposedGrams: 0,
      pendingGrams: 0,
      recyclingRate: 1,
    });
    expect(a?.reuseRate).toBeCloseTo(50 / 98, 12);
    expect(a?.weighedShare).toBeCloseTo(110 / 160, 12);
    // B: in 60 + 8 = 68 000 (weighed 60 000); energy 10 000; disposed 45 000; pending 5 000;
    // treated 55 000.
    const b = byCentre?.rows[1]?.cells;
    expect(b).toMatchObject({
      centre: 'Centre B',
      collectedGrams: 68_000,
      energyRecoveredGrams: 10_000,
      disposedGrams: 45_000,
      pendingGrams: 5_000,
      reuseRate: 0,
      recyclingRate: 0,
    });
    expect(b?.valorisationRate).toBeCloseTo(10 / 55, 12);
    expect(byCentre?.totals).toMatchObject({ collectedGrams: 228_000, pendingGrams: 5_000 });

    const byStream = table(m, 'by-stream');
    expect(byStream?.rows.map((r) => [r.cells.stream, r.drill])).toEqual([
      ['Textiles', { streamId: textiles }],
      ['Plastiques', { streamId: plastics }],
      ['Biodéchets', { streamId: biowaste }],
    ]);
    // Textiles: in 100 + 8 = 108 000, reused 50 000 of 50 000 treated.
    expect(byStream?.rows[0]?.cells).toMatchObject({
      collectedGrams: 108_000,
      reusedGrams: 50_000,
      reuseRate: 1,
    });
    // Plastics: in 50 + 60 = 110 000; recycled 40 000, energy 10 000, disposed 45 000: treated
    // 95 000.
    const p = byStream?.rows[1]?.cells;
    expect(p).toMatchObject({
      collectedGrams: 110_000,
      recycledGrams: 40_000,
      pendingGrams: 5_000,
    });
    expect(p?.recyclingRate).toBeCloseTo(40 / 95, 12);
    expect(p?.valorisationRate).toBeCloseTo(50 / 95, 12);
    // Bio-waste: in 10 000; 8 000 composted, recycled on site.
    expect(byStream?.rows[2]?.cells).toMatchObject({
      collectedGrams: 10_000,
      recycledGrams: 8_000,
      recyclingRate: 1,
    });
  });

  it('keeps to the streams asked for', async () => {
    const m = await load({ streamIds: plastics });
    // Plastics only: in 50 000 estimated + 60 000 weighed.
    expect(kpi(m, 'collectedGrams')?.value).toBe(110_000);
    expect(kpi(m, 'weighedShare')?.value).toBeCloseTo(60 / 110, 12);
    expect(kpi(m, 'reusedGrams')?.value).toBe(0);
    expect(table(m, 'by-stream')?.rows.map((r) => r.cells.stream)).toEqual(['Plastiques']);
    expect(table(m, 'by-centre')?.rows.map((r) => r.cells.collectedGrams)).toEqual([
      50_000, 60_000,
    ]);
    expect(m.charts.find((c) => c.id === 'collected-by-stream')?.series.map((s) => s.key)).toEqual([
      plastics,
    ]);
  });

  it('keeps to the centres asked for, and to the reader’s', async () => {
    const m = await load({ centreIds: B.id });
    expect(m.centres).toEqual([{ id: B.id, name: 'Centre B' }]);
    expect(kpi(m, 'collectedGrams')?.value).toBe(68_000);
    expect(kpi(m, 'valorisationRate')?.value).toBeCloseTo(10 / 55, 12);
    expect(table(m, 'by-centre')?.rows).toHaveLength(1);
    // The manager of A (report.read and circular.read there) sees A's 160 000 only.
    const manager = await signInAs(app, 'manager');
    const mine = await load({}, manager);
    expect(mine.centres).toEqual([{ id: A.id, name: 'Centre A' }]);
    expect(kpi(mine, 'collectedGrams')?.value).toBe(160_000);
    const refused = await call(
      app,
      'GET',
      `/api/reports/recycling?from=2026-03-01&to=2026-04-30&centreIds=${B.id}`,
      {
        cookie: manager,
      },
    );
    expect(refused.status).toBe(403);
    // The board reads the whole network; B's staff member reads circular figures, not reports.
    const board = await signInAs(app, 'board');
    expect(kpi(await load({}, board), 'collectedGrams')?.value).toBe(228_000);
    const staff = await signInAs(app, 'staff');
    const denied = await call(app, 'GET', '/api/reports/recycling?from=2026-03-01&to=2026-04-30', {
      cookie: staff,
    });
    expect(denied.status).toBe(403);
  });

  it('compares with the months before', async () => {
    const m = await load({ compare: 'previous' });
    // March–April against January–February: February's 20 000 in, 20 000 disposed (D1).
    expect(m.comparison).toMatchObject({ from: '2026-01-01', to: '2026-02-28' });
    expect(kpi(m, 'collectedGrams')?.previous).toBe(20_000);
    expect(kpi(m, 'disposedGrams')?.previous).toBe(20_000);
    expect(kpi(m, 'valorisationRate')?.previous).toBe(0);
    expect(kpi(m, 'weighedShare')?.previous).toBe(1);
    expect(series(m, 'tonnage', 'collectedGrams')?.previous).toEqual([0, 20_000]);
    // January: nothing treated, no rate; February: 0 %.
    expect(series(m, 'rates', 'recyclingRate')?.previous).toEqual([null, 0]);
    // Last year: nothing at all.
    const y = await load({ compare: 'last_year' });
    expect(kpi(y, 'collectedGrams')?.previous).toBe(0);
    expect(kpi(y, 'recyclingRate')?.previous).toBeNull();
  });
});

describe.each(engines)('recycling report on the demo network (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp(kind);
  }, 180_000);
  afterAll(() => ctx.database.dispose());

  it('is not empty and gives the figures of GET /api/circular/indicators', async () => {
    const today = Temporal.Now.plainDateISO('America/Cayenne');
    const from = today.subtract({ years: 1 }).toString();
    const to = today.toString();
    const admin = await signInAs(ctx.app, 'admin');
    const m = await report(ctx.app, { from, to }, admin);
    const res = await call(
      ctx.app,
      'GET',
      `/api/circular/indicators?from=${from}&to=${to}&by=year`,
      {
        cookie: admin,
      },
    );
    expect(res.status).toBe(200);
    const { total } = await json<{ total: Record<string, number | null> }>(res);
    expect(kpi(m, 'collectedGrams')?.value).toBeGreaterThan(0);
    for (const k of m.kpis) expect([k.key, k.value]).toEqual([k.key, total[k.key]]);
    expect(table(m, 'by-stream')?.rows.length).toBeGreaterThan(0);
    expect(m.charts.find((c) => c.id === 'tonnage')?.buckets.length).toBeGreaterThanOrEqual(12);
    // The same report as CSV, XLSX and PDF files.
    for (const format of ['csv', 'xlsx', 'pdf']) {
      const file = await call(
        ctx.app,
        'GET',
        `/api/reports/recycling?from=${m.period.from}&to=${m.period.to}&format=${format}`,
        { cookie: admin },
      );
      expect([format, file.status]).toEqual([format, 200]);
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(500);
    }
  });
});
