import { z } from 'zod';
import { uuid } from '../shared/ids.ts';

const localDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });

/** Where a harvest went (*se nourrir*). */
export const harvestDestinations = [
  'gardener',
  'collective_distribution',
  'market',
  'solidarity_grocery',
] as const;
export type HarvestDestination = (typeof harvestDestinations)[number];
export const HARVEST_DESTINATION_LABELS: Record<HarvestDestination, string> = {
  gardener: 'Le jardinier ou la jardinière',
  collective_distribution: 'Distribution collective',
  market: 'Marché',
  solidarity_grocery: 'Épicerie solidaire',
};

export const countUnits = ['bunch', 'basket', 'crate', 'piece'] as const;
export const COUNT_UNIT_LABELS: Record<(typeof countUnits)[number], string> = {
  bunch: 'botte(s)',
  basket: 'panier(s)',
  crate: 'cagette(s)',
  piece: 'pièce(s)',
};

/** A harvest is weighed in grams (≥ 0), or counted with a unit (bunches, baskets, crates). */
export const harvestInput = z
  .object({
    harvestedOn: localDate,
    gardenId: uuid,
    plotId: uuid.nullable().default(null),
    gardenerId: uuid.nullable().default(null),
    crop: z
      .string({ error: 'Culture attendue.' })
      .trim()
      .min(2, { error: 'La culture compte au moins 2 caractères.' })
      .max(80, { error: 'La culture compte au plus 80 caractères.' }),
    grams: z
      .number({ error: 'Masse attendue en grammes.' })
      .int({ error: 'La masse est un nombre entier de grammes.' })
      .min(0, { error: 'La masse ne peut être négative.' })
      .max(10_000_000, { error: 'Masse trop élevée.' })
      .nullable()
      .default(null),
    count: z
      .number({ error: 'Nombre attendu.' })
      .int({ error: 'Le nombre est entier.' })
      .min(1, { error: 'Au moins 1.' })
      .max(100_000)
      .nullable()
      .default(null),
    countUnit: z.enum(countUnits, { error: 'Unité inconnue.' }).nullable().default(null),
    destination: z.enum(harvestDestinations, { error: 'Destination inconnue.' }),
    note: z
      .string()
      .trim()
      .max(500, { error: 'La note compte au plus 500 caractères.' })
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .default(null),
  })
  .superRefine((h, ctx) => {
    if (h.grams === null && h.count === null) {
      ctx.addIssue({ code: 'custom', path: ['grams'], message: 'Indiquez la masse ou le nombre.' });
    }
    if ((h.count === null) !== (h.countUnit === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['countUnit'],
        message: 'Un nombre va avec son unité.',
      });
    }
    if (h.destination === 'gardener' && h.gardenerId === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['gardenerId'],
        message: 'Quel jardinier ou quelle jardinière ?',
      });
    }
  });
export type HarvestInput = z.infer<typeof harvestInput>;

export const harvest = z
  .object({
    id: uuid,
    harvestedOn: z.string(),
    gardenId: z.string(),
    plotId: z.string().nullable(),
    plotLabel: z.string().nullable(),
    gardenerId: z.string().nullable(),
    gardenerName: z.string().nullable(),
    crop: z.string(),
    grams: z.number().int().nullable(),
    count: z.number().int().nullable(),
    countUnit: z.enum(countUnits).nullable(),
    destination: z.enum(harvestDestinations),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Harvest' });
export type Harvest = z.infer<typeof harvest>;

/**
 * Compost made in a garden from the centre's bio-waste: the input mass leaves the bio-waste
 * stream's stock (organic recycling on site, R3); the compost obtained is weighed when ready.
 */
export const compostBatchInput = z
  .object({
    gardenId: uuid,
    startedOn: localDate,
    inputGrams: z
      .number({ error: 'Masse de biodéchets attendue en grammes.' })
      .int()
      .min(1, { error: 'La masse est positive.' })
      .max(100_000_000),
    measurement: z.enum(['weighed', 'estimated'], { error: 'Pesé ou estimé ?' }),
    readyOn: localDate.nullable().default(null),
    compostGrams: z.number().int().min(0).max(100_000_000).nullable().default(null),
  })
  .refine((b) => b.readyOn === null || b.readyOn >= b.startedOn, {
    path: ['readyOn'],
    error: 'Le compost est prêt après avoir été lancé.',
  });
export const compostBatchPatch = z.object({
  readyOn: z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' }),
  compostGrams: z
    .number()
    .int()
    .min(0, { error: 'La masse ne peut être négative.' })
    .max(100_000_000),
});
export const compostBatch = z
  .object({
    id: uuid,
    gardenId: z.string(),
    startedOn: z.string(),
    inputGrams: z.number().int(),
    measurement: z.enum(['weighed', 'estimated']),
    readyOn: z.string().nullable(),
    compostGrams: z.number().int().nullable(),
  })
  .meta({ id: 'CompostBatch' });

/** Harvest totals in grams per destination (counted harvests are not in the grams). */
export function harvestTotals(
  harvests: readonly { grams: number | null; destination: HarvestDestination }[],
): Record<HarvestDestination, number> & { total: number } {
  const totals = {
    gardener: 0,
    collective_distribution: 0,
    market: 0,
    solidarity_grocery: 0,
    total: 0,
  };
  for (const h of harvests) {
    if (h.grams === null) continue;
    totals[h.destination] += h.grams;
    totals.total += h.grams;
  }
  return totals;
}
