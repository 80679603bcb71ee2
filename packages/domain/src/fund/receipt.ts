import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';
import type { DonorKind } from './donor.ts';

/**
 * Tax receipts (*reçus fiscaux*) with the fields of form CERFA 11580: numbered without gaps per
 * calendar year; one per gift or one annual summary per donor; cancelled and reissued, never
 * deleted (a cancelled number stays used).
 */
export const receiptKinds = ['single', 'annual'] as const;
export type ReceiptKind = (typeof receiptKinds)[number];

export const receiptInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('single'), donationId: uuid }),
    z.object({
      kind: z.literal('annual'),
      donorId: uuid,
      year: z
        .number({ error: 'Année attendue.' })
        .int({ error: 'Année attendue.' })
        .min(2000, { error: 'Année trop ancienne.' })
        .max(2100, { error: 'Année trop lointaine.' }),
    }),
  ],
  { error: 'Type de reçu attendu : single (un don) ou annual (récapitulatif annuel).' },
);
export type ReceiptInput = z.infer<typeof receiptInput>;

export const receiptCancelInput = z.object({
  reason: z
    .string({ error: 'Indiquez pourquoi le reçu est annulé.' })
    .trim()
    .min(5, { error: 'La raison compte au moins 5 caractères.' })
    .max(500, { error: 'La raison compte au plus 500 caractères.' }),
  reissue: z.boolean().default(false).describe('Issue a new receipt for the same gifts at once.'),
});

export const receipt = z
  .object({
    id: uuid,
    number: z.string().describe('AAAA-NNNNNN: gap-free within the year of issue.'),
    year: z.number().int(),
    sequence: z.number().int(),
    kind: z.enum(receiptKinds),
    donorId: z.string(),
    donorName: z.string(),
    issuedOn: z.string(),
    totalCents: z.number().int(),
    moneyCents: z.number().int(),
    inKindCents: z.number().int(),
    donationIds: z.array(z.string()),
    status: z.enum(['issued', 'cancelled']),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    replacesId: z.string().nullable(),
    replacedById: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Receipt' });
export type Receipt = z.infer<typeof receipt>;

export const receiptListQuery = pageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  donorId: uuid.optional(),
  status: z.enum(['issued', 'cancelled']).optional(),
});

/** The receipt's number as printed: year and a six-digit sequence. */
export function receiptNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(6, '0')}`;
}

/** The article of the French tax code (CGI) under which the gift opens a reduction. */
export function legalArticle(kind: DonorKind): string | null {
  switch (kind) {
    case 'individual':
      return 'article 200 du code général des impôts';
    case 'company':
    case 'foundation':
      return 'article 238 bis du code général des impôts';
    case 'public_body':
      return null;
  }
}

export type ReceiptVerdict = { ok: true } | { ok: false; code: string; reason: string };

/** Whether a donor can be given a receipt at all. */
export function receiptEligibility(donor: {
  kind: DonorKind;
  erasedAt: string | null;
  addressLine: string | null;
  postcode: string | null;
  city: string | null;
}): ReceiptVerdict {
  if (donor.erasedAt)
    return {
      ok: false,
      code: 'DONOR_ERASED',
      reason: 'Les données de ce donateur ont été effacées : aucun reçu ne peut être émis.',
    };
  if (legalArticle(donor.kind) === null)
    return {
      ok: false,
      code: 'NOT_ELIGIBLE',
      reason: 'Un organisme public n’ouvre pas droit à réduction d’impôt : pas de reçu fiscal.',
    };
  if (!donor.addressLine || !donor.postcode || !donor.city)
    return {
      ok: false,
      code: 'ADDRESS_REQUIRED',
      reason: 'Le reçu fiscal porte l’adresse complète du donateur : complétez-la d’abord.',
    };
  return { ok: true };
}

/** The fund's identity printed on every receipt (the beneficiary block of CERFA 11580). */
export const fundIdentity = z
  .object({
    name: z.string(),
    addressLine: z.string(),
    postcode: z.string(),
    city: z.string(),
    object: z.string(),
    status: z.string().describe('Legal status, e.g. fonds de dotation (loi 2008-776, art. 140).'),
    signerName: z.string(),
    signerRole: z.string(),
  })
  .meta({ id: 'FundIdentity' });
export type FundIdentity = z.infer<typeof fundIdentity>;
