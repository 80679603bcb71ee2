import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';
import { closure } from './closure.ts';
import { weeklyOpeningHours } from './opening-hours.ts';
import { DEFAULT_TIME_ZONE, timeZone } from './time-zone.ts';

export const address = z
  .object({
    street: z.string().trim().min(1, { error: "Indiquez la rue de l'adresse." }).max(200),
    postalCode: z.string().regex(/^\d{5}$/, { error: 'Code postal à 5 chiffres.' }),
    city: z.string().trim().min(1, { error: 'Indiquez la ville.' }).max(100),
  })
  .meta({ id: 'Address' });
export type Address = z.infer<typeof address>;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    error: 'Identifiant court en minuscules et tirets (ex. kourou).',
  })
  .max(60);

/** What an admin sends to create or replace a centre. */
export const centreInput = z.object({
  slug,
  name: z
    .string()
    .trim()
    .min(2, { error: 'Le nom du centre compte au moins 2 caractères.' })
    .max(120),
  commune: z.string().trim().min(1, { error: 'Indiquez la commune.' }).max(100),
  qpv: z
    .string()
    .trim()
    .max(120)
    .nullable()
    .describe('Name of the Quartier prioritaire de la politique de la ville served, if any.'),
  address,
  timeZone: timeZone.default(DEFAULT_TIME_ZONE),
  phone: z.string().trim().max(30).nullable().default(null),
  email: z.email({ error: 'Adresse e-mail invalide.' }).nullable().default(null),
  openingHours: weeklyOpeningHours,
});
export type CentreInput = z.infer<typeof centreInput>;

export const centreSummary = z
  .object({
    id: uuid,
    slug: z.string(),
    name: z.string(),
    commune: z.string(),
    qpv: z.string().nullable(),
    timeZone: z.string(),
  })
  .meta({ id: 'CentreSummary' });
export type CentreSummary = z.infer<typeof centreSummary>;

export const centre = centreSummary
  .extend({
    organisationId: uuid,
    address,
    phone: z.string().nullable(),
    email: z.string().nullable(),
    openingHours: weeklyOpeningHours,
    closures: z.array(closure).describe('Current and future closures, soonest first.'),
    partners: z.array(z.object({ id: uuid, name: z.string(), kind: z.string() })),
  })
  .meta({ id: 'Centre' });
export type Centre = z.infer<typeof centre>;

const booleanFlag = z
  .enum(['true', 'false'], { error: 'Valeur attendue : true ou false.' })
  .transform((v) => v === 'true');

export const centreListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional().describe('Searches name and commune, accents ignored.'),
  commune: z.string().trim().max(100).optional(),
  inQpv: booleanFlag
    .optional()
    .describe('Only centres serving (true) or not serving (false) a QPV.'),
  sort: z.enum(['name', 'commune'], { error: 'Tri possible par name ou commune.' }).default('name'),
  order: z.enum(['asc', 'desc'], { error: 'Ordre asc ou desc.' }).default('asc'),
});
export type CentreListQuery = z.infer<typeof centreListQuery>;
