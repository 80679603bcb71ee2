import { z } from '@hono/zod-openapi';
import {
  availableOf,
  type LedgerEntry,
  outflowVerdict,
  type SubFund,
  type SubFundKind,
  subFund,
} from '@lakou/domain/fund';
import { and, eq, gt, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { grantInstalments, ledgerEntries, subFunds } from '../db/schema/index.ts';
import {
  type Executor,
  type LockedSubFund,
  lockSubFund,
  type Tx,
  toLedgerEntry,
} from './fund.queries.ts';

/** A refusal of a fund write: its status, French message, machine code and the field it is about. */
export class FundRefusal extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
    readonly code?: string,
    readonly field?: string,
  ) {
    super(message);
  }

  /** The problem document's extra members. */
  extra() {
    return {
      ...(this.code ? { code: this.code } : {}),
      ...(this.field ? { errors: [{ field: this.field, message: this.message }] } : {}),
    };
  }
}

type SubFundRow = typeof subFunds.$inferSelect;

export function toSubFund(row: SubFundRow, balanceCents: number): SubFund {
  const kind = row.kind as SubFundKind;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind,
    purpose: row.purpose,
    centreId: row.centreId,
    grantId: row.grantId,
    consumable: row.consumable,
    balanceCents,
    availableCents: availableOf({ kind, consumable: row.consumable }, balanceCents),
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Each sub-fund's entries dated before `day` (excluded), summed, as SQL (sub_fund_id, cents): the
 * whole months from `ledger_monthly` (kept by a trigger on the ledger), the days of `day`'s own
 * month from the ledger — the same sums as the entries themselves, whatever the years stored.
 */
export function ledgerSumsBefore(organisationId: string, day: SQL): SQL {
  const start = sql`date_trunc('month', (${day})::timestamp)::date`;
  return sql`select s.sub_fund_id, sum(s.cents) as cents from (
      select m.sub_fund_id, m.amount_cents as cents from ledger_monthly m
       where m.organisation_id = ${organisationId}::uuid and m.month < ${start}
      union all
      select e.sub_fund_id, e.amount_cents from ledger_entries e
       where e.organisation_id = ${organisationId}::uuid
         and e.occurred_on >= ${start} and e.occurred_on < ${day}
    ) s group by s.sub_fund_id`;
}

/** Balance of each sub-fund of the organisation at the end of `at`: the sum of its entries up to that day. */
export async function balancesOn(
  db: Executor,
  organisationId: string,
  at: string,
): Promise<Map<string, number>> {
  const result = await db.execute(
    sql`select b.sub_fund_id::text as sub_fund_id, b.cents
          from (${ledgerSumsBefore(organisationId, sql`${at}::date + 1`)}) b`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    sub_fund_id: string;
    cents: string | number;
  }[];
  return new Map(rows.map((r) => [r.sub_fund_id, Number(r.cents)]));
}

/** One sub-fund with its balance at the end of `at`. */
export async function subFundOn(
  db: Executor,
  id: string,
  at: string,
): Promise<SubFund | undefined> {
  const [row] = await db.select().from(subFunds).where(eq(subFunds.id, id));
  if (!row) return undefined;
  const [sum] = await db
    .select({ cents: sql<number>`coalesce(sum(${ledgerEntries.amountCents}), 0)`.mapWith(Number) })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.subFundId, id), lte(ledgerEntries.occurredOn, at)));
  return toSubFund(row, sum?.cents ?? 0);
}

/**
 * The lowest balance the sub-fund shows on `from` or on any later day of its ledger: what an
 * outflow dated `from` may take without the sub-fund going below zero on any day, past or future.
 */
