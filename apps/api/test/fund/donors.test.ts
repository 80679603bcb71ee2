import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  donations,
  donors,
  grants,
  ledgerEntries,
  organisations,
  receiptDonations,
  receipts,
} from '../../src/db/schema/index.ts';
import { call, engines, json, seededApp } from '../harness.ts';
import { type Ctx, ensureSubFunds, fundCounts, people, today } from './donations-setup.ts';

interface Donor {
  id: string;
  kind: string;
  name: string;
  email: string | null;
  phone: string | null;
  addressLine: string | null;
  postcode: string | null;
  city: string | null;
  siret: string | null;
  consentToContact: boolean;
  notes: string | null;
  erasedAt: string | null;
  totalGivenCents: number;
  lastGiftOn: string | null;
}

describe.each(engines)('donors: records, search, GDPR export and erasure (%s)', (kind) => {
  let ctx: Ctx;
  let who: Awaited<ReturnType<typeof people>>;
  let funds: Awaited<ReturnType<typeof ensureSubFunds>>;

  const hélène = {
    kind: 'individual',
    name: 'Hélène Zéphirin-Matrice',
    email: 'Helene.Zephirin@exemple.gf',
    phone: '0594 11 22 33',
    addressLine: '12 rue Lallouette',
    postcode: '97300',
    city: 'Cayenne',
    consentToContact: true,
    notes: 'Préfère être appelée le matin.',
  };

  const createDonor = async (body: Record<string, unknown>, cookie = who.manager) => {
    const res = await call(ctx.app, 'POST', '/api/donors', { cookie, body });
    expect(res.status, await res.clone().text()).toBe(201);
    return json<Donor>(res);
  };

  const orgId = async () => {
    const [org] = await ctx.database.db.select({ id: organisations.id }).from(organisations);
    if (!org) throw new Error('no organisation');
    return org.id;
  };

  beforeAll(async () => {
    ctx = await seededApp(kind);
    who = await people(ctx);
    funds = await ensureSubFunds(ctx);
    // The demo seed takes most of a minute on a busy machine.
  }, 180_000);
  afterAll(() => ctx.database.dispose());

  it('records a donor, finds them without accents or case, and filters by kind', async () => {
    const made = await createDonor(hélène);
    expect(made).toMatchObject({
      name: 'Hélène Zéphirin-Matrice',
      email: 'helene.zephirin@exemple.gf',
      city: 'Cayenne',
      consentToContact: true,
      erasedAt: null,
      totalGivenCents: 0,
      lastGiftOn: null,
    });
    const company = await createDonor({
      kind: 'company',
      name: 'Matrice Menuiserie SARL',
      siret: '732 829 320 00074',
    });
    expect(company.siret).toBe('73282932000074');

    const found = await json<{ items: Donor[]; total: number }>(
      await call(ctx.app, 'GET', '/api/donors?q=helene%20zephirin', { cookie: who.board }),
    );
    expect(found.items.map((d) => d.id)).toEqual([made.id]);
    const byMail = await json<{ items: Donor[] }>(
      await call(ctx.app, 'GET', '/api/donors?q=exemple.gf', { cookie: who.board }),
    );
    expect(byMail.items.map((d) => d.id)).toContain(made.id);
    const companies = await json<{ items: Donor[] }>(
      await call(ctx.app, 'GET', '/api/donors?kind=company&q=matrice&pageSize=100', {
        cookie: who.manager,
      }),
    );
    expect(companies.items.map((d) => d.id)).toEqual([company.id]);

    const one = await call(ctx.app, 'GET', `/api/donors/${made.id}`, { cookie: who.board });
    expect(one.status).toBe(200);
    const missing = await call(ctx.app, 'GET', '/api/donors/00000000-0000-4000-8000-000000000000', {
      cookie: who.board,
    });
    expect(missing.status).toBe(404);
    expect((await json<{ detail: string }>(missing)).detail).toBe('Ce donateur n’existe pas.');
  });

  it('refuses bad input in French and writes nothing', async () => {
    const before = await fundCounts(ctx);
    const siret = await call(ctx.app, 'POST', '/api/donors', {
      cookie: who.manager,
      body: { kind: 'individual', name: 'Jean Matrice', siret: '73282932000074' },
    });
    expect(siret.status).toBe(400);
    const problem = await json<{ errors: { field: string; message: string }[] }>(siret);
    expect(problem.errors).toContainEqual({
      field: 'siret',
      message: 'Un particulier n’a pas de SIRET.',
    });
    const badMail = await call(ctx.app, 'POST', '/api/donors', {
      cookie: who.manager,
      body: { kind: 'individual', name: 'Jean Matrice', email: 'jean@' },
    });
    expect(badMail.status).toBe(400);
    expect((await json<{ errors: { field: string }[] }>(badMail)).errors[0]?.field).toBe('email');
    const board = await call(ctx.app, 'POST', '/api/donors', {
      cookie: who.board,
      body: { kind: 'individual', name: 'Jean Matrice' },
    });
    expect(board.status).toBe(403);
    expect(await fundCounts(ctx)).toEqual(before);
  });

  it('changes only the fields sent, checks the donor whole, and audits without personal data', async () => {
    const d = await createDonor({ ...hélène, name: 'Paulette Matrice', email: null });
    const res = await call(ctx.app, 'PATCH', `/api/donors/${d.id}`, {
      cookie: who.manager,
      body: { city: 'Rémire-Montjoly', consentToContact: false },
    });
    expect(res.status).toBe(200);
    const after = await json<Donor>(res);
    expect(after).toMatchObject({
      name: 'Paulette Matrice',
      phone: '0594 11 22 33',
      city: 'Rémire-Montjoly',
      consentToContact: false,
    });
    const [row] = await ctx.database.db.select().from(donors).where(eq(donors.id, d.id));
    expect(row?.consentAt).toBeNull();
    const search = await json<{ items: Donor[] }>(
      await call(ctx.app, 'GET', '/api/donors?q=paulette%20matrice%20remire', {
        cookie: who.manager,
      }),
    );
    expect(search.items.map((x) => x.id)).toEqual([d.id]);

    const bad = await call(ctx.app, 'PATCH', `/api/donors/${d.id}`, {
      cookie: who.manager,
      body: { siret: '73282932000074' },
    });
    expect(bad.status).toBe(400);
    const still = await json<Donor>(
      await call(ctx.app, 'GET', `/api/donors/${d.id}`, { cookie: who.manager }),
    );
    expect(still.siret).toBeNull();

    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, d.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['fund.donor.create', 'fund.donor.update']);
    const text = JSON.stringify(audits.map((a) => [a.before, a.after]));
    expect(text).not.toContain('Paulette');
    expect(text).not.toContain('0594');
    expect(audits.find((a) => a.action === 'fund.donor.update')?.after).toMatchObject({
      fields: expect.arrayContaining(['city', 'consentToContact']),
    });
  });

  it('exports every piece of personal data held, as a download, to those who record gifts', async () => {
    const d = await createDonor({
      ...hélène,
      name: 'Odile Matrice-Export',
      email: 'odile@exemple.gf',
    });
    const gift = await call(ctx.app, 'POST', '/api/donations', {
      cookie: who.manager,
      body: {
        kind: 'money',
        donorId: d.id,
        receivedOn: today().toString(),
        amountCents: 12_345,
        method: 'cheque',
        subFundId: funds.LIBRE,
        reference: 'CHQ-EXPORT-1',
        note: null,
      },
    });
    expect(gift.status).toBe(201);
    const res = await call(ctx.app, 'GET', `/api/donors/${d.id}/export`, { cookie: who.manager });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="donateur-${d.id}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    );
    const body = await json<{
      donor: Donor & { consentAt: string | null };
      donations: { amountCents: number; reference: string }[];
      receipts: unknown[];
      grants: unknown[];
    }>(res);
    expect(body.donor).toMatchObject({
      name: 'Odile Matrice-Export',
      email: 'odile@exemple.gf',
      phone: '0594 11 22 33',
      addressLine: '12 rue Lallouette',
      postcode: '97300',
      city: 'Cayenne',
      notes: 'Préfère être appelée le matin.',
      consentToContact: true,
      totalGivenCents: 12_345,
      lastGiftOn: today().toString(),
    });
    expect(body.donor.consentAt).not.toBeNull();
    expect(body.donations).toMatchObject([{ amountCents: 12_345, reference: 'CHQ-EXPORT-1' }]);
    expect(body.receipts).toEqual([]);
    expect(body.grants).toEqual([]);

    const foundation = await createDonor({ kind: 'foundation', name: 'Fondation Matrice' });
    await ctx.database.db.insert(grants).values({
      organisationId: await orgId(),
      funderId: foundation.id,
      callForProjects: 'Appel Matrice 2026',
      project: 'Atelier vélo solidaire',
      amountRequestedCents: 800_000,
    });
    const fromFoundation = await json<{ grants: { project: string }[] }>(
      await call(ctx.app, 'GET', `/api/donors/${foundation.id}/export`, { cookie: who.admin }),
    );
    expect(fromFoundation.grants).toMatchObject([{ project: 'Atelier vélo solidaire' }]);

    const boardRes = await call(ctx.app, 'GET', `/api/donors/${d.id}/export`, {
      cookie: who.board,
    });
    expect(boardRes.status).toBe(403);
  });

  it('erases a donor: anonymous from then on, gifts and ledger kept, no way back', async () => {
    const d = await createDonor({
      ...hélène,
      name: 'Yvette Matrice-Oubli',
      email: 'yvette@exemple.gf',
    });
    const gift = await json<{ id: string; ledgerEntryId: string }>(
      await call(ctx.app, 'POST', '/api/donations', {
        cookie: who.manager,
        body: {
          kind: 'money',
          donorId: d.id,
          receivedOn: today().toString(),
          amountCents: 5_000,
          method: 'cash',
          subFundId: funds.JARDINS,
          reference: null,
          note: null,
        },
      }),
    );
    // A receipt issued before (written directly: receipts are another part's API).
    const snapshot = { donor: { name: 'Yvette Matrice-Oubli', city: 'Cayenne' } };
    const [receipt] = await ctx.database.db
      .insert(receipts)
      .values({
        organisationId: await orgId(),
        year: 2001,
        sequence: 1,
        number: '2001-000001',
        kind: 'single',
        donorId: d.id,
        issuedOn: today().toString(),
        totalCents: 5_000,
        moneyCents: 5_000,
        inKindCents: 0,
        snapshot,
      })
      .returning();
    if (!receipt) throw new Error('receipt not written');
    await ctx.database.db
      .insert(receiptDonations)
      .values({ receiptId: receipt.id, donationId: gift.id });
    const path = `/api/donors/${d.id}/erase`;
    expect(
      (await call(ctx.app, 'POST', path, { cookie: who.manager, body: { confirm: true } })).status,
    ).toBe(403);
    const unconfirmed = await call(ctx.app, 'POST', path, { cookie: who.admin, body: {} });
    expect(unconfirmed.status).toBe(400);
    expect(JSON.stringify(await json(unconfirmed))).toContain('Confirmez l’effacement');
    const still = await json<Donor>(
      await call(ctx.app, 'GET', `/api/donors/${d.id}`, { cookie: who.admin }),
    );
    expect(still.name).toBe('Yvette Matrice-Oubli');

    const res = await call(ctx.app, 'POST', path, { cookie: who.admin, body: { confirm: true } });
    expect(res.status).toBe(200);
    const erased = await json<Donor & { notice: string }>(res);
    expect(erased).toMatchObject({
      id: d.id,
      kind: 'individual',
      name: 'Donateur anonymisé',
      email: null,
      phone: null,
      addressLine: null,
      postcode: null,
      city: null,
      notes: null,
      siret: null,
      consentToContact: false,
      totalGivenCents: 5_000,
    });
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.notice).toMatch(/reçus fiscaux/);

    // The gift and its ledger entry are still there, on the anonymous donor.
    const [kept] = await ctx.database.db.select().from(donations).where(eq(donations.id, gift.id));
    expect(kept).toMatchObject({ donorId: d.id, amountCents: 5_000 });
    const [entry] = await ctx.database.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.id, gift.ledgerEntryId));
    expect(entry).toMatchObject({ amountCents: 5_000, donationId: gift.id });
    expect(entry?.label).not.toMatch(/Yvette/);
    const giftView = await json<{ donorName: string }>(
      await call(ctx.app, 'GET', `/api/donations/${gift.id}`, { cookie: who.board }),
    );
    expect(giftView.donorName).toBe('Donateur anonymisé');
    // The receipt's copy is kept as issued: a legal obligation, said in the answer.
    const [keptReceipt] = await ctx.database.db
      .select()
      .from(receipts)
      .where(eq(receipts.id, receipt.id));
    expect(keptReceipt).toMatchObject({ status: 'issued', donorId: d.id, snapshot });

    // Nothing of the person is left to find, in the donors table or the audit log.
    const search = await json<{ total: number }>(
      await call(ctx.app, 'GET', '/api/donors?q=yvette', { cookie: who.admin }),
    );
    expect(search.total).toBe(0);
    const [raw] = await ctx.database.db
      .select({ text: sql<string>`row_to_json(${donors})::text` })
      .from(donors)
      .where(eq(donors.id, d.id));
    expect(raw?.text).not.toMatch(/Yvette|yvette|0594|Lallouette/);
    const audits = await ctx.database.db
      .select({
        text: sql<string>`coalesce(${auditLog.before}::text, '') || coalesce(${auditLog.after}::text, '')`,
      })
      .from(auditLog);
    expect(audits.some((a) => /Yvette|yvette@/.test(a.text))).toBe(false);
    const [entryText] = await ctx.database.db
      .select({ text: sql<string>`row_to_json(${ledgerEntries})::text` })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.donationId, gift.id));
    expect(entryText?.text).not.toMatch(/Yvette/);

    const again = await call(ctx.app, 'POST', path, { cookie: who.admin, body: { confirm: true } });
    expect(again.status).toBe(409);
    const patch = await call(ctx.app, 'PATCH', `/api/donors/${d.id}`, {
      cookie: who.manager,
      body: { name: 'Yvette Matrice-Oubli' },
    });
    expect(patch.status).toBe(409);
    expect((await json<{ code: string }>(patch)).code).toBe('DONOR_ERASED');
    const newGift = await call(ctx.app, 'POST', '/api/donations', {
      cookie: who.manager,
      body: {
        kind: 'money',
        donorId: d.id,
        receivedOn: today().toString(),
        amountCents: 100,
        method: 'cash',
        subFundId: funds.LIBRE,
        reference: null,
        note: null,
      },
    });
    expect(newGift.status).toBe(422);
    const exported = await call(ctx.app, 'GET', `/api/donors/${d.id}/export`, {
      cookie: who.manager,
    });
    expect(exported.status).toBe(200);
    const after = await json<{ donor: Donor; receipts: { number: string }[] }>(exported);
    expect(after.donor.name).toBe('Donateur anonymisé');
    expect(after.receipts.map((r) => r.number)).toEqual(['2001-000001']);
  });
});
