import { createRoute, z } from '@hono/zod-openapi';
import type { Problem } from '@lakou/domain/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { freshDatabase, json, type TestDatabase } from './harness.ts';

const PROBLEM = 'application/problem+json';

describe('bad input gets a problem document, never a 500', () => {
  let database: TestDatabase;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    app = createApp({ database, bodyLimit: 1024 });
    // A JSON-accepting route wired exactly like the real ones, to exercise body handling.
    app.openapi(
      createRoute({
        method: 'post',
        path: '/api/echo',
        request: {
          body: {
            content: { 'application/json': { schema: z.object({ name: z.string().min(1) }) } },
          },
        },
        responses: { 200: { description: 'echo' } },
      }),
      (c) => c.json(c.req.valid('json'), 200),
    );
  });
  afterAll(() => database.dispose());

  async function expectProblem(res: Response, status: number): Promise<Problem> {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain(PROBLEM);
    const body = await json<Problem>(res);
    expect(body.status).toBe(status);
    expect(body.title.length).toBeGreaterThan(0);
    return body;
  }

  it.each([
    ['/api/centres?page=0', 'page'],
    ['/api/centres?pageSize=1000', 'pageSize'],
    ['/api/centres?pageSize=abc', 'pageSize'],
    ['/api/centres?inQpv=peut-etre', 'inQpv'],
    ['/api/centres?sort=population', 'sort'],
    ['/api/centres/not-a-uuid', 'id'],
    ['/api/partners?kind=club', 'kind'],
    ['/api/partners?centreId=42', 'centreId'],
  ])('%s answers 400 naming the field %s', async (path, field) => {
    const body = await expectProblem(await app.request(path), 400);
    expect(body.errors?.map((e) => e.field)).toContain(field);
    expect(body.errors?.every((e) => e.message.length > 0)).toBe(true);
  });

  it('answers 404 for an unknown centre id', async () => {
    await expectProblem(
      await app.request('/api/centres/7d0c2f3e-58c1-4c9e-9b43-0a3f5a1d2e10'),
      404,
    );
  });

  it('answers 404 for an unknown API path', async () => {
    await expectProblem(await app.request('/api/nowhere'), 404);
  });

  it('answers 404 for the organisation before anything is installed', async () => {
    await expectProblem(await app.request('/api/organisation'), 404);
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await app.request('/api/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });
    const body = await expectProblem(res, 400);
    expect(body.detail).toMatch(/JSON/);
  });

  it('answers 400 with the field for a wrong type in a JSON body', async () => {
    const res = await app.request('/api/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 42 }),
    });
    const body = await expectProblem(res, 400);
    expect(body.errors?.[0]?.field).toBe('name');
  });

  it('answers 413 for an oversized body, on any API path', async () => {
    for (const path of ['/api/echo', '/api/centres']) {
      const res = await app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x'.repeat(4096) }),
      });
      await expectProblem(res, 413);
    }
  });
});
