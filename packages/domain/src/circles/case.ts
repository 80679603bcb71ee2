import { z } from 'zod';
import { customValuesInput } from '../config/custom-values.ts';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';
import { caseStages, consentStates, participantRoles } from './case-stage.ts';

export const caseInput = z.object({
  centreId: uuid,
  description: z
    .string({ error: 'Décrivez brièvement la situation (visible des seuls facilitateurs).' })
    .trim()
    .min(3, { error: 'La description compte au moins 3 caractères.' })
    .max(2000, { error: 'La description compte au plus 2 000 caractères.' }),
  facilitatorIds: z
    .array(uuid)
    .max(5, { error: 'Au plus 5 facilitateurs par dossier.' })
    .default([])
    .describe('Other facilitators of the centre who follow the case with you.'),
  custom: customValuesInput
    .optional()
    .describe('Values of the intake fields that apply in the centre, by key.'),
});
export type CaseInput = z.infer<typeof caseInput>;

export const circleCase = z
  .object({
    id: uuid,
    reference: z.string().describe('Neutral reference, e.g. CR-2026-014.'),
    centreId: uuid,
    description: z.string().nullable().describe('Null once purged.'),
    stage: z.enum(caseStages),
    abandonReason: z.string().nullable(),
    facilitators: z.array(z.object({ id: uuid, name: z.string() })),
    participantCount: z.number().int(),
    openedAt: z.string(),
    stageChangedAt: z.string(),
    closedAt: z.string().nullable(),
    purgedAt: z.string().nullable(),
    custom: z
      .record(z.string(), z.unknown())
      .describe('Intake fields; confidential ones are erased by the purge.'),
  })
  .meta({ id: 'CircleCase' });
export type CircleCase = z.infer<typeof circleCase>;

/** What changes on a case's intake: its custom values (only the keys sent; null erases). */
export const casePatch = z.object({ custom: customValuesInput }).meta({ id: 'CirclePatch' });
export type CasePatch = z.infer<typeof casePatch>;

export const caseListQuery = pageQuery.extend({
  stage: z.enum(caseStages).optional(),
  open: z.enum(['true', 'false'], { error: 'open vaut true ou false.' }).optional(),
});

export const transitionInput = z.object({
  to: z.enum(caseStages, { error: 'Étape inconnue.' }),
  reason: z
    .string()
    .trim()
    .max(500, { error: 'La raison compte au plus 500 caractères.' })
    .optional(),
});

export const participantInput = z.object({
  pseudonym: z
    .string({ error: 'Indiquez un pseudonyme ou des initiales.' })
    .trim()
    .min(1, { error: 'Indiquez un pseudonyme ou des initiales.' })
    .max(60, { error: 'Le pseudonyme compte au plus 60 caractères.' }),
  role: z.enum(participantRoles, {
    error: 'Rôle attendu : author (auteur), receiver (receveur) ou community (communauté).',
  }),
  invitedBy: z
    .string()
    .trim()
    .max(60, { error: 'Au plus 60 caractères.' })
    .nullable()
    .default(null)
    .describe('Who invited them: another participant’s pseudonym, or the facilitator.'),
  contact: z
    .string()
    .trim()
    .max(200, { error: 'Au plus 200 caractères.' })
    .nullable()
    .default(null),
});
export type ParticipantInput = z.infer<typeof participantInput>;

export const consentInput = z.object({
  consent: z.enum(consentStates, { error: 'Accord attendu : invited, consented ou declined.' }),
});

export const participant = z
  .object({
    id: uuid,
    caseId: uuid,
    pseudonym: z.string(),
    role: z.enum(participantRoles),
    invitedBy: z.string().nullable(),
    consent: z.enum(consentStates),
    consentAt: z.string().nullable(),
    consentRecordedBy: z.string().nullable().describe('Name of who recorded the answer.'),
    contact: z.string().nullable(),
  })
  .meta({ id: 'CircleParticipant' });
export type Participant = z.infer<typeof participant>;
