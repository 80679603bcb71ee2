import type { ApiToken, UserSummary } from '@lakou/domain/identity';
import type { Page } from '@lakou/domain/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, centres, roleAssignments, users } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

type App = Awaited<ReturnType<typeof seededApp>>;
type Created = ApiToken & { token: string };
type Me = { id: string; email: string; via: string; readOnly: boolean };
type Problem = { status: number; detail?: string; code?: string };

describe.each(engines)('personal access tokens (%s)', (kind) => {
  let ctx: App;
  let admin: string;
  let manager: string;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
    manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
  });
  afterAll(() => ctx.database.dispose());

  /** Creates a token through the API as the holder of `cookie`. */
  async function newToken(cookie: string, body: Record<string, unknown> = {}): Promise<Created> {
    const res = await call(ctx.app, 'POST', '/api/tokens', {
      cookie,
      body: { name: 'Jeton de test', ...body },
    });
    expect(res.status).toBe(201);
    return json<Created>(res);
  }

  async function userId(email: string): Promise<string> {
    const [row] = await ctx.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, email));
    if (!row) throw new Error(`no user ${email}`);
    return row.id;
  }

  async function tokenRow(id: string) {
    const [row] = await ctx.database.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    if (!row) throw new Error(`no token row ${id}`);
    return row;
  }

  const asToken = (token: string, method = 'GET', path = '/api/me', body?: unknown) =>
    call(ctx.app, method, path, { token, origin: null, ...(body !== undefined ? { body } : {}) });

  it('creates a token shown once: the list never carries the secret, the database keeps only a hash', async () => {
    const res = await call(ctx.app, 'POST', '/api/tokens', {
      cookie: admin,
      body: { name: 'Export comptable' },
    });
    expect(res.status).toBe(201);
    const created = await json<Created>(res);
    expect(created.token).toMatch(/^lk_[A-Za-z0-9_-]{40,}$/);
    expect(created.name).toBe('Export comptable');
    expect(created.readOnly).toBe(true);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created.prefix.length).toBeLessThan(created.token.length / 2);

    const list = await call(ctx.app, 'GET', '/api/tokens', { cookie: admin });
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).not.toContain(created.token);
    const listed = (JSON.parse(text) as { items: ApiToken[] }).items;
    expect(listed.map((t) => t.id)).toContain(created.id);
    expect(listed.every((t) => !('token' in t))).toBe(true);

    const row = await tokenRow(created.id);
    expect(row.tokenHash).not.toBe(created.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.token);
    // Not even the secret without its prefix is kept.
    expect(JSON.stringify(row)).not.toContain(created.token.slice(3));
  });

  it('authenticates with Authorization: Bearer, read-only by default', async () => {
    const { token } = await newToken(admin);
    const res = await asToken(token);
    expect(res.status).toBe(200);
    const me = await json<Me>(res);
    expect(me.email).toBe('admin@lakou.test');
    expect(me.via).toBe('token');
    expect(me.readOnly).toBe(true);
  });

  it('a read-only token reads what its owner may read, but cannot change anything', async () => {
    const { token } = await newToken(admin);
    const usersBefore = await ctx.database.db.select({ id: users.id }).from(users);
    const tokensBefore = await ctx.database.db.select({ id: apiTokens.id }).from(apiTokens);

    const invite = await asToken(token, 'POST', '/api/users', {
      email: 'lecture.seule@example.fr',
      name: 'Lecture Seule',
      roles: [{ role: 'board', centreId: null }],
    });
    expect(invite.status).toBe(403);
    expect((await json<Problem>(invite)).detail).toContain('lecture seule');

    const another = await asToken(token, 'POST', '/api/tokens', { name: 'Jeton bis' });
    expect(another.status).toBe(403);
    expect((await json<Problem>(another)).detail).toContain('lecture seule');

    const patch = await asToken(token, 'PATCH', `/api/users/${await userId('ca@lakou.test')}`, {
      name: 'Pas Permis',
    });
    expect(patch.status).toBe(403);

    expect(await ctx.database.db.select({ id: users.id }).from(users)).toHaveLength(
      usersBefore.length,
    );
    expect(await ctx.database.db.select({ id: apiTokens.id }).from(apiTokens)).toHaveLength(
      tokensBefore.length,
    );

    for (const path of ['/api/users', '/api/audit', '/api/centres', '/api/me']) {
      expect([path, (await asToken(token, 'GET', path)).status]).toEqual([path, 200]);
    }
  });

  it('a read-write token of the admin can change a user', async () => {
    const { token, readOnly } = await newToken(admin, { name: 'Synchro RH', readOnly: false });
    expect(readOnly).toBe(false);
    expect((await json<Me>(await asToken(token))).readOnly).toBe(false);
    const target = await userId('ca@lakou.test');
    const res = await asToken(token, 'PATCH', `/api/users/${target}`, {
      name: 'Claire Conseil-Renommée',
    });
    expect(res.status).toBe(200);
    expect((await json<UserSummary>(res)).name).toBe('Claire Conseil-Renommée');
    const [row] = await ctx.database.db
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, target));
    expect(row?.name).toBe('Claire Conseil-Renommée');
  });

  it('revokes a token: 204, and it stops working at once', async () => {
    const created = await newToken(admin);
    expect((await asToken(created.token)).status).toBe(200);
    const res = await call(ctx.app, 'DELETE', `/api/tokens/${created.id}`, { cookie: admin });
    expect(res.status).toBe(204);
    const refused = await asToken(created.token);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await json<Problem>(refused)).code).toBe('INVALID_TOKEN');
    const listed = await json<{ items: ApiToken[] }>(
      await call(ctx.app, 'GET', '/api/tokens', { cookie: admin }),
    );
    expect(listed.items.find((t) => t.id === created.id)?.revokedAt).not.toBeNull();
  });

  it('cannot revoke someone else’s token — not even as admin: 404, and it keeps working', async () => {
    const theirs = await newToken(manager);
    const res = await call(ctx.app, 'DELETE', `/api/tokens/${theirs.id}`, { cookie: admin });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await tokenRow(theirs.id)).revokedAt).toBeNull();
    expect((await asToken(theirs.token)).status).toBe(200);
    // Nor through a read-write token of the admin.
    const { token: adminRw } = await newToken(admin, { readOnly: false });
    expect((await asToken(adminRw, 'DELETE', `/api/tokens/${theirs.id}`)).status).toBe(404);
    expect((await asToken(theirs.token)).status).toBe(200);
  });

  it('refuses an expired token', async () => {
    const created = await newToken(admin, { expiresInDays: 1 });
    expect((await asToken(created.token)).status).toBe(200);
    await ctx.database.db
      .update(apiTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(apiTokens.id, created.id));
    const res = await asToken(created.token);
    expect(res.status).toBe(401);
    expect((await json<Problem>(res)).code).toBe('INVALID_TOKEN');
    // Refused outright, even on a public route, rather than treated as anonymous.
    expect((await asToken(created.token, 'GET', '/api/centres')).status).toBe(401);
  });

  it('refuses the token of a deactivated user', async () => {
    const board = await signIn(ctx.app, 'ca@lakou.test', DEMO_PASSWORD);
    const { token } = await newToken(board);
    expect((await asToken(token)).status).toBe(200);
    const off = await call(ctx.app, 'PATCH', `/api/users/${await userId('ca@lakou.test')}`, {
      cookie: admin,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    const res = await asToken(token);
    expect(res.status).toBe(401);
    expect((await json<Problem>(res)).code).toBe('INVALID_TOKEN');
    // Reactivating the account does not bring the old token back: deactivation revoked it.
    const on = await call(ctx.app, 'PATCH', `/api/users/${await userId('ca@lakou.test')}`, {
      cookie: admin,
      body: { active: true },
    });
    expect(on.status).toBe(200);
    expect((await asToken(token)).status).toBe(401);
  });

  it('answers a malformed or unknown Authorization header with a 401 problem, never falling back to the cookie', async () => {
    const headers = [
      'Basic YWRtaW5AbGFrb3UudGVzdDpsYWtvdS1kZW1vLTIwMjY=',
      'Bearer',
      'Bearer lk_un lk_deux',
      'lk_sans-schema',
      'Token lk_abc',
      `Bearer lk_${'A'.repeat(43)}`,
      `Bearer lk_${'A'.repeat(300)}`,
      'Bearer pas-un-jeton-lakou',
    ];
    for (const authorization of headers) {
      for (const path of ['/api/me', '/api/centres']) {
        const res = await ctx.app.request(path, { headers: { authorization, cookie: admin } });
        expect([authorization, path, res.status]).toEqual([authorization, path, 401]);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        const body = await json<Problem>(res);
        expect(body.status).toBe(401);
        expect(body.code).toBe('INVALID_TOKEN');
      }
    }
  });

  it('records when a token was last used', async () => {
    const created = await newToken(admin);
    expect(created.lastUsedAt).toBeNull();
    expect((await tokenRow(created.id)).lastUsedAt).toBeNull();
    const before = Date.now();
    expect((await asToken(created.token, 'GET', '/api/centres')).status).toBe(200);
    const used = (await tokenRow(created.id)).lastUsedAt;
    expect(used).toBeInstanceOf(Date);
    expect(Math.abs((used?.getTime() ?? 0) - before)).toBeLessThan(60_000);
    const listed = await json<{ items: ApiToken[] }>(
      await call(ctx.app, 'GET', '/api/tokens', { cookie: admin }),
    );
    expect(listed.items.find((t) => t.id === created.id)?.lastUsedAt).toBe(used?.toISOString());
  });

  it('a manager’s token sees no more than the manager: only the people of their centres', async () => {
    const { token } = await newToken(manager);
    const centreRows = await ctx.database.db
      .select({ id: centres.id, slug: centres.slug })
      .from(centres);
    const idOf = (slug: string) => {
      const found = centreRows.find((c) => c.slug === slug);
      if (!found) throw new Error(`no centre ${slug}`);
      return found.id;
    };
    const mine = [idOf('cayenne-village-chinois'), idOf('cayenne-mont-lucas')];
    const expected = await ctx.database.db
      .selectDistinct({ email: users.email })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(inArray(roleAssignments.centreId, mine));

    const res = await asToken(token, 'GET', '/api/users?pageSize=100');
    expect(res.status).toBe(200);
    const page = await json<Page<UserSummary>>(res);
    const emails = page.items.map((u) => u.email).sort();
    expect(emails).toEqual(expected.map((r) => r.email).sort());
    expect(emails).toContain('facilitation@lakou.test');
    for (const outsider of ['accueil.kourou@lakou.test', 'admin@lakou.test', 'ca@lakou.test']) {
      expect(emails).not.toContain(outsider);
    }
    for (const u of page.items) {
      for (const r of u.roles) expect(mine).toContain(r.centreId);
    }
    // Same answer as the manager's own session.
    const viaSession = await json<Page<UserSummary>>(
      await call(ctx.app, 'GET', '/api/users?pageSize=100', { cookie: manager }),
    );
    expect(page.items).toEqual(viaSession.items);

    expect((await asToken(token, 'GET', `/api/users?centreId=${idOf('kourou')}`)).status).toBe(403);
    const kourouStaff = await userId('accueil.kourou@lakou.test');
    expect((await asToken(token, 'GET', `/api/users/${kourouStaff}`)).status).toBe(404);
    expect((await asToken(token, 'GET', '/api/audit')).status).toBe(403);
  });
});
