import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { type Action, can, type Subject } from '@lakou/domain/identity';
import type { Context, MiddlewareHandler } from 'hono';
import { problemContent, problemResponse } from './problem.ts';
import type { ApiEnv } from './router.ts';

/**
 * What a route requires: open to everyone, or an action of `can()` — judged on a subject
 * drawn from the request when the rule needs one (e.g. the centre asked for).
 */
export type RoutePolicy =
  | { kind: 'public' }
  | {
      kind: 'action';
      action: Action;
      subject?: SubjectOf;
      writes?: boolean;
      /** Confidential rows: a signed-in person without the right is told it does not exist (404), revealing nothing. */
      hidden?: boolean;
    };

/**
 * Draws the subject from the request: a query parameter, or (async) the body or a row it names —
 * e.g. the centre of the resource a booking is for. Hono caches a parsed body, so reading it here
 * costs the validator nothing.
 */
export type SubjectOf = (c: Context<ApiEnv>) => Subject | Promise<Subject>;

export const PUBLIC: RoutePolicy = { kind: 'public' };
export function requires(
  action: Action,
  subject?: SubjectOf,
  options: { writes?: boolean; hidden?: boolean } = {},
): RoutePolicy {
  return { kind: 'action', action, subject, writes: options.writes, hidden: options.hidden };
}

/** Every guarded route, by `METHOD /api/path/:param` as Hono lists it: the policy test walks the app against this. */
export const policyRegistry = new Map<string, RoutePolicy>();

export function policyLabel(policy: RoutePolicy): string {
  return policy.kind === 'public' ? 'public' : policy.action;
}

function registryKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
}

/** Declares the policy of a route that is not an OpenAPI route (the auth library's, the docs). */
export function declarePolicy(method: string, path: string, policy: RoutePolicy): void {
  policyRegistry.set(registryKey(method, path), policy);
}

export function enforce(policy: RoutePolicy): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (policy.kind === 'public') return next();
    const actor = c.var.actor;
    if (!actor) {
      return problemResponse(c, 401, 'Connectez-vous pour accéder à cette ressource.', {
        code: 'UNAUTHENTICATED',
      });
    }
    const subject = policy.subject ? await policy.subject(c) : {};
    // A route that changes something under a read permission (e.g. making a feed one may read) is
    // still a change: refused to read-only tokens.
    if (!can(actor, policy.action, subject) || (policy.writes && actor.readOnly)) {
      if (policy.hidden) return problemResponse(c, 404, HIDDEN_NOT_FOUND);
      const detail = actor.readOnly
        ? 'Ce jeton d’API est en lecture seule : il ne permet pas cette action.'
        : 'Votre rôle ne permet pas cette action.';
      return problemResponse(c, 403, detail, { code: 'FORBIDDEN' });
    }
    await next();
  };
}

/**
 * `createRoute` with a mandatory policy: it is enforced before the input is even validated,
 * recorded for the policy test, and shown in the OpenAPI document as `x-lakou-policy`.
 * Paths are given as mounted under /api.
 */
export function guardedRoute<const R extends RouteConfig>(config: R & { policy: RoutePolicy }) {
  const { policy, ...route } = config;
  declarePolicy(route.method, `/api${route.path}`, policy);
  return createRoute({
    ...(route as unknown as R),
    middleware: [enforce(policy)] as const,
    'x-lakou-policy': policyLabel(policy),
  });
}

/** What a confidential route answers to those it hides from, and for a row that does not exist: the same words. */
export const HIDDEN_NOT_FOUND = 'Introuvable : ce dossier n’existe pas ou ne vous est pas confié.';

/** The OpenAPI answers of a `hidden` route to those it refuses. */
export const HIDDEN_RESPONSES = {
  401: problemContent('Not signed in'),
  404: problemContent('No such case, or not yours'),
};

/** The OpenAPI answers of a guarded route to those it refuses. */
export const DENIED_RESPONSES = {
  401: problemContent('Not signed in'),
  403: problemContent('The role does not allow it'),
};

/**
 * The centre named in a JSON body (`centreId`), lower-cased; null when the body names none, which
 * no centre rule accepts (the validator then never runs for those refused).
 */
export async function bodyCentre(c: Context<ApiEnv>): Promise<Subject> {
  try {
    const body = (await c.req.json()) as { centreId?: unknown };
    return { centreId: typeof body.centreId === 'string' ? body.centreId.toLowerCase() : null };
  } catch {
    return { centreId: null };
  }
}
