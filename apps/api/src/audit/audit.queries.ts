import { AUDIT_COUNT_CAP, type AuditEntry, type AuditListQuery } from '@lakou/domain/identity';
import { type Page, pageOffset } from '@lakou/domain/shared';
import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

import { auditLog } from '../db/schema/index.ts';

export type AuditPage = Page<AuditEntry> & { totalIsCapped: boolean };

/**
 * Newest first, read along the (at, id) index. The log only grows, so the total is counted up
 * to AUDIT_COUNT_CAP and flagged beyond it, instead of scanning millions of rows per page.
 */
export async function listAudit(db: Db, query: AuditListQuery): Promise<AuditPage> {
  const filters: SQL[] = [];
  if (query.actorId) filters.push(eq(auditLog.actorId, query.actorId));
  if (query.entity) filters.push(eq(auditLog.entity, query.entity));
  if (query.entityId) filters.push(eq(auditLog.entityId, query.entityId));
  if (query.action) filters.push(eq(auditLog.action, query.action));
  if (query.from) filters.push(gte(auditLog.at, new Date(query.from)));
  // Entries are stored to the microsecond but shown to the millisecond: `to` takes in the whole
  // millisecond it names, so the `at` of an entry used as a bound includes that entry.
  if (query.to) filters.push(lt(auditLog.at, new Date(Date.parse(query.to) + 1)));
  const where = filters.length ? and(...filters) : undefined;
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorEmail: auditLog.actorEmail,
      action: auditLog.action,
      method: auditLog.method,
      route: auditLog.route,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.pageSize)
    .offset(pageOffset(query));
  const capped = db
    .select({ one: sql`1`.as('one') })
    .from(auditLog)
    .where(where)
    .limit(AUDIT_COUNT_CAP + 1)
    .as('capped');
  const [counted] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(capped);
  const n = Number(counted?.n ?? 0);
  return {
    items: rows.map((row) => ({ ...row, at: row.at.toISOString() })),
    page: query.page,
    pageSize: query.pageSize,
    total: Math.min(n, AUDIT_COUNT_CAP),
    totalIsCapped: n > AUDIT_COUNT_CAP,
  };
}
