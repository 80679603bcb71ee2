import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { seedDemoNetwork } from '../../src/db/seed/seed.ts';
import { SIGN_IN_PER_ADDRESS } from '../../src/identity/auth-throttle.ts';
import { engines, freshDatabase, json, ORIGIN, type TestDatabase } from '../harness.ts';

describe.each(engines)('sign-in limit (%s)', (kind) => {
  let database: TestDatabase;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await seedDemoNetwork(database.db);
    // Behind a proxy, so each test can come from its own address.
    app = createApp({ database, identity: { trustProxy: true } });
  });
  afterAll(() => database.dispose());

  const attempt = (email: string, password: string, address: string) =>
    app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': address },
      body: JSON.stringify({ email, password }),
    });

  it('refuses the 11th wrong password within a minute with 429, a Retry-After and a French message', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await attempt('ca@lakou.test', `mauvais-${i}-essai`, '10.0.0.1')).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const eleventh = await attempt('ca@lakou.test', 'mauvais-11-essai', '10.0.0.1');
    expect(eleventh.status).toBe(429);
    const retryAfter = Number(eleventh.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = await json<{ detail: string; code: string; retryAfter: number }>(eleventh);
    expect(eleventh.headers.get('content-type')).toContain('application/problem+json');
    expect(body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(body.detail).toMatch(
      /^Trop de tentatives de connexion à ce compte\. .*réessayez dans \d+ secondes\.$/,
    );
    expect(body.retryAfter).toBe(retryAfter);
  });

  it('keeps the account locked for the window even with the right password, from another address too', async () => {
    const res = await attempt('ca@lakou.test', DEMO_PASSWORD, '10.0.0.2');
    expect(res.status).toBe(429);
  });

  it('leaves other accounts alone', async () => {
    const res = await attempt('admin@lakou.test', DEMO_PASSWORD, '10.0.0.1');
    expect(res.status).toBe(200);
  });

  it('counts concurrent attempts exactly: of 16 at once, 10 are judged and 6 refused', async () => {
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        attempt('gestion@lakou.test', `mauvais-${i}-essai`, `10.0.1.${i}`),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
  });

  it('a successful sign-in clears the account’s count', async () => {
    for (let i = 0; i < 9; i++)
      await attempt('facilitation@lakou.test', `mauvais-${i}-essai`, '10.0.2.1');
    expect((await attempt('facilitation@lakou.test', DEMO_PASSWORD, '10.0.2.1')).status).toBe(200);
    for (let i = 0; i < 10; i++) {
      expect(
        (await attempt('facilitation@lakou.test', `encore-${i}-faux`, '10.0.2.1')).status,
      ).toBe(401);
    }
  });

  it('limits one address trying many accounts (50 a minute by default)', async () => {
    expect(SIGN_IN_PER_ADDRESS).toEqual({ limit: 50, windowSeconds: 60 });
    // The same mechanism with a smaller limit, so the test stays quick: 12 tries, the 13th refused.
    const strict = createApp({
      database,
      identity: {
        trustProxy: true,
        authLimits: { signInPerAddress: { limit: 12, windowSeconds: 60 } },
      },
    });
    const from = (email: string, address: string) =>
      strict.request('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': address },
        body: JSON.stringify({ email, password: 'mauvais-essai-1' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++)
      statuses.push((await from(`inconnu${i}@example.fr`, '10.0.3.1')).status);
    expect(statuses.slice(0, 12).every((s) => s === 401)).toBe(true);
    expect(statuses[12]).toBe(429);
    const body = await json<{ detail: string }>(await from('autre@example.fr', '10.0.3.1'));
    expect(body.detail).toContain('depuis votre adresse');
    // Another address is not affected.
    expect((await from('autre@example.fr', '10.0.3.2')).status).toBe(401);
  });
});
