import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { bookingSeriesInput } from './booking.ts';

const localDate = z.iso.date({ error: 'Date au format AAAA-MM-JJ.' });

/** A series to create, with the occurrences the manager chose to skip (their local dates). */
export const seriesCreateInput = bookingSeriesInput.extend({
  skip: z
    .array(localDate)
    .max(500)
    .default([])
    .describe(
      'Local dates of occurrences not to book (e.g. the conflicting ones shown by the preview).',
    ),
});
export type SeriesCreateInput = z.infer<typeof seriesCreateInput>;

export const occurrenceVerdicts = ['free', 'conflict', 'unavailable', 'skipped'] as const;
export type OccurrenceVerdict = (typeof occurrenceVerdicts)[number];

/**
 * How one occurrence of a series would fare: free, in conflict with live bookings, unavailable
 * (outside bookable hours, a closure, a rule of the resource), or skipped on request.
 */
export function occurrenceVerdict(o: {
  skipped: boolean;
  problems: readonly unknown[];
  conflicts: readonly unknown[];
}): OccurrenceVerdict {
  if (o.skipped) return 'skipped';
  if (o.problems.length) return 'unavailable';
  if (o.conflicts.length) return 'conflict';
  return 'free';
}

/** Which bookings of a series a change applies to, as calendars offer it. */
export const seriesScopes = ['one', 'following', 'all'] as const;
export const seriesCancel = z
  .object({
    scope: z.enum(seriesScopes, {
      error:
        'Portée attendue : one (celle-ci), following (celle-ci et les suivantes) ou all (toutes).',
    }),
    bookingId: uuid.optional().describe('The occurrence chosen, for `one` and `following`.'),
    reason: z
      .string({ error: 'Indiquez le motif de l’annulation.' })
      .trim()
      .min(1, { error: 'Indiquez le motif de l’annulation.' })
      .max(500, { error: 'Le motif de l’annulation compte au plus 500 caractères.' }),
  })
  .refine((c) => c.scope === 'all' || c.bookingId !== undefined, {
    error: 'Choisissez l’occurrence à partir de laquelle annuler.',
    path: ['bookingId'],
  });
export type SeriesCancel = z.infer<typeof seriesCancel>;
