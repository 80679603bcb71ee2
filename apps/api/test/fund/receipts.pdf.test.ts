import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { donors } from '../../src/db/schema/index.ts';
import { call, engines, json } from '../harness.ts';
import { FUND, receiptsContext } from './receipts-setup.ts';

interface Receipt {
  id: string;
  number: string;
  donorName: string;
}

/** The text of a PDF as a reader would copy it, spaces (no-break ones too) made plain and single. */
async function pdfText(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe.each(engines)('tax receipt PDF (%s)', (kind) => {
  let t: Awaited<ReturnType<typeof receiptsContext>>;

  beforeAll(async () => {
    t = await receiptsContext(kind);
    await t.setIdentity();
  });
  afterAll(() => t.database.dispose());

  const pdf = (id: string, path = `/api/receipts/${id}/pdf`) =>
    call(t.app, 'GET', path, { cookie: t.board });

  it('prints every mention of CERFA 11580 for a cheque from a person', async () => {
    const donor = await t.donor();
    const gift = await t.gift(donor.id, { amountCents: 123_450, receivedOn: '2026-03-15' });
    const made = await json<Receipt>(await t.issue({ kind: 'single', donationId: gift.id }));
    const res = await pdf(made.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="recu-fiscal-${made.number}.pdf"`,
    );
    const text = await pdfText(res);
    for (const mention of [
      // The donor, as given.
      'Léa Fontaine-Mérand',
      '3 chemin des Mangues',
      '97310 Kourou',
      // The amount in figures and in words.
      '1 234,50 €',
      'mille deux cent trente-quatre euros et cinquante centimes',
      // Its number, the date, form, nature and method of the gift.
      `Reçu n° ${made.number}`,
      'Date du don : 15 mars 2026',
      'Forme du don : déclaration de don manuel',
      'Nature du don : numéraire',
      'Mode de versement : Chèque',
      // The legal article, the fund and the signer.
      'article 200 du code général des impôts',
      FUND.name,
      FUND.addressLine,
      '97300 Cayenne',
      `Objet : ${FUND.object}`,
      `Statut : ${FUND.status}`,
      FUND.signerName,
      FUND.signerRole,
      'Fait à Cayenne, le',
    ]) {
      expect(text, mention).toContain(mention);
    }
    expect(text).not.toContain('ANNULÉ');
    expect(text).not.toContain('238 bis');
  });

  it('prints in-kind gifts with what, how many and their valuation, under article 238 bis for a company', async () => {
    const company = await t.donor({
      kind: 'company',
      name: 'Menuiserie du Maroni SARL',
      addressLine: '8 route de Saint-Laurent',
      postcode: '97320',
      city: 'Saint-Laurent-du-Maroni',
      siret: '73282932000074',
    });
    await t.gift(company.id, {
      kind: 'in_kind',
      receivedOn: '2026-09-12',
      amountCents: 45_000,
    });
    await t.gift(company.id, {
      receivedOn: '2026-10-01',
      amountCents: 100_000_000,
      method: 'transfer',
    });
    const annual = await json<Receipt>(
      await t.issue({ kind: 'annual', donorId: company.id, year: 2026 }),
    );
    const text = await pdfText(await pdf(annual.id));
    for (const mention of [
      'Menuiserie du Maroni SARL',
      '97320 Saint-Laurent-du-Maroni',
      'SIRET : 73282932000074',
      'Récapitulatif annuel des dons reçus en 2026',
      'Dons reçus du 12 septembre 2026 au 1 octobre 2026',
      // 1 000 450,00 €: a million euros of transfer and 450 € of chairs.
      '1 000 450,00 €',
      'un million quatre cent cinquante euros',
      'Nature du don : numéraire et don en nature',
      'Mode de versement : Virement',
      'don en nature : Douze chaises de réunion (Mobilier, Bon état)',
      'quantité : 12 pièce(s)',
      'valorisé 450,00 €',
      'Valeur de marché d’un bien d’occasion comparable',
      'article 238 bis du code général des impôts',
    ]) {
      expect(text, mention).toContain(mention);
    }
  });

  it('keeps printing the donor and the fund as they were at issue, even after erasure', async () => {
    const donor = await t.donor({ name: 'Hortense Saint-Cyr' });
    const gift = await t.gift(donor.id, { amountCents: 2_000 });
    const made = await json<Receipt>(await t.issue({ kind: 'single', donationId: gift.id }));
    // The donor moves, the fund changes signer; then the donor is erased.
    await t.db
      .update(donors)
      .set({ addressLine: '1 place des Palmistes', city: 'Cayenne', postcode: '97300' })
      .where(eq(donors.id, donor.id));
    await t.setIdentity({ signerName: 'Nouveau Signataire', name: 'Fonds renommé' });
    await t.db
      .update(donors)
      .set({
        name: 'Donateur anonymisé',
        addressLine: null,
        postcode: null,
        city: null,
        erasedAt: new Date(),
      })
      .where(eq(donors.id, donor.id));
    const text = await pdfText(await pdf(made.id));
    expect(text).toContain('Hortense Saint-Cyr');
    expect(text).toContain('3 chemin des Mangues');
    expect(text).toContain(FUND.signerName);
    expect(text).toContain(FUND.name);
    expect(text).not.toContain('Nouveau Signataire');
    expect(text).not.toContain('place des Palmistes');
    // The API no longer repeats the erased person's name; the legal copy above keeps it.
    const read = await json<Receipt>(
      await call(t.app, 'GET', `/api/receipts/${made.id}`, { cookie: t.board }),
    );
    expect(read.donorName).toBe('Donateur anonymisé');
    await t.setIdentity();
  });

  it('stamps a cancelled receipt « ANNULÉ », with its reason, and names the one that replaces it', async () => {
    const donor = await t.donor({ name: 'Clément Volny' });
    const gift = await t.gift(donor.id, { amountCents: 7_500 });
    const made = await json<Receipt>(await t.issue({ kind: 'single', donationId: gift.id }));
    const done = await json<{ reissued: Receipt }>(
      await call(t.app, 'POST', `/api/receipts/${made.id}/cancel`, {
        cookie: t.manager,
        body: { reason: 'Nom du donateur mal orthographié', reissue: true },
      }),
    );
    const res = await pdf(made.id, `/api/receipts/${made.id}.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('-annule.pdf');
    const cancelled = await pdfText(res);
    expect(cancelled).toContain('ANNULÉ');
    expect(cancelled).toContain('Motif : Nom du donateur mal orthographié');
    expect(cancelled).toContain(`Reçu n° ${made.number}`);
    const replacement = await pdfText(await pdf(done.reissued.id));
    expect(replacement).not.toContain('ANNULÉ');
    expect(replacement).toContain(`Ce reçu remplace le reçu n° ${made.number}, annulé.`);
    expect(replacement).toContain('soixante-quinze euros');
  });

  it('answers 404 for an unknown receipt and 400 for what is not a receipt id', async () => {
    const unknown = await pdf('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const unknownDotPdf = await pdf('x', '/api/receipts/00000000-0000-4000-8000-000000000000.pdf');
    expect(unknownDotPdf.status).toBe(404);
    const bad = await pdf('x', '/api/receipts/pas-un-recu.pdf');
    expect(bad.status).toBe(400);
  });
});
