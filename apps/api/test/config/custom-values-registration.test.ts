import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, engines, json, seededApp } from '../harness.ts';
import {
  bookingBody,
  defineField,
  demoPeople,
  newRoom,
  setRetired,
  type ValidationProblem,
} from './custom-values-fixtures.ts';

interface Registration {
  id: string;
  custom: Record<string, unknown>;
}

describe.each(engines)('custom values of registrations (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let people: Awaited<ReturnType<typeof demoPeople>>;
  let kindId: string;
  let rooms: Map<string, string>;
  let allergyField: string;

  async function newEvent(centreId: string) {
    const booked = await call(ctx.app, 'POST', '/api/bookings', {
      cookie: people.admin,
      body: bookingBody(rooms.get(centreId) ?? ''),
    });
    expect(booked.status, await booked.clone().text()).toBe(201);
    const res = await call(ctx.app, 'POST', '/api/events', {
      cookie: people.admin,
      body: {
        kindId,
        title: 'Atelier vélo',
        bookingIds: [(await json<{ id: string }>(booked)).id],
        capacity: 10,
        public: true,
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await json<{ id: string }>(res)).id;
  }

  /** A visitor of the public agenda: no session. */
  const registerPublicly = (eventId: string, body: Record<string, unknown>) =>
    call(ctx.app, 'POST', `/api/events/${eventId}/registrations`, {
      body: { name: 'Maïté', seats: 1, ...body },
    });

  beforeAll(async () => {
    ctx = await seededApp(kind);
    people = await demoPeople(ctx);
    rooms = new Map([
      [people.villageChinois, await newRoom(ctx, people.admin, people.villageChinois)],
      [people.kourou, await newRoom(ctx, people.admin, people.kourou)],
    ]);
    const kinds = await json<{ items: { id: string; key: string }[] }>(
      await call(ctx.app, 'GET', '/api/event-kinds'),
    );
    kindId = kinds.items.find((k) => k.key === 'atelier')?.id ?? '';
    await defineField(ctx, {
      entity: 'registration',
      key: 'commune',
      labelFr: 'Commune de résidence',
      required: true,
      inTables: true,
    });
    await defineField(ctx, {
      entity: 'registration',
      key: 'enfants',
      labelFr: 'Nombre d’enfants',
      type: 'number',
      min: 0,
      max: 10,
      centreId: people.villageChinois,
    });
    allergyField = await defineField(ctx, {
      entity: 'registration',
      key: 'allergies',
      labelFr: 'Allergies',
    });
  });
  afterAll(() => ctx.database.dispose());

  it('the public form is refused without a required field, with its label', async () => {
    const eventId = await newEvent(people.villageChinois);
    const res = await registerPublicly(eventId, {});
    expect(res.status).toBe(400);
    const problem = await json<ValidationProblem>(res);
    expect(problem.type).toBe('urn:lakou:problem:validation');
    expect(problem.errors).toEqual([
      { field: 'custom.commune', message: expect.stringContaining('Commune de résidence') },
    ]);
    const wrong = await registerPublicly(eventId, { custom: { commune: 'Cayenne', enfants: 40 } });
    expect(wrong.status).toBe(400);
    expect((await json<ValidationProblem>(wrong)).errors?.[0]?.field).toBe('custom.enfants');
  });

  it('stores a visitor’s values; the team reads them in the list', async () => {
    const eventId = await newEvent(people.villageChinois);
    const res = await registerPublicly(eventId, { custom: { commune: 'Rémire', enfants: 2 } });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await json<Registration>(res)).custom).toEqual({ commune: 'Rémire', enfants: 2 });
    const list = await json<{ items: Registration[] }>(
      await call(ctx.app, 'GET', `/api/events/${eventId}/registrations`, {
        cookie: people.admin,
      }),
    );
    expect(list.items.map((r) => r.custom)).toEqual([{ commune: 'Rémire', enfants: 2 }]);
  });

  it('a field of one centre does not apply to an event of another', async () => {
    const eventId = await newEvent(people.kourou);
    const refused = await registerPublicly(eventId, { custom: { commune: 'Kourou', enfants: 1 } });
    expect(refused.status).toBe(400);
    expect((await json<ValidationProblem>(refused)).errors?.map((e) => e.field)).toEqual([
      'custom.enfants',
    ]);
    const res = await registerPublicly(eventId, { custom: { commune: 'Kourou' } });
    expect(res.status).toBe(201);
    expect((await json<Registration>(res)).custom).toEqual({ commune: 'Kourou' });
  });

  it('the team changes values with attendance; a retired field’s value survives', async () => {
    const eventId = await newEvent(people.villageChinois);
    const made = await json<Registration>(
      await registerPublicly(eventId, { custom: { commune: 'Matoury', allergies: 'arachides' } }),
    );
    await setRetired(ctx, allergyField, true);
    const path = `/api/events/${eventId}/registrations/${made.id}`;
    const patched = await call(ctx.app, 'PATCH', path, {
      cookie: people.admin,
      body: { attendance: 'present', custom: { commune: 'Macouria' } },
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const after = await json<Registration & { attendance: string }>(patched);
    expect(after.attendance).toBe('present');
    expect(after.custom).toEqual({ commune: 'Macouria' });
    const refused = await call(ctx.app, 'PATCH', path, {
      cookie: people.admin,
      body: { custom: { commune: '' } },
    });
    expect(refused.status).toBe(400);
    await setRetired(ctx, allergyField, false);
    const list = await json<{ items: Registration[] }>(
      await call(ctx.app, 'GET', `/api/events/${eventId}/registrations`, {
        cookie: people.admin,
      }),
    );
    expect(list.items[0]?.custom).toEqual({ commune: 'Macouria', allergies: 'arachides' });
  });
});
