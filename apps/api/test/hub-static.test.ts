import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { freshDatabase, type TestDatabase } from './harness.ts';

describe('the built hub on the API’s port', () => {
  let database: TestDatabase;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'lakou-hub-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><title>Lakou</title><div id="root"></div>',
    );
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("hub")');
    writeFileSync(join(dist, 'assets', 'big-def456.js'), 'console.log("hub");\n'.repeat(400));
    mkdirSync(join(dist, '.vite'));
    writeFileSync(join(dist, '.vite', 'manifest.json'), '{"index.html":{}}');
    database = await freshDatabase('pglite');
    app = createApp({ database, hubDist: dist });
  });
  afterAll(() => database.dispose());

  it('serves index.html at the root and for client-side routes (deep links survive a reload)', async () => {
    for (const path of [
      '/',
      '/centres/7d0c2f3e-58c1-4c9e-9b43-0a3f5a1d2e10',
      '/partners?kind=association',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('<div id="root">');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const res = await app.request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('compresses assets for browsers that accept gzip', async () => {
    const res = await app.request('/assets/big-def456.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('does not serve the build’s metadata (dist/.vite)', async () => {
    for (const path of ['/.vite/manifest.json', '/.vite/chunks.json', '/.vite/']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
    }
  });

  it('never answers an unknown API path with the hub', async () => {
    const res = await app.request('/api/unknown');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers a missing asset with 404, not index.html', async () => {
    const res = await app.request('/assets/missing-123.js');
    expect(res.status).toBe(404);
  });
});
