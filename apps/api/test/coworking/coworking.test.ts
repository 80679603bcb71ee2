import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coworkingPasses } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

interface Pass {
  id: string;
  daysLeft: number | null;
  daysUsed: number;
  validUntil: string;
  priceCents: number;
}

describe.each(engines)('coworking passes and desk check-ins (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let manager: string;
  let kourouStaff: string;
  let centreId: string;
  let desk: string;
  const today = Temporal.Now.plainDateISO('America/Cayenne');

  const sell = async (body: Record<string, unknown>) => {
    const res = await call(ctx.app, 'POST', '/api/coworking/passes', {
      cookie: manager,
      body: { centreId, holderName: 'Marie-Line P.', validFrom: today.toString(), ...body },
    });
    expect(res.status).toBe(201);
    return json<Pass>(res);
  };
  const checkIn = (passId: string, cookie = manager) =>
    call(ctx.app, 'POST', '/api/coworking/check-ins', {
      cookie,
      body: { passId, resourceId: desk },
    });

  beforeAll(async () => {
    ctx = await seededApp(kind);
    manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
    kourouStaff = await signIn(ctx.app, 'accueil.kourou@lakou.test', DEMO_PASSWORD);
    const centres = await json<{ items: { id: string; slug: string }[] }>(
      await call(ctx.app, 'GET', '/api/centres'),
    );
    centreId = centres.items.find((c) => c.slug === 'cayenne-village-chinois')?.id ?? '';
    const resources = await json<{ items: { id: string; kind: string }[] }>(
      await call(ctx.app, 'GET', `/api/resources?centreId=${centreId}`, { cookie: manager }),
    );
    desk = resources.items.find((r) => r.kind === 'desk')?.id ?? '';
  });
  afterAll(() => ctx.database.dispose());

  it('consumes one day per check-in, once a day, and refuses when nothing is left', async () => {
    const pass = await sell({ kind: 'day' });
    expect(pass).toMatchObject({ daysLeft: 1, priceCents: 800 });
    const first = await checkIn(pass.id);
    expect(first.status).toBe(201);
    expect(await json(first)).toMatchObject({ daysLeft: 0, day: today.toString() });
    const twice = await checkIn(pass.id);
    expect(twice.status).toBe(409);
    expect(await json(twice)).toMatchObject({ code: 'ALREADY_CHECKED_IN' });

    const carnet = await sell({ kind: 'carnet10', priceCents: 0 });
    await ctx.database.db
      .update(coworkingPasses)
      .set({ daysUsed: 10 })
      .where(eq(coworkingPasses.id, carnet.id));
    const empty = await checkIn(carnet.id);
    expect(empty.status).toBe(422);
    const problem = await json<{ code: string; detail: string }>(empty);
    expect(problem.code).toBe('PASS_EMPTY');
    expect(problem.detail).toMatch(/aucune journée/);
  });

  it('gives a day back when a check-in is undone, and never takes two days for one', async () => {
    const pass = await sell({ kind: 'carnet10' });
    const results = await Promise.all(Array.from({ length: 8 }, () => checkIn(pass.id)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const made = await json<{ id: string }>(results.find((r) => r.status === 201) as Response);
    const [stored] = await ctx.database.db
      .select({ daysUsed: coworkingPasses.daysUsed })
      .from(coworkingPasses)
      .where(eq(coworkingPasses.id, pass.id));
    expect(stored?.daysUsed).toBe(1);
    const undone = await call(ctx.app, 'DELETE', `/api/coworking/check-ins/${made.id}`, {
      cookie: manager,
    });
    expect(undone.status).toBe(204);
    const list = await json<{ items: Pass[] }>(
      await call(ctx.app, 'GET', `/api/coworking/passes?centreId=${centreId}&q=marie-line`, {
        cookie: manager,
      }),
    );
    expect(list.items.find((p) => p.id === pass.id)).toMatchObject({ daysUsed: 0, daysLeft: 10 });
  });

  it('refuses a pass not yet valid, cancelled, or from another centre’s desk', async () => {
    const later = await sell({ kind: 'monthly', validFrom: today.add({ days: 3 }).toString() });
    expect(later.validUntil).toBe(
      today.add({ days: 3, months: 1 }).subtract({ days: 1 }).toString(),
    );
    expect(await json(await checkIn(later.id))).toMatchObject({ code: 'PASS_NOT_YET_VALID' });
    const sold = await sell({ kind: 'day' });
    const cancelled = await call(ctx.app, 'POST', `/api/coworking/passes/${sold.id}/cancel`, {
      cookie: manager,
    });
    expect(cancelled.status).toBe(200);
    expect(await json(await checkIn(sold.id))).toMatchObject({ code: 'PASS_CANCELLED' });
    expect((await checkIn(later.id, kourouStaff)).status).toBe(403);
    const bad = await call(ctx.app, 'POST', '/api/coworking/passes', {
      cookie: manager,
      body: { centreId, kind: 'week', holderName: 'X', validFrom: '23/11/2026' },
    });
    expect(bad.status).toBe(400);
    const fields = (await json<{ errors: { field: string }[] }>(bad)).errors.map((e) => e.field);
    expect(fields.sort()).toEqual(['holderName', 'kind', 'validFrom']);
  });

  it('shows today’s check-ins and the occupancy of the desks', async () => {
    const pass = await sell({ kind: 'monthly', holderName: 'Occupant' });
    await checkIn(pass.id);
    const res = await call(ctx.app, 'GET', `/api/coworking/check-ins?centreId=${centreId}`, {
      cookie: manager,
    });
    expect(res.status).toBe(200);
    const day = await json<{
      items: { holderName: string; resourceName: string | null }[];
      occupancy: { day: string; seats: number; checkedIn: number };
    }>(res);
    expect(day.occupancy.day).toBe(today.toString());
    expect(day.items.map((i) => i.holderName)).toContain('Occupant');
    expect(day.occupancy.checkedIn).toBe(day.items.length);
    // The seed's centre has two desks of one place each.
    expect(day.occupancy.seats).toBe(2);
    expect(day.items.find((i) => i.holderName === 'Occupant')?.resourceName).toBeTruthy();
  });
});
