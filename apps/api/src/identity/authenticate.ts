import { eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { users } from '../db/schema/index.ts';
import { problemResponse } from '../http/problem.ts';
import type { ApiEnv } from '../http/router.ts';
import { rolesOf } from './roles.queries.ts';
import { findTokenUser, touchToken } from './tokens.queries.ts';

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?lakou\.session_token=/;

/**
 * Works out who is asking: a personal access token (`Authorization: Bearer lk_…`), else the
 * session cookie, else nobody. A deactivated user counts as nobody; a token that is wrong,
 * expired or revoked is refused outright rather than silently ignored.
 */
export const authenticate: MiddlewareHandler<ApiEnv> = async (c, next) => {
  c.set('actor', null);
  c.set('principal', null);
  const db = c.var.db;
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) {
      return problemResponse(c, 401, 'En-tête Authorization attendu : « Bearer lk_… ».', {
        code: 'INVALID_TOKEN',
      });
    }
    const found = await findTokenUser(db, match[1]);
    if (!found) {
      return problemResponse(c, 401, 'Ce jeton d’API est invalide, expiré ou révoqué.', {
        code: 'INVALID_TOKEN',
      });
    }
    await touchToken(db, found.tokenId);
    c.set('principal', {
      id: found.userId,
      email: found.email,
      name: found.name,
      via: 'token',
      tokenId: found.tokenId,
    });
    c.set('actor', {
      userId: found.userId,
      assignments: await rolesOf(db, found.userId),
      readOnly: found.readOnly,
    });
    return next();
  }
  const cookie = c.req.header('cookie');
  if (cookie && SESSION_COOKIE.test(cookie)) {
    const { response: session, headers } = await c.var.auth.api.getSession({
      headers: c.req.raw.headers,
      returnHeaders: true,
    });
    if (session) {
      const [user] = await db
        .select({ id: users.id, email: users.email, name: users.name, active: users.active })
        .from(users)
        .where(eq(users.id, session.user.id));
      if (user?.active) {
        c.set('principal', { id: user.id, email: user.email, name: user.name, via: 'session' });
        c.set('actor', { userId: user.id, assignments: await rolesOf(db, user.id) });
      }
    }
    await next();
    // A session close to its end is extended: pass the refreshed cookie on.
    for (const value of headers.getSetCookie()) c.res.headers.append('set-cookie', value);
    return;
  }
  await next();
};
