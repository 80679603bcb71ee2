import { z } from 'zod';
import { uuid } from '../shared/ids.ts';

const localDate = z.iso.date({ error: 'Date attendue au format AAAA-MM-JJ.' });

/** A gardener holds a plot from `startsOn` until `endsOn` included (open when null). */
export const assignmentInput = z
  .object({
    plotId: uuid,
    gardenerId: uuid,
    startsOn: localDate,
    endsOn: localDate.nullable().default(null),
    waitingRequestId: uuid
      .nullable()
      .default(null)
      .describe('The waiting-list request this assignment answers (it leaves the list).'),
  })
  .refine((a) => a.endsOn === null || a.endsOn >= a.startsOn, {
    path: ['endsOn'],
    error: 'La fin précède le début.',
  });
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const assignmentEnd = z.object({ endsOn: localDate });

export const assignment = z
  .object({
    id: uuid,
    plotId: z.string(),
    plotLabel: z.string(),
    gardenId: z.string(),
    gardenerId: z.string(),
    gardenerName: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
  })
  .meta({ id: 'PlotAssignment' });
export type Assignment = z.infer<typeof assignment>;

export interface Period {
  startsOn: string;
  endsOn: string | null;
}

/** Two periods (dates included, open ends) share at least a day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aEndsBeforeB = a.endsOn !== null && a.endsOn < b.startsOn;
  const bEndsBeforeA = b.endsOn !== null && b.endsOn < a.startsOn;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/**
 * An individual plot has at most one gardener on any day; a collective plot any number.
 * Returns the existing period the candidate would overlap, or null.
 */
export function assignmentConflict<T extends Period>(
  kind: 'individual' | 'collective',
  existing: readonly T[],
  candidate: Period,
): T | null {
  if (kind === 'collective') return null;
  return existing.find((e) => periodsOverlap(e, candidate)) ?? null;
}

/** A request for a plot when every individual plot of the garden is taken. */
export const waitingRequestInput = z.object({
  gardenId: uuid,
  gardenerId: uuid,
  requestedOn: localDate,
  note: z
    .string()
    .trim()
    .max(500, { error: 'La note compte au plus 500 caractères.' })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
});
export const waitingRequest = z
  .object({
    id: uuid,
    gardenId: z.string(),
    gardenerId: z.string(),
    gardenerName: z.string(),
    requestedOn: z.string(),
    position: z.number().int().min(1),
    note: z.string().nullable(),
  })
  .meta({ id: 'GardenWaitingRequest' });

/**
 * Waiting-list order: first come, first served (date asked, then the order recorded). The
 * first request is the one offered the next free plot.
 */
export function waitingOrder<T extends { requestedOn: string; createdAt: string }>(
  requests: readonly T[],
): T[] {
  return [...requests].sort(
    (a, b) => a.requestedOn.localeCompare(b.requestedOn) || a.createdAt.localeCompare(b.createdAt),
  );
}
