import { z } from 'zod';
import { instant, instantMs } from '../booking/instant.ts';
import { uuid } from '../shared/ids.ts';
import { agreementOutcomes } from './case-stage.ts';

export const sessionKinds = ['pre_circle', 'circle', 'post_circle'] as const;
export type SessionKind = (typeof sessionKinds)[number];

/** What the centre's agenda shows of a circle's booking: never a name. */
export const CONFIDENTIAL_PURPOSE = 'Cercle (confidentiel)';

const times = {
  start: instant,
  end: instant,
};
const endAfterStart = <T extends { start: string; end: string }>(s: T) =>
  instantMs(s.end) > instantMs(s.start);

export const sessionInput = z
  .object({
    kind: z.enum(sessionKinds, { error: 'Séance attendue : pre_circle, circle ou post_circle.' }),
    resourceId: uuid,
    ...times,
    participantIds: z
      .array(uuid)
      .max(20)
      .default([])
      .describe('For a pre-circle: the participants met (at least one).'),
  })
  .refine(endAfterStart, { error: 'La fin de la séance doit suivre son début.', path: ['end'] })
  .refine((s) => s.kind !== 'pre_circle' || s.participantIds.length > 0, {
    error: 'Un pré-cercle se tient avec au moins une personne du dossier.',
    path: ['participantIds'],
  });
export type SessionInput = z.infer<typeof sessionInput>;

export const sessionMove = z
  .object(times)
  .refine(endAfterStart, { error: 'La fin de la séance doit suivre son début.', path: ['end'] });

export const sessionStatuses = ['scheduled', 'held', 'cancelled'] as const;

export const circleSession = z
  .object({
    id: uuid,
    caseId: uuid,
    kind: z.enum(sessionKinds),
    resourceId: uuid,
    resourceName: z.string(),
    bookingId: uuid.nullable(),
    start: z.string(),
    end: z.string(),
    status: z.enum(sessionStatuses),
    participantIds: z.array(uuid),
  })
  .meta({ id: 'CircleSession' });
export type CircleSession = z.infer<typeof circleSession>;

export const agreementInput = z.object({
  what: z
    .string({ error: 'Décrivez l’action convenue.' })
    .trim()
    .min(3, { error: 'L’action compte au moins 3 caractères.' })
    .max(500, { error: 'L’action compte au plus 500 caractères.' }),
  owner: z
    .string({ error: 'Indiquez qui s’en charge (pseudonyme).' })
    .trim()
    .min(1, { error: 'Indiquez qui s’en charge (pseudonyme).' })
    .max(60, { error: 'Au plus 60 caractères.' }),
  dueOn: z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' }),
});

export const evaluationInput = z.object({
  outcome: z.enum(agreementOutcomes, { error: 'Évaluation attendue : done, partly ou not_done.' }),
  note: z
    .string()
    .trim()
    .max(1000, { error: 'La note compte au plus 1 000 caractères.' })
    .default(''),
});

export const agreement = z
  .object({
    id: uuid,
    caseId: uuid,
    what: z.string().nullable(),
    owner: z.string().nullable(),
    dueOn: z.string(),
    outcome: z.enum(agreementOutcomes).nullable(),
    note: z.string().nullable(),
    evaluatedAt: z.string().nullable(),
  })
  .meta({ id: 'CircleAgreement' });
export type Agreement = z.infer<typeof agreement>;

/** Which sessions a stage allows to schedule: pre-circles until the circle, then the circle, then post-circles. */
export function sessionAllowed(stage: string, kind: SessionKind): string | null {
  const ok: Record<SessionKind, readonly string[]> = {
    pre_circle: ['intake', 'pre_circles'],
    circle: ['pre_circles', 'circle'],
    post_circle: ['circle', 'post_circle'],
  };
  if (ok[kind].includes(stage)) return null;
  const label: Record<SessionKind, string> = {
    pre_circle: 'Les pré-cercles se planifient avant le cercle.',
    circle: 'Le cercle se planifie pendant les pré-cercles.',
    post_circle: 'Le post-cercle se planifie une fois au stade du cercle.',
  };
  return label[kind];
}
