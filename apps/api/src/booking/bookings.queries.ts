import type { Booking, BookingListQuery, CentreCalendar, Resource } from '@lakou/domain/booking';
import type { CustomFieldDefinition } from '@lakou/domain/config';
import { type Page, pageOffset } from '@lakou/domain/shared';
import { and, asc, eq, gt, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { visibleCustomAt } from '../config/custom-values.ts';
import { type Db, preparedPerDb } from '../db/client.ts';
import { countColumn, toPage, totalColumn } from '../db/paginate.ts';
import {
  bookings,
  centreClosures,
  centreOpeningHours,
  centres,
  resourceClosures,
} from '../db/schema/index.ts';

type BookingRow = typeof bookings.$inferSelect;
/** The statuses that hold a slot, as the exclusion constraint counts them. */
export const LIVE_STATUSES = ['requested', 'confirmed', 'checked_in'] as const;

/**
 * The read model of a row. `customDefs`: the active booking definitions (any scope) whose values
 * the reader sees; without them, `custom` is empty (conflicts, feeds, series).
 */
export function toBooking(
  row: BookingRow,
  customDefs: readonly CustomFieldDefinition[] = [],
): Booking {
  return {
    id: row.id,
    centreId: row.centreId,
    resourceId: row.resourceId,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    status: row.status as Booking['status'],
    organiser: row.organiser as Booking['organiser'],
    purpose: row.purpose,
    headcount: row.headcount,
    basicNeeds: row.basicNeeds as Booking['basicNeeds'],
    audience: row.audience as Booking['audience'],
    priceCents: row.priceCents,
    seriesId: row.seriesId,
    cancelReason: row.cancelReason,
    custom: visibleCustomAt(customDefs, row.centreId, row.custom),
  };
}

const MAX_BUFFER_MS = 240 * 60_000;

/** The live statuses as SQL literals: the planner then matches the exclusion constraint's partial GiST index. */
const LIVE_STATUS_LIST = sql.raw(LIVE_STATUSES.map((s) => `'${s}'`).join(', '));

/**
 * Live bookings of a resource near [start, end): wide enough (the largest buffer on each side)
 * for the domain's `findConflicts` to judge, and in the same transaction as the insert.
 */
export async function liveBookingsAround(
  db: Pick<Db, 'select'>,
  resourceId: string,
  start: Date,
  end: Date,
): Promise<Booking[]> {
  return (await liveBookingsOf(db, [resourceId], start, end)).get(resourceId) ?? [];
}

/** Live bookings of these resources whose [starts_at, blocked_until) meets [start, end) widened by the largest buffer. */
function liveNear(resourceIds: readonly string[], start: Date, end: Date) {
  const from = new Date(start.getTime() - MAX_BUFFER_MS).toISOString();
  const to = new Date(end.getTime() + MAX_BUFFER_MS).toISOString();
  return and(
    // One `=` per resource (not `= any`, which GiST cannot search): a BitmapOr of index scans.
    or(...resourceIds.map((id) => eq(bookings.resourceId, id))),
    sql`${bookings.status} in (${LIVE_STATUS_LIST})`,
    sql`tstzrange(${bookings.startsAt}, ${bookings.blockedUntil}, '[)') && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')`,
  );
}

/**
 * Live bookings of several resources near [start, end), by resource, each sorted by start. The
 * overlap is asked as `tstzrange(starts_at, blocked_until) && …` — the same test as
 * `starts_at < end and blocked_until > start` — so PostgreSQL reads only the bookings around the
 * period in the exclusion constraint's GiST index, however many the resource has before it.
 */
export async function liveBookingsOf(
  db: Pick<Db, 'select'>,
  resourceIds: readonly string[],
  start: Date,
  end: Date,
): Promise<Map<string, Booking[]>> {
  const byResource = new Map<string, Booking[]>(resourceIds.map((id) => [id, []]));
  if (!resourceIds.length) return byResource;
  const rows = await db
    .select()
    .from(bookings)
    .where(liveNear(resourceIds, start, end))
    .orderBy(asc(bookings.startsAt));
  for (const row of rows) byResource.get(row.resourceId)?.push(toBooking(row));
  return byResource;
}

/**
 * What `liveBookingsOf` finds, reduced to what a free-slot search needs: the resource and the
 * booked interval in epoch milliseconds (no rows to build for hundreds of bookings).
 */
export async function busyIntervalsOf(
  db: Pick<Db, 'select'>,
  resourceIds: readonly string[],
  start: Date,
  end: Date,
): Promise<Map<string, { startMs: number; endMs: number }[]>> {
  const byResource = new Map<string, { startMs: number; endMs: number }[]>(
    resourceIds.map((id) => [id, []]),
  );
  if (!resourceIds.length) return byResource;
  const rows = await db
    .select({ resourceId: bookings.resourceId, start: bookings.startsAt, end: bookings.endsAt })
    .from(bookings)
    .where(liveNear(resourceIds, start, end));
  for (const row of rows)
    byResource
      .get(row.resourceId)
      ?.push({ startMs: row.start.getTime(), endMs: row.end.getTime() });
  return byResource;
}

/**
 * The centre's zone, opening hours and the closures (centre's, then resource's) around a period,
 * in one statement: what `centreCalendarOf` and `resourceClosuresOf` read in four.
 */
export async function calendarOf(
  db: Pick<Db, 'select'>,
  resource: Pick<Resource, 'id' | 'centreId'>,
  fromDate: string,
  toDate: string,
): Promise<CentreCalendar> {
  const [row] = await calendarStatement(db).execute({
    centreId: resource.centreId,
    resourceId: resource.id,
    fromDate,
    toDate,
  });
  return {
    timeZone: row?.timeZone ?? 'America/Cayenne',
    openingHours: (row?.hours ?? []).map((o) => ({
      weekday: o.weekday,
      opens: o.opens.slice(0, 5),
      closes: o.closes.slice(0, 5),
    })),
    closures: [...(row?.centreOff ?? []), ...(row?.resourceOff ?? [])],
  };
}

const calendarStatement = preparedPerDb((db: Pick<Db, 'select'>) => {
  const h = centreOpeningHours;
  const cc = centreClosures;
  const rc = resourceClosures;
  const fromDate = sql.placeholder('fromDate');
  const toDate = sql.placeholder('toDate');
  return db
    .select({
      timeZone: centres.timeZone,
      hours: jsonList<{ weekday: number; opens: string; closes: string }>(sql`(
        select json_agg(json_build_object('weekday', ${h.weekday}, 'opens', ${h.opens}, 'closes', ${h.closes})
                        order by ${h.weekday}, ${h.opens})
        from ${h} where ${h.centreId} = ${centres.id})`),
      centreOff: jsonList<CentreCalendar['closures'][number]>(sql`(
        select json_agg(json_build_object('startsOn', ${cc.startsOn}, 'endsOn', ${cc.endsOn}, 'reason', ${cc.reason}))
        from ${cc}
        where ${cc.centreId} = ${centres.id} and ${cc.startsOn} <= ${toDate} and ${cc.endsOn} >= ${fromDate})`),
      resourceOff: jsonList<CentreCalendar['closures'][number]>(sql`(
        select json_agg(json_build_object('startsOn', ${rc.startsOn}, 'endsOn', ${rc.endsOn}, 'reason', ${rc.reason}))
        from ${rc}
        where ${rc.resourceId} = ${sql.placeholder('resourceId')} and ${rc.startsOn} <= ${toDate} and ${rc.endsOn} >= ${fromDate})`),
    })
    .from(centres)
    .where(eq(centres.id, sql.placeholder('centreId')))
    .prepare('lakou_centre_calendar');
});

/** A `json_agg` subquery's rows: the driver may hand the JSON over as text; null (no row) is []. */
function jsonList<T>(query: SQL) {
  return sql<T[]>`${query}`.mapWith((v: unknown): T[] =>
    v === null || v === undefined ? [] : typeof v === 'string' ? JSON.parse(v) : (v as T[]),
  );
}

/** The centre's zone, opening hours and its own closures around a period. */
export async function centreCalendarOf(
  db: Pick<Db, 'select'>,
  centreId: string,
  fromDate: string,
  toDate: string,
): Promise<CentreCalendar> {
  const [[centre], hours, centreOff] = await Promise.all([
    db.select({ timeZone: centres.timeZone }).from(centres).where(eq(centres.id, centreId)),
    db
      .select({
        weekday: centreOpeningHours.weekday,
        opens: centreOpeningHours.opens,
        closes: centreOpeningHours.closes,
      })
      .from(centreOpeningHours)
      .where(eq(centreOpeningHours.centreId, centreId))
      .orderBy(asc(centreOpeningHours.weekday), asc(centreOpeningHours.opens)),
    db
      .select({
        startsOn: centreClosures.startsOn,
        endsOn: centreClosures.endsOn,
        reason: centreClosures.reason,
      })
      .from(centreClosures)
      .where(
        and(
          eq(centreClosures.centreId, centreId),
          lte(centreClosures.startsOn, toDate),
          gte(centreClosures.endsOn, fromDate),
        ),
      ),
  ]);
  return {
    timeZone: centre?.timeZone ?? 'America/Cayenne',
    openingHours: hours.map((h) => ({
      weekday: h.weekday,
      opens: h.opens.slice(0, 5),
      closes: h.closes.slice(0, 5),
    })),
    closures: centreOff,
  };
}

/** The closures of several resources around a period, by resource. */
export async function resourceClosuresOf(
  db: Pick<Db, 'select'>,
  resourceIds: readonly string[],
  fromDate: string,
  toDate: string,
): Promise<Map<string, CentreCalendar['closures']>> {
  const byResource = new Map<string, CentreCalendar['closures'][number][]>(
    resourceIds.map((id) => [id, []]),
  );
  if (!resourceIds.length) return byResource;
  const rows = await db
    .select({
      resourceId: resourceClosures.resourceId,
      startsOn: resourceClosures.startsOn,
      endsOn: resourceClosures.endsOn,
      reason: resourceClosures.reason,
    })
    .from(resourceClosures)
    .where(
      and(
        inArray(resourceClosures.resourceId, [...resourceIds]),
        lte(resourceClosures.startsOn, toDate),
        gte(resourceClosures.endsOn, fromDate),
      ),
    );
  for (const { resourceId, ...closure } of rows) byResource.get(resourceId)?.push(closure);
  return byResource;
}

/**
 * Bookings ending after `from` and starting before `to` (either may be absent). Asked as
 * `tstzrange(starts_at, ends_at) && tstzrange(from, to)` — the same rows, as bookings are never
 * empty — so PostgreSQL searches the GiST index on (centre_id, that range) and reads only the
 * bookings around the period, not the centre's whole past. A period that is empty or reversed
 * (`from >= to`) keeps the two comparisons: an empty range meets nothing, while
 * `ends_at > from and starts_at < to` can.
 */
function periodFilter(fromIso: string | undefined, toIso: string | undefined): SQL | undefined {
  const from = fromIso ? new Date(fromIso) : undefined;
  const to = toIso ? new Date(toIso) : undefined;
  if (from && to && from.getTime() >= to.getTime())
    return and(gt(bookings.endsAt, from), lt(bookings.startsAt, to));
  if (!from && !to) return undefined;
  const bound = (d: Date | undefined) => (d ? d.toISOString() : null);
  return sql`tstzrange(${bookings.startsAt}, ${bookings.endsAt}, '[)') && tstzrange(${bound(from)}::timestamptz, ${bound(to)}::timestamptz, '[)')`;
}

export async function listBookings(
  db: Db,
  query: BookingListQuery,
  scope: 'all' | readonly string[],
  customDefs: readonly CustomFieldDefinition[] = [],
): Promise<Page<Booking>> {
  const filters: SQL[] = [];
  if (scope !== 'all')
    filters.push(scope.length ? inArray(bookings.centreId, [...scope]) : sql`false`);
  if (query.centreId) filters.push(eq(bookings.centreId, query.centreId));
  if (query.resourceId) filters.push(eq(bookings.resourceId, query.resourceId));
  if (query.status) filters.push(eq(bookings.status, query.status));
  const period = periodFilter(query.from, query.to);
  if (period) filters.push(period);
  const where = filters.length ? and(...filters) : undefined;
  const rows = await db
    .select({ booking: bookings, total: totalColumn() })
    .from(bookings)
    .where(where)
    .orderBy(asc(bookings.startsAt), asc(bookings.id))
    .limit(query.pageSize)
    .offset(pageOffset(query));
  return toPage(
    rows,
    query,
    async () => (await db.select({ n: countColumn() }).from(bookings).where(where))[0]?.n ?? 0,
    (row) => toBooking(row.booking, customDefs),
  );
}

export async function findBooking(
  db: Pick<Db, 'select'>,
  id: string,
  customDefs: readonly CustomFieldDefinition[] = [],
): Promise<Booking | undefined> {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id));
  return row ? toBooking(row, customDefs) : undefined;
}

export async function centreOfBooking(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ centreId: bookings.centreId })
    .from(bookings)
    .where(eq(bookings.id, id));
  return row?.centreId;
}
