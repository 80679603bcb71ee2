import { and, asc, eq, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import {
  auditLog,
  donationImports,
  donations,
  donors,
  ledgerEntries,
  organisations,
  subFunds,
} from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { call, json, type seededApp, signIn } from '../harness.ts';

export type Ctx = Awaited<ReturnType<typeof seededApp>>;

/** Today in the fund's calendar (French Guiana). */
export const today = () => Temporal.Now.plainDateISO('America/Cayenne');

/**
 * The sub-funds the donations tests use, by code: created here when the seed has not made them
 * (the demo fund may or may not be seeded yet). LIBRE is created first, so that it is the oldest
 * unrestricted sub-fund when the seed has none.
 */
export async function ensureSubFunds(ctx: Ctx): Promise<Record<'LIBRE' | 'JARDINS', string>> {
  const db = ctx.database.db;
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  if (!org) throw new Error('no organisation seeded');
  const wanted = [
    { code: 'LIBRE', name: 'Fonds libre', kind: 'unrestricted', purpose: null },
    { code: 'JARDINS', name: 'Jardins partagés', kind: 'restricted', purpose: 'Jardins partagés' },
  ] as const;
  const out: Record<string, string> = {};
  for (const w of wanted) {
    await db
      .insert(subFunds)
      .values({ organisationId: org.id, ...w })
      .onConflictDoNothing();
    const [row] = await db
      .select({ id: subFunds.id })
      .from(subFunds)
      .where(and(eq(subFunds.organisationId, org.id), eq(subFunds.code, w.code)));
    if (!row) throw new Error(`sub-fund ${w.code} missing`);
    out[w.code] = row.id;
  }
  return out as Record<'LIBRE' | 'JARDINS', string>;
}

/** The demo people signed in, and the centres the manager runs or not. */
export async function people(ctx: Ctx) {
  const manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
  const admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
  const board = await signIn(ctx.app, 'ca@lakou.test', DEMO_PASSWORD);
  const me = await json<{ roles: { centreId: string | null; role: string }[] }>(
    await call(ctx.app, 'GET', '/api/me', { cookie: manager }),
  );
  const mine = new Set(me.roles.map((r) => r.centreId));
  const centres = await json<{ items: { id: string; slug: string }[] }>(
    await call(ctx.app, 'GET', '/api/centres'),
  );
  const villageChinois = centres.items.find((c) => c.slug === 'cayenne-village-chinois')?.id;
  const elsewhere = centres.items.find((c) => !mine.has(c.id))?.id;
  if (!villageChinois || !elsewhere || !mine.has(villageChinois))
    throw new Error('demo centres not as expected');
  return { manager, admin, board, villageChinois, elsewhere };
}

/** How many rows the donations part of the fund holds: what a refused write must leave as is. */
export async function fundCounts(ctx: Ctx) {
  const db = ctx.database.db;
  const n = async (table: typeof donations | typeof donors | typeof ledgerEntries) => {
    const [r] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(table);
    return r?.n ?? 0;
  };
  const [imports] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(donationImports);
  const [audits] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(auditLog)
    .where(sql`${auditLog.action} like 'fund.%'`);
  const [cents] = await db
    .select({ n: sql<number>`coalesce(sum(${ledgerEntries.amountCents}), 0)`.mapWith(Number) })
    .from(ledgerEntries);
  return {
    donations: await n(donations),
    donors: await n(donors),
    ledgerEntries: await n(ledgerEntries),
    ledgerCents: cents?.n ?? 0,
    imports: imports?.n ?? 0,
    fundAudits: audits?.n ?? 0,
  };
}
