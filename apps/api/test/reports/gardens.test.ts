import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  centres,
  gardeners,
  gardens,
  harvests,
  plotAssignments,
  plots,
} from '../../src/db/schema/index.ts';
import type { ReportCentre } from '../../src/reports/report.source.ts';
import { call, engines, freshDatabase, seededApp, type TestDatabase } from '../harness.ts';
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
  getReport(app, 'gardens', query, cookie);

/**
 * A hand-made network on an empty database (2026). Gardens: GA at centre A (plots p1, p2), GB
 * at centre B (plot p3). Plots held: p1 by Ana from 1 January (open); p2 by Bruno January–
 * February, then by Ana 15 April–30 June; p3 by Chloé from 31 March (open).
 *
 * Harvests in March–April: A, « Tomates » 4 000 g to the gardener (5 March), « tomates » 6 000 g
 * to the solidarity grocery (12 March), « Tomates  » 3 000 g at the market (2 April), chives
 * counted (3 bunches, no mass) to the gardener (9 April); B, « Dachine » 5 000 g to collective
 * distribution (20 March). Outside: B, Dachine 2 000 g at the market on 10 February and 9 000 g
 * on 2 May.
 *
 * March–April: harvested 4 + 6 + 3 + 5 = 18 000 g in 5 harvests; solidarity share
 * (6 000 + 5 000) / 18 000 = 11/18; plots held p1, p2, p3 = 3; gardeners Ana, Chloé = 2.
 *
 * The demo accounts are added: centre A has the slug of the demo manager's centre (Village
 * Chinois), B the Kourou staff member's.
 */
