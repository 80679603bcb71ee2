import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RoleAssignment } from '@lakou/domain/identity';
import { eq, sql } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { type Db, preparedPerDb } from '../db/client.ts';
import { roleAssignments, sessions, users } from '../db/schema/index.ts';
import { problemResponse } from '../http/problem.ts';
import type { ApiEnv } from '../http/router.ts';
import { rolesOf } from './roles.queries.ts';
import { findTokenUser, touchToken } from './tokens.queries.ts';

export const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?lakou\.session_token=/;

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
    const known = await sessionAtOnce(c, cookie);
    if (known) {
      if (known.user.active) {
        const { id, email, name } = known.user;
        c.set('principal', { id, email, name, via: 'session' });
        c.set('actor', { userId: id, assignments: known.roles });
      }
      return next();
    }
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

type Auth = ApiEnv['Variables']['auth'];
interface SessionSettings {
  cookieName: string;
  secret: string;
  expiresInMs: number;
  updateAgeMs: number;
}
const settingsOf = new WeakMap<Auth, Promise<SessionSettings>>();
function sessionSettings(auth: Auth): Promise<SessionSettings> {
  let found = settingsOf.get(auth);
  if (!found) {
    found = auth.$context.then((ctx) => ({
      cookieName: ctx.authCookies.sessionToken.name,
      secret: ctx.secret,
      expiresInMs: ctx.sessionConfig.expiresIn * 1000,
      updateAgeMs: ctx.sessionConfig.updateAge * 1000,
    }));
    settingsOf.set(auth, found);
  }
  return found;
}

/** The first value of a cookie in a Cookie header, URI-decoded (as better-call reads it). */
function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/**
 * The signed-in person of a session cookie in one query (session, user and roles), with no
 * staleness: what better-auth's getSession would find, when it would find it without writing
 * anything. Undefined sends the request down better-auth's own path — a cookie that is not ours
 * or is badly signed, a session unknown or expired (better-auth clears the cookie), one due for
 * its daily extension (better-auth extends it and sends the new cookie), a leftover
 * session-data cookie (better-auth clears it). That path costs four round trips, this one one.
 */
async function sessionAtOnce(
  c: Context<ApiEnv>,
  header: string,
): Promise<
  | { user: { id: string; email: string; name: string; active: boolean }; roles: RoleAssignment[] }
  | undefined
> {
  if (header.includes('.session_data')) return undefined;
  const settings = await sessionSettings(c.var.auth);
  const signed = cookieValue(header, settings.cookieName);
  const dot = signed?.lastIndexOf('.') ?? -1;
  if (!signed || dot < 1) return undefined;
  const token = signed.slice(0, dot);
  const signature = Buffer.from(signed.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', settings.secret).update(token).digest();
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected))
    return undefined;
  const [row] = await sessionByToken(c.var.db).execute({ token });
  if (!row) return undefined;
  const expires = row.expiresAt.getTime();
  const now = Date.now();
  if (expires < now || expires - settings.expiresInMs + settings.updateAgeMs <= now)
    return undefined;
  return { user: row.user, roles: row.roles };
}

/** The session of a token, its user and the user's roles: one statement, built once. */
const sessionByToken = preparedPerDb((db: Db) =>
  db
    .select({
      expiresAt: sessions.expiresAt,
      user: { id: users.id, email: users.email, name: users.name, active: users.active },
      roles: sql<RoleAssignment[]>`coalesce((
        select json_agg(json_build_object('role', ${roleAssignments.role}, 'centreId', ${roleAssignments.centreId})
                        order by ${roleAssignments.role}, ${roleAssignments.centreId})
        from ${roleAssignments} where ${roleAssignments.userId} = ${users.id}), '[]')`.mapWith(
        (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as RoleAssignment[],
      ),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, sql.placeholder('token')))
    .prepare('lakou_session_by_token'),
);
