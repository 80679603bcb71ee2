import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { AVAILABILITY_MAX_DAYS } from './availability.ts';
import { instant, instantMs } from './instant.ts';

/** At most this many resources in one availability request. */
export const AVAILABILITY_MAX_RESOURCES = 20;

const minutes = (what: string) =>
  z.coerce
    .number({ error: `${what} en minutes attendu(e).` })
    .int({ error: `${what} en minutes entières.` })
    .min(5, { error: `${what} d’au moins 5 minutes.` })
    .max(24 * 60, { error: `${what} de 24 heures au plus.` })
    .multipleOf(5, { error: `${what} en multiple de 5 minutes.` });

/**
 * `GET /api/availability?resourceIds=a,b&from=…&to=…&duration=60[&step=30]`: free slots of
 * `duration` minutes for each resource between two instants (62 days at most).
 */
export const availabilityRequest = z
  .object({
    resourceIds: z
      .string({ error: 'Indiquez les ressources (resourceIds=id1,id2).' })
      .transform((text) => [
        ...new Set(
          text
            .split(',')
            .map((id) => id.trim().toLowerCase())
            .filter(Boolean),
        ),
      ])
      .pipe(
        z
          .array(uuid)
          .min(1, { error: 'Indiquez au moins une ressource.' })
          .max(AVAILABILITY_MAX_RESOURCES, {
            error: `${AVAILABILITY_MAX_RESOURCES} ressources au plus.`,
          }),
      ),
    from: instant,
    to: instant,
    duration: minutes('Durée'),
    step: minutes('Pas').default(30),
  })
  .superRefine((q, ctx) => {
    const span = instantMs(q.to) - instantMs(q.from);
    if (!(span > 0)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'La fin doit suivre le début.' });
    } else if (span > AVAILABILITY_MAX_DAYS * 86_400_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Période de ${AVAILABILITY_MAX_DAYS} jours au plus.`,
      });
    }
  });
export type AvailabilityRequest = z.infer<typeof availabilityRequest>;

export const resourceAvailability = z
  .object({
    resourceId: uuid,
    slots: z.array(z.object({ start: z.string(), end: z.string() })),
  })
  .meta({ id: 'ResourceAvailability' });
export type ResourceAvailability = z.infer<typeof resourceAvailability>;
