import { z } from 'zod';
import { pageQuery } from '../shared/pagination.ts';
import { roleAssignment, roleAssignments } from './roles.ts';

// Trimmed and lower-cased before the format check, so ' Ana@Example.FR ' is accepted as 'ana@example.fr'.
const email = z
  .string()
  .trim()
  .toLowerCase()
  .check(z.email({ error: 'Adresse e-mail invalide.' }))
  .max(254, { error: 'L’adresse e-mail compte au plus 254 caractères.' });
const personName = z
  .string()
  .trim()
  .min(2, { error: 'Le nom compte au moins 2 caractères.' })
  .max(120, { error: 'Le nom compte au plus 120 caractères.' });

/** Minimum length of a password: long passphrases beat complexity rules (ANSSI, NIST 800-63B). */
export const PASSWORD_MIN_LENGTH = 10;
export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, {
    error: `Le mot de passe compte au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  })
  .max(128, { error: 'Le mot de passe compte au plus 128 caractères.' });

export const userSummary = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    active: z.boolean(),
    roles: z.array(roleAssignment),
    lastSignInAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type UserSummary = z.infer<typeof userSummary>;

export const me = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    roles: z.array(roleAssignment),
    /** How this request was authenticated. */
    via: z.enum(['session', 'token']),
    readOnly: z.boolean(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof me>;

export const userInvite = z.object({
  email,
  name: personName,
  roles: roleAssignments.min(1, { error: 'Donnez au moins un rôle.' }),
});
export type UserInvite = z.infer<typeof userInvite>;

export const userUpdate = z
  .object({
    name: personName.optional(),
    roles: roleAssignments.min(1, { error: 'Donnez au moins un rôle.' }).optional(),
    active: z.boolean().optional(),
  })
  .refine((u) => u.name !== undefined || u.roles !== undefined || u.active !== undefined, {
    error: 'Rien à modifier.',
  });
export type UserUpdate = z.infer<typeof userUpdate>;

export const userListQuery = pageQuery.extend({
  q: z
    .string()
    .trim()
    .max(100, { error: 'La recherche compte au plus 100 caractères.' })
    .optional(),
  centreId: z.uuid({ error: 'Identifiant de centre invalide.' }).optional(),
  active: z
    .enum(['true', 'false'], { error: 'Valeur attendue : true ou false.' })
    .transform((v) => v === 'true')
    .optional(),
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const tokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, { error: 'Nommez le jeton (au moins 2 caractères).' })
    .max(80, { error: 'Au plus 80 caractères.' }),
  readOnly: z.boolean().default(true),
  /** Days until it stops working; null = never (allowed, but shown as a risk in the hub). */
  expiresInDays: z
    .number({ error: 'Durée en jours attendue.' })
    .int({ error: 'Durée en jours entiers.' })
    .min(1, { error: 'Au moins 1 jour.' })
    .max(730, { error: 'Au plus 730 jours (deux ans).' })
    .nullable()
    .default(90),
});
export type TokenInput = z.infer<typeof tokenInput>;

export const apiToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** First characters, to recognise a token without revealing it. */
    prefix: z.string(),
    readOnly: z.boolean(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiToken>;

export const createdApiToken = apiToken
  .extend({ token: z.string().describe('Shown once: only its hash is stored.') })
  .meta({ id: 'CreatedApiToken' });

export const auditEntry = z
  .object({
    id: z.uuid(),
    at: z.string(),
    actorId: z.uuid().nullable(),
    actorEmail: z.string().nullable(),
    action: z.string(),
    method: z.string(),
    route: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntry>;

/** Beyond this many matching entries the audit list stops counting (the log only grows). */
export const AUDIT_COUNT_CAP = 10_000;

export const auditListQuery = pageQuery.extend({
  actorId: z.uuid({ error: 'Identifiant invalide.' }).optional(),
  entity: z.string().trim().max(60, { error: 'Au plus 60 caractères.' }).optional(),
  entityId: z.string().trim().max(100, { error: 'Au plus 100 caractères.' }).optional(),
  action: z.string().trim().max(60, { error: 'Au plus 60 caractères.' }).optional(),
  from: z.iso.datetime({ offset: true, error: 'Date-heure ISO 8601 attendue.' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'Date-heure ISO 8601 attendue.' }).optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;
