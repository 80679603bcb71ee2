import type { DonorKind, GrantStatus, SubFundKind } from '@lakou/domain/fund';
import type {
  DisbursementKind,
  FundAggregates,
  FundKpiFigures,
  InflowKind,
  ReceiptKind,
  SubFundAggregate,
} from '@lakou/reports/fund';
import { BUCKET_SQL_FORMAT, type Granularity } from '@lakou/reports/model';
import { type SQL, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { rowsOf } from '../circular/reports.sql.ts';
import type { Db } from '../db/client.ts';
import { FUND_TIME_ZONE } from '../fund/fund.queries.ts';
import { balancesOn, ledgerSumsBefore } from '../fund/funds.views.ts';
import { splitByMonths } from './recycling.queries.ts';

/**
 * The SQL behind the fund report. Everything is summed in the database: per bucket with
 * `to_char(<date>, BUCKET_SQL_FORMAT[g])`, running balances with a window sum over the buckets.
 * The rules are the fund's own: a sub-fund's balance is the sum of its ledger entries up to a
 * day (`balancesOn`); a correction counts with the entry it reverses (its kind, gift, grant or
 * disbursement), at its own date.
 */

export interface Period {
  from: string;
  to: string;
}

/** How the report is summed. */
export interface FundSumOptions {
  /** false: sum the ledger entries themselves for every bucket (what the monthly sums are checked against). */
  monthly?: boolean;
}

/** Every centre (the whole network), or only these. */
export type CentreScope = 'all' | readonly string[];

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** The bucket format as an SQL literal: the same text in SELECT and GROUP BY (a parameter would not be). */
const fmt = (g: Granularity) => sql.raw(`'${BUCKET_SQL_FORMAT[g]}'`);

const inCentres = (column: SQL, scope: CentreScope): SQL => {
  if (scope === 'all') return sql`true`;
  if (scope.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    scope.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
};

/**
 * Whether a period's entries look up what they refer to one by one (the entry a correction
 * reverses, the gift and its donor) rather than join whole tables: up to about a year and a
 * month (the board's default reading and its comparison), where the planner would otherwise hash
 * the whole ledger and every gift — a cost that grows with the years stored, not the period. Over
 * longer spans most rows are read anyway and the joins are cheaper. Both give the same rows.
 */
export const LOOKUP_DAYS = 400;
const daysOf = (p: Period) =>
  Temporal.PlainDate.from(p.from).until(Temporal.PlainDate.from(p.to)).days;
const byLookup = (spans: readonly Period[]) =>
  spans.reduce((n, p) => n + daysOf(p), 0) <= LOOKUP_DAYS;

/** The entry `e` reverses, if any, as `o` (`offset 0` keeps the lookup from being flattened into a join). */
const reversedOf = (lookup: boolean): SQL =>
  lookup
    ? sql`left join lateral (select o.kind, o.donation_id, o.grant_instalment_id, o.disbursement_id
          from ledger_entries o where o.id = e.reverses_id offset 0) o on true`
    : sql`left join ledger_entries o on o.id = e.reverses_id`;

/** The gift `e` (or the entry it reverses) records, as `gift` (its `donor_id` is what is read). */
const giftOf = (lookup: boolean): SQL =>
  lookup
    ? sql`left join lateral (select gift.donor_id from donations gift
          where gift.id = coalesce(e.donation_id, o.donation_id) offset 0) gift on true`
    : sql`left join donations gift on gift.id = coalesce(e.donation_id, o.donation_id)`;

/** `date` in one of the spans (both ends included). */
const inSpans = (date: SQL, spans: readonly Period[]): SQL =>
  sql`(${sql.join(
    spans.map((s) => sql`${date} between ${s.from}::date and ${s.to}::date`),
    sql` or `,
  )})`;

/** The granularities whose buckets are whole calendar months: they can read the monthly sums. */
const MONTHLY: ReadonlySet<Granularity> = new Set(['month', 'quarter', 'year']);

/**
 * The money inflows of some days from the ledger, one row per entry (date, flow, donor, cents):
 * money gifts and grant instalments, a correction with the entry it reverses (its kind, gift or
 * grant); the donor is the gift's, or else the grant's funder.
 */
function ledgerInflowRows(org: string, spans: readonly Period[]): SQL {
  const lookup = byLookup(spans);
  return sql`
    select e.occurred_on as d,
           case coalesce(o.kind, e.kind) when 'donation' then 'money' else 'grant' end as flow,
           coalesce(gift.donor_id, gr.funder_id) as donor_id,
           e.amount_cents as cents
      from ledger_entries e
      ${reversedOf(lookup)}
      ${giftOf(lookup)}
      left join grant_instalments gi on gi.id = coalesce(e.grant_instalment_id, o.grant_instalment_id)
      left join grants gr on gr.id = gi.grant_id
     where e.organisation_id = ${org}::uuid
       and ${inSpans(sql`e.occurred_on`, spans)}
       and (e.kind in ('donation', 'grant_instalment')
            or (e.kind = 'correction' and o.kind in ('donation', 'grant_instalment')))`;
}

/**
 * The same inflows over whole months from `fund_inflow_monthly` (kept by triggers on the ledger
 * and on the gifts' and grants' links to their donor, migration 0021): one row per month, flow
 * and donor, dated the month's first day (in the same month, quarter or year bucket as every day
 * of the month).
 */
function monthlyInflowRows(org: string, months: Period): SQL {
  return sql`
    select m.month as d, m.flow, m.donor_id, m.amount_cents as cents
      from fund_inflow_monthly m
     where m.organisation_id = ${org}::uuid
       and m.month between ${months.from}::date and ${months.to}::date`;
}

/**
 * Inflows, one row per ledger entry or gift in kind (date, flow, donor, cents): money gifts
 * and grant instalments from the ledger (a correction with the entry it reverses), gifts in kind
 * at their valuation. When the scope is some centres, only the gifts in kind destined to them
 * (money is the fund's). For buckets of a month or more, the whole months of the period come
 * from the monthly sums and only the days around them from the entries: the same sums, at a cost
 * that follows the months asked rather than the entries stored. Days and weeks read the entries.
 */
function inflowRows(
  org: string,
  p: Period,
  g: Granularity,
  scope: CentreScope,
  options: FundSumOptions,
): SQL {
  // A gift in kind always names its centre (donations_in_kind_check): saying so lets the
  // (centre, date) index pass over the money gifts, which name none.
  const inKind = sql`
    select d.received_on as d, 'in_kind' as flow, d.donor_id, d.amount_cents as cents
      from donations d
     where d.organisation_id = ${org}::uuid and d.kind = 'in_kind' and d.centre_id is not null
       and d.received_on between ${p.from}::date and ${p.to}::date
       and ${inCentres(sql`d.centre_id`, scope)}`;
  if (scope !== 'all') return inKind;
  const split =
    options.monthly !== false && MONTHLY.has(g)
      ? splitByMonths(p.from, p.to)
      : { months: null, days: [{ from: p.from, to: p.to }] };
  const parts: SQL[] = [];
  if (split.days.length > 0) parts.push(ledgerInflowRows(org, split.days));
  if (split.months) parts.push(monthlyInflowRows(org, split.months));
  parts.push(inKind);
  return sql.join(parts, sql` union all `);
}

/**
 * Disbursements, one row per ledger movement or goods disbursement: money paid (the ledger's
 * disbursement entries, and corrections of them, sign turned), goods at their valuation.
 */
function disbursementRows(org: string, p: Period, g: Granularity, scope: CentreScope): SQL {
  return sql`
    select to_char(e.occurred_on, ${fmt(g)}) as bucket, 'money' as kind, d.id,
           d.centre_id, d.partner_id, -e.amount_cents as cents, e.kind = 'correction' as is_correction
      from ledger_entries e
      ${reversedOf(byLookup([p]))}
      join disbursements d on d.id = coalesce(e.disbursement_id, o.disbursement_id)
     where e.organisation_id = ${org}::uuid
       and e.occurred_on between ${p.from}::date and ${p.to}::date
       and e.kind in ('disbursement', 'correction')
       and (e.kind = 'disbursement' or (e.kind = 'correction' and o.kind = 'disbursement'))
       and ${inCentres(sql`d.centre_id`, scope)}
    union all
    select to_char(d.paid_on, ${fmt(g)}), 'goods', d.id, d.centre_id, d.partner_id,
           d.amount_cents, false
      from disbursements d
     where d.organisation_id = ${org}::uuid and d.kind = 'goods'
       and d.paid_on between ${p.from}::date and ${p.to}::date
       and ${inCentres(sql`d.centre_id`, scope)}`;
}

/** Grants decided in the period with an awarded amount. */
function awardedSql(org: string, p: Period, scope: CentreScope): SQL {
  return sql`
    select coalesce(sum(amount_awarded_cents), 0) as cents
      from grants
     where organisation_id = ${org}::uuid and amount_awarded_cents is not null
       and decision_on between ${p.from}::date and ${p.to}::date
       and ${inCentres(sql`centre_id`, scope)}`;
}

/**
 * The key figures of a period (the report's own, or the comparison period's), given its inflow
 * and disbursement totals (summed in SQL with the buckets, see `inflowsOf`, `disbursementsOf`).
 */
export async function fundKpis(
  db: Db,
  org: string,
  p: Period,
  scope: CentreScope,
  totals: { inflowCents: number; disbursedCents: number },
): Promise<FundKpiFigures> {
  const [awarded] = await rowsOf<{ cents: unknown }>(db, awardedSql(org, p, scope));
  const figures: FundKpiFigures = {
    balanceCents: null,
    inflowCents: totals.inflowCents,
    disbursedCents: totals.disbursedCents,
    awardedCents: num(awarded?.cents),
    receiptsCount: null,
    receiptsCents: null,
  };
  if (scope === 'all') {
    // The overview's rule: each sub-fund's entries up to the end of the day, then their total.
    const balances = await balancesOn(db, org, p.to);
    figures.balanceCents = [...balances.values()].reduce((s, c) => s + c, 0);
    const [receipts] = await rowsOf<{ n: unknown; cents: unknown }>(
      db,
      sql`select count(*) as n, coalesce(sum(total_cents), 0) as cents
            from receipts
           where organisation_id = ${org}::uuid and status = 'issued'
             and issued_on between ${p.from}::date and ${p.to}::date`,
    );
    figures.receiptsCount = num(receipts?.n);
    figures.receiptsCents = num(receipts?.cents);
  }
  return figures;
}

/**
 * Sub-funds with an entry by the end of the period: balances per bucket, opening, movements.
 * For buckets of a month or more, a bucket's net movement is read from `ledger_monthly` for the
 * whole months and from the entries for the days around them; the credits and debits over the
 * period (positive and negative entries apart) can only come from the entries, in one plain sum
 * per sub-fund.
 */
async function subFundBalances(
  db: Db,
  org: string,
  p: Period,
  g: Granularity,
  options: FundSumOptions,
) {
  const split =
    options.monthly !== false && MONTHLY.has(g)
      ? splitByMonths(p.from, p.to)
      : { months: null, days: [{ from: p.from, to: p.to }] };
  // The period's movements: whole months from ledger_monthly (their net sum and their credits),
  // the days around them from the entries.
  const moveParts: SQL[] = [];
  if (split.days.length > 0)
    moveParts.push(sql`select sub_fund_id, occurred_on as d, amount_cents as cents,
             greatest(amount_cents, 0) as credits
        from ledger_entries
       where organisation_id = ${org}::uuid and ${inSpans(sql`occurred_on`, split.days)}`);
  if (split.months)
    moveParts.push(sql`select sub_fund_id, month as d, amount_cents as cents, credits_cents as credits
        from ledger_monthly
       where organisation_id = ${org}::uuid
         and month between ${split.months.from}::date and ${split.months.to}::date`);
  // A month, quarter or year bucket is the same for every day of a month: one row per month.
  const buckets = MONTHLY.has(g)
    ? sql`select to_char(m, ${fmt(g)}) as bucket, min(greatest(m::date, ${p.from}::date)) as starts
            from generate_series(date_trunc('month', ${p.from}::timestamp), ${p.to}::timestamp,
                                 interval '1 month') as m
           group by 1`
    : sql`select to_char(${p.from}::date + i, ${fmt(g)}) as bucket, min(${p.from}::date + i) as starts
            from generate_series(0, ${p.to}::date - ${p.from}::date) as i
           group by 1`;
  const running = sql`
    with buckets as (${buckets}),
    opening as (${ledgerSumsBefore(org, sql`${p.from}::date`)}),
    parts as materialized (
      select sub_fund_id, d, sum(cents) as cents, sum(credits) as credits
        from (${sql.join(moveParts, sql` union all `)}) x
       group by 1, 2
    ),
    moves as (
      select sub_fund_id, to_char(d, ${fmt(g)}) as bucket, sum(cents) as cents
        from parts
       group by 1, 2
    ),
    flows as (
      select sub_fund_id, sum(credits) as credits, sum(cents) - sum(credits) as debits
        from parts
       group by sub_fund_id
    ),
    running as (
      select f.id, f.code, f.name, f.kind, b.bucket, b.starts,
             coalesce(o.cents, 0) as opening,
             coalesce(o.cents, 0)
               + sum(coalesce(m.cents, 0)) over (partition by f.id order by b.starts) as balance
        from sub_funds f
        cross join buckets b
        left join opening o on o.sub_fund_id = f.id
        left join moves m on m.sub_fund_id = f.id and m.bucket = b.bucket
       where f.organisation_id = ${org}::uuid
         and exists (select 1 from ledger_entries x
                      where x.sub_fund_id = f.id and x.occurred_on <= ${p.to}::date)
    )`;
  // One pass over the running balances. grouping(id, bucket, kind): 0 = a sub-fund's bucket,
  // 4 = a kind's bucket, 2 = a sub-fund over the period (closing: opening plus its entries).
  const rows = await rowsOf<{
    level: unknown;
    id: string | null;
    code: string | null;
    name: string | null;
    kind: SubFundKind;
    bucket: string | null;
    balance: unknown;
    opening: unknown;
    credits: unknown;
    debits: unknown;
    closing: unknown;
  }>(
    db,
    sql`${running}
      select t.level, t.id::text as id, t.code, t.name, t.kind, t.bucket, t.balance, t.opening,
             coalesce(fl.credits, 0) as credits, coalesce(fl.debits, 0) as debits,
             t.opening + coalesce(fl.credits, 0) + coalesce(fl.debits, 0) as closing
        from (select grouping(id, bucket, kind) as level, id, code, name, kind, bucket,
                     sum(balance) as balance, max(opening) as opening
                from running
               group by grouping sets ((id, code, name, kind, bucket), (kind, bucket),
                                       (id, code, name, kind))) t
        left join flows fl on t.level = 2 and fl.sub_fund_id = t.id
       order by case t.kind when 'unrestricted' then 0 when 'restricted' then 1 else 2 end, t.code`,
  );
  const perFund = rows.filter((r) => num(r.level) === 0);
  const perKind = rows.filter((r) => num(r.level) === 4);
  const funds = rows
    .filter((r) => num(r.level) === 2)
    .map((r) => ({
      id: r.id ?? '',
      code: r.code ?? '',
      name: r.name ?? '',
      kind: r.kind,
      opening: num(r.opening),
      credits: num(r.credits),
      debits: num(r.debits),
      closing: num(r.closing),
    }));
  const balances = new Map<string, Map<string, number>>();
  for (const r of perFund) {
    const m = balances.get(r.id ?? '') ?? new Map<string, number>();
    m.set(r.bucket ?? '', num(r.balance));
    balances.set(r.id ?? '', m);
  }
  const byKind = new Map<SubFundKind, Map<string, number>>();
  for (const r of perKind) {
    const m = byKind.get(r.kind) ?? new Map<string, number>();
    m.set(r.bucket ?? '', num(r.balance));
    byKind.set(r.kind, m);
  }
  const subFunds: SubFundAggregate[] = funds.map((f) => ({
    id: f.id,
    code: f.code,
    name: f.name,
    kind: f.kind,
    openingCents: num(f.opening),
    creditsCents: num(f.credits),
    debitsCents: num(f.debits),
    closingCents: num(f.closing),
    balances: balances.get(f.id) ?? new Map(),
  }));
  return { subFunds, balancesByKind: byKind };
}

function nest<K, V>(rows: readonly { outer: K; bucket: string; value: V }[]) {
  const out = new Map<K, Map<string, V>>();
  for (const r of rows) {
    const m = out.get(r.outer) ?? new Map<string, V>();
    m.set(r.bucket, r.value);
    out.set(r.outer, m);
  }
  return out;
}

/**
 * Inflows of a period per bucket and flow, per donor type and flow, and in total: the donors'
 * kinds (read now: a kind may change) joined once to all the rows, a sum per day (or month),
 * flow and donor type — a few hundred rows, each given its bucket once — then the grouping sets
 * on those. grouping(bucket, donor_kind, flow): 2 = per bucket and flow,
 * 4 = per donor type and flow, 7 = all.
 */
async function inflowsOf(
  db: Db,
  org: string,
  p: Period,
  g: Granularity,
  scope: CentreScope,
  options: FundSumOptions,
) {
  const rows = await rowsOf<{
    level: unknown;
    bucket: string | null;
    donor_kind: DonorKind | null;
    flow: InflowKind;
    cents: unknown;
  }>(
    db,
    sql`select grouping(bucket, donor_kind, flow) as level, bucket, donor_kind, flow,
               sum(cents) as cents
          from (select to_char(r.d, ${fmt(g)}) as bucket, r.flow, dn.kind as donor_kind,
                       sum(r.cents) as cents
                  from (${inflowRows(org, p, g, scope, options)}) r
                  left join donors dn on dn.id = r.donor_id
                 group by r.d, r.flow, dn.kind) f
         group by grouping sets ((bucket, flow), (donor_kind, flow), ())`,
  );
  return {
    byBucket: nest(
      rows
        .filter((r) => num(r.level) === 2)
        .map((r) => ({ outer: r.flow, bucket: r.bucket ?? '', value: num(r.cents) })),
    ),
    byDonorKind: rows
      .filter((r) => num(r.level) === 4)
      .map((r) => ({ donorKind: r.donor_kind, kind: r.flow, cents: num(r.cents) })),
    totalCents: num(rows.find((r) => num(r.level) === 7)?.cents),
  };
}

/**
 * Disbursements of a period per bucket and kind, per beneficiary, and in total.
 * grouping(bucket, kind, centre_id, partner_id): 3 = per bucket and kind, 12 = per beneficiary,
 * 15 = all.
 */
async function disbursementsOf(db: Db, org: string, p: Period, g: Granularity, scope: CentreScope) {
  const rows = await rowsOf<{
    level: unknown;
    bucket: string | null;
    kind: DisbursementKind | null;
    centre_id: string | null;
    partner_id: string | null;
    name: string | null;
    n: unknown;
    money: unknown;
    goods: unknown;
    cents: unknown;
  }>(
    db,
    sql`select t.*, coalesce(c.name, pa.name) as name
          from (select grouping(bucket, kind, centre_id, partner_id) as level, bucket, kind,
                       centre_id::text as centre_id, partner_id::text as partner_id,
                       count(distinct id) filter (where not is_correction) as n,
                       coalesce(sum(cents) filter (where kind = 'money'), 0) as money,
                       coalesce(sum(cents) filter (where kind = 'goods'), 0) as goods,
                       sum(cents) as cents
                  from (${disbursementRows(org, p, g, scope)}) d
                 group by grouping sets ((bucket, kind), (centre_id, partner_id), ())) t
          left join centres c on c.id::text = t.centre_id
          left join partners pa on pa.id::text = t.partner_id`,
  );
  return {
    byBucket: nest(
      rows
        .filter((r) => num(r.level) === 3)
        .map((r) => ({ outer: r.kind ?? 'money', bucket: r.bucket ?? '', value: num(r.cents) })),
    ),
    byBeneficiary: rows
      .filter((r) => num(r.level) === 12)
      .map((r) => ({
        centreId: r.centre_id,
        partnerId: r.partner_id,
        name: r.name ?? '',
        count: num(r.n),
        moneyCents: num(r.money),
        goodsCents: num(r.goods),
      })),
    totalCents: num(rows.find((r) => num(r.level) === 15)?.cents),
  };
}

/** The comparison period's key figures and chart values, when one is asked. */
async function comparisonOf(
  db: Db,
  org: string,
  comparison: Period | null,
  g: Granularity,
  scope: CentreScope,
  options: FundSumOptions,
): Promise<Pick<FundAggregates, 'previous' | 'previousByBucket'>> {
  if (!comparison) return { previous: null, previousByBucket: null };
  const inflows = await inflowsOf(db, org, comparison, g, scope, options);
  const outflows = await disbursementsOf(db, org, comparison, g, scope);
  return {
    previous: await fundKpis(db, org, comparison, scope, {
      inflowCents: inflows.totalCents,
      disbursedCents: outflows.totalCents,
    }),
    previousByBucket: { inflows: inflows.byBucket, disbursements: outflows.byBucket },
  };
}

const empty = (kpis: FundKpiFigures, previous: FundKpiFigures | null): FundAggregates => ({
  network: null,
  inflowsByBucket: new Map(),
  inflowsByDonorKind: [],
  grants: [],
  disbursementsByBucket: new Map(),
  disbursementsByBeneficiary: [],
  kpis,
  previous,
});

/** Everything the fund report shows, aggregated in the database. */
export async function fundAggregates(
  db: Db,
  org: string | undefined,
  p: Period & { granularity: Granularity },
  comparison: Period | null,
  scope: CentreScope,
  options: FundSumOptions = {},
): Promise<FundAggregates> {
  const g = p.granularity;
  if (!org) {
    const zero: FundKpiFigures = {
      balanceCents: scope === 'all' ? 0 : null,
      inflowCents: 0,
      disbursedCents: 0,
      awardedCents: 0,
      receiptsCount: scope === 'all' ? 0 : null,
      receiptsCents: scope === 'all' ? 0 : null,
    };
    return empty(zero, comparison ? zero : null);
  }

  const grantsRead = rowsOf<{
    status: GrantStatus;
    n: unknown;
    requested: unknown;
    awarded: unknown;
  }>(
    db,
    sql`select status, count(*) as n, sum(amount_requested_cents) as requested,
               coalesce(sum(amount_awarded_cents), 0) as awarded
          from grants
         where organisation_id = ${org}::uuid
           and coalesce(submitted_on, (created_at at time zone ${FUND_TIME_ZONE})::date) <= ${p.to}::date
           and (closed_on is null or closed_on >= ${p.from}::date)
           and ${inCentres(sql`centre_id`, scope)}
         group by status`,
  );

  /** The network-level figures (balances, receipts): for the whole network alone. */
  const networkRead = async (): Promise<FundAggregates['network']> => {
    if (scope !== 'all') return null;
    const { subFunds, balancesByKind } = await subFundBalances(db, org, p, g, options);
    const receipts = await rowsOf<{
      kind: ReceiptKind;
      n: unknown;
      total: unknown;
      money: unknown;
      in_kind: unknown;
      cancelled: unknown;
    }>(
      db,
      sql`select kind,
                 count(*) filter (where status = 'issued') as n,
                 coalesce(sum(total_cents) filter (where status = 'issued'), 0) as total,
                 coalesce(sum(money_cents) filter (where status = 'issued'), 0) as money,
                 coalesce(sum(in_kind_cents) filter (where status = 'issued'), 0) as in_kind,
                 count(*) filter (where status = 'cancelled') as cancelled
            from receipts
           where organisation_id = ${org}::uuid
             and issued_on between ${p.from}::date and ${p.to}::date
           group by kind`,
    );
    return {
      subFunds,
      balancesByKind,
      receipts: receipts
        .filter((r) => num(r.n) > 0)
        .map((r) => ({
          kind: r.kind,
          count: num(r.n),
          totalCents: num(r.total),
          moneyCents: num(r.money),
          inKindCents: num(r.in_kind),
        })),
      cancelledReceipts: receipts.reduce((s, r) => s + num(r.cancelled), 0),
    };
  };

  // The parts are independent: read at once (on PostgreSQL, on several connections of the pool).
  const [inflows, outflows, grants, network, compared] = await Promise.all([
    inflowsOf(db, org, p, g, scope, options),
    disbursementsOf(db, org, p, g, scope),
    grantsRead,
    networkRead(),
    comparisonOf(db, org, comparison, g, scope, options),
  ]);

  return {
    network,
    inflowsByBucket: inflows.byBucket,
    inflowsByDonorKind: inflows.byDonorKind,
    grants: grants.map((r) => ({
      status: r.status,
      count: num(r.n),
      requestedCents: num(r.requested),
      awardedCents: num(r.awarded),
    })),
    disbursementsByBucket: outflows.byBucket,
    disbursementsByBeneficiary: outflows.byBeneficiary,
    kpis: await fundKpis(db, org, p, scope, {
      inflowCents: inflows.totalCents,
      disbursedCents: outflows.totalCents,
    }),
    ...compared,
  };
}
