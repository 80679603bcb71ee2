import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { freshDatabase, json, type TestDatabase } from './harness.ts';

interface OpenApiDoc {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, unknown>; parameters?: unknown[]; requestBody?: unknown }
    >
  >;
  components?: { schemas?: Record<string, unknown> };
}

describe('OpenAPI document', () => {
  let database: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let doc: OpenApiDoc;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    app = createApp({ database });
    doc = await json<OpenApiDoc>(await app.request('/api/openapi.json'));
  });
  afterAll(() => database.dispose());

  it('validates against the official OpenAPI 3.1 schema', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is OpenAPI 3.1 with named component schemas', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['Centre', 'CentreSummary', 'Partner', 'Problem', 'Health']),
    );
  });

  it('lists every API route the app serves', () => {
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map(
          (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        ),
      ),
    );
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .filter((r) => !['/api/openapi.json', '/api/docs'].includes(r.path))
      .map((r) => `${r.method} ${r.path}`);
    expect(served.length).toBeGreaterThanOrEqual(5);
    for (const route of served) {
      if (route.endsWith('/api/auth/*')) {
        // The auth library's catch-all: its own routes are documented one by one.
        const method = route.split(' ')[0];
        expect(
          [...documented].some((d) => d.startsWith(`${method} /api/auth/`)),
          route,
        ).toBe(true);
      } else {
        expect(documented).toContain(route);
      }
    }
  });

  it('documents a problem response for every route that takes input', () => {
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (path.startsWith('/api/auth/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const takesInput = (op.parameters?.length ?? 0) > 0 || op.requestBody !== undefined;
        if (!takesInput) continue;
        checked++;
        expect(Object.keys(op.responses), `${method} ${path}`).toContain('400');
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('describes the sign-in routes of the auth library and names every operation’s policy', () => {
    expect(doc.paths['/api/auth/sign-in/email']?.post).toBeDefined();
    expect(doc.paths['/api/auth/sign-out']?.post).toBeDefined();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect((op as Record<string, unknown>)['x-lakou-policy'], `${method} ${path}`).toEqual(
          expect.any(String),
        );
      }
    }
  });

  it('serves an interactive reference at /api/docs', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/api/openapi.json');
  });
});
