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

/** Appends one entry; `method` and `route` say where it came from (an HTTP route, or `CLI`). */
export async function appendAudit(
  db: Pick<Db, 'insert'>,
  event: AuditEvent & { method: string; route: string; ip?: string | null },
): Promise<void> {
  await db.insert(auditLog).values({
    actorId: event.actor?.id ?? null,
    actorEmail: event.actor?.email ?? null,
    action: event.action,
    method: event.method,
    route: event.route,
    entity: event.entity,
    entityId: event.entityId ?? null,
    before: snapshot(event.before),
    after: snapshot(event.after),
    ip: event.ip ?? null,
  });
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
  await appendAudit(db, {
    ...event,
    actor: event.actor ?? c.var.principal,
    method: c.req.method,
    // A pattern names the route (`/api/users/:id`); a catch-all (`/api/auth/*`) says less than the path.
    route: c.req.routePath && !c.req.routePath.endsWith('*') ? c.req.routePath : c.req.path,
    ip: c.var.clientAddress ?? null,
  });
}
