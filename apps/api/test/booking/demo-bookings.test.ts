import { eq, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingSeries, bookings, centres, resources } from '../../src/db/schema/index.ts';
import { seedDemoNetwork } from '../../src/db/seed/seed.ts';
import { engines, freshDatabase, type TestDatabase } from '../harness.ts';

describe.each(engines)('demo bookings (%s)', (kind) => {
  let database: TestDatabase;
  const today = Temporal.PlainDate.from('2026-12-08');

  beforeAll(async () => {
    database = await freshDatabase(kind);
    const report = await seedDemoNetwork(database.db, today);
    expect(report.resourcesCreated).toBe(7 * 6);
    expect(report.bookingsCreated).toBeGreaterThan(7 * 60);
  });
  afterAll(() => database.dispose());

  it('gives every centre rooms, desks and equipment, and a café de rencontre series', async () => {
    const perCentre = await database.db
      .select({ centreId: resources.centreId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(resources)
      .groupBy(resources.centreId);
    expect(perCentre).toHaveLength(7);
    expect(perCentre.every((c) => c.n === 6)).toBe(true);
    const series = await database.db.select().from(bookingSeries);
    expect(series).toHaveLength(7);
    expect(series.every((s) => s.purpose === 'Café de rencontre' && s.durationMinutes === 90)).toBe(
      true,
    );
  });

  it('holds the café at 18:00–19:30 local time on weekdays, never on a closure day', async () => {
    const rows = await database.db
      .select({ start: bookings.startsAt, end: bookings.endsAt, timeZone: centres.timeZone })
      .from(bookings)
      .innerJoin(centres, eq(centres.id, bookings.centreId))
      .where(eq(bookings.purpose, 'Café de rencontre'));
    expect(rows.length).toBeGreaterThan(7 * 50);
    for (const row of rows) {
      const start = Temporal.Instant.fromEpochMilliseconds(row.start.getTime()).toZonedDateTimeISO(
        row.timeZone,
      );
      const end = Temporal.Instant.fromEpochMilliseconds(row.end.getTime()).toZonedDateTimeISO(
        row.timeZone,
      );
      expect([start.hour, start.minute, end.hour, end.minute]).toEqual([18, 0, 19, 30]);
      expect(start.dayOfWeek).toBeLessThanOrEqual(5);
      const date = start.toPlainDate().toString();
      expect(date >= '2026-12-24' && date <= '2027-01-01', date).toBe(false);
    }
  });

  it('spans three months around today: the past is checked in, the future confirmed', async () => {
    const [range] = await database.db
      .select({
        first: sql<string>`min(${bookings.startsAt})::text`,
        last: sql<string>`max(${bookings.startsAt})::text`,
      })
      .from(bookings);
    expect(new Date(range?.first ?? '').getTime()).toBeLessThan(new Date('2026-10-31').getTime());
    expect(new Date(range?.last ?? '').getTime()).toBeGreaterThan(new Date('2027-01-20').getTime());
    const statuses = await database.db
      .select({ status: bookings.status, past: sql<boolean>`${bookings.endsAt} < now()` })
      .from(bookings);
    for (const s of statuses) expect(s.status).toBe(s.past ? 'checked_in' : 'confirmed');
  });

  it('never puts two live bookings of one resource on top of each other (checked by a self-join)', async () => {
    const [overlaps] = await database.db
      .execute<{ n: number }>(sql`
      select count(*)::int as n from bookings a join bookings b
        on a.resource_id = b.resource_id and a.id < b.id
       and a.starts_at < b.blocked_until and b.starts_at < a.blocked_until`)
      .then((r) => (Array.isArray(r) ? r : ((r as { rows: { n: number }[] }).rows ?? [])));
    expect(Number(overlaps?.n)).toBe(0);
  });
});
