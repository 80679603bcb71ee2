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

interface Booking {
  id: string;
  centreId: string;
  custom: Record<string, unknown>;
}

describe.each(engines)('custom values of bookings (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let people: Awaited<ReturnType<typeof demoPeople>>;
  let vcRoom: string;
  let kourouRoom: string;
  let noteField: string;

  const post = (body: Record<string, unknown>) =>
    call(ctx.app, 'POST', '/api/bookings', { cookie: people.admin, body });

  beforeAll(async () => {
    ctx = await seededApp(kind);
    people = await demoPeople(ctx);
    vcRoom = await newRoom(ctx, people.admin, people.villageChinois);
    kourouRoom = await newRoom(ctx, people.admin, people.kourou);
    await defineField(ctx, {
      entity: 'booking',
      key: 'public_vise',
      labelFr: 'Public visé',
      type: 'single_choice',
      options: ['familles', 'jeunes'],
      required: true,
      inTables: true,
    });
    await defineField(ctx, {
      entity: 'booking',
      key: 'salle_rangee',
      labelFr: 'Salle rangée',
      type: 'yes_no',
      centreId: people.villageChinois,
    });
    noteField = await defineField(ctx, {
      entity: 'booking',
      key: 'note_interne',
      labelFr: 'Note interne',
    });
  });
  afterAll(() => ctx.database.dispose());

  it('refuses a booking without a required field, naming the field by its label', async () => {
    const res = await post(bookingBody(vcRoom));
    expect(res.status).toBe(400);
    const problem = await json<ValidationProblem>(res);
    expect(problem.type).toBe('urn:lakou:problem:validation');
    expect(problem.errors).toEqual([
      { field: 'custom.public_vise', message: expect.stringContaining('Public visé') },
    ]);
  });

  it('stores the values, normalised, and shows them in the booking, its page and the list', async () => {
    const res = await post(
      bookingBody(vcRoom, {
        custom: { public_vise: 'familles', salle_rangee: true, note_interne: '  clés  ' },
      }),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const made = await json<Booking>(res);
    expect(made.custom).toEqual({
      public_vise: 'familles',
      salle_rangee: true,
      note_interne: 'clés',
    });
    const one = await json<Booking>(
      await call(ctx.app, 'GET', `/api/bookings/${made.id}`, { cookie: people.admin }),
    );
    expect(one.custom).toEqual(made.custom);
    const page = await json<{ items: Booking[] }>(
      await call(ctx.app, 'GET', `/api/bookings?resourceId=${vcRoom}&pageSize=100`, {
        cookie: people.admin,
      }),
    );
    expect(page.items.find((b) => b.id === made.id)?.custom).toEqual(made.custom);
  });

  it('a field of one centre does not apply in another', async () => {
    const refused = await post(
      bookingBody(kourouRoom, { custom: { public_vise: 'jeunes', salle_rangee: true } }),
    );
    expect(refused.status).toBe(400);
    expect((await json<ValidationProblem>(refused)).errors?.map((e) => e.field)).toEqual([
      'custom.salle_rangee',
    ]);
    const res = await post(bookingBody(kourouRoom, { custom: { public_vise: 'jeunes' } }));
    expect(res.status).toBe(201);
    expect((await json<Booking>(res)).custom).toEqual({ public_vise: 'jeunes' });
  });

  it('refuses a value that does not fit the field', async () => {
    const res = await post(bookingBody(vcRoom, { custom: { public_vise: 'retraités' } }));
    expect(res.status).toBe(400);
    expect((await json<ValidationProblem>(res)).errors?.[0]?.field).toBe('custom.public_vise');
  });

  it('a patch checks only the keys sent; a retired field’s value survives and comes back', async () => {
    const made = await json<Booking>(
      await post(
        bookingBody(vcRoom, { custom: { public_vise: 'familles', note_interne: 'badge' } }),
      ),
    );
    await setRetired(ctx, noteField, true);
    const patched = await call(ctx.app, 'PATCH', `/api/bookings/${made.id}`, {
      cookie: people.admin,
      body: { custom: { public_vise: 'jeunes' } },
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect((await json<Booking>(patched)).custom).toEqual({ public_vise: 'jeunes' });
    const cleared = await call(ctx.app, 'PATCH', `/api/bookings/${made.id}`, {
      cookie: people.admin,
      body: { custom: { public_vise: null } },
    });
    expect(cleared.status).toBe(400);
    await setRetired(ctx, noteField, false);
    const back = await json<Booking>(
      await call(ctx.app, 'GET', `/api/bookings/${made.id}`, { cookie: people.admin }),
    );
    expect(back.custom).toEqual({ public_vise: 'jeunes', note_interne: 'badge' });
  });

  it('moving a booking keeps its values, and may change them at once', async () => {
    const body = bookingBody(vcRoom, { custom: { public_vise: 'familles' } });
    const made = await json<Booking>(await post(body));
    const later = (iso: string) => iso.replace('T10:00', 'T14:00').replace('T11:00', 'T15:00');
    const moved = await call(ctx.app, 'PATCH', `/api/bookings/${made.id}`, {
      cookie: people.admin,
      body: { start: later(body.start), end: later(body.end), custom: { salle_rangee: false } },
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect((await json<Booking>(moved)).custom).toEqual({
      public_vise: 'familles',
      salle_rangee: false,
    });
  });
});
