import {
  type DonorKind,
  ERASED_DONOR_NAME,
  type FundIdentity,
  IN_KIND_CATEGORY_LABELS,
  IN_KIND_CONDITION_LABELS,
  IN_KIND_UNIT_LABELS,
  type InKindCategory,
  legalArticle,
  PAYMENT_METHOD_LABELS,
  type PaymentMethod,
  type Receipt,
  type ReceiptInput,
  type ReceiptKind,
  receiptEligibility,
  receiptNumber,
  VALUATION_METHOD_LABELS,
} from '@lakou/domain/fund';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { loadItems } from '../config/lists.queries.ts';
import { isUniqueViolation } from '../db/errors.ts';
import {
  donations,
  donors,
  fundSettings,
  ledgerEntries,
  receiptCounters,
  receiptDonations,
  receipts,
} from '../db/schema/index.ts';
import type { Executor, Tx } from './fund.queries.ts';
import type { ReceiptSnapshot, SnapshotGift } from './receipt-pdf.ts';

/** A receipt refused for a reason of the domain: the route answers it with its status and code. */
export class ReceiptRefusal extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

type ReceiptRow = typeof receipts.$inferSelect;
type DonorRow = typeof donors.$inferSelect;
type DonationRow = typeof donations.$inferSelect;

/** The fund's identity (fund_settings), or undefined before anyone filled it in. */
export async function readFundIdentity(
  db: Executor,
  organisationId: string,
): Promise<FundIdentity | undefined> {
  const [row] = await db
    .select()
    .from(fundSettings)
    .where(eq(fundSettings.organisationId, organisationId));
  if (!row) return undefined;
  return {
    name: row.name,
    addressLine: row.addressLine,
    postcode: row.postcode,
    city: row.city,
    object: row.object,
    status: row.status,
    signerName: row.signerName,
    signerRole: row.signerRole,
  };
}

const label = <K extends string>(labels: Record<K, string>, key: string | null) =>
  key === null ? null : (labels[key as K] ?? key);

/** A gift as the receipt freezes it; a category's label as the network's list names it today. */
function snapshotGift(d: DonationRow, categoryLabels: Map<string, string>): SnapshotGift {
  return {
    donationId: d.id,
    kind: d.kind as SnapshotGift['kind'],
    receivedOn: d.receivedOn,
    amountCents: d.amountCents,
    method: d.method,
    methodLabel: label<PaymentMethod>(PAYMENT_METHOD_LABELS, d.method),
    description: d.description,
    categoryLabel:
      d.category === null
        ? null
        : (categoryLabels.get(d.category) ??
          label<InKindCategory>(IN_KIND_CATEGORY_LABELS, d.category)),
    quantity: d.quantity,
    unitLabel: label(IN_KIND_UNIT_LABELS, d.unit),
    conditionLabel: label(IN_KIND_CONDITION_LABELS, d.condition),
    valuationLabel: label(VALUATION_METHOD_LABELS, d.valuationMethod),
  };
}

/** Money gifts among `ids` whose ledger entry was reversed by a correction. */
async function reversedGifts(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx
    .select({ donationId: ledgerEntries.donationId })
    .from(ledgerEntries)
    .where(
      and(
        inArray(ledgerEntries.donationId, ids),
        sql`exists (select 1 from ${ledgerEntries} as r where r.reverses_id = ${ledgerEntries.id})`,
      ),
    );
  return new Set(rows.map((r) => r.donationId as string));
}

/** Gifts among `ids` already on a live (not cancelled) receipt. */
async function receiptedGifts(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx
    .select({ donationId: receiptDonations.donationId })
    .from(receiptDonations)
    .where(and(inArray(receiptDonations.donationId, ids), eq(receiptDonations.live, true)));
  return new Set(rows.map((r) => r.donationId));
}

function checkDonor(donor: DonorRow): string {
  const verdict = receiptEligibility({
    kind: donor.kind as DonorKind,
    erasedAt: donor.erasedAt?.toISOString() ?? null,
    addressLine: donor.addressLine,
    postcode: donor.postcode,
    city: donor.city,
  });
  if (!verdict.ok) throw new ReceiptRefusal(422, verdict.reason, verdict.code);
  return legalArticle(donor.kind as DonorKind) as string;
}

/**
 * The next number of the year: the counter row is created or incremented and stays locked until
 * the transaction ends, so concurrent issues queue on it, and a rolled-back issue gives its
 * number back (no gap).
 */
