import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inflows } from '../../src/db/schema/index.ts';
import { ensureSubFunds } from '../fund/donations-setup.ts';
import { call, engines, json, seededApp } from '../harness.ts';
import {
  type Ctx,
  circularCounts,
  day,
  ensureStream,
  type People,
  people,
  postInflow,
  type StreamView,
  stockOf,
} from './circular-setup.ts';

interface Inflow {
  id: string;
  occurredOn: string;
  centreId: string;
  streamId: string;
  massGrams: number;
  measurement: string;
  origin: string;
  donationId: string | null;
  donationDescription: string | null;
}

describe.each(engines)('in-kind gifts enter the circular stock (%s)', (kind) => {
  let ctx: Ctx;
  let who: People;
  let furniture: StreamView;
  let textiles: StreamView;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    who = await people(ctx);
    furniture = await ensureStream(ctx, who.admin, 'furniture', {
      name: 'Mobilier',
      family: 'furniture',
      wasteCode: '20 03 07',
    });
    textiles = await ensureStream(ctx, who.admin, 'textiles', {
      name: 'Textiles et chaussures',
      family: 'textiles',
      wasteCode: '20 01 10',
    });
  });
  afterAll(async () => {
    await ctx?.database.dispose();
  });

  const gift = (body: Record<string, unknown> = {}) =>
    call(ctx.app, 'POST', '/api/donations', {
      cookie: who.manager,
      body: {
        kind: 'in_kind',
        donorId: null,
        receivedOn: day(-2),
        description: 'Six chaises et une table de réunion',
        category: 'furniture',
        quantity: 7,
        unit: 'piece',
        condition: 'good',
        valuationCents: 42_000,
        valuationMethod: 'market_value',
        evidence: 'Annonces comparables relevées le jour du don',
        centreId: who.villageChinois,
        massGrams: 58_000,
        ...body,
      },
    });
  const inflowOfGift = async (donationId: string) => {
    const [row] = await ctx.database.db
      .select({ id: inflows.id })
      .from(inflows)
      .where(eq(inflows.donationId, donationId));
    return row?.id;
  };

  it('a gift with a mass records its estimated inflow on the day received, and the stock grows', async () => {
    const before = await stockOf(ctx, who.villageChinois, furniture.id);
    const res = await gift();
    expect(res.status).toBe(201);
    const made = await json<{ id: string }>(res);
    const list = await json<{ items: Inflow[] }>(
      await call(
        ctx.app,
        'GET',
        `/api/inflows?centreId=${who.villageChinois}&streamId=${furniture.id}`,
        { cookie: who.manager },
      ),
    );
    expect(list.items.find((i) => i.donationId === made.id)).toMatchObject({
      occurredOn: day(-2),
      centreId: who.villageChinois,
      streamId: furniture.id,
      massGrams: 58_000,
      measurement: 'estimated',
      origin: 'donation',
      donationDescription: 'Six chaises et une table de réunion',
    });
    expect(await stockOf(ctx, who.villageChinois, furniture.id)).toBe(before + 58_000);

    // The gift's inflow follows the gift: it is not deleted on its own.
    const id = await inflowOfGift(made.id);
    const counts = await circularCounts(ctx);
    const del = await call(ctx.app, 'DELETE', `/api/inflows/${id}`, { cookie: who.manager });
    expect(del.status).toBe(422);
    expect(await json(del)).toMatchObject({ code: 'LINKED_TO_DONATION' });
    expect(await circularCounts(ctx)).toEqual(counts);
  });

  it('no mass, or no active stream of that code: the gift is recorded without an inflow', async () => {
    const massless = await json<{ id: string }>(await gift({ massGrams: null }));
    expect(await inflowOfGift(massless.id)).toBeUndefined();

    const bikes = await ensureStream(ctx, who.admin, 'bikes', { name: 'Vélos', family: 'bikes' });
    await call(ctx.app, 'PATCH', `/api/streams/${bikes.id}`, {
      cookie: who.admin,
      body: { active: false },
    });
    const counts = await circularCounts(ctx);
    const res = await gift({
      category: 'bikes',
      description: 'Trois vélos d’enfant',
      massGrams: 30_000,
    });
    expect(res.status).toBe(201);
    expect(await inflowOfGift((await json<{ id: string }>(res)).id)).toBeUndefined();
    expect((await circularCounts(ctx)).inflows).toBe(counts.inflows);
  });

  it('links a gift recorded without a mass by hand: once, at its own centre, only a gift in kind', async () => {
    const clothes = await json<{ id: string }>(
      await gift({ category: 'clothes', description: 'Deux sacs de vêtements', massGrams: null }),
    );
    const link = (body: Record<string, unknown>, cookie = who.manager) =>
      postInflow(ctx, cookie, {
        centreId: who.villageChinois,
        streamId: textiles.id,
        origin: 'donation',
        donationId: clothes.id,
        measurement: 'weighed',
        massGrams: 9_400,
        ...body,
      });
    const counts = await circularCounts(ctx);
    const elsewhere = await link({ centreId: who.montLucas });
    expect(elsewhere.status).toBe(422);
    expect(await json(elsewhere)).toMatchObject({
      code: 'DONATION_OF_ANOTHER_CENTRE',
      errors: [{ field: 'donationId' }],
    });
    const unknown = await link({ donationId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(422);
    expect(await json(unknown)).toMatchObject({ code: 'UNKNOWN_DONATION' });

    const funds = await ensureSubFunds(ctx);
    const money = await json<{ id: string }>(
      await call(ctx.app, 'POST', '/api/donations', {
        cookie: who.manager,
        body: {
          kind: 'money',
          donorId: null,
          receivedOn: day(),
          amountCents: 5_000,
          method: 'cash',
          subFundId: funds.LIBRE,
          reference: null,
          note: null,
        },
      }),
    );
    const notInKind = await link({ donationId: money.id });
    expect(notInKind.status).toBe(422);
    expect(await json(notInKind)).toMatchObject({ code: 'NOT_IN_KIND' });
    expect(await circularCounts(ctx)).toEqual(counts);

    const ok = await link({});
    expect(ok.status).toBe(201);
    expect(await json(ok)).toMatchObject({
      origin: 'donation',
      donationId: clothes.id,
      donationDescription: 'Deux sacs de vêtements',
      massGrams: 9_400,
    });
    const again = await link({});
    expect(again.status).toBe(422);
    expect(await json(again)).toMatchObject({
      code: 'DONATION_ALREADY_LINKED',
      errors: [{ field: 'donationId' }],
    });
  });

  it('a refused gift leaves the stock and the inflows as they were', async () => {
    const counts = await circularCounts(ctx);
    const res = await gift({ partnerId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(422);
    expect(await circularCounts(ctx)).toEqual(counts);
  });
});
