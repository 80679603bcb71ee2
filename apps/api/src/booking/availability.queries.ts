import {
  effectiveBookableHours,
  freeSlots,
  instantString,
  type Resource,
} from '@lakou/domain/booking';
import type { Db } from '../db/client.ts';
import {
  busyIntervalsOf,
  calendarOf,
  centreCalendarOf,
  liveBookingsAround,
  resourceClosuresOf,
} from './bookings.queries.ts';

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
  }).map((s) => ({
    start: instantString(s.start.epochMilliseconds),
    end: instantString(s.end.epochMilliseconds),
  }));
}

/**
 * Free slots of several resources within [from, to), as `slotsOf` gives them one by one, in a
 * handful of queries: one calendar per centre, the resources' closures and live bookings at once.
 * The slot grid (bookable hours, closures, zone) is computed once for the resources that share it
 * — working it out on the wall clock is the costly part — then each resource drops the slots its
 * bookings (and buffer) cover, the same test as the domain's `freeSlots`.
 */
export async function availabilityOf(
  db: Pick<Db, 'select'>,
  resources: readonly Resource[],
  query: { from: string; to: string; duration: number; step: number },
): Promise<Map<string, { start: string; end: string }[]>> {
  const result = new Map<string, { start: string; end: string }[]>();
  const active = resources.filter((r) => r.active);
  for (const r of resources) result.set(r.id, []);
  if (!active.length) return result;
  const from = new Date(query.from);
  const to = new Date(query.to);
  const fromDate = utcDate(from.getTime() - 86_400_000);
  const toDate = utcDate(to.getTime() + 86_400_000);
  const ids = active.map((r) => r.id);
  const centreIds = [...new Set(active.map((r) => r.centreId))];
  const [calendars, resourceOff, busy] = await Promise.all([
    Promise.all(centreIds.map((id) => centreCalendarOf(db, id, fromDate, toDate))),
    resourceClosuresOf(db, ids, fromDate, toDate),
    busyIntervalsOf(db, ids, from, to),
  ]);
  const calendarOfCentre = new Map(centreIds.map((id, i) => [id, calendars[i]]));
  const grids = new Map<string, { start: string; end: string; startMs: number; endMs: number }[]>();
  for (const resource of active) {
    const calendar = calendarOfCentre.get(resource.centreId);
    if (!calendar) continue;
    const bookableHours = effectiveBookableHours(resource, calendar.openingHours);
    const closures = [...calendar.closures, ...(resourceOff.get(resource.id) ?? [])];
    const key = JSON.stringify([calendar.timeZone, bookableHours, closures]);
    let grid = grids.get(key);
    if (!grid) {
      grid = freeSlots({
        window: { from: query.from, to: query.to },
        durationMinutes: query.duration,
        stepMinutes: query.step,
        timeZone: calendar.timeZone,
        bookableHours,
        closures,
        bufferMinutes: 0,
        busy: [],
      }).map((s) => {
        const startMs = s.start.epochMilliseconds;
        const endMs = s.end.epochMilliseconds;
        return { start: instantString(startMs), end: instantString(endMs), startMs, endMs };
      });
      grids.set(key, grid);
    }
    const bufferMs = resource.bufferMinutes * 60_000;
    const taken = (busy.get(resource.id) ?? [])
      .filter((b) => b.endMs > b.startMs)
      .map((b) => ({ from: b.startMs - bufferMs, to: b.endMs + bufferMs }));
    result.set(
      resource.id,
      grid
        .filter((s) => !taken.some((b) => b.from < s.endMs && b.to > s.startMs))
        .map(({ start, end }) => ({ start, end })),
    );
  }
  return result;
}
