import type { Event, EventListQuery, EventSession } from '@lakou/domain/events';
import { type Page, pageOffset } from '@lakou/domain/shared';
import { and, asc, eq, gt, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { LIVE_STATUSES } from '../booking/bookings.queries.ts';
import type { Db } from '../db/client.ts';
import { toPage, totalColumn } from '../db/paginate.ts';
import {
  bookings,
  centres,
  eventBookings,
  eventKinds,
  eventRegistrations,
  events,
  partners,
  resources,
} from '../db/schema/index.ts';

type Reader = Pick<Db, 'select'>;

const seatsWhere = (condition: SQL) =>
  sql<number>`(select coalesce(sum(${eventRegistrations.seats}), 0) from ${eventRegistrations}
    where ${eventRegistrations.eventId} = ${events.id} and ${condition})`.mapWith(Number);

const eventColumns = {
  id: events.id,
  centreId: events.centreId,
  centreName: centres.name,
  timeZone: centres.timeZone,
  kindId: eventKinds.id,
  kindKey: eventKinds.key,
  kindLabel: eventKinds.label,
  title: events.title,
  description: events.description,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  capacity: events.capacity,
  public: events.public,
  registrationOpen: events.registrationOpen,
  partnerId: events.partnerId,
  partnerName: partners.name,
  basicNeeds: events.basicNeeds,
  status: events.status,
  cancelReason: events.cancelReason,
  anonymousHeadcount: events.anonymousHeadcount,
  seatsTaken: seatsWhere(sql`${eventRegistrations.status} = 'registered'`),
  waiting: sql<number>`(select count(*) from ${eventRegistrations}
    where ${eventRegistrations.eventId} = ${events.id} and ${eventRegistrations.status} = 'waitlisted')`.mapWith(
    Number,
  ),
  attended: seatsWhere(sql`${eventRegistrations.attendance} = 'present'`),
};

function baseSelect(db: Reader) {
  return db
    .select({ ...eventColumns, total: totalColumn() })
    .from(events)
    .innerJoin(centres, eq(centres.id, events.centreId))
    .innerJoin(eventKinds, eq(eventKinds.id, events.kindId))
    .leftJoin(partners, eq(partners.id, events.partnerId));
}

/** The bookings each event is held on, by start. */
export async function sessionsOf(
  db: Reader,
  eventIds: readonly string[],
): Promise<Map<string, EventSession[]>> {
  const out = new Map<string, EventSession[]>();
  if (!eventIds.length) return out;
  const rows = await db
    .select({
      eventId: eventBookings.eventId,
      bookingId: bookings.id,
      resourceId: bookings.resourceId,
      resourceName: resources.name,
      start: bookings.startsAt,
      end: bookings.endsAt,
      status: bookings.status,
    })
    .from(eventBookings)
    .innerJoin(bookings, eq(bookings.id, eventBookings.bookingId))
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .where(inArray(eventBookings.eventId, [...eventIds]))
    .orderBy(asc(bookings.startsAt));
  for (const r of rows) {
    const list = out.get(r.eventId) ?? [];
    list.push({
      bookingId: r.bookingId,
      resourceId: r.resourceId,
      resourceName: r.resourceName,
      start: r.start.toISOString(),
      end: r.end.toISOString(),
      cancelled: !(LIVE_STATUSES as readonly string[]).includes(r.status),
    });
    out.set(r.eventId, list);
  }
  return out;
}

type EventRow = Omit<Awaited<ReturnType<typeof baseSelect>>[number], 'total'>;

function toEvent(row: EventRow, sessions: EventSession[]): Event {
  return {
    id: row.id,
    centreId: row.centreId,
    centreName: row.centreName,
    timeZone: row.timeZone,
    kind: { id: row.kindId, key: row.kindKey, label: row.kindLabel },
    title: row.title,
    description: row.description,
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    sessions,
    capacity: row.capacity,
    public: row.public,
    registrationOpen: row.registrationOpen,
    partnerId: row.partnerId,
    partnerName: row.partnerName,
    basicNeeds: row.basicNeeds as Event['basicNeeds'],
    status: row.status as Event['status'],
    cancelReason: row.cancelReason,
    seatsTaken: row.seatsTaken,
    waiting: row.waiting,
    attended: row.attended,
    anonymousHeadcount: row.anonymousHeadcount,
  };
}

export async function findEvent(db: Reader, id: string): Promise<Event | null> {
  const [row] = await baseSelect(db).where(eq(events.id, id));
  if (!row) return null;
  const sessions = await sessionsOf(db, [id]);
  return toEvent(row, sessions.get(id) ?? []);
}

/**
 * Events by start. `scope` narrows to the centres the reader works in; `publicOnly` (visitors)
 * to public ones. Both may combine: a signed-in person sees their centres' events and the public
 * ones elsewhere.
 */
export async function listEvents(
  db: Reader,
  query: EventListQuery,
  visibility: { scope: 'all' | string[] },
  now: Date,
): Promise<Page<Event>> {
  const conditions: SQL[] = [];
  const { scope } = visibility;
  if (scope !== 'all') {
    conditions.push(
      scope.length
        ? (sql`(${events.public} or ${inArray(events.centreId, scope)})` as SQL)
        : eq(events.public, true),
    );
  }
  if (query.centreId) conditions.push(eq(events.centreId, query.centreId));
  if (query.kindId) conditions.push(eq(events.kindId, query.kindId));
  if (query.public) conditions.push(eq(events.public, query.public === 'true'));
  if (query.status) conditions.push(eq(events.status, query.status));
  conditions.push(gt(events.endsAt, query.from ? new Date(query.from) : now));
  if (query.to) conditions.push(lt(events.startsAt, new Date(query.to)));
  const where = and(...conditions);
  const rows = await baseSelect(db)
    .where(where)
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(query.pageSize)
    .offset(pageOffset(query));
  const sessions = await sessionsOf(
    db,
    rows.map((r) => r.id),
  );
  return toPage(
    rows,
    query,
    async () => {
      const [r] = await db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(events)
        .where(where);
      return r?.n ?? 0;
    },
    (row) => toEvent(row, sessions.get(row.id) ?? []),
  );
}

export async function centreOfEvent(db: Reader, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ centreId: events.centreId })
    .from(events)
    .where(eq(events.id, id));
  return row?.centreId;
}

/** Recomputes an event's time from its live bookings (kept when none is left). */
export async function refreshEventTime(db: Pick<Db, 'execute'>, eventId: string): Promise<void> {
  await db.execute(sql`
    update ${events} set
      starts_at = coalesce(t.first, ${events.startsAt}),
      ends_at = coalesce(t.last, ${events.endsAt})
    from (
      select min(b.starts_at) as first, max(b.ends_at) as last
      from ${eventBookings} eb join ${bookings} b on b.id = eb.booking_id
      where eb.event_id = ${eventId} and b.status in ('requested', 'confirmed', 'checked_in')
    ) t
    where ${events.id} = ${eventId}`);
}
