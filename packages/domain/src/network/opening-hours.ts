import { z } from 'zod';

/** ISO weekday: 1 = Monday … 7 = Sunday (as Temporal counts them). */
export const weekday = z
  .number()
  .int()
  .min(1, { error: 'Jour de semaine entre 1 (lundi) et 7 (dimanche).' })
  .max(7, { error: 'Jour de semaine entre 1 (lundi) et 7 (dimanche).' });

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Heure au format HH:MM (00:00 à 23:59).' });

/** Minutes since midnight of a wall-clock "HH:MM". */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** One opening window on one weekday, in the centre's own wall-clock time. */
export const openingWindow = z
  .object({ weekday, opens: clockTime, closes: clockTime })
  .refine((w) => minutesOfDay(w.opens) < minutesOfDay(w.closes), {
    error: "L'heure de fermeture doit suivre l'heure d'ouverture.",
    path: ['closes'],
  })
  .meta({ id: 'OpeningWindow' });
export type OpeningWindow = z.infer<typeof openingWindow>;

/** Windows sorted by weekday then opening time. */
export function sortWindows(windows: readonly OpeningWindow[]): OpeningWindow[] {
  return [...windows].sort(
    (a, b) => a.weekday - b.weekday || minutesOfDay(a.opens) - minutesOfDay(b.opens),
  );
}

/** Pairs of windows of the same day that overlap (touching windows do not overlap). */
export function overlappingWindows(
  windows: readonly OpeningWindow[],
): Array<[OpeningWindow, OpeningWindow]> {
  const sorted = sortWindows(windows);
  const clashes: Array<[OpeningWindow, OpeningWindow]> = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (
      prev &&
      cur &&
      prev.weekday === cur.weekday &&
      minutesOfDay(cur.opens) < minutesOfDay(prev.closes)
    ) {
      clashes.push([prev, cur]);
    }
  }
  return clashes;
}

/** A week of opening windows: no two windows of one day may overlap. */
export const weeklyOpeningHours = z
  .array(openingWindow)
  .max(50)
  .superRefine((windows, ctx) => {
    for (const [a, b] of overlappingWindows(windows)) {
      ctx.addIssue({
        code: 'custom',
        message: `Les créneaux ${a.opens}–${a.closes} et ${b.opens}–${b.closes} du même jour se chevauchent.`,
      });
    }
  });
