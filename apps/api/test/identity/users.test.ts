import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { RoleAssignment, UserSummary } from '@lakou/domain/identity';
import type { Page } from '@lakou/domain/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { API_ROOT } from '../../src/config.ts';
import {
  auditLog,
  centres,
  outboxEmails,
  roleAssignments,
  users,
} from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { seedDemoNetwork } from '../../src/db/seed/seed.ts';
import {
  call,
  engines,
  freshDatabase,
  json,
  seededApp,
  signIn,
  type TestDatabase,
} from '../harness.ts';

type App = Awaited<ReturnType<typeof seededApp>>;
type Problem = {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
};

const LAST_ADMIN = 'Le réseau doit garder au moins un administrateur actif.';
const ADMIN: RoleAssignment[] = [{ role: 'admin', centreId: null }];
const BOARD: RoleAssignment[] = [{ role: 'board', centreId: null }];

describe.each(engines)('users (%s)', (kind) => {
  let ctx: App;
  let admin: string;
  let manager: string;
  let centreId: (slug: string) => string;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
    manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
    const rows = await ctx.database.db.select({ id: centres.id, slug: centres.slug }).from(centres);
    centreId = (slug) => {
      const found = rows.find((c) => c.slug === slug);
      if (!found) throw new Error(`no centre ${slug}`);
      return found.id;
    };
  });
  afterAll(() => ctx.database.dispose());

  const db = () => ctx.database.db;

  async function userId(email: string): Promise<string> {
    const [row] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!row) throw new Error(`no user ${email}`);
    return row.id;
  }

  const userCount = async () => (await db().select({ id: users.id }).from(users)).length;

  async function listAs(cookie: string, query = ''): Promise<Page<UserSummary>> {
    const res = await call(ctx.app, 'GET', `/api/users?pageSize=100${query}`, { cookie });
    expect(res.status).toBe(200);
    return json<Page<UserSummary>>(res);
  }

  async function invite(email: string, roles: RoleAssignment[], name = 'Personne Invitée') {
    const res = await call(ctx.app, 'POST', '/api/users', {
      cookie: admin,
      body: { email, name, roles },
    });
    expect(res.status).toBe(201);
    return json<UserSummary>(res);
  }

  /** Invites a person, who then follows the emailed link, chooses a password and signs in. */
  async function inviteAndSignIn(email: string, roles: RoleAssignment[]) {
    const user = await invite(email, roles);
    const [mail] = await db()
      .select({ body: outboxEmails.bodyText })
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, email));
    const link = new URL(/https?:\/\/\S+/.exec(mail?.body ?? '')?.[0] ?? 'http://x/none');
    const followed = await ctx.app.request(link.pathname + link.search);
    expect(followed.status).toBe(302);
    const token = new URL(
      followed.headers.get('location') ?? '',
      'http://localhost:3000',
    ).searchParams.get('token');
    const password = `mot-de-passe-${email}`;
    const chosen = await call(ctx.app, 'POST', '/api/auth/reset-password', {
      body: { token, newPassword: password },
    });
    expect(chosen.status).toBe(200);
    return { id: user.id, password, cookie: await signIn(ctx.app, email, password) };
  }

  /** Active admins, read from the database. */
  async function activeAdmins(): Promise<string[]> {
    const rows = await db()
      .select({ email: users.email })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(and(eq(roleAssignments.role, 'admin'), eq(users.active, true)));
    return rows.map((r) => r.email).sort();
  }

  it('lists every user to the admin', async () => {
    const page = await listAs(admin);
    expect(page.total).toBeGreaterThanOrEqual(5);
    expect(page.total).toBe(await userCount());
    const emails = page.items.map((u) => u.email);
    for (const email of [
      'admin@lakou.test',
      'gestion@lakou.test',
      'accueil.kourou@lakou.test',
      'facilitation@lakou.test',
      'ca@lakou.test',
    ]) {
      expect(emails).toContain(email);
    }
    const kourouStaff = page.items.find((u) => u.email === 'accueil.kourou@lakou.test');
    expect(kourouStaff?.roles).toEqual([{ role: 'staff', centreId: centreId('kourou') }]);
  });

  it('lists to a manager only the people of their centres, with only the roles held there', async () => {
    const mine = [centreId('cayenne-village-chinois'), centreId('cayenne-mont-lucas')];
    const kourou = centreId('kourou');
    // Someone who works both in Village Chinois and in Kourou.
    const both = await invite('deux.centres@example.fr', [
      { role: 'staff', centreId: mine[0] ?? '' },
      { role: 'facilitator', centreId: kourou },
    ]);
    const expected = await db()
      .selectDistinct({ email: users.email })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(inArray(roleAssignments.centreId, mine));

    const page = await listAs(manager);
    const emails = page.items.map((u) => u.email).sort();
    expect(emails).toEqual(expected.map((r) => r.email).sort());
    expect(page.total).toBe(expected.length);
    expect(emails).toEqual(
      expect.arrayContaining([
        'gestion@lakou.test',
        'facilitation@lakou.test',
        'deux.centres@example.fr',
      ]),
    );
    for (const outsider of ['accueil.kourou@lakou.test', 'admin@lakou.test', 'ca@lakou.test']) {
      expect(emails).not.toContain(outsider);
    }
    for (const u of page.items) {
      expect(u.roles.length).toBeGreaterThan(0);
      for (const r of u.roles)
        expect([u.email, mine.includes(r.centreId ?? '')]).toEqual([u.email, true]);
    }
    expect(page.items.find((u) => u.id === both.id)?.roles).toEqual([
      { role: 'staff', centreId: mine[0] },
    ]);
    // One user read alone shows the same narrowing; the admin sees both roles.
    const one = await call(ctx.app, 'GET', `/api/users/${both.id}`, { cookie: manager });
    expect(one.status).toBe(200);
    expect((await json<UserSummary>(one)).roles).toEqual([{ role: 'staff', centreId: mine[0] }]);
    const full = await json<UserSummary>(
      await call(ctx.app, 'GET', `/api/users/${both.id}`, { cookie: admin }),
    );
    expect(full.roles).toHaveLength(2);
    // A search stays within the scope.
    const search = await listAs(manager, '&q=lakou.test');
    expect(search.items.map((u) => u.email)).not.toContain('accueil.kourou@lakou.test');
    expect(search.items.length).toBeGreaterThan(0);
    // Filtering on one of their own centres is allowed.
    const vc = await listAs(manager, `&centreId=${mine[0]}`);
    expect(vc.items.map((u) => u.email)).toContain('facilitation@lakou.test');
    expect(vc.items.map((u) => u.email)).not.toContain('accueil.kourou@lakou.test');
  });

  it('hides from a manager a person outside their centres (404) and refuses another centre’s filter (403)', async () => {
    const kourouStaff = await userId('accueil.kourou@lakou.test');
    const one = await call(ctx.app, 'GET', `/api/users/${kourouStaff}`, { cookie: manager });
    expect(one.status).toBe(404);
    expect(one.headers.get('content-type')).toContain('application/problem+json');
    expect(await one.text()).not.toContain('accueil.kourou');
    const admins = await call(ctx.app, 'GET', `/api/users/${await userId('admin@lakou.test')}`, {
      cookie: manager,
    });
    expect(admins.status).toBe(404);
    const filtered = await call(ctx.app, 'GET', `/api/users?centreId=${centreId('kourou')}`, {
      cookie: manager,
    });
    expect(filtered.status).toBe(403);
    expect(await filtered.text()).not.toContain('accueil.kourou');
  });

  it('refuses the list to staff, facilitators and the board (403), and to visitors (401)', async () => {
    for (const email of ['accueil.kourou@lakou.test', 'facilitation@lakou.test', 'ca@lakou.test']) {
      const cookie = await signIn(ctx.app, email, DEMO_PASSWORD);
      const res = await call(ctx.app, 'GET', '/api/users', { cookie });
      expect([email, res.status]).toEqual([email, 403]);
      const one = await call(ctx.app, 'GET', `/api/users/${await userId(email)}`, { cookie });
      expect([email, one.status]).toEqual([email, 403]);
    }
    expect((await call(ctx.app, 'GET', '/api/users')).status).toBe(401);
  });

  it('refuses to invite an email already in use (409), whatever its case, and creates nothing', async () => {
    const before = await userCount();
    const mailsBefore = (await db().select({ id: outboxEmails.id }).from(outboxEmails)).length;
    const invitesBefore = (
      await db()
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(eq(auditLog.action, 'user.invite'))
    ).length;
    for (const email of ['gestion@lakou.test', ' Gestion@LAKOU.test ']) {
      const res = await call(ctx.app, 'POST', '/api/users', {
        cookie: admin,
        body: { email, name: 'Doublon', roles: BOARD },
      });
      expect([email, res.status]).toEqual([email, 409]);
      const body = await json<Problem>(res);
      expect(body.detail).toContain('gestion@lakou.test');
    }
    expect(await userCount()).toBe(before);
    expect((await db().select({ id: outboxEmails.id }).from(outboxEmails)).length).toBe(
      mailsBefore,
    );
    expect(
      (
        await db()
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(eq(auditLog.action, 'user.invite'))
      ).length,
    ).toBe(invitesBefore);
    // The existing account is untouched.
    const [kept] = await db()
      .select({ name: users.name })
      .from(users)
      .where(eq(users.email, 'gestion@lakou.test'));
    expect(kept?.name).toBe('Georges Gestionnaire');
  });

  it('refuses an invitation naming an unknown centre with a French message', async () => {
    const before = await userCount();
    const res = await call(ctx.app, 'POST', '/api/users', {
      cookie: admin,
      body: {
        email: 'centre.inconnu@example.fr',
        name: 'Centre Inconnu',
        roles: [{ role: 'staff', centreId: '00000000-0000-4000-8000-000000000000' }],
      },
    });
    expect(res.status).toBe(400);
    const body = await json<Problem>(res);
    expect(body.detail).toBe('Un des centres choisis n’existe pas.');
    expect(body.errors).toEqual([
      { field: 'roles', message: 'Un des centres choisis n’existe pas.' },
    ]);
    expect(await userCount()).toBe(before);
  });

  it('refuses a centre role without a centre with a per-field message', async () => {
    const before = await userCount();
    const res = await call(ctx.app, 'POST', '/api/users', {
      cookie: admin,
      body: {
        email: 'sans.centre@example.fr',
        name: 'Sans Centre',
        roles: [{ role: 'manager', centreId: null }],
      },
    });
    expect(res.status).toBe(400);
    const body = await json<Problem>(res);
    expect(body.errors).toContainEqual({
      field: 'roles.0.centreId',
      message: 'Le rôle manager s’exerce dans un centre : choisissez-le.',
    });
    expect(await userCount()).toBe(before);
  });

  it('refuses an empty change with « Rien à modifier. »', async () => {
    const res = await call(ctx.app, 'PATCH', `/api/users/${await userId('ca@lakou.test')}`, {
      cookie: admin,
      body: {},
    });
    expect(res.status).toBe(400);
    const body = await json<Problem>(res);
    expect(body.errors?.map((e) => e.message)).toContain('Rien à modifier.');
  });

  it('does not let an admin deactivate or demote themself (422)', async () => {
    const me = await userId('admin@lakou.test');
    const off = await call(ctx.app, 'PATCH', `/api/users/${me}`, {
      cookie: admin,
      body: { active: false },
    });
    expect(off.status).toBe(422);
    expect((await json<Problem>(off)).errors).toEqual([
      { field: 'active', message: 'Vous ne pouvez pas désactiver votre propre compte.' },
    ]);
    const demoted = await call(ctx.app, 'PATCH', `/api/users/${me}`, {
      cookie: admin,
      body: { roles: BOARD },
    });
    expect(demoted.status).toBe(422);
    expect((await json<Problem>(demoted)).errors?.[0]?.field).toBe('roles');
    expect(await activeAdmins()).toEqual(['admin@lakou.test']);
    expect((await call(ctx.app, 'GET', '/api/me', { cookie: admin })).status).toBe(200);
    // Changing their own name is fine.
    const renamed = await call(ctx.app, 'PATCH', `/api/users/${me}`, {
      cookie: admin,
      body: { name: 'Aline Administratrice', roles: ADMIN },
    });
    expect(renamed.status).toBe(200);
  });

  describe('the network keeps at least one active admin', () => {
    let second: { id: string; password: string; cookie: string };
    let firstId: string;

    beforeAll(async () => {
      firstId = await userId('admin@lakou.test');
      second = await inviteAndSignIn('deuxieme.admin@example.fr', ADMIN);
    });

    /** Makes both accounts active admins again, whoever is left in charge. */
    async function restoreBothAdmins() {
      const [left] = await activeAdmins();
      const byFirst = left === 'admin@lakou.test';
      const leftCookie = byFirst ? admin : second.cookie;
      const otherId = byFirst ? second.id : firstId;
      const res = await call(ctx.app, 'PATCH', `/api/users/${otherId}`, {
        cookie: leftCookie,
        body: { roles: ADMIN, active: true },
      });
      expect(res.status).toBe(200);
      // A deactivation ended the sessions: sign in again.
      if ((await call(ctx.app, 'GET', '/api/me', { cookie: admin })).status !== 200)
        admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
      if ((await call(ctx.app, 'GET', '/api/me', { cookie: second.cookie })).status !== 200)
        second.cookie = await signIn(ctx.app, 'deuxieme.admin@example.fr', second.password);
      expect(await activeAdmins()).toEqual(['admin@lakou.test', 'deuxieme.admin@example.fr']);
    }

    it('lets one admin demote another while an admin remains', async () => {
      expect(await activeAdmins()).toEqual(['admin@lakou.test', 'deuxieme.admin@example.fr']);
      expect((await call(ctx.app, 'GET', '/api/audit', { cookie: second.cookie })).status).toBe(
        200,
      );
      const res = await call(ctx.app, 'PATCH', `/api/users/${second.id}`, {
        cookie: admin,
        body: { roles: BOARD },
      });
      expect(res.status).toBe(200);
      expect((await json<UserSummary>(res)).roles).toEqual(BOARD);
      expect(await activeAdmins()).toEqual(['admin@lakou.test']);
      // The demoted admin loses admin rights on their very next request.
      expect((await call(ctx.app, 'GET', '/api/audit', { cookie: second.cookie })).status).toBe(
        403,
      );
      const back = await call(ctx.app, 'PATCH', `/api/users/${firstId}`, {
        cookie: second.cookie,
        body: { roles: BOARD },
      });
      expect(back.status).toBe(403);
      await restoreBothAdmins();
    });

    it.runIf(kind === 'postgres')(
      'refuses with 422 the change that would remove the last active admin, when both admins act at once',
      async () => {
        // Both requests pass the role check (each is still an admin), then queue on the lock
        // that serialises admin changes: the test holds it until both are waiting.
        const url = (ctx.database as TestDatabase).url ?? '';
        const holder = postgres(url, { max: 1, onnotice: () => {} });
        try {
          for (const patch of [{ roles: BOARD }, { active: false }]) {
            await holder`select pg_advisory_lock(hashtext('lakou:user-admins'))`;
            let released = false;
            try {
              const pending = Promise.all([
                call(ctx.app, 'PATCH', `/api/users/${second.id}`, { cookie: admin, body: patch }),
                call(ctx.app, 'PATCH', `/api/users/${firstId}`, {
                  cookie: second.cookie,
                  body: patch,
                }),
              ]);
              for (let i = 0; i < 200; i++) {
                const [row] = await holder<{ n: number }[]>`
                  select count(*)::int as n from pg_locks
                  where locktype = 'advisory' and not granted`;
                if ((row?.n ?? 0) >= 2) break;
                await new Promise((resolve) => setTimeout(resolve, 25));
              }
              await holder`select pg_advisory_unlock(hashtext('lakou:user-admins'))`;
              released = true;
              const responses = await pending;
              const statuses = responses.map((r) => r.status).sort();
              expect([patch, statuses]).toEqual([patch, [200, 422]]);
              const refused = responses.find((r) => r.status === 422);
              expect((await json<Problem>(refused as Response)).detail).toBe(LAST_ADMIN);
              expect(await activeAdmins()).toHaveLength(1);
            } finally {
              if (!released) await holder`select pg_advisory_unlock(hashtext('lakou:user-admins'))`;
            }
            await restoreBothAdmins();
          }
        } finally {
          await holder.end();
        }
      },
    );

    it('two admins demoting or deactivating each other at the same time: at most one succeeds, an admin stays', async () => {
      for (const patch of [{ roles: BOARD }, { active: false }, { roles: BOARD }]) {
        const responses = await Promise.all([
          call(ctx.app, 'PATCH', `/api/users/${second.id}`, { cookie: admin, body: patch }),
          call(ctx.app, 'PATCH', `/api/users/${firstId}`, { cookie: second.cookie, body: patch }),
        ]);
        const statuses = responses.map((r) => r.status);
        expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(1);
        for (const res of responses) {
          if (res.status === 422) expect((await json<Problem>(res)).detail).toBe(LAST_ADMIN);
          else expect([200, 401, 403]).toContain(res.status);
        }
        const left = await activeAdmins();
        expect(left.length).toBeGreaterThanOrEqual(1);
        expect(left.length).toBe(2 - statuses.filter((s) => s === 200).length);
        await restoreBothAdmins();
      }
    });
  });
});

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('the admin CLI (postgres)', () => {
  const run = promisify(execFile);
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    await seedDemoNetwork(database.db);
    env = {
      ...process.env,
      DATABASE_URL: database.url,
      // Keep the CLI away from the checkout's .data/ and its secret.
      DATA_DIR: mkdtempSync(join(tmpdir(), 'lakou-cli-')),
      LAKOU_SECRET: randomBytes(48).toString('base64url'),
      LAKOU_PUBLIC_URL: 'http://localhost:3000',
      NODE_ENV: 'test',
    };
  });
  afterAll(() => database.dispose());

  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: API_ROOT,
      env,
      timeout: 60_000,
    });

  it('user:create opens the account with its role and queues the invitation email', async () => {
    const { stdout } = await cli(
      'user:create',
      '--email',
      'cli@example.fr',
      '--name',
      'Par La CLI',
      '--role',
      'staff',
      '--centre',
      'kourou',
    );
    const [user] = await database.db.select().from(users).where(eq(users.email, 'cli@example.fr'));
    expect(user?.name).toBe('Par La CLI');
    expect(user?.active).toBe(true);
    const [kourou] = await database.db
      .select({ id: centres.id })
      .from(centres)
      .where(eq(centres.slug, 'kourou'));
    const roles = await database.db
      .select({ role: roleAssignments.role, centreId: roleAssignments.centreId })
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, user?.id ?? ''));
    expect(roles).toEqual([{ role: 'staff', centreId: kourou?.id }]);
    const mails = await database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, 'cli@example.fr'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.kind).toBe('invitation');
    expect(mails[0]?.sentAt).toBeNull();
    const link = /https?:\/\/\S+/.exec(mails[0]?.bodyText ?? '')?.[0];
    expect(link).toMatch(/^http:\/\/localhost:3000\/api\/auth\/reset-password\//);
    expect(stdout).toContain(link);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.invite'), eq(auditLog.entityId, user?.id ?? '')));
    expect(entry?.method).toBe('CLI');
    // Running it again refuses the duplicate with a non-zero exit.
    await expect(
      cli('user:create', '--email', 'cli@example.fr', '--name', 'Encore', '--role', 'board'),
    ).rejects.toMatchObject({ code: 2 });
    expect(
      (await database.db.select().from(users).where(eq(users.email, 'cli@example.fr'))).length,
    ).toBe(1);
  });

  it('token:create prints, on stdout alone, a token that works as Bearer', async () => {
    const { stdout, stderr } = await cli('token:create', '--email', 'gestion@lakou.test');
    const token = stdout.trim();
    expect(token).toMatch(/^lk_[A-Za-z0-9_-]{40,}$/);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toContain(token);
    const app = createApp({ database });
    const res = await app.request('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const me = await json<{ email: string; via: string; readOnly: boolean }>(res);
    expect(me).toMatchObject({ email: 'gestion@lakou.test', via: 'token', readOnly: true });
    const list = await app.request('/api/users?pageSize=100', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(list.status).toBe(200);
    const emails = (await json<Page<UserSummary>>(list)).items.map((u) => u.email);
    expect(emails).toContain('facilitation@lakou.test');
    expect(emails).not.toContain('cli@example.fr');
    const rows = await database.db.execute(sql`select token_hash from api_tokens`);
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});
