import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ActivityData } from '@lakou/reports/activity';
import type { Granularity } from '@lakou/reports/model';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/circular/reports.sql.ts';
import { seedDemoNetwork } from '../../src/db/seed/seed.ts';
import { activityData } from '../../src/reports/activity.queries.ts';
import { engines, freshDatabase, type TestDatabase } from '../harness.ts';
import { seededRandom } from '../seeded-random.ts';

/**
 * The monthly booking sums (booking_monthly and booking_needs_monthly, kept by triggers on
 * bookings) give exactly the occupancy and the basic needs of the bookings themselves: on the demo network, then after bulk inserts at every
 * hour of the day (a booking at 22:00 in Cayenne on the last day of a month is already the next
 * month in UTC), deletes, moves in time, changes of resource, cancellations and restorations,
 * events cancelled and restored (a booking holding a live event of the period counts with it);
 * for months, quarters and years, periods on and off month boundaries, every centre or some.
 */

const sortedSums = (d: ActivityData) => ({
  occupancy: d.occupancy
    .map((r) => JSON.stringify({ ...r, bookedMinutes: Math.round(r.bookedMinutes * 1000) }))
    .sort(),
  needs: d.needs.map((r) => JSON.stringify(r)).sort(),
});

describe.each(engines)('monthly booking sums (%s)', { timeout: 120_000 }, (kind) => {
  let database: TestDatabase;
  const today = Temporal.PlainDate.from('2026-11-23');
  let centreIds: string[] = [];
  const r = seededRandom(20261206);

  /**
   * booking_monthly holds exactly the sums recomputed from the bookings (months in Cayenne time,
   * written here with the offset of French Guiana, UTC−3 all year, rather than the zone's name).
   */
  async function expectInStep() {
    await expectNeedsInStep();
    const group = sql`select month::text, centre_id::text, resource_id::text,
        bookings::int as bookings, seconds::bigint::text as seconds`;
    const kept = await rowsOf(database.db, sql`${group} from booking_monthly order by 1, 2, 3`);
    const recomputed = await rowsOf(
      database.db,
      sql`${group} from (
          select date_trunc('month', (starts_at at time zone 'UTC') - interval '3 hours')::date as month,
                 centre_id, resource_id, count(*) as bookings,
                 sum(extract(epoch from ends_at) - extract(epoch from starts_at)) as seconds
            from bookings where status in ('requested', 'confirmed', 'checked_in', 'no_show')
           group by 1, 2, 3) x
        order by 1, 2, 3`,
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(recomputed);
  }

  /** booking_needs_monthly holds exactly the sums recomputed from the bookings, one row per need. */
  async function expectNeedsInStep() {
    const group = sql`select month::text, centre_id::text, need, bookings::int as bookings,
        people::bigint::text as people`;
    const kept = await rowsOf(
      database.db,
      sql`${group} from booking_needs_monthly order by 1, 2, 3`,
    );
    const recomputed = await rowsOf(
      database.db,
      sql`${group} from (
          select date_trunc('month', (b.starts_at at time zone 'UTC') - interval '3 hours')::date as month,
                 b.centre_id, n.need, count(*) as bookings, sum(b.headcount) as people
            from bookings b, unnest(b.basic_needs) as n(need)
           where b.status in ('requested', 'confirmed', 'checked_in')
           group by 1, 2, 3) x
        order by 1, 2, 3`,
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(recomputed);
  }

  /** The occupancy from booking_monthly and from the bookings is the same, for many readings. */
  async function expectSameReports() {
    const periods: [string, string][] = [
      ['2026-01-01', '2026-12-31'],
      ['2025-11-24', '2026-11-23'],
      ['2024-11-24', '2025-11-23'],
      ['2026-03-05', '2026-03-20'],
      ['2026-02-10', '2026-04-30'],
      ['2015-01-01', '2027-12-31'],
    ];
    const granularities: Granularity[] = ['month', 'quarter', 'year'];
    const scopes = [centreIds, centreIds.slice(0, 2), []];
    let compared = 0;
    let needs = 0;
    for (const [i, [from, to]] of periods.entries())
      for (const g of granularities)
        for (const ids of i === 1 || i === 4 ? scopes : scopes.slice(0, 1)) {
          const p = { from, to };
          const fromMonths = await activityData(database.db, p, g, ids);
          const fromBookings = await activityData(database.db, p, g, ids, { monthly: false });
          expect(sortedSums(fromMonths), `${from} ${to} ${g} ${ids.length}`).toEqual(
            sortedSums(fromBookings),
          );
          compared += fromMonths.occupancy.filter((o) => o.bookedMinutes > 0).length;
          needs += fromMonths.needs.length;
        }
    expect(compared).toBeGreaterThan(0);
    expect(needs).toBeGreaterThan(0);
  }

  const ids = async () =>
    (
      await rowsOf<{ id: string }>(
        database.db,
        sql`select id::text as id from bookings order by id`,
      )
    ).map((x) => x.id);
  const some = (xs: string[], n: number) => {
    const out = new Set<string>();
    while (out.size < Math.min(n, xs.length)) out.add(r.pick(xs));
    return sql.join(
      [...out].map((id) => sql`${id}::uuid`),
      sql`, `,
    );
  };

  /**
   * Bookings at every hour of the local day on 2024–2026 days, some cancelled, in one statement
   * (as the benches and the scale seed write); overlaps are left out by the exclusion constraint.
   */
  async function addBookings(n: number, seed: number) {
    await database.db.execute(sql`
      insert into bookings (resource_id, centre_id, starts_at, ends_at, blocked_until, status,
                            cancel_reason, organiser, purpose, headcount, basic_needs, audience,
                            price_cents)
      select rs.id, rs.centre_id, t, t + d, t + d,
             s, case when s = 'cancelled' then 'Annulée (essai)' end,
             '{"kind":"member","name":"Essai"}'::jsonb, 'Essai', 1 + g % 9,
             (array['{}', '{food}', '{housing,mobility}', '{}', '{clothing,food,housing}'])[1 + (g * 3 + ${seed}) % 5]::text[],
             'member', 0
        from generate_series(1, ${n}) g
        cross join lateral (select array_agg(id order by id) as ids from resources) pool
        join resources rs on rs.id = pool.ids[1 + (g * ${seed}) % array_length(pool.ids, 1)]
        cross join lateral (
          select (('2024-01-01'::date + (g * 7919 + ${seed}) % 1095)::timestamp
                   + make_interval(hours => (g * 13 + ${seed}) % 24, mins => 15 * (g % 4)))
                   at time zone 'America/Cayenne' as t,
                 make_interval(mins => 30 + 15 * ((g + ${seed}) % 7)) as d,
                 (array['confirmed', 'requested', 'checked_in', 'no_show', 'cancelled'])[1 + (g + ${seed}) % 5] as s
        ) v
      on conflict do nothing`);
  }

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await seedDemoNetwork(database.db, today);
    centreIds = (
      await rowsOf<{ id: string }>(
        database.db,
        sql`select id::text as id from centres order by slug`,
      )
    ).map((c) => c.id);
    expect(centreIds.length).toBeGreaterThan(1);
  });
  afterAll(() => database?.dispose());

  it('on the demo network (the migration’s backfill and the seed’s inserts)', async () => {
    await expectInStep();
    await expectSameReports();
  });

  it('after inserts in bulk at every hour of the day, month ends included', async () => {
    await addBookings(1500, 17);
    await addBookings(800, 29);
    const [late] = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from bookings
           where extract(hour from starts_at at time zone 'America/Cayenne') >= 21
             and extract(month from starts_at at time zone 'America/Cayenne')
                 <> extract(month from starts_at at time zone 'UTC')`,
    );
    expect(late?.n).toBeGreaterThan(0);
    await expectInStep();
    await expectSameReports();
  });

  it('after deletes, cancellations and restorations, and an edit that changes no sum', async () => {
    const before = await rowsOf(database.db, sql`select * from booking_monthly order by 1, 2, 3`);
    await database.db.execute(sql`update bookings set purpose = purpose || ' (relu)'`);
    expect(await rowsOf(database.db, sql`select * from booking_monthly order by 1, 2, 3`)).toEqual(
      before,
    );
    const all = await ids();
    await database.db.execute(sql`delete from bookings where id in (${some(all, 200)})`);
    const left = await ids();
    await database.db.execute(
      sql`update bookings set status = 'cancelled', cancel_reason = 'Essai'
           where status <> 'cancelled' and id in (${some(left, 150)})`,
    );
    // Restored: cancelled bookings whose slot is still free, one per resource in this statement
    // (two restored at once on a resource could overlap each other).
    const cancelled = sql`select count(*)::int as n from bookings where status = 'cancelled'`;
    const [cancelledBefore] = await rowsOf<{ n: number }>(database.db, cancelled);
    await database.db.execute(
      sql`update bookings set status = 'confirmed', cancel_reason = null
           where id in (
             select distinct on (c.resource_id) c.id
               from bookings c
              where c.status = 'cancelled' and c.id in (${some(left, 150)})
                and not exists (
                  select 1 from bookings o
                   where o.resource_id = c.resource_id and o.status <> 'cancelled'
                     and tstzrange(o.starts_at, o.blocked_until) && tstzrange(c.starts_at, c.blocked_until))
              order by c.resource_id, c.id)`,
    );
    const [after] = await rowsOf<{ n: number }>(database.db, cancelled);
    expect(after?.n).toBeLessThan(cancelledBefore?.n ?? 0);
    await expectInStep();
    await expectSameReports();
  });

  it('after moves in time and changes of resource and centre', async () => {
    for (let round = 0; round < 3; round++) {
      const all = await ids();
      const shift = sql.raw(`interval '${r.int(60) - 30} days ${r.int(24)} hours'`);
      // One at a time: a move onto another booking's slot is refused by the exclusion constraint.
      for (const id of [...new Set(Array.from({ length: 25 }, () => r.pick(all)))]) {
        await database.db.execute(sql`
          update bookings set starts_at = starts_at + ${shift}, ends_at = ends_at + ${shift},
                              blocked_until = blocked_until + ${shift}
           where id = ${id}::uuid
             and not exists (select 1 from bookings o
                              where o.resource_id = bookings.resource_id and o.id <> bookings.id
                                and o.status <> 'cancelled'
                                and tstzrange(o.starts_at, o.blocked_until)
                                    && tstzrange(bookings.starts_at + ${shift}, bookings.blocked_until + ${shift}))`);
      }
      const [target] = await rowsOf<{ id: string; centre_id: string }>(
        database.db,
        sql`select id::text as id, centre_id::text as centre_id from resources
             order by id offset ${r.int(5)} limit 1`,
      );
      // Cancelled bookings in bulk (they hold no slot), live ones one at a time if the slot is free.
      await database.db.execute(sql`
        update bookings set resource_id = ${target?.id}::uuid, centre_id = ${target?.centre_id}::uuid
         where id in (select b.id from bookings b
                       where b.resource_id <> ${target?.id}::uuid and b.status = 'cancelled'
                       order by b.id limit 30)`);
      for (const id of [...new Set(Array.from({ length: 15 }, () => r.pick(all)))]) {
        await database.db.execute(sql`
          update bookings set resource_id = ${target?.id}::uuid, centre_id = ${target?.centre_id}::uuid
           where id = ${id}::uuid and resource_id <> ${target?.id}::uuid
             and not exists (select 1 from bookings o
                              where o.resource_id = ${target?.id}::uuid and o.status <> 'cancelled'
                                and tstzrange(o.starts_at, o.blocked_until)
                                    && tstzrange(bookings.starts_at, bookings.blocked_until))`);
      }
    }
    await expectInStep();
    await expectSameReports();
  });

  it('after live events are cancelled and restored (their bookings count, then not)', async () => {
    const [linked] = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from event_bookings eb
            join bookings b on b.id = eb.booking_id
           where cardinality(b.basic_needs) > 0 and b.status not in ('cancelled', 'no_show')`,
    );
    if ((linked?.n ?? 0) === 0)
      await database.db.execute(sql`
        update bookings set basic_needs = '{food}'
         where id in (select booking_id from event_bookings)`);
    await database.db.execute(sql`
      update events set status = 'cancelled'
       where id in (select id from events order by id limit (select count(*) / 2 from events))`);
    await expectInStep();
    await expectSameReports();
    await database.db.execute(sql`
      update events set status = 'scheduled'
       where id in (select id from events order by id limit (select count(*) / 4 from events))`);
    await expectSameReports();
  });

  it('the migration’s backfill rebuilds the same sums from the bookings', async () => {
    const migration = readFileSync(
      fileURLToPath(new URL('../../drizzle/0020_booking_monthly.sql', import.meta.url)),
      'utf8',
    );
    const backfill = migration.split('--> statement-breakpoint').at(-1) ?? '';
    expect(backfill).toContain('INSERT INTO "booking_monthly"');
    await database.db.execute(sql`delete from booking_monthly`);
    await database.db.execute(sql.raw(backfill));
    const needsMigration = readFileSync(
      fileURLToPath(new URL('../../drizzle/0023_booking_needs_monthly.sql', import.meta.url)),
      'utf8',
    );
    const needsBackfill = needsMigration.split('--> statement-breakpoint').at(-1) ?? '';
    expect(needsBackfill).toContain('INSERT INTO "booking_needs_monthly"');
    await database.db.execute(sql`delete from booking_needs_monthly`);
    await database.db.execute(sql.raw(needsBackfill));
    await expectInStep();
  });
});
