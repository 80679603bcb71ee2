import { z } from 'zod';
import { type OpeningWindow, weeklyOpeningHours } from '../network/opening-hours.ts';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';
import { tariff } from './tariff.ts';

/** The kinds a network starts with; the list is data (editable list `resource_kind`). */
export const resourceKinds = ['room', 'desk', 'equipment'] as const;
/**
 * A key of the `resource_kind` editable list: the API checks it is an active item. `desk` is the
 * kind coworking check-ins look for, `room` the one occupancy counts with it.
 */
export const resourceKind = z
  .string({ error: 'Type de ressource attendu.' })
  .trim()
  .max(40, { error: 'Type de ressource inconnu.' })
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, { error: 'Type de ressource inconnu.' });
export type ResourceKind = z.infer<typeof resourceKind>;

/** Longest booking a resource may allow: bookable hours never cross midnight. */
export const MAX_BOOKING_MINUTES = 24 * 60;
export const MAX_BUFFER_MINUTES = 240;

const durationLimit = (what: string) =>
  z
    .number({ error: `Durée ${what} en minutes attendue.` })
    .int({ error: `Durée ${what} en minutes entières.` })
    .min(5, { error: `La durée ${what} est d’au moins 5 minutes.` })
    .max(MAX_BOOKING_MINUTES, { error: `La durée ${what} est de 24 heures au plus.` })
    .multipleOf(5, { error: `La durée ${what} est un multiple de 5 minutes.` });

const amenity = z
  .string()
  .trim()
  .min(1, { error: 'Un équipement ne peut pas être vide.' })
  .max(60, { error: 'Un équipement compte au plus 60 caractères.' });

const resourceFields = {
  centreId: uuid,
  kind: resourceKind,
  name: z
    .string()
    .trim()
    .min(2, { error: 'Le nom de la ressource compte au moins 2 caractères.' })
    .max(120, { error: 'Le nom de la ressource compte au plus 120 caractères.' }),
  description: z
    .string()
    .trim()
    .max(2000, { error: 'La description compte au plus 2 000 caractères.' })
    .nullable()
    .default(null),
  capacity: z
    .number({ error: 'Capacité attendue (nombre de personnes).' })
    .int({ error: 'La capacité est un nombre entier de personnes.' })
    .min(1, { error: 'La capacité est d’au moins 1 personne.' })
    .max(10_000, { error: 'Capacité trop élevée.' }),
  amenities: z
    .array(amenity)
    .max(30, { error: '30 équipements au plus.' })
    .default([])
    .transform((list) => [...new Set(list)])
    .describe('Free-text amenities (vidéoprojecteur, cuisine…), duplicates dropped.'),
  stepFree: z
    .boolean({ error: 'Indiquez si la ressource est accessible de plain-pied (oui ou non).' })
    .default(false)
    .describe('Reachable without steps (wheelchair, pushchair).'),
  bookableHours: weeklyOpeningHours
    .nullable()
    .default(null)
    .describe('Weekly local windows when it may be booked; null = the centre’s opening hours.'),
  minDurationMinutes: durationLimit('minimale').default(30),
  maxDurationMinutes: durationLimit('maximale').default(480),
  bufferMinutes: z
    .number({ error: 'Battement en minutes attendu.' })
    .int({ error: 'Le battement est un nombre entier de minutes.' })
    .min(0, { error: 'Le battement ne peut pas être négatif.' })
    .max(MAX_BUFFER_MINUTES, { error: 'Le battement est de 4 heures au plus.' })
    .default(0)
    .describe('Minutes kept free between two bookings (cleaning, setting up).'),
  requiresApproval: z
    .boolean({ error: 'Indiquez si les réservations demandent une validation (oui ou non).' })
    .default(false),
  tariff,
};

/** What a centre manager sends to create or replace a bookable resource. */
export const resourceInput = z
  .object(resourceFields)
  .refine((r) => r.minDurationMinutes <= r.maxDurationMinutes, {
    error: 'La durée maximale ne peut pas être inférieure à la durée minimale.',
    path: ['maxDurationMinutes'],
  });
export type ResourceInput = z.infer<typeof resourceInput>;

export const resource = z
  .object({
    id: uuid,
    centreId: uuid,
    kind: resourceKind,
    name: z.string(),
    description: z.string().nullable(),
    capacity: z.number().int(),
    amenities: z.array(z.string()),
    stepFree: z.boolean(),
    bookableHours: weeklyOpeningHours
      .nullable()
      .describe('Weekly local windows when it may be booked; null = the centre’s opening hours.'),
    minDurationMinutes: z.number().int(),
    maxDurationMinutes: z.number().int(),
    bufferMinutes: z.number().int(),
    requiresApproval: z.boolean(),
    tariff,
    active: z.boolean().describe('Inactive resources keep their history but take no booking.'),
  })
  .meta({ id: 'Resource' });
export type Resource = z.infer<typeof resource>;

/** The weekly windows a resource may be booked in: its own, or else its centre's opening hours. */
export function effectiveBookableHours(
  r: Pick<Resource, 'bookableHours'>,
  centreOpeningHours: readonly OpeningWindow[],
): readonly OpeningWindow[] {
  return r.bookableHours ?? centreOpeningHours;
}

const booleanFlag = z
  .enum(['true', 'false'], { error: 'Valeur attendue : true ou false.' })
  .transform((v) => v === 'true');

export const resourceListQuery = pageQuery.extend({
  centreId: uuid.optional(),
  kind: resourceKind.optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Searches name and amenities, accents ignored.'),
  stepFree: booleanFlag.optional(),
  minCapacity: z.coerce
    .number({ error: 'La capacité minimale est un nombre entier.' })
    .int({ error: 'La capacité minimale est un nombre entier.' })
    .min(1, { error: 'La capacité minimale est d’au moins 1.' })
    .optional(),
  active: booleanFlag.optional().describe('Only active (true) or inactive (false) resources.'),
});
export type ResourceListQuery = z.infer<typeof resourceListQuery>;
