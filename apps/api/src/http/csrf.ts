import type { MiddlewareHandler } from 'hono';
import { problemResponse } from './problem.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie sessions are ambient: a state-changing request must show it comes from the hub itself
 * (Origin, or Sec-Fetch-Site from browsers that send only that). Requests carrying a Bearer
 * token are exempt — a page on another site cannot attach one. A request with neither header
 * nor cookie (a script, curl) has nothing to forge.
 */
export function csrfGuard(trustedOrigins: readonly string[]): MiddlewareHandler {
  const trusted = new Set(trustedOrigins);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.req.header('authorization')) return next();
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    let allowed: boolean;
    if (origin !== undefined) {
      allowed = origin !== 'null' && (trusted.has(origin) || origin === new URL(c.req.url).origin);
    } else if (fetchSite !== undefined) {
      allowed = fetchSite === 'same-origin' || fetchSite === 'none';
    } else {
      allowed = !c.req.header('cookie');
    }
    if (!allowed) {
      return problemResponse(
        c,
        403,
        'Requête refusée : elle ne vient pas de Lakou (protection CSRF).',
        {
          code: 'CSRF',
        },
      );
    }
    await next();
  };
}
