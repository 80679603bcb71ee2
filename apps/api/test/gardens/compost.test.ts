import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToStock } from '../../src/circular/stock.write.ts';
import { materialStreams, organisations, streamStocks } from '../../src/db/schema/index.ts';
import { engines, json, seededApp } from '../harness.ts';
import { type Ctx, daysFromToday, gardensWorld, type Problem } from './gardens-setup.ts';

interface Batch {
  id: string;
  gardenId: string;
  startedOn: string;
  inputGrams: number;
  readyOn: string | null;
  compostGrams: number | null;
}

describe.each(engines)('compost from the bio-waste stock (%s)', (kind) => {
  let ctx: Ctx;
  let w: Awaited<ReturnType<typeof gardensWorld>>;
  let gardenId: string;
  let streamId: string;

  /** Mont-Lucas's bio-waste stock, in grams. */
  const stock = async () => {
    const [row] = await ctx.database.db
      .select({ grams: streamStocks.stockGrams })
      .from(streamStocks)
      .where(and(eq(streamStocks.centreId, w.montLucas), eq(streamStocks.streamId, streamId)));
    return row?.grams ?? 0;
  };

  beforeAll(async () => {
    ctx = await seededApp(kind);
    w = await gardensWorld(ctx);
    const db = ctx.database.db;
    const [org] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .orderBy(asc(organisations.createdAt))
      .limit(1);
    // The bio-waste stream, made here if the circular seed has not made it.
    await db
      .insert(materialStreams)
      .values({
        organisationId: org?.id ?? '',
        code: 'biowaste',
        name: 'Biodéchets',
        family: 'biowaste',
        wasteCode: '20 01 08',
      })
      .onConflictDoNothing();
    const [stream] = await db
      .select({ id: materialStreams.id })
      .from(materialStreams)
      .where(
        and(
          eq(materialStreams.organisationId, org?.id ?? ''),
          eq(materialStreams.code, 'biowaste'),
        ),
      );
    streamId = stream?.id ?? '';
    gardenId = (await w.openGarden()).id;
  });
  afterAll(() => ctx.database.dispose());

  const start = (inputGrams: number, extra: Record<string, unknown> = {}) =>
    w.manager('POST', '/api/compost-batches', {
      gardenId,
      startedOn: daysFromToday(-2),
      inputGrams,
      measurement: 'weighed',
      ...extra,
    });

  it('takes the batch’s bio-waste from the centre’s stock, refuses more than there is, puts it back when removed', async () => {
    const db = ctx.database.db;
    await db.transaction((tx) =>
      addToStock(tx, {
        centreId: w.montLucas,
        streamId,
        grams: 100_000,
        occurredOn: daysFromToday(-10),
      }),
    );
    const before = await stock();
    expect(before).toBeGreaterThanOrEqual(100_000);
    const res = await start(40_000);
    expect(res.status, await res.clone().text()).toBe(201);
    const batch = await json<Batch>(res);
    expect(batch).toMatchObject({
      gardenId,
      inputGrams: 40_000,
      readyOn: null,
      compostGrams: null,
    });
    expect(await stock()).toBe(before - 40_000);

    const tooMuch = await start(before - 40_000 + 1);
    expect(tooMuch.status).toBe(422);
    expect(await json<Problem>(tooMuch)).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      stockGrams: before - 40_000,
      errors: [{ field: 'inputGrams' }],
    });
    expect(await stock()).toBe(before - 40_000);

    const list = await json<{ items: Batch[] }>(
      await w.board('GET', `/api/compost-batches?gardenId=${gardenId}`),
    );
    expect(list.items.map((b) => b.id)).toEqual([batch.id]);

    expect((await w.staff('DELETE', `/api/compost-batches/${batch.id}`)).status).toBe(403);
    expect((await w.manager('DELETE', `/api/compost-batches/${batch.id}`)).status).toBe(204);
    expect(await stock()).toBe(before);
    expect((await w.admin('DELETE', `/api/compost-batches/${batch.id}`)).status).toBe(404);
  });

  it('weighs the compost when ready, not before it started nor in the future', async () => {
    const batch = await json<Batch>(await start(5_000, { startedOn: daysFromToday(-90) }));
    const early = await w.manager('PATCH', `/api/compost-batches/${batch.id}`, {
      readyOn: daysFromToday(-91),
      compostGrams: 2_000,
    });
    expect(early.status).toBe(422);
    expect((await json<Problem>(early)).errors?.[0]?.field).toBe('readyOn');
    const future = await w.manager('PATCH', `/api/compost-batches/${batch.id}`, {
      readyOn: daysFromToday(3),
      compostGrams: 2_000,
    });
    expect(future.status).toBe(422);
    const ready = await json<Batch>(
      await w.manager('PATCH', `/api/compost-batches/${batch.id}`, {
        readyOn: daysFromToday(-1),
        compostGrams: 1_800,
      }),
    );
    expect(ready).toMatchObject({ readyOn: daysFromToday(-1), compostGrams: 1_800 });
    const startedLater = await start(1_000, { startedOn: daysFromToday(1) });
    expect(startedLater.status).toBe(422);
    expect((await json<Problem>(startedLater)).errors?.[0]?.field).toBe('startedOn');
  });

  it('never overdraws the stock, even when batches are started at the same time', async () => {
    const left = await stock();
    const size = Math.max(1_000, Math.floor(left / 5));
    const answers = await Promise.all(Array.from({ length: 10 }, () => start(size)));
    const accepted = answers.filter((r) => r.status === 201).length;
    expect(answers.every((r) => r.status === 201 || r.status === 422)).toBe(true);
    expect(accepted).toBe(Math.min(10, Math.floor(left / size)));
    expect(await stock()).toBe(left - accepted * size);
  });
});
