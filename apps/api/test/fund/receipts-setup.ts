import { randomUUID } from 'node:crypto';
import { centres, donations, donors, subFunds } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { organisationId } from '../../src/fund/fund.queries.ts';
import { call, seededApp, signIn } from '../harness.ts';

/** The fund's identity the receipt tests print: written through PUT /api/fund/identity. */
export const FUND = {
  name: 'Fonds de dotation SECCOIA-Guyane (essai)',
  addressLine: '12 rue Lallouette',
  postcode: '97300',
  city: 'Cayenne',
  object: 'Soutenir les tiers-lieux et les associations partenaires de Guyane',
  status: 'Fonds de dotation (loi n° 2008-776 du 4 août 2008, article 140)',
  signerName: 'Josiane Éléonore',
  signerRole: 'Présidente du conseil d’administration',
};

/**
 * A seeded app with the people the receipt tests act as, a sub-fund of their own, and helpers
 * that write donors and gifts straight into the database (the donors and gifts API is another
 * part of the work; receipts only read those rows).
 */
export async function receiptsContext(kind: Parameters<typeof seededApp>[0]) {
  const ctx = await seededApp(kind);
  const db = ctx.database.db;
  const org = (await organisationId(db)) as string;
  const admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
  const manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
  const board = await signIn(ctx.app, 'ca@lakou.test', DEMO_PASSWORD);
  const [centre] = await db.select({ id: centres.id }).from(centres).limit(1);
  const code = `RECUS-${randomUUID().slice(0, 8)}`;
  const [fund] = await db
    .insert(subFunds)
    .values({
      organisationId: org,
      code,
      name: 'Sous-fonds des essais de reçus',
      kind: 'unrestricted',
    })
    .returning();
  const subFundId = fund?.id as string;

  async function donor(values: Partial<typeof donors.$inferInsert> = {}) {
    const [row] = await db
      .insert(donors)
      .values({
        organisationId: org,
        kind: 'individual',
        name: 'Léa Fontaine-Mérand',
        addressLine: '3 chemin des Mangues',
        postcode: '97310',
        city: 'Kourou',
        searchKey: 'lea fontaine-merand',
        ...values,
      })
      .returning();
    return row as typeof donors.$inferSelect;
  }

  async function gift(donorId: string | null, values: Partial<typeof donations.$inferInsert> = {}) {
    const inKind = values.kind === 'in_kind';
    const [row] = await db
      .insert(donations)
      .values({
        organisationId: org,
        kind: 'money',
        donorId,
        receivedOn: '2026-03-15',
        amountCents: 5_000,
        ...(inKind
          ? {
              description: 'Douze chaises de réunion',
              category: 'furniture',
              quantity: 12,
              unit: 'piece',
              condition: 'good',
              valuationMethod: 'market_value',
              centreId: centre?.id,
            }
          : { method: 'cheque', subFundId }),
        ...values,
      })
      .returning();
    return row as typeof donations.$inferSelect;
  }

  async function setIdentity(values: Partial<typeof FUND> = {}) {
    const res = await call(ctx.app, 'PUT', '/api/fund/identity', {
      cookie: admin,
      body: { ...FUND, ...values },
    });
    if (res.status !== 200)
      throw new Error(`identity not saved: ${res.status} ${await res.text()}`);
  }

  const issue = (body: unknown, cookie = manager) =>
    call(ctx.app, 'POST', '/api/receipts', { cookie, body });

  return {
    ...ctx,
    db,
    org,
    admin,
    manager,
    board,
    subFundId,
    donor,
    gift,
    setIdentity,
    issue,
  };
}
