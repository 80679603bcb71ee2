import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { organisations } from '../../src/db/schema/index.ts';
import { seedDemoGardens } from '../../src/db/seed/demo-gardens.ts';
import { seedDemoNetwork } from '../../src/db/seed/seed.ts';
import { engines, freshDatabase, type TestDatabase } from '../harness.ts';

/** Rows of a raw query on either engine. */
async function rows<T>(db: Pick<Db, 'execute'>, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

const GARDEN_TABLES = [
  'compost_batches',
  'harvests',
  'garden_waiting_list',
  'plot_assignments',
  'garden_plots',
  'gardeners',
  'gardens',
];

class Rollback extends Error {}

describe.each(engines)('demo gardens (%s)', (kind) => {
  let database: TestDatabase;
  const today = Temporal.PlainDate.from('2026-11-23');
  let org: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await seedDemoNetwork(database.db, today);
    const [row] = await database.db.select({ id: organisations.id }).from(organisations);
    org = row?.id ?? '';
  });
  afterAll(() => database.dispose());

  it('has two gardens with about twenty plots, individual and collective, inside their grids', async () => {
    const gardens = await rows<{
      name: string;
      slug: string;
      plots: number;
      individual: number;
      outside: number;
    }>(
      database.db,
      sql`select g.name, c.slug, count(p.id)::int as plots,
            (count(p.id) filter (where p.kind = 'individual'))::int as individual,
            (count(p.id) filter (where p.grid_row > g.grid_rows or p.grid_column > g.grid_columns))::int as outside
          from gardens g join centres c on c.id = g.centre_id left join garden_plots p on p.garden_id = g.id
          group by g.name, c.slug order by g.name`,
    );
    expect(gardens.map((g) => [g.name, g.slug])).toEqual([
      ['Jardin des Chinois', 'cayenne-village-chinois'],
      ['Jardin partagé de Kourou', 'kourou'],
    ]);
    const total = gardens.reduce((n, g) => n + g.plots, 0);
    expect(total).toBeGreaterThanOrEqual(18);
    expect(total).toBeLessThanOrEqual(22);
    for (const g of gardens) {
      expect(g.individual).toBeGreaterThan(0);
      expect(g.individual).toBeLessThan(g.plots);
      expect(g.outside).toBe(0);
    }
    const [people] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from gardeners`,
    );
    expect(people?.n).toBe(25);
  });

  it('never gives an individual plot to two people on one day, and only to gardeners of its centre', async () => {
    const overlaps = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from plot_assignments a
          join plot_assignments b on a.plot_id = b.plot_id and a.id < b.id
          join garden_plots p on p.id = a.plot_id
          where p.kind = 'individual'
            and a.starts_on <= coalesce(b.ends_on, 'infinity'::date)
            and b.starts_on <= coalesce(a.ends_on, 'infinity'::date)`,
    );
    expect(overlaps[0]?.n).toBe(0);
    const foreign = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from plot_assignments a
          join garden_plots p on p.id = a.plot_id join gardens g on g.id = p.garden_id
          join gardeners r on r.id = a.gardener_id where r.centre_id <> g.centre_id`,
    );
    expect(foreign[0]?.n).toBe(0);
    const ended = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from plot_assignments where ends_on < ${today.toString()}`,
    );
    expect(ended[0]?.n).toBeGreaterThanOrEqual(4);
    const first = await rows<{ d: string }>(
      database.db,
      sql`select min(starts_on)::text as d from plot_assignments`,
    );
    expect(first[0]?.d && first[0].d < '2024-02-01').toBe(true);
  });

  it('fills the Jardin des Chinois with three people waiting; leaves two plots free at Kourou', async () => {
    const free = await rows<{ name: string; free: number }>(
      database.db,
      sql`select g.name, (count(*) filter (where p.kind = 'individual' and not exists (
            select 1 from plot_assignments a where a.plot_id = p.id
            and (a.ends_on is null or a.ends_on >= ${today.toString()}))))::int as free
          from gardens g join garden_plots p on p.garden_id = g.id group by g.name order by g.name`,
    );
    expect(free.map((f) => f.free)).toEqual([0, 2]);
    const waiting = await rows<{ name: string; requested_on: string }>(
      database.db,
      sql`select r.name, w.requested_on::text from garden_waiting_list w
          join gardeners r on r.id = w.gardener_id join gardens g on g.id = w.garden_id
          where w.status = 'waiting' and g.name = 'Jardin des Chinois' order by w.requested_on`,
    );
    expect(waiting).toHaveLength(3);
    // None of them holds an individual plot there.
    const holding = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from garden_waiting_list w
          join plot_assignments a on a.gardener_id = w.gardener_id
          join garden_plots p on p.id = a.plot_id and p.kind = 'individual'
          where w.status = 'waiting' and (a.ends_on is null or a.ends_on >= ${today.toString()})`,
    );
    expect(holding[0]?.n).toBe(0);
  });

  it('logs weekly harvests of Guyane’s crops over three years, by whoever held the plot, to every destination', async () => {
    const [span] = await rows<{ first: string; last: string; n: number; weeks: number }>(
      database.db,
      sql`select min(harvested_on)::text as first, max(harvested_on)::text as last, count(*)::int as n,
            count(distinct harvested_on)::int as weeks from harvests`,
    );
    expect(span?.first && span.first < '2024-01-01').toBe(true);
    expect(span?.last && span.last <= today.toString()).toBe(true);
    expect(span?.weeks).toBeGreaterThan(150);
    expect(span?.n).toBeGreaterThan(300);
    const destinations = await rows<{ destination: string }>(
      database.db,
      sql`select distinct destination from harvests order by destination`,
    );
    expect(destinations.map((d) => d.destination)).toEqual([
      'collective_distribution',
      'gardener',
      'market',
      'solidarity_grocery',
    ]);
    const crops = await rows<{ crop: string }>(
      database.db,
      sql`select distinct crop from harvests`,
    );
    expect(crops.map((c) => c.crop)).toEqual(
      expect.arrayContaining(['Dachine', 'Giraumon', 'Gombo', 'Ciboule']),
    );
    // Each picking by someone who held that plot on that day; the amount check of the table holds.
    const strangers = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from harvests h where not exists (
            select 1 from plot_assignments a where a.plot_id = h.plot_id and a.gardener_id = h.gardener_id
            and a.starts_on <= h.harvested_on and (a.ends_on is null or a.ends_on >= h.harvested_on))`,
    );
    expect(strangers[0]?.n).toBe(0);
    const counted = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from harvests where grams is null and count > 0 and count_unit is not null`,
    );
    expect(counted[0]?.n).toBeGreaterThan(0);
  });

  it('makes compost only from bio-waste that was in stock, and leaves the stock never negative', async () => {
    const batches = await rows<{ centre_ok: boolean; input_grams: number; ready_ok: boolean }>(
      database.db,
      sql`select b.centre_id = g.centre_id as centre_ok, b.input_grams::int as input_grams,
            (b.ready_on is null or (b.ready_on <= ${today.toString()} and b.compost_grams is not null)) as ready_ok
          from compost_batches b join gardens g on g.id = b.garden_id`,
    );
    const [biowaste] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from circular_inflows i join material_streams s on s.id = i.stream_id
          where s.code = 'biowaste'`,
    );
    // Without bio-waste weighed in by the circular seed, there is nothing to compost; with it,
    // the gardens' centres (both take bio-waste in) make some.
    if ((biowaste?.n ?? 0) === 0) expect(batches).toEqual([]);
    else expect(batches.length).toBeGreaterThan(0);
    // The bio-waste stock of each centre, movement by movement in date then recording order
    // (compost included), never dips below zero.
    const dips = await rows<{ n: number }>(
      database.db,
      sql`with moves as (
            select i.centre_id, i.occurred_on as day, i.created_at, i.mass_grams as grams
              from circular_inflows i join material_streams s on s.id = i.stream_id where s.code = 'biowaste'
            union all select r.centre_id, r.occurred_on, r.created_at, -r.mass_grams
              from circular_reuses r join material_streams s on s.id = r.stream_id where s.code = 'biowaste'
            union all select o.centre_id, o.occurred_on, o.created_at, -o.mass_grams
              from circular_outflows o join material_streams s on s.id = o.stream_id where s.code = 'biowaste'
            union all select b.centre_id, b.started_on, b.created_at, -b.input_grams from compost_batches b),
          running as (
            select sum(grams) over (partition by centre_id order by day, created_at
              rows between unbounded preceding and current row) as level from moves)
          select count(*)::int as n from running where level < 0`,
    );
    expect(dips[0]?.n).toBe(0);
    for (const b of batches) {
      expect(b.centre_ok).toBe(true);
      expect(b.ready_ok).toBe(true);
      expect(b.input_grams).toBeGreaterThan(0);
    }
    const negative = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from stream_stocks where stock_grams < 0`,
    );
    expect(negative[0]?.n).toBe(0);
  });

  it('adds nothing the second time, and seeds the gardens in well under a second', async () => {
    const count = async () => {
      const out: Record<string, number> = {};
      for (const table of GARDEN_TABLES) {
        const [row] = await rows<{ n: number }>(
          database.db,
          sql.raw(`select count(*)::int as n from ${table}`),
        );
        out[table] = Number(row?.n);
      }
      return out;
    };
    const before = await count();
    const report = await database.db.transaction((tx) =>
      seedDemoGardens(tx as unknown as Db, org, today),
    );
    expect(report.gardensCreated).toBe(0);
    expect(await count()).toEqual(before);
    // Timed on its own: the gardens' rows removed, seeded again, all rolled back.
    let elapsed = 0;
    await expect(
      database.db.transaction(async (tx) => {
        for (const table of GARDEN_TABLES) await tx.execute(sql.raw(`delete from ${table}`));
        const started = performance.now();
        const again = await seedDemoGardens(tx as unknown as Db, org, today);
        elapsed = performance.now() - started;
        expect(again.gardensCreated).toBe(2);
        expect(again.harvestsCreated).toBe(before.harvests);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    console.info(`[demo-gardens] seeded in ${elapsed.toFixed(0)} ms (${kind})`);
    expect(elapsed).toBeLessThan(2_000);
    expect(await count()).toEqual(before);
  });
});
