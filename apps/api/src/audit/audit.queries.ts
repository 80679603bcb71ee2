import type { AuditEntry, AuditListQuery } from '@lakou/domain/identity';
import { type Page, pageOffset } from '@lakou/domain/shared';
import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { countColumn, toPage, totalColumn } from '../db/paginate.ts';
import { auditLog } from '../db/schema/index.ts';

export async function listAudit(db: Db, query: AuditListQuery): Promise<Page<AuditEntry>> {
  const filters: SQL[] = [];
  if (query.actorId) filters.push(eq(auditLog.actorId, query.actorId));
  if (query.entity) filters.push(eq(auditLog.entity, query.entity));
  if (query.entityId) filters.push(eq(auditLog.entityId, query.entityId));
  if (query.action) filters.push(eq(auditLog.action, query.action));
  if (query.from) filters.push(gte(auditLog.at, new Date(query.from)));
  if (query.to) filters.push(lte(auditLog.at, new Date(query.to)));
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
      total: totalColumn(),
    })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.pageSize)
    .offset(pageOffset(query));
  return toPage(
    rows,
    query,
    async () => (await db.select({ n: countColumn() }).from(auditLog).where(where))[0]?.n ?? 0,
    (row) => ({ ...row, at: row.at.toISOString() }),
  );
}
