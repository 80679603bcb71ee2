import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FundAggregates } from '@lakou/reports/fund';
import { bucketOf, bucketsBetween, type Granularity } from '@lakou/reports/model';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/circular/reports.sql.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { organisationId } from '../../src/fund/fund.queries.ts';
import { fundAggregates } from '../../src/reports/fund.queries.ts';
import { call, engines, seededApp, signIn } from '../harness.ts';
import { seededRandom } from '../seeded-random.ts';

/**
 * The fund's monthly inflow sums (fund_inflow_monthly, kept by triggers) and the report read
 * from them give exactly what the entries themselves give, recomputed here in TypeScript from
 * the raw rows (not with the report's SQL): on the demo network, after gifts, grant instalments
 * and corrections added one by one and in bulk, after a gift's donor, a grant's funder and an
 * instalment's grant change, after a donor merge and an erasure; for months, quarters, years
 * and weeks, on and off month boundaries, and on random periods.
 */

interface Entry {
  id: string;
  organisation_id: string;
  sub_fund_id: string;
  occurred_on: string;
  amount_cents: number;
  kind: string;
  donation_id: string | null;
  grant_instalment_id: string | null;
  reverses_id: string | null;
}
interface Gift {
  id: string;
  organisation_id: string;
  kind: string;
  donor_id: string | null;
  received_on: string;
  amount_cents: number;
}

/** Everything the inflows are made of, read as plain rows. */
async function rawRows(db: Parameters<typeof rowsOf>[0]) {
  const entries = (
    await rowsOf<Entry & { amount_cents: string }>(
      db,
      sql`select id::text, organisation_id::text, sub_fund_id::text, occurred_on::text,
                 amount_cents::text, kind, donation_id::text, grant_instalment_id::text,
                 reverses_id::text
            from ledger_entries`,
    )
  ).map((e) => ({ ...e, amount_cents: Number(e.amount_cents) }));
  const gifts = (
    await rowsOf<Gift & { amount_cents: string }>(
      db,
      sql`select id::text, organisation_id::text, kind, donor_id::text, received_on::text,
                 amount_cents::text from donations`,
    )
  ).map((g) => ({ ...g, amount_cents: Number(g.amount_cents) }));
  const instalments = await rowsOf<{ id: string; grant_id: string }>(
    db,
    sql`select id::text, grant_id::text from grant_instalments`,
  );
  const grants = await rowsOf<{ id: string; funder_id: string }>(
    db,
    sql`select id::text, funder_id::text from grants`,
  );
  const donors = await rowsOf<{ id: string; kind: string }>(
    db,
    sql`select id::text, kind from donors`,
  );
  const subFunds = await rowsOf<{ id: string; code: string; kind: string }>(
    db,
    sql`select id::text, code, kind from sub_funds`,
  );
  return {
    entries,
    byEntry: new Map(entries.map((e) => [e.id, e])),
    gifts,
    byGift: new Map(gifts.map((g) => [g.id, g])),
    grantOf: new Map(instalments.map((i) => [i.id, i.grant_id])),
    funderOf: new Map(grants.map((g) => [g.id, g.funder_id])),
    kindOf: new Map(donors.map((d) => [d.id, d.kind])),
    subFunds,
  };
}
type Raw = Awaited<ReturnType<typeof rawRows>>;

/** The money inflow an entry is, by the fund's rules, or null: flow, donor, month. */
function inflowOf(raw: Raw, e: Entry) {
  const reversed = e.reverses_id ? raw.byEntry.get(e.reverses_id) : undefined;
  const inflowKinds = ['donation', 'grant_instalment'];
  if (
    !inflowKinds.includes(e.kind) &&
    !(e.kind === 'correction' && reversed && inflowKinds.includes(reversed.kind))
  )
    return null;
  const giftId = e.donation_id ?? reversed?.donation_id ?? null;
  const instalmentId = e.grant_instalment_id ?? reversed?.grant_instalment_id ?? null;
  const giftDonor = giftId ? (raw.byGift.get(giftId)?.donor_id ?? null) : null;
  const grantId = instalmentId ? raw.grantOf.get(instalmentId) : undefined;
  const funder = grantId ? (raw.funderOf.get(grantId) ?? null) : null;
  return {
    flow: (reversed?.kind ?? e.kind) === 'donation' ? 'money' : 'grant',
    donor: giftDonor ?? funder,
    month: `${e.occurred_on.slice(0, 7)}-01`,
  };
}

