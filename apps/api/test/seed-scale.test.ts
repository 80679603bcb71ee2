import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { ScaleRefused, type ScaleReport, seedScale } from '../src/db/seed/scale/index.ts';
import { balanceOf } from '../src/fund/fund.queries.ts';
import { engines, freshDatabase, type TestDatabase } from './harness.ts';

const OPTIONS = { centres: 2, years: 1, seed: 7, until: '2026-06-30' };

/** The result rows, whichever driver answered (PGlite wraps them in `rows`, postgres-js not). */
const all = async <T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> => {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
};
const one = async <T>(db: Db, query: ReturnType<typeof sql>): Promise<T> =>
  (await all<T>(db, query))[0] as T;

/** Tables the generator writes, hashed in id order: two runs with one seed must agree. */
const HASHED = [
  'centres',
  'resources',
  'bookings',
  'events',
  'event_registrations',
  'donors',
  'donations',
  'ledger_entries',
  'disbursements',
  'circular_inflows',
  'circular_reuses',
  'circular_outflows',
  'harvests',
  'plot_assignments',
];
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of HASHED) {
    const row = await one<{ h: string | null }>(
      db,
      sql.raw(`select md5(string_agg(t::text, '|' order by t.id)) as h from ${table} t`),
    );
    out[table] = row.h ?? '';
  }
  const stocks = await one<{ h: string }>(
    db,
    sql`select md5(string_agg(s::text, '|' order by centre_id, stream_id)) as h from stream_stocks s`,
  );
  out.stream_stocks = stocks.h;
  return out;
}

