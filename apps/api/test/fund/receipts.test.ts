import { and, eq, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  fundSettings,
  ledgerEntries,
  receiptCounters,
  receipts,
} from '../../src/db/schema/index.ts';
import { issueReceipt } from '../../src/fund/receipts.write.ts';
import { call, engines, json } from '../harness.ts';
import { FUND, receiptsContext } from './receipts-setup.ts';

interface Receipt {
  id: string;
  number: string;
  year: number;
  sequence: number;
  kind: 'single' | 'annual';
  donorId: string;
  donorName: string;
  totalCents: number;
  moneyCents: number;
  inKindCents: number;
  donationIds: string[];
  status: 'issued' | 'cancelled';
  cancelledAt: string | null;
  cancelReason: string | null;
  replacesId: string | null;
  replacedById: string | null;
}
interface Problem {
  status: number;
  code?: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** The fund keeps its calendar in Cayenne: receipts are numbered in its year. */
const thisYear = () => Temporal.Now.plainDateISO('America/Cayenne').year;

describe.each(engines)('tax receipts (%s)', (kind) => {
  let t: Awaited<ReturnType<typeof receiptsContext>>;

  beforeAll(async () => {
    t = await receiptsContext(kind);
  });
  afterAll(() => t.database.dispose());

  /** Every sequence used this year, in order: must always be 1…n. */
  const sequencesOfYear = async () =>
    (
      await t.db
        .select({ sequence: receipts.sequence })
        .from(receipts)
        .where(and(eq(receipts.organisationId, t.org), eq(receipts.year, thisYear())))
        .orderBy(receipts.sequence)
    ).map((r) => r.sequence);

  const auditOf = (action: string, entityId: string) =>
    t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

  it('asks for the fund’s identity before any receipt; only the admin writes it, in French', async () => {
    // Whatever the seed wrote, start from a fund without identity.
    await t.db.delete(fundSettings).where(eq(fundSettings.organisationId, t.org));
    const missing = await call(t.app, 'GET', '/api/fund/identity', { cookie: t.board });
    expect(missing.status).toBe(404);
    expect((await json<Problem>(missing)).detail).toMatch(/pas encore renseignée/);

    const donor = await t.donor();
    const gift = await t.gift(donor.id);
    const refused = await t.issue({ kind: 'single', donationId: gift.id });
    expect(refused.status).toBe(422);
    expect(await json(refused)).toMatchObject({ code: 'FUND_IDENTITY_MISSING' });

    const byManager = await call(t.app, 'PUT', '/api/fund/identity', {
      cookie: t.manager,
      body: FUND,
    });
    expect(byManager.status).toBe(403);
    const bad = await call(t.app, 'PUT', '/api/fund/identity', {
      cookie: t.admin,
      body: { ...FUND, postcode: '973', signerName: '' },
    });
    expect(bad.status).toBe(400);
    const errors = (await json<Problem>(bad)).errors ?? [];
    expect(errors.map((e) => e.field).sort()).toEqual(['postcode', 'signerName']);
    expect(errors.find((e) => e.field === 'postcode')?.message).toBe(
      'Le code postal compte 5 chiffres.',
    );

    await t.setIdentity();
    const read = await call(t.app, 'GET', '/api/fund/identity', { cookie: t.board });
    expect(read.status).toBe(200);
    expect(await json(read)).toEqual(FUND);
    const [audited] = await auditOf('fund.identity.update', t.org);
    expect(audited?.after).toMatchObject({ name: FUND.name, signerName: FUND.signerName });
  });

  it('100 receipts issued at once get the next 100 numbers of the year: no gap, no duplicate', async () => {
    const before = await sequencesOfYear();
    const donor = await t.donor({ name: 'Cent Donateurs Réunis' });
    const gifts = [];
    for (let i = 0; i < 100; i++) gifts.push(await t.gift(donor.id, { amountCents: 1_000 + i }));
    const started = performance.now();
    const responses = await Promise.all(
      gifts.map((g) => t.issue({ kind: 'single', donationId: g.id })),
    );
    const elapsed = performance.now() - started;
    expect(responses.map((r) => r.status)).toEqual(gifts.map(() => 201));
    const made = await Promise.all(responses.map((r) => json<Receipt>(r)));
    const sequences = made.map((r) => r.sequence).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 100 }, (_, i) => before.length + 1 + i));
    expect(new Set(made.map((r) => r.number)).size).toBe(100);
    // Each gift on its own receipt, with its own amount.
    for (const [i, r] of made.entries()) {
      expect(r.donationIds).toEqual([gifts[i]?.id]);
      expect(r.totalCents).toBe(1_000 + i);
    }
    // The whole year stays 1…n.
    const all = await sequencesOfYear();
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    console.info(
      `[receipts ${kind}] 100 concurrent issues in ${Math.round(elapsed)} ms (numbers ${before.length + 1}…${before.length + 100})`,
    );
  });

  it('in a year without any receipt yet, 100 concurrent issues are numbered exactly 1…100', async () => {
    // The demo seed may already have issued receipts this year: a year of its own shows the
    // numbering from its very first receipt (same write path as the route, one transaction each).
    const year = 2031;
    const donor = await t.donor({ name: 'Premiers Donateurs de 2031' });
    const gifts = [];
    for (let i = 0; i < 100; i++) gifts.push(await t.gift(donor.id, { amountCents: 500 + i }));
    const made = await Promise.all(
      gifts.map((g) =>
        t.db.transaction((tx) =>
          issueReceipt(tx, {
            organisationId: t.org,
            input: { kind: 'single', donationId: g.id },
            issuedOn: `${year}-01-02`,
            userId: null,
          }),
        ),
      ),
    );
    expect(made.map((r) => r.number).sort()).toEqual(
      Array.from({ length: 100 }, (_, i) => `2031-${String(i + 1).padStart(6, '0')}`),
    );
    const stored = await t.db
      .select({ sequence: receipts.sequence })
      .from(receipts)
      .where(and(eq(receipts.organisationId, t.org), eq(receipts.year, year)))
      .orderBy(receipts.sequence);
    expect(stored.map((r) => r.sequence)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('issues a receipt for one gift, numbered in the year, audited, and only once', async () => {
    const before = await sequencesOfYear();
    const donor = await t.donor();
    const gift = await t.gift(donor.id, { amountCents: 123_450 });
    const res = await t.issue({ kind: 'single', donationId: gift.id });
    expect(res.status).toBe(201);
    const made = await json<Receipt>(res);
    expect(made).toMatchObject({
      kind: 'single',
      donorId: donor.id,
      donorName: 'Léa Fontaine-Mérand',
      totalCents: 123_450,
      moneyCents: 123_450,
      inKindCents: 0,
      donationIds: [gift.id],
      status: 'issued',
      year: thisYear(),
      sequence: before.length + 1,
    });
    expect(made.number).toBe(`${thisYear()}-${String(before.length + 1).padStart(6, '0')}`);
    expect(await sequencesOfYear()).toEqual([...before, before.length + 1]);

    const [audited] = await auditOf('receipt.issue', made.id);
    expect(audited).toMatchObject({ actorEmail: 'gestion@lakou.test', entity: 'receipt' });

    const again = await t.issue({ kind: 'single', donationId: gift.id });
    expect(again.status).toBe(409);
    const problem = await json<Problem>(again);
    expect(problem.code).toBe('ALREADY_RECEIPTED');
    expect(problem.detail).toMatch(/déjà sur un reçu/);

    // The board reads receipts but issues none.
    expect((await t.issue({ kind: 'single', donationId: gift.id }, t.board)).status).toBe(403);
    const one = await call(t.app, 'GET', `/api/receipts/${made.id}`, { cookie: t.board });
    expect(await json(one)).toMatchObject({ id: made.id, number: made.number });
    const list = await json<{ items: Receipt[]; total: number }>(
      await call(t.app, 'GET', `/api/receipts?donorId=${donor.id}&year=${thisYear()}`, {
        cookie: t.board,
      }),
    );
    expect(list.items.map((r) => r.id)).toEqual([made.id]);
    expect(list.total).toBe(1);
  });

  it('refuses, with a code and a French reason, what cannot be receipted — and wastes no number', async () => {
    const before = await sequencesOfYear();
    const expectRefusal = async (body: unknown, status: number, code: string, words: RegExp) => {
      const res = await t.issue(body);
      expect(res.status, code).toBe(status);
      const problem = await json<Problem>(res);
      expect(problem.code).toBe(code);
      expect(problem.detail).toMatch(words);
    };
    const anonymous = await t.gift(null);
    await expectRefusal(
      { kind: 'single', donationId: anonymous.id },
      422,
      'ANONYMOUS_GIFT',
      /anonyme/,
    );
    const region = await t.donor({ kind: 'public_body', name: 'Collectivité territoriale' });
    await expectRefusal(
      { kind: 'single', donationId: (await t.gift(region.id)).id },
      422,
      'NOT_ELIGIBLE',
      /organisme public/,
    );
    const noAddress = await t.donor({ addressLine: null });
    await expectRefusal(
      { kind: 'single', donationId: (await t.gift(noAddress.id)).id },
      422,
      'ADDRESS_REQUIRED',
      /adresse complète/,
    );
    const erased = await t.donor({ name: 'Donateur anonymisé', erasedAt: new Date() });
    await expectRefusal(
      { kind: 'single', donationId: (await t.gift(erased.id)).id },
      422,
      'DONOR_ERASED',
      /effacées/,
    );
    // A money gift whose ledger entry was reversed by a correction.
    const donor = await t.donor();
    const reversed = await t.gift(donor.id, { amountCents: 2_000 });
    const [entry] = await t.db
      .insert(ledgerEntries)
      .values({
        organisationId: t.org,
        subFundId: t.subFundId,
        occurredOn: reversed.receivedOn,
        amountCents: 2_000,
        kind: 'donation',
        label: 'Don de Léa Fontaine-Mérand',
        donationId: reversed.id,
      })
      .returning();
    await t.db.insert(ledgerEntries).values({
      organisationId: t.org,
      subFundId: t.subFundId,
      occurredOn: reversed.receivedOn,
      amountCents: -2_000,
      kind: 'correction',
      label: 'Correction : chèque rejeté',
      reversesId: entry?.id,
      reason: 'Chèque rejeté par la banque',
    });
    await expectRefusal(
      { kind: 'single', donationId: reversed.id },
      422,
      'GIFT_REVERSED',
      /correction/,
    );
    // Nothing in 2019 for this donor (the reversed gift does not count either).
    await expectRefusal(
      { kind: 'annual', donorId: donor.id, year: 2019 },
      422,
      'NOTHING_TO_RECEIPT',
      /Aucun don de 2019/,
    );
    await expectRefusal(
      { kind: 'annual', donorId: donor.id, year: 2026 },
      422,
      'NOTHING_TO_RECEIPT',
      /Aucun don de 2026/,
    );
    await expectRefusal(
      { kind: 'single', donationId: '00000000-0000-4000-8000-000000000000' },
      404,
      'NOT_FOUND',
      /n’existe pas/,
    );
    const invalid = await t.issue({ kind: 'weekly' });
    expect(invalid.status).toBe(400);
    expect((await json<Problem>(invalid)).errors?.[0]?.message).toMatch(/Type de reçu attendu/);

    // None of these took a number: the next receipt follows the last one issued.
    const ok = await json<Receipt>(
      await t.issue({ kind: 'single', donationId: (await t.gift(donor.id)).id }),
    );
    expect(ok.sequence).toBe(before.length + 1);
  });

  it('sums a donor’s year of gifts, money and in kind, not yet on a live receipt', async () => {
    const donor = await t.donor({ kind: 'company', name: 'Menuiserie du Maroni SARL' });
    const cheque = await t.gift(donor.id, { receivedOn: '2026-02-01', amountCents: 30_000 });
    const transfer = await t.gift(donor.id, {
      receivedOn: '2026-06-30',
      amountCents: 70_050,
      method: 'transfer',
    });
    const chairs = await t.gift(donor.id, {
      kind: 'in_kind',
      receivedOn: '2026-09-12',
      amountCents: 45_000,
    });
    await t.gift(donor.id, { receivedOn: '2025-12-31', amountCents: 99_900 });
    const single = await json<Receipt>(await t.issue({ kind: 'single', donationId: cheque.id }));

    const res = await t.issue({ kind: 'annual', donorId: donor.id, year: 2026 });
    expect(res.status).toBe(201);
    const annual = await json<Receipt>(res);
    expect(annual).toMatchObject({
      kind: 'annual',
      totalCents: 115_050,
      moneyCents: 70_050,
      inKindCents: 45_000,
    });
    expect(annual.donationIds.sort()).toEqual([transfer.id, chairs.id].sort());
    expect(annual.sequence).toBe(single.sequence + 1);
    // Everything of 2026 is now on a receipt.
    const again = await t.issue({ kind: 'annual', donorId: donor.id, year: 2026 });
    expect(await json(again)).toMatchObject({ code: 'NOTHING_TO_RECEIPT' });
    const last = await t.issue({ kind: 'annual', donorId: donor.id, year: 2025 });
    expect(await json(last)).toMatchObject({ totalCents: 99_900, kind: 'annual' });
  });

  it('cancels a receipt without deleting it, keeps its number, and reissues it', async () => {
    const donor = await t.donor({ name: 'Marius Théodore' });
    const gift = await t.gift(donor.id, { amountCents: 8_000 });
    const first = await json<Receipt>(await t.issue({ kind: 'single', donationId: gift.id }));
    const cancel = (id: string, body: unknown, cookie = t.manager) =>
      call(t.app, 'POST', `/api/receipts/${id}/cancel`, { cookie, body });

    const short = await cancel(first.id, { reason: 'non' });
    expect(short.status).toBe(400);
    expect((await json<Problem>(short)).errors?.[0]?.message).toBe(
      'La raison compte au moins 5 caractères.',
    );
    expect((await cancel(first.id, { reason: 'Erreur de saisie' }, t.board)).status).toBe(403);

    const res = await cancel(first.id, { reason: 'Montant saisi deux fois' });
    expect(res.status).toBe(200);
    const { cancelled, reissued } = await json<{ cancelled: Receipt; reissued: Receipt | null }>(
      res,
    );
    expect(reissued).toBeNull();
    expect(cancelled).toMatchObject({
      id: first.id,
      number: first.number,
      status: 'cancelled',
      cancelReason: 'Montant saisi deux fois',
    });
    expect(cancelled.cancelledAt).not.toBeNull();
    const [auditedCancel] = await auditOf('receipt.cancel', first.id);
    expect(auditedCancel?.before).toMatchObject({ status: 'issued' });
    expect(auditedCancel?.after).toMatchObject({ status: 'cancelled' });

    const twice = await cancel(first.id, { reason: 'Encore une fois' });
    expect(twice.status).toBe(409);
    expect(await json(twice)).toMatchObject({ code: 'ALREADY_CANCELLED' });

    // The gift is free again: a new receipt, a new number; the cancelled one is still listed.
    const second = await json<Receipt>(await t.issue({ kind: 'single', donationId: gift.id }));
    expect(second.sequence).toBeGreaterThan(first.sequence);
    const listed = await json<{ items: Receipt[] }>(
      await call(t.app, 'GET', `/api/receipts?donorId=${donor.id}`, { cookie: t.board }),
    );
    expect(listed.items.map((r) => [r.number, r.status])).toEqual([
      [second.number, 'issued'],
      [first.number, 'cancelled'],
    ]);
    const onlyCancelled = await json<{ items: Receipt[] }>(
      await call(t.app, 'GET', `/api/receipts?donorId=${donor.id}&status=cancelled`, {
        cookie: t.board,
      }),
    );
    expect(onlyCancelled.items.map((r) => r.id)).toEqual([first.id]);

    // Cancel and reissue at once: the new receipt replaces the old one, both kept.
    const both = await json<{ cancelled: Receipt; reissued: Receipt }>(
      await cancel(second.id, { reason: 'Adresse du donateur corrigée', reissue: true }),
    );
    expect(both.reissued).toMatchObject({
      replacesId: second.id,
      donationIds: [gift.id],
      totalCents: 8_000,
      status: 'issued',
      sequence: second.sequence + 1,
    });
    expect(both.cancelled).toMatchObject({ replacedById: both.reissued.id, status: 'cancelled' });
    const [auditedReissue] = await auditOf('receipt.issue', both.reissued.id);
    expect(auditedReissue).toBeDefined();
    const unknown = await cancel('00000000-0000-4000-8000-000000000000', { reason: 'Inconnu ici' });
    expect(unknown.status).toBe(404);
  });

  it('the database itself refuses deleting a receipt or rewriting an issued one', async () => {
    const donor = await t.donor();
    const made = await json<Receipt>(
      await t.issue({ kind: 'single', donationId: (await t.gift(donor.id)).id }),
    );
    const refused = async (statement: ReturnType<typeof sql>) => {
      const error = await t.db.execute(statement).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, String(statement.queryChunks)).not.toBeNull();
      const text = `${String(error)} ${String((error as { cause?: unknown }).cause ?? '')}`;
      expect(text).toMatch(/never deleted|may only be cancelled/);
    };
    await refused(sql`delete from receipts where id = ${made.id}`);
    await refused(sql`update receipts set total_cents = total_cents + 100 where id = ${made.id}`);
    await refused(sql`update receipts set number = 'FAUX-000001' where id = ${made.id}`);
    await refused(
      sql`update receipts set snapshot = jsonb_set(snapshot, '{donor,name}', '"Autre nom"') where id = ${made.id}`,
    );
    // A cancelled receipt cannot be un-cancelled nor its reason rewritten.
    await call(t.app, 'POST', `/api/receipts/${made.id}/cancel`, {
      cookie: t.manager,
      body: { reason: 'Essai du déclencheur' },
    });
    await refused(
      sql`update receipts set status = 'issued', cancelled_at = null, cancel_reason = null where id = ${made.id}`,
    );
    await refused(sql`update receipts set cancel_reason = 'Autre raison' where id = ${made.id}`);
    const [still] = await t.db.select().from(receipts).where(eq(receipts.id, made.id));
    expect(still).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Essai du déclencheur',
      number: made.number,
    });
  });

  it('a rolled-back issue gives its number back', async () => {
    const before = await sequencesOfYear();
    const donor = await t.donor();
    const gift = await t.gift(donor.id);
    const failure = await t.db
      .transaction(async (tx) => {
        const issued = await issueReceipt(tx, {
          organisationId: t.org,
          input: { kind: 'single', donationId: gift.id },
          issuedOn: Temporal.Now.plainDateISO('America/Cayenne').toString(),
          userId: null,
        });
        expect(issued.sequence).toBe(before.length + 1);
        throw new Error('panne après l’émission');
      })
      .catch((e: Error) => e.message);
    expect(failure).toBe('panne après l’émission');
    expect(await sequencesOfYear()).toEqual(before);
    const [counter] = await t.db
      .select()
      .from(receiptCounters)
      .where(and(eq(receiptCounters.organisationId, t.org), eq(receiptCounters.year, thisYear())));
    expect(counter?.lastSequence ?? 0).toBe(before.length);
    const made = await json<Receipt>(await t.issue({ kind: 'single', donationId: gift.id }));
    expect(made.sequence).toBe(before.length + 1);
  });
});
