import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, seededApp } from './harness.ts';

const routes = ['/api/centres', '/api/partners', '/api/organisation', '/api/health'];
const params = [
  'page',
  'pageSize',
  'q',
  'commune',
  'inQpv',
  'sort',
  'order',
  'kind',
  'centreId',
  'x',
];

describe.each(engines)('any query on %s gets an answer, never a 500', (engine) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  beforeAll(async () => {
    ctx = await seededApp(engine);
  });
  afterAll(() => ctx.database.dispose());

  it('list routes answer 200 or a 400 problem document for arbitrary parameters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.dictionary(
          fc.constantFrom(...params),
          fc.oneof(fc.string(), fc.integer().map(String), fc.uuid()),
        ),
        async (route, query) => {
          const res = await ctx.app.request(`${route}?${new URLSearchParams(query)}`);
          expect([200, 400]).toContain(res.status);
          if (res.status === 400)
            expect(res.headers.get('content-type')).toContain('application/problem+json');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the centre route answers 200, 400 or 404 for arbitrary ids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uuid(), fc.string({ minLength: 1 })), async (id) => {
        const res = await ctx.app.request(`/api/centres/${encodeURIComponent(id)}`);
        expect([200, 400, 404]).toContain(res.status);
      }),
      { numRuns: 100 },
    );
  });
});
