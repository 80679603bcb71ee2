import { effectiveBookableHours, freeSlots, type Resource } from '@lakou/domain/booking';
import type { Db } from '../db/client.ts';
import { calendarOf, liveBookingsAround } from './bookings.queries.ts';

const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Free slots of a resource within [from, to): bookable hours, closures, live bookings and their
 * buffers — and `alsoBusy`, other commitments the caller knows of (a facilitator's sessions).
 */
export async function slotsOf(
  db: Pick<Db, 'select'>,
  resource: Resource,
  query: { from: string; to: string; duration: number; step: number },
  alsoBusy: readonly { start: string; end: string }[] = [],
): Promise<{ start: string; end: string }[]> {
  if (!resource.active) return [];
  const from = new Date(query.from);
  const to = new Date(query.to);
  const calendar = await calendarOf(
    db,
    resource,
    utcDate(from.getTime() - 86_400_000),
    utcDate(to.getTime() + 86_400_000),
  );
  const busy = await liveBookingsAround(db, resource.id, from, to);
  return freeSlots({
    window: { from: query.from, to: query.to },
    durationMinutes: query.duration,
    stepMinutes: query.step,
    timeZone: calendar.timeZone,
    bookableHours: effectiveBookableHours(resource, calendar.openingHours),
    closures: calendar.closures,
    bufferMinutes: resource.bufferMinutes,
    busy: [...busy, ...alsoBusy],
  }).map((s) => ({ start: s.start.toString(), end: s.end.toString() }));
}
