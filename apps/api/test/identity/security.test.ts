import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.ts';
import { apiTokens, users } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { REACT_ARIA_PRESS_STYLE } from '../../src/http/security-headers.ts';
import { call, engines, freshDatabase, json, ORIGIN, seededApp, signIn } from '../harness.ts';

type App = Awaited<ReturnType<typeof seededApp>>;
type Problem = { status: number; code?: string; detail?: string };

const EVIL = 'https://evil.example';
const PARTNER = 'https://partner.example';

/** The directives of a Content-Security-Policy, by name. */
function directives(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

function expectStrictHeaders(label: string, res: Response) {
  const csp = directives(res.headers.get('content-security-policy'));
  expect([label, csp.get('default-src')]).toEqual([label, ["'self'"]]);
  expect([label, csp.get('script-src')]).toEqual([label, ["'self'"]]);
  // Stylesheets from the hub itself, plus React Aria's one injected <style>, allowed by its hash only.
  expect([label, csp.get('style-src')]).toEqual([label, ["'self'", `'${REACT_ARIA_PRESS_STYLE}'`]]);
  expect(REACT_ARIA_PRESS_STYLE).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
  expect([label, csp.get('object-src')]).toEqual([label, ["'none'"]]);
  // Only style attributes (React Aria positions overlays with them) may be inline.
  for (const [name, values] of csp) {
    if (name !== 'style-src-attr') {
      expect([label, name, values.join(' ')]).not.toEqual([
        label,
        name,
        expect.stringMatching(/unsafe-inline|unsafe-eval|\*/),
      ]);
    }
  }
  expect([label, res.headers.get('x-content-type-options')]).toEqual([label, 'nosniff']);
  const frameAncestors = csp.get('frame-ancestors');
  const xfo = res.headers.get('x-frame-options');
  expect([label, frameAncestors?.join(' ') === "'none'" || xfo === 'DENY']).toEqual([label, true]);
  expect([label, res.headers.get('referrer-policy')]).toEqual([
    label,
    expect.stringMatching(
      /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
    ),
  ]);
}

describe.each(engines)('security of the API (%s)', (kind) => {
  let ctx: App;
  let admin: string;
  let adminId: string;
  let hubDist: string;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
    const [row] = await ctx.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'admin@lakou.test'));
    adminId = row?.id ?? '';
    hubDist = mkdtempSync(join(tmpdir(), 'lakou-hub-sec-'));
    mkdirSync(join(hubDist, 'assets'));
    writeFileSync(
      join(hubDist, 'index.html'),
      '<!doctype html><title>Lakou</title><div id="root">',
    );
  });
  afterAll(() => ctx.database.dispose());

  const adminTokenCount = async () =>
    (
      await ctx.database.db
        .select({ id: apiTokens.id })
        .from(apiTokens)
        .where(eq(apiTokens.userId, adminId))
    ).length;

  /** A POST /api/tokens with the admin's cookie and exactly these extra headers. */
  const cookiePost = (headers: Record<string, string>) =>
    ctx.app.request('/api/tokens', {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name: 'Tentative' }),
    });

  async function expectCsrfRefusal(res: Response) {
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await json<Problem>(res)).code).toBe('CSRF');
  }

  describe('CSRF', () => {
    it('refuses a cookie-authenticated POST from another origin, and creates nothing', async () => {
      const before = await adminTokenCount();
      await expectCsrfRefusal(await cookiePost({ origin: EVIL }));
      await expectCsrfRefusal(await cookiePost({ origin: 'null' }));
      await expectCsrfRefusal(await cookiePost({ origin: 'http://localhost:3000.evil.example' }));
      // Even when the browser also claims same-origin (Origin wins).
      await expectCsrfRefusal(await cookiePost({ origin: EVIL, 'sec-fetch-site': 'same-origin' }));
      expect(await adminTokenCount()).toBe(before);
    });

    it('refuses a cookie-authenticated POST with no Origin at all', async () => {
      const before = await adminTokenCount();
      await expectCsrfRefusal(await cookiePost({}));
      expect(await adminTokenCount()).toBe(before);
    });

    it('refuses a POST a browser marks Sec-Fetch-Site: cross-site (or same-site)', async () => {
      const before = await adminTokenCount();
      await expectCsrfRefusal(await cookiePost({ 'sec-fetch-site': 'cross-site' }));
      await expectCsrfRefusal(await cookiePost({ 'sec-fetch-site': 'same-site' }));
      expect(await adminTokenCount()).toBe(before);
    });

    it('refuses other state-changing methods from another origin too', async () => {
      const [target] = await ctx.database.db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(eq(users.email, 'ca@lakou.test'));
      const res = await ctx.app.request(`/api/users/${target?.id}`, {
        method: 'PATCH',
        headers: { cookie: admin, origin: EVIL, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Piraté' }),
      });
      await expectCsrfRefusal(res);
      const [after] = await ctx.database.db
        .select({ name: users.name })
        .from(users)
        .where(eq(users.email, 'ca@lakou.test'));
      expect(after?.name).toBe(target?.name);
    });

    it('accepts the same POST from the hub’s own origin', async () => {
      const before = await adminTokenCount();
      const res = await cookiePost({ origin: ORIGIN });
      expect(res.status).toBe(201);
      expect(await adminTokenCount()).toBe(before + 1);
      const viaFetchSite = await cookiePost({ 'sec-fetch-site': 'same-origin' });
      expect(viaFetchSite.status).toBe(201);
    });

    it('lets a Bearer-token POST through without Origin (a page elsewhere cannot attach a token)', async () => {
      const created = await call(ctx.app, 'POST', '/api/tokens', {
        cookie: admin,
        body: { name: 'Intégration', readOnly: false },
      });
      expect(created.status).toBe(201);
      const { token } = await json<{ token: string }>(created);
      const before = await adminTokenCount();
      const res = await ctx.app.request('/api/tokens', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Par un script' }),
      });
      expect(res.status).toBe(201);
      expect(await adminTokenCount()).toBe(before + 1);
    });

    it('does not let a forged Authorization header unlock the cookie from another origin', async () => {
      const before = await adminTokenCount();
      const res = await ctx.app.request('/api/tokens', {
        method: 'POST',
        headers: {
          cookie: admin,
          origin: EVIL,
          authorization: 'Bearer lk_forged-by-the-attacker',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ name: 'Tentative' }),
      });
      expect(res.status).toBe(401);
      expect(await adminTokenCount()).toBe(before);
    });
  });

  describe('response headers', () => {
    it('puts a strict CSP and the other security headers on every API response', async () => {
      const responses: [string, Response][] = [
        ['GET /api/health', await ctx.app.request('/api/health')],
        ['GET /api/centres', await ctx.app.request('/api/centres')],
        ['GET /api/openapi.json', await ctx.app.request('/api/openapi.json')],
        ['GET /api/me (401)', await ctx.app.request('/api/me')],
        ['GET /api/me', await call(ctx.app, 'GET', '/api/me', { cookie: admin })],
        ['GET /api/unknown (404)', await ctx.app.request('/api/unknown')],
        [
          'GET /api/audit (400)',
          await call(ctx.app, 'GET', '/api/audit?from=x', { cookie: admin }),
        ],
        ['POST /api/tokens (CSRF)', await cookiePost({ origin: EVIL })],
        [
          'POST /api/users (malformed JSON)',
          await ctx.app.request('/api/users', {
            method: 'POST',
            headers: { cookie: admin, origin: ORIGIN, 'content-type': 'application/json' },
            body: '{"email":',
          }),
        ],
        [
          'POST /api/auth/sign-in/email (401)',
          await call(ctx.app, 'POST', '/api/auth/sign-in/email', {
            body: { email: 'admin@lakou.test', password: 'pas-le-bon-mot' },
          }),
        ],
      ];
      for (const [label, res] of responses) expectStrictHeaders(label, res);
    });

    it('puts the same headers on the hub’s pages (SPA fallback)', async () => {
      const app = createApp({ database: ctx.database, hubDist });
      for (const path of ['/', '/admin/users', '/account/tokens?tab=1']) {
        const res = await app.request(path);
        expect([path, res.status]).toEqual([path, 200]);
        expect(res.headers.get('content-type')).toContain('text/html');
        expectStrictHeaders(path, res);
      }
    });

    it('relaxes the CSP for the API reference page only', async () => {
      const res = await ctx.app.request('/api/docs');
      expect(res.status).toBe(200);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });

  describe('CORS', () => {
    const preflight = (app: { request: App['app']['request'] }, origin: string, path: string) =>
      app.request(path, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });

    it('is closed by default: no Access-Control-Allow-Origin, for a preflight or a GET', async () => {
      for (const path of ['/api/centres', '/api/tokens', '/api/me']) {
        const pre = await preflight(ctx.app, PARTNER, path);
        expect([path, pre.headers.get('access-control-allow-origin')]).toEqual([path, null]);
        expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
        expect(pre.status).not.toBe(204);
        const get = await ctx.app.request(path, { headers: { origin: PARTNER } });
        expect([path, get.headers.get('access-control-allow-origin')]).toEqual([path, null]);
      }
    });

    it('opens to the configured origins only, and never with credentials', async () => {
      const app = createApp({ database: ctx.database, identity: { corsOrigins: [PARTNER] } });
      const pre = await preflight(app, PARTNER, '/api/tokens');
      expect(pre.status).toBeLessThan(300);
      expect(pre.headers.get('access-control-allow-origin')).toBe(PARTNER);
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
      expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
      expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
        'authorization',
      );
      const get = await app.request('/api/centres', { headers: { origin: PARTNER } });
      expect(get.status).toBe(200);
      expect(get.headers.get('access-control-allow-origin')).toBe(PARTNER);
      expect(get.headers.get('access-control-allow-credentials')).toBeNull();

      for (const other of [
        EVIL,
        'http://partner.example',
        'https://partner.example.evil.example',
      ]) {
        const refused = await preflight(app, other, '/api/tokens');
        const allowed = refused.headers.get('access-control-allow-origin');
        expect([other, allowed === other || allowed === '*']).toEqual([other, false]);
        const otherGet = await app.request('/api/centres', { headers: { origin: other } });
        const allowedGet = otherGet.headers.get('access-control-allow-origin');
        expect([other, allowedGet === other || allowedGet === '*']).toEqual([other, false]);
      }
    });
  });

  describe('errors', () => {
    const LEAKS = [
      /\n\s*at /,
      /\bat .*\.(ts|js|mjs):\d+/,
      /\bselect\b/i,
      /from "/i,
      /insert into/i,
      /drizzle|postgres|pglite|sqlstate|byte sequence|node_modules|failed query|params:/i,
    ];

    async function expectNoLeak(label: string, res: Response): Promise<Problem> {
      expect([label, res.headers.get('content-type')]).toEqual([
        label,
        expect.stringContaining('application/problem+json'),
      ]);
      const text = await res.text();
      for (const leak of LEAKS) expect([label, leak.test(text)]).toEqual([label, false]);
      const body = JSON.parse(text) as Problem & Record<string, unknown>;
      expect([label, body.status]).toEqual([label, res.status]);
      expect([label, 'stack' in body, 'cause' in body, 'query' in body]).toEqual([
        label,
        false,
        false,
        false,
      ]);
      return body;
    }

    it('answers text the database cannot store (NUL, bad encodings) with a 400 that leaks nothing', async () => {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const probes: [string, () => Promise<Response>][] = [
          ['NUL in a search', () => call(ctx.app, 'GET', '/api/users?q=%00', { cookie: admin })],
          ['NUL mid-word', () => call(ctx.app, 'GET', '/api/users?q=ab%00cd', { cookie: admin })],
          [
            'NUL in an audit filter',
            () => call(ctx.app, 'GET', '/api/audit?entity=%00', { cookie: admin }),
          ],
          [
            'NUL in a token name',
            () =>
              call(ctx.app, 'POST', '/api/tokens', {
                cookie: admin,
                body: { name: 'to\u0000ken' },
              }),
          ],
          [
            'NUL in an invited name',
            () =>
              call(ctx.app, 'POST', '/api/users', {
                cookie: admin,
                body: {
                  email: 'nul@example.fr',
                  name: 'Nu\u0000l',
                  roles: [{ role: 'board', centreId: null }],
                },
              }),
          ],
          [
            'NUL in a sign-in email',
            () =>
              call(ctx.app, 'POST', '/api/auth/sign-in/email', {
                body: { email: 'admin\u0000@lakou.test', password: DEMO_PASSWORD },
              }),
          ],
        ];
        for (const [label, send] of probes) {
          const res = await send();
          expect([label, res.status]).toEqual([label, 400]);
          const body = await expectNoLeak(label, res);
          expect([label, body.detail]).toEqual([label, expect.stringContaining('caractère')]);
        }
        // Client mistakes are not server faults: nothing was logged as an unexpected error.
        expect(logged).not.toHaveBeenCalled();
        const nul = await ctx.database.db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, 'nul@example.fr'));
        expect(nul).toHaveLength(0);
      } finally {
        logged.mockRestore();
      }
    });

    it('answers other odd input without a 500 or a leak', async () => {
      const probes: [string, () => Promise<Response>][] = [
        [
          'invalid UTF-8 in a search',
          () => call(ctx.app, 'GET', '/api/users?q=%ED%A0%80%FF', { cookie: admin }),
        ],
        [
          'emoji and combining marks',
          () => call(ctx.app, 'GET', '/api/users?q=%F0%9F%98%80e%CC%81', { cookie: admin }),
        ],
        [
          'huge q',
          () => call(ctx.app, 'GET', `/api/users?q=${'é'.repeat(5000)}`, { cookie: admin }),
        ],
        [
          'SQL in an id',
          () => call(ctx.app, 'GET', "/api/users/1'%20or%201=1--", { cookie: admin }),
        ],
        ['wildcards', () => call(ctx.app, 'GET', '/api/users?q=%25_%5C', { cookie: admin })],
      ];
      for (const [label, send] of probes) {
        const res = await send();
        expect([label, res.status < 500]).toEqual([label, true]);
        if (res.status >= 400) await expectNoLeak(label, res);
        else expect([label, res.headers.get('content-type')]).toEqual([label, 'application/json']);
      }
    });

    it('answers a real server fault (the database gone) with a bare 500 problem', async () => {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      const broken = await freshDatabase(kind);
      const app = createApp({ database: broken });
      await broken.dispose();
      try {
        const probes: [string, () => Response | Promise<Response>][] = [
          ['a public list', () => app.request('/api/centres?q=kourou')],
          [
            'a token check',
            () => app.request('/api/me', { headers: { authorization: 'Bearer lk_x' } }),
          ],
          ['a health check', () => app.request('/api/health')],
        ];
        for (const [label, send] of probes) {
          const res = await send();
          expect([label, res.status >= 500]).toEqual([label, true]);
          const body = await expectNoLeak(label, res);
          if (res.status === 500) {
            expect(body.detail).toBe(
              'Une erreur inattendue est survenue ; elle a été journalisée.',
            );
          }
        }
        // The details go to the server log, not to the client.
        expect(logged).toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
    });

    it('refuses a 2 MiB JSON body with 413 before creating anything', async () => {
      const res = await call(ctx.app, 'POST', '/api/users', {
        cookie: admin,
        body: {
          email: 'trop.gros@example.fr',
          name: 'Trop Gros',
          roles: [{ role: 'board', centreId: null }],
          padding: 'x'.repeat(2 * 1024 * 1024),
        },
      });
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await json<Problem>(res)).detail).toBe(
        'Le corps de la requête dépasse la taille autorisée.',
      );
      const found = await ctx.database.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, 'trop.gros@example.fr'));
      expect(found).toHaveLength(0);
      // The same body announced by Content-Length is refused too.
      const payload = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
      const announced = await ctx.app.request('/api/tokens', {
        method: 'POST',
        headers: {
          cookie: admin,
          origin: ORIGIN,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(payload)),
        },
        body: payload,
      });
      expect(announced.status).toBe(413);
    });
  });
});
