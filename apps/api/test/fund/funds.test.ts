import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, donations, ledgerEntries } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users.ts';
import { organisationId } from '../../src/fund/fund.queries.ts';
import { call, engines, json, seededApp, signIn } from '../harness.ts';

interface SubFund {
  id: string;
  code: string;
  kind: string;
  balanceCents: number;
  availableCents: number;
  grantId: string | null;
}
interface Overview {
  at: string;
  items: SubFund[];
  totals: {
    balanceCents: number;
    availableCents: number;
    unrestrictedCents: number;
    restrictedCents: number;
    endowmentCents: number;
    inKindYearCents: number;
  };
}
interface Entry {
  id: string;
  subFundId: string;
  occurredOn: string;
  amountCents: number;
  kind: string;
  reversesId: string | null;
  reversedById: string | null;
  reason: string | null;
  disbursementId: string | null;
}
interface Problem {
  code?: string;
  detail: string;
  errors?: { field: string }[];
}

/*
 * Money comes into the test sub-funds by ledger entries inserted directly (kind `donation`,
 * without a donation row): these tests are about sub-funds, balances and corrections, not about
 * recording gifts. Outflows go through the API (POST /api/disbursements). Dates are in 2011–2013,
 * years the demo seed does not touch, so balances there hold only what the tests wrote.
 */
