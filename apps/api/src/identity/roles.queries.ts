import type { RoleAssignment } from '@lakou/domain/identity';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { roleAssignments } from '../db/schema/index.ts';

type RoleRow = { userId: string; role: string; centreId: string | null };

function toAssignment(row: RoleRow): RoleAssignment {
  return { role: row.role as RoleAssignment['role'], centreId: row.centreId };
}

export async function rolesOf(db: Pick<Db, 'select'>, userId: string): Promise<RoleAssignment[]> {
  const rows = await db
    .select({
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      centreId: roleAssignments.centreId,
    })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(roleAssignments.role), asc(roleAssignments.centreId));
  return rows.map(toAssignment);
}

/** The roles of several users in one query. */
export async function rolesByUser(
  db: Db,
  userIds: string[],
): Promise<Map<string, RoleAssignment[]>> {
  const byUser = new Map<string, RoleAssignment[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      centreId: roleAssignments.centreId,
    })
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.role), asc(roleAssignments.centreId));
  for (const row of rows) byUser.get(row.userId)?.push(toAssignment(row));
  return byUser;
}

/** Replaces a user's roles (inside the caller's transaction). */
export async function replaceRoles(
  tx: Pick<Db, 'delete' | 'insert'>,
  userId: string,
  roles: readonly RoleAssignment[],
): Promise<void> {
  await tx.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (roles.length) {
    await tx
      .insert(roleAssignments)
      .values(roles.map((r) => ({ userId, role: r.role, centreId: r.centreId })));
  }
}
