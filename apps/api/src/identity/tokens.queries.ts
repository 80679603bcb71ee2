import { createHash, randomBytes } from 'node:crypto';
import type { ApiToken, TokenInput } from '@lakou/domain/identity';
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { apiTokens, users } from '../db/schema/index.ts';

export const TOKEN_PREFIX = 'lk_';

/** 256 random bits; only the SHA-256 is stored, so a leaked database reveals no usable token. */
export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

type TokenRow = typeof apiTokens.$inferSelect;

export function toApiToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    readOnly: row.readOnly,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function createToken(
  db: Pick<Db, 'insert'>,
  userId: string,
  input: TokenInput,
): Promise<{ token: ApiToken; secret: string }> {
  const secret = newTokenSecret();
  const expiresAt =
    input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * 86_400_000);
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId,
      name: input.name,
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      tokenHash: hashToken(secret),
      readOnly: input.readOnly,
      expiresAt,
    })
    .returning();
  if (!row) throw new Error('token insert returned no row');
  return { token: toApiToken(row), secret };
}

export async function listTokens(db: Db, userId: string): Promise<ApiToken[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toApiToken);
}

/** Revokes one of the user's own tokens; `undefined` when it is not theirs (or does not exist). */
export async function revokeToken(
  db: Pick<Db, 'update' | 'select'>,
  userId: string,
  tokenId: string,
): Promise<{ before: ApiToken; after: ApiToken } | undefined> {
  const [current] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
    .for('update');
  if (!current) return undefined;
  if (current.revokedAt) return { before: toApiToken(current), after: toApiToken(current) };
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(eq(apiTokens.id, tokenId))
    .returning();
  if (!row) return undefined;
  return { before: toApiToken(current), after: toApiToken(row) };
}

/** The active user behind a usable token (not revoked, not expired), or nothing. */
export async function findTokenUser(db: Db, secret: string) {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return undefined;
  const [found] = await db
    .select({
      tokenId: apiTokens.id,
      readOnly: apiTokens.readOnly,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: users.id,
      email: users.email,
      name: users.name,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(secret)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        eq(users.active, true),
      ),
    );
  return found;
}

/** Records use at most once a minute, so reads through a token do not each cost a write. */
export async function touchToken(db: Db, tokenId: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        or(
          isNull(apiTokens.lastUsedAt),
          lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`),
        ),
      ),
    );
}
