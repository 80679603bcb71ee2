import { randomUUID } from 'node:crypto';
import type { CustomFieldDefinition, CustomValues } from '@lakou/domain/config';
import type { Donation, DonorKind, PaymentMethod } from '@lakou/domain/fund';
import { PAYMENT_METHOD_LABELS } from '@lakou/domain/fund';
import { eq, sql } from 'drizzle-orm';
import { visibleCustomAt } from '../config/custom-values.ts';
import { networkDefinitions } from '../config/row-custom.ts';
import { donations, donors, ledgerEntries } from '../db/schema/index.ts';
import { appendEntry, type Executor, type Tx } from './fund.queries.ts';

export type DonationRow = typeof donations.$inferSelect;

/** A money gift to record: the donation row and its `donation` entry on the sub-fund's ledger. */
export interface MoneyGift {
  organisationId: string;
  donorId: string | null;
  /** Who gave, for the ledger's label; null for an anonymous gift. */
  donor: { kind: DonorKind; name: string } | null;
  receivedOn: string;
  amountCents: number;
  method: PaymentMethod;
  subFundId: string;
  reference?: string | null;
  note?: string | null;
  importId?: string | null;
  createdBy?: string | null;
  /** Custom values, already checked (none for an imported bank line). */
  custom?: CustomValues;
}

/**
 * The ledger label of a money gift: « Don de <nom> » for a company, a foundation or a public
 * body; a person's name is not written there, because the ledger is append-only and could never
 * forget it when the person asks for erasure (the gift still names its donor through its row).
 */
export function giftLabel(
  donor: { kind: DonorKind; name: string } | null,
  method: PaymentMethod,
): string {
  const how = PAYMENT_METHOD_LABELS[method].toLowerCase();
  if (!donor) return `Don anonyme (${how})`;
  if (donor.kind === 'individual') return `Don d’un particulier (${how})`;
  return `Don de ${donor.name} (${how})`;
}

function donationValues(gift: MoneyGift, id: string) {
  return {
    id,
    organisationId: gift.organisationId,
    kind: 'money',
    donorId: gift.donorId,
    receivedOn: gift.receivedOn,
    amountCents: gift.amountCents,
    method: gift.method,
    subFundId: gift.subFundId,
    reference: gift.reference ?? null,
    note: gift.note ?? null,
    importId: gift.importId ?? null,
    createdBy: gift.createdBy ?? null,
    custom: gift.custom ?? {},
  } satisfies typeof donations.$inferInsert;
}

function entryValues(gift: MoneyGift, donationId: string) {
  return {
    organisationId: gift.organisationId,
    subFundId: gift.subFundId,
    occurredOn: gift.receivedOn,
    amountCents: gift.amountCents,
    kind: 'donation',
    label: giftLabel(gift.donor, gift.method),
    donationId,
    createdBy: gift.createdBy ?? null,
  } satisfies typeof ledgerEntries.$inferInsert;
}

/**
 * Records one money gift inside the caller's transaction: the donation and its ledger entry
 * commit together or not at all. Returns both rows.
 */
export async function recordMoneyDonation(tx: Tx, gift: MoneyGift) {
  const [donation] = await tx
    .insert(donations)
    .values(donationValues(gift, randomUUID()))
    .returning();
  if (!donation) throw new Error('donation not written');
  const entry = await appendEntry(tx, entryValues(gift, donation.id));
  return { donation, entry };
}

const CHUNK = 500;

/**
 * Records many money gifts (an import, the seed) in a few statements: donations then their
 * ledger entries, by chunks. Same rows as `recordMoneyDonation` one by one; returns the ids in
 * the order given.
 */
export async function recordMoneyDonations(tx: Tx, gifts: readonly MoneyGift[]): Promise<string[]> {
  const ids = gifts.map(() => randomUUID());
  for (let i = 0; i < gifts.length; i += CHUNK) {
    const slice = gifts.slice(i, i + CHUNK);
    await tx.insert(donations).values(slice.map((g, j) => donationValues(g, ids[i + j] as string)));
    await tx
      .insert(ledgerEntries)
      .values(slice.map((g, j) => entryValues(g, ids[i + j] as string)));
  }
  return ids;
}

/**
 * The columns of a donation as the API shows it: the row, its donor's name, live receipt and
 * ledger entry. The subqueries use explicit aliases so that `"donations"."id"` is always the gift.
 */
export const donationColumns = {
  row: donations,
  donorName: donors.name,
  receiptId: sql<
    string | null
  >`(select rd.receipt_id::text from receipt_donations rd where rd.donation_id = "donations"."id" and rd.live limit 1)`,
  receiptNumber: sql<
    string | null
  >`(select r.number from receipt_donations rd join receipts r on r.id = rd.receipt_id where rd.donation_id = "donations"."id" and rd.live limit 1)`,
  ledgerEntryId: sql<
    string | null
  >`(select le.id::text from ledger_entries le where le.donation_id = "donations"."id" and le.kind = 'donation' order by le.created_at limit 1)`,
};

/** The active definitions of both kinds of gift (money: `donation`, goods: `in_kind_donation`). */
export interface DonationDefs {
  money: readonly CustomFieldDefinition[];
  inKind: readonly CustomFieldDefinition[];
}
const NO_DEFS: DonationDefs = { money: [], inKind: [] };

/** The definitions whose values the gifts' read models show. */
export async function donationDefs(db: Executor): Promise<DonationDefs> {
  const [money, inKind] = await Promise.all([
    networkDefinitions(db, 'donation'),
    networkDefinitions(db, 'in_kind_donation'),
  ]);
  return { money, inKind };
}

/** The read model; without `defs`, `custom` is empty. */
export function toDonation(
  v: {
    row: DonationRow;
    donorName: string | null;
    receiptId: string | null;
    receiptNumber: string | null;
    ledgerEntryId: string | null;
  },
  defs: DonationDefs = NO_DEFS,
): Donation {
  const r = v.row;
  return {
    id: r.id,
    kind: r.kind as Donation['kind'],
    donorId: r.donorId,
    donorName: v.donorName,
    receivedOn: r.receivedOn,
    amountCents: r.amountCents,
    method: r.method as Donation['method'],
    subFundId: r.subFundId,
    reference: r.reference,
    note: r.note,
    description: r.description,
    category: r.category as Donation['category'],
    quantity: r.quantity,
    unit: r.unit as Donation['unit'],
    condition: r.condition as Donation['condition'],
    valuationMethod: r.valuationMethod as Donation['valuationMethod'],
    evidence: r.evidence,
    centreId: r.centreId,
    partnerId: r.partnerId,
    massGrams: r.massGrams,
    circularStream: r.circularStream,
    receiptId: v.receiptId,
    receiptNumber: v.receiptNumber,
    ledgerEntryId: v.ledgerEntryId,
    createdAt: r.createdAt.toISOString(),
    custom:
      r.kind === 'money'
        ? visibleCustomAt(defs.money, null, r.custom)
        : visibleCustomAt(defs.inKind, r.centreId, r.custom),
  };
}

/** One donation as the API shows it, or undefined. */
export async function loadDonation(
  db: Executor,
  id: string,
  defs: DonationDefs = NO_DEFS,
): Promise<Donation | undefined> {
  const [found] = await db
    .select(donationColumns)
    .from(donations)
    .leftJoin(donors, eq(donors.id, donations.donorId))
    .where(eq(donations.id, id));
  return found ? toDonation(found, defs) : undefined;
}

/** What the audit log keeps of a gift: everything but the donor's name (it may be erased later). */
export function donationAuditView(d: Donation) {
  const { donorName: _name, ...rest } = d;
  return rest;
}
