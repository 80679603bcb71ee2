import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/circular/reports.sql.ts';
import { seedDemoNetwork } from '../../src/db/seed/seed.ts';
import { organisationId } from '../../src/fund/fund.queries.ts';
import { balancesOn } from '../../src/fund/funds.views.ts';
import { fundAggregates } from '../../src/reports/fund.queries.ts';
import { engines, freshDatabase, type TestDatabase } from '../harness.ts';

/**
 * The ledger's monthly sums (ledger_monthly, kept by a trigger) give exactly the balances of the
 * entries themselves: the fund's balances at any day and the report's opening balances, on the
 * demo network and after entries added one by one and in bulk, on and off month boundaries.
 */
describe.each(engines)('monthly ledger sums (%s)', (kind) => {
  let database: TestDatabase;
  let org = '';
  const today = Temporal.PlainDate.from('2026-11-23');

  const rawBalances = async (at: string) =>
    new Map(
      (
        await rowsOf<{ id: string; cents: string }>(
          database.db,
          sql`select sub_fund_id::text as id, sum(amount_cents)::text as cents from ledger_entries
               where organisation_id = ${org}::uuid and occurred_on <= ${at}::date
               group by sub_fund_id`,
        )
      ).map((r) => [r.id, Number(r.cents)]),
    );

  const DAYS = [
    '2019-06-15',
    '2024-12-31',
    '2025-01-01',
    '2025-02-28',
    '2025-03-01',
    '2025-11-23',
    '2026-01-15',
    '2026-10-31',
    '2026-11-01',
    '2026-11-23',
    '2030-01-01',
  ];

  async function expectExact() {
    const kept = await rowsOf(
      database.db,
      sql`select organisation_id::text, sub_fund_id::text, month::text, entries::int,
                 amount_cents::text, credits_cents::text from ledger_monthly order by 1, 2, 3`,
    );
    const recomputed = await rowsOf(
      database.db,
      sql`select organisation_id::text, sub_fund_id::text,
                 date_trunc('month', occurred_on::timestamp)::date::text as month,
                 count(*)::int as entries, sum(amount_cents)::text as amount_cents,
                 coalesce(sum(amount_cents) filter (where amount_cents > 0), 0)::text as credits_cents
            from ledger_entries group by 1, 2, 3 order by 1, 2, 3`,
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(recomputed);
    for (const at of DAYS)
      expect(await balancesOn(database.db, org, at), at).toEqual(await rawBalances(at));
    for (const [from, to] of [
      ['2025-11-24', '2026-11-23'],
      ['2025-01-01', '2025-12-31'],
      ['2026-03-15', '2026-03-20'],
    ] as const) {
      const report = await fundAggregates(
        database.db,
        org,
        { from, to, granularity: 'month' },
        null,
        'all',
      );
      const before = await rawBalances(
        Temporal.PlainDate.from(from).subtract({ days: 1 }).toString(),
      );
      const after = await rawBalances(to);
      for (const f of report.network?.subFunds ?? []) {
        expect(f.openingCents, `${f.code} ${from}`).toBe(before.get(f.id) ?? 0);
        expect(f.closingCents, `${f.code} ${to}`).toBe(after.get(f.id) ?? 0);
      }
      expect(report.kpis.balanceCents).toBe([...after.values()].reduce((s, c) => s + c, 0));
    }
  }

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await seedDemoNetwork(database.db, today);
    org = (await organisationId(database.db)) ?? '';
    expect(org).not.toBe('');
  });
  afterAll(() => database?.dispose());

  it('on the demo network', async () => {
    await expectExact();
  });

  it('after entries one by one and in bulk, and a correction', async () => {
    const funds = await rowsOf<{ id: string }>(
      database.db,
      sql`select id::text as id from sub_funds where organisation_id = ${org}::uuid order by code`,
    );
    const [a, b] = funds.map((f) => f.id) as [string, string];
    for (const [day, fund, cents] of [
      ['2025-02-28', a, 1234],
      ['2025-03-01', b, 999],
      ['2026-11-01', a, 50_00],
      ['2026-11-23', b, 7],
    ] as const)
      await database.db.execute(
        sql`insert into ledger_entries (organisation_id, sub_fund_id, occurred_on, amount_cents, kind, label)
            values (${org}::uuid, ${fund}::uuid, ${day}::date, ${cents}, 'grant_instalment', 'essai')`,
      );
    await database.db.execute(sql`
      insert into ledger_entries (organisation_id, sub_fund_id, occurred_on, amount_cents, kind, label)
      select ${org}::uuid, (array[${a}::uuid, ${b}::uuid])[1 + g % 2], '2019-01-01'::date + g,
             100 + g, 'grant_instalment', 'essai en masse'
        from generate_series(1, 2900) g`);
    const [entry] = await rowsOf<{ id: string; sub_fund_id: string; amount_cents: string }>(
      database.db,
      sql`select id::text as id, sub_fund_id::text, amount_cents::text from ledger_entries
           where label = 'essai' order by occurred_on limit 1`,
    );
    if (!entry) throw new Error('no entry');
    await database.db.execute(
      sql`insert into ledger_entries (organisation_id, sub_fund_id, occurred_on, amount_cents, kind, label, reverses_id, reason)
          values (${org}::uuid, ${entry.sub_fund_id}::uuid, '2026-01-15', ${-Number(entry.amount_cents)},
                  'correction', 'Annulation', ${entry.id}::uuid, 'essai')`,
    );
    await expectExact();
  });
});
