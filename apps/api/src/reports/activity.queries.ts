import { DEFAULT_TIME_ZONE, type OpeningWindow } from '@lakou/domain/network';
import { basicNeeds } from '@lakou/domain/shared';
import {
  type ActivityData,
  bookableMinutesByBucket,
  type CheckInRow,
  type EventRow,
  type NeedRow,
  type OccupancyKind,
  type OccupancyRow,
  periodDays,
} from '@lakou/reports/activity';
import { BUCKET_SQL_FORMAT, type Granularity } from '@lakou/reports/model';
import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../circular/reports.sql.ts';
import type { Db } from '../db/client.ts';
import { splitByMonths } from './recycling.queries.ts';

/**
 * The SQL behind the activity report. Bookings, events, registrations and check-ins are summed in
 * the database, per centre and bucket (`to_char(<local day>, BUCKET_SQL_FORMAT[g])`). Bookable
 * time is not a sum of rows but a calendar: the few rooms and desks of the centres, their weekly
 * windows and closures are read, and `bookableMinutesByBucket` counts their hours day by day.
 */

export interface Period {
  from: string;
  to: string;
}

export const ZONE = sql.raw(`'${DEFAULT_TIME_ZONE}'`);
export const fmt = (g: Granularity) => sql.raw(`'${BUCKET_SQL_FORMAT[g]}'`);
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const inCentres = (column: SQL, centreIds: readonly string[]): SQL =>
  centreIds.length === 0
    ? sql`false`
    : sql`${column} in (${sql.join(
        centreIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;

/** `<ts>` starts on a local day of the period: an index-friendly range of instants. */
export const startsIn = (ts: SQL, p: Period): SQL =>
  sql`${ts} >= (${p.from}::date)::timestamp at time zone ${ZONE}
      and ${ts} < (${p.to}::date + 1)::timestamp at time zone ${ZONE}`;
export const localBucket = (ts: SQL, g: Granularity): SQL =>
  sql`to_char((${ts} at time zone ${ZONE})::date, ${fmt(g)})`;

/** Statuses of a booking that held its slot: all but cancelled (a no-show held it too). */
const BOOKED = sql`b.status <> 'cancelled'`;
/** Bookings that served people: neither cancelled nor a no-show. */
const SERVED = sql`b.status not in ('cancelled', 'no_show')`;

/**
 * Minutes booked per centre, kind and bucket. For buckets of a month or more, the whole months
 * come from `booking_monthly` (kept by triggers on bookings, dated the month's first day, which
 * falls in the same bucket) and only the days around them from the bookings: the same sums, at a
 * cost that follows the months asked, not the years of bookings stored. Days and weeks, or
 * `monthly: false` (what the sums are checked against), read the bookings.
 */
function bookedMinutes(p: Period, g: Granularity, centreIds: readonly string[], monthly: boolean) {
  const split =
    !monthly || g === 'day' || g === 'week'
      ? { months: null, days: [p] }
      : splitByMonths(p.from, p.to);
  const parts = split.days.map(
    (days) => sql`
      select b.centre_id, r.kind, ${localBucket(sql`b.starts_at`, g)} as bucket,
             extract(epoch from (b.ends_at - b.starts_at)) as seconds
        from bookings b
        join resources r on r.id = b.resource_id
       where ${BOOKED} and r.kind in ('room', 'desk')
         and ${inCentres(sql`b.centre_id`, centreIds)}
         and ${startsIn(sql`b.starts_at`, days)}`,
  );
  if (split.months)
    parts.push(sql`
      select m.centre_id, r.kind, to_char(m.month, ${fmt(g)}) as bucket, m.seconds
        from booking_monthly m
        join resources r on r.id = m.resource_id
       where r.kind in ('room', 'desk') and ${inCentres(sql`m.centre_id`, centreIds)}
         and m.month between ${split.months.from}::date and ${split.months.to}::date`);
  return sql`
    select centre_id, kind, bucket, sum(seconds) / 60 as minutes
      from (${sql.join(parts, sql` union all `)}) t
     group by 1, 2, 3`;
}

async function occupancy(
  db: Db,
  p: Period,
  g: Granularity,
  centreIds: readonly string[],
  monthly: boolean,
): Promise<OccupancyRow[]> {
  const booked = await rowsOf<{
    centre_id: string;
    kind: OccupancyKind;
    bucket: string;
    minutes: unknown;
  }>(db, bookedMinutes(p, g, centreIds, monthly));
  // Rooms and desks in use: the active ones, and those no longer active but booked in the period.
  const resources = await rowsOf<{
    id: string;
    centre_id: string;
    kind: OccupancyKind;
    bookable_hours: OpeningWindow[] | string | null;
  }>(
    db,
    sql`
      select r.id, r.centre_id, r.kind, r.bookable_hours
        from resources r
       where r.kind in ('room', 'desk') and ${inCentres(sql`r.centre_id`, centreIds)}
         and (r.active or exists (
               select 1 from bookings b
                where b.resource_id = r.id and ${BOOKED} and ${startsIn(sql`b.starts_at`, p)}))`,
  );
  const opening = await rowsOf<{
    centre_id: string;
    weekday: number;
    opens: string;
    closes: string;
  }>(
    db,
    sql`
      select centre_id, weekday, to_char(opens, 'HH24:MI') as opens, to_char(closes, 'HH24:MI') as closes
        from centre_opening_hours
       where ${inCentres(sql`centre_id`, centreIds)}`,
  );
  const closures = await rowsOf<{
    centre_id: string | null;
    resource_id: string | null;
    starts_on: string;
    ends_on: string;
  }>(
    db,
    sql`
      select centre_id, null::uuid as resource_id, starts_on::text as starts_on, ends_on::text as ends_on
        from centre_closures
       where ${inCentres(sql`centre_id`, centreIds)}
         and starts_on <= ${p.to}::date and ends_on >= ${p.from}::date
      union all
      select null::uuid, c.resource_id, c.starts_on::text, c.ends_on::text
        from resource_closures c
        join resources r on r.id = c.resource_id
       where ${inCentres(sql`r.centre_id`, centreIds)}
         and c.starts_on <= ${p.to}::date and c.ends_on >= ${p.from}::date`,
  );

  const rows = new Map<string, OccupancyRow>();
  const at = (centreId: string, kind: OccupancyKind, bucket: string) => {
    const key = `${centreId}|${kind}|${bucket}`;
    let row = rows.get(key);
    if (!row) {
      row = { centreId, kind, bucket, bookedMinutes: 0, bookableMinutes: 0 };
      rows.set(key, row);
    }
    return row;
  };
  for (const r of booked) at(r.centre_id, r.kind, r.bucket).bookedMinutes += num(r.minutes);

  const days = periodDays(p.from, p.to, g);
  const hoursOf = new Map<string, OpeningWindow[]>();
  for (const o of opening) {
    const list = hoursOf.get(o.centre_id) ?? [];
    list.push({ weekday: Number(o.weekday), opens: o.opens, closes: o.closes });
    hoursOf.set(o.centre_id, list);
  }
  // Resources with the same hours and closures (most follow their centre's) share one count:
  // a network of a thousand rooms and desks counts a few dozen calendars, not a thousand.
  const counted = new Map<string, Map<string, number>>();
  for (const r of resources) {
    const own =
      typeof r.bookable_hours === 'string'
        ? (JSON.parse(r.bookable_hours) as OpeningWindow[] | null)
        : r.bookable_hours;
    const windows = own ?? hoursOf.get(r.centre_id) ?? [];
    const closed = closures
      .filter((c) => c.centre_id === r.centre_id || c.resource_id === r.id)
      .map((c) => ({ startsOn: c.starts_on, endsOn: c.ends_on }));
    const key = JSON.stringify([windows, closed]);
    let perBucket = counted.get(key);
    if (!perBucket) {
      perBucket = bookableMinutesByBucket({ days, windows, closures: closed });
      counted.set(key, perBucket);
    }
    for (const [bucket, minutes] of perBucket)
      at(r.centre_id, r.kind, bucket).bookableMinutes += minutes;
  }
  return [...rows.values()];
}

/**
 * The events of the period (not cancelled), each with its registered and absent places (from
 * `event_headcounts`, kept by triggers on the registrations: one row per event, not every
 * registration).
 */
const eventsWithHeadcounts = (p: Period, g: Granularity, centreIds: readonly string[]) => sql`
  ev as materialized (
    select e.id, e.centre_id, e.basic_needs, e.anonymous_headcount,
           ${localBucket(sql`e.starts_at`, g)} as bucket,
           coalesce(h.registered, 0) as registered, coalesce(h.absent, 0) as absent
      from events e
      left join event_headcounts h on h.event_id = e.id
     where e.status = 'scheduled' and ${inCentres(sql`e.centre_id`, centreIds)}
       and ${startsIn(sql`e.starts_at`, p)}
  )`;

/**
 * A booking that holds an event counted in the same report (live, starting in the period, `ev`):
 * the event counts instead of the booking, so nothing is counted twice in a period, and a booking
 * whose event falls outside it (or is cancelled) still counts there.
 */
const holdsEventOfPeriod = sql`exists (
  select 1 from event_bookings eb join ev on ev.id = eb.event_id where eb.booking_id = b.id)`;

/**
 * The events per centre and bucket, and per basic need the activities serving it and the people
 * they reached, in one query so that the events and their headcounts are read once (`ev`,
 * materialised). An event counts with its participation; a booking counts with its declared
 * headcount, unless it holds one of those events (the event counts instead, so nothing is counted
 * twice in the period).
 *
 * For buckets of a month or more, the bookings of whole months come from
 * `booking_needs_monthly` (kept by triggers; every booking that served people, one row per need),
 * the days around them from the bookings, and the bookings of the period's events — reached from
 * those events in `event_held_bookings`, a few each — are taken away again. `monthly: false`
 * reads the bookings alone (what the sums are checked against).
 */
async function eventAndNeedSums(
  db: Db,
  p: Period,
  g: Granularity,
  centreIds: readonly string[],
  monthly: boolean,
): Promise<{ events: EventRow[]; needs: NeedRow[] }> {
  const split =
    !monthly || g === 'day' || g === 'week'
      ? { months: null, days: [p] }
      : splitByMonths(p.from, p.to);
  const bookingsOf = (span: Period, which: SQL) => sql`
    select n.need, 1 as activities, b.headcount as people
      from bookings b cross join lateral unnest(b.basic_needs) as n(need)
     where ${SERVED} and ${inCentres(sql`b.centre_id`, centreIds)}
       and ${startsIn(sql`b.starts_at`, span)}
       and cardinality(b.basic_needs) > 0 and ${which}`;
  const parts: SQL[] = [
    sql`select n.need, 1 as activities, ev.registered - ev.absent + ev.anonymous_headcount as people
          from ev cross join lateral unnest(ev.basic_needs) as n(need)`,
  ];
  if (split.months) {
    parts.push(sql`
      select m.need, m.bookings, m.people
        from booking_needs_monthly m
       where ${inCentres(sql`m.centre_id`, centreIds)}
         and m.month between ${split.months.from}::date and ${split.months.to}::date`);
    for (const span of split.days) parts.push(bookingsOf(span, sql`true`));
    // The bookings of the period's events, taken away again: reached from those events in
    // event_held_bookings (a narrow copy of the bookings that hold an event, serve people and
    // declare needs, kept by triggers), not by testing every booking of the period nor by
    // looking each one up in the bookings table.
    parts.push(sql`
      select n.need, -1 as activities, -h.headcount as people
        from ev join event_held_bookings h on h.event_id = ev.id
        cross join lateral unnest(h.basic_needs) as n(need)
       where ${inCentres(sql`h.centre_id`, centreIds)} and ${startsIn(sql`h.starts_at`, p)}`);
  } else parts.push(bookingsOf(p, sql`not ${holdsEventOfPeriod}`));
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`
      with ${eventsWithHeadcounts(p, g, centreIds)}
      select 'events' as part, ev.centre_id::text as centre_id, ev.bucket, null::text as need,
             count(*) as events, coalesce(sum(ev.registered), 0) as registered,
             coalesce(sum(ev.absent), 0) as absent,
             coalesce(sum(ev.anonymous_headcount), 0) as anonymous,
             null::bigint as activities, null::bigint as people
        from ev
       group by ev.centre_id, ev.bucket
      union all
      select 'needs', null, null, need, null, null, null, null,
             sum(activities), coalesce(sum(people), 0)
        from (${sql.join(parts, sql` union all `)}) acts
       group by need
      having sum(activities) <> 0`,
  );
  const known = new Set<string>(basicNeeds);
  return {
    events: rows
      .filter((r) => r.part === 'events')
      .map((r) => ({
        centreId: String(r.centre_id),
        bucket: String(r.bucket),
        events: num(r.events),
        registeredSeats: num(r.registered),
        absentSeats: num(r.absent),
        anonymous: num(r.anonymous),
      })),
    needs: rows
      .filter((r) => r.part === 'needs' && known.has(String(r.need)))
      .map((r) => ({
        need: r.need as NeedRow['need'],
        activities: num(r.activities),
        people: num(r.people),
      })),
  };
}

async function checkInSums(
  db: Db,
  p: Period,
  g: Granularity,
  centreIds: readonly string[],
): Promise<CheckInRow[]> {
  const rows = await rowsOf<{ centre_id: string; bucket: string; check_ins: unknown }>(
    db,
    sql`
      select c.centre_id, to_char(c.day, ${fmt(g)}) as bucket, count(*) as check_ins
        from coworking_check_ins c
       where ${inCentres(sql`c.centre_id`, centreIds)}
         and c.day between ${p.from}::date and ${p.to}::date
       group by 1, 2`,
  );
  return rows.map((r) => ({ centreId: r.centre_id, bucket: r.bucket, checkIns: num(r.check_ins) }));
}

/**
 * Everything the activity report sums over one period, for these centres. `monthly: false` sums
 * the bookings themselves for every bucket instead of reading whole months from `booking_monthly`.
 */
export async function activityData(
  db: Db,
  p: Period,
  g: Granularity,
  centreIds: readonly string[],
  { monthly = true }: { monthly?: boolean } = {},
): Promise<ActivityData> {
  const [{ events, needs }, occupied, checkIns] = await Promise.all([
    eventAndNeedSums(db, p, g, centreIds, monthly),
    occupancy(db, p, g, centreIds, monthly),
    checkInSums(db, p, g, centreIds),
  ]);
  return { occupancy: occupied, events, needs, checkIns };
}
