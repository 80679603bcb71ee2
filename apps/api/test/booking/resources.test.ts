import { FREE_TARIFF } from '@lakou/domain/booking';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

interface Resource {
  id: string;
  centreId: string;
  name: string;
  active: boolean;
  amenities: string[];
}
interface Problem {
  detail: string;
  errors?: { field: string; message: string }[];
}

describe.each(engines)('resources of a centre (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let manager: string;
  let staff: string;
  let admin: string;
  let centre: Record<string, string>;

  const room = (centreId: string, extra: Record<string, unknown> = {}) => ({
    centreId,
    kind: 'room',
    name: 'Salle polyvalente',
    capacity: 20,
    amenities: ['Vidéoprojecteur', 'Cuisine'],
    stepFree: true,
    tariff: FREE_TARIFF,
    ...extra,
  });

  beforeAll(async () => {
    ctx = await seededApp(kind);
    manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
    staff = await signIn(ctx.app, 'accueil.kourou@lakou.test', DEMO_PASSWORD);
    admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
    const list = await json<{ items: { id: string; slug: string }[] }>(
      await call(ctx.app, 'GET', '/api/centres'),
    );
    centre = Object.fromEntries(list.items.map((c) => [c.slug, c.id]));
  });
  afterAll(() => ctx.database.dispose());

  it('lets a manager add a room to their centre, and not to another', async () => {
    const mine = await call(ctx.app, 'POST', '/api/resources', {
      cookie: manager,
      body: room(centre['cayenne-village-chinois'] ?? ''),
    });
    expect(mine.status).toBe(201);
    const created = await json<Resource>(mine);
    expect(created.active).toBe(true);
    expect(created.amenities).toEqual(['Vidéoprojecteur', 'Cuisine']);
    const other = await call(ctx.app, 'POST', '/api/resources', {
      cookie: manager,
      body: room(centre.kourou ?? ''),
    });
    expect(other.status).toBe(403);
  });

  it('shows each person only the resources of their centres', async () => {
    await call(ctx.app, 'POST', '/api/resources', {
      cookie: admin,
      body: room(centre.kourou ?? '', {
        name: 'Bureau partagé',
        kind: 'desk',
        capacity: 1,
        amenities: [],
      }),
    });
    const forStaff = await json<{ items: Resource[] }>(
      await call(ctx.app, 'GET', '/api/resources', { cookie: staff }),
    );
    expect(forStaff.items.length).toBeGreaterThan(0);
    expect(new Set(forStaff.items.map((r) => r.centreId))).toEqual(new Set([centre.kourou]));
    const forManager = await json<{ items: Resource[] }>(
      await call(ctx.app, 'GET', '/api/resources', { cookie: manager }),
    );
    expect(forManager.items.every((r) => r.centreId !== centre.kourou)).toBe(true);
    const forAdmin = await json<{ total: number }>(
      await call(ctx.app, 'GET', '/api/resources', { cookie: admin }),
    );
    const inDatabase = await ctx.database.db.select({ id: resources.id }).from(resources);
    expect(forAdmin.total).toBe(inDatabase.length);
    expect(forAdmin.total).toBeGreaterThan(forStaff.items.length + forManager.items.length);
    const asked = await call(ctx.app, 'GET', `/api/resources?centreId=${centre.kourou}`, {
      cookie: manager,
    });
    expect(asked.status).toBe(403);
  });

  it('finds a resource by an amenity, accents ignored', async () => {
    const page = await json<{ items: Resource[] }>(
      await call(ctx.app, 'GET', '/api/resources?q=videoprojecteur', { cookie: admin }),
    );
    expect(page.items.map((r) => r.name)).toContain('Salle polyvalente');
  });

  it('refuses inconsistent settings with French messages per field, and creates nothing', async () => {
    const before = await json<{ total: number }>(
      await call(ctx.app, 'GET', '/api/resources', { cookie: admin }),
    );
    const res = await call(ctx.app, 'POST', '/api/resources', {
      cookie: manager,
      body: room(centre['cayenne-village-chinois'] ?? '', {
        minDurationMinutes: 120,
        maxDurationMinutes: 60,
        capacity: 0,
      }),
    });
    expect(res.status).toBe(400);
    const problem = await json<Problem>(res);
    expect(problem.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['capacity', 'maxDurationMinutes']),
    );
    expect(problem.errors?.find((e) => e.field === 'maxDurationMinutes')?.message).toContain(
      'durée maximale',
    );
    const after = await json<{ total: number }>(
      await call(ctx.app, 'GET', '/api/resources', { cookie: admin }),
    );
    expect(after.total).toBe(before.total);
  });

  it('keeps a resource in its centre, takes it out of use, and audits both changes', async () => {
    const created = await json<Resource>(
      await call(ctx.app, 'POST', '/api/resources', {
        cookie: manager,
        body: room(centre['cayenne-mont-lucas'] ?? '', { name: 'Atelier couture' }),
      }),
    );
    const moved = await call(ctx.app, 'PUT', `/api/resources/${created.id}`, {
      cookie: admin,
      body: room(centre['cayenne-village-chinois'] ?? '', { name: 'Atelier couture' }),
    });
    expect(moved.status).toBe(422);
    const renamed = await call(ctx.app, 'PUT', `/api/resources/${created.id}`, {
      cookie: manager,
      body: room(centre['cayenne-mont-lucas'] ?? '', { name: 'Atelier couture et retouches' }),
    });
    expect((await json<Resource>(renamed)).name).toBe('Atelier couture et retouches');
    const off = await call(ctx.app, 'PATCH', `/api/resources/${created.id}/active`, {
      cookie: manager,
      body: { active: false },
    });
    expect((await json<Resource>(off)).active).toBe(false);
    const audit = await json<{
      items: { action: string; before: { name: string } | null; after: { name: string } }[];
    }>(
      await call(ctx.app, 'GET', `/api/audit?entity=resource&entityId=${created.id}`, {
        cookie: admin,
      }),
    );
    expect(audit.items.map((e) => e.action)).toEqual([
      'resource.deactivate',
      'resource.update',
      'resource.create',
    ]);
    expect(audit.items[1]?.before?.name).toBe('Atelier couture');
    expect(audit.items[1]?.after.name).toBe('Atelier couture et retouches');
  });
});
