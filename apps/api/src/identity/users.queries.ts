import type {
  RoleAssignment,
  UserInvite,
  UserListQuery,
  UserSummary,
  UserUpdate,
} from '@lakou/domain/identity';
import { type Page, pageOffset } from '@lakou/domain/shared';
import { and, asc, eq, exists, ilike, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { countColumn, toPage, totalColumn } from '../db/paginate.ts';
import { apiTokens, centres, roleAssignments, sessions, users } from '../db/schema/index.ts';
import { likeContains } from '../network/centres.queries.ts';
import { replaceRoles, rolesByUser, rolesOf } from './roles.queries.ts';

/** The centres whose people a reader may see: every one, or these. */
export type CentreScope = 'all' | readonly string[];

/** A business rule refused the change (422), or the input names something unknown (400). */
export class UserRuleError extends Error {
  constructor(
    readonly status: 400 | 409 | 422,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

type UserRow = Pick<
  typeof users.$inferSelect,
  'id' | 'email' | 'name' | 'active' | 'lastSignInAt' | 'createdAt'
>;

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  active: users.active,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

/** Roles shown to a reader: only those held in centres of their scope. */
function visibleRoles(roles: RoleAssignment[], scope: CentreScope): RoleAssignment[] {
  return scope === 'all'
    ? roles
    : roles.filter((r) => r.centreId !== null && scope.includes(r.centreId));
}

function toSummary(row: UserRow, roles: RoleAssignment[]): UserSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    active: row.active,
    roles,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function holdsRoleIn(centreIds: readonly string[]): SQL {
  return exists(
    sql`(select 1 from ${roleAssignments} where ${roleAssignments.userId} = ${users.id} and ${inArray(roleAssignments.centreId, [...centreIds])})`,
  );
}

function scopeFilter(scope: CentreScope): SQL | undefined {
  if (scope === 'all') return undefined;
  return scope.length ? holdsRoleIn(scope) : sql`false`;
}

export async function listUsers(
  db: Db,
  query: UserListQuery,
  scope: CentreScope,
): Promise<Page<UserSummary>> {
  const filters: SQL[] = [];
  const inScope = scopeFilter(scope);
  if (inScope) filters.push(inScope);
  if (query.centreId) filters.push(holdsRoleIn([query.centreId]));
  if (query.active !== undefined) filters.push(eq(users.active, query.active));
  if (query.q) {
    const pattern = likeContains(query.q);
    const either = or(ilike(users.name, pattern), ilike(users.email, pattern));
    if (either) filters.push(either);
  }
  const where = filters.length ? and(...filters) : undefined;
  const rows = await db
    .select({ ...userColumns, total: totalColumn() })
    .from(users)
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(query.pageSize)
    .offset(pageOffset(query));
  const roles = await rolesByUser(
    db,
    rows.map((r) => r.id),
  );
  return toPage(
    rows,
    query,
    async () => (await db.select({ n: countColumn() }).from(users).where(where))[0]?.n ?? 0,
    (row) => toSummary(row, visibleRoles(roles.get(row.id) ?? [], scope)),
  );
}

export async function findUser(
  db: Pick<Db, 'select'>,
  id: string,
  scope: CentreScope,
): Promise<UserSummary | undefined> {
  const inScope = scopeFilter(scope);
  const [row] = await db
    .select(userColumns)
    .from(users)
    .where(inScope ? and(eq(users.id, id), inScope) : eq(users.id, id));
  if (!row) return undefined;
  return toSummary(row, visibleRoles(await rolesOf(db, id), scope));
}

async function assertCentresExist(
  tx: Pick<Db, 'select'>,
  roles: readonly RoleAssignment[],
): Promise<void> {
  const ids = [...new Set(roles.flatMap((r) => (r.centreId ? [r.centreId] : [])))];
  if (!ids.length) return;
  const found = await tx.select({ id: centres.id }).from(centres).where(inArray(centres.id, ids));
  if (found.length !== ids.length) {
    throw new UserRuleError(400, 'Un des centres choisis n’existe pas.', 'roles');
  }
}

/** Opens an account without a password: the invitation link lets its owner choose one. */
export async function insertInvitedUser(tx: Db, input: UserInvite): Promise<UserSummary> {
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (taken) throw new UserRuleError(409, `Un compte existe déjà pour ${input.email}.`, 'email');
  await assertCentresExist(tx, input.roles);
  const [row] = await tx
    .insert(users)
    .values({ email: input.email, name: input.name })
    .returning(userColumns);
  if (!row) throw new Error('user insert returned no row');
  await replaceRoles(tx, row.id, input.roles);
  return toSummary(row, await rolesOf(tx, row.id));
}

const isAdminSet = (roles: readonly RoleAssignment[]) => roles.some((r) => r.role === 'admin');

/**
 * Applies a change of name, roles or state. Admin changes are serialised on an advisory lock
 * so two admins demoting each other at once cannot leave the network without one.
 */
export async function updateUser(
  tx: Db,
  id: string,
  patch: UserUpdate,
  actorId: string,
): Promise<{ before: UserSummary; after: UserSummary } | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('lakou:user-admins'))`);
  const before = await findUser(tx, id, 'all');
  if (!before) return undefined;
  const losesAdmin =
    isAdminSet(before.roles) &&
    before.active &&
    (patch.active === false || (patch.roles !== undefined && !isAdminSet(patch.roles)));
  if (losesAdmin && id === actorId) {
    throw new UserRuleError(
      422,
      patch.active === false
        ? 'Vous ne pouvez pas désactiver votre propre compte.'
        : 'Vous ne pouvez pas retirer votre propre rôle d’administration : demandez-le à un autre administrateur.',
      patch.active === false ? 'active' : 'roles',
    );
  }
  if (losesAdmin) {
    const [other] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(and(eq(roleAssignments.role, 'admin'), eq(users.active, true), ne(users.id, id)))
      .limit(1);
    if (!other)
      throw new UserRuleError(422, 'Le réseau doit garder au moins un administrateur actif.');
  }
  if (patch.roles) {
    await assertCentresExist(tx, patch.roles);
    await replaceRoles(tx, id, patch.roles);
  }
  if (patch.name !== undefined || patch.active !== undefined) {
    await tx
      .update(users)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, id));
  }
  // A deactivated person is signed out everywhere at once, and their tokens are revoked for
  // good: reactivating the account later does not bring old tokens back.
  if (patch.active === false) {
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.userId, id), isNull(apiTokens.revokedAt)));
  }
  const after = await findUser(tx, id, 'all');
  if (!after) return undefined;
  return { before, after };
}
