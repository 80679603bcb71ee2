import type { Context } from 'hono';
import { Hono } from 'hono';
import { recordAudit } from '../audit/record.ts';
import { declarePolicy, PUBLIC } from '../http/policy.ts';
import { problemResponse } from '../http/problem.ts';
import type { ApiEnv } from '../http/router.ts';
import { AUTH_BASE_PATH, PASSWORD_MESSAGES } from './auth-messages.ts';
import { clearAttempts, countAttempt, type ThrottleVerdict } from './auth-throttle.ts';

/** The auth library answers these itself (it checks sessions and origins); they are open by design. */
declarePolicy('GET', `${AUTH_BASE_PATH}/*`, PUBLIC);
declarePolicy('POST', `${AUTH_BASE_PATH}/*`, PUBLIC);

/** Successful auth calls that change something, and how the audit log names them. */
const AUDITED: Record<string, string> = {
  '/sign-in/email': 'auth.sign-in',
  '/sign-out': 'auth.sign-out',
  '/change-password': 'auth.password-change',
  '/reset-password': 'auth.password-reset',
  '/request-password-reset': 'auth.password-reset-request',
  '/revoke-sessions': 'auth.sign-out-everywhere',
  '/revoke-other-sessions': 'auth.sign-out-others',
  '/update-user': 'auth.profile-update',
};

async function emailOf(c: Context<ApiEnv>): Promise<string | undefined> {
  try {
    const body = (await c.req.raw.clone().json()) as { email?: unknown };
    return typeof body.email === 'string' ? body.email.trim().toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function tooMany(c: Context<ApiEnv>, verdict: ThrottleVerdict, what: string) {
  c.header('Retry-After', String(verdict.retryAfter));
  return problemResponse(
    c,
    429,
    `Trop de tentatives ${what}. Par sécurité, réessayez dans ${verdict.retryAfter} secondes.`,
    { title: 'Trop de tentatives', code: 'TOO_MANY_ATTEMPTS', retryAfter: verdict.retryAfter },
  );
}

/** Counts the attempt against the account and the address; a refusal is the 429 to send. */
async function throttle(c: Context<ApiEnv>, path: string): Promise<Response | undefined> {
  const email = await emailOf(c);
  const address = await countAttempt(
    c.var.db,
    `address:${c.var.clientAddress}`,
    c.var.authLimits.signInPerAddress,
  );
  if (path === '/sign-in/email') {
    const account = email
      ? await countAttempt(c.var.db, `account:${email}`, c.var.authLimits.signInPerAccount)
      : undefined;
    if (account && !account.allowed) return tooMany(c, account, 'de connexion à ce compte');
    if (!address.allowed) return tooMany(c, address, 'de connexion depuis votre adresse');
  } else if (path === '/request-password-reset') {
    const account = email
      ? await countAttempt(c.var.db, `reset:${email}`, c.var.authLimits.resetPerAccount)
      : undefined;
    if (account && !account.allowed)
      return tooMany(c, account, 'de réinitialisation pour ce compte');
    if (!address.allowed) return tooMany(c, address, 'depuis votre adresse');
  }
  return undefined;
}

/** The library's `{code, message}` errors become problem documents with a French detail (and the code kept). */
async function frenchError(c: Context<ApiEnv>, response: Response): Promise<Response> {
  let code = 'AUTH_ERROR';
  try {
    const body = (await response.clone().json()) as { code?: unknown };
    if (typeof body.code === 'string') code = body.code;
  } catch {
    // not JSON: keep the generic code
  }
  const detail = PASSWORD_MESSAGES[code] ?? 'La demande d’authentification a été refusée.';
  const problem = problemResponse(c, response.status as 400, detail, {
    type: 'urn:lakou:problem:auth',
    code,
    // The auth library's clients read `message`: give them the French text too.
    ...({ message: detail } as object),
  });
  const headers = new Headers(problem.headers);
  for (const cookie of response.headers.getSetCookie()) headers.append('set-cookie', cookie);
  return new Response(problem.body, { status: response.status, headers });
}

async function audit(
  c: Context<ApiEnv>,
  path: string,
  response: Response,
  email: string | undefined,
) {
  const action = AUDITED[path];
  if (!action) return;
  let actor = c.var.principal ? { id: c.var.principal.id, email: c.var.principal.email } : null;
  if (path === '/sign-in/email') {
    const body = (await response.clone().json()) as { user?: { id?: string; email?: string } };
    if (body.user?.id && body.user.email) actor = { id: body.user.id, email: body.user.email };
  }
  await recordAudit(c.var.db, c, {
    action,
    entity: 'account',
    entityId: actor?.id ?? null,
    after: path === '/request-password-reset' && email ? { email } : null,
    actor,
  });
}

/** The session lives in its HttpOnly cookie only: the raw token the library also puts in the body is dropped. */
async function withoutSessionToken(response: Response): Promise<Response> {
  const { token: _token, ...body } = (await response.json()) as Record<string, unknown>;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

/** Mounts the auth library under /api/auth with the sign-in limit, French errors and the audit trail. */
export function authRoutes() {
  return new Hono<ApiEnv>().on(['GET', 'POST'], '/auth/*', async (c) => {
    const path = c.req.path.slice(AUTH_BASE_PATH.length);
    const isPost = c.req.method === 'POST';
    if (isPost) {
      const refused = await throttle(c, path);
      if (refused) return refused;
    }
    const email = isPost ? await emailOf(c) : undefined;
    const response = await c.var.auth.handler(c.req.raw);
    if (response.status >= 400 && response.headers.get('content-type')?.includes('json')) {
      return frenchError(c, response);
    }
    if (isPost && response.ok) {
      if (path === '/sign-in/email' && email) await clearAttempts(c.var.db, `account:${email}`);
      await audit(c, path, response, email);
      if (path === '/sign-in/email') return withoutSessionToken(response);
    }
    return response;
  });
}
