import type { AuditEntry, RoleAssignment, UserSummary } from '@lakou/domain/identity';
import type { Page } from '@lakou/domain/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, centres } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

type App = Awaited<ReturnType<typeof seededApp>>;
type Problem = { status: number; detail?: string; errors?: { field: string; message: string }[] };

describe.each(engines)('audit log (%s)', (kind) => {
  let ctx: App;
  let admin: string;
  let adminId: string;
  let kourou: string;
  let macouria: string;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
    adminId = (await json<{ id: string }>(await call(ctx.app, 'GET', '/api/me', { cookie: admin })))
      .id;
    const rows = await ctx.database.db.select({ id: centres.id, slug: centres.slug }).from(centres);
    const idOf = (slug: string) => rows.find((c) => c.slug === slug)?.id ?? '';
    kourou = idOf('kourou');
    macouria = idOf('macouria');
    expect(kourou).not.toBe('');
    expect(macouria).not.toBe('');
  });
  afterAll(() => ctx.database.dispose());

  const audit = async (query: string, cookie = admin) => {
    const res = await call(ctx.app, 'GET', `/api/audit${query}`, { cookie });
    expect(res.status).toBe(200);
    return json<Page<AuditEntry>>(res);
  };
  /** The entries about one entity, oldest first. */
  const entriesOf = async (entity: string, entityId: string) =>
    (await audit(`?entity=${entity}&entityId=${entityId}&pageSize=100`)).items.reverse();

  async function invite(email: string, roles: RoleAssignment[]): Promise<UserSummary> {
    const res = await call(ctx.app, 'POST', '/api/users', {
      cookie: admin,
      body: { email, name: 'Personne Auditée', roles },
    });
    expect(res.status).toBe(201);
    return json<UserSummary>(res);
  }

  it('records an invitation with its actor, route, entity and the new user', async () => {
    const user = await invite('audit.invite@example.fr', [{ role: 'staff', centreId: kourou }]);
    const entries = await entriesOf('user', user.id);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      actorId: adminId,
      actorEmail: 'admin@lakou.test',
      action: 'user.invite',
      method: 'POST',
      route: '/api/users',
      entity: 'user',
      entityId: user.id,
      before: null,
    });
    expect(entry?.after).toMatchObject({
      id: user.id,
      email: 'audit.invite@example.fr',
      roles: [{ role: 'staff', centreId: kourou }],
    });
  });

  it('records a change of roles with the roles before and after', async () => {
    const user = await invite('audit.roles@example.fr', [{ role: 'staff', centreId: kourou }]);
    const res = await call(ctx.app, 'PATCH', `/api/users/${user.id}`, {
      cookie: admin,
      body: { roles: [{ role: 'manager', centreId: macouria }] },
    });
    expect(res.status).toBe(200);
    const entries = await entriesOf('user', user.id);
    expect(entries.map((e) => e.action)).toEqual(['user.invite', 'user.update']);
    const update = entries[1];
    expect(update).toMatchObject({
      actorId: adminId,
      action: 'user.update',
      method: 'PATCH',
      route: '/api/users/:id',
      entity: 'user',
      entityId: user.id,
    });
    expect(update?.before).toMatchObject({ roles: [{ role: 'staff', centreId: kourou }] });
    expect(update?.after).toMatchObject({ roles: [{ role: 'manager', centreId: macouria }] });
  });

  it('records the creation and the revocation of a token, never its secret', async () => {
    const res = await call(ctx.app, 'POST', '/api/tokens', {
      cookie: admin,
      body: { name: 'Jeton audité' },
    });
    expect(res.status).toBe(201);
    const created = await json<{ id: string; token: string }>(res);
    expect(
      (await call(ctx.app, 'DELETE', `/api/tokens/${created.id}`, { cookie: admin })).status,
    ).toBe(204);

    const entries = await entriesOf('token', created.id);
    expect(entries.map((e) => e.action)).toEqual(['token.create', 'token.revoke']);
    const [create, revoke] = entries;
    expect(create).toMatchObject({
      actorId: adminId,
      method: 'POST',
      route: '/api/tokens',
      entity: 'token',
      entityId: created.id,
      before: null,
      after: { id: created.id, name: 'Jeton audité', revokedAt: null },
    });
    expect(revoke).toMatchObject({
      actorId: adminId,
      method: 'DELETE',
      route: '/api/tokens/:id',
      entityId: created.id,
      before: { revokedAt: null },
    });
    expect((revoke?.after as { revokedAt?: string | null } | undefined)?.revokedAt).toEqual(
      expect.any(String),
    );
    // Neither the API nor the table holds the secret.
    const all = await ctx.database.db.select().from(auditLog);
    expect(JSON.stringify(all)).not.toContain(created.token);
  });

  it('records a sign-in as auth.sign-in by the person who signed in', async () => {
    const cookie = await signIn(ctx.app, 'ca@lakou.test', DEMO_PASSWORD);
    const me = await json<{ id: string }>(await call(ctx.app, 'GET', '/api/me', { cookie }));
    const page = await audit(`?action=auth.sign-in&actorId=${me.id}`);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      action: 'auth.sign-in',
      actorId: me.id,
      actorEmail: 'ca@lakou.test',
      method: 'POST',
      entity: 'account',
      entityId: me.id,
    });
    expect(page.items[0]?.route).toMatch(/^\/api\/auth\//);
    // A failed sign-in is not recorded as one.
    await call(ctx.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: 'ca@lakou.test', password: 'pas-le-bon-mot' },
    });
    expect((await audit(`?action=auth.sign-in&actorId=${me.id}`)).total).toBe(1);
  });

  it('filters by entity, action, actor and time, and paginates', async () => {
    const manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
    const managerId = (
      await json<{ id: string }>(await call(ctx.app, 'GET', '/api/me', { cookie: manager }))
    ).id;
    for (const name of ['Jeton un', 'Jeton deux', 'Jeton trois']) {
      const res = await call(ctx.app, 'POST', '/api/tokens', { cookie: manager, body: { name } });
      expect(res.status).toBe(201);
    }
    const rows = await ctx.database.db.select().from(auditLog);

    const byEntity = await audit('?entity=token&pageSize=100');
    expect(byEntity.items.length).toBeGreaterThan(0);
    expect(byEntity.items.every((e) => e.entity === 'token')).toBe(true);
    expect(byEntity.total).toBe(rows.filter((r) => r.entity === 'token').length);

    const byAction = await audit('?action=user.update&pageSize=100');
    expect(byAction.total).toBe(rows.filter((r) => r.action === 'user.update').length);
    expect(byAction.items.every((e) => e.action === 'user.update')).toBe(true);

    const byActor = await audit(`?actorId=${managerId}&pageSize=100`);
    expect(byActor.items.map((e) => e.action).sort()).toEqual([
      'auth.sign-in',
      'token.create',
      'token.create',
      'token.create',
    ]);
    expect(byActor.items.every((e) => e.actorId === managerId)).toBe(true);

    // Newest first; a page past the end still carries the total.
    const times = byActor.items.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const p1 = await audit(`?actorId=${managerId}&pageSize=3&page=1`);
    const p2 = await audit(`?actorId=${managerId}&pageSize=3&page=2`);
    const p3 = await audit(`?actorId=${managerId}&pageSize=3&page=3`);
    expect([p1.total, p2.total, p3.total]).toEqual([4, 4, 4]);
    expect([p1.page, p1.pageSize, p2.page]).toEqual([1, 3, 2]);
    expect([p1.items.length, p2.items.length, p3.items.length]).toEqual([3, 1, 0]);
    expect([...p1.items, ...p2.items].map((e) => e.id)).toEqual(byActor.items.map((e) => e.id));

    // from / to are inclusive bounds on the entry time.
    const oldest = byActor.items.at(-1);
    const newest = byActor.items[0];
    if (!oldest || !newest) throw new Error('no entries');
    const fromNewest = await audit(
      `?actorId=${managerId}&from=${encodeURIComponent(newest.at)}&pageSize=100`,
    );
    expect(fromNewest.items.map((e) => e.id)).toContain(newest.id);
    expect(fromNewest.items.every((e) => Date.parse(e.at) >= Date.parse(newest.at))).toBe(true);
    const toOldest = await audit(
      `?actorId=${managerId}&to=${encodeURIComponent(oldest.at)}&pageSize=100`,
    );
    expect(toOldest.items.map((e) => e.id)).toContain(oldest.id);
    expect(toOldest.items.every((e) => Date.parse(e.at) <= Date.parse(oldest.at))).toBe(true);
    expect(toOldest.total).toBeLessThan(4);
    const future = await audit(`?from=${encodeURIComponent('2999-01-01T00:00:00+00:00')}`);
    expect([future.total, future.items.length]).toEqual([0, 0]);
    const past = await audit('?to=2000-01-01T00:00:00Z');
    expect(past.total).toBe(0);
    const window = await audit(
      `?from=${encodeURIComponent(oldest.at)}&to=${encodeURIComponent(newest.at)}&actorId=${managerId}`,
    );
    expect(window.total).toBe(4);
  });

  it('refuses a malformed date with a French per-field message', async () => {
    for (const query of ['?from=hier', '?to=2026-13-45', '?from=2026-01-01']) {
      const res = await call(ctx.app, 'GET', `/api/audit${query}`, { cookie: admin });
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = await json<Problem>(res);
      expect(body.detail).toBe('Certaines valeurs envoyées sont invalides.');
      expect(body.errors?.[0]?.message).toBe('Date-heure ISO 8601 attendue.');
      expect(['from', 'to']).toContain(body.errors?.[0]?.field);
    }
  });

  it('is read by admins only: 403 for staff, manager and board, 401 anonymously', async () => {
    for (const email of ['accueil.kourou@lakou.test', 'gestion@lakou.test', 'ca@lakou.test']) {
      const cookie = await signIn(ctx.app, email, DEMO_PASSWORD);
      const res = await call(ctx.app, 'GET', '/api/audit', { cookie });
      expect([email, res.status]).toEqual([email, 403]);
    }
    const anonymous = await call(ctx.app, 'GET', '/api/audit');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
  });

  it('offers no route to change or remove an entry', async () => {
    const [entry] = (await audit('?pageSize=1')).items;
    if (!entry) throw new Error('empty audit log');
    const countBefore = (await audit('?pageSize=1')).total;
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/api/audit', `/api/audit/${entry.id}`]) {
        const res = await call(ctx.app, method, path, {
          cookie: admin,
          body: { action: 'falsifié', after: null },
        });
        expect([method, path, [404, 405].includes(res.status)]).toEqual([method, path, true]);
      }
    }
    const after = await entriesOf(entry.entity, entry.entityId ?? '');
    expect(after.find((e) => e.id === entry.id)).toEqual(entry);
    expect((await audit('?pageSize=1')).total).toBe(countBefore);
  });

  it('is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const db = ctx.database.db;
    const before = await db.select().from(auditLog);
    expect(before.length).toBeGreaterThan(0);
    const first = before[0];
    if (!first) throw new Error('empty audit log');
    await expect(db.execute(sql`update audit_log set action = 'falsifié'`)).rejects.toThrow();
    await expect(
      db.execute(sql`update audit_log set after = null where id = ${first.id}`),
    ).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log where id = ${first.id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    // Inside a transaction too, whatever else it does.
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`delete from audit_log where id = ${first.id}`);
      }),
    ).rejects.toThrow();
    const after = await db.select().from(auditLog);
    expect(after).toEqual(before);
    const [kept] = await db.select().from(auditLog).where(eq(auditLog.id, first.id));
    expect(kept).toEqual(first);
  });
});