async function nextSequence(tx: Tx, organisationId: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(receiptCounters)
    .values({ organisationId, year, lastSequence: 1 })
    .onConflictDoUpdate({
      target: [receiptCounters.organisationId, receiptCounters.year],
      set: { lastSequence: sql`receipt_counters.last_sequence + 1` },
    })
    .returning({ lastSequence: receiptCounters.lastSequence });
  const value = row?.lastSequence ?? 0;
  if (!Number.isInteger(value) || value < 1) throw new Error('receipt counter not incremented');
  return value;
}

interface IssueFor {
  organisationId: string;
  kind: ReceiptKind;
  period: number | null;
  donor: DonorRow;
  gifts: DonationRow[];
  issuedOn: string;
  userId: string | null;
  replaces: { id: string; number: string } | null;
}

async function issueFor(tx: Tx, p: IssueFor): Promise<Receipt> {
  const fund = await readFundIdentity(tx, p.organisationId);
  if (!fund) {
    throw new ReceiptRefusal(
      422,
      'L’identité du fonds (nom, adresse, objet, signataire) n’est pas renseignée : complétez-la avant d’émettre un reçu.',
      'FUND_IDENTITY_MISSING',
    );
  }
  const article = checkDonor(p.donor);
  // Only gifts in kind have a category: a money receipt costs no look-up.
  const categoryLabels = new Map(
    p.gifts.some((g) => g.category !== null)
      ? (await loadItems(tx, p.organisationId, 'donation_category')).map((i) => [i.key, i.labelFr])
      : [],
  );
  const gifts = [...p.gifts].sort(
    (a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id.localeCompare(b.id),
  );
  const moneyCents = gifts.filter((g) => g.kind === 'money').reduce((s, g) => s + g.amountCents, 0);
  const inKindCents = gifts
    .filter((g) => g.kind !== 'money')
    .reduce((s, g) => s + g.amountCents, 0);
  const year = Number(p.issuedOn.slice(0, 4));
  const sequence = await nextSequence(tx, p.organisationId, year);
  const number = receiptNumber(year, sequence);
  const snapshot: ReceiptSnapshot = {
    number,
    kind: p.kind,
    issuedOn: p.issuedOn,
    period: p.period,
    legalArticle: article,
    fund,
    donor: {
      kind: p.donor.kind as DonorKind,
      name: p.donor.name,
      addressLine: p.donor.addressLine ?? '',
      postcode: p.donor.postcode ?? '',
      city: p.donor.city ?? '',
      country: p.donor.country,
      siret: p.donor.siret,
    },
    gifts: gifts.map((g) => snapshotGift(g, categoryLabels)),
    totalCents: moneyCents + inKindCents,
    moneyCents,
    inKindCents,
    replaces: p.replaces,
  };
  const [row] = await tx
    .insert(receipts)
    .values({
      organisationId: p.organisationId,
      year,
      sequence,
      number,
      kind: p.kind,
      donorId: p.donor.id,
      issuedOn: p.issuedOn,
      totalCents: snapshot.totalCents,
      moneyCents,
      inKindCents,
      snapshot,
      replacesId: p.replaces?.id ?? null,
      createdBy: p.userId,
    })
    .returning();
  if (!row) throw new Error('receipt not written');
  try {
    await tx
      .insert(receiptDonations)
      .values(gifts.map((g) => ({ receiptId: row.id, donationId: g.id })));
  } catch (error) {
    // Another receipt took one of these gifts first: this transaction rolls back, number included.
    if (isUniqueViolation(error)) throw alreadyReceipted();
    throw error;
  }
  return toReceipt(row, {
    donationIds: gifts.map((g) => g.id),
    replacedById: null,
    donorErased: false,
  });
}

const alreadyReceipted = () =>
  new ReceiptRefusal(
    409,
    'Ce don figure déjà sur un reçu en vigueur : annulez ce reçu pour en émettre un autre.',
    'ALREADY_RECEIPTED',
  );

async function donorOf(tx: Tx, organisationId: string, donorId: string) {
  // Shared lock: the donor cannot be erased or edited while the receipt copies them.
  const [donor] = await tx
    .select()
    .from(donors)
    .where(and(eq(donors.id, donorId), eq(donors.organisationId, organisationId)))
    .for('share');
  return donor;
}

export interface IssueReceiptParams {
  organisationId: string;
  input: ReceiptInput;
  /** Day of issue (fundToday() in the routes): its year numbers the receipt. */
  issuedOn: string;
  userId: string | null;
}

/**
 * Issues a tax receipt inside `tx`: one gift (`single`) or all of a donor's gifts of a year not
 * yet on a live receipt (`annual`). Throws a ReceiptRefusal (404/409/422 with a code) when the
 * receipt cannot be issued; the caller audits what it returns.
 */
export async function issueReceipt(tx: Tx, params: IssueReceiptParams): Promise<Receipt> {
  const { organisationId, input, issuedOn, userId } = params;
  if (input.kind === 'single') {
    // The gift's row is locked: two issues for one gift queue, and the second sees the first.
    const [gift] = await tx
      .select()
      .from(donations)
      .where(and(eq(donations.id, input.donationId), eq(donations.organisationId, organisationId)))
      .for('update');
    if (!gift) throw new ReceiptRefusal(404, 'Ce don n’existe pas.', 'NOT_FOUND');
    if (!gift.donorId) {
      throw new ReceiptRefusal(
        422,
        'Ce don est anonyme : un reçu fiscal porte le nom et l’adresse du donateur.',
        'ANONYMOUS_GIFT',
      );
    }
    const donor = await donorOf(tx, organisationId, gift.donorId);
    if (!donor) throw new ReceiptRefusal(404, 'Ce donateur n’existe pas.', 'NOT_FOUND');
    checkDonor(donor);
    if ((await receiptedGifts(tx, [gift.id])).size) throw alreadyReceipted();
    if ((await reversedGifts(tx, [gift.id])).size) {
      throw new ReceiptRefusal(
        422,
        'L’écriture de ce don a été annulée par une correction : il n’ouvre plus droit à un reçu.',
        'GIFT_REVERSED',
      );
    }
    return issueFor(tx, {
      organisationId,
      kind: 'single',
      period: null,
      donor,
      gifts: [gift],
      issuedOn,
      userId,
      replaces: null,
    });
  }
  const donor = await donorOf(tx, organisationId, input.donorId);
  if (!donor) throw new ReceiptRefusal(404, 'Ce donateur n’existe pas.', 'NOT_FOUND');
  checkDonor(donor);
  const ofYear = await tx
    .select()
    .from(donations)
    .where(
      and(
        eq(donations.organisationId, organisationId),
        eq(donations.donorId, donor.id),
        gte(donations.receivedOn, `${input.year}-01-01`),
        lte(donations.receivedOn, `${input.year}-12-31`),
      ),
    )
    .orderBy(asc(donations.id))
    .for('update');
  const ids = ofYear.map((d) => d.id);
  const taken = await receiptedGifts(tx, ids);
  const reversed = await reversedGifts(tx, ids);
  const gifts = ofYear.filter((d) => !taken.has(d.id) && !reversed.has(d.id));
  if (!gifts.length) {
    throw new ReceiptRefusal(
      422,
      `Aucun don de ${input.year} de ce donateur n’attend de reçu.`,
      'NOTHING_TO_RECEIPT',
    );
  }
  return issueFor(tx, {
    organisationId,
    kind: 'annual',
    period: input.year,
    donor,
    gifts,
    issuedOn,
    userId,
    replaces: null,
  });
}

export interface CancelReceiptParams {
  organisationId: string;
  receiptId: string;
  reason: string;
  reissue: boolean;
  /** Day of the reissue, if any. */
  issuedOn: string;
  userId: string | null;
}

export interface CancelResult {
  before: Receipt;
  cancelled: Receipt;
  reissued: Receipt | null;
}

/**
 * Cancels a receipt (its number stays used, the cancellation is written on it) and frees its gifts;
 * with `reissue`, issues at once a new receipt for the same gifts with the donor as they are now.
 */
export async function cancelReceipt(tx: Tx, params: CancelReceiptParams): Promise<CancelResult> {
  const { organisationId, receiptId } = params;
  const [row] = await tx
    .select()
    .from(receipts)
    .where(and(eq(receipts.id, receiptId), eq(receipts.organisationId, organisationId)))
    .for('update');
  if (!row) throw new ReceiptRefusal(404, 'Ce reçu n’existe pas.', 'NOT_FOUND');
  const links = await tx
    .select({ donationId: receiptDonations.donationId })
    .from(receiptDonations)
    .where(eq(receiptDonations.receiptId, row.id));
  const donationIds = links.map((l) => l.donationId).sort();
  const before = toReceipt(row, { donationIds, replacedById: null, donorErased: false });
  if (row.status === 'cancelled') {
    throw new ReceiptRefusal(409, `Le reçu n° ${row.number} est déjà annulé.`, 'ALREADY_CANCELLED');
  }
  const [after] = await tx
    .update(receipts)
    .set({
      status: 'cancelled',
      cancelledAt: sql`now()`,
      cancelReason: params.reason,
      cancelledBy: params.userId,
    })
    .where(eq(receipts.id, row.id))
    .returning();
  if (!after) throw new Error('receipt not cancelled');
  await tx
    .update(receiptDonations)
    .set({ live: false })
    .where(eq(receiptDonations.receiptId, row.id));

  let reissued: Receipt | null = null;
  if (params.reissue) {
    const donor = await donorOf(tx, organisationId, row.donorId);
    if (!donor) throw new Error('receipt donor vanished');
    const gifts = donationIds.length
      ? await tx
          .select()
          .from(donations)
          .where(inArray(donations.id, donationIds))
          .orderBy(asc(donations.id))
          .for('update')
      : [];
    const reversed = await reversedGifts(tx, donationIds);
    if (row.kind === 'single' && reversed.size) {
      throw new ReceiptRefusal(
        422,
        'L’écriture de ce don a été annulée par une correction : annulez le reçu sans le réémettre.',
        'GIFT_REVERSED',
      );
    }
    const kept = gifts.filter((g) => !reversed.has(g.id));
    if (!kept.length) {
      throw new ReceiptRefusal(
        422,
        'Aucun don de ce reçu n’ouvre encore droit à un reçu : annulez-le sans le réémettre.',
        'NOTHING_TO_RECEIPT',
      );
    }
    const period = (row.snapshot as ReceiptSnapshot).period ?? null;
    reissued = await issueFor(tx, {
      organisationId,
      kind: row.kind as ReceiptKind,
      period,
      donor,
      gifts: kept,
      issuedOn: params.issuedOn,
      userId: params.userId,
      replaces: { id: row.id, number: row.number },
    });
  }
  const cancelled = toReceipt(after, {
    donationIds,
    replacedById: reissued?.id ?? null,
    donorErased: false,
  });
  return { before, cancelled, reissued };
}

/**
 * The API's view of a receipt. The donor's name is the one printed; once the donor is erased the
 * API no longer repeats it (the kept PDF copy, a legal obligation, still carries it).
 */
export function toReceipt(
  row: ReceiptRow,
  extra: { donationIds: string[]; replacedById: string | null; donorErased: boolean },
): Receipt {
  const snapshot = row.snapshot as ReceiptSnapshot;
  return {
    id: row.id,
    number: row.number,
    year: row.year,
    sequence: row.sequence,
    kind: row.kind as ReceiptKind,
    donorId: row.donorId,
    donorName: extra.donorErased ? ERASED_DONOR_NAME : snapshot.donor.name,
    issuedOn: row.issuedOn,
    totalCents: row.totalCents,
    moneyCents: row.moneyCents,
    inKindCents: row.inKindCents,
    donationIds: extra.donationIds,
    status: row.status as Receipt['status'],
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    cancelReason: row.cancelReason,
    replacesId: row.replacesId,
    replacedById: extra.replacedById,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Receipts as the API shows them, with their gifts, successors and the donor's erasure. */
export async function loadReceipts(db: Executor, rows: ReceiptRow[]): Promise<Receipt[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const donorIds = [...new Set(rows.map((r) => r.donorId))];
  const [links, successors, donorRows] = await Promise.all([
    db
      .select({ receiptId: receiptDonations.receiptId, donationId: receiptDonations.donationId })
      .from(receiptDonations)
      .where(inArray(receiptDonations.receiptId, ids)),
    db
      .select({ id: receipts.id, replacesId: receipts.replacesId })
      .from(receipts)
      .where(inArray(receipts.replacesId, ids)),
    db
      .select({ id: donors.id, erasedAt: donors.erasedAt })
      .from(donors)
      .where(inArray(donors.id, donorIds)),
  ]);
  const giftsOf = new Map<string, string[]>();
  for (const l of links)
    giftsOf.set(l.receiptId, [...(giftsOf.get(l.receiptId) ?? []), l.donationId]);
  const successorOf = new Map(successors.map((s) => [s.replacesId as string, s.id]));
  const erased = new Set(donorRows.filter((d) => d.erasedAt).map((d) => d.id));
  return rows.map((row) =>
    toReceipt(row, {
      donationIds: (giftsOf.get(row.id) ?? []).sort(),
      replacedById: successorOf.get(row.id) ?? null,
      donorErased: erased.has(row.donorId),
    }),
  );
}
