import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/index.ts';
import { call, engines, json, seededApp } from '../harness.ts';
import {
  type Ctx,
  newFacility,
  type People,
  people,
  validSiret,
  wrongSiret,
} from './circular-setup.ts';

interface Facility {
  id: string;
  name: string;
  siret: string;
  addressLine: string;
  postcode: string;
  city: string;
}
interface Problem {
  code?: string;
  errors?: { field: string; message: string }[];
}

describe.each(engines)('waste facilities (%s)', (kind) => {
  let ctx: Ctx;
  let who: People;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    who = await people(ctx);
  });
  afterAll(async () => {
    await ctx?.database.dispose();
  });

  const body = (extra: Record<string, unknown> = {}) => ({
    name: 'Guyane Recyclage Plastiques',
    siret: validSiret(),
    addressLine: '12 rue des Palétuviers',
    postcode: '97351',
    city: 'Matoury',
    ...extra,
  });

  it('a centre’s team adds a facility; a SIRET typed with spaces is stored as 14 digits', async () => {
    const siret = validSiret();
    const typed = `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
    const res = await call(ctx.app, 'POST', '/api/facilities', {
      cookie: who.staff,
      body: body({ siret: typed }),
    });
    expect(res.status).toBe(201);
    const made = await json<Facility>(res);
    expect(made).toMatchObject({ siret, city: 'Matoury', postcode: '97351' });
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'circular.facility.create'), eq(auditLog.entityId, made.id)));
    expect(audit?.after).toMatchObject({ siret });
    expect((await newFacility(ctx, who.manager)).id).toBeTruthy();
    expect((await newFacility(ctx, who.admin)).id).toBeTruthy();
  });

  it('refuses a SIRET whose Luhn key is wrong, or not 14 digits (400 on siret)', async () => {
    for (const siret of [wrongSiret(), '1234', '00000000000000']) {
      const res = await call(ctx.app, 'POST', '/api/facilities', {
        cookie: who.manager,
        body: body({ siret }),
      });
      expect(res.status, siret).toBe(400);
      expect((await json<Problem>(res)).errors?.map((e) => e.field)).toContain('siret');
    }
    const postcode = await call(ctx.app, 'POST', '/api/facilities', {
      cookie: who.manager,
      body: body({ postcode: '9735' }),
    });
    expect(postcode.status).toBe(400);
  });

  it('409 when the SIRET is already listed', async () => {
    const first = await newFacility(ctx, who.manager);
    const res = await call(ctx.app, 'POST', '/api/facilities', {
      cookie: who.staff,
      body: body({ siret: first.siret }),
    });
    expect(res.status).toBe(409);
    expect(await json<Problem>(res)).toMatchObject({
      code: 'SIRET_TAKEN',
      errors: [{ field: 'siret' }],
    });
  });

  it('the board and a facilitator may not add or edit one (no circular.write anywhere)', async () => {
    for (const cookie of [who.board, who.facilitator]) {
      const res = await call(ctx.app, 'POST', '/api/facilities', { cookie, body: body() });
      expect(res.status).toBe(403);
    }
    const f = await newFacility(ctx, who.admin);
    const patch = await call(ctx.app, 'PATCH', `/api/facilities/${f.id}`, {
      cookie: who.board,
      body: { city: 'Kourou' },
    });
    expect(patch.status).toBe(403);
    expect((await call(ctx.app, 'GET', '/api/facilities', { cookie: who.board })).status).toBe(200);
    expect(
      (await call(ctx.app, 'GET', '/api/facilities', { cookie: who.facilitator })).status,
    ).toBe(403);
  });

  it('searches by name, city or SIRET, accents ignored; sorted by name', async () => {
    const siret = validSiret();
    const made = await json<Facility>(
      await call(ctx.app, 'POST', '/api/facilities', {
        cookie: who.admin,
        body: body({ name: 'Écocentre des Étangs', city: 'Rémire-Montjoly', siret }),
      }),
    );
    const search = async (q: string) =>
      json<{ items: Facility[] }>(
        await call(ctx.app, 'GET', `/api/facilities?q=${encodeURIComponent(q)}`, {
          cookie: who.staff,
        }),
      );
    expect((await search('ecocentre etangs')).items.map((f) => f.id)).toEqual([made.id]);
    expect((await search('remire')).items.map((f) => f.id)).toContain(made.id);
    expect((await search(siret)).items.map((f) => f.id)).toEqual([made.id]);
    expect((await search('introuvable zzz')).items).toEqual([]);
    const all = (await search('')).items.map((f) => f.name);
    expect(all).toEqual([...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('edits a facility; 404 for none; 409 for another’s SIRET', async () => {
    const a = await newFacility(ctx, who.manager);
    const b = await newFacility(ctx, who.manager);
    const res = await call(ctx.app, 'PATCH', `/api/facilities/${a.id}`, {
      cookie: who.staff,
      body: { city: 'Kourou', postcode: '97310' },
    });
    expect(res.status).toBe(200);
    expect(await json<Facility>(res)).toMatchObject({
      city: 'Kourou',
      postcode: '97310',
      name: a.name,
    });
    const clash = await call(ctx.app, 'PATCH', `/api/facilities/${a.id}`, {
      cookie: who.manager,
      body: { siret: b.siret },
    });
    expect(clash.status).toBe(409);
    const bad = await call(ctx.app, 'PATCH', `/api/facilities/${a.id}`, {
      cookie: who.manager,
      body: { siret: wrongSiret() },
    });
    expect(bad.status).toBe(400);
    const missing = await call(
      ctx.app,
      'PATCH',
      '/api/facilities/00000000-0000-4000-8000-000000000000',
      { cookie: who.admin, body: { city: 'Cayenne' } },
    );
    expect(missing.status).toBe(404);
  });
});
