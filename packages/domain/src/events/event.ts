import { z } from 'zod';
import { instant } from '../booking/instant.ts';
import { customValuesInput } from '../config/custom-values.ts';
import { basicNeed, basicNeedList } from '../shared/basic-needs.ts';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';

const title = z
  .string({ error: 'Indiquez le titre de l’événement.' })
  .trim()
  .min(2, { error: 'Le titre compte au moins 2 caractères.' })
  .max(140, { error: 'Le titre compte au plus 140 caractères.' });
const description = z
  .string()
  .trim()
  .max(4000, { error: 'La description compte au plus 4 000 caractères.' });
const capacity = z
  .number({ error: 'Nombre de places attendu.' })
  .int({ error: 'Le nombre de places est un entier.' })
  .min(1, { error: 'Au moins 1 place.' })
  .max(10_000, { error: 'Nombre de places trop élevé.' });

/**
 * An event to create on bookings already made (one or more, all in the event's centre). Its
 * time is that of its bookings; its capacity may be lower than the rooms'.
 */
export const eventInput = z.object({
  kindId: uuid,
  title,
  description: description.default(''),
  bookingIds: z
    .array(uuid)
    .min(1, { error: 'Choisissez au moins une réservation pour l’événement.' })
    .max(200, { error: 'Au plus 200 réservations par événement.' })
    .refine((ids) => new Set(ids).size === ids.length, {
      error: 'Une réservation est citée deux fois.',
    }),
  capacity,
  public: z.boolean().default(false).describe('Shown on the centre’s public agenda and feed.'),
  registrationOpen: z.boolean().default(true),
  partnerId: uuid.nullable().default(null),
  basicNeeds: basicNeedList.default([]),
  custom: customValuesInput
    .optional()
    .describe(
      'Values of the event’s custom fields, by key (checked against the fields that apply).',
    ),
});
export type EventInput = z.infer<typeof eventInput>;

/** What may change on an event; a larger capacity promotes the waiting list at once. */
export const eventPatch = z
  .object({
    title,
    description,
    capacity,
    public: z.boolean(),
    registrationOpen: z.boolean(),
    partnerId: uuid.nullable(),
    basicNeeds: basicNeedList,
    anonymousHeadcount: z
      .number({ error: 'Nombre de personnes attendu.' })
      .int({ error: 'Le nombre de personnes est un entier.' })
      .min(0, { error: 'Le nombre de personnes ne peut pas être négatif.' })
      .max(100_000, { error: 'Nombre de personnes trop élevé.' })
      .describe('People who came without registering, counted at the door.'),
    custom: customValuesInput.describe(
      'Custom field values to change, by key (null erases one); other stored values are kept.',
    ),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { error: 'Rien à modifier.' });
export type EventPatch = z.infer<typeof eventPatch>;

export const eventSession = z.object({
  bookingId: uuid,
  resourceId: uuid,
  resourceName: z.string(),
  start: z.string(),
  end: z.string(),
  cancelled: z.boolean(),
});
export type EventSession = z.infer<typeof eventSession>;

export const event = z
  .object({
    id: uuid,
    centreId: uuid,
    centreName: z.string(),
    timeZone: z.string(),
    kind: z.object({ id: uuid, key: z.string(), label: z.string() }),
    title: z.string(),
    description: z.string(),
    start: z.string().describe('Start of its first live booking.'),
    end: z.string().describe('End of its last live booking.'),
    sessions: z.array(eventSession),
    capacity: z.number().int(),
    public: z.boolean(),
    registrationOpen: z.boolean(),
    partnerId: uuid.nullable(),
    partnerName: z.string().nullable(),
    basicNeeds: z.array(basicNeed),
    status: z.enum(['scheduled', 'cancelled']),
    cancelReason: z.string().nullable(),
    seatsTaken: z.number().int(),
    waiting: z.number().int().describe('Registrations on the waiting list.'),
    attended: z.number().int().describe('Registered people marked present (seats).'),
    anonymousHeadcount: z.number().int(),
    custom: z
      .record(z.string(), z.unknown())
      .describe(
        'Values of the custom fields that apply to the event (active ones), by key; empty for readers who are not of its centre.',
      ),
  })
  .meta({ id: 'Event' });
export type Event = z.infer<typeof event>;

export const eventListQuery = pageQuery.extend({
  centreId: uuid.optional(),
  kindId: uuid.optional(),
  from: instant.optional().describe('Events ending after this instant (default: now).'),
  to: instant.optional().describe('Events starting before this instant.'),
  public: z
    .enum(['true', 'false'], { error: 'public vaut true ou false.' })
    .optional()
    .describe('Only public (or only internal) events.'),
  status: z.enum(['scheduled', 'cancelled']).optional(),
  sort: z
    .string()
    .regex(/^(start|custom\.[a-z][a-z0-9_]{0,39})$/, {
      error: 'sort vaut start ou custom.<clé d’un champ personnalisé>.',
    })
    .optional()
    .describe(
      'start (default), or custom.<key> to order by a custom field (events without a value last). Filter by a custom field with custom.<key>=<value>: an option key, true/false, a number or a date equal, text contained. Custom values count for the events of the reader’s centres only.',
    ),
  order: z.enum(['asc', 'desc'], { error: 'order vaut asc ou desc.' }).optional(),
});
export type EventListQuery = z.infer<typeof eventListQuery>;

const localDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });

/** The events starting in a period (days in the centre's time, bounds included), for a spreadsheet. */
export const eventExportQuery = z
  .object({
    centreId: uuid.optional(),
    from: localDate,
    to: localDate,
  })
  .refine((q) => q.from <= q.to, {
    path: ['to'],
    error: 'La fin de la période précède son début.',
  });
export type EventExportQuery = z.infer<typeof eventExportQuery>;

export const eventCancel = z.object({
  reason: z
    .string({ error: 'Indiquez pourquoi l’événement est annulé.' })
    .trim()
    .min(3, { error: 'La raison compte au moins 3 caractères.' })
    .max(500, { error: 'La raison compte au plus 500 caractères.' }),
});
