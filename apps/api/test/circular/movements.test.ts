import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/index.ts';
import { call, engines, json, seededApp } from '../harness.ts';
import {
  type Ctx,
  circularCounts,
  day,
  newFacility,
  newStream,
  type People,
  people,
  postInflow,
  postOutflow,
  postReuse,
  type StreamView,
  stockOf,
} from './circular-setup.ts';

interface Movement {
  id: string;
  occurredOn: string;
  centreId: string;
  centreName: string;
  streamId: string;
  streamName: string;
  massGrams: number;
  measurement: string;
  note: string | null;
  createdByName: string | null;
}
interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
interface Problem {
  status: number;
  code?: string;
  stockGrams?: number;
  errors?: { field: string; message: string }[];
}
interface StockLine {
  centreId: string;
  centreName: string;
  streamId: string;
  streamCode: string;
  stockGrams: number;
  lastMovementOn: string | null;
}

describe.each(engines)('inflows, re-use, shipments and stock (%s)', (kind) => {
  let ctx: Ctx;
  let who: People;
  let glass: StreamView;
  let batteries: StreamView;
  let recycler: { id: string; name: string; siret: string };

  beforeAll(async () => {
    ctx = await seededApp(kind);
    who = await people(ctx);
    glass = await newStream(ctx, who.admin, { family: 'packaging', wasteCode: '15 01 07' });
    batteries = await newStream(ctx, who.admin, { wasteCode: '20 01 33' });
    recycler = await newFacility(ctx, who.admin);
  });
  afterAll(async () => {
    await ctx?.database.dispose();
  });

  const problemOf = (res: Response) => json<Problem>(res);

  it('the Kourou staff weighs an inflow: 201 with its view, the stock grows, the write is audited', async () => {
    const before = await stockOf(ctx, who.kourou, glass.id);
    const res = await postInflow(ctx, who.staff, {
      centreId: who.kourou,
      streamId: glass.id,
      massGrams: 12_500,
      origin: 'collection',
      note: '  Tournée du mardi  ',
    });
    expect(res.status).toBe(201);
    const made = await json<Movement & { origin: string; donationId: string | null }>(res);
    expect(made).toMatchObject({
      occurredOn: day(),
      centreId: who.kourou,
      centreName: expect.stringMatching(/Kourou/),
      streamId: glass.id,
      streamName: glass.name,
      massGrams: 12_500,
      measurement: 'weighed',
      origin: 'collection',
      donationId: null,
      note: 'Tournée du mardi',
      createdByName: 'Karine Accueil',
    });
    expect(await stockOf(ctx, who.kourou, glass.id)).toBe(before + 12_500);
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'circular.inflow.create'), eq(auditLog.entityId, made.id)));
    expect(audit?.after).toMatchObject({ massGrams: 12_500 });
  });

  it('refuses a date after Cayenne’s today (422 on occurredOn) and changes nothing', async () => {
    const counts = await circularCounts(ctx);
    for (const post of [postInflow, postOutflow, postReuse]) {
      const res = await post(ctx, who.staff, {
        centreId: who.kourou,
        streamId: glass.id,
        facilityId: recycler.id,
        occurredOn: day(1),
      });
      expect(res.status).toBe(422);
      expect(await problemOf(res)).toMatchObject({
        code: 'DATE_IN_FUTURE',
        errors: [{ field: 'occurredOn' }],
      });
    }
    expect(await circularCounts(ctx)).toEqual(counts);
  });

  it('refuses an unknown or inactive stream (422 on streamId) and an unknown centre (422, admin)', async () => {
    const off = await newStream(ctx, who.admin);
    await call(ctx.app, 'PATCH', `/api/streams/${off.id}`, {
      cookie: who.admin,
      body: { active: false },
    });
    const inactive = await postInflow(ctx, who.staff, { centreId: who.kourou, streamId: off.id });
    expect(inactive.status).toBe(422);
    expect(await problemOf(inactive)).toMatchObject({
      code: 'STREAM_INACTIVE',
      errors: [{ field: 'streamId' }],
    });
    const unknown = await postInflow(ctx, who.staff, {
      centreId: who.kourou,
      streamId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(422);
    expect((await problemOf(unknown)).code).toBe('UNKNOWN_STREAM');
    const centre = await postInflow(ctx, who.admin, {
      centreId: '00000000-0000-4000-8000-000000000000',
      streamId: glass.id,
    });
    expect(centre.status).toBe(422);
    expect((await problemOf(centre)).code).toBe('UNKNOWN_CENTRE');
  });

  it('refuses bad input with 400 and per-field messages (mass, measurement, donation without gift)', async () => {
    const res = await postInflow(ctx, who.staff, {
      centreId: who.kourou,
      streamId: glass.id,
      massGrams: 12.5,
      measurement: 'guessed',
      origin: 'donation',
    });
    expect(res.status).toBe(400);
    const fields = (await problemOf(res)).errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['massGrams', 'measurement']));
    const giftless = await postInflow(ctx, who.staff, {
      centreId: who.kourou,
      streamId: glass.id,
      origin: 'donation',
    });
    expect(giftless.status).toBe(400);
    expect((await problemOf(giftless)).errors?.map((e) => e.field)).toEqual(['donationId']);
  });

  it('a staff member writes only in their centre; the board and a facilitator write nowhere (403)', async () => {
    const counts = await circularCounts(ctx);
    const elsewhere = { centreId: who.villageChinois, streamId: glass.id, facilityId: recycler.id };
    for (const post of [postInflow, postOutflow, postReuse]) {
      expect((await post(ctx, who.staff, elsewhere)).status).toBe(403);
      expect((await post(ctx, who.board, elsewhere)).status).toBe(403);
      expect((await post(ctx, who.facilitator, elsewhere)).status).toBe(403);
      expect((await post(ctx, who.manager, { ...elsewhere, centreId: who.kourou })).status).toBe(
        403,
      );
    }
    expect(await circularCounts(ctx)).toEqual(counts);
  });

  it('passes items on (re-use): the mass leaves the stock; more than the stock is a 422 that changes nothing', async () => {
    await postInflow(ctx, who.manager, {
      centreId: who.villageChinois,
      streamId: glass.id,
      massGrams: 5_000,
    });
    const stock = await stockOf(ctx, who.villageChinois, glass.id);
    const res = await postReuse(ctx, who.manager, {
      centreId: who.villageChinois,
      streamId: glass.id,
      itemCount: 12,
      massGrams: 3_000,
      kind: 'sorted',
    });
    expect(res.status).toBe(201);
    const made = await json<Movement & { kind: string; itemCount: number }>(res);
    expect(made).toMatchObject({ kind: 'sorted', itemCount: 12, massGrams: 3_000 });
    expect(await stockOf(ctx, who.villageChinois, glass.id)).toBe(stock - 3_000);

    const counts = await circularCounts(ctx);
    const over = await postReuse(ctx, who.manager, {
      centreId: who.villageChinois,
      streamId: glass.id,
      massGrams: stock - 3_000 + 1,
    });
    expect(over.status).toBe(422);
    const problem = await problemOf(over);
    expect(problem).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      stockGrams: stock - 3_000,
      errors: [{ field: 'massGrams', message: expect.stringMatching(/Stock insuffisant/) }],
    });
    expect(await circularCounts(ctx)).toEqual(counts);

    const del = await call(ctx.app, 'DELETE', `/api/reuse/${made.id}`, { cookie: who.manager });
    expect(del.status).toBe(204);
    expect(await stockOf(ctx, who.villageChinois, glass.id)).toBe(stock);
  });

  it('ships to a facility with its treatment: the stock falls; over the stock is a 422 that changes nothing', async () => {
    await postInflow(ctx, who.staff, {
      centreId: who.kourou,
      streamId: glass.id,
      massGrams: 8_000,
    });
    const stock = await stockOf(ctx, who.kourou, glass.id);
    const res = await postOutflow(ctx, who.staff, {
      centreId: who.kourou,
      streamId: glass.id,
      facilityId: recycler.id,
      massGrams: 2_000,
      treatment: 'recycling',
      operationCode: 'r 13',
      transporter: 'Transports Saramaca',
    });
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({
      facilityId: recycler.id,
      facilityName: recycler.name,
      facilitySiret: recycler.siret,
      treatment: 'recycling',
      operationCode: 'R13',
      intermediate: true,
      transporter: 'Transports Saramaca',
      trackingRef: null,
    });
    expect(await stockOf(ctx, who.kourou, glass.id)).toBe(stock - 2_000);

    const counts = await circularCounts(ctx);
    const over = await postOutflow(ctx, who.staff, {
      centreId: who.kourou,
      streamId: glass.id,
      facilityId: recycler.id,
      massGrams: stock,
    });
    expect(over.status).toBe(422);
    expect(await problemOf(over)).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      stockGrams: stock - 2_000,
      errors: [{ field: 'massGrams' }],
    });
    // Nothing of a stream a centre never had.
    const never = await postOutflow(ctx, who.staff, {
      centreId: who.kourou,
      streamId: batteries.id,
      facilityId: recycler.id,
      trackingRef: 'TD-1',
    });
    expect(never.status).toBe(422);
    expect((await problemOf(never)).stockGrams).toBe(0);
    expect(await circularCounts(ctx)).toEqual(counts);
  });

  it('an operation code must fit the treatment (400 on operationCode); re-use takes none', async () => {
    const cases = [
      { treatment: 'recycling', operationCode: 'R1' },
      { treatment: 'energy_recovery', operationCode: 'R3' },
      { treatment: 'disposal', operationCode: 'R5' },
      { treatment: 'disposal', operationCode: null },
      { treatment: 'recycling', operationCode: 'R14' },
      { treatment: 'reuse', operationCode: 'R3' },
    ];
    for (const body of cases) {
      const res = await postOutflow(ctx, who.staff, {
        centreId: who.kourou,
        streamId: glass.id,
        facilityId: recycler.id,
        ...body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await problemOf(res)).errors?.map((e) => e.field)).toContain('operationCode');
    }
    const reuse = await postOutflow(ctx, who.staff, {
      centreId: who.kourou,
      streamId: glass.id,
      facilityId: recycler.id,
      massGrams: 100,
      treatment: 'reuse',
      operationCode: null,
    });
    expect(reuse.status).toBe(201);
    expect(await json(reuse)).toMatchObject({ operationCode: null, intermediate: false });
  });

  it('a hazardous stream ships only with its tracking slip (422 on trackingRef); an unknown facility is a 422', async () => {
    expect(batteries.hazardous).toBe(true);
    await postInflow(ctx, who.staff, {
      centreId: who.kourou,
      streamId: batteries.id,
      massGrams: 4_000,
    });
    const counts = await circularCounts(ctx);
    const bare = await postOutflow(ctx, who.staff, {
      centreId: who.kourou,
      streamId: batteries.id,
      facilityId: recycler.id,
      treatment: 'recycling',
      operationCode: 'R4',
      trackingRef: '  ',
    });
    expect(bare.status).toBe(422);
    expect(await problemOf(bare)).toMatchObject({
      code: 'TRACKING_REF_REQUIRED',
      errors: [{ field: 'trackingRef', message: expect.stringMatching(/Trackdéchets/) }],
    });
    const nowhere = await postOutflow(ctx, who.staff, {
      centreId: who.kourou,
      streamId: batteries.id,
      facilityId: '00000000-0000-4000-8000-000000000000',
      trackingRef: 'TD-2026-0001',
    });
    expect(nowhere.status).toBe(422);
    expect(await problemOf(nowhere)).toMatchObject({
      code: 'UNKNOWN_FACILITY',
      errors: [{ field: 'facilityId' }],
    });
    expect(await circularCounts(ctx)).toEqual(counts);
    const slip = await postOutflow(ctx, who.staff, {
      centreId: who.kourou,
      streamId: batteries.id,
      facilityId: recycler.id,
      treatment: 'recycling',
      operationCode: 'R4',
      trackingRef: 'TD-2026-0001',
    });
    expect(slip.status).toBe(201);
    expect(await json(slip)).toMatchObject({ trackingRef: 'TD-2026-0001' });
  });

  it('an inflow already shipped on cannot be deleted (422, nothing changes); once the shipment is gone it can', async () => {
    const stream = await newStream(ctx, who.admin);
    const first = await json<Movement>(
      await postInflow(ctx, who.staff, {
        centreId: who.kourou,
        streamId: stream.id,
        massGrams: 6_000,
      }),
    );
    const shipped = await json<Movement>(
      await postOutflow(ctx, who.staff, {
        centreId: who.kourou,
        streamId: stream.id,
        facilityId: recycler.id,
        massGrams: 4_000,
      }),
    );
    expect(await stockOf(ctx, who.kourou, stream.id)).toBe(2_000);
    const counts = await circularCounts(ctx);
    const refused = await call(ctx.app, 'DELETE', `/api/inflows/${first.id}`, {
      cookie: who.staff,
    });
    expect(refused.status).toBe(422);
    expect(await problemOf(refused)).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      stockGrams: 2_000,
      errors: [{ field: 'massGrams', message: expect.stringMatching(/déjà été en partie sortie/) }],
    });
    expect(await circularCounts(ctx)).toEqual(counts);

    // Another centre's staff may not touch it; an unknown one is a 404 for the admin.
    expect(
      (await call(ctx.app, 'DELETE', `/api/inflows/${first.id}`, { cookie: who.manager })).status,
    ).toBe(403);
    expect(
      (await call(ctx.app, 'DELETE', `/api/outflows/${shipped.id}`, { cookie: who.manager }))
        .status,
    ).toBe(403);
    const none = '00000000-0000-4000-8000-000000000000';
    for (const path of ['inflows', 'outflows', 'reuse']) {
      expect(
        (await call(ctx.app, 'DELETE', `/api/${path}/${none}`, { cookie: who.admin })).status,
      ).toBe(404);
      expect(
        (await call(ctx.app, 'DELETE', `/api/${path}/${none}`, { cookie: who.staff })).status,
      ).toBe(403);
    }

    const back = await call(ctx.app, 'DELETE', `/api/outflows/${shipped.id}`, {
      cookie: who.staff,
    });
    expect(back.status).toBe(204);
    expect(await stockOf(ctx, who.kourou, stream.id)).toBe(6_000);
    const gone = await call(ctx.app, 'DELETE', `/api/inflows/${first.id}`, { cookie: who.staff });
    expect(gone.status).toBe(204);
    expect(await stockOf(ctx, who.kourou, stream.id)).toBe(0);
    const actions = await ctx.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, first.id));
    expect(actions.map((a) => a.action).sort()).toEqual([
      'circular.inflow.create',
      'circular.inflow.delete',
    ]);
  });

  it('lists newest first, filtered by centre, stream and dates, paginated; narrowed to the reader’s centres', async () => {
    const stream = await newStream(ctx, who.admin);
    for (const [centreId, cookie, occurredOn] of [
      [who.kourou, who.staff, day(-10)],
      [who.kourou, who.staff, day(-3)],
      [who.villageChinois, who.manager, day(-5)],
      [who.montLucas, who.manager, day(-1)],
    ] as const) {
      const res = await postInflow(ctx, cookie, { centreId, streamId: stream.id, occurredOn });
      expect(res.status).toBe(201);
    }
    const list = async (cookie: string, query = '') =>
      call(ctx.app, 'GET', `/api/inflows?streamId=${stream.id}${query}`, { cookie });

    const all = await json<Page<Movement>>(await list(who.admin));
    expect(all.total).toBe(4);
    expect(all.items.map((m) => m.occurredOn)).toEqual([day(-1), day(-3), day(-5), day(-10)]);
    const board = await json<Page<Movement>>(await list(who.board));
    expect(board.total).toBe(4);

    const staff = await json<Page<Movement>>(await list(who.staff));
    expect(staff.total).toBe(2);
    expect(staff.items.every((m) => m.centreId === who.kourou)).toBe(true);
    const manager = await json<Page<Movement>>(await list(who.manager));
    expect(new Set(manager.items.map((m) => m.centreId))).toEqual(
      new Set([who.villageChinois, who.montLucas]),
    );
    // Asking for a centre outside one's scope is refused, not silently empty.
    expect((await list(who.staff, `&centreId=${who.villageChinois}`)).status).toBe(403);
    expect((await list(who.facilitator)).status).toBe(403);

    const dated = await json<Page<Movement>>(
      await list(who.admin, `&from=${day(-5)}&to=${day(-2)}`),
    );
    expect(dated.items.map((m) => m.occurredOn)).toEqual([day(-3), day(-5)]);
    const paged = await json<Page<Movement>>(await list(who.admin, '&page=2&pageSize=3'));
    expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(paged.items.map((m) => m.occurredOn)).toEqual([day(-10)]);
    expect((await list(who.admin, '&from=hier')).status).toBe(400);

    for (const path of ['reuse', 'outflows']) {
      const res = await call(ctx.app, 'GET', `/api/${path}?centreId=${who.kourou}`, {
        cookie: who.staff,
      });
      expect(res.status).toBe(200);
      const page = await json<Page<Movement>>(res);
      expect(page.items.every((m) => m.centreId === who.kourou)).toBe(true);
      expect((await call(ctx.app, 'GET', `/api/${path}`, { cookie: who.manager })).status).toBe(
        200,
      );
    }
    const outs = await json<Page<Movement>>(
      await call(ctx.app, 'GET', '/api/outflows', { cookie: who.staff }),
    );
    expect(outs.total).toBeGreaterThan(0);
    expect(outs.items.every((m) => m.centreId === who.kourou)).toBe(true);
  });

  it('the stock board: every active stream at every centre in scope, zeros included', async () => {
    const fresh = await newStream(ctx, who.admin);
    const off = await newStream(ctx, who.admin);
    await call(ctx.app, 'PATCH', `/api/streams/${off.id}`, {
      cookie: who.admin,
      body: { active: false },
    });
    const board = async (cookie: string, query = '') =>
      call(ctx.app, 'GET', `/api/circular/stock${query}`, { cookie });

    const staff = await json<{ items: StockLine[] }>(await board(who.staff));
    expect(new Set(staff.items.map((l) => l.centreId))).toEqual(new Set([who.kourou]));
    const streams = await json<{ items: StreamView[] }>(
      await call(ctx.app, 'GET', '/api/streams', { cookie: who.staff }),
    );
    expect(staff.items).toHaveLength(streams.items.filter((s) => s.active).length);
    expect(staff.items.find((l) => l.streamId === fresh.id)).toMatchObject({
      stockGrams: 0,
      lastMovementOn: null,
    });
    expect(staff.items.some((l) => l.streamId === off.id)).toBe(false);
    expect(staff.items.find((l) => l.streamId === glass.id)).toMatchObject({
      stockGrams: await stockOf(ctx, who.kourou, glass.id),
      lastMovementOn: day(),
    });

    const all = await json<{ items: StockLine[] }>(await board(who.board));
    const centres = await json<{ items: unknown[] }>(await call(ctx.app, 'GET', '/api/centres'));
    expect(new Set(all.items.map((l) => l.centreId)).size).toBe(centres.items.length);
    const mine = await json<{ items: StockLine[] }>(
      await board(who.manager, `?centreId=${who.montLucas}`),
    );
    expect(new Set(mine.items.map((l) => l.centreId))).toEqual(new Set([who.montLucas]));
    expect((await board(who.staff, `?centreId=${who.montLucas}`)).status).toBe(403);
    expect((await board(who.facilitator)).status).toBe(403);
  });
});
