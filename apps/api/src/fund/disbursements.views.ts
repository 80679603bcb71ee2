import type { Disbursement } from '@lakou/domain/fund';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  centres,
  disbursementGoods,
  disbursements,
  ledgerEntries,
  partners,
} from '../db/schema/index.ts';
import type { Executor } from './fund.queries.ts';

type DisbursementRow = typeof disbursements.$inferSelect;

const reversal = alias(ledgerEntries, 'reversal');

/** The API's view: beneficiary's name, goods passed on, the ledger entry and whether it was corrected. */
export async function toDisbursements(
  db: Executor,
  rows: DisbursementRow[],
): Promise<Disbursement[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const centreIds = rows.flatMap((r) => (r.centreId ? [r.centreId] : []));
  const partnerIds = rows.flatMap((r) => (r.partnerId ? [r.partnerId] : []));
  const names = new Map<string, string>();
  if (centreIds.length) {
    for (const c of await db
      .select({ id: centres.id, name: centres.name })
      .from(centres)
      .where(inArray(centres.id, centreIds)))
      names.set(c.id, c.name);
  }
  if (partnerIds.length) {
    for (const p of await db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(inArray(partners.id, partnerIds)))
      names.set(p.id, p.name);
  }
  const goods = await db
    .select()
    .from(disbursementGoods)
    .where(inArray(disbursementGoods.disbursementId, ids))
    .orderBy(asc(disbursementGoods.donationId));
  const entries = await db
    .select({
      id: ledgerEntries.id,
      disbursementId: ledgerEntries.disbursementId,
      reversedBy: reversal.id,
    })
    .from(ledgerEntries)
    .leftJoin(reversal, eq(reversal.reversesId, ledgerEntries.id))
    .where(and(inArray(ledgerEntries.disbursementId, ids), eq(ledgerEntries.kind, 'disbursement')));
  return rows.map((row) => {
    const entry = entries.find((e) => e.disbursementId === row.id);
    return {
      id: row.id,
      kind: row.kind as Disbursement['kind'],
      centreId: row.centreId,
      partnerId: row.partnerId,
      beneficiaryName: names.get(row.centreId ?? row.partnerId ?? '') ?? '',
      subFundId: row.subFundId,
      amountCents: row.amountCents,
      donationIds: goods.filter((g) => g.disbursementId === row.id).map((g) => g.donationId),
      purpose: row.purpose,
      decisionOn: row.decisionOn,
      decisionRef: row.decisionRef,
      paidOn: row.paidOn,
      ledgerEntryId: entry?.id ?? null,
      reversed: entry?.reversedBy != null,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export async function disbursementView(
  db: Executor,
  id: string,
): Promise<Disbursement | undefined> {
  const [row] = await db.select().from(disbursements).where(eq(disbursements.id, id));
  if (!row) return undefined;
  const [view] = await toDisbursements(db, [row]);
  return view;
}
