import type { LedgerEntry, SubFundKind } from '@lakou/domain/fund';
import { availableOf } from '@lakou/domain/fund';
import { asc, eq, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../db/client.ts';
import { ledgerEntries, organisations, subFunds } from '../db/schema/index.ts';

/** A database handle or an open transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

/** The fund keeps its books in French Guiana's calendar. */
export const FUND_TIME_ZONE = 'America/Cayenne';

/** Today in the fund's calendar (AAAA-MM-JJ). */
export function fundToday(now: Temporal.Instant = Temporal.Now.instant()): string {
  return now.toZonedDateTimeISO(FUND_TIME_ZONE).toPlainDate().toString();
}

/** The organisation this installation serves (the first one), or undefined before the seed. */
export async function organisationId(db: Executor): Promise<string | undefined> {
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  return org?.id;
}

/** Sum of a sub-fund's entries up to the end of `at` (all of them without a date). */
export async function balanceOf(db: Executor, subFundId: string, at?: string): Promise<number> {
  const [row] = await db
    .select({
      cents: sql<number>`coalesce(sum(${ledgerEntries.amountCents}), 0)`.mapWith(Number),
    })
    .from(ledgerEntries)
    .where(
      at === undefined
        ? eq(ledgerEntries.subFundId, subFundId)
        : sql`${ledgerEntries.subFundId} = ${subFundId} and ${ledgerEntries.occurredOn} <= ${at}`,
    );
  return row?.cents ?? 0;
}

export interface LockedSubFund {
  id: string;
  organisationId: string;
  code: string;
  name: string;
  kind: SubFundKind;
  consumable: boolean;
  balanceCents: number;
  availableCents: number;
}

/**
 * Locks a sub-fund's row for the rest of the transaction and reads its balance: every writer of
 * outflows on the sub-fund goes through here, so two of them never both spend the same euro.
 */
export async function lockSubFund(tx: Tx, subFundId: string): Promise<LockedSubFund | undefined> {
  const [fund] = await tx.select().from(subFunds).where(eq(subFunds.id, subFundId)).for('update');
  if (!fund) return undefined;
  const balanceCents = await balanceOf(tx, subFundId);
  const kind = fund.kind as SubFundKind;
  return {
    id: fund.id,
    organisationId: fund.organisationId,
    code: fund.code,
    name: fund.name,
    kind,
    consumable: fund.consumable,
    balanceCents,
    availableCents: availableOf({ kind, consumable: fund.consumable }, balanceCents),
  };
}

export type NewEntry = typeof ledgerEntries.$inferInsert;

/** Appends one entry (the table refuses updates and deletes). */
export async function appendEntry(tx: Tx, entry: NewEntry) {
  const [row] = await tx.insert(ledgerEntries).values(entry).returning();
  if (!row) throw new Error('ledger entry not written');
  return row;
}

type EntryRow = typeof ledgerEntries.$inferSelect;

/** The API's view of an entry; `reversedById` comes from the correction that names it. */
export function toLedgerEntry(
  row: EntryRow,
  extra: { grantId?: string | null; reversedById?: string | null } = {},
): LedgerEntry {
  return {
    id: row.id,
    subFundId: row.subFundId,
    occurredOn: row.occurredOn,
    amountCents: row.amountCents,
    kind: row.kind as LedgerEntry['kind'],
    label: row.label,
    donationId: row.donationId,
    grantId: extra.grantId ?? null,
    disbursementId: row.disbursementId,
    reversesId: row.reversesId,
    reversedById: extra.reversedById ?? null,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}
