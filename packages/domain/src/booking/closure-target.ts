import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { pageQuery } from '../shared/pagination.ts';

const isoDate = z.iso.date({ error: 'Date au format AAAA-MM-JJ.' });

/**
 * A closure of a whole centre or of one resource (holidays, works), both days included, in the
 * centre's calendar. Exactly one of `centreId` and `resourceId`.
 */
export const closureTargetInput = z
  .object({
    centreId: uuid.optional(),
    resourceId: uuid.optional(),
    startsOn: isoDate,
    endsOn: isoDate,
    reason: z
      .string({ error: 'Indiquez le motif de la fermeture.' })
      .trim()
      .min(1, { error: 'Indiquez le motif de la fermeture.' })
      .max(200, { error: 'Le motif compte au plus 200 caractères.' }),
  })
  .refine((c) => (c.centreId === undefined) !== (c.resourceId === undefined), {
    error: 'Fermez soit un centre (centreId), soit une ressource (resourceId).',
    path: ['resourceId'],
  })
  .refine((c) => c.startsOn <= c.endsOn, {
    error: 'La fin de la fermeture ne peut pas précéder son début.',
    path: ['endsOn'],
  });
export type ClosureTargetInput = z.infer<typeof closureTargetInput>;

export const targetedClosure = z
  .object({
    id: uuid,
    centreId: uuid,
    resourceId: uuid.nullable().describe('Null when the whole centre is closed.'),
    startsOn: isoDate,
    endsOn: isoDate,
    reason: z.string(),
  })
  .meta({ id: 'TargetedClosure' });
export type TargetedClosure = z.infer<typeof targetedClosure>;

export const closureListQuery = pageQuery.extend({
  centreId: uuid.optional(),
  resourceId: uuid.optional(),
  from: isoDate.optional().describe('Closures ending on or after this day.'),
});
export type ClosureListQuery = z.infer<typeof closureListQuery>;
