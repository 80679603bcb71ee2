import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, engines, json, seededApp } from '../harness.ts';
import { bookingBody, demoPeople, newRoom } from './custom-values-fixtures.ts';

interface Problem {
  errors?: { field: string; message: string }[];
}

describe.each(engines)('a retired audience (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let people: Awaited<ReturnType<typeof demoPeople>>;
  let room: string;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    people = await demoPeople(ctx);
    room = await newRoom(ctx, people.admin, people.villageChinois, 'Salle Wapa');
  });
  afterAll(() => ctx.database.dispose());

  const admin = (method: string, path: string, body?: unknown) =>
    call(ctx.app, method, path, { cookie: people.admin, ...(body ? { body } : {}) });

  it('is refused to new bookings and series, kept by existing ones, and offered again once restored', async () => {
    const kept = await admin('POST', '/api/bookings', bookingBody(room, { audience: 'company' }));
    expect(kept.status, await kept.clone().text()).toBe(201);
    const keptId = (await json<{ id: string }>(kept)).id;

    expect((await admin('POST', '/api/lists/audience/items/company/retire')).status).toBe(200);
    const refused = await admin(
      'POST',
      '/api/bookings',
      bookingBody(room, { audience: 'company' }),
    );
    expect(refused.status).toBe(422);
    expect((await json<Problem>(refused)).errors).toContainEqual({
      field: 'audience',
      message: 'Ce public n’est plus proposé par le réseau : choisissez-en un autre.',
    });
    const series = await admin('POST', '/api/series', {
      resourceId: room,
      organiser: { kind: 'partner', name: 'France Travail' },
      purpose: 'Permanence emploi',
      headcount: 4,
      audience: 'company',
      recurrence: {
        rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3',
        firstStart: '2027-09-07T14:00:00',
        durationMinutes: 60,
      },
    });
    expect(series.status).toBe(422);
    expect((await json<Problem>(series)).errors?.map((e) => e.field)).toEqual(['audience']);
    // Another audience is still taken, and the booking made before keeps its own.
    const other = await admin('POST', '/api/bookings', bookingBody(room, { audience: 'member' }));
    expect(other.status).toBe(201);
    const before = await json<{ audience: string }>(await admin('GET', `/api/bookings/${keptId}`));
    expect(before.audience).toBe('company');

    expect((await admin('POST', '/api/lists/audience/items/company/restore')).status).toBe(200);
    const again = await admin('POST', '/api/bookings', bookingBody(room, { audience: 'company' }));
    expect(again.status).toBe(201);
  });
});
