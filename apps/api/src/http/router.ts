import { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../db/client.ts';
import { validationHook } from './problem.ts';

/** What every route handler can reach through `c.var`. */
export interface ApiEnv {
  Variables: {
    db: Db;
  };
}

/** A router of one bounded context: bad params, queries and bodies all answer the same 400. */
export function contextRouter() {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
}
