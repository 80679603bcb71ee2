import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';
import { isSiret } from '../shared/siret.ts';

export const donorKinds = ['individual', 'company', 'foundation', 'public_body'] as const;
export type DonorKind = (typeof donorKinds)[number];

export const DONOR_KIND_LABELS: Record<DonorKind, string> = {
  individual: 'Particulier',
  company: 'Entreprise',
  foundation: 'Fondation',
  public_body: 'Organisme public',
};

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} compte au plus ${max} caractères.` })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

/** SIRET: 14 digits whose Luhn checksum holds, not all zeros (DOMAIN-NOTES). */

export const donorInput = z
  .object({
    kind: z.enum(donorKinds, {
      error: 'Type attendu : individual, company, foundation ou public_body.',
    }),
    name: z
      .string({ error: 'Indiquez le nom du donateur.' })
      .trim()
      .min(2, { error: 'Le nom compte au moins 2 caractères.' })
      .max(160, { error: 'Le nom compte au plus 160 caractères.' })
      .describe('Family name and first name of a person, or the body’s legal name.'),
    email: z
      .email({ error: 'Adresse e-mail invalide.' })
      .max(254, { error: 'Adresse e-mail trop longue.' })
      .nullable()
      .default(null),
    phone: optionalText(30, 'Le téléphone'),
    addressLine: optionalText(200, 'L’adresse'),
    postcode: optionalText(10, 'Le code postal'),
    city: optionalText(100, 'La commune'),
    country: optionalText(60, 'Le pays'),
    siret: z
      .string()
      .trim()
      .transform((v) => v.replace(/\s/g, ''))
      .refine((v) => v === '' || isSiret(v), {
        error: 'SIRET invalide : 14 chiffres dont la clé de contrôle est juste.',
      })
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .default(null),
    consentToContact: z
      .boolean()
      .default(false)
      .describe('Agreed to be contacted by the fund (newsletters, calls).'),
    notes: optionalText(1000, 'La note'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'individual' && v.siret) {
      ctx.addIssue({
        code: 'custom',
        path: ['siret'],
        message: 'Un particulier n’a pas de SIRET.',
      });
    }
  });
export type DonorInput = z.infer<typeof donorInput>;

export const donor = z
  .object({
    id: uuid,
    kind: z.enum(donorKinds),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    addressLine: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    country: z.string().nullable(),
    siret: z.string().nullable(),
    consentToContact: z.boolean(),
    notes: z.string().nullable(),
    erasedAt: z.string().nullable().describe('Set once the donor’s personal data was erased.'),
    totalGivenCents: z.number().int().describe('Money and in-kind valuations, all years.'),
    lastGiftOn: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Donor' });
export type Donor = z.infer<typeof donor>;

export const donorListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional().describe('Search in name, e-mail and city.'),
  kind: z.enum(donorKinds, { error: 'Type de donateur inconnu.' }).optional(),
});

/** What erasure leaves of a donor: the kind and the gifts, no person. */
export const ERASED_DONOR_NAME = 'Donateur anonymisé';

export function erasedDonorFields(): Omit<DonorInput, 'kind'> {
  return {
    name: ERASED_DONOR_NAME,
    email: null,
    phone: null,
    addressLine: null,
    postcode: null,
    city: null,
    country: null,
    siret: null,
    consentToContact: false,
    notes: null,
  };
}

/** Whether a receipt can carry the donor's full address, as CERFA 11580 asks. */
export function hasFullAddress(d: {
  addressLine: string | null;
  postcode: string | null;
  city: string | null;
}): boolean {
  return Boolean(d.addressLine && d.postcode && d.city);
}

export { isSiret };
