import {
  circularStreamOf,
  type Donation,
  type ImportResult,
  type PaymentMethod,
} from '@lakou/domain/fund';

/*
 * Pure helpers of the donations screens: masses typed in kilograms, what the cheque form keeps
 * from one gift to the next, whether an import may go ahead, which receipt action a gift offers.
 * No React: unit-tested in Node.
 */

/**
 * A mass typed in kilograms (« 12 », « 12,5 », « 1 250,125 kg ») as integer grams, or `null`
 * when it is not a mass. At most three decimals (the gram): nothing is rounded silently.
 */
export function kilogramsToGrams(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/kg$/i, '')
    .replace(',', '.');
  const match = /^(\d{1,7})(?:\.(\d{1,3}))?$/.exec(cleaned);
  if (!match) return null;
  const grams = Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
  return grams > 0 ? grams : null;
}

/** Grams as kilograms for reading: « 12,5 kg », « 0,25 kg », « 1 250 kg ». */
export function formatKilograms(grams: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(grams / 1000)} kg`;
}

/** Whether the mass of these goods counts as an inflow of a circular-economy stream. */
export function recordsMass(category: string | null | undefined): boolean {
  return Boolean(category && circularStreamOf(category));
}

/** What the cheque form keeps between two gifts typed in a row. */
export interface KeptEntry {
  receivedOn: string;
  method: PaymentMethod;
  subFundId: string;
}

export interface MoneyEntryDraft extends KeptEntry {
  donorId: string | null;
  amount: string;
  reference: string;
  note: string;
}

/**
 * The form after a gift was saved: the date, the method and the sub-fund stay (a stack of
 * cheques shares them), the donor, amount, reference and note are emptied for the next one.
 */
export function nextMoneyEntry(saved: KeptEntry): MoneyEntryDraft {
  return {
    receivedOn: saved.receivedOn,
    method: saved.method,
    subFundId: saved.subFundId,
    donorId: null,
    amount: '',
    reference: '',
    note: '',
  };
}

/**
 * The centre an in-kind gift defaults to: the first centre the user manages (in the order their
 * roles come), or none for a network role that manages no centre.
 */
export function defaultReceivingCentre(
  roles: readonly { role: string; centreId: string | null }[] | undefined,
): string | null {
  return roles?.find((r) => r.role === 'manager' && r.centreId)?.centreId ?? null;
}

export type ImportStage = 'empty' | 'blocked' | 'ready' | 'imported';

/**
 * Where an import stands: nothing read yet, blocked while any row (or the file) has a problem
 * or no row is valid, ready to import, or imported.
 */
export function importStage(result: ImportResult | null): ImportStage {
  if (!result) return 'empty';
  if (!result.dryRun && result.imported > 0) return 'imported';
  if (result.problems.length > 0 || result.valid === 0) return 'blocked';
  return 'ready';
}

/** The number of bad rows of a result (the file's own problems, on line 1, count as one). */
export function problemLineCount(result: ImportResult): number {
  return new Set(result.problems.map((p) => p.line)).size;
}

export type ReceiptAction = 'issue' | 'download' | 'anonymous';

/** What a gift offers about its receipt: issue one, download the live one, or nothing (anonymous). */
export function receiptActionOf(donation: Pick<Donation, 'donorId' | 'receiptId'>): ReceiptAction {
  if (donation.receiptId) return 'download';
  if (!donation.donorId) return 'anonymous';
  return 'issue';
}

/** The years a receipts list may be filtered by: this year back to the fund's first, newest first. */
export function receiptYears(thisYear: number, firstYear = thisYear - 5): number[] {
  const years: number[] = [];
  for (let y = thisYear; y >= Math.min(firstYear, thisYear); y--) years.push(y);
  return years;
}

/** The years of a donor's gifts (for an annual summary), newest first, each once. */
export function giftYears(donations: readonly Pick<Donation, 'receivedOn'>[]): number[] {
  return [...new Set(donations.map((d) => Number(d.receivedOn.slice(0, 4))))].sort((a, b) => b - a);
}

/** An in-kind gift in a few words: « 3 pièce(s) — Mobilier ». */
export function inKindSummary(
  donation: Pick<Donation, 'quantity' | 'unit' | 'description'>,
  unitLabel: (unit: string) => string,
): string {
  if (donation.quantity === null || donation.unit === null) return donation.description ?? '';
  return `${donation.quantity} ${unitLabel(donation.unit)} — ${donation.description ?? ''}`;
}
