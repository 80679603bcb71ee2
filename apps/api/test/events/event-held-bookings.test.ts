import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/circular/reports.sql.ts';
import { seedDemoNetwork } from '../../src/db/seed/seed.ts';
import { engines, freshDatabase, type TestDatabase } from '../harness.ts';

/** The bookings that hold an event, as event_held_bookings keeps them and recomputed from the bookings. */
async function expectInStep(database: TestDatabase) {
  const columns = sql`booking_id::text, event_id::text, centre_id::text,
      to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as starts_at,
      array_to_string(basic_needs, ',') as needs, headcount::int as headcount`;
  const kept = await rowsOf(
    database.db,
    sql`select ${columns} from event_held_bookings order by 1`,
  );
  const recomputed = await rowsOf(
    database.db,
    sql`select ${columns} from (
          select b.id as booking_id, eb.event_id, b.centre_id, b.starts_at, b.basic_needs,
                 b.headcount
            from bookings b join event_bookings eb on eb.booking_id = b.id
           where b.status in ('requested', 'confirmed', 'checked_in')
             and b.basic_needs <> '{}') x
         order by 1`,
  );
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(recomputed);
}

/** The count a `select count(*)::int as n …` gives. */
const count = async (database: TestDatabase, query: ReturnType<typeof sql>) =>
  (await rowsOf<{ n: number }>(database.db, query))[0]?.n ?? 0;

/**
 * event_held_bookings (kept by statement triggers on event_bookings and bookings) holds exactly
 * the bookings that hold an event, served people and declare needs, as they read now: on the
 * demo network, then after links added and moved, bookings changed in bulk, a booking and an
 * event deleted with their links, a truncate, the migration's backfill, and (on PostgreSQL)
 * links and changes of the same bookings racing in separate transactions.
 */
describe.each(engines)('bookings that hold an event (%s)', { timeout: 120_000 }, (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await seedDemoNetwork(database.db, Temporal.PlainDate.from('2026-11-23'));
    // Needs on every booking of an event, and some without any, so both cases are present.
    await database.db.execute(sql`
      update bookings set basic_needs = case when headcount % 3 = 0 then '{}'::text[]
                                             else '{food,housing}'::text[] end
       where id in (select booking_id from event_bookings)`);
  });
  afterAll(() => database?.dispose());

  it('on the demo network (the seed’s links, then needs declared in bulk)', async () => {
    await expectInStep(database);
  });

  it('after links added in bulk and moved to another event', async () => {
    await database.db.execute(sql`
      insert into event_bookings (event_id, booking_id)
      select (select id from events order by id limit 1), b.id
        from bookings b
       where not exists (select 1 from event_bookings eb where eb.booking_id = b.id)
         and b.basic_needs <> '{}'
       order by b.id limit 40`);
    await expectInStep(database);
    await database.db.execute(sql`
      update event_bookings set event_id = (select id from events order by id desc limit 1)
       where booking_id in (select booking_id from event_bookings order by booking_id limit 15)`);
    await expectInStep(database);
  });

  it('after bookings change status, needs, headcount and start, and an edit that changes none', async () => {
    const held = sql`(select booking_id from event_bookings)`;
    await database.db.execute(sql`
      update bookings set status = 'cancelled', cancel_reason = 'Essai'
       where id in (select booking_id from event_bookings order by booking_id limit 5)`);
    await database.db.execute(sql`
      update bookings set status = 'no_show'
       where status = 'confirmed' and id in (select booking_id from event_bookings order by booking_id desc limit 3)`);
    await expectInStep(database);
    await database.db.execute(sql`
      update bookings set status = 'confirmed', cancel_reason = null
       where status = 'cancelled' and id in ${held}
         and not exists (select 1 from bookings o
                          where o.resource_id = bookings.resource_id and o.id <> bookings.id
                            and o.status <> 'cancelled'
                            and tstzrange(o.starts_at, o.blocked_until)
                                && tstzrange(bookings.starts_at, bookings.blocked_until))`);
    await database.db.execute(sql`
      update bookings set basic_needs = case when basic_needs = '{}' then '{mobility}'::text[]
                                             else '{}'::text[] end
       where id in (select booking_id from event_bookings order by booking_id limit 8)`);
    await database.db.execute(sql`
      update bookings set headcount = headcount + 2 where id in ${held}`);
    // A later start within the booking's own slot: it can meet no other booking.
    await database.db.execute(sql`
      update bookings set starts_at = starts_at + interval '15 minutes'
       where ends_at - starts_at > interval '15 minutes'
         and id in (select booking_id from event_bookings order by booking_id limit 4)`);
    await expectInStep(database);
    const before = await count(database, sql`select count(*)::int as n from event_held_bookings`);
    await database.db.execute(
      sql`update bookings set purpose = purpose || ' ' where id in ${held}`,
    );
    expect(await count(database, sql`select count(*)::int as n from event_held_bookings`)).toBe(
      before,
    );
    await expectInStep(database);
  });

  it('after a booking and an event deleted with their links, then a truncate', async () => {
    const [booking] = await rowsOf<{ id: string }>(
      database.db,
      sql`select booking_id::text as id from event_held_bookings order by booking_id limit 1`,
    );
    await database.db.execute(sql`delete from bookings where id = ${booking?.id}::uuid`);
    expect(
      await count(
        database,
        sql`select count(*)::int as n from event_held_bookings where booking_id = ${booking?.id}::uuid`,
      ),
    ).toBe(0);
    await expectInStep(database);
    const [event] = await rowsOf<{ id: string }>(
      database.db,
      sql`select event_id::text as id from event_held_bookings
           group by event_id order by count(*) desc limit 1`,
    );
    await database.db.execute(sql`delete from events where id = ${event?.id}::uuid`);
    expect(
      await count(
        database,
        sql`select count(*)::int as n from event_held_bookings where event_id = ${event?.id}::uuid`,
      ),
    ).toBe(0);
    await expectInStep(database);
    await database.db.execute(sql`delete from event_held_bookings`);
    const migration = readFileSync(
      fileURLToPath(new URL('../../drizzle/0026_event_held_bookings.sql', import.meta.url)),
      'utf8',
    );
    const backfill = migration.split('--> statement-breakpoint').at(-1) ?? '';
    expect(backfill).toContain('INSERT INTO "event_held_bookings"');
    await database.db.execute(sql.raw(backfill));
    await expectInStep(database);
    await database.db.execute(sql`truncate event_bookings`);
    expect(await count(database, sql`select count(*)::int as n from event_held_bookings`)).toBe(0);
  });
});

