import { z } from 'zod';
import { uuid } from '../shared/ids.ts';

/** A private calendar feed to ask for: one resource's bookings, or (no resource) the bookings you made. */
export const feedInput = z.object({
  name: z
    .string({ error: 'Nommez le flux (ex. « Salle polyvalente — téléphone »).' })
    .trim()
    .min(2, { error: 'Le nom du flux compte au moins 2 caractères.' })
    .max(80, { error: 'Le nom du flux compte au plus 80 caractères.' }),
  resourceId: uuid.optional(),
});
export type FeedInput = z.infer<typeof feedInput>;

export const calendarFeed = z
  .object({
    id: uuid,
    name: z.string(),
    resourceId: uuid.nullable(),
    prefix: z.string().describe('First characters of the secret, to recognise a feed.'),
    createdAt: z.string(),
    lastFetchedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'CalendarFeed' });
export type CalendarFeed = z.infer<typeof calendarFeed>;

/** How far a feed reaches: the last month and the next six. */
export const FEED_DAYS_BEFORE = 31;
export const FEED_DAYS_AFTER = 183;