describe.each(engines)('gardens report on a hand-made fixture (%s)', (kind) => {
  let database: TestDatabase;
  let app: App;
  let admin: string;
  let A: ReportCentre;
  let B: ReportCentre;

  const load = (query: Record<string, string>, cookie = admin) =>
    report(app, { from: '2026-03-01', to: '2026-04-30', ...query }, cookie);

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const db = database.db;
    const network = await twoCentres(db, {
      organisation: { slug: 'essai', name: 'Réseau d’essai' },
      names: ['Centre A', 'Centre B'],
      address: {
        commune: 'Kourou',
        street: '1 rue de l’Essai',
        postalCode: '97310',
        city: 'Kourou',
      },
    });
    A = network.a;
    B = network.b;
    const garden = (centreId: string, name: string) => ({
      centreId,
      name,
      areaM2: 50,
      gridColumns: 2,
      gridRows: 2,
    });
    const [ga, gb] = await db
      .insert(gardens)
      .values([garden(A.id, 'Jardin A'), garden(B.id, 'Jardin B')])
      .returning();
    if (!ga || !gb) throw new Error('no gardens');
    const plot = (gardenId: string, label: string, column: number) => ({
      gardenId,
      label,
      kind: 'individual',
      areaM2: 10,
      exposure: 'sun',
      row: 0,
      column,
    });
    const [p1, p2, p3] = await db
      .insert(plots)
      .values([plot(ga.id, 'P1', 0), plot(ga.id, 'P2', 1), plot(gb.id, 'P3', 0)])
      .returning();
    const [ana, bruno, chloe] = await db
      .insert(gardeners)
      .values([
        { centreId: A.id, name: 'Ana' },
        { centreId: A.id, name: 'Bruno' },
        { centreId: B.id, name: 'Chloé' },
      ])
      .returning();
    if (!p1 || !p2 || !p3 || !ana || !bruno || !chloe) throw new Error('no plots or gardeners');
    await db.insert(plotAssignments).values([
      { plotId: p1.id, gardenerId: ana.id, startsOn: '2026-01-01' },
      { plotId: p2.id, gardenerId: bruno.id, startsOn: '2026-01-01', endsOn: '2026-02-28' },
      { plotId: p2.id, gardenerId: ana.id, startsOn: '2026-04-15', endsOn: '2026-06-30' },
      { plotId: p3.id, gardenerId: chloe.id, startsOn: '2026-03-31' },
    ]);
    const harvest = (
      harvestedOn: string,
      gardenId: string,
      crop: string,
      grams: number | null,
      destination: string,
      gardenerId: string | null = null,
    ) => ({
      harvestedOn,
      gardenId,
      crop,
      grams,
      destination,
      gardenerId,
      ...(grams === null ? { count: 3, countUnit: 'bunch' } : {}),
    });
    await db
      .insert(harvests)
      .values([
        harvest('2026-03-05', ga.id, 'Tomates', 4_000, 'gardener', ana.id),
        harvest('2026-03-12', ga.id, 'tomates', 6_000, 'solidarity_grocery'),
        harvest('2026-04-02', ga.id, 'Tomates ', 3_000, 'market'),
        harvest('2026-04-09', ga.id, 'Ciboulette', null, 'gardener', ana.id),
        harvest('2026-03-20', gb.id, 'Dachine', 5_000, 'collective_distribution'),
        harvest('2026-02-10', gb.id, 'Dachine', 2_000, 'market'),
        harvest('2026-05-02', gb.id, 'Dachine', 9_000, 'market'),
      ]);
    app = await appWithDemoUsers(database);
    admin = await signInAs(app, 'admin');
  }, 180_000);
  afterAll(() => database.dispose());

  it('sums the harvests and counts the plots held', async () => {
    const m = await load({});
    expect(m).toMatchObject({ report: 'gardens', comparison: null });
    expect(kpi(m, 'harvestedGrams')?.value).toBe(18_000);
    expect(kpi(m, 'solidarityShare')?.value).toBeCloseTo(11 / 18, 12);
    expect(kpi(m, 'harvests')?.value).toBe(5);
    expect(kpi(m, 'activePlots')?.value).toBe(3);
    expect(kpi(m, 'activeGardeners')?.value).toBe(2);
    const chart = m.charts.find((c) => c.id === 'harvest-by-destination');
    const values = (d: string) => chart?.series.find((s) => s.key === d)?.values;
    expect(chart?.buckets).toEqual(['2026-03', '2026-04']);
    expect(values('gardener')).toEqual([4_000, 0]);
    expect(values('collective_distribution')).toEqual([5_000, 0]);
    expect(values('market')).toEqual([0, 3_000]);
    expect(values('solidarity_grocery')).toEqual([6_000, 0]);
    // Destinations in the domain's order: gardener, collective, market, grocery.
    expect(m.charts.find((c) => c.id === 'destinations')?.series[0]?.values).toEqual([
      4_000, 5_000, 3_000, 6_000,
    ]);
  });

  it('gives each centre and each crop its row', async () => {
    const m = await load({});
    const byCentre = table(m, 'by-centre');
    // A: 4 + 6 + 3 = 13 000 g in 4 harvests, 6 000 to the grocery; plots p1, p2 held by Ana.
    expect(byCentre?.rows[0]).toMatchObject({
      cells: {
        centre: 'Centre A',
        harvestedGrams: 13_000,
        gardener: 4_000,
        market: 3_000,
        solidarity_grocery: 6_000,
        harvests: 4,
        activePlots: 2,
        activeGardeners: 1,
      },
      drill: { centreId: A.id },
    });
    expect(byCentre?.rows[0]?.cells.solidarityShare).toBeCloseTo(6 / 13, 12);
    // B: 5 000 g to collective distribution; p3 held by Chloé from 31 March.
    expect(byCentre?.rows[1]).toMatchObject({
      cells: {
        harvestedGrams: 5_000,
        solidarityShare: 1,
        harvests: 1,
        activePlots: 1,
        activeGardeners: 1,
      },
      drill: { centreId: B.id },
    });
    // « Tomates », « tomates » and « Tomates  » are one crop.
    expect(
      table(m, 'by-crop')?.rows.map((r) => [
        String(r.cells.crop).toLowerCase(),
        r.cells.harvestedGrams,
        r.cells.harvests,
      ]),
    ).toEqual([
      ['tomates', 13_000, 3],
      ['dachine', 5_000, 1],
      ['ciboulette', 0, 1],
    ]);
  });

  it('keeps to the centres asked for, and to the reader’s', async () => {
    const manager = await signInAs(app, 'manager');
    const mine = await load({}, manager);
    expect(mine.centres).toEqual([{ id: A.id, name: 'Centre A' }]);
    expect(kpi(mine, 'harvestedGrams')?.value).toBe(13_000);
    // Gardens are not confidential, but a report is for report readers: not B's staff member.
    const staff = await signInAs(app, 'staff');
    const denied = await call(app, 'GET', '/api/reports/gardens?from=2026-03-01&to=2026-04-30', {
      cookie: staff,
    });
    expect(denied.status).toBe(403);
  });

  it('narrows to a centre, and compares with the months before', async () => {
    const onlyB = await load({ centreIds: B.id });
    expect(kpi(onlyB, 'harvestedGrams')?.value).toBe(5_000);
    expect(kpi(onlyB, 'activePlots')?.value).toBe(1);
    expect(table(onlyB, 'by-crop')?.rows.map((r) => r.cells.crop)).toEqual(['Dachine']);

    const m = await load({ compare: 'previous' });
    // January–February: Dachine 2 000 g at the market; plots p1 (Ana) and p2 (Bruno) held.
    expect(m.comparison).toMatchObject({ from: '2026-01-01', to: '2026-02-28' });
    expect(kpi(m, 'harvestedGrams')?.previous).toBe(2_000);
    expect(kpi(m, 'solidarityShare')?.previous).toBe(0);
    expect(kpi(m, 'activePlots')?.previous).toBe(2);
    expect(kpi(m, 'activeGardeners')?.previous).toBe(2);
    const market = m.charts
      .find((c) => c.id === 'harvest-by-destination')
      ?.series.find((s) => s.key === 'market');
    expect(market?.previous).toEqual([0, 2_000]);
  });
});

describe.each(engines)('gardens report on the demo network (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp(kind);
  }, 180_000);
  afterAll(() => ctx.database.dispose());

  it('is not empty', async () => {
    const today = Temporal.Now.plainDateISO('America/Cayenne');
    const all = await ctx.database.db
      .select({ id: centres.id, name: centres.name })
      .from(centres)
      .orderBy(centres.name);
    const board = await signInAs(ctx.app, 'board');
    const m = await report(
      ctx.app,
      { from: today.subtract({ years: 1 }).toString(), to: today.toString(), compare: 'previous' },
      board,
    );
    expect(m.centres).toHaveLength(all.length);
    expect(kpi(m, 'harvestedGrams')?.value).toBeGreaterThan(0);
    expect(kpi(m, 'activePlots')?.value).toBeGreaterThan(0);
    expect(table(m, 'by-crop')?.rows.length).toBeGreaterThan(1);
    // The table's total is the sum of its centres.
    const byCentre = table(m, 'by-centre');
    const sum = (byCentre?.rows ?? []).reduce((s, r) => s + Number(r.cells.harvestedGrams), 0);
    expect(byCentre?.totals?.harvestedGrams).toBe(sum);
    // The same report as CSV, XLSX and PDF files.
    for (const format of ['csv', 'xlsx', 'pdf']) {
      const file = await call(
        ctx.app,
        'GET',
        `/api/reports/gardens?from=${m.period.from}&to=${m.period.to}&format=${format}`,
        { cookie: board },
      );
      expect([format, file.status]).toEqual([format, 200]);
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(500);
    }
  });
});
