import type { CustomFieldDefinition } from '@lakou/domain/config';
import type { Event, EventListQuery, EventSession } from '@lakou/domain/events';
import { type Page, pageOffset } from '@lakou/domain/shared';
import { and, asc, desc, eq, gt, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { LIVE_STATUSES } from '../booking/bookings.queries.ts';
import { activeDefinitionsOf, visibleCustomAt } from '../config/custom-values.ts';
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
  organisationId: centres.organisationId,
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
  custom: events.custom,
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

/**
 * Every active custom field definition of events, per organisation of the rows given: loaded
 * once for a page of events, then filtered per row's centre.
 */
export async function eventDefinitions(
  db: Reader,
  rows: readonly { organisationId: string }[],
): Promise<Map<string, CustomFieldDefinition[]>> {
  const out = new Map<string, CustomFieldDefinition[]>();
  for (const organisationId of new Set(rows.map((r) => r.organisationId))) {
    out.set(organisationId, await activeDefinitionsOf(db, organisationId, 'event'));
  }
  return out;
}

function toEvent(
  row: EventRow,
  sessions: EventSession[],
  defs: Map<string, CustomFieldDefinition[]>,
): Event {
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
    custom: visibleCustomAt(defs.get(row.organisationId) ?? [], row.centreId, row.custom),
  };
}

export async function findEvent(db: Reader, id: string): Promise<Event | null> {
  const [row] = await baseSelect(db).where(eq(events.id, id));
  if (!row) return null;
  const sessions = await sessionsOf(db, [id]);
  return toEvent(row, sessions.get(id) ?? [], await eventDefinitions(db, [row]));
}

/** How to order and filter on custom fields, the definitions already found by the route. */
export interface CustomListQuery {
  sort?: { def: CustomFieldDefinition; order: 'asc' | 'desc' };
  filters: { def: CustomFieldDefinition; value: string }[];
}

const customValue = (key: string) => sql`(${events.custom} -> ${key})`;
const customText = (key: string) => sql`(${events.custom} ->> ${key})`;

/** The SQL condition of a `custom.<key>=<value>` filter; the route checked the value's form. */
function customCondition(def: CustomFieldDefinition, value: string): SQL {
  const key = def.key;
  switch (def.type) {
    case 'single_choice':
    case 'date':
      return sql`${customText(key)} = ${value}`;
    case 'multiple_choice':
      return sql`(jsonb_typeof(${customValue(key)}) = 'array' and ${customValue(key)} @> jsonb_build_array(${value}::text))`;
    case 'yes_no':
      return sql`${customValue(key)} = ${value === 'true' ? sql`'true'::jsonb` : sql`'false'::jsonb`}`;
    case 'number':
      return sql`(case when jsonb_typeof(${customValue(key)}) = 'number' then (${customText(key)})::numeric end) = ${Number(value)}::numeric`;
    default: {
      const pattern = `%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      return sql`${customText(key)} ilike ${pattern}`;
    }
  }
}

/** What to order by for a custom field: numbers as numbers, the rest as text; no value last. */
function customOrder(def: CustomFieldDefinition, order: 'asc' | 'desc', seen?: SQL): SQL {
  const key = def.key;
  const value =
    def.type === 'number'
      ? sql`(case when jsonb_typeof(${customValue(key)}) = 'number' then (${customText(key)})::numeric end)`
      : def.type === 'multiple_choice' || def.type === 'yes_no'
        ? sql`(case when ${customValue(key)} = 'null'::jsonb then null else ${customValue(key)}::text end)`
        : sql`(case when jsonb_typeof(${customValue(key)}) = 'string' then ${customText(key)} end)`;
  const expr = seen ? sql`(case when ${seen} then ${value} end)` : value;
  return order === 'desc' ? sql`${expr} desc nulls last` : sql`${expr} asc nulls last`;
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
  custom: CustomListQuery = { filters: [] },
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
  // Custom values are seen by the people of the event's centre only: they filter and sort those.
  const seen =
    scope === 'all' ? undefined : scope.length ? inArray(events.centreId, scope) : sql`false`;
  for (const f of custom.filters) {
    const condition = customCondition(f.def, f.value);
    conditions.push(seen ? (sql`(${seen} and ${condition})` as SQL) : condition);
  }
  const where = and(...conditions);
  const byStart =
    query.order === 'desc' && !custom.sort ? desc(events.startsAt) : asc(events.startsAt);
  const rows = await baseSelect(db)
    .where(where)
    .orderBy(
      ...(custom.sort ? [customOrder(custom.sort.def, custom.sort.order, seen)] : []),
      byStart,
      asc(events.id),
    )
    .limit(query.pageSize)
    .offset(pageOffset(query));
  const sessions = await sessionsOf(
    db,
    rows.map((r) => r.id),
  );
  const defs = await eventDefinitions(db, rows);
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
    (row) => toEvent(row, sessions.get(row.id) ?? [], defs),
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

/** At most this many events in one export. */
export const EXPORT_LIMIT = 20_000;

/**
 * The events of the centres in `scope` that start in a period (days in each centre's time zone,
 * bounds included), by start: what the CSV export lists.
 */
export async function eventsStartingIn(
  db: Reader,
  query: { from: string; to: string; centreId?: string; scope: 'all' | string[] },
): Promise<{ items: Event[]; definitions: Map<string, CustomFieldDefinition[]> }> {
  const conditions: SQL[] = [
    sql`(${events.startsAt} at time zone ${centres.timeZone})::date between ${query.from}::date and ${query.to}::date`,
  ];
  if (query.scope !== 'all') {
    if (!query.scope.length) return { items: [], definitions: new Map() };
    conditions.push(inArray(events.centreId, query.scope));
  }
  if (query.centreId) conditions.push(eq(events.centreId, query.centreId));
  const rows = await baseSelect(db)
    .where(and(...conditions))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(EXPORT_LIMIT);
  const sessions = await sessionsOf(
    db,
    rows.map((r) => r.id),
  );
  const definitions = await eventDefinitions(db, rows);
  return {
    items: rows.map((r) => toEvent(r, sessions.get(r.id) ?? [], definitions)),
    definitions,
  };
}