export async function lowestBalanceFrom(tx: Executor, subFundId: string, from: string) {
  const [upTo] = await tx
    .select({ cents: sql<number>`coalesce(sum(${ledgerEntries.amountCents}), 0)`.mapWith(Number) })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.subFundId, subFundId), lte(ledgerEntries.occurredOn, from)));
  const later = await tx
    .select({
      day: ledgerEntries.occurredOn,
      cents: sql<number>`sum(${ledgerEntries.amountCents})`.mapWith(Number),
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.subFundId, subFundId), gt(ledgerEntries.occurredOn, from)))
    .groupBy(ledgerEntries.occurredOn)
    .orderBy(ledgerEntries.occurredOn);
  let running = upTo?.cents ?? 0;
  let lowest = running;
  for (const day of later) {
    running += day.cents;
    lowest = Math.min(lowest, running);
  }
  return lowest;
}

/**
 * Judges an outflow of `amountCents` dated `on` from a sub-fund locked by `lockSubFund`: refused
 * if the sub-fund cannot afford it on that day and on every day after.
 */
export async function checkOutflow(
  tx: Tx,
  fund: LockedSubFund,
  amountCents: number,
  on: string,
  kind: 'disbursement' | 'correction',
): Promise<void> {
  const lowest = await lowestBalanceFrom(tx, fund.id, on);
  const verdict = outflowVerdict(fund, lowest, amountCents, kind);
  if (!verdict.ok) {
    throw new FundRefusal(
      422,
      verdict.reason,
      verdict.code,
      kind === 'disbursement' ? 'amountCents' : undefined,
    );
  }
}

/** Locks the sub-fund (every outflow goes through here), then judges the outflow. */
export async function lockForOutflow(
  tx: Tx,
  subFundId: string,
  amountCents: number,
  on: string,
  kind: 'disbursement' | 'correction',
): Promise<LockedSubFund | undefined> {
  const fund = await lockSubFund(tx, subFundId);
  if (!fund) return undefined;
  await checkOutflow(tx, fund, amountCents, on, kind);
  return fund;
}

const reversal = alias(ledgerEntries, 'reversal');

/** Ledger rows with the grant of their instalment and the correction that reversed them. */
export function entryViews(db: Executor) {
  return db
    .select({
      entry: ledgerEntries,
      grantId: grantInstalments.grantId,
      reversedById: reversal.id,
    })
    .from(ledgerEntries)
    .leftJoin(grantInstalments, eq(grantInstalments.id, ledgerEntries.grantInstalmentId))
    .leftJoin(reversal, eq(reversal.reversesId, ledgerEntries.id));
}

export async function entryView(db: Executor, id: string): Promise<LedgerEntry | undefined> {
  const [row] = await entryViews(db).where(eq(ledgerEntries.id, id));
  return row ? toLedgerEntry(row.entry, row) : undefined;
}

/** The correction reversing each of these entries, if any. */
export async function reversalsOf(db: Executor, entryIds: string[]): Promise<Map<string, string>> {
  if (entryIds.length === 0) return new Map();
  const rows = await db
    .select({ id: ledgerEntries.id, reversesId: ledgerEntries.reversesId })
    .from(ledgerEntries)
    .where(inArray(ledgerEntries.reversesId, entryIds));
  return new Map(rows.flatMap((r) => (r.reversesId ? [[r.reversesId, r.id] as const] : [])));
}

export const fundsOverview = z
  .object({
    at: z.string().describe('Balances at the end of this day (AAAA-MM-JJ).'),
    items: z.array(subFund),
    totals: z.object({
      balanceCents: z.number().int().describe('Everything the fund holds.'),
      availableCents: z.number().int().describe('What disbursements may take.'),
      unrestrictedCents: z.number().int(),
      restrictedCents: z.number().int(),
      endowmentCents: z.number().int(),
      inKindYearCents: z
        .number()
        .int()
        .describe(
          'Valuation of the gifts in kind received from 1 January of that year to that day.',
        ),
    }),
  })
  .meta({ id: 'FundsOverview' });
export type FundsOverview = z.infer<typeof fundsOverview>;
