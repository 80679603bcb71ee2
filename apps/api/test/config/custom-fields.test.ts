import type { CustomFieldDefinition } from '@lakou/domain/config';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, customFieldVersions, events } from '../../src/db/schema/index.ts';
import { call, engines, json } from '../harness.ts';
import { type Ctx, customSetup } from './custom-setup.ts';

interface Problem {
  status: number;
  code?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

describe.each(engines)('custom field definitions (%s)', (kind) => {
  let ctx: Ctx;
  const list = async (query: string) =>
    (
      await json<{ items: CustomFieldDefinition[] }>(
        await call(ctx.app, 'GET', `/api/custom-fields?${query}`),
      )
    ).items;
  const patch = (id: string, body: Record<string, unknown>, cookie = ctx.admin) =>
    call(ctx.app, 'PATCH', `/api/custom-fields/${id}`, { cookie, body });
  const post = (path: string, cookie = ctx.admin) => call(ctx.app, 'POST', path, { cookie });

  beforeAll(async () => {
    ctx = await customSetup(kind);
  });
  afterAll(() => ctx.database.dispose());

  it('lets a manager add a field for their centre, not for another centre nor for the network; the admin does all', async () => {
    const mine = await ctx.field(
      {
        key: 'velo_apporte',
        labelFr: 'Vélo apporté',
        type: 'yes_no',
        centreId: ctx.villageChinois,
      },
      ctx.manager,
    );
    expect(mine).toMatchObject({
      key: 'velo_apporte',
      entity: 'event',
      centreId: ctx.villageChinois,
      version: 1,
      retiredAt: null,
    });
    const elsewhere = await ctx.postField({ key: 'autre', centreId: ctx.kourou }, ctx.manager);
    expect(elsewhere.status).toBe(403);
    const network = await ctx.postField({ key: 'reseau', centreId: null }, ctx.manager);
    expect(network.status).toBe(403);
    const implicitNetwork = await ctx.postField({ key: 'reseau' }, ctx.manager);
    expect(implicitNetwork.status).toBe(403);
    await ctx.field({ key: 'financeur', labelFr: 'Financeur', centreId: null });
    await ctx.field({ key: 'salle_kourou', labelFr: 'Salle', centreId: ctx.kourou });
    // Anyone reads the labels: what applies in a centre, or everything.
    const atVillage = await list(`entity=event&centreId=${ctx.villageChinois}`);
    expect(atVillage.map((d) => d.key)).toEqual(['velo_apporte', 'financeur']);
    const all = await list('entity=event');
    expect(all.map((d) => d.key).sort()).toEqual(['financeur', 'salle_kourou', 'velo_apporte']);
    // A manager changes their centre's field, not the network's.
    expect(
      (await patch(mine.id, { version: 1, helpFr: 'Apporté par la personne' }, ctx.manager)).status,
    ).toBe(200);
    const theirs = all.find((d) => d.key === 'financeur');
    expect(
      (await patch(theirs?.id ?? '', { version: 1, labelFr: 'Mécène' }, ctx.manager)).status,
    ).toBe(403);
    const audit = await ctx.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'custom_field'), eq(auditLog.entityId, mine.id)));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'config.field.create',
      'config.field.update',
    ]);
  });

  it('refuses a donation field for one centre, and a definition that does not hold together', async () => {
    const res = await ctx.postField({ entity: 'donation', key: 'campagne', centreId: ctx.kourou });
    expect(res.status).toBe(422);
    const noOptions = await ctx.postField({ key: 'niveau', type: 'single_choice', options: [] });
    expect(noOptions.status).toBe(400);
    const bad = await json<Problem>(noOptions);
    expect(bad.errors?.map((e) => e.field)).toContain('options');
  });

  it('answers KEY_TAKEN for a key used by the entity in any scope, even retired', async () => {
    const first = await ctx.field({ key: 'public_cible', centreId: ctx.montLucas });
    const again = await ctx.postField({ key: 'public_cible', centreId: ctx.kourou });
    expect(again.status).toBe(409);
    expect((await json<Problem>(again)).code).toBe('KEY_TAKEN');
    expect((await post(`/api/custom-fields/${first.id}/retire`)).status).toBe(200);
    const afterRetire = await ctx.postField({ key: 'public_cible', centreId: null });
    expect((await json<Problem>(afterRetire)).code).toBe('KEY_TAKEN');
    // Another entity has keys of its own.
    await ctx.field({ key: 'public_cible', entity: 'booking', centreId: ctx.montLucas });
  });

  it('answers VERSION_CONFLICT to a change made on an old version, and keeps every version', async () => {
    const def = await ctx.field({
      key: 'remarque',
      labelFr: 'Remarque',
      centreId: ctx.villageChinois,
    });
    const first = await patch(def.id, { version: 1, labelFr: 'Remarques' });
    expect(first.status).toBe(200);
    expect(await json<CustomFieldDefinition>(first)).toMatchObject({
      version: 2,
      labelFr: 'Remarques',
      helpFr: '',
    });
    const stale = await patch(def.id, { version: 1, labelFr: 'Note' });
    expect(stale.status).toBe(409);
    expect((await json<Problem>(stale)).code).toBe('VERSION_CONFLICT');
    const versions = await json<{
      items: { version: number; definition: CustomFieldDefinition; changedBy: { name: string } }[];
    }>(await call(ctx.app, 'GET', `/api/custom-fields/${def.id}/versions`, { cookie: ctx.admin }));
    expect(versions.items.map((v) => [v.version, v.definition.labelFr])).toEqual([
      [1, 'Remarque'],
      [2, 'Remarques'],
    ]);
    expect(versions.items[0]?.changedBy.name).toBeTruthy();
    const rows = await ctx.database.db
      .select()
      .from(customFieldVersions)
      .where(eq(customFieldVersions.definitionId, def.id));
    expect(rows).toHaveLength(2);
    expect((await patch(crypto.randomUUID(), { version: 1, labelFr: 'X' })).status).toBe(404);
  });

  it('refuses a change of type that stored values would not fit (VALUES_DO_NOT_FIT), and carries over those that fit', async () => {
    const def = await ctx.field({
      key: 'participants_prevus',
      labelFr: 'Participants prévus',
      centreId: ctx.montLucas,
    });
    const made = await ctx.postEvent(ctx.montLucas, { custom: { participants_prevus: 'abc' } });
    expect(made.status).toBe(201);
    const event = await json<{ id: string; custom: Record<string, unknown> }>(made);
    expect(event.custom).toEqual({ participants_prevus: 'abc' });
    // A value under the same key in another centre's event is not this field's: it does not count.
    const elsewhere = await json<{ id: string }>(await ctx.postEvent(ctx.villageChinois));
    await ctx.database.db
      .update(events)
      .set({ custom: { participants_prevus: 'xyz' } })
      .where(eq(events.id, elsewhere.id));
    const refused = await patch(def.id, { version: 1, type: 'number' });
    expect(refused.status).toBe(422);
    const problem = await json<Problem>(refused);
    expect(problem.code).toBe('VALUES_DO_NOT_FIT');
    expect(problem.detail).toContain('1 valeur');
    expect(problem.detail).toContain('abc');
    const fixed = await call(ctx.app, 'PATCH', `/api/events/${event.id}`, {
      cookie: ctx.admin,
      body: { custom: { participants_prevus: '12' } },
    });
    expect(fixed.status).toBe(200);
    const accepted = await patch(def.id, { version: 1, type: 'number', min: 0 });
    expect(accepted.status).toBe(200);
    expect(await json<CustomFieldDefinition>(accepted)).toMatchObject({
      type: 'number',
      version: 2,
    });
    // The stored '12' is the number 12 now.
    const shown = await json<{ custom: Record<string, unknown> }>(
      await call(ctx.app, 'GET', `/api/events/${event.id}`, { cookie: ctx.admin }),
    );
    expect(shown.custom).toEqual({ participants_prevus: 12 });
    // Bounds count too: 12 is above a maximum of 10.
    const tooSmall = await patch(def.id, { version: 2, max: 10 });
    expect((await json<Problem>(tooSmall)).code).toBe('VALUES_DO_NOT_FIT');
  });

  it('keeps stored values when a field is retired, and shows them again once restored', async () => {
    const def = await ctx.field({ key: 'animateur', labelFr: 'Animateur', centreId: ctx.kourou });
    const made = await ctx.postEvent(ctx.kourou, { custom: { animateur: 'Léon' } });
    expect(made.status).toBe(201);
    const event = await json<{ id: string }>(made);
    const retired = await json<CustomFieldDefinition>(
      await post(`/api/custom-fields/${def.id}/retire`),
    );
    expect(retired.version).toBe(2);
    expect(retired.retiredAt).not.toBeNull();
    expect(await list(`entity=event&centreId=${ctx.kourou}`)).not.toContainEqual(
      expect.objectContaining({ key: 'animateur' }),
    );
    expect(
      (await list(`entity=event&centreId=${ctx.kourou}&includeRetired=true`)).map((d) => d.key),
    ).toContain('animateur');
    const shown = await json<{ custom: Record<string, unknown> }>(
      await call(ctx.app, 'GET', `/api/events/${event.id}`, { cookie: ctx.admin }),
    );
    expect(shown.custom).toEqual({});
    // A retired field is unknown to the forms: sending it is refused.
    const sent = await call(ctx.app, 'PATCH', `/api/events/${event.id}`, {
      cookie: ctx.admin,
      body: { custom: { animateur: 'Autre' } },
    });
    expect(sent.status).toBe(400);
    // Other changes keep the retired value.
    await ctx.field({ key: 'theme', labelFr: 'Thème', centreId: ctx.kourou });
    const other = await call(ctx.app, 'PATCH', `/api/events/${event.id}`, {
      cookie: ctx.admin,
      body: { title: 'Atelier réparation', custom: { theme: 'Freins' } },
    });
    expect(other.status).toBe(200);
    const restored = await post(`/api/custom-fields/${def.id}/restore`);
    expect(await json<CustomFieldDefinition>(restored)).toMatchObject({
      version: 3,
      retiredAt: null,
    });
    const back = await json<{ custom: Record<string, unknown> }>(
      await call(ctx.app, 'GET', `/api/events/${event.id}`, { cookie: ctx.admin }),
    );
    expect(back.custom).toEqual({ animateur: 'Léon', theme: 'Freins' });
  });

  it('puts the fields of a scope in the order given', async () => {
    const a = await ctx.field({ key: 'ordre_a', entity: 'inflow', centreId: ctx.villageChinois });
    await ctx.field({ key: 'ordre_b', entity: 'inflow', centreId: ctx.villageChinois });
    const c = await ctx.field({ key: 'ordre_c', entity: 'inflow', centreId: ctx.villageChinois });
    const res = await call(ctx.app, 'PUT', '/api/custom-fields/order', {
      cookie: ctx.manager,
      body: { entity: 'inflow', centreId: ctx.villageChinois, ids: [c.id, a.id] },
    });
    expect(res.status).toBe(200);
    const ordered = await json<{ items: CustomFieldDefinition[] }>(res);
    expect(ordered.items.map((d) => [d.key, d.position])).toEqual([
      ['ordre_c', 0],
      ['ordre_a', 1],
      ['ordre_b', 2],
    ]);
    expect((await list(`entity=inflow&centreId=${ctx.villageChinois}`)).map((d) => d.key)).toEqual([
      'ordre_c',
      'ordre_a',
      'ordre_b',
    ]);
    const stranger = await ctx.field({ key: 'ordre_d', entity: 'inflow', centreId: null });
    const mixed = await call(ctx.app, 'PUT', '/api/custom-fields/order', {
      cookie: ctx.admin,
      body: { entity: 'inflow', centreId: ctx.villageChinois, ids: [stranger.id] },
    });
    expect(mixed.status).toBe(422);
    const network = await call(ctx.app, 'PUT', '/api/custom-fields/order', {
      cookie: ctx.manager,
      body: { entity: 'inflow', centreId: null, ids: [stranger.id] },
    });
    expect(network.status).toBe(403);
  });
});
