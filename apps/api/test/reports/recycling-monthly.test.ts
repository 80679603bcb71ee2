import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IndicatorGrouping, IndicatorMovement } from '@lakou/domain/circular';
import type { Granularity } from '@lakou/reports/model';
import type { RecyclingData } from '@lakou/reports/recycling';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregatedMovements } from '../../src/circular/indicators.queries.ts';
import { type MovementFilter, rowsOf } from '../../src/circular/reports.sql.ts';
import { inflows, outflows, reuses } from '../../src/db/schema/index.ts';
import { seedDemoNetwork } from '../../src/db/seed/seed.ts';
import {
  type RecyclingScope,
  recyclingSums,
  splitByMonths,
} from '../../src/reports/recycling.queries.ts';
import { engines, freshDatabase, type TestDatabase } from '../harness.ts';
import { seededRandom } from '../seeded-random.ts';

/**
 * The monthly sums (circular_monthly, kept by triggers) give exactly the figures of the
 * movements themselves, in the recycling report and in the circular indicators: on the demo network, then after random inserts, deletes, moves of date,
 * centre, stream and mass, and a merge of two streams; for months, quarters and years, periods
 * on and off month boundaries, every centre or some, every stream or one.
 */

describe('splitByMonths', () => {
  it('keeps the whole months and the days around them', () => {
    expect(splitByMonths('2026-01-01', '2026-12-31')).toEqual({
      months: { from: '2026-01-01', to: '2026-12-01' },
      days: [],
    });
    expect(splitByMonths('2025-11-24', '2026-11-23')).toEqual({
      months: { from: '2025-12-01', to: '2026-10-01' },
      days: [
        { from: '2025-11-24', to: '2025-11-30' },
        { from: '2026-11-01', to: '2026-11-23' },
      ],
    });
    expect(splitByMonths('2024-02-01', '2024-02-29')).toEqual({
      months: { from: '2024-02-01', to: '2024-02-01' },
      days: [],
    });
    expect(splitByMonths('2026-03-05', '2026-03-20')).toEqual({
      months: null,
      days: [{ from: '2026-03-05', to: '2026-03-20' }],
    });
    expect(splitByMonths('2026-02-10', '2026-03-15')).toEqual({
      months: null,
      days: [{ from: '2026-02-10', to: '2026-03-15' }],
    });
    expect(splitByMonths('2026-02-10', '2026-03-31')).toEqual({
      months: { from: '2026-03-01', to: '2026-03-01' },
      days: [{ from: '2026-02-10', to: '2026-02-28' }],
    });
    expect(splitByMonths('2026-03-10', '2026-03-01').months).toBeNull();
  });
});

const sorted = (d: RecyclingData) => ({
  rows: d.rows.map((r) => JSON.stringify(r)).sort(),
  collected: d.collected.map((r) => JSON.stringify(r)).sort(),
});