describe.each(engines)('scale data generator on %s', (engine) => {
  let a: TestDatabase;
  let b: TestDatabase;
  let report: ScaleReport;
  beforeAll(async () => {
    a = await freshDatabase(engine);
    b = await freshDatabase(engine);
    report = await seedScale(a.db, OPTIONS);
    await seedScale(b.db, OPTIONS);
  });
  afterAll(async () => {
    await a?.dispose();
    await b?.dispose();
  });

  it('writes about a year of a centre’s life per centre and year', async () => {
    const per = (table: string) => (report.rows[table] ?? 0) / OPTIONS.centres / OPTIONS.years;
    expect(report.rows.centres).toBe(2);
    expect(report.rows.resources).toBe(40);
    expect(per('bookings')).toBeGreaterThan(3_500);
    expect(per('bookings')).toBeLessThan(4_600);
    const movements = per('circular_inflows') + per('circular_reuses') + per('circular_outflows');
    expect(movements).toBeGreaterThan(6_500);
    expect(movements).toBeLessThan(9_500);
    expect(per('donations')).toBeGreaterThan(650);
    expect(per('donations')).toBeLessThan(1_000);
    expect(per('event_registrations')).toBeGreaterThan(500);
    expect(per('harvests')).toBeGreaterThan(200);
    // What the report counted is what the tables hold.
    const counted = await one<{ n: number }>(a.db, sql`select count(*)::int as n from bookings`);
    expect(counted.n).toBe(report.rows.bookings);
    const names = await all<{ name: string; commune: string }>(
      a.db,
      sql`select name, commune from centres order by slug`,
    );
    expect(names.map((c) => c.name)).toEqual(['Tiers-lieu 001', 'Tiers-lieu 002']);
  });

  it('gives the same data for the same seed', async () => {
    expect(await fingerprint(b.db)).toEqual(await fingerprint(a.db));
  });

  it('never books a resource twice: no overlap, and the exclusion constraint is there', async () => {
    const constraint = await one<{ n: number }>(
      a.db,
      sql`select count(*)::int as n from pg_constraint where conname = 'bookings_no_overlap'`,
    );
    expect(constraint.n).toBe(1);
    const overlaps = await one<{ n: number }>(
      a.db,
      sql`select count(*)::int as n from bookings x join bookings y
            on x.resource_id = y.resource_id and x.id < y.id
           and tstzrange(x.starts_at, x.blocked_until) && tstzrange(y.starts_at, y.blocked_until)
         where x.status <> 'cancelled' and y.status <> 'cancelled'`,
    );
    expect(overlaps.n).toBe(0);
    // Every booking sits in the centre's opening hours (08:00–18:00 in Cayenne, UTC−3).
    const outside = await one<{ n: number }>(
      a.db,
      sql`select count(*)::int as n from bookings
           where (starts_at at time zone 'America/Cayenne')::time < '08:00'
              or (ends_at at time zone 'America/Cayenne')::time > '18:00'
              or extract(isodow from starts_at at time zone 'America/Cayenne') = 7`,
    );
    expect(outside.n).toBe(0);
  });

  it('never lets a stock go negative, and the stocks are the sum of the movements', async () => {
    const negative = await one<{ n: number }>(
      a.db,
      sql`with moves as (
            select centre_id, stream_id, occurred_on, mass_grams as g from circular_inflows
            union all select centre_id, stream_id, occurred_on, -mass_grams from circular_reuses
            union all select centre_id, stream_id, occurred_on, -mass_grams from circular_outflows
          ), daily as (
            select centre_id, stream_id, occurred_on, sum(g) as g from moves group by 1, 2, 3
          ), running as (
            select sum(g) over (partition by centre_id, stream_id order by occurred_on) as s from daily
          )
          select count(*)::int as n from running where s < 0`,
    );
    expect(negative.n).toBe(0);
    const mismatched = await one<{ n: number; stocks: number }>(
      a.db,
      sql`with moves as (
            select centre_id, stream_id, mass_grams as g, occurred_on from circular_inflows
            union all select centre_id, stream_id, -mass_grams, occurred_on from circular_reuses
            union all select centre_id, stream_id, -mass_grams, occurred_on from circular_outflows
          ), totals as (
            select centre_id, stream_id, sum(g) as g, max(occurred_on) as last from moves group by 1, 2
          )
          select count(*) filter (where s.stock_grams is distinct from t.g
                                     or s.last_movement_on is distinct from t.last)::int as n,
                 count(s.*)::int as stocks
            from totals t left join stream_stocks s using (centre_id, stream_id)`,
    );
    expect(mismatched.stocks).toBeGreaterThan(0);
    expect(mismatched.n).toBe(0);
    // Each weighed gift in kind came in once, as an inflow of origin « donation ».
    const gifts = await one<{ gifts: number; inflows: number }>(
      a.db,
      sql`select (select count(*)::int from donations where mass_grams is not null) as gifts,
                 (select count(*)::int from circular_inflows where origin = 'donation') as inflows`,
    );
    expect(gifts.gifts).toBeGreaterThan(0);
    expect(gifts.inflows).toBe(gifts.gifts);
  });

  it('keeps the ledger as the fund writes it: balances never negative, the endowment unspent', async () => {
    const funds = await all<{ id: string; code: string; kind: string }>(
      a.db,
      sql`select id, code, kind from sub_funds order by code`,
    );
    expect(funds.map((f) => f.code)).toEqual(['DOTATION', 'JARDINS', 'LIBRE']);
    for (const f of funds) {
      const expected = await one<{ cents: number }>(
        a.db,
        sql`select (coalesce((select sum(amount_cents) from donations
                               where kind = 'money' and sub_fund_id = ${f.id}), 0)
                  - coalesce((select sum(amount_cents) from disbursements
                               where sub_fund_id = ${f.id}), 0))::float8 as cents`,
      );
      expect(await balanceOf(a.db, f.id)).toBe(Number(expected.cents));
      const lowest = await one<{ low: number | null }>(
        a.db,
        sql`select min(s)::float8 as low from (
              select sum(sum(amount_cents)) over (order by occurred_on) as s
                from ledger_entries where sub_fund_id = ${f.id} group by occurred_on) d`,
      );
      expect(Number(lowest.low)).toBeGreaterThanOrEqual(0);
    }
    const dotation = funds.find((f) => f.code === 'DOTATION');
    const spent = await one<{ n: number }>(
      a.db,
      sql`select count(*)::int as n from ledger_entries where sub_fund_id = ${dotation?.id} and amount_cents < 0`,
    );
    expect(spent.n).toBe(0);
    // One ledger entry per money gift, of its amount; none for goods.
    const unmatched = await one<{ n: number }>(
      a.db,
      sql`select count(*)::int as n from donations d
            left join ledger_entries l on l.donation_id = d.id
           where (d.kind = 'money') <> (l.id is not null)
              or (l.id is not null and (l.amount_cents <> d.amount_cents or l.sub_fund_id <> d.sub_fund_id))`,
    );
    expect(unmatched.n).toBe(0);
  });

  it('refuses to run twice on one database unless forced', async () => {
    await expect(seedScale(a.db, OPTIONS)).rejects.toBeInstanceOf(ScaleRefused);
    const forced = await seedScale(b.db, { ...OPTIONS, centres: 1, force: true });
    expect(forced.rows.centres).toBe(1);
    const slugs = await all<{ slug: string }>(b.db, sql`select slug from centres order by slug`);
    expect(slugs.map((c) => c.slug)).toEqual([
      'tiers-lieu-001',
      'tiers-lieu-002',
      'tiers-lieu-003',
    ]);
  });
});
