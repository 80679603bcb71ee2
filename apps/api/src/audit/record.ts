import type { Context } from 'hono';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';
import type { ApiEnv } from '../http/router.ts';

export interface AuditEvent {
  /** What was done, e.g. `user.invite`, `token.revoke`, `auth.sign-in`. */
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Who, when the request itself carries no signed-in person (sign-in, reset). */
  actor?: { id: string; email: string } | null;
}

/** Dates and other non-JSON values become their JSON form, so the log holds what the API answered. */
function snapshot(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Appends one entry to the audit log, with the request's route and address. Call it with the
 * transaction that makes the change, so the change and its trace commit together.
 */
export async function recordAudit(
  db: Pick<Db, 'insert'>,
  c: Context<ApiEnv>,
  event: AuditEvent,
): Promise<void> {
  const actor = event.actor ?? c.var.principal;
  await db.insert(auditLog).values({
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    action: event.action,
    method: c.req.method,
    route: c.req.routePath && c.req.routePath !== '/*' ? c.req.routePath : c.req.path,
    entity: event.entity,
    entityId: event.entityId ?? null,
    before: snapshot(event.before),
    after: snapshot(event.after),
    ip: c.var.clientAddress ?? null,
  });
}