/** fund_inflow_monthly as it should be: entries and cents per organisation, month, flow, donor. */
function expectedMonthly(raw: Raw) {
  const sums = new Map<string, { entries: number; cents: number }>();
  for (const e of raw.entries) {
    const inflow = inflowOf(raw, e);
    if (!inflow) continue;
    const key = [e.organisation_id, inflow.month, inflow.flow, inflow.donor ?? '-'].join('|');
    const s = sums.get(key) ?? { entries: 0, cents: 0 };
    s.entries += 1;
    s.cents += e.amount_cents;
    sums.set(key, s);
  }
  return [...sums.entries()].map(([k, s]) => `${k}|${s.entries}|${s.cents}`).sort();
}

const between = (d: string, from: string, to: string) => d >= from && d <= to;

/** The report's inflows and sub-fund figures for a period, summed here from the raw rows. */
function expectedReport(raw: Raw, org: string, from: string, to: string, g: Granularity) {
  const byBucket = new Map<string, Map<string, number>>();
  const byDonorKind = new Map<string, number>();
  let total = 0;
  const add = (flow: string, date: string, donor: string | null, cents: number) => {
    const bucket = bucketOf(date, g);
    const m = byBucket.get(flow) ?? new Map<string, number>();
    m.set(bucket, (m.get(bucket) ?? 0) + cents);
    byBucket.set(flow, m);
    const kindKey = `${(donor && raw.kindOf.get(donor)) ?? '-'}|${flow}`;
    byDonorKind.set(kindKey, (byDonorKind.get(kindKey) ?? 0) + cents);
    total += cents;
  };
  for (const e of raw.entries) {
    if (e.organisation_id !== org || !between(e.occurred_on, from, to)) continue;
    const inflow = inflowOf(raw, e);
    if (inflow) add(inflow.flow, e.occurred_on, inflow.donor, e.amount_cents);
  }
  for (const gift of raw.gifts)
    if (
      gift.organisation_id === org &&
      gift.kind === 'in_kind' &&
      between(gift.received_on, from, to)
    )
      add('in_kind', gift.received_on, gift.donor_id, gift.amount_cents);

  const buckets = bucketsBetween(from, to, g);
  const funds = [];
  const byKind = new Map<string, Map<string, number>>();
  for (const f of raw.subFunds) {
    const own = raw.entries.filter((e) => e.sub_fund_id === f.id && e.organisation_id === org);
    if (!own.some((e) => e.occurred_on <= to)) continue;
    const sum = (xs: Entry[]) => xs.reduce((s, e) => s + e.amount_cents, 0);
    const inPeriod = own.filter((e) => between(e.occurred_on, from, to));
    const opening = sum(own.filter((e) => e.occurred_on < from));
    const credits = sum(inPeriod.filter((e) => e.amount_cents > 0));
    const debits = sum(inPeriod.filter((e) => e.amount_cents < 0));
    const balances = new Map<string, number>();
    let running = opening;
    for (const b of buckets) {
      running += sum(inPeriod.filter((e) => bucketOf(e.occurred_on, g) === b));
      balances.set(b, running);
      const k = byKind.get(f.kind) ?? new Map<string, number>();
      k.set(b, (k.get(b) ?? 0) + running);
      byKind.set(f.kind, k);
    }
    funds.push({
      id: f.id,
      opening,
      credits,
      debits,
      closing: opening + credits + debits,
      balances,
    });
  }
  return { byBucket, byDonorKind, total, funds, byKind };
}

