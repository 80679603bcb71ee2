import { z } from 'zod';
import { customValuesInput } from '../config/custom-values.ts';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';
import { positiveCents } from './money.ts';

const localDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });

export const paymentMethods = ['transfer', 'cheque', 'cash', 'card'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  transfer: 'Virement',
  cheque: 'Chèque',
  cash: 'Espèces',
  card: 'Carte bancaire',
};

import { type InKindCategory, inKindCategories } from './in-kind-categories.ts';

export { type InKindCategory, inKindCategories };
export const IN_KIND_CATEGORY_LABELS: Record<InKindCategory, string> = {
  furniture: 'Mobilier',
  it_equipment: 'Matériel informatique',
  appliances: 'Électroménager',
  clothes: 'Vêtements et textiles',
  food: 'Denrées alimentaires',
  building_materials: 'Matériaux de construction',
  bikes: 'Vélos',
  books_toys: 'Livres et jouets',
  other: 'Autre',
};

/**
 * Goods that are a material stream of the circular economy (DEA furniture, WEEE, textiles,
 * bikes): their mass, when recorded, counts as an inflow of that stream.
 */
export const CIRCULAR_STREAM_OF_CATEGORY: Partial<Record<InKindCategory, string>> = {
  furniture: 'furniture',
  it_equipment: 'weee',
  appliances: 'weee',
  clothes: 'textiles',
  bikes: 'bikes',
  building_materials: 'building_materials',
};

/** The material stream a category's gifts feed, if any (categories a network adds feed none). */
export function circularStreamOf(category: string): string | undefined {
  return (CIRCULAR_STREAM_OF_CATEGORY as Record<string, string | undefined>)[category];
}

/**
 * A key of the `donation_category` editable list: the categories above to start with, and those
 * the network adds. The API checks it is an active item.
 */
export const inKindCategory = z
  .string({ error: 'Catégorie inconnue.' })
  .trim()
  .max(40, { error: 'Catégorie inconnue.' })
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, { error: 'Catégorie inconnue.' });

export const inKindUnits = ['piece', 'lot', 'kg', 'box', 'm2'] as const;
export const IN_KIND_UNIT_LABELS: Record<(typeof inKindUnits)[number], string> = {
  piece: 'pièce(s)',
  lot: 'lot(s)',
  kg: 'kg',
  box: 'carton(s)',
  m2: 'm²',
};

export const inKindConditions = ['new', 'good', 'fair', 'for_repair'] as const;
export const IN_KIND_CONDITION_LABELS: Record<(typeof inKindConditions)[number], string> = {
  new: 'Neuf',
  good: 'Bon état',
  fair: 'État d’usage',
  for_repair: 'À réparer',
};

/** How an in-kind gift was valued (DOMAIN-NOTES: a company at cost, a person at market value). */
export const valuationMethods = ['invoice', 'market_value', 'estimate'] as const;
export const VALUATION_METHOD_LABELS: Record<(typeof valuationMethods)[number], string> = {
  invoice: 'Facture du donateur',
  market_value: 'Valeur de marché d’un bien d’occasion comparable',
  estimate: 'Estimation',
};

const reference = z
  .string()
  .trim()
  .max(80, { error: 'La référence compte au plus 80 caractères.' })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .default(null);

const note = z
  .string()
  .trim()
  .max(1000, { error: 'La note compte au plus 1000 caractères.' })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .default(null);

export const moneyDonationInput = z.object({
  kind: z.literal('money'),
  donorId: uuid.nullable().describe('Null for an anonymous gift (no receipt possible).'),
  receivedOn: localDate,
  amountCents: positiveCents,
  method: z.enum(paymentMethods, {
    error: 'Moyen de paiement attendu : transfer, cheque, cash ou card.',
  }),
  subFundId: uuid.describe('The sub-fund the money goes to (its ledger entry).'),
  reference: reference.describe('Cheque number, bank reference…'),
  note,
  custom: customValuesInput.optional().describe('Values of the network’s donation fields, by key.'),
});

