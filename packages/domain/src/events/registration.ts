import { z } from 'zod';
import { customValuesInput } from '../config/custom-values.ts';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';

export const registrationStatuses = ['registered', 'waitlisted', 'cancelled'] as const;
export const registrationStatus = z.enum(registrationStatuses);
export const attendances = ['present', 'absent'] as const;
export const attendance = z.enum(attendances, { error: 'Présence attendue : present ou absent.' });

/**
 * Someone asking for places: a name is enough (many people have no email); an email lets Lakou
 * tell them when the waiting list lets them in, and gives them a link to cancel.
 */
export const registrationInput = z.object({
  name: z
    .string({ error: 'Indiquez votre nom ou vos initiales.' })
    .trim()
    .min(2, { error: 'Le nom compte au moins 2 caractères.' })
    .max(120, { error: 'Le nom compte au plus 120 caractères.' }),
  email: z
    .email({ error: 'Adresse e-mail invalide.' })
    .max(254, { error: 'Adresse e-mail trop longue.' })
    .nullable()
    .default(null),
  phone: z
    .string()
    .trim()
    .regex(/^[+0-9 ().-]{6,25}$/, { error: 'Numéro de téléphone invalide.' })
    .nullable()
    .default(null),
  seats: z
    .number({ error: 'Nombre de places attendu.' })
    .int({ error: 'Le nombre de places est un entier.' })
    .min(1, { error: 'Au moins 1 place.' })
    .max(10, { error: 'Au plus 10 places par inscription.' })
    .default(1),
  custom: customValuesInput
    .optional()
    .describe('Values of the registration fields that apply in the event’s centre, by key.'),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

export const registration = z
  .object({
    id: uuid,
    eventId: uuid,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    seats: z.number().int(),
    status: registrationStatus,
    attendance: attendance.nullable(),
    position: z.number().int().nullable().describe('Place in the waiting list (1 = next).'),
    source: z.enum(['public', 'staff']),
    requestedAt: z.string(),
    promotedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    custom: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Registration' });
export type Registration = z.infer<typeof registration>;

export const registrationListQuery = pageQuery.extend({
  status: registrationStatus.optional(),
});

export const attendanceInput = z.object({ attendance: attendance.nullable() });

/** What the centre's team changes on a registration: attendance and/or custom values. */
export const registrationPatch = z
  .object({
    attendance: attendance.nullable().optional(),
    custom: customValuesInput.optional(),
  })
  .refine((p) => p.attendance !== undefined || p.custom !== undefined, {
    error: 'Rien à changer.',
  })
  .meta({ id: 'RegistrationPatch' });
export type RegistrationPatch = z.infer<typeof registrationPatch>;

/** A visitor cancelling with the secret link they were given. */
export const registrationCancelByToken = z.object({
  token: z.string().regex(/^lkr_[A-Za-z0-9_-]{20,80}$/, { error: 'Lien d’annulation invalide.' }),
});
