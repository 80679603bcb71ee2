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
      '<!doctype html><html><head><title>Lakou</title></head><body><div id="root"></div></body></html>',
    );
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("hub")');
    writeFileSync(join(dist, 'assets', 'big-def456.js'), 'console.log("hub");\n'.repeat(400));
    mkdirSync(join(dist, '.vite'));
    writeFileSync(join(dist, '.vite', 'manifest.json'), '{"index.html":{}}');
    writeFileSync(
      join(dist, '.vite', 'preloads.json'),
      JSON.stringify({
        routes: [
          {
            pattern: ['centres', '$centreId', 'agenda'],
            layout: false,
            files: ['/assets/agenda-1.js'],
            data: ['/api/centres/$centreId'],
          },
          { pattern: ['centres', '$centreId'], layout: false, files: ['/assets/centre-2.js'] },
          { pattern: ['settings'], layout: true, files: ['/assets/settings-3.js'] },
          { pattern: ['settings', 'lists'], layout: false, files: ['/assets/lists-4.js'] },
          { pattern: [], layout: false, files: ['/assets/home-5.js'] },
        ],
        pageTexts: ['/assets/pages.fr-6.js'],
        shellOnly: [['sign-in']],
        signedIn: ['/assets/identity-7.js', '/assets/schemas-8.js'],
      }),
    );
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

  it('names in index.html the code of the page asked for, for a slow link to fetch beside the entry', async () => {
    const preloaded = async (path: string, cookie?: string) => {
      const res = await app.request(path, cookie ? { headers: { Cookie: cookie } } : {});
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).toContain('<div id="root">');
      return [
        ...html.matchAll(
          /<link rel="modulepreload" crossorigin fetchpriority="low" href="([^"]+)"/g,
        ),
      ]
        .map((m) => m[1])
        .sort();
    };
    expect(await preloaded('/centres/7d0c2f3e/agenda')).toEqual([
      '/assets/agenda-1.js',
      '/assets/pages.fr-6.js',
    ]);
    expect(await preloaded('/centres/7d0c2f3e')).toEqual([
      '/assets/centre-2.js',
      '/assets/pages.fr-6.js',
    ]);
    // A layout route comes with each page below it; the root page at the root alone.
    expect(await preloaded('/settings/lists')).toEqual([
      '/assets/lists-4.js',
      '/assets/pages.fr-6.js',
      '/assets/settings-3.js',
    ]);
    expect(await preloaded('/')).toEqual(['/assets/home-5.js', '/assets/pages.fr-6.js']);
    // The sign-in page shows the entry's texts alone; a session brings the identity rules.
    expect(await preloaded('/sign-in')).toEqual([]);
    expect(await preloaded('/centres/7d0c2f3e', 'lakou.session_token=abc')).toEqual([
      '/assets/centre-2.js',
      '/assets/identity-7.js',
      '/assets/pages.fr-6.js',
      '/assets/schemas-8.js',
    ]);
    expect(await preloaded('/nowhere/at/all')).toEqual(['/assets/pages.fr-6.js']);
  });

  it('names the API answer a page asks for first, never without a session', async () => {
    const fetched = async (path: string, cookie?: string) => {
      const res = await app.request(path, cookie ? { headers: { Cookie: cookie } } : {});
      const html = await res.text();
      return [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin/g)].map(
        (m) => m[1],
      );
    };
    const session = 'lakou.session_token=abc';
    expect(await fetched('/centres/7d0c2f3e-58c1/agenda', session)).toEqual([
      '/api/centres/7d0c2f3e-58c1',
    ]);
    expect(await fetched('/centres/7d0c2f3e-58c1/agenda')).toEqual([]);
    expect(await fetched('/centres/7d0c2f3e-58c1', session)).toEqual([]);
    // A value that is not a plain identifier is never put into a URL.
    expect(await fetched('/centres/%22%3E%3Cscript%3E/agenda', session)).toEqual([]);
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
