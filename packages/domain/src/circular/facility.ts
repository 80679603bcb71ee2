import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { isSiret, normaliseSiret } from '../shared/siret.ts';

const text = (min: number, max: number, label: string) =>
  z
    .string({ error: `${label} attendu.` })
    .trim()
    .min(min, { error: `${label} compte au moins ${min} caractères.` })
    .max(max, { error: `${label} compte au plus ${max} caractères.` });

export const siret = z
  .string({ error: 'SIRET attendu.' })
  .transform(normaliseSiret)
  .refine(isSiret, {
    error: 'SIRET invalide : 14 chiffres dont la clé de contrôle (Luhn) est juste.',
  });

/** A facility that receives the centres' waste: recycler, fuel maker, re-use association, landfill. */
export const facilityInput = z.object({
  name: text(2, 120, 'Le nom'),
  siret,
  addressLine: text(3, 200, 'L’adresse'),
  postcode: z
    .string({ error: 'Code postal attendu.' })
    .trim()
    .regex(/^\d{5}$/, { error: 'Code postal : cinq chiffres.' }),
  city: text(2, 80, 'La commune'),
});
export type FacilityInput = z.infer<typeof facilityInput>;

export const facility = z
  .object({
    id: uuid,
    name: z.string(),
    siret: z.string(),
    addressLine: z.string(),
    postcode: z.string(),
    city: z.string(),
  })
  .meta({ id: 'WasteFacility' });
export type Facility = z.infer<typeof facility>;
