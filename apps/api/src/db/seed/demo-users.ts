import type { Role } from '@lakou/domain/identity';
import { hashPassword } from 'better-auth/crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { accounts, centres, roleAssignments, users } from '../schema/index.ts';

/** The password of every demo account — documented in the README, never used outside the demo seed. */
export const DEMO_PASSWORD = 'lakou-demo-2026';

export interface DemoUser {
  email: string;
  name: string;
  roles: { role: Role; centre?: string }[];
}

/** One account per role, in the demo network's centres (by slug). */
export const demoUsers: DemoUser[] = [
  { email: 'admin@lakou.test', name: 'Aline Administratrice', roles: [{ role: 'admin' }] },
  {
    email: 'gestion@lakou.test',
    name: 'Georges Gestionnaire',
    roles: [
      { role: 'manager', centre: 'cayenne-village-chinois' },
      { role: 'manager', centre: 'cayenne-mont-lucas' },
    ],
  },
  {
    email: 'direction.kourou@lakou.test',
    name: 'Daniel Directeur',
    roles: [{ role: 'manager', centre: 'kourou' }],
  },
  {
    email: 'accueil.kourou@lakou.test',
    name: 'Karine Accueil',
    roles: [{ role: 'staff', centre: 'kourou' }],
  },
  {
    email: 'facilitation@lakou.test',
    name: 'Fabrice Facilitateur',
    roles: [{ role: 'facilitator', centre: 'cayenne-village-chinois' }],
  },
  { email: 'ca@lakou.test', name: 'Claire Conseil', roles: [{ role: 'board' }] },
];

/**
 * Creates the demo accounts that are missing (matched on email), with the demo password and
 * their roles. Run inside the demo seed's transaction, after the centres exist.
 */
export async function seedDemoUsers(tx: Db): Promise<number> {
  const slugs = [
    ...new Set(demoUsers.flatMap((u) => u.roles.flatMap((r) => (r.centre ? [r.centre] : [])))),
  ];
  const centreRows = await tx
    .select({ id: centres.id, slug: centres.slug })
    .from(centres)
    .where(inArray(centres.slug, slugs));
  const centreBySlug = new Map(centreRows.map((c) => [c.slug, c.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const demo of demoUsers) {
    const [user] = await tx
      .insert(users)
      .values({ email: demo.email, name: demo.name, emailVerified: true })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) continue;
    created++;
    await tx.insert(accounts).values({
      userId: user.id,
      accountId: user.id,
      providerId: 'credential',
      password: passwordHash,
    });
    const roles = demo.roles.flatMap((r) => {
      const centreId = r.centre ? centreBySlug.get(r.centre) : null;
      return centreId === undefined ? [] : [{ userId: user.id, role: r.role, centreId }];
    });
    if (roles.length) await tx.insert(roleAssignments).values(roles);
  }
  return created;
}

/** True when the demo admin account still exists (the server then reminds how to sign in). */
export async function hasDemoUsers(db: Db): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'admin@lakou.test'))
    .limit(1);
  return rows.length > 0;
}
