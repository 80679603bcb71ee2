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

const FUND_TABLES = [
  'fund_settings',
  'sub_funds',
  'donors',
  'donations',
  'grants',
  'grant_instalments',
  'disbursements',
  'disbursement_goods',
  'ledger_entries',
  'receipts',
  'receipt_donations',
];

describe.each(engines)('demo fund (%s)', (kind) => {
  let database: TestDatabase;
  const today = Temporal.PlainDate.from('2026-11-23');
  let counts: Record<string, number>;

  const countAll = async () => {
    const out: Record<string, number> = {};
    for (const table of FUND_TABLES) {
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
  }, 120_000);
  afterAll(() => database.dispose());

  it('names the fund and its legal status, signer and address in Cayenne', async () => {
    const [settings] = await rows<Record<string, string>>(
      database,
      sql`select name, city, postcode, status, signer_name, signer_role, object from fund_settings`,
    );
    expect(settings?.name).toBe('Fonds de dotation SECCOIA-Guyane');
    expect(settings?.city).toBe('Cayenne');
    expect(settings?.postcode).toBe('97300');
    expect(settings?.status).toBe(
      'Fonds de dotation régi par l’article 140 de la loi n° 2008-776 du 4 août 2008',
    );
    expect(settings?.signer_name).toBeTruthy();
    expect(settings?.signer_role).toBeTruthy();
    expect(settings?.object?.length).toBeGreaterThan(40);
  });

  it('has the four standing sub-funds and a SUBV-<year>-<n> one per awarded grant', async () => {
    const funds = await rows<{ code: string; kind: string; consumable: boolean }>(
      database,
      sql`select code, kind, consumable from sub_funds order by code`,
    );
    const byCode = new Map(funds.map((f) => [f.code, f]));
    expect(byCode.get('LIBRE')?.kind).toBe('unrestricted');
    expect(byCode.get('DOTATION')).toMatchObject({ kind: 'endowment', consumable: false });
    expect(byCode.get('JARDINS')?.kind).toBe('restricted');
    expect(byCode.get('KOUROU')?.kind).toBe('restricted');
    const subv = funds.filter((f) => f.code.startsWith('SUBV-'));
    expect(subv.length).toBeGreaterThanOrEqual(4);
    for (const f of subv) expect(f.code).toMatch(/^SUBV-20\d\d-\d+$/);
    const [linked] = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from grants g join sub_funds s on s.id = g.sub_fund_id
          where s.grant_id = g.id and s.kind = 'restricted' and g.amount_awarded_cents is not null`,
    );
    expect(Number(linked?.n)).toBe(subv.length);
  });

  it('opens the books with the 15 000 € endowment, untouched since', async () => {
    const [first] = await rows<{ code: string; amount: number; kind: string; on: string }>(
      database,
      sql`select s.code, l.amount_cents::int as amount, l.kind, l.occurred_on::text as on
          from ledger_entries l join sub_funds s on s.id = l.sub_fund_id
          order by l.occurred_on, l.created_at limit 1`,
    );
    expect(first).toEqual({
      code: 'DOTATION',
      amount: 1_500_000,
      kind: 'donation',
      on: '2023-11-23',
    });
    const [endowment] = await rows<{ total: number; n: number }>(
      database,
      sql`select sum(l.amount_cents)::int as total, count(*)::int as n from ledger_entries l
          join sub_funds s on s.id = l.sub_fund_id where s.code = 'DOTATION'`,
    );
    expect(endowment).toEqual({ total: 1_500_000, n: 1 });
  });

  it('never lets a sub-fund go below zero on any day', async () => {
    const negative = await rows<{ code: string; on: string; running: number }>(
      database,
      sql`select code, on_day::text as on, running::bigint as running from (
            select s.code, d.on_day,
                   sum(d.day_total) over (partition by s.id order by d.on_day) as running
            from (select sub_fund_id, occurred_on as on_day, sum(amount_cents) as day_total
                  from ledger_entries group by sub_fund_id, occurred_on) d
            join sub_funds s on s.id = d.sub_fund_id) t
          where running < 0`,
    );
    expect(negative).toEqual([]);
    const [money] = await rows<{ out: number }>(
      database,
      sql`select count(*)::int as out from ledger_entries where kind = 'disbursement' and amount_cents < 0`,
    );
    expect(Number(money?.out)).toBeGreaterThan(20);
  });

  it('gives every money donation exactly one ledger entry of its amount, day and sub-fund', async () => {
    const [stats] = await rows<{ n: number; bad: number; first: string; last: string }>(
      database,
      sql`select count(*)::int as n,
                 count(*) filter (where e.n is distinct from 1 or e.amount <> d.amount_cents
                   or e.on_day <> d.received_on or e.fund <> d.sub_fund_id or e.kind <> 'donation')::int as bad,
                 min(d.received_on)::text as first, max(d.received_on)::text as last
          from donations d
          left join lateral (select count(*)::int as n, min(amount_cents) as amount,
                                    min(occurred_on) as on_day, min(sub_fund_id::text)::uuid as fund,
                                    min(kind) as kind
                             from ledger_entries l where l.donation_id = d.id) e on true
          where d.kind = 'money'`,
    );
    expect(Number(stats?.n)).toBeGreaterThan(200);
    expect(Number(stats?.bad)).toBe(0);
    expect(stats?.first).toBe('2023-11-23');
    expect((stats?.last ?? '9999') <= '2026-11-23').toBe(true);
    // The ledger is append-only and erasure cannot rewrite it: no person's name in its labels.
    const [named] = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from ledger_entries l join donations d on d.id = l.donation_id
          join donors p on p.id = d.donor_id
          where p.kind = 'individual' and position(p.name in l.label) > 0`,
    );
    expect(Number(named?.n)).toBe(0);
    const [inKindEntries] = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from ledger_entries l join donations d on d.id = l.donation_id
          where d.kind = 'in_kind'`,
    );
    expect(Number(inKindEntries?.n)).toBe(0);
    const methods = await rows<{ method: string }>(
      database,
      sql`select distinct method from donations where kind = 'money' order by method`,
    );
    expect(methods.map((m) => m.method)).toEqual(['card', 'cash', 'cheque', 'transfer']);
  });

  it('has 60 to 120 donors of every kind, companies and foundations with a valid SIRET', async () => {
    const kinds = await rows<{ kind: string; n: number }>(
      database,
      sql`select kind, count(*)::int as n from donors group by kind order by kind`,
    );
    const total = kinds.reduce((s, k) => s + Number(k.n), 0);
    expect(total).toBeGreaterThanOrEqual(60);
    expect(total).toBeLessThanOrEqual(120);
    const n = (k: string) => Number(kinds.find((x) => x.kind === k)?.n ?? 0);
    expect(n('individual')).toBeGreaterThan(40);
    expect(n('company')).toBeGreaterThan(5);
    expect(n('foundation')).toBeGreaterThanOrEqual(10);
    const sirets = await rows<{ siret: string | null }>(
      database,
      sql`select siret from donors where kind in ('company', 'foundation') and siret is not null`,
    );
    expect(sirets.length).toBeGreaterThan(15);
    for (const s of sirets) expect(luhn14(s.siret ?? ''), s.siret ?? '').toBe(true);
    const [individualSiret] = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from donors where kind = 'individual' and siret is not null`,
    );
    expect(Number(individualSiret?.n)).toBe(0);
    const cities = await rows<{ city: string }>(
      database,
      sql`select distinct city from donors where kind = 'individual' and city is not null`,
    );
    expect(cities.map((c) => c.city)).toEqual(
      expect.arrayContaining(['Cayenne', 'Kourou', 'Matoury']),
    );
  });

  it('records gifts in kind with valuation, evidence, centre, and the circular stream of their mass', async () => {
    const gifts = await rows<{
      category: string;
      mass: number | null;
      stream: string | null;
      method: string;
      evidence: string;
      centre: string;
      partner: string | null;
    }>(
      database,
      sql`select d.category, d.mass_grams::int as mass, d.circular_stream as stream,
                 d.valuation_method as method, d.evidence, c.slug as centre, p.slug as partner
          from donations d join centres c on c.id = d.centre_id
          left join partners p on p.id = d.partner_id where d.kind = 'in_kind'`,
    );
    expect(gifts.length).toBeGreaterThanOrEqual(30);
    const expectedStream: Record<string, string> = {
      furniture: 'furniture',
      it_equipment: 'weee',
      appliances: 'weee',
      clothes: 'textiles',
      bikes: 'bikes',
      building_materials: 'building_materials',
    };
    for (const g of gifts) {
      expect(g.evidence.length).toBeGreaterThan(3);
      if (g.mass !== null) expect(g.stream).toBe(expectedStream[g.category]);
      else expect(g.stream).toBeNull();
    }
    expect(gifts.filter((g) => g.mass !== null).length).toBeGreaterThan(5);
    expect(new Set(gifts.map((g) => g.method))).toEqual(
      new Set(['invoice', 'market_value', 'estimate']),
    );
    expect(gifts.filter((g) => g.centre === 'cayenne-village-chinois').length).toBeGreaterThan(5);
    // Gifts passed on: each in exactly one goods disbursement to the same partner, valued as a sum.
    const passed = gifts.filter((g) => g.partner !== null);
    expect(passed.length).toBeGreaterThan(0);
    const [goods] = await rows<{ bad: number; n: number }>(
      database,
      sql`select count(*)::int as n, count(*) filter (where x.amount_cents <> x.total
                  or x.mismatched > 0 or x.ledger > 0)::int as bad
          from (select b.id, b.amount_cents, sum(d.amount_cents) as total,
                       count(*) filter (where d.partner_id is distinct from b.partner_id) as mismatched,
                       (select count(*) from ledger_entries l where l.disbursement_id = b.id) as ledger
                from disbursements b join disbursement_goods g on g.disbursement_id = b.id
                join donations d on d.id = g.donation_id
                where b.kind = 'goods' group by b.id) x`,
    );
    expect(Number(goods?.n)).toBeGreaterThan(0);
    expect(Number(goods?.bad)).toBe(0);
    const [orphans] = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from donations d where d.partner_id is not null
          and not exists (select 1 from disbursement_goods g where g.donation_id = d.id)`,
    );
    expect(Number(orphans?.n)).toBe(0);
  });

  it('has a dozen grants in every status; received never above awarded, with their ledger entries', async () => {
    const statuses = await rows<{ status: string; n: number }>(
      database,
      sql`select status, count(*)::int as n from grants group by status order by status`,
    );
    expect(statuses.map((s) => s.status)).toEqual([
      'awarded',
      'closed',
      'draft',
      'rejected',
      'report_due',
      'submitted',
    ]);
    expect(statuses.reduce((s, x) => s + Number(x.n), 0)).toBeGreaterThanOrEqual(12);
    const [bad] = await rows<{ n: number; over: number; missing: number }>(
      database,
      sql`select count(*)::int as n,
            count(*) filter (where coalesce(x.received, 0) > coalesce(g.amount_awarded_cents, 0)
                               or coalesce(x.scheduled, 0) > coalesce(g.amount_awarded_cents, 0))::int as over,
            count(*) filter (where coalesce(x.received, 0) <> coalesce(x.ledger, 0))::int as missing
          from grants g left join lateral (
            select sum(i.amount_cents) as scheduled,
                   sum(i.amount_cents) filter (where i.received_on is not null) as received,
                   (select sum(l.amount_cents) from ledger_entries l
                     join grant_instalments j on j.id = l.grant_instalment_id
                     where j.grant_id = g.id and l.kind = 'grant_instalment'
                       and l.sub_fund_id = g.sub_fund_id) as ledger
            from grant_instalments i where i.grant_id = g.id) x on true`,
    );
    expect(Number(bad?.over)).toBe(0);
    expect(Number(bad?.missing)).toBe(0);
    const [funders] = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from grants g join donors d on d.id = g.funder_id
          where d.kind not in ('foundation', 'public_body')`,
    );
    expect(Number(funders?.n)).toBe(0);
    const [pending] = await rows<{ n: number }>(
      database,
      sql`select count(*)::int as n from grant_instalments where received_on is null`,
    );
    expect(Number(pending?.n)).toBeGreaterThan(0);
  });

  it('pays money out on board decisions, each with one ledger entry of minus its amount', async () => {
    const [stats] = await rows<{ n: number; bad: number; centres: number; partners: number }>(
      database,
      sql`select count(*)::int as n,
            count(*) filter (where b.paid_on < b.decision_on or b.paid_on > '2026-11-23'
              or (select count(*) from ledger_entries l where l.disbursement_id = b.id
                   and l.amount_cents = -b.amount_cents and l.sub_fund_id = b.sub_fund_id
                   and l.occurred_on = b.paid_on) <> 1)::int as bad,
            count(distinct b.centre_id)::int as centres, count(distinct b.partner_id)::int as partners
          from disbursements b where b.kind = 'money'`,
    );
    expect(Number(stats?.n)).toBeGreaterThan(20);
    expect(Number(stats?.bad)).toBe(0);
    expect(Number(stats?.centres)).toBeGreaterThanOrEqual(5);
    expect(Number(stats?.partners)).toBeGreaterThanOrEqual(2);
    const refs = await rows<{ ref: string }>(
      database,
      sql`select distinct decision_ref as ref from disbursements`,
    );
    for (const r of refs) expect(r.ref).toMatch(/^CA-20\d\d-\d\d$/);
  });

  it('has receipts of the past years, numbered without gaps within each year of issue', async () => {
    const years = await rows<{
      year: number;
      n: number;
      max: number;
      distinct: number;
      bad: number;
    }>(
      database,
      sql`select year, count(*)::int as n, max(sequence)::int as max,
                 count(distinct sequence)::int as distinct,
                 count(*) filter (where extract(year from issued_on)::int <> year
                   or number <> year || '-' || lpad(sequence::text, 6, '0')
                   or issued_on > '2026-11-23')::int as bad
          from receipts group by year order by year`,
    );
    expect(years.map((y) => y.year)).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(years.every((y) => y.year >= 2023 && y.year <= 2026)).toBe(true);
    for (const y of years) {
      expect([y.distinct, y.max]).toEqual([y.n, y.n]);
      expect(Number(y.bad)).toBe(0);
    }
    // Annual receipts cover gifts of the year before; no gift is on two live receipts.
    const [checks] = await rows<{
      wrongYear: number;
      twice: number;
      anonymous: number;
      cancelled: number;
    }>(
      database,
      sql`select
            (select count(*)::int from receipts r join receipt_donations rd on rd.receipt_id = r.id
               join donations d on d.id = rd.donation_id
             where r.kind = 'annual' and extract(year from d.received_on)::int <> r.year - 1) as "wrongYear",
            (select count(*)::int from (select donation_id from receipt_donations where live
               group by donation_id having count(*) > 1) x) as twice,
            (select count(*)::int from receipt_donations rd join donations d on d.id = rd.donation_id
             where d.donor_id is null) as anonymous,
            (select count(*)::int from receipts c join receipts r on r.replaces_id = c.id
             where c.status = 'cancelled') as cancelled`,
    );
    expect(checks).toEqual({ wrongYear: 0, twice: 0, anonymous: 0, cancelled: 1 });
  });

  it('creates nothing on a second run', async () => {
    await seedDemoNetwork(database.db, today);
    expect(await countAll()).toEqual(counts);
    await seedDemoNetwork(database.db, today.add({ days: 40 }));
    expect(await countAll()).toEqual(counts);
  }, 120_000);
});
