import { z } from 'zod';
import { uuid } from '../shared/ids.ts';

const text = (min: number, max: number, label: string) =>
  z
    .string({ error: `${label} attendu.` })
    .trim()
    .min(min, { error: `${label} compte au moins ${min} caractères.` })
    .max(max, { error: `${label} compte au plus ${max} caractères.` });

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} compte au plus ${max} caractères.` })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

const gridSize = (label: string) =>
  z
    .number({ error: `${label} attendu.` })
    .int({ error: `${label} est un nombre entier.` })
    .min(1, { error: `${label} : au moins 1.` })
    .max(20, { error: `${label} : au plus 20.` });

const squareMetres = z
  .number({ error: 'Surface attendue en m².' })
  .positive({ error: 'La surface est positive.' })
  .max(1_000_000, { error: 'Surface trop grande.' });

/**
 * A shared garden of a centre. Its plots sit on a grid of `gridColumns` × `gridRows` cells, the
 * simple map the hub draws. `resourceId`: the garden as a bookable resource, whose bookings carry
 * the work sessions (events of the booking context).
 */
export const gardenInput = z.object({
  centreId: uuid,
  name: text(2, 80, 'Le nom'),
  areaM2: squareMetres,
  gridColumns: gridSize('Le nombre de colonnes'),
  gridRows: gridSize('Le nombre de rangées'),
  resourceId: uuid.nullable().default(null),
  description: optionalText(1000, 'La description'),
});
/** Only the fields sent change: none falls back to a default (an absent description stays). */
export const gardenPatch = gardenInput
  .omit({ centreId: true })
  .extend({
    resourceId: uuid.nullable(),
    description: optionalText(1000, 'La description').unwrap(),
  })
  .partial();
export type GardenInput = z.infer<typeof gardenInput>;

export const garden = z
  .object({
    id: uuid,
    centreId: z.string(),
    centreName: z.string(),
    name: z.string(),
    areaM2: z.number(),
    gridColumns: z.number().int(),
    gridRows: z.number().int(),
    resourceId: z.string().nullable(),
    description: z.string().nullable(),
    plotCount: z.number().int(),
    freePlotCount: z.number().int().describe('Individual plots without a current gardener.'),
    waitingCount: z.number().int(),
    harvestGramsThisYear: z.number().int(),
  })
  .meta({ id: 'Garden' });
export type Garden = z.infer<typeof garden>;

export const plotKinds = ['individual', 'collective'] as const;
export type PlotKind = (typeof plotKinds)[number];
export const PLOT_KIND_LABELS: Record<PlotKind, string> = {
  individual: 'Individuelle',
  collective: 'Collective',
};

export const exposures = ['sun', 'part_shade', 'shade'] as const;
export type Exposure = (typeof exposures)[number];
export const EXPOSURE_LABELS: Record<Exposure, string> = {
  sun: 'Soleil',
  part_shade: 'Mi-ombre',
  shade: 'Ombre',
};

export const plotInput = z.object({
  gardenId: uuid,
  label: text(1, 20, 'Le repère'),
  kind: z.enum(plotKinds, { error: 'Parcelle individuelle ou collective ?' }),
  areaM2: squareMetres,
  exposure: z.enum(exposures, { error: 'Exposition : soleil, mi-ombre ou ombre.' }),
  row: z.number().int().min(1, { error: 'Rangée : au moins 1.' }).max(20),
  column: z.number().int().min(1, { error: 'Colonne : au moins 1.' }).max(20),
});
export const plotPatch = plotInput.omit({ gardenId: true }).partial();
export type PlotInput = z.infer<typeof plotInput>;

export const plot = z
  .object({
    id: uuid,
    gardenId: z.string(),
    label: z.string(),
    kind: z.enum(plotKinds),
    areaM2: z.number(),
    exposure: z.enum(exposures),
    row: z.number().int(),
    column: z.number().int(),
    currentGardeners: z.array(
      z.object({
        assignmentId: z.string(),
        gardenerId: z.string(),
        name: z.string(),
        startsOn: z.string(),
      }),
    ),
  })
  .meta({ id: 'Plot' });
export type Plot = z.infer<typeof plot>;

/** A person who gardens: not necessarily a user of Lakou. */
export const gardenerInput = z.object({
  centreId: uuid,
  name: text(2, 120, 'Le nom'),
  email: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null)
    .refine((v) => v === null || z.email().safeParse(v).success, {
      error: 'Adresse e-mail invalide.',
    }),
  phone: optionalText(30, 'Le téléphone'),
});
export type GardenerInput = z.infer<typeof gardenerInput>;
/** Only the fields sent change (an absent e-mail or phone stays as it is). */
export const gardenerPatch = z
  .object({
    name: gardenerInput.shape.name,
    email: z
      .string()
      .trim()
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .refine((v) => v === null || z.email().safeParse(v).success, {
        error: 'Adresse e-mail invalide.',
      }),
    phone: optionalText(30, 'Le téléphone').unwrap(),
  })
  .partial();
export const gardener = z
  .object({
    id: uuid,
    centreId: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .meta({ id: 'Gardener' });
