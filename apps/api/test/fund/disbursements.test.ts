import { and, eq, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, donations, ledgerEntries, partners } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { organisationId } from '../../src/fund/fund.queries.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

interface Disbursement {
  id: string;
  kind: string;
  amountCents: number;
  beneficiaryName: string;
  donationIds: string[];
  ledgerEntryId: string | null;
  reversed: boolean;
}
interface Problem {
  code?: string;
  detail: string;
  errors?: { field: string }[];
}

/*
 * Money comes into the test sub-funds by ledger entries inserted directly (kind `donation`,
 * without a donation row), and goods by in-kind donation rows inserted directly: these tests are
 * about what leaves the fund, not about recording gifts.
 */
describe.each(engines)('disbursements (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let admin: string;
  let manager: string;
  let board: string;
  let org: string;
  let villageChinois: string;
  let kourou: string;
  /** A partner association working with Village Chinois, and one that does not. */
  let nePlusJeter: string;
  let agsy: string;
  const today = Temporal.Now.plainDateISO('America/Cayenne').toString();

  const openFund = async (body: Record<string, unknown>) => {
    const res = await call(ctx.app, 'POST', '/api/funds', { cookie: admin, body });
    expect(res.status).toBe(201);
    return (await json<{ id: string }>(res)).id;
  };
  const credit = (subFundId: string, amountCents: number, occurredOn: string) =>
    ctx.database.db.insert(ledgerEntries).values({
      organisationId: org,
      subFundId,
      occurredOn,
      amountCents,
      kind: 'donation',
      label: 'Don (test)',
    });
  const money = (body: Record<string, unknown>) =>
    call(ctx.app, 'POST', '/api/disbursements', {
      cookie: admin,
      body: {
        kind: 'money',
        centreId: villageChinois,
        purpose: 'Équipement de l’atelier',
        decisionOn: today,
        decisionRef: 'CA-2026-07',
        paidOn: today,
        ...body,
      },
    });
  const balance = async (id: string) =>
    (
      await json<{ balanceCents: number }>(
        await call(ctx.app, 'GET', `/api/funds/${id}`, { cookie: board }),
      )
    ).balanceCents;

  beforeAll(async () => {
    ctx = await seededApp(kind);
    admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
    manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
    board = await signIn(ctx.app, 'ca@lakou.test', DEMO_PASSWORD);
    org = (await organisationId(ctx.database.db)) ?? '';
    const centres = await json<{ items: { id: string; slug: string }[] }>(
      await call(ctx.app, 'GET', '/api/centres'),
    );
    villageChinois = centres.items.find((c) => c.slug === 'cayenne-village-chinois')?.id ?? '';
    kourou = centres.items.find((c) => c.slug === 'kourou')?.id ?? '';
    const rows = await ctx.database.db
      .select({ id: partners.id, slug: partners.slug })
      .from(partners);
    nePlusJeter = rows.find((p) => p.slug === 'ne-plus-jeter')?.id ?? '';
    agsy = rows.find((p) => p.slug === 'agsy')?.id ?? '';
    expect([villageChinois, kourou, nePlusJeter, agsy].every(Boolean)).toBe(true);
  });
  afterAll(() => ctx.database.dispose());

  it('accepts exactly as many of 20 concurrent disbursements as the sub-fund can afford (10)', async () => {
    const fund = await openFund({
      code: 'T-CONCURRENT',
      name: 'Concurrence',
      kind: 'unrestricted',
    });
    await credit(fund, 15_000, '2014-01-15');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        money({
          subFundId: fund,
          amountCents: 1_500,
          purpose: `Décaissement concurrent n° ${i + 1}`,
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 422)).toHaveLength(10);
    for (const refused of results.filter((r) => r.status === 422))
      expect(await json<Problem>(refused)).toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    expect(await balance(fund)).toBe(0);
    // Straight from the database: ten outflows, and no day on which the sub-fund is below zero.
    const rows = await ctx.database.db
      .select({ amountCents: ledgerEntries.amountCents, createdAt: ledgerEntries.createdAt })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.subFundId, fund))
      .orderBy(ledgerEntries.occurredOn, ledgerEntries.createdAt);
    expect(rows.filter((r) => r.amountCents === -1_500)).toHaveLength(10);
    let running = 0;
    for (const row of rows) {
      running += row.amountCents;
      expect(running).toBeGreaterThanOrEqual(0);
    }
    expect(running).toBe(0);
  });

  it('refuses more than the available balance, with the field and a French reason', async () => {
    const fund = await openFund({ code: 'T-PLAFOND', name: 'Plafond', kind: 'unrestricted' });
    await credit(fund, 2_000, '2014-02-01');
    const over = await money({ subFundId: fund, amountCents: 2_001 });
    expect(over.status).toBe(422);
    const problem = await json<Problem>(over);
    expect(problem.code).toBe('INSUFFICIENT_BALANCE');
    expect(problem.detail).toMatch(/solde disponible/);
    expect(problem.errors?.map((e) => e.field)).toEqual(['amountCents']);
    const exact = await money({ subFundId: fund, amountCents: 2_000 });
    expect(exact.status).toBe(201);
    const made = await json<Disbursement>(exact);
    expect(made).toMatchObject({
      amountCents: 2_000,
      beneficiaryName: 'Centre SECCOIA du Village Chinois',
      reversed: false,
    });
    const [entry] = await ctx.database.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.id, made.ledgerEntryId ?? ''));
    expect(entry).toMatchObject({
      amountCents: -2_000,
      kind: 'disbursement',
      disbursementId: made.id,
    });
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, made.id), eq(auditLog.action, 'fund.disbursement.create')));
    expect(audit?.actorEmail).toBe('admin@lakou.test');
  });

  it('never spends money before it arrived: a backdated outflow must be covered on every later day', async () => {
    const fund = await openFund({ code: 'T-ANTIDATE', name: 'Antidaté', kind: 'unrestricted' });
    await credit(fund, 2_000, '2014-06-01');
    const early = await money({
      subFundId: fund,
      amountCents: 1_000,
      decisionOn: '2014-05-01',
      paidOn: '2014-05-01',
    });
    expect(early.status).toBe(422);
    expect(await json<Problem>(early)).toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    const onTime = await money({
      subFundId: fund,
      amountCents: 1_000,
      decisionOn: '2014-05-20',
      paidOn: '2014-06-02',
    });
    expect(onTime.status).toBe(201);
  });

  it('keeps the capital of a non-consumable endowment, spends a consumable one', async () => {
    const kept = await openFund({ code: 'T-DOTATION', name: 'Dotation', kind: 'endowment' });
    await credit(kept, 1_500_000, '2014-01-02');
    const refused = await money({ subFundId: kept, amountCents: 100 });
    expect(refused.status).toBe(422);
    const problem = await json<Problem>(refused);
    expect(problem.code).toBe('ENDOWMENT_NOT_CONSUMABLE');
    expect(problem.errors?.map((e) => e.field)).toEqual(['amountCents']);
    const consumable = await openFund({
      code: 'T-DOTATION-C',
      name: 'Dotation consommable',
      kind: 'endowment',
      consumable: true,
    });
    await credit(consumable, 50_000, '2014-01-02');
    expect((await money({ subFundId: consumable, amountCents: 20_000 })).status).toBe(201);
    expect(await balance(consumable)).toBe(30_000);
  });

  it('spends money restricted to a centre only on that centre or its partner associations', async () => {
    const fund = await openFund({
      code: 'T-VC',
      name: 'Village Chinois',
      kind: 'restricted',
      centreId: villageChinois,
    });
    await credit(fund, 10_000, '2014-03-01');
    const elsewhere = await money({ subFundId: fund, amountCents: 1_000, centreId: kourou });
    expect(elsewhere.status).toBe(422);
    expect(await json<Problem>(elsewhere)).toMatchObject({ code: 'RESTRICTED_TO_CENTRE' });
    const otherPartner = await money({
      subFundId: fund,
      amountCents: 1_000,
      centreId: null,
      partnerId: agsy,
    });
    expect(otherPartner.status).toBe(422);
    const partner = await money({
      subFundId: fund,
      amountCents: 1_000,
      centreId: null,
      partnerId: nePlusJeter,
    });
    expect(partner.status).toBe(201);
    expect((await json<Disbursement>(partner)).beneficiaryName).toBe('Ne plus jeter');
    expect((await money({ subFundId: fund, amountCents: 1_000 })).status).toBe(201);
    expect(await balance(fund)).toBe(8_000);
  });

  it('passes goods received in kind on once, valued at their valuations, with no ledger entry', async () => {
    const base = {
      organisationId: org,
      kind: 'in_kind',
      category: 'furniture',
      quantity: 2,
      unit: 'piece',
      valuationMethod: 'market_value',
      centreId: villageChinois,
      receivedOn: '2014-04-01',
    };
    const gifts = await ctx.database.db
      .insert(donations)
      .values([
        { ...base, description: 'Deux bureaux', amountCents: 12_000 },
        { ...base, description: 'Une armoire', amountCents: 3_500 },
        { ...base, description: 'Un canapé', amountCents: 9_900 },
      ])
      .returning({ id: donations.id });
    const [desks, wardrobe, sofa] = gifts.map((g) => g.id);
    const entriesBefore = await ctx.database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(ledgerEntries);
    const goods = (donationIds: (string | undefined)[]) =>
      call(ctx.app, 'POST', '/api/disbursements', {
        cookie: admin,
        body: {
          kind: 'goods',
          partnerId: nePlusJeter,
          donationIds,
          purpose: 'Mobilier pour la boutique solidaire',
          decisionOn: '2014-04-10',
          decisionRef: 'CA-2014-04',
          paidOn: '2014-04-15',
        },
      });
    const given = await goods([desks, wardrobe]);
    expect(given.status).toBe(201);
    const made = await json<Disbursement>(given);
    expect(made).toMatchObject({ kind: 'goods', amountCents: 15_500, ledgerEntryId: null });
    expect([...made.donationIds].sort()).toEqual([desks, wardrobe].sort());
    const entriesAfter = await ctx.database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(ledgerEntries);
    expect(entriesAfter[0]?.n).toBe(entriesBefore[0]?.n);

    const twice = await goods([wardrobe, sofa]);
    expect(twice.status).toBe(422);
    expect(await json<Problem>(twice)).toMatchObject({ code: 'ALREADY_PASSED_ON' });
    const unknown = await goods([sofa, crypto.randomUUID()]);
    expect(unknown.status).toBe(422);
    expect(await json<Problem>(unknown)).toMatchObject({ code: 'NOT_IN_KIND' });
    expect((await goods([sofa])).status).toBe(201);
  });

  it('lists disbursements by beneficiary and dates for readers; only the admin records them', async () => {
    const fund = await openFund({ code: 'T-LISTE', name: 'Liste', kind: 'unrestricted' });
    await credit(fund, 9_000, '2015-01-01');
    const a = await json<Disbursement>(
      await money({
        subFundId: fund,
        amountCents: 1_000,
        decisionOn: '2015-02-01',
        paidOn: '2015-02-01',
      }),
    );
    const b = await json<Disbursement>(
      await money({
        subFundId: fund,
        amountCents: 2_000,
        decisionOn: '2015-03-01',
        paidOn: '2015-03-01',
        centreId: kourou,
      }),
    );
    const page = await json<{ items: Disbursement[]; total: number }>(
      await call(ctx.app, 'GET', `/api/disbursements?subFundId=${fund}`, { cookie: manager }),
    );
    expect(page.items.map((d) => d.id)).toEqual([b.id, a.id]);
    const toKourou = await json<{ items: Disbursement[] }>(
      await call(ctx.app, 'GET', `/api/disbursements?subFundId=${fund}&centreId=${kourou}`, {
        cookie: board,
      }),
    );
    expect(toKourou.items.map((d) => d.id)).toEqual([b.id]);
    const february = await json<{ items: Disbursement[] }>(
      await call(ctx.app, 'GET', '/api/disbursements?from=2015-02-01&to=2015-02-28', {
        cookie: board,
      }),
    );
    expect(february.items.map((d) => d.id)).toEqual([a.id]);
    const one = await call(ctx.app, 'GET', `/api/disbursements/${a.id}`, { cookie: board });
    expect(await json<Disbursement>(one)).toMatchObject({ amountCents: 1_000 });
    expect(
      (await call(ctx.app, 'GET', `/api/disbursements/${crypto.randomUUID()}`, { cookie: board }))
        .status,
    ).toBe(404);
    const byManager = await call(ctx.app, 'POST', '/api/disbursements', {
      cookie: manager,
      body: { kind: 'money', subFundId: fund, amountCents: 100 },
    });
    expect(byManager.status).toBe(403);
    const noBeneficiary = await money({ subFundId: fund, amountCents: 100, centreId: null });
    expect(noBeneficiary.status).toBe(400);
    const beforeDecision = await money({
      subFundId: fund,
      amountCents: 100,
      decisionOn: '2015-03-02',
      paidOn: '2015-03-01',
    });
    expect(beforeDecision.status).toBe(400);
  });
});
