import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEmails } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, cookiesOf, engines, json, seededApp, signIn } from '../harness.ts';

type App = Awaited<ReturnType<typeof seededApp>>;

/** The last link an email to `to` carried, read from the outbox table. */
async function lastLinkTo(ctx: App, to: string): Promise<string> {
  const rows = await ctx.database.db
    .select()
    .from(outboxEmails)
    .where(eq(outboxEmails.toAddress, to));
  const body = rows.at(-1)?.bodyText ?? '';
  const link = /https?:\/\/\S+/.exec(body)?.[0];
  if (!link) throw new Error(`no link in the email to ${to}: ${body}`);
  return link;
}

/** Follows an emailed link like a browser: the library checks it and redirects to the hub's page with the token. */
async function tokenFromLink(ctx: App, link: string): Promise<string | null> {
  const url = new URL(link);
  const res = await ctx.app.request(url.pathname + url.search);
  expect(res.status).toBe(302);
  const target = new URL(res.headers.get('location') ?? '', 'http://localhost:3000');
  expect(target.pathname).toBe('/reset-password');
  return target.searchParams.get('token');
}

describe.each(engines)('sessions and passwords (%s)', (kind) => {
  let ctx: App;
  beforeAll(async () => {
    ctx = await seededApp(kind);
  });
  afterAll(() => ctx.database.dispose());

  it('signs in with email and password into an HttpOnly, SameSite session cookie, and /api/me tells who', async () => {
    const res = await call(ctx.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: 'gestion@lakou.test', password: DEMO_PASSWORD },
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('lakou.session_token='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    // The session token lives in the HttpOnly cookie only, never in a body scripts can read.
    const body = await json<Record<string, unknown>>(res);
    expect(body).not.toHaveProperty('token');
    expect(JSON.stringify(body)).not.toContain(setCookie?.split('=')[1]?.split('.')[0] ?? '∅');
    const me = await json<{
      email: string;
      roles: { role: string; centreId: string }[];
      via: string;
    }>(await call(ctx.app, 'GET', '/api/me', { cookie: cookiesOf(res) }));
    expect(me.email).toBe('gestion@lakou.test');
    expect(me.via).toBe('session');
    expect(me.roles.map((r) => r.role)).toEqual(['manager', 'manager']);
  });

  it('answers 401 to /api/me without a session', async () => {
    const res = await call(ctx.app, 'GET', '/api/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a wrong password with a French problem document, and never says which part was wrong', async () => {
    const wrong = await call(ctx.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: 'ca@lakou.test', password: 'pas-le-bon-mot' },
    });
    const unknown = await call(ctx.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: 'personne@lakou.test', password: 'pas-le-bon-mot' },
    });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      const body = await json<{ detail: string; code: string }>(res);
      expect(body.detail).toBe('Adresse e-mail ou mot de passe incorrect.');
      expect(body.code).toBe('INVALID_EMAIL_OR_PASSWORD');
    }
  });

  it('signs out: the cookie stops working', async () => {
    const cookie = await signIn(ctx.app, 'ca@lakou.test', DEMO_PASSWORD);
    expect((await call(ctx.app, 'GET', '/api/me', { cookie })).status).toBe(200);
    const out = await call(ctx.app, 'POST', '/api/auth/sign-out', { cookie, body: {} });
    expect(out.status).toBe(200);
    expect((await call(ctx.app, 'GET', '/api/me', { cookie })).status).toBe(401);
  });

  it('signs out everywhere: every session of the user ends', async () => {
    const laptop = await signIn(ctx.app, 'facilitation@lakou.test', DEMO_PASSWORD);
    const phone = await signIn(ctx.app, 'facilitation@lakou.test', DEMO_PASSWORD);
    const res = await call(ctx.app, 'POST', '/api/auth/revoke-sessions', {
      cookie: laptop,
      body: {},
    });
    expect(res.status).toBe(200);
    expect((await call(ctx.app, 'GET', '/api/me', { cookie: laptop })).status).toBe(401);
    expect((await call(ctx.app, 'GET', '/api/me', { cookie: phone })).status).toBe(401);
  });

  it('changes the password: the old one stops working, a wrong current one is refused', async () => {
    const cookie = await signIn(ctx.app, 'accueil.kourou@lakou.test', DEMO_PASSWORD);
    const refused = await call(ctx.app, 'POST', '/api/auth/change-password', {
      cookie,
      body: { currentPassword: 'pas-le-bon-mot', newPassword: 'un-nouveau-mot-de-passe' },
    });
    expect(refused.status).toBe(400);
    expect((await json<{ detail: string }>(refused)).detail).toBe(
      'Le mot de passe actuel est incorrect.',
    );
    const short = await call(ctx.app, 'POST', '/api/auth/change-password', {
      cookie,
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'court' },
    });
    expect(short.status).toBe(400);
    expect((await json<{ detail: string }>(short)).detail).toContain('au moins 10 caractères');
    const ok = await call(ctx.app, 'POST', '/api/auth/change-password', {
      cookie,
      body: {
        currentPassword: DEMO_PASSWORD,
        newPassword: 'un-nouveau-mot-de-passe',
        revokeOtherSessions: true,
      },
    });
    expect(ok.status).toBe(200);
    await expect(signIn(ctx.app, 'accueil.kourou@lakou.test', DEMO_PASSWORD)).rejects.toThrow(
      /401/,
    );
    await signIn(ctx.app, 'accueil.kourou@lakou.test', 'un-nouveau-mot-de-passe');
  });

  it('resets a forgotten password by a single-use link sent through the outbox', async () => {
    const email = 'ca@lakou.test';
    const asked = await call(ctx.app, 'POST', '/api/auth/request-password-reset', {
      body: { email, redirectTo: '/reset-password' },
    });
    expect(asked.status).toBe(200);
    // Asking for an unknown address answers the same, and queues nothing.
    const unknown = await call(ctx.app, 'POST', '/api/auth/request-password-reset', {
      body: { email: 'personne@lakou.test', redirectTo: '/reset-password' },
    });
    expect(unknown.status).toBe(200);
    const queued = await ctx.database.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, 'personne@lakou.test'));
    expect(queued).toHaveLength(0);

    const token = await tokenFromLink(ctx, await lastLinkTo(ctx, email));
    expect(token).toBeTruthy();
    const reset = await call(ctx.app, 'POST', '/api/auth/reset-password', {
      body: { token, newPassword: 'conseil-nouveau-2026' },
    });
    expect(reset.status).toBe(200);
    await signIn(ctx.app, email, 'conseil-nouveau-2026');
    const again = await call(ctx.app, 'POST', '/api/auth/reset-password', {
      body: { token, newPassword: 'encore-un-autre-mot' },
    });
    expect(again.status).toBe(400);
    expect((await json<{ code: string; detail: string }>(again)).code).toBe('INVALID_TOKEN');
  });

  it('refuses a deactivated account at sign-in with a clear message, and ends its sessions', async () => {
    const admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
    const users = await json<{ items: { id: string; email: string }[] }>(
      await call(ctx.app, 'GET', '/api/users?q=facilitation', { cookie: admin }),
    );
    const target = users.items.find((u) => u.email === 'facilitation@lakou.test');
    if (!target) throw new Error('demo facilitator missing');
    const session = await signIn(ctx.app, 'facilitation@lakou.test', DEMO_PASSWORD);
    const off = await call(ctx.app, 'PATCH', `/api/users/${target.id}`, {
      cookie: admin,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expect((await call(ctx.app, 'GET', '/api/me', { cookie: session })).status).toBe(401);
    const refused = await call(ctx.app, 'POST', '/api/auth/sign-in/email', {
      body: { email: 'facilitation@lakou.test', password: DEMO_PASSWORD },
    });
    expect(refused.status).toBe(403);
    expect((await json<{ detail: string }>(refused)).detail).toContain('désactivé');
    await call(ctx.app, 'PATCH', `/api/users/${target.id}`, {
      cookie: admin,
      body: { active: true },
    });
    await signIn(ctx.app, 'facilitation@lakou.test', DEMO_PASSWORD);
  });

  it('invites a person: the emailed link lets them choose a password and sign in with their roles', async () => {
    const admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
    const centres = await json<{ items: { id: string; slug: string }[] }>(
      await call(ctx.app, 'GET', '/api/centres'),
    );
    const kourou = centres.items.find((c) => c.slug === 'kourou');
    const res = await call(ctx.app, 'POST', '/api/users', {
      cookie: admin,
      body: {
        email: ' Nouvelle.Recrue@Example.FR ',
        name: 'Nouvelle Recrue',
        roles: [{ role: 'staff', centreId: kourou?.id }],
      },
    });
    expect(res.status).toBe(201);
    const created = await json<{ email: string; active: boolean }>(res);
    expect(created.email).toBe('nouvelle.recrue@example.fr');
    await expect(signIn(ctx.app, created.email, 'nimporte-quoi-1')).rejects.toThrow(/401/);
    const token = await tokenFromLink(ctx, await lastLinkTo(ctx, created.email));
    const chosen = await call(ctx.app, 'POST', '/api/auth/reset-password', {
      body: { token, newPassword: 'mon-premier-mot-de-passe' },
    });
    expect(chosen.status).toBe(200);
    const cookie = await signIn(ctx.app, created.email, 'mon-premier-mot-de-passe');
    const me = await json<{ roles: { role: string; centreId: string }[] }>(
      await call(ctx.app, 'GET', '/api/me', { cookie }),
    );
    expect(me.roles).toEqual([{ role: 'staff', centreId: kourou?.id }]);
  });

  it('has no public sign-up', async () => {
    const res = await call(ctx.app, 'POST', '/api/auth/sign-up/email', {
      body: { email: 'intrus@example.fr', password: 'un-mot-de-passe-long', name: 'Intrus' },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    await expect(signIn(ctx.app, 'intrus@example.fr', 'un-mot-de-passe-long')).rejects.toThrow(
      /401/,
    );
  });
});
