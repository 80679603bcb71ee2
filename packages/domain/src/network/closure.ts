import { z } from 'zod';
import { uuid } from '../shared/ids.ts';

const isoDate = z.iso.date({ error: 'Date au format AAAA-MM-JJ.' });

/** A period when a centre is closed (holidays, works), both days included, in the centre's calendar. */
export const closureInput = z
  .object({
    startsOn: isoDate,
    endsOn: isoDate,
    reason: z.string().trim().min(1, { error: 'Indiquez le motif de la fermeture.' }).max(200),
  })
  .refine((c) => c.startsOn <= c.endsOn, {
    error: 'La fin de la fermeture ne peut pas précéder son début.',
    path: ['endsOn'],
  });

export const closure = z
  .object({
    id: uuid,
    centreId: uuid,
    startsOn: isoDate,
    endsOn: isoDate,
    reason: z.string(),
  })
  .meta({ id: 'Closure' });
export type Closure = z.infer<typeof closure>;

/** The closure covering a calendar day (YYYY-MM-DD), if any. ISO dates compare as strings. */
export function closureOn(
  closures: readonly Pick<Closure, 'startsOn' | 'endsOn' | 'reason'>[],
  day: string,
) {
  return closures.find((c) => c.startsOn <= day && day <= c.endsOn);
}
