import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Env, Hono } from 'hono';
import { SESSION_COOKIE } from '../identity/authenticate.ts';
import { preloadsFor, readPreloads, withPreloads } from './hub-preloads.ts';

/**
 * Serves the built hub on the API's port. Hashed assets are cached for a year (and compressed,
 * like every answer, by the app's `compress()`); every other non-API path gets index.html so the
 * hub's client-side routes survive a reload, naming in `<link rel="modulepreload">` the code the
 * path's page runs beyond the entry (the build's `.vite/preloads.json`), so that a slow link
 * fetches it beside the entry rather than once the entry has run.
 */
export function mountHub<E extends Env>(app: Hono<E>, hubDist: string) {
  const index = join(hubDist, 'index.html');
  if (!existsSync(index)) return false;
  const root = relative(process.cwd(), hubDist) || '.';
  const html = readFileSync(index, 'utf8');
  const preloads = readPreloads(hubDist);
  app.get(
    '/assets/*',
    async (c, next) => {
      await next();
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
    serveStatic({ root }),
  );
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/')) return next();
    // Dot folders hold build metadata (Vite's .vite/manifest.json, the module map): not public.
    if (path.split('/').some((segment) => segment.startsWith('.'))) return c.notFound();
    // A path with an extension is a file (favicon, robots.txt): served, or 404.
    if (/\.[a-z0-9]+$/i.test(path)) return serveStatic({ root })(c, next);
    c.header('Cache-Control', 'no-cache');
    if (!preloads) return c.html(html);
    // The identity rules are named for a browser that holds a session alone: the page differs.
    c.header('Vary', 'Cookie');
    const hasSession = SESSION_COOKIE.test(c.req.header('Cookie') ?? '');
    return c.html(withPreloads(html, preloadsFor(preloads, path, hasSession)));
  });
  return true;
}
