import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/index.ts';
import { bookingBody, defineField, demoPeople, newRoom } from '../config/custom-values-fixtures.ts';
import { call, engines, json, seededApp } from '../harness.ts';

// A booking and its audit entry are written in one round trip, the entry drawn from the values
// written rather than read back from the row: it must still hold exactly what the API answered.
describe.each(engines)('the audit entry of a new booking (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let people: Awaited<ReturnType<typeof demoPeople>>;
  let room: string;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    people = await demoPeople(ctx);
    room = await newRoom(ctx, people.admin, people.villageChinois, 'Salle Wapa');
    await defineField(ctx, {
      entity: 'booking',
      key: 'public_vise',
      labelFr: 'Public visé',
      type: 'single_choice',
      options: ['familles', 'jeunes'],
      inTables: true,
    });
  });
  afterAll(() => ctx.database.dispose());

  it('holds the booking as answered: organiser, basic needs, price, custom values', async () => {
    const res = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: people.admin,
      body: bookingBody(room, {
        organiser: { kind: 'partner', id: people.villageChinois, name: '  Association Wapa ' },
        basicNeeds: ['food', 'education'],
        custom: { public_vise: 'jeunes' },
      }),
    });
    expect(res.status).toBe(201);
    const booking = await json<{ id: string; custom: Record<string, unknown> }>(res);
    expect(booking.custom).toEqual({ public_vise: 'jeunes' });
    const entries = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, booking.id));
    expect(entries.map((e) => e.action)).toEqual(['booking.create']);
    expect(entries[0]?.after).toEqual(booking);
  });
});