describe.each(engines)('monthly circular sums (%s)', { timeout: 120_000 }, (kind) => {
  let database: TestDatabase;
  const today = Temporal.PlainDate.from('2026-11-23');
  let centreIds: string[] = [];
  let streamIds: string[] = [];
  let facilityId = '';
  const r = seededRandom(20261123);

  /** circular_monthly holds exactly the sums recomputed from the movements, no more, no less. */
  async function expectInStep() {
    const db = database.db;
    const group = sql`select month::text, centre_id::text, stream_id::text, kind, measurement,
        coalesce(treatment, '-') as treatment, coalesce(operation_code, '-') as operation_code,
        movements::int as movements, grams::text as grams`;
    const kept = await rowsOf(db, sql`${group} from circular_monthly order by 1, 2, 3, 4, 5, 6, 7`);
    const recomputed = await rowsOf(
      db,
      sql`${group} from (
          select date_trunc('month', occurred_on::timestamp)::date as month, centre_id, stream_id,
                 'inflow' as kind, measurement, null::text as treatment,
                 null::text as operation_code, count(*) as movements, sum(mass_grams) as grams
            from circular_inflows group by 1, 2, 3, 5
          union all
          select date_trunc('month', occurred_on::timestamp)::date, centre_id, stream_id, 'reuse',
                 measurement, null, null, count(*), sum(mass_grams)
            from circular_reuses group by 1, 2, 3, 5
          union all
          select date_trunc('month', occurred_on::timestamp)::date, centre_id, stream_id,
                 'outflow', measurement, treatment, operation_code, count(*), sum(mass_grams)
            from circular_outflows group by 1, 2, 3, 5, 6, 7) x
        order by 1, 2, 3, 4, 5, 6, 7`,
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(recomputed);
  }

  /** The report's sums from circular_monthly and from the movements are the same, for many scopes. */
  async function expectSameReports() {
    const periods: [string, string][] = [
      ['2026-01-01', '2026-12-31'],
      ['2025-11-24', '2026-11-23'],
      ['2024-11-24', '2025-11-23'],
      ['2026-03-05', '2026-03-20'],
      ['2026-02-10', '2026-03-15'],
      ['2026-02-10', '2026-04-30'],
      ['2015-01-01', '2027-12-31'],
    ];
    const granularities: Granularity[] = ['month', 'quarter', 'year'];
    const scopes: Pick<RecyclingScope, 'centres' | 'streamIds'>[] = [
      { centres: 'all', streamIds: [] },
      { centres: centreIds.slice(0, 2), streamIds: [] },
      { centres: 'all', streamIds: streamIds.slice(0, 1) },
      { centres: [], streamIds: [] },
    ];
    // Every period and granularity for the whole network; the narrower scopes on the two
    // periods off month boundaries (the monthly sums and the days around them both filtered).
    const cases = periods.flatMap(([from, to], i) =>
      granularities.flatMap((granularity) =>
        (i === 1 || i === 5 ? scopes : scopes.slice(0, 1)).map(
          (s): RecyclingScope => ({ from, to, granularity, ...s }),
        ),
      ),
    );
    let compared = 0;
    for (const scope of cases) {
      const fromMonths = await recyclingSums(database.db, scope);
      const fromMovements = await recyclingSums(database.db, { ...scope, monthly: false });
      expect(sorted(fromMonths), JSON.stringify(scope)).toEqual(sorted(fromMovements));
      compared += fromMonths.rows.length;
    }
    expect(compared).toBeGreaterThan(0);
    await expectSameIndicators(periods);
  }

  /** GET /api/circular/indicators' sums from circular_monthly and from the movements are the same. */
  async function expectSameIndicators(periods: [string, string][]) {
    const filters: MovementFilter[] = [
      { centres: 'all' },
      ...periods.map(([from, to]): MovementFilter => ({ from, to, centres: 'all' })),
      { from: '2025-11-24', centres: centreIds.slice(0, 2) },
      { to: '2025-11-23', centres: 'all', streamId: streamIds[1] },
      { from: '2024-02-10', to: '2026-04-30', centres: 'all', centreId: centreIds[0] },
    ];
    const groupings: IndicatorGrouping[] = ['centre', 'stream', 'month', 'year'];
    const key = (m: IndicatorMovement) => JSON.stringify(m);
    let compared = 0;
    for (const filter of filters)
      for (const by of groupings) {
        const fromMonths = (await aggregatedMovements(database.db, filter, by)).map(key).sort();
        const fromMovements = (
          await aggregatedMovements(database.db, filter, by, { monthly: false })
        )
          .map(key)
          .sort();
        expect(fromMonths, `${JSON.stringify(filter)} ${by}`).toEqual(fromMovements);
        compared += fromMonths.length;
      }
    expect(compared).toBeGreaterThan(0);
  }

  const day = () =>
    Temporal.PlainDate.from('2024-01-01')
      .add({ days: r.int(3 * 365) })
      .toString();
  const OUTFLOW = [
    { treatment: 'reuse', operationCode: null },
    { treatment: 'recycling', operationCode: 'R3' },
    { treatment: 'recycling', operationCode: 'R13' },
    { treatment: 'energy_recovery', operationCode: 'R1' },
    { treatment: 'disposal', operationCode: 'D5' },
  ] as const;

  async function addMovements(n: number) {
    const common = () => ({
      occurredOn: day(),
      centreId: r.pick(centreIds),
      streamId: r.pick(streamIds),
      massGrams: 1 + r.int(50_000),
      measurement: r.pick(['weighed', 'estimated'] as const),
      note: 'aléa',
    });
    await database.db.insert(inflows).values(
      Array.from({ length: n }, () => ({
        ...common(),
        origin: r.pick(['collection', 'drop_off'] as const),
      })),
    );
    await database.db.insert(outflows).values(
      Array.from({ length: Math.ceil(n / 2) }, () => ({
        ...common(),
        facilityId,
        ...r.pick(OUTFLOW),
      })),
    );
    await database.db.insert(reuses).values(
      Array.from({ length: Math.ceil(n / 4) }, () => ({
        ...common(),
        kind: r.pick(['repaired', 'sorted'] as const),
        itemCount: 1 + r.int(5),
      })),
    );
  }

  const ids = async (table: string) =>
    (
      await rowsOf<{ id: string }>(
        database.db,
        sql`select id::text as id from ${sql.raw(table)} order by id`,
      )
    ).map((x) => x.id);
  const some = (xs: string[], n: number) => {
    const out = new Set<string>();
    while (out.size < Math.min(n, xs.length)) out.add(r.pick(xs));
    return sql.join(
      [...out].map((id) => sql`${id}::uuid`),
      sql`, `,
    );
  };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await seedDemoNetwork(database.db, today);
    centreIds = (
      await rowsOf<{ id: string }>(
        database.db,
        sql`select id::text as id from centres order by slug`,
      )
    ).map((c) => c.id);
    streamIds = (
      await rowsOf<{ id: string }>(
        database.db,
        sql`select id::text as id from material_streams order by code`,
      )
    ).map((c) => c.id);
    const [facility] = await rowsOf<{ id: string }>(
      database.db,
      sql`select id::text as id from waste_facilities order by name limit 1`,
    );
    facilityId = facility?.id ?? '';
    expect(centreIds.length).toBeGreaterThan(1);
    expect(streamIds.length).toBeGreaterThan(2);
  });
  afterAll(() => database?.dispose());

  it('on the demo network (the migration’s backfill and the seed’s inserts)', async () => {
    await expectInStep();
    await expectSameReports();
  });

  it('after random inserts', async () => {
    await addMovements(300);
    await expectInStep();
    await expectSameReports();
  });

  it('after deletes of inflows, shipments and re-uses', async () => {
    for (const table of ['circular_inflows', 'circular_outflows', 'circular_reuses']) {
      const all = await ids(table);
      await database.db.execute(
        sql`delete from ${sql.raw(table)} where id in (${some(all, Math.floor(all.length / 3))})`,
      );
      await database.db.execute(sql`delete from ${sql.raw(table)} where id = ${r.pick(all)}::uuid`);
    }
    await expectInStep();
    await expectSameReports();
  });

  it('after moves of date, centre, stream and mass, and an edit that changes no sum', async () => {
    const before = await rowsOf(
      database.db,
      sql`select * from circular_monthly order by 1, 2, 3, 4, 5`,
    );
    await database.db.execute(sql`update circular_inflows set note = 'relu'`);
    expect(
      await rowsOf(database.db, sql`select * from circular_monthly order by 1, 2, 3, 4, 5`),
    ).toEqual(before);
    for (const table of ['circular_inflows', 'circular_outflows', 'circular_reuses']) {
      const t = sql.raw(table);
      const all = await ids(table);
      await database.db.execute(
        sql`update ${t} set occurred_on = occurred_on + ${r.int(90) - 45}::int where id in (${some(all, 40)})`,
      );
      await database.db.execute(
        sql`update ${t} set centre_id = ${r.pick(centreIds)}::uuid where id in (${some(all, 40)})`,
      );
      await database.db.execute(
        sql`update ${t} set stream_id = ${r.pick(streamIds)}::uuid where id in (${some(all, 40)})`,
      );
      await database.db.execute(
        sql`update ${t} set mass_grams = mass_grams + ${1 + r.int(1000)}::int, measurement = 'weighed'
            where id in (${some(all, 40)})`,
      );
    }
    await database.db.execute(
      sql`update circular_outflows set treatment = 'disposal', operation_code = 'D1'
          where id in (${some(await ids('circular_outflows'), 20)})`,
    );
    await expectInStep();
    await expectSameReports();
  });

  it('after a merge of two streams (every movement re-pointed, in one transaction)', async () => {
    const [from, into] = streamIds as [string, string];
    await database.db.transaction(async (tx) => {
      for (const table of ['circular_inflows', 'circular_outflows', 'circular_reuses'])
        await tx.execute(
          sql`update ${sql.raw(table)} set stream_id = ${into}::uuid where stream_id = ${from}::uuid`,
        );
    });
    const [left] = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from circular_monthly where stream_id = ${from}::uuid`,
    );
    expect(left?.n).toBe(0);
    await expectInStep();
    await expectSameReports();
  });

  it('the migration’s backfill rebuilds the same sums from the movements', async () => {
    const migration = readFileSync(
      fileURLToPath(new URL('../../drizzle/0018_circular_monthly.sql', import.meta.url)),
      'utf8',
    );
    const backfill = migration.split('--> statement-breakpoint').at(-1) ?? '';
    expect(backfill).toContain('INSERT INTO "circular_monthly"');
    await database.db.execute(sql`delete from circular_monthly`);
    await database.db.execute(sql.raw(backfill));
    await expectInStep();
  });

  it('after inserts in bulk (insert … select, as the benches and the scale seed write)', async () => {
    await database.db.execute(sql`
      insert into circular_inflows (occurred_on, centre_id, stream_id, mass_grams, measurement, origin)
      with c as (select array_agg(id order by id) as ids from centres),
           s as (select array_agg(id order by id) as ids from material_streams)
      select '2025-01-01'::date + (g % 700), c.ids[1 + g % 2], s.ids[1 + g % 3], 1000 + g,
             'estimated', 'collection'
        from generate_series(1, 2000) g, c, s`);
    await expectInStep();
    await expectSameReports();
  });
});
