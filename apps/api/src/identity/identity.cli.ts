import { type Role, tokenInput, userInvite } from '@lakou/domain/identity';
import { fieldErrors } from '@lakou/domain/shared';
import { eq, or } from 'drizzle-orm';
import { appendAudit } from '../audit/record.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { centres, users } from '../db/schema/index.ts';
import { createAuth } from './auth.ts';
import { sendInvitation } from './invitation.ts';
import { resolveSecret } from './secret.ts';
import { createToken } from './tokens.queries.ts';
import { insertInvitedUser, UserRuleError } from './users.queries.ts';

export interface IdentityFlags {
  email?: string;
  name?: string;
  role?: string;
  centre?: string[];
  tokenName?: string;
  readWrite?: boolean;
  expiresInDays?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CLI = { method: 'CLI', route: 'pnpm lakou' };

class CliError extends Error {}

function report(issues: { field: string; message: string }[] | undefined): never {
  throw new CliError(
    (issues ?? []).map((e) => `  --${e.field.split('.')[0]} : ${e.message}`).join('\n'),
  );
}

/** A centre named by its id or its slug (e.g. « kourou »). */
async function centreId(database: Database, ref: string): Promise<string> {
  const [found] = await database.db
    .select({ id: centres.id })
    .from(centres)
    .where(UUID.test(ref) ? or(eq(centres.id, ref), eq(centres.slug, ref)) : eq(centres.slug, ref));
  if (!found) throw new CliError(`Centre introuvable : « ${ref} » (id ou slug, ex. kourou).`);
  return found.id;
}

/** `user:create`: opens the account, queues the invitation email and prints its link. */
export async function createUserCommand(
  database: Database,
  config: Config,
  flags: IdentityFlags,
): Promise<void> {
  const role = flags.role as Role;
  const centreRefs = flags.centre ?? [];
  const roles =
    role === 'admin' || role === 'board' || centreRefs.length === 0
      ? [
          {
            role,
            centreId: centreRefs.length ? await centreId(database, centreRefs[0] ?? '') : null,
          },
        ]
      : await Promise.all(
          centreRefs.map(async (ref) => ({ role, centreId: await centreId(database, ref) })),
        );
  const parsed = userInvite.safeParse({ email: flags.email ?? '', name: flags.name ?? '', roles });
  if (!parsed.success) report(fieldErrors(parsed.error.issues));
  const auth = createAuth(database.db, {
    secret: resolveSecret({
      fromEnv: config.secret,
      production: config.production,
      dataDir: config.dataDir,
    }),
    publicUrl: config.publicUrl,
    trustedOrigins: [],
    trustProxy: false,
  });
  let user: Awaited<ReturnType<typeof insertInvitedUser>>;
  try {
    user = await database.db.transaction(async (tx) => {
      const created = await insertInvitedUser(tx, parsed.data);
      await appendAudit(tx, {
        ...CLI,
        action: 'user.invite',
        entity: 'user',
        entityId: created.id,
        after: created,
      });
      return created;
    });
  } catch (error) {
    if (error instanceof UserRuleError) throw new CliError(error.message);
    throw error;
  }
  const link = await sendInvitation(database.db, auth, user);
  console.log(
    `Compte créé : ${user.name} <${user.email}> — ${user.roles.map((r) => r.role).join(', ')}.`,
  );
  console.log(
    `Invitation en file d’envoi. Lien pour choisir le mot de passe (7 jours, usage unique) :\n${link}`,
  );
}

/** `token:create`: a personal access token for an existing, active user, printed once. */
export async function createTokenCommand(database: Database, flags: IdentityFlags): Promise<void> {
  const email = (flags.email ?? '').trim().toLowerCase();
  const [user] = await database.db
    .select({ id: users.id, email: users.email, active: users.active })
    .from(users)
    .where(eq(users.email, email));
  if (!user) throw new CliError(`Aucun compte pour « ${flags.email ?? ''} ».`);
  if (!user.active) throw new CliError(`Le compte ${user.email} est désactivé.`);
  const parsed = tokenInput.safeParse({
    name: flags.tokenName ?? `CLI ${new Date().toISOString().slice(0, 10)}`,
    readOnly: !flags.readWrite,
    ...(flags.expiresInDays !== undefined
      ? { expiresInDays: flags.expiresInDays === 'never' ? null : Number(flags.expiresInDays) }
      : {}),
  });
  if (!parsed.success) report(fieldErrors(parsed.error.issues));
  const created = await database.db.transaction(async (tx) => {
    const result = await createToken(tx, user.id, parsed.data);
    await appendAudit(tx, {
      ...CLI,
      actor: { id: user.id, email: user.email },
      action: 'token.create',
      entity: 'token',
      entityId: result.token.id,
      after: result.token,
    });
    return result;
  });
  console.error(
    `Jeton « ${created.token.name} » créé pour ${user.email} (${created.token.readOnly ? 'lecture seule' : 'lecture et écriture'}, ${
      created.token.expiresAt
        ? `expire le ${created.token.expiresAt.slice(0, 10)}`
        : 'sans expiration'
    }). Copiez-le maintenant : il ne sera plus affiché.`,
  );
  console.log(created.secret);
}

export { CliError };