export const inKindDonationInput = z
  .object({
    kind: z.literal('in_kind'),
    donorId: uuid.nullable(),
    receivedOn: localDate,
    description: z
      .string({ error: 'Décrivez les biens donnés.' })
      .trim()
      .min(3, { error: 'La description compte au moins 3 caractères.' })
      .max(500, { error: 'La description compte au plus 500 caractères.' }),
    category: inKindCategory,
    quantity: z
      .number({ error: 'Quantité attendue.' })
      .int({ error: 'La quantité est un nombre entier.' })
      .min(1, { error: 'La quantité est au moins 1.' })
      .max(1_000_000, { error: 'Quantité trop élevée.' }),
    unit: z.enum(inKindUnits, { error: 'Unité inconnue.' }),
    condition: z.enum(inKindConditions, { error: 'État inconnu.' }),
    valuationCents: positiveCents.describe('Value of the goods in cents.'),
    valuationMethod: z.enum(valuationMethods, { error: 'Méthode de valorisation inconnue.' }),
    evidence: z
      .string({ error: 'Indiquez le justificatif de la valorisation.' })
      .trim()
      .min(3, { error: 'Le justificatif compte au moins 3 caractères.' })
      .max(500, { error: 'Le justificatif compte au plus 500 caractères.' })
      .describe('Invoice number, link to a comparable listing, who estimated and how.'),
    centreId: uuid.describe('The centre that received the goods.'),
    partnerId: uuid.nullable().default(null).describe('Partner association the goods went on to.'),
    massGrams: z
      .number({ error: 'Masse attendue en grammes.' })
      .int({ error: 'La masse est un nombre entier de grammes.' })
      .min(1, { error: 'La masse est positive.' })
      .max(1_000_000_000, { error: 'Masse trop élevée.' })
      .nullable()
      .default(null)
      .describe('Grams; counted as a circular inflow for a material stream.'),
    note,
    custom: customValuesInput
      .optional()
      .describe('Values of the in-kind fields that apply in the receiving centre, by key.'),
  })
  .superRefine((v, ctx) => {
    if (v.massGrams !== null && !circularStreamOf(v.category)) {
      ctx.addIssue({
        code: 'custom',
        path: ['massGrams'],
        message: 'La masse ne se saisit que pour une filière de l’économie circulaire.',
      });
    }
  });

export const donationInput = z.discriminatedUnion(
  'kind',
  [moneyDonationInput, inKindDonationInput],
  {
    error: 'Type de don attendu : money ou in_kind.',
  },
);
export type DonationInput = z.infer<typeof donationInput>;
export type MoneyDonationInput = z.infer<typeof moneyDonationInput>;
export type InKindDonationInput = z.infer<typeof inKindDonationInput>;

export const donation = z
  .object({
    id: uuid,
    kind: z.enum(['money', 'in_kind']),
    donorId: z.string().nullable(),
    donorName: z.string().nullable(),
    receivedOn: z.string(),
    amountCents: z
      .number()
      .int()
      .describe('Money given, or the valuation of the goods for an in-kind gift.'),
    method: z.enum(paymentMethods).nullable(),
    subFundId: z.string().nullable(),
    reference: z.string().nullable(),
    note: z.string().nullable(),
    description: z.string().nullable(),
    category: z.string().nullable().describe('A key of the `donation_category` list.'),
    quantity: z.number().int().nullable(),
    unit: z.enum(inKindUnits).nullable(),
    condition: z.enum(inKindConditions).nullable(),
    valuationMethod: z.enum(valuationMethods).nullable(),
    evidence: z.string().nullable(),
    centreId: z.string().nullable(),
    partnerId: z.string().nullable(),
    massGrams: z.number().int().nullable(),
    circularStream: z.string().nullable(),
    receiptId: z.string().nullable().describe('The live receipt that covers this gift, if any.'),
    receiptNumber: z.string().nullable(),
    ledgerEntryId: z.string().nullable(),
    createdAt: z.string(),
    custom: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Donation' });
export type Donation = z.infer<typeof donation>;

/** What changes on a recorded gift: its custom values (only the keys sent; null erases). */
export const donationPatch = z.object({ custom: customValuesInput }).meta({ id: 'DonationPatch' });
export type DonationPatch = z.infer<typeof donationPatch>;

export const donationListQuery = pageQuery.extend({
  kind: z.enum(['money', 'in_kind'], { error: 'Type de don inconnu.' }).optional(),
  donorId: uuid.optional(),
  centreId: uuid.optional(),
  from: localDate.optional(),
  to: localDate.optional(),
  unreceipted: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only gifts not yet on a live receipt.'),
});