describe.each(engines.filter((k) => k === 'postgres'))(
  'bookings that hold an event, changed concurrently (%s)',
  { timeout: 120_000 },
  (kind) => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await freshDatabase(kind);
      await seedDemoNetwork(database.db, Temporal.PlainDate.from('2026-11-23'));
    });
    afterAll(() => database?.dispose());

    it('keeps in step when links and changes of the same bookings race in separate transactions', async () => {
      const url = database.url;
      if (!url) throw new Error('no database URL');
      const [event] = await rowsOf<{ id: string }>(
        database.db,
        sql`select id::text as id from events order by id limit 1`,
      );
      const free = (
        await rowsOf<{ id: string }>(
          database.db,
          sql`select id::text as id from bookings b
             where status = 'confirmed'
               and not exists (select 1 from event_bookings eb where eb.booking_id = b.id)
             order by id limit 30`,
        )
      ).map((b) => b.id);
      expect(free.length).toBe(30);
      const clients = Array.from({ length: 6 }, () =>
        postgres(url, { max: 1, onnotice: () => {} }),
      );
      try {
        // Each booking is linked by one client while another changes its needs and headcount;
        // a short sleep inside each transaction makes them overlap.
        await Promise.all(
          free.flatMap((id, i) => {
            const linker = clients[i % 3] as postgres.Sql;
            const editor = clients[3 + (i % 3)] as postgres.Sql;
            return [
              linker.begin(async (tx) => {
                await tx`insert into event_bookings (event_id, booking_id) values (${event?.id ?? ''}, ${id})`;
                await tx`select pg_sleep(0.01)`;
              }),
              editor.begin(async (tx) => {
                await tx`update bookings set basic_needs = '{food}', headcount = headcount + 1 where id = ${id}`;
                await tx`select pg_sleep(0.01)`;
              }),
            ];
          }),
        );
      } finally {
        await Promise.all(clients.map((c) => c.end({ timeout: 5 })));
      }
      expect(
        await count(
          database,
          sql`select count(*)::int as n from event_held_bookings
             where booking_id in (${sql.join(
               free.map((id) => sql`${id}::uuid`),
               sql`, `,
             )})`,
        ),
      ).toBe(30);
      await expectInStep(database);
    });
  },
);
