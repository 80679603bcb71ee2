import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outflows, reuses } from '../../src/db/schema/index.ts';
import { engines, json, seededApp } from '../harness.ts';
import {
  type Ctx,
  newFacility,
  newStream,
  type People,
  people,
  postInflow,
  postOutflow,
  postReuse,
  stockOf,
} from './circular-setup.ts';

describe.each(engines)('stock under concurrent shipments (%s)', (kind) => {
  let ctx: Ctx;
  let who: People;
  let facilityId: string;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    who = await people(ctx);
    facilityId = (await newFacility(ctx, who.admin)).id;
  });
  afterAll(async () => {
    await ctx?.database.dispose();
  });

  const shipped = async (streamId: string) => {
    const [r] = await ctx.database.db
      .select({ g: sql<number>`coalesce(sum(${outflows.massGrams}), 0)`.mapWith(Number) })
      .from(outflows)
      .where(eq(outflows.streamId, streamId));
    return r?.g ?? 0;
  };

  it('20 shipments at once against 10 kg: exactly 14 of 700 g leave, the rest are 422, the stock never goes below zero', async () => {
    const stream = await newStream(ctx, who.admin);
    expect(
      (
        await postInflow(ctx, who.staff, {
          centreId: who.kourou,
          streamId: stream.id,
          massGrams: 10_000,
        })
      ).status,
    ).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        postOutflow(ctx, who.staff, {
          centreId: who.kourou,
          streamId: stream.id,
          facilityId,
          massGrams: 700,
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(14);
    expect(statuses.filter((s) => s === 422)).toHaveLength(6);
    for (const refused of answers.filter((r) => r.status === 422)) {
      const problem = await json<{ code: string; stockGrams: number }>(refused);
      expect(problem.code).toBe('INSUFFICIENT_STOCK');
      expect(problem.stockGrams).toBeGreaterThanOrEqual(0);
      expect(problem.stockGrams).toBeLessThan(700);
    }
    expect(await shipped(stream.id)).toBe(9_800);
    expect(await stockOf(ctx, who.kourou, stream.id)).toBe(200);
  });

  it('uneven shipments and re-use at once never take more than the stock, and the books add up', async () => {
    const stream = await newStream(ctx, who.admin);
    await postInflow(ctx, who.staff, {
      centreId: who.kourou,
      streamId: stream.id,
      massGrams: 7_000,
    });
    const masses = Array.from({ length: 20 }, (_, i) => 300 + ((i * 137) % 900));
    const answers = await Promise.all(
      masses.map((massGrams, i) =>
        i % 4 === 0
          ? postReuse(ctx, who.staff, { centreId: who.kourou, streamId: stream.id, massGrams })
          : postOutflow(ctx, who.staff, {
              centreId: who.kourou,
              streamId: stream.id,
              facilityId,
              massGrams,
            }),
      ),
    );
    const accepted = masses.filter((_, i) => answers[i]?.status === 201);
    expect(answers.every((r) => r.status === 201 || r.status === 422)).toBe(true);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(20);
    const taken = accepted.reduce((a, b) => a + b, 0);
    expect(taken).toBeLessThanOrEqual(7_000);
    const [reused] = await ctx.database.db
      .select({ g: sql<number>`coalesce(sum(${reuses.massGrams}), 0)`.mapWith(Number) })
      .from(reuses)
      .where(eq(reuses.streamId, stream.id));
    expect((await shipped(stream.id)) + (reused?.g ?? 0)).toBe(taken);
    const left = await stockOf(ctx, who.kourou, stream.id);
    expect(left).toBe(7_000 - taken);
    // Every refusal came when what was left could not cover it.
    const smallestRefused = Math.min(...masses.filter((_, i) => answers[i]?.status === 422));
    expect(smallestRefused).toBeGreaterThan(left);
  });
});
