import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/circular/reports.sql.ts';
import { seedDemoNetwork } from '../../src/db/seed/seed.ts';
import { engines, freshDatabase, type TestDatabase } from '../harness.ts';
import { seededRandom } from '../seeded-random.ts';

/**
 * event_headcounts (kept by statement triggers on event_registrations) holds exactly the places
 * recomputed from the registrations: registered, and absent among them, per event, no row for an
 * event with none; on the demo network, then after registrations in bulk, changes of status,
 * attendance, seats and event, deletes, an event deleted with its registrations, and a truncate.
 */
describe.each(engines)('places per event (%s)', { timeout: 120_000 }, (kind) => {
  let database: TestDatabase;
  const r = seededRandom(20261207);

  async function expectInStep() {
    const kept = await rowsOf(
      database.db,
      sql`select event_id::text, registered::int, absent::int from event_headcounts order by 1`,
    );
    const recomputed = await rowsOf(
      database.db,
      sql`select event_id::text, registered::int, absent::int from (
            select event_id,
                   coalesce(sum(seats) filter (where status = 'registered'), 0) as registered,
                   coalesce(sum(seats) filter (where status = 'registered' and attendance = 'absent'), 0) as absent
              from event_registrations group by event_id) x
           where registered <> 0
           order by 1`,
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(recomputed);
  }

  const eventIds = async () =>
    (
      await rowsOf<{ id: string }>(database.db, sql`select id::text as id from events order by id`)
    ).map((x) => x.id);

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await seedDemoNetwork(database.db, Temporal.PlainDate.from('2026-11-23'));
  });
  afterAll(() => database?.dispose());

  it('on the demo network (the migration’s backfill and the seed’s inserts)', async () => {
    await expectInStep();
  });

  it('after registrations in bulk, then changes of status, attendance, seats and event', async () => {
    const events = await eventIds();
    expect(events.length).toBeGreaterThan(2);
    const values = Array.from({ length: 300 }, (_, i) => {
      const status = r.pick(['registered', 'registered', 'waitlisted', 'cancelled']);
      const attendance = status === 'registered' ? r.pick([null, 'present', 'absent']) : null;
      return sql`(${r.pick(events)}::uuid, ${`Personne ${i}`}, ${1 + r.int(10)},
                  ${status}, ${attendance}, 'staff')`;
    });
    await database.db.execute(sql`
      insert into event_registrations (event_id, name, seats, status, attendance, source)
      values ${sql.join(values, sql`, `)}`);
    await expectInStep();
    await database.db.execute(sql`
      update event_registrations set status = 'cancelled', attendance = null
       where status = 'registered' and name like 'Personne 1%'`);
    await expectInStep();
    await database.db.execute(sql`
      update event_registrations set status = 'registered'
       where status = 'waitlisted' and name like 'Personne 2%'`);
    await database.db.execute(sql`
      update event_registrations set attendance = 'absent'
       where status = 'registered' and attendance is null and name like 'Personne %3'`);
    await database.db.execute(sql`
      update event_registrations set seats = 1 + (seats % 10) where name like 'Personne %5'`);
    await expectInStep();
    // Registrations moved to another event, and an edit that changes no place.
    await database.db.execute(sql`
      update event_registrations set event_id = ${events[0]}::uuid where name like 'Personne %7'`);
    await database.db.execute(sql`update event_registrations set name = name || ' '`);
    await expectInStep();
  });

  it('after deletes, an event deleted with its registrations, and a truncate', async () => {
    await database.db.execute(sql`delete from event_registrations where name like 'Personne %9%'`);
    await expectInStep();
    const [held] = await rowsOf<{ id: string }>(
      database.db,
      sql`select event_id::text as id from event_headcounts order by registered desc limit 1`,
    );
    await database.db.execute(sql`delete from event_bookings where event_id = ${held?.id}::uuid`);
    await database.db.execute(sql`delete from events where id = ${held?.id}::uuid`);
    await expectInStep();
    const [gone] = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from event_headcounts where event_id = ${held?.id}::uuid`,
    );
    expect(gone?.n).toBe(0);
    await database.db.execute(sql`truncate event_registrations`);
    const [left] = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from event_headcounts`,
    );
    expect(left?.n).toBe(0);
  });

  it('the migration’s backfill rebuilds the same places from the registrations', async () => {
    await database.db.execute(sql`delete from event_headcounts`);
    const events = await eventIds();
    await database.db.execute(sql`
      insert into event_registrations (event_id, name, seats, status, attendance, source)
      values ${sql.join(
        events.slice(0, 20).map(
          (id, i) => sql`(${id}::uuid, ${`Retour ${i}`}, ${1 + (i % 4)},
            ${i % 3 === 0 ? 'waitlisted' : 'registered'}, ${i % 5 === 0 && i % 3 !== 0 ? 'absent' : null}, 'staff')`,
        ),
        sql`, `,
      )}`);
    await database.db.execute(sql`delete from event_headcounts`);
    const migration = readFileSync(
      fileURLToPath(new URL('../../drizzle/0025_event_headcounts.sql', import.meta.url)),
      'utf8',
    );
    const backfill = migration.split('--> statement-breakpoint').at(-1) ?? '';
    expect(backfill).toContain('INSERT INTO "event_headcounts"');
    await database.db.execute(sql.raw(backfill));
    await expectInStep();
  });
});
