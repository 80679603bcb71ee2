import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Env, Hono } from 'hono';

/**
 * Serves the built hub on the API's port. Hashed assets are cached for a year; every other
 * non-API path gets index.html so the hub's client-side routes survive a reload.
 */
export function mountHub<E extends Env>(app: Hono<E>, hubDist: string) {
  const index = join(hubDist, 'index.html');
  if (!existsSync(index)) return false;
  const root = relative(process.cwd(), hubDist) || '.';
  app.use(
    '/assets/*',
    async (c, next) => {
      await next();
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
    serveStatic({ root }),
  );
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api')) return next();
    return serveStatic({ root })(c, next);
  });
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api')) return next();
    c.header('Cache-Control', 'no-cache');
    return serveStatic({ root, path: relative(process.cwd(), index) || 'index.html' })(c, next);
  });
  return true;
}
