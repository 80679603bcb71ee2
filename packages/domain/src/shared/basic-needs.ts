import { z } from 'zod';

/**
 * The seven basic needs the SECCOIA centres work on before any job search (« les sept besoins de
 * base »). Bookings and events record which ones they serve; the board reports on them.
 */
export const basicNeeds = [
  'food',
  'housing',
  'clothing',
  'mobility',
  'income',
  'health',
  'education',
] as const;
export type BasicNeed = (typeof basicNeeds)[number];

/** The words the centres use for each need. */
export const basicNeedLabels: Record<BasicNeed, string> = {
  food: 'Se nourrir',
  housing: 'Se loger',
  clothing: 'Se vêtir',
  mobility: 'Se déplacer',
  income: 'Se financer',
  health: 'Se soigner',
  education: 'S’éduquer',
};

export const basicNeed = z.enum(basicNeeds, {
  error: `Besoin de base attendu : ${basicNeeds.join(', ')}.`,
});

/** The needs a booking or an event serves: none, some, or all seven, each at most once. */
export const basicNeedList = z
  .array(basicNeed)
  .max(basicNeeds.length)
  .refine((list) => new Set(list).size === list.length, {
    error: 'Chaque besoin de base ne figure qu’une fois.',
  });
