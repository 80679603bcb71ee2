import { OpenAPIHono } from '@hono/zod-openapi';
import type { Actor } from '@lakou/domain/identity';
import type { Db } from '../db/client.ts';
import type { Auth } from '../identity/auth.ts';
import type { AuthLimits } from '../identity/auth-throttle.ts';
import { validationHook } from './problem.ts';

/** The signed-in person behind a request. */
export interface Principal {
  id: string;
  email: string;
  name: string;
  via: 'session' | 'token';
  tokenId?: string;
}

/** What every route handler can reach through `c.var`. */
export interface ApiEnv {
  Variables: {
    db: Db;
    auth: Auth;
    /** Null for an anonymous visitor. */
    actor: Actor | null;
    principal: Principal | null;
    /** The client's address, for the audit log and the sign-in limit. */
    clientAddress: string;
    /** How many sign-in and reset attempts are allowed. */
    authLimits: AuthLimits;
    /** Where people reach Lakou: links in emails and answers point there. */
    publicUrl: string;
    /** Wakes the email dispatcher after something was queued. */
    onEmailQueued: () => void;
  };
}

/** A router of one bounded context: bad params, queries and bodies all answer the same 400. */
export function contextRouter() {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
}
