import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeClosedCases } from '../../src/circles/purge.ts';
import { circleCases } from '../../src/db/schema/index.ts';
import { call, engines, json, seededApp } from '../harness.ts';
import {
  defineField,
  demoPeople,
  setRetired,
  type ValidationProblem,
} from './custom-values-fixtures.ts';

interface CircleCase {
  id: string;
  custom: Record<string, unknown>;
}

describe.each(engines)('custom values of circle intakes (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let people: Awaited<ReturnType<typeof demoPeople>>;
  let remarkField: string;
  let witnessField: string;

  const open = (custom?: Record<string, unknown>) =>
    call(ctx.app, 'POST', '/api/circles', {
      cookie: people.facilitator,
      body: { centreId: people.villageChinois, description: 'Conflit de voisinage', custom },
    });
  const stored = async (id: string) => {
    const [row] = await ctx.database.db
      .select({ custom: circleCases.custom })
      .from(circleCases)
      .where(eq(circleCases.id, id));
    return row?.custom;
  };

  beforeAll(async () => {
    ctx = await seededApp(kind);
    people = await demoPeople(ctx);
    await defineField(ctx, {
      entity: 'circle_intake',
      key: 'orientation',
      labelFr: 'Orienté par',
      type: 'single_choice',
      options: ['mairie', 'ecole'],
      required: true,
      inTables: true,
    });
    await defineField(ctx, {
      entity: 'circle_intake',
      key: 'contexte',
      labelFr: 'Contexte familial',
      type: 'long_text',
      confidential: true,
    });
    witnessField = await defineField(ctx, {
      entity: 'circle_intake',
      key: 'temoins',
      labelFr: 'Témoins',
      confidential: true,
    });
    remarkField = await defineField(ctx, {
      entity: 'circle_intake',
      key: 'remarque',
      labelFr: 'Remarque',
    });
    await defineField(ctx, {
      entity: 'circle_intake',
      key: 'quartier',
      labelFr: 'Quartier',
      centreId: people.kourou,
    });
  });
  afterAll(() => ctx.database.dispose());

  it('an intake without a required field is refused with its label', async () => {
    const res = await open();
    expect(res.status).toBe(400);
    const problem = await json<ValidationProblem>(res);
    expect(problem.type).toBe('urn:lakou:problem:validation');
    expect(problem.errors).toEqual([
      { field: 'custom.orientation', message: expect.stringContaining('Orienté par') },
    ]);
  });

  it('stores the values; its facilitators read them, in the case and in their list', async () => {
    const res = await open({ orientation: 'mairie', contexte: 'Deux familles voisines' });
    expect(res.status, await res.clone().text()).toBe(201);
    const made = await json<CircleCase>(res);
    expect(made.custom).toEqual({ orientation: 'mairie', contexte: 'Deux familles voisines' });
    const one = await json<CircleCase>(
      await call(ctx.app, 'GET', `/api/circles/${made.id}`, { cookie: people.facilitator }),
    );
    expect(one.custom).toEqual(made.custom);
    const list = await json<{ items: CircleCase[] }>(
      await call(ctx.app, 'GET', '/api/circles?pageSize=100', { cookie: people.facilitator }),
    );
    expect(list.items.find((c) => c.id === made.id)?.custom).toEqual(made.custom);
    // Nobody but its facilitators reads a case, custom values included; an admin's audited
    // break-glass read shows the intake without its confidential values.
    const byAdmin = await call(ctx.app, 'GET', `/api/circles/${made.id}`, {
      cookie: people.admin,
    });
    expect(byAdmin.status).toBe(404);
    const glass = await ctx.app.request(`/api/circles/${made.id}`, {
      headers: {
        cookie: people.admin,
        'x-lakou-break-glass': encodeURIComponent('Signalement de danger grave reçu'),
      },
    });
    expect(glass.status).toBe(200);
    expect((await json<CircleCase>(glass)).custom).toEqual({ orientation: 'mairie' });
  });

  it('a field of another centre does not apply', async () => {
    const res = await open({ orientation: 'ecole', quartier: 'Centre' });
    expect(res.status).toBe(400);
    expect((await json<ValidationProblem>(res)).errors?.map((e) => e.field)).toEqual([
      'custom.quartier',
    ]);
  });

  it('a patch checks only the keys sent; a retired field’s value survives', async () => {
    const made = await json<CircleCase>(await open({ orientation: 'ecole', remarque: 'urgent' }));
    await setRetired(ctx, remarkField, true);
    const patched = await call(ctx.app, 'PATCH', `/api/circles/${made.id}`, {
      cookie: people.facilitator,
      body: { custom: { orientation: 'mairie' } },
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect((await json<CircleCase>(patched)).custom).toEqual({ orientation: 'mairie' });
    await setRetired(ctx, remarkField, false);
    const back = await json<CircleCase>(
      await call(ctx.app, 'GET', `/api/circles/${made.id}`, { cookie: people.facilitator }),
    );
    expect(back.custom).toEqual({ orientation: 'mairie', remarque: 'urgent' });
  });

  it('the purge erases the confidential values, retired fields’ too, and keeps the others', async () => {
    const made = await json<CircleCase>(
      await open({ orientation: 'mairie', contexte: 'Séparation récente', temoins: 'Mme R.' }),
    );
    await setRetired(ctx, witnessField, true);
    const closedAt = new Date(Date.now() - 400 * 86_400_000);
    await ctx.database.db
      .update(circleCases)
      .set({ stage: 'closed', openedAt: new Date(closedAt.getTime() - 40 * 86_400_000), closedAt })
      .where(eq(circleCases.id, made.id));
    const purged = await purgeClosedCases(ctx.database.db, new Date(), 12);
    expect(purged.length).toBeGreaterThanOrEqual(1);
    expect(await stored(made.id)).toEqual({ orientation: 'mairie' });
    const refused = await call(ctx.app, 'PATCH', `/api/circles/${made.id}`, {
      cookie: people.facilitator,
      body: { custom: { contexte: 'de retour' } },
    });
    expect(refused.status).toBe(422);
  });
});
