import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';
import { availableOf, type SubFundKind } from './sub-fund.ts';

/**
 * The fund's ledger: every movement of money is an entry in signed integer cents (positive in,
 * negative out), dated, on one sub-fund. Entries are only ever appended; balances are sums. A
 * mistake is undone by a correction: an entry of the opposite amount that names the entry it
 * reverses and why.
 */
export const ledgerKinds = ['donation', 'grant_instalment', 'disbursement', 'correction'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  donation: 'Don reçu',
  grant_instalment: 'Versement de subvention',
  disbursement: 'Décaissement',
  correction: 'Correction',
};

const localDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });

export const ledgerEntry = z
  .object({
    id: uuid,
    subFundId: uuid,
    occurredOn: z.string().describe('Value date of the movement (AAAA-MM-JJ).'),
    amountCents: z.number().int().describe('Signed: positive in, negative out.'),
    kind: z.enum(ledgerKinds),
    label: z.string(),
    donationId: z.string().nullable(),
    grantId: z.string().nullable(),
    disbursementId: z.string().nullable(),
    reversesId: z.string().nullable().describe('The entry a correction reverses.'),
    reversedById: z.string().nullable().describe('The correction that reversed this entry.'),
    reason: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'LedgerEntry' });
export type LedgerEntry = z.infer<typeof ledgerEntry>;

export const ledgerQuery = pageQuery.extend({
  subFundId: uuid.optional(),
  kind: z.enum(ledgerKinds, { error: 'Type de mouvement inconnu.' }).optional(),
  from: localDate.optional(),
  to: localDate.optional(),
});
export type LedgerQuery = z.infer<typeof ledgerQuery>;

export const balancesQuery = z.object({
  at: localDate.optional().describe('Balances at the end of this day (default: today).'),
});

export const correctionInput = z.object({
  reason: z
    .string({ error: 'Indiquez la raison de la correction.' })
    .trim()
    .min(5, { error: 'La raison compte au moins 5 caractères.' })
    .max(500, { error: 'La raison compte au plus 500 caractères.' }),
  occurredOn: localDate.optional().describe('Date of the correction (default: today).'),
});
export type CorrectionInput = z.infer<typeof correctionInput>;

/** The part of an entry the rules look at. */
export interface EntryFacts {
  id: string;
  subFundId: string;
  occurredOn: string;
  amountCents: number;
  kind: LedgerKind;
  reversesId: string | null;
}

/** Balance of each sub-fund at the end of `at` (all entries if no date): the sum of its entries. */
export function balancesAt(
  entries: readonly Pick<EntryFacts, 'subFundId' | 'occurredOn' | 'amountCents'>[],
  at?: string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) {
    if (at !== undefined && e.occurredOn > at) continue;
    out.set(e.subFundId, (out.get(e.subFundId) ?? 0) + e.amountCents);
  }
  return out;
}

export type Verdict = { ok: true } | { ok: false; code: string; reason: string };

/**
 * Whether an outflow of `amountCents` (> 0) may leave a sub-fund holding `balanceCents`.
 * A disbursement takes only what is available (never the capital of a non-consumable
 * endowment); no sub-fund ever goes below zero.
 */
export function outflowVerdict(
  fund: { kind: SubFundKind; consumable: boolean },
  balanceCents: number,
  amountCents: number,
  kind: 'disbursement' | 'correction',
): Verdict {
  if (amountCents <= 0) return { ok: true };
  const limit = kind === 'disbursement' ? availableOf(fund, balanceCents) : balanceCents;
  if (amountCents <= limit) return { ok: true };
  if (kind === 'disbursement' && fund.kind === 'endowment' && !fund.consumable) {
    return {
      ok: false,
      code: 'ENDOWMENT_NOT_CONSUMABLE',
      reason: 'La dotation en capital n’est pas consommable : rien ne peut en être décaissé.',
    };
  }
  return {
    ok: false,
    code: 'INSUFFICIENT_BALANCE',
    reason:
      kind === 'disbursement'
        ? 'Le solde disponible du sous-fonds ne couvre pas ce décaissement.'
        : 'Cette correction rendrait le solde du sous-fonds négatif.',
  };
}

/** Whether `target` may be reversed, given the entries already in the ledger. */
export function reversalVerdict(target: EntryFacts, entries: readonly EntryFacts[]): Verdict {
  if (target.kind === 'correction') {
    return {
      ok: false,
      code: 'CORRECTION_NOT_REVERSIBLE',
      reason: 'Une correction ne se corrige pas : saisissez de nouveau le mouvement juste.',
    };
  }
  if (entries.some((e) => e.reversesId === target.id)) {
    return { ok: false, code: 'ALREADY_REVERSED', reason: 'Ce mouvement a déjà été corrigé.' };
  }
  return { ok: true };
}

/** The correction that reverses `target`: same sub-fund, opposite amount, naming it. */
export function reversalOf(
  target: EntryFacts,
  occurredOn: string,
): Omit<EntryFacts, 'id'> & { kind: 'correction'; reversesId: string } {
  return {
    subFundId: target.subFundId,
    occurredOn,
    amountCents: -target.amountCents,
    kind: 'correction',
    reversesId: target.id,
  };
}