describe.each(engines)('sub-funds, balances at a date and ledger corrections (%s)', (kind) => {
  let ctx: Awaited<ReturnType<typeof seededApp>>;
  let admin: string;
  let manager: string;
  let board: string;
  let org: string;
  let centreId: string;

  const openFund = async (body: Record<string, unknown>) => {
    const res = await call(ctx.app, 'POST', '/api/funds', { cookie: admin, body });
    expect(res.status).toBe(201);
    return json<SubFund>(res);
  };
  const credit = async (subFundId: string, amountCents: number, occurredOn: string) => {
    const [row] = await ctx.database.db
      .insert(ledgerEntries)
      .values({
        organisationId: org,
        subFundId,
        occurredOn,
        amountCents,
        kind: 'donation',
        label: 'Don (test)',
      })
      .returning();
    return row?.id ?? '';
  };
  const disburse = (subFundId: string, amountCents: number, paidOn: string) =>
    call(ctx.app, 'POST', '/api/disbursements', {
      cookie: admin,
      body: {
        kind: 'money',
        centreId,
        subFundId,
        amountCents,
        purpose: 'Achat de matériel',
        decisionOn: paidOn,
        decisionRef: 'CA-TEST',
        paidOn,
      },
    });
  const overview = async (at?: string) => {
    const res = await call(ctx.app, 'GET', `/api/funds${at ? `?at=${at}` : ''}`, { cookie: board });
    expect(res.status).toBe(200);
    return json<Overview>(res);
  };
  const balanceOn = async (id: string, at: string) =>
    (await overview(at)).items.find((f) => f.id === id)?.balanceCents;
  const correct = (entryId: string, body: Record<string, unknown>) =>
    call(ctx.app, 'POST', `/api/ledger/${entryId}/corrections`, { cookie: admin, body });
  const ledger = async (query: string) => {
    const res = await call(ctx.app, 'GET', `/api/ledger?${query}`, { cookie: manager });
    expect(res.status).toBe(200);
    return json<{ items: Entry[]; total: number }>(res);
  };

  beforeAll(async () => {
    ctx = await seededApp(kind);
    admin = await signIn(ctx.app, 'admin@lakou.test', DEMO_PASSWORD);
    manager = await signIn(ctx.app, 'gestion@lakou.test', DEMO_PASSWORD);
    board = await signIn(ctx.app, 'ca@lakou.test', DEMO_PASSWORD);
    org = (await organisationId(ctx.database.db)) ?? '';
    const centres = await json<{ items: { id: string; slug: string }[] }>(
      await call(ctx.app, 'GET', '/api/centres'),
    );
    centreId = centres.items.find((c) => c.slug === 'cayenne-village-chinois')?.id ?? '';
  });
  afterAll(() => ctx.database.dispose());

  it('opens sub-funds for the admin only, each code once, with clear refusals', async () => {
    const fund = await openFund({ code: 'T-OUVERT', name: 'Fonds de test', kind: 'unrestricted' });
    expect(fund).toMatchObject({ code: 'T-OUVERT', balanceCents: 0, availableCents: 0 });
    const again = await call(ctx.app, 'POST', '/api/funds', {
      cookie: admin,
      body: { code: 'T-OUVERT', name: 'Autre nom', kind: 'unrestricted' },
    });
    expect(again.status).toBe(409);
    expect(await json<Problem>(again)).toMatchObject({ code: 'CODE_TAKEN' });
    const noPurpose = await call(ctx.app, 'POST', '/api/funds', {
      cookie: admin,
      body: { code: 'T-AFFECTE', name: 'Affecté sans objet', kind: 'restricted' },
    });
    expect(noPurpose.status).toBe(400);
    expect((await json<Problem>(noPurpose)).errors?.map((e) => e.field)).toEqual(['purpose']);
    const unknownCentre = await call(ctx.app, 'POST', '/api/funds', {
      cookie: admin,
      body: {
        code: 'T-CENTRE',
        name: 'Centre inconnu',
        kind: 'restricted',
        centreId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(unknownCentre.status).toBe(422);
    const byManager = await call(ctx.app, 'POST', '/api/funds', {
      cookie: manager,
      body: { code: 'T-GESTION', name: 'Par un gestionnaire', kind: 'unrestricted' },
    });
    expect(byManager.status).toBe(403);
    const read = await call(ctx.app, 'GET', `/api/funds/${fund.id}`, { cookie: manager });
    expect(read.status).toBe(200);
    expect(
      (await call(ctx.app, 'GET', `/api/funds/${crypto.randomUUID()}`, { cookie: board })).status,
    ).toBe(404);
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, fund.id), eq(auditLog.action, 'fund.sub-fund.create')));
    expect(audit?.actorEmail).toBe('admin@lakou.test');
  });

  it('gives the balances at the end of any day: the sum of the entries up to that day', async () => {
    const libre = await openFund({ code: 'T-DATES', name: 'Libre daté', kind: 'unrestricted' });
    const capital = await openFund({
      code: 'T-CAPITAL',
      name: 'Dotation de test',
      kind: 'endowment',
    });
    await credit(libre.id, 10_000, '2011-01-10');
    await credit(libre.id, 2_500, '2011-02-15');
    expect((await disburse(libre.id, 4_000, '2011-03-01')).status).toBe(201);
    await credit(capital.id, 1_500_000, '2011-02-01');

    expect(await balanceOn(libre.id, '2011-01-09')).toBe(0);
    expect(await balanceOn(libre.id, '2011-01-10')).toBe(10_000);
    expect(await balanceOn(libre.id, '2011-02-14')).toBe(10_000);
    expect(await balanceOn(libre.id, '2011-02-15')).toBe(12_500);
    expect(await balanceOn(libre.id, '2011-02-28')).toBe(12_500);
    expect(await balanceOn(libre.id, '2011-03-01')).toBe(8_500);
    expect((await overview()).items.find((f) => f.id === libre.id)?.balanceCents).toBe(8_500);
    const one = await json<SubFund>(
      await call(ctx.app, 'GET', `/api/funds/${libre.id}?at=2011-02-15`, { cookie: board }),
    );
    expect(one.balanceCents).toBe(12_500);

    // Totals by bucket: nothing else happened in early 2011, so the differences are ours.
    const before = await overview('2011-01-09');
    const after = await overview('2011-02-20');
    expect(after.at).toBe('2011-02-20');
    expect(after.totals.unrestrictedCents - before.totals.unrestrictedCents).toBe(12_500);
    expect(after.totals.endowmentCents - before.totals.endowmentCents).toBe(1_500_000);
    expect(after.totals.balanceCents - before.totals.balanceCents).toBe(1_512_500);
    // A non-consumable endowment holds its capital but none of it is available.
    expect(after.items.find((f) => f.id === capital.id)).toMatchObject({
      balanceCents: 1_500_000,
      availableCents: 0,
    });
    expect(after.totals.availableCents - before.totals.availableCents).toBe(12_500);

    const bad = await call(ctx.app, 'GET', '/api/funds?at=20-02-2011', { cookie: board });
    expect(bad.status).toBe(400);

    // The ledger, newest first, by sub-fund and dates.
    const page = await ledger(`subFundId=${libre.id}&from=2011-01-01&to=2011-02-28`);
    expect(page.total).toBe(2);
    expect(page.items.map((e) => [e.occurredOn, e.amountCents])).toEqual([
      ['2011-02-15', 2_500],
      ['2011-01-10', 10_000],
    ]);
    const outflows = await ledger(`subFundId=${libre.id}&kind=disbursement`);
    expect(outflows.items.map((e) => e.amountCents)).toEqual([-4_000]);
  });

  it('counts the gifts in kind of the year up to the day asked', async () => {
    const base = {
      organisationId: org,
      kind: 'in_kind',
      description: 'Chaises pliantes',
      category: 'furniture',
      quantity: 4,
      unit: 'piece',
      valuationMethod: 'estimate',
      centreId,
    };
    await ctx.database.db.insert(donations).values([
      { ...base, receivedOn: '2012-12-20', amountCents: 1_000 },
      { ...base, receivedOn: '2013-03-01', amountCents: 4_000 },
      { ...base, receivedOn: '2013-06-01', amountCents: 2_000 },
    ]);
    expect((await overview('2013-05-31')).totals.inKindYearCents).toBe(4_000);
    expect((await overview('2013-12-31')).totals.inKindYearCents).toBe(6_000);
    expect((await overview('2012-12-31')).totals.inKindYearCents).toBe(1_000);
  });

  it('corrects an entry by a reversing entry with its reason, once, keeping the original', async () => {
    const fund = await openFund({ code: 'T-CORR', name: 'Corrections', kind: 'unrestricted' });
    const original = await credit(fund.id, 5_000, '2012-05-01');
    const tooShort = await correct(original, { reason: 'non' });
    expect(tooShort.status).toBe(400);
    const before = await correct(original, {
      reason: 'Saisie en double',
      occurredOn: '2012-04-30',
    });
    expect(before.status).toBe(422);
    expect(await json<Problem>(before)).toMatchObject({ code: 'CORRECTION_BEFORE_ENTRY' });
    expect((await correct(original, { reason: 'Saisie en double' })).status).toBe(201);

    const again = await correct(original, { reason: 'Saisie en double, encore' });
    expect(again.status).toBe(409);
    expect(await json<Problem>(again)).toMatchObject({ code: 'ALREADY_REVERSED' });

    const entries = await ledger(`subFundId=${fund.id}`);
    expect(entries.total).toBe(2);
    const kept = entries.items.find((e) => e.id === original);
    const reversal = entries.items.find((e) => e.reversesId === original);
    expect(kept).toMatchObject({ amountCents: 5_000, kind: 'donation' });
    expect(reversal).toMatchObject({
      amountCents: -5_000,
      kind: 'correction',
      reason: 'Saisie en double',
    });
    expect(kept?.reversedById).toBe(reversal?.id);
    // The balance before the correction's day still shows the gift; today it is gone.
    expect(await balanceOn(fund.id, '2012-05-01')).toBe(5_000);
    expect((await overview()).items.find((f) => f.id === fund.id)?.balanceCents).toBe(0);

    const ofCorrection = await correct(reversal?.id ?? '', { reason: 'Annuler la correction' });
    expect(ofCorrection.status).toBe(422);
    expect(await json<Problem>(ofCorrection)).toMatchObject({ code: 'CORRECTION_NOT_REVERSIBLE' });

    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityId, reversal?.id ?? ''), eq(auditLog.action, 'fund.ledger.correct')),
      );
    expect(audit?.actorEmail).toBe('admin@lakou.test');
    expect((await correct(crypto.randomUUID(), { reason: 'Inconnu au bataillon' })).status).toBe(
      404,
    );
    const byManager = await call(ctx.app, 'POST', `/api/ledger/${original}/corrections`, {
      cookie: manager,
      body: { reason: 'Par un gestionnaire' },
    });
    expect(byManager.status).toBe(403);
  });

  it('refuses to reverse money already spent, until the spending is reversed', async () => {
    const fund = await openFund({ code: 'T-DEPENSE', name: 'Déjà dépensé', kind: 'unrestricted' });
    const gift = await credit(fund.id, 3_000, '2012-06-01');
    const spent = await disburse(fund.id, 2_000, '2012-06-10');
    expect(spent.status).toBe(201);
    const disbursement = await json<{ id: string; ledgerEntryId: string }>(spent);

    const refused = await correct(gift, { reason: 'Chèque sans provision' });
    expect(refused.status).toBe(422);
    expect(await json<Problem>(refused)).toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    expect((await overview()).items.find((f) => f.id === fund.id)?.balanceCents).toBe(1_000);

    const undo = await correct(disbursement.ledgerEntryId, { reason: 'Virement revenu impayé' });
    expect(undo.status).toBe(201);
    expect(await json<Entry>(undo)).toMatchObject({ amountCents: 2_000, kind: 'correction' });
    const shown = await json<{ reversed: boolean }>(
      await call(ctx.app, 'GET', `/api/disbursements/${disbursement.id}`, { cookie: board }),
    );
    expect(shown.reversed).toBe(true);

    expect((await correct(gift, { reason: 'Chèque sans provision' })).status).toBe(201);
    expect((await overview()).items.find((f) => f.id === fund.id)?.balanceCents).toBe(0);
  });

  it('refuses UPDATE and DELETE of ledger entries in the database itself', async () => {
    const fund = await openFund({ code: 'T-FIGE', name: 'Append-only', kind: 'unrestricted' });
    const id = await credit(fund.id, 700, '2012-07-01');
    await expect(
      ctx.database.db.execute(sql`update ledger_entries set amount_cents = 70000 where id = ${id}`),
    ).rejects.toThrow();
    await expect(
      ctx.database.db.execute(sql`delete from ledger_entries where id = ${id}`),
    ).rejects.toThrow();
    // The refusal comes from the append-only trigger, not from some other error.
    const message = await ctx.database.db
      .execute(sql`delete from ledger_entries where id = ${id}`)
      .then(
        () => '',
        (error: unknown) => {
          let text = '';
          for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
            text += ` ${(e as Error).message}`;
          return text;
        },
      );
    expect(message).toMatch(/append-only/);
    const [row] = await ctx.database.db
      .select({ amountCents: ledgerEntries.amountCents })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.id, id));
    expect(row?.amountCents).toBe(700);
  });
});
