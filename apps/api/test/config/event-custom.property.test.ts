import { customValuesSchema, specIssues } from '@lakou/domain/config';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anySpec, valueFor } from '../../../../packages/domain/src/config/arbitraries.ts';
import { call, engines, json } from '../harness.ts';
import { type Ctx, customSetup } from './custom-setup.ts';

describe.each(engines)('the API and the hub judge custom values alike (%s)', (kind) => {
  let ctx: Ctx;

  beforeAll(async () => {
    ctx = await customSetup(kind);
  });
  afterAll(() => ctx.database.dispose());

  it('creates an event exactly when customValuesSchema accepts its custom values', async () => {
    let n = 0;
    // A booking left free by a refused event serves the next one.
    let freeBooking: string | undefined;
    await fc.assert(
      fc.asyncProperty(
        anySpec.chain((spec) => valueFor(spec).map((value) => ({ spec, value }))),
        async ({ spec: generated, value }) => {
          n += 1;
          const spec = { ...generated, key: `p${n}` };
          const made = await ctx.postField({ ...spec, entity: 'event', centreId: ctx.kourou });
          if (specIssues(spec, 'event').length > 0) {
            // A default that does not fit: the definition itself is refused.
            expect(made.status).toBe(400);
            return;
          }
          expect(made.status, await made.clone().text()).toBe(201);
          const def = await json<{ id: string }>(made);
          const expected = customValuesSchema([spec], { mode: 'create' }).safeParse({
            [spec.key]: value,
          }).success;
          const bookingId = freeBooking ?? (await ctx.book(ctx.kourou));
          const res = await ctx.postEvent(ctx.kourou, { custom: { [spec.key]: value } }, bookingId);
          expect(
            res.status,
            `${JSON.stringify({ spec, value })}: ${await res.clone().text()}`,
          ).toBe(expected ? 201 : 400);
          freeBooking = res.status === 201 ? undefined : bookingId;
          // Retired, the field no longer applies to the next run's event.
          const retired = await call(ctx.app, 'POST', `/api/custom-fields/${def.id}/retire`, {
            cookie: ctx.admin,
          });
          expect(retired.status).toBe(200);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