/** Maps and arrays in a comparable order. */
const comparable = (x: unknown): string =>
  JSON.stringify(x, (_k, v) => {
    if (v instanceof Map)
      return [...v.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    if (
      Array.isArray(v) &&
      v.every((e) => e !== null && typeof e === 'object' && !Array.isArray(e))
    )
      return v.map((e) => comparable(e)).sort();
    return v;
  });

function expectReportOf(
  report: FundAggregates,
  expected: ReturnType<typeof expectedReport>,
  label: string,
) {
  expect(comparable(report.inflowsByBucket), label).toBe(comparable(expected.byBucket));
  expect(
    new Map(report.inflowsByDonorKind.map((r) => [`${r.donorKind ?? '-'}|${r.kind}`, r.cents])),
    label,
  ).toEqual(expected.byDonorKind);
  expect(report.kpis.inflowCents, label).toBe(expected.total);
  const funds = report.network?.subFunds ?? [];
  expect(funds.map((f) => f.id).sort(), label).toEqual(expected.funds.map((f) => f.id).sort());
  for (const want of expected.funds) {
    const got = funds.find((f) => f.id === want.id);
    expect(
      {
        opening: got?.openingCents,
        credits: got?.creditsCents,
        debits: got?.debitsCents,
        closing: got?.closingCents,
        balances: comparable(got?.balances),
      },
      `${label} ${want.id}`,
    ).toEqual({
      opening: want.opening,
      credits: want.credits,
      debits: want.debits,
      closing: want.closing,
      balances: comparable(want.balances),
    });
  }
  expect(comparable(report.network?.balancesByKind), label).toBe(comparable(expected.byKind));
}

const PERIODS: [string, string][] = [
  ['2026-01-01', '2026-12-31'],
  ['2025-11-24', '2026-11-23'],
  ['2024-11-24', '2025-11-23'],
  ['2026-03-05', '2026-03-20'],
  ['2026-02-10', '2026-03-15'],
  ['2026-02-10', '2026-04-30'],
  ['2024-02-01', '2024-02-29'],
  ['2015-01-01', '2027-12-31'],
];
const GRANULARITIES: Granularity[] = ['month', 'quarter', 'year', 'week'];

describe.each(engines)('monthly fund inflow sums (%s)', { timeout: 240_000 }, (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let org = '';
  let funds: string[] = [];
  let people: string[] = [];
  const r = seededRandom(20261206);

  /** fund_inflow_monthly holds exactly the sums recomputed from the entries, no more, no less. */
  async function expectInStep() {
    const kept = await rowsOf<{ row: string }>(
      ctx.database.db,
      sql`select concat_ws('|', organisation_id::text, month::text, flow,
                           coalesce(donor_id::text, '-'), entries::text, amount_cents::text) as row
            from fund_inflow_monthly`,
    );
    const want = expectedMonthly(await rawRows(ctx.database.db));
    expect(want.length).toBeGreaterThan(0);
    expect(kept.map((k) => k.row).sort()).toEqual(want);
  }

  /** The report from the monthly sums equals the report from the entries and the raw rows. */
  async function expectSameReports(periods = PERIODS) {
    const raw = await rawRows(ctx.database.db);
    let compared = 0;
    for (const [from, to] of periods)
      for (const granularity of GRANULARITIES) {
        const label = `${from}…${to} ${granularity}`;
        const p = { from, to, granularity };
        const fromMonths = await fundAggregates(ctx.database.db, org, p, null, 'all');
        const fromEntries = await fundAggregates(ctx.database.db, org, p, null, 'all', {
          monthly: false,
        });
        expect(comparable(fromMonths), label).toBe(comparable(fromEntries));
        expectReportOf(fromMonths, expectedReport(raw, org, from, to, granularity), label);
        compared += fromMonths.inflowsByDonorKind.length;
      }
    expect(compared).toBeGreaterThan(0);
  }

  const day = () =>
    Temporal.PlainDate.from('2024-01-01')
      .add({ days: r.int(3 * 365) })
      .toString();

  /** Money gifts with their ledger entries, one statement each (a fifth anonymous). */
  async function addGifts(n: number) {
    for (let i = 0; i < n; i++) {
      const on = day();
      const donor = r.int(5) === 0 ? null : r.pick(people);
      await ctx.database.db.execute(sql`
        with gift as (
          insert into donations (organisation_id, kind, donor_id, received_on, amount_cents, method, sub_fund_id)
          values (${org}::uuid, 'money', ${donor}::uuid, ${on}::date, ${100 + r.int(50_000)},
                  'transfer', ${r.pick(funds)}::uuid)
          returning id, sub_fund_id, received_on, amount_cents
        )
        insert into ledger_entries (organisation_id, sub_fund_id, occurred_on, amount_cents, kind, label, donation_id)
        select ${org}::uuid, sub_fund_id, received_on, amount_cents, 'donation', 'essai', id from gift`);
    }
  }

  /** Corrections of some entries of these kinds not yet reversed, dated on or after them. */
  async function correct(kinds: string[], n: number) {
    await ctx.database.db.execute(sql`
      insert into ledger_entries (organisation_id, sub_fund_id, occurred_on, amount_cents, kind, label, reverses_id, reason)
      select e.organisation_id, e.sub_fund_id, e.occurred_on + (abs(hashtext(e.id::text)) % 60),
             -e.amount_cents, 'correction', 'Annulation', e.id, 'essai'
        from ledger_entries e
       where e.kind in (${sql.join(
         kinds.map((k) => sql`${k}`),
         sql`, `,
       )})
         and not exists (select 1 from ledger_entries c where c.reverses_id = e.id)
       order by hashtext(e.id::text) limit ${n}`);
  }

  beforeAll(async () => {
    ctx = await seededApp(kind);
    const db = ctx.database.db;
    org = (await organisationId(db)) ?? '';
    funds = (
      await rowsOf<{ id: string }>(
        db,
        sql`select id::text from sub_funds where organisation_id = ${org}::uuid order by code`,
      )
    ).map((f) => f.id);
    people = (
      await rowsOf<{ id: string }>(
        db,
        sql`select id::text from donors where erased_at is null order by name`,
      )
    ).map((d) => d.id);
    expect(org).not.toBe('');
    expect(funds.length).toBeGreaterThan(1);
    expect(people.length).toBeGreaterThan(3);
  });
  afterAll(() => ctx?.database.dispose());

  it('on the demo network (its gifts, grant instalments and corrections)', async () => {
    const [kinds] = await rowsOf<{ grants: number; corrections: number }>(
      ctx.database.db,
      sql`select count(*) filter (where kind = 'grant_instalment')::int as grants,
                 count(*) filter (where kind = 'correction')::int as corrections
            from ledger_entries`,
    );
    expect(kinds?.grants).toBeGreaterThan(0);
    await expectInStep();
    await expectSameReports();
  });

  it('after gifts one by one, in bulk, grant instalments and corrections of each', async () => {
    await addGifts(40);
    // In bulk, as an import or the benches write: gifts, then their entries in one statement.
    await ctx.database.db.execute(sql`
      with people as (select array_agg(id order by id) as ids from donors),
      made as (
        insert into donations (organisation_id, kind, donor_id, received_on, amount_cents, method, sub_fund_id, reference)
        select ${org}::uuid, 'money',
               case when g % 7 = 0 then null else people.ids[1 + g % array_length(people.ids, 1)] end,
               '2024-01-01'::date + (g * 37) % 1100, 500 + g * 3, 'card', ${funds[0]}::uuid,
               'essai-masse-' || g
          from generate_series(1, 600) g, people
        returning id, sub_fund_id, received_on, amount_cents
      )
      insert into ledger_entries (organisation_id, sub_fund_id, occurred_on, amount_cents, kind, label, donation_id)
      select ${org}::uuid, sub_fund_id, received_on, amount_cents, 'donation', 'essai en masse', id from made`);
    const grants = await rowsOf<{ id: string }>(
      ctx.database.db,
      sql`select id::text from grants where organisation_id = ${org}::uuid order by id`,
    );
    for (let i = 0; i < 12; i++) {
      const on = day();
      await ctx.database.db.execute(sql`
        with inst as (
          insert into grant_instalments (grant_id, expected_on, amount_cents, received_on)
          values (${r.pick(grants).id}::uuid, ${on}::date, ${1000 + r.int(900_000)}, ${on}::date)
          returning id, amount_cents, received_on
        )
        insert into ledger_entries (organisation_id, sub_fund_id, occurred_on, amount_cents, kind, label, grant_instalment_id)
        select ${org}::uuid, ${r.pick(funds)}::uuid, received_on, amount_cents, 'grant_instalment', 'essai', id
          from inst`);
    }
    await correct(['donation'], 25);
    await correct(['grant_instalment'], 4);
    await correct(['disbursement'], 2);
    // A correction of a correction is not an inflow (the filter follows one step only).
    await correct(['correction'], 2);
    await expectInStep();
    await expectSameReports();
  });

  it('after a gift changes donor, becomes anonymous or named, and a donor merge', async () => {
    const db = ctx.database.db;
    const gifts = await rowsOf<{ id: string; donor_id: string | null }>(
      db,
      sql`select d.id::text, d.donor_id::text from donations d
           where d.kind = 'money' and exists (select 1 from ledger_entries e where e.donation_id = d.id)
           order by d.id`,
    );
    const reversed = await rowsOf<{ id: string }>(
      db,
      sql`select e.donation_id::text as id from ledger_entries e
           join ledger_entries c on c.reverses_id = e.id where e.donation_id is not null
           order by 1 limit 3`,
    );
    for (const g of [...reversed, ...gifts.slice(0, 10)])
      await db.execute(
        sql`update donations set donor_id = ${r.pick(people)}::uuid where id = ${g.id}::uuid`,
      );
    const named = gifts.filter((g) => g.donor_id !== null).slice(10, 15);
    for (const g of named)
      await db.execute(sql`update donations set donor_id = null where id = ${g.id}::uuid`);
    const anonymous = gifts.filter((g) => g.donor_id === null).slice(0, 5);
    expect(anonymous.length).toBeGreaterThan(0);
    for (const g of anonymous)
      await db.execute(
        sql`update donations set donor_id = ${r.pick(people)}::uuid where id = ${g.id}::uuid`,
      );
    // An edit that leaves the donor as it was writes nothing.
    const before = await rowsOf(db, sql`select * from fund_inflow_monthly order by 1, 2, 3, 4`);
    await db.execute(sql`update donations set donor_id = donor_id, note = 'relu'`);
    expect(await rowsOf(db, sql`select * from fund_inflow_monthly order by 1, 2, 3, 4`)).toEqual(
      before,
    );
    // A merge: every gift of one donor moved to another, in one statement.
    const [from, into] = people as [string, string];
    await db.execute(
      sql`update donations set donor_id = ${into}::uuid where donor_id = ${from}::uuid`,
    );
    const [left] = await rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from fund_inflow_monthly where donor_id = ${from}::uuid and flow = 'money'`,
    );
    expect(left?.n).toBe(0);
    await expectInStep();
    await expectSameReports(PERIODS.slice(0, 3));
  });

  it('after a grant changes funder, an instalment changes grant, donor kinds change', async () => {
    const db = ctx.database.db;
    const funders = await rowsOf<{ id: string }>(
      db,
      sql`select id::text from donors where kind in ('foundation', 'public_body') order by id`,
    );
    const grants = await rowsOf<{ id: string; funder_id: string }>(
      db,
      sql`select g.id::text, g.funder_id::text from grants g
           where exists (select 1 from grant_instalments i join ledger_entries e on e.grant_instalment_id = i.id
                          where i.grant_id = g.id)
           order by g.id`,
    );
    expect(grants.length).toBeGreaterThan(1);
    const other = (id: string) => funders.find((f) => f.id !== id)?.id ?? id;
    for (const g of grants.slice(0, 3))
      await db.execute(
        sql`update grants set funder_id = ${other(g.funder_id)}::uuid where id = ${g.id}::uuid`,
      );
    const [a, b] = grants as unknown as [{ id: string }, { id: string }];
    // Two of a's instalments, received ones (with an entry) first, move to b.
    await db.execute(sql`
      update grant_instalments set grant_id = ${b.id}::uuid
       where id in (select i.id from grant_instalments i where i.grant_id = ${a.id}::uuid
                     order by exists (select 1 from ledger_entries e where e.grant_instalment_id = i.id) desc, i.id
                     limit 2)`);
    // The kind is read with the report, not kept in the sums.
    await db.execute(
      sql`update donors set kind = 'company' where id in (${sql.join(
        people.slice(3, 5).map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    await expectInStep();
    await expectSameReports(PERIODS.slice(0, 5));
  });

  it('after a donor is erased through the API (the id, and so the sums, stay)', async () => {
    const admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
    const [giver] = await rowsOf<{ id: string }>(
      ctx.database.db,
      sql`select d.donor_id::text as id from donations d
           join ledger_entries e on e.donation_id = d.id
           join donors p on p.id = d.donor_id and p.erased_at is null
          order by d.id limit 1`,
    );
    if (!giver) throw new Error('no donor with a gift');
    const before = await rowsOf(
      ctx.database.db,
      sql`select * from fund_inflow_monthly order by 1, 2, 3, 4`,
    );
    const res = await call(ctx.app, 'POST', `/api/donors/${giver.id}/erase`, {
      cookie: admin,
      body: { confirm: true },
    });
    expect(res.status).toBe(200);
    expect(
      await rowsOf(ctx.database.db, sql`select * from fund_inflow_monthly order by 1, 2, 3, 4`),
    ).toEqual(before);
    await expectInStep();
    await expectSameReports(PERIODS.slice(1, 2));
  });

  it('reads whole months from the sums for months, quarters and years, never for weeks', async () => {
    const db = ctx.database.db;
    const raw = await rawRows(db);
    const [from, to] = ['2025-11-24', '2026-11-23'];
    // A cent added to every kept month: seen by the monthly readings, not by the weekly one.
    await db.execute(sql`update fund_inflow_monthly set amount_cents = amount_cents + 1`);
    try {
      for (const granularity of GRANULARITIES) {
        const report = await fundAggregates(db, org, { from, to, granularity }, null, 'all');
        const want = expectedReport(raw, org, from, to, granularity).total;
        if (granularity === 'week') expect(report.kpis.inflowCents).toBe(want);
        else expect(report.kpis.inflowCents).toBeGreaterThan(want);
      }
    } finally {
      await db.execute(sql`update fund_inflow_monthly set amount_cents = amount_cents - 1`);
    }
    await expectInStep();
  });

  it('on random periods and granularities (property)', async () => {
    const raw = await rawRows(ctx.database.db);
    const date = fc
      .integer({ min: 0, max: 4 * 365 })
      .map((n) => Temporal.PlainDate.from('2023-06-01').add({ days: n }).toString());
    await fc.assert(
      fc.asyncProperty(
        date,
        date,
        fc.constantFrom<Granularity>('month', 'quarter', 'year', 'week'),
        async (a, b, granularity) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const report = await fundAggregates(
            ctx.database.db,
            org,
            { from, to, granularity },
            null,
            'all',
          );
          expectReportOf(
            report,
            expectedReport(raw, org, from, to, granularity),
            `${from}…${to} ${granularity}`,
          );
        },
      ),
      { numRuns: 30, seed: 20261206 },
    );
  });

  it('the migration’s backfill gives the same sums; a TRUNCATE of the ledger empties them', async () => {
    const db = ctx.database.db;
    const migration = readFileSync(
      fileURLToPath(new URL('../../drizzle/0021_fund_inflow_monthly.sql', import.meta.url)),
      'utf8',
    );
    const backfill = migration.split('--> statement-breakpoint').at(-1) ?? '';
    expect(backfill).toContain('INSERT INTO "fund_inflow_monthly"');
    await db.execute(sql`delete from fund_inflow_monthly`);
    await db.execute(sql.raw(backfill));
    await expectInStep();
    await db.execute(sql`truncate ledger_entries cascade`);
    const [left] = await rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from fund_inflow_monthly`,
    );
    expect(left?.n).toBe(0);
  });
});
