import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, ledgerEntries, partners } from '../../src/db/schema/index.ts';
import { call, engines, json, seededApp } from '../harness.ts';
import { type Ctx, ensureSubFunds, fundCounts, people, today } from './donations-setup.ts';

interface Donation {
  id: string;
  kind: 'money' | 'in_kind';
  donorId: string | null;
  donorName: string | null;
  receivedOn: string;
  amountCents: number;
  method: string | null;
  subFundId: string | null;
  reference: string | null;
  centreId: string | null;
  partnerId: string | null;
  category: string | null;
  massGrams: number | null;
  circularStream: string | null;
  receiptId: string | null;
  ledgerEntryId: string | null;
}

describe.each(engines)('gifts in money and in kind (%s)', (kind) => {
  let ctx: Ctx;
  let who: Awaited<ReturnType<typeof people>>;
  let funds: Awaited<ReturnType<typeof ensureSubFunds>>;
  let donorId: string;
  let partnerId: string;
  const day = () => today().toString();

  const balance = async (subFundId: string) => {
    const [r] = await ctx.database.db
      .select({ n: sql<number>`coalesce(sum(${ledgerEntries.amountCents}), 0)`.mapWith(Number) })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.subFundId, subFundId));
    return r?.n ?? 0;
  };
  const money = (body: Record<string, unknown> = {}, cookie = who.manager) =>
    call(ctx.app, 'POST', '/api/donations', {
      cookie,
      body: {
        kind: 'money',
        donorId,
        receivedOn: day(),
        amountCents: 25_000,
        method: 'cheque',
        subFundId: funds.JARDINS,
        reference: null,
        note: null,
        ...body,
      },
    });
  const furniture = (body: Record<string, unknown> = {}, cookie = who.manager) =>
    call(ctx.app, 'POST', '/api/donations', {
      cookie,
      body: {
        kind: 'in_kind',
        donorId,
        receivedOn: day(),
        description: 'Six chaises et une table de réunion',
        category: 'furniture',
        quantity: 7,
        unit: 'piece',
        condition: 'good',
        valuationCents: 42_000,
        valuationMethod: 'market_value',
        evidence: 'Annonces comparables relevées le jour du don',
        centreId: who.villageChinois,
        massGrams: 58_000,
        ...body,
      },
    });

  beforeAll(async () => {
    ctx = await seededApp(kind);
    who = await people(ctx);
    funds = await ensureSubFunds(ctx);
    const donor = await json<{ id: string }>(
      await call(ctx.app, 'POST', '/api/donors', {
        cookie: who.manager,
        body: { kind: 'individual', name: 'Gaston Matrice-Don' },
      }),
    );
    donorId = donor.id;
    const [partner] = await ctx.database.db.select({ id: partners.id }).from(partners).limit(1);
    if (!partner) throw new Error('no demo partner');
    partnerId = partner.id;
    // The demo seed takes most of a minute on a busy machine.
  }, 180_000);
  afterAll(() => ctx.database.dispose());

  it('a cheque makes a donation and its ledger entry on the sub-fund, in one go', async () => {
    const before = await balance(funds.JARDINS);
    const res = await money({ reference: 'CHQ 0004512', note: 'Remis à l’accueil' });
    expect(res.status, await res.clone().text()).toBe(201);
    const gift = await json<Donation>(res);
    expect(gift).toMatchObject({
      kind: 'money',
      donorId,
      donorName: 'Gaston Matrice-Don',
      amountCents: 25_000,
      method: 'cheque',
      subFundId: funds.JARDINS,
      reference: 'CHQ 0004512',
      receiptId: null,
    });
    expect(await balance(funds.JARDINS)).toBe(before + 25_000);
    const [entry] = await ctx.database.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.donationId, gift.id));
    expect(entry).toMatchObject({
      id: gift.ledgerEntryId,
      kind: 'donation',
      amountCents: 25_000,
      subFundId: funds.JARDINS,
      occurredOn: day(),
      // A person's name stays out of the append-only ledger (it could never be erased there).
      label: 'Don d’un particulier (chèque)',
    });
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, gift.id), eq(auditLog.action, 'fund.donation.money')));
    expect(audits).toHaveLength(1);

    const anonymous = await json<Donation>(await money({ donorId: null, amountCents: 2_000 }));
    const [anonEntry] = await ctx.database.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.donationId, anonymous.id));
    expect(anonEntry?.label).toBe('Don anonyme (chèque)');

    const company = await json<{ id: string }>(
      await call(ctx.app, 'POST', '/api/donors', {
        cookie: who.manager,
        body: { kind: 'company', name: 'Matrice Bois SARL' },
      }),
    );
    const fromCompany = await json<Donation>(
      await money({ donorId: company.id, method: 'transfer', amountCents: 100_000 }),
    );
    const [companyEntry] = await ctx.database.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.donationId, fromCompany.id));
    expect(companyEntry?.label).toBe('Don de Matrice Bois SARL (virement)');
  });

  it('refuses a bad gift with a French reason and changes nothing', async () => {
    const before = await fundCounts(ctx);
    const cases: [Response, number, string, string][] = [
      [await money({ amountCents: 0 }), 400, 'amountCents', 'Le montant doit être positif.'],
      [
        await money({ amountCents: 12.5 }),
        400,
        'amountCents',
        'Le montant est un nombre entier de centimes.',
      ],
      [
        await money({ method: 'bitcoin' }),
        400,
        'method',
        'Moyen de paiement attendu : transfer, cheque, cash ou card.',
      ],
      [
        await money({ subFundId: '00000000-0000-4000-8000-000000000000' }),
        422,
        'subFundId',
        'Ce sous-fonds n’existe pas.',
      ],
      [
        await money({ donorId: '00000000-0000-4000-8000-000000000000' }),
        422,
        'donorId',
        'Ce donateur n’existe pas.',
      ],
      [
        await money({ receivedOn: today().add({ days: 2 }).toString() }),
        422,
        'receivedOn',
        'Date dans le futur.',
      ],
      [
        await money({ reference: 'CHQ 0004512' }),
        409,
        'reference',
        'Un don porte déjà la référence « CHQ 0004512 ».',
      ],
      [
        await furniture({ category: 'food', massGrams: 1000 }),
        400,
        'massGrams',
        'La masse ne se saisit que pour une filière de l’économie circulaire.',
      ],
      [
        await furniture({ partnerId: '00000000-0000-4000-8000-000000000000' }),
        422,
        'partnerId',
        'Cette association partenaire n’existe pas.',
      ],
    ];
    for (const [res, status, field, message] of cases) {
      expect(res.status).toBe(status);
      const problem = await json<{ errors: { field: string; message: string }[] }>(res);
      expect(problem.errors).toContainEqual({ field, message });
    }
    const board = await money({}, who.board);
    expect(board.status).toBe(403);
    expect(await fundCounts(ctx)).toEqual(before);
  });

  it('goods: valued, received by a centre of the manager, mass counted for their stream, no ledger entry', async () => {
    const before = await fundCounts(ctx);
    const res = await furniture({ partnerId });
    expect(res.status, await res.clone().text()).toBe(201);
    const gift = await json<Donation>(res);
    expect(gift).toMatchObject({
      kind: 'in_kind',
      amountCents: 42_000,
      centreId: who.villageChinois,
      partnerId,
      category: 'furniture',
      massGrams: 58_000,
      circularStream: 'furniture',
      method: null,
      subFundId: null,
      ledgerEntryId: null,
    });
    const laptops = await json<Donation>(
      await furniture({
        description: 'Trois ordinateurs portables',
        category: 'it_equipment',
        quantity: 3,
        massGrams: 6_000,
        valuationMethod: 'invoice',
      }),
    );
    expect(laptops.circularStream).toBe('weee');
    const food = await json<Donation>(
      await furniture({ description: 'Colis de riz', category: 'food', massGrams: null }),
    );
    expect(food).toMatchObject({ massGrams: null, circularStream: null });
    const after = await fundCounts(ctx);
    expect(after.donations).toBe(before.donations + 3);
    expect(after.ledgerEntries).toBe(before.ledgerEntries);

    const elsewhere = await furniture({ centreId: who.elsewhere });
    expect(elsewhere.status).toBe(403);
    const admin = await furniture({ centreId: who.elsewhere }, who.admin);
    expect(admin.status).toBe(201);
    expect(await fundCounts(ctx)).toMatchObject({ donations: before.donations + 4 });
  });

  it('lists gifts newest first, filtered by kind, donor, centre, dates and receipt', async () => {
    const other = await json<{ id: string }>(
      await call(ctx.app, 'POST', '/api/donors', {
        cookie: who.manager,
        body: { kind: 'company', name: 'Matrice Liste SAS' },
      }),
    );
    const old = today().subtract({ days: 40 }).toString();
    await money({ donorId: other.id, receivedOn: old, amountCents: 700 });
    await money({ donorId: other.id, amountCents: 800 });
    await furniture({ donorId: other.id, centreId: who.elsewhere }, who.admin);

    const list = async (query: string) =>
      json<{ items: Donation[]; total: number }>(
        await call(ctx.app, 'GET', `/api/donations?donorId=${other.id}&${query}`, {
          cookie: who.board,
        }),
      );
    const all = await list('');
    expect(all.total).toBe(3);
    expect(all.items.map((d) => d.receivedOn)).toEqual([day(), day(), old]);
    expect((await list('kind=money')).items.map((d) => d.amountCents).sort()).toEqual([700, 800]);
    expect((await list('kind=in_kind')).items).toHaveLength(1);
    expect((await list(`centreId=${who.elsewhere}`)).items).toHaveLength(1);
    expect(
      (await list(`to=${today().subtract({ days: 1 })}`)).items.map((d) => d.amountCents),
    ).toEqual([700]);
    expect((await list(`from=${day()}`)).total).toBe(2);
    expect((await list('unreceipted=true')).total).toBe(3);
    expect((await list('unreceipted=false')).total).toBe(0);
    expect((await list('pageSize=1&page=2')).items).toHaveLength(1);

    const bad = await call(ctx.app, 'GET', '/api/donations?kind=cheque', { cookie: who.board });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await json(bad))).toContain('Type de don inconnu.');
    const missing = await call(
      ctx.app,
      'GET',
      '/api/donations/00000000-0000-4000-8000-000000000000',
      { cookie: who.board },
    );
    expect(missing.status).toBe(404);

    const donor = await json<{ totalGivenCents: number; lastGiftOn: string }>(
      await call(ctx.app, 'GET', `/api/donors/${other.id}`, { cookie: who.board }),
    );
    expect(donor).toMatchObject({ totalGivenCents: 700 + 800 + 42_000, lastGiftOn: day() });
  });
});
