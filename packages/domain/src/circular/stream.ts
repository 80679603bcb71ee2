import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { wasteCode } from './list-of-waste.ts';
import { repStreams } from './rep.ts';

/** What a stream holds, for grouping on the board. */
export const streamFamilies = [
  'textiles',
  'weee',
  'furniture',
  'packaging',
  'bikes',
  'biowaste',
  'building_materials',
  'fuel',
  'residual',
  'other',
] as const;
export type StreamFamily = (typeof streamFamilies)[number];
export const STREAM_FAMILY_LABELS: Record<StreamFamily, string> = {
  textiles: 'Textiles',
  weee: 'Équipements électriques',
  furniture: 'Mobilier',
  packaging: 'Emballages',
  bikes: 'Vélos',
  biowaste: 'Biodéchets',
  building_materials: 'Matériaux de construction',
  fuel: 'Combustibles solides de récupération',
  residual: 'Déchets résiduels',
  other: 'Autres',
};

const name = z
  .string({ error: 'Nom attendu.' })
  .trim()
  .min(2, { error: 'Le nom compte au moins 2 caractères.' })
  .max(80, { error: 'Le nom compte au plus 80 caractères.' });

/** A stream's editable fields, without defaults (a patch sets only what it names). */
const streamFields = {
  name,
  family: z.enum(streamFamilies, { error: 'Famille de flux inconnue.' }),
  repStream: z.enum(repStreams, { error: 'Filière REP inconnue.' }).nullable(),
  wasteCode: wasteCode.nullable(),
  active: z.boolean(),
  sortOrder: z.number().int().min(0).max(999),
};

/**
 * A material stream the centres weigh: data, edited by the network admin. `code` is the stable
 * key (in-kind gifts point at `textiles`, `weee`, `furniture`, `bikes`, `building_materials`).
 */
export const streamInput = z.object({
  code: z
    .string({ error: 'Code attendu.' })
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, {
      error: 'Le code : 2 à 40 lettres minuscules, chiffres ou _, commençant par une lettre.',
    }),
  ...streamFields,
  repStream: streamFields.repStream.default(null),
  wasteCode: streamFields.wasteCode.default(null),
  active: streamFields.active.default(true),
  sortOrder: streamFields.sortOrder.default(100),
});
export type StreamInput = z.infer<typeof streamInput>;
/** A stream's edit: only the fields sent change (no default fills the others in); the code stays. */
export const streamPatch = z.object(streamFields).partial();

export const stream = z
  .object({
    id: uuid,
    code: z.string(),
    name: z.string(),
    family: z.enum(streamFamilies),
    repStream: z.enum(repStreams).nullable(),
    wasteCode: z.string().nullable().describe('European List of Waste code, `NN NN NN`.'),
    wasteCodeDescription: z.string().nullable(),
    hazardous: z.boolean().describe('Its waste code is marked * in the list.'),
    active: z.boolean(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'MaterialStream' });
export type Stream = z.infer<typeof stream>;

/** The streams a new network starts with (the demo seed and `seed` both use them). */
export const DEFAULT_STREAMS: readonly StreamInput[] = [
  {
    code: 'textiles',
    name: 'Textiles et chaussures',
    family: 'textiles',
    repStream: 'tlc',
    wasteCode: '20 01 10',
    active: true,
    sortOrder: 10,
  },
  {
    code: 'weee',
    name: 'Équipements électriques et électroniques',
    family: 'weee',
    repStream: 'deee',
    wasteCode: '20 01 36',
    active: true,
    sortOrder: 20,
  },
  {
    code: 'furniture',
    name: 'Mobilier',
    family: 'furniture',
    repStream: 'dea',
    wasteCode: '20 03 07',
    active: true,
    sortOrder: 30,
  },
  {
    code: 'packaging_plastic',
    name: 'Emballages en plastique',
    family: 'packaging',
    repStream: 'emballages_menagers',
    wasteCode: '15 01 02',
    active: true,
    sortOrder: 40,
  },
  {
    code: 'packaging_cardboard',
    name: 'Emballages en papier et carton',
    family: 'packaging',
    repStream: 'emballages_menagers',
    wasteCode: '15 01 01',
    active: true,
    sortOrder: 41,
  },
  {
    code: 'packaging_glass',
    name: 'Emballages en verre',
    family: 'packaging',
    repStream: 'emballages_menagers',
    wasteCode: '15 01 07',
    active: true,
    sortOrder: 42,
  },
  {
    code: 'packaging_metal',
    name: 'Emballages métalliques',
    family: 'packaging',
    repStream: 'emballages_menagers',
    wasteCode: '15 01 04',
    active: true,
    sortOrder: 43,
  },
  {
    code: 'bikes',
    name: 'Vélos',
    family: 'bikes',
    repStream: 'asl',
    wasteCode: null,
    active: true,
    sortOrder: 50,
  },
  {
    code: 'biowaste',
    name: 'Biodéchets',
    family: 'biowaste',
    repStream: null,
    wasteCode: '20 01 08',
    active: true,
    sortOrder: 60,
  },
  {
    code: 'building_materials',
    name: 'Matériaux de construction',
    family: 'building_materials',
    repStream: 'pmcb',
    wasteCode: '17 09 04',
    active: true,
    sortOrder: 70,
  },
  {
    code: 'srf',
    name: 'Combustible solide de récupération',
    family: 'fuel',
    repStream: null,
    wasteCode: '19 12 10',
    active: true,
    sortOrder: 80,
  },
  {
    code: 'batteries',
    name: 'Piles et batteries',
    family: 'other',
    repStream: 'piles_accumulateurs',
    wasteCode: '20 01 33',
    active: true,
    sortOrder: 90,
  },
  {
    code: 'residual',
    name: 'Déchets résiduels',
    family: 'residual',
    repStream: null,
    wasteCode: '20 03 01',
    active: true,
    sortOrder: 99,
  },
];
