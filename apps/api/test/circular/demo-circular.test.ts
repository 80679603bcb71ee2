import { DEFAULT_STREAMS } from '@lakou/domain/circular';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoNetwork } from '../../src/db/seed/seed.ts';
import { engines, freshDatabase, type TestDatabase } from '../harness.ts';

/** Rows of a raw query on either engine. */
async function rows<T>(database: TestDatabase, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await database.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** Luhn over 14 digits, written here independently of the domain's isSiret. */
function luhn14(s: string): boolean {
  if (!/^\d{14}$/.test(s)) return false;
  const digits = s.split('').map(Number).reverse();
  const sum = digits.reduce((acc, d, i) => acc + (i % 2 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  return sum % 10 === 0;
}

const TABLES = [
  'material_streams',
  'waste_facilities',
  'circular_inflows',
  'circular_reuses',
  'circular_outflows',
  'stream_stocks',
];

/** Every movement of a stock, signed: in +, out − (re-use, shipments, compost). */
const MOVES = sql`
  select centre_id, stream_id, occurred_on as on_day, created_at, mass_grams as grams from circular_inflows
  union all select centre_id, stream_id, occurred_on, created_at, -mass_grams from circular_reuses
  union all select centre_id, stream_id, occurred_on, created_at, -mass_grams from circular_outflows
  union all select centre_id, stream_id, started_on, created_at, -input_grams from compost_batches`;

describe.each(engines)('demo circular economy (%s)', (kind) => {
  let database: TestDatabase;
  const today = Temporal.PlainDate.from('2026-11-23');
  let counts: Record<string, number>;

  const countAll = async () => {
    const out: Record<string, number> = {};
    for (const table of TABLES) {
      const [row] = await rows<{ n: number }>(
        database,
        sql.raw(`select count(*)::int as n from ${table}`),
      );
      out[table] = Number(row?.n);
    }
    return out;
  };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await seedDemoNetwork(database.db, today);
    counts = await countAll();
  }, 180_000);
  afterAll(() => database.dispose());

  it('has the default streams and facilities in Guyane with valid SIRETs', async () => {
    const streams = await rows<{ code: string }>(database, sql`select code from material_streams`);
    expect(streams.map((s) => s.code).sort()).toEqual(DEFAULT_STREAMS.map((s) => s.code).sort());
    const facilities = await rows<{ siret: string; postcode: string }>(
      database,
      sql`select siret, postcode from waste_facilities`,
    );
    expect(facilities.length).toBeGreaterThanOrEqual(6);
    expect(facilities.every((f) => luhn14(f.siret) && f.postcode.startsWith('973'))).toBe(true);
  });

  it('gives every demo centre three years of weighings, none in the future', async () => {
    const perYear = await rows<{ slug: string; year: number; n: number }>(
      database,
      sql`select c.slug, ((${today.toString()}::date - i.occurred_on) / 365)::int as year, count(*)::int as n
          from circular_inflows i join centres c on c.id = i.centre_id
          group by 1, 2 order by 1, 2`,
    );
    const slugs = [...new Set(perYear.map((r) => r.slug))];
    expect(slugs.length).toBeGreaterThanOrEqual(7);
    for (const slug of slugs) {
      const years = perYear.filter((r) => r.slug === slug);
      // Years 0, 1 and 2 back from today, about a hundred weighings each.
      expect(years.filter((y) => y.year <= 2 && y.n >= 100).map((y) => y.year)).toEqual([0, 1, 2]);
    }
    const [span] = await rows<{ first: string; last: string }>(
      database,
      sql`select min(d)::text as first, max(d)::text as last from (
            select occurred_on as d from circular_inflows union all
            select occurred_on from circular_reuses union all
            select occurred_on from circular_outflows) m`,
    );
    expect(span?.first && span.first <= '2023-11-30').toBe(true);
    expect(span?.last && span.last <= today.toString()).toBe(true);
    expect(counts.circular_reuses).toBeGreaterThan(500);
    expect(counts.circular_outflows).toBeGreaterThan(500);
  });

  it('ships to recyclers, the fuel maker, disposal and, twice, a transit platform', async () => {
    const codes = await rows<{ treatment: string; code: string | null; n: number }>(
      database,
      sql`select treatment, operation_code as code, count(*)::int as n from circular_outflows group by 1, 2`,
    );
    const has = (code: string | null) => codes.some((c) => c.code === code && c.n > 0);
    for (const code of ['R1', 'R3', 'R4', 'R5', 'D5', 'D10', null]) expect(has(code)).toBe(true);
    expect(codes.find((c) => c.code === 'R13')?.n).toBeGreaterThanOrEqual(1);
    expect(codes.find((c) => c.code === 'R13')?.n).toBeLessThanOrEqual(2);
    // The hazardous stream's shipments carry their Trackdéchets slip.
    const [hazardous] = await rows<{ n: number; missing: number }>(
      database,
      sql`select count(*)::int as n, count(*) filter (where o.tracking_ref is null)::int as missing
          from circular_outflows o join material_streams s on s.id = o.stream_id
          where s.code = 'batteries'`,
    );
    expect(hazardous?.n).toBeGreaterThan(0);
    expect(hazardous?.missing).toBe(0);
    const [measured] = await rows<{ estimated: number; weighed: number }>(
      database,
      sql`select count(*) filter (where measurement = 'estimated')::int as estimated,
                 count(*) filter (where measurement = 'weighed')::int as weighed from circular_inflows`,
    );
    expect(measured?.estimated).toBeGreaterThan(0);
    expect(measured?.weighed).toBeGreaterThan(measured?.estimated ?? 0);
  });

  it('keeps each stock equal to the sum of its movements', async () => {
    const mismatches = await rows<{ centre_id: string; stream_id: string }>(
      database,
      sql`with sums as (
            select centre_id, stream_id, sum(grams)::bigint as grams from (${MOVES}) m group by 1, 2)
          select coalesce(s.centre_id, t.centre_id) as centre_id, coalesce(s.stream_id, t.stream_id) as stream_id
          from sums s full join stream_stocks t on t.centre_id = s.centre_id and t.stream_id = s.stream_id
          where coalesce(s.grams, 0) <> coalesce(t.stock_grams, 0)`,
    );
    expect(mismatches).toEqual([]);
    const [stocks] = await rows<{ n: number; negative: number }>(
      database,
      sql`select count(*)::int as n, count(*) filter (where stock_grams < 0)::int as negative from stream_stocks`,
    );
    expect(stocks?.n).toBeGreaterThan(50);
    expect(stocks?.negative).toBe(0);
  });

  it('never took out more than the stock held at the time', async () => {
    // The running balance of each stock, movement after movement (day, then recording time).
    const [lowest] = await rows<{ low: string | number | null }>(
      database,
      sql`select min(balance) as low from (
            select sum(grams) over (partition by centre_id, stream_id order by on_day, created_at
                                    rows unbounded preceding) as balance
            from (${MOVES}) m) b`,
    );
    expect(Number(lowest?.low)).toBeGreaterThanOrEqual(0);
  });

  it('brings in the demo fund’s gifts in kind with a mass, one inflow each', async () => {
    const unlinked = await rows<{ id: string }>(
      database,
      sql`select d.id from donations d
          left join circular_inflows i on i.donation_id = d.id
          left join material_streams s on s.id = i.stream_id
          where d.kind = 'in_kind' and d.mass_grams is not null and d.circular_stream is not null
            and (i.id is null or i.origin <> 'donation' or i.mass_grams <> d.mass_grams
                 or i.occurred_on <> d.received_on or i.centre_id <> d.centre_id
                 or s.code <> d.circular_stream)`,
    );
    expect(unlinked).toEqual([]);
    const [gifts] = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from circular_inflows where origin = 'donation'`,
    );
    expect(gifts?.n).toBeGreaterThan(5);
  });

  it('adds nothing when run again', async () => {
    await seedDemoNetwork(database.db, today);
    expect(await countAll()).toEqual(counts);
  });
});
