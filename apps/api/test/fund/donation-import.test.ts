import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, donations, ledgerEntries } from '../../src/db/schema/index.ts';
import { call, engines, json, seededApp } from '../harness.ts';
import { type Ctx, ensureSubFunds, fundCounts, people, today } from './donations-setup.ts';

interface ImportResult {
  dryRun: boolean;
  imported: number;
  valid: number;
  totalCents: number;
  newDonors: number;
  problems: { line: number; reasons: string[] }[];
  preview: {
    line: number;
    receivedOn: string;
    amountCents: number;
    donorName: string;
    method: string;
    subFundCode: string;
    reference: string | null;
    donorExists: boolean;
  }[];
}

describe.each(engines)('CSV import of a bank export (%s)', (kind) => {
  let ctx: Ctx;
  let who: Awaited<ReturnType<typeof people>>;
  let funds: Awaited<ReturnType<typeof ensureSubFunds>>;
  let rosette: string;
  let emile: string;

  /** JJ/MM/AAAA, as the bank writes it, `n` days ago. */
  const ago = (n: number) => {
    const d = today().subtract({ days: n });
    return `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;
  };
  const iso = (n: number) => today().subtract({ days: n }).toString();

  const header = 'Date;Montant;Donateur;E-mail;Moyen;Sous-fonds;Référence';
  const good = () => [
    `${ago(10)};150,00;R. Matrice;ROSETTE@exemple.gf;Virement;;VIR-MATRICE-001`,
    `${ago(9)};"1 234,50";EMILE MATRICE-NOM;;Chèque;JARDINS;VIR-MATRICE-002`,
    `${ago(8)};20;Nadia Matrice-Nouvelle;;CB;LIBRE;VIR-MATRICE-003`,
    `${ago(7)};35,5;nadia matrice-nouvelle;;espèces;;VIR-MATRICE-004`,
  ];
  const file = (rows: string[]) => [header, ...rows].join('\n');
  /** The good rows with a bad one at line 4 and another at line 7. */
  const withBadRows = () => {
    const rows = good();
    rows.splice(2, 0, `${ago(3)};douze euros;Léon Matrice;leon@;troc;;VIR-MATRICE-BAD`);
    rows.push(`${ago(2)};10,00;Lise Matrice;;Virement;INCONNU;VIR-MATRICE-005`);
    return file(rows);
  };
  const send = (body: Record<string, unknown>, cookie = who.manager) =>
    call(ctx.app, 'POST', '/api/donations/import', {
      cookie,
      body: { fileName: 'releve-novembre.csv', ...body },
    });

  beforeAll(async () => {
    ctx = await seededApp(kind);
    who = await people(ctx);
    funds = await ensureSubFunds(ctx);
    const made = async (body: Record<string, unknown>) =>
      (
        await json<{ id: string }>(
          await call(ctx.app, 'POST', '/api/donors', { cookie: who.manager, body }),
        )
      ).id;
    rosette = await made({
      kind: 'individual',
      name: 'Rosette Matrice-Import',
      email: 'rosette@exemple.gf',
    });
    emile = await made({ kind: 'individual', name: 'Émile Matrice-Nom' });
    // The demo seed takes most of a minute on a busy machine.
  }, 180_000);
  afterAll(() => ctx.database.dispose());

  const expectedProblems = [
    {
      line: 4,
      reasons: [
        'Montant illisible « douze euros ».',
        'Adresse e-mail invalide « leon@ ».',
        'Moyen de paiement inconnu « troc » (virement, chèque, espèces, carte).',
      ],
    },
    { line: 7, reasons: ['Sous-fonds inconnu « INCONNU ».'] },
  ];

  it('a dry run of a file with bad rows lists every one with its line and reasons, and writes nothing', async () => {
    const before = await fundCounts(ctx);
    const res = await send({ csv: withBadRows(), dryRun: true });
    expect(res.status).toBe(200);
    const result = await json<ImportResult>(res);
    expect(result).toMatchObject({
      dryRun: true,
      imported: 0,
      valid: 4,
      totalCents: 15_000 + 123_450 + 2_000 + 3_550,
      newDonors: 1,
      problems: expectedProblems,
    });
    expect(result.preview.map((p) => p.line)).toEqual([2, 3, 5, 6]);
    expect(await fundCounts(ctx)).toEqual(before);
  });

  it('importing that file is refused whole (422, every bad row), and the database is unchanged', async () => {
    const before = await fundCounts(ctx);
    const res = await send({ csv: withBadRows(), dryRun: false });
    expect(res.status).toBe(422);
    const result = await json<ImportResult>(res);
    expect(result).toMatchObject({ dryRun: false, imported: 0, problems: expectedProblems });
    expect(await fundCounts(ctx)).toEqual(before);
    const refs = await ctx.database.db
      .select()
      .from(donations)
      .where(inArray(donations.reference, ['VIR-MATRICE-001', 'VIR-MATRICE-002']));
    expect(refs).toEqual([]);
  });

  it('a good file is previewed, then imported with its ledger entries, donors matched or created', async () => {
    const before = await fundCounts(ctx);
    const preview = await json<ImportResult>(await send({ csv: file(good()), dryRun: true }));
    expect(preview.problems).toEqual([]);
    expect(preview.preview).toEqual([
      {
        line: 2,
        receivedOn: iso(10),
        amountCents: 15_000,
        donorName: 'R. Matrice',
        method: 'transfer',
        subFundCode: 'LIBRE',
        reference: 'VIR-MATRICE-001',
        donorExists: true,
      },
      {
        line: 3,
        receivedOn: iso(9),
        amountCents: 123_450,
        donorName: 'EMILE MATRICE-NOM',
        method: 'cheque',
        subFundCode: 'JARDINS',
        reference: 'VIR-MATRICE-002',
        donorExists: true,
      },
      {
        line: 4,
        receivedOn: iso(8),
        amountCents: 2_000,
        donorName: 'Nadia Matrice-Nouvelle',
        method: 'card',
        subFundCode: 'LIBRE',
        reference: 'VIR-MATRICE-003',
        donorExists: false,
      },
      {
        line: 5,
        receivedOn: iso(7),
        amountCents: 3_550,
        donorName: 'nadia matrice-nouvelle',
        method: 'cash',
        subFundCode: 'LIBRE',
        reference: 'VIR-MATRICE-004',
        donorExists: false,
      },
    ]);
    expect(await fundCounts(ctx)).toEqual(before);

    const res = await send({ csv: file(good()), dryRun: false });
    expect(res.status).toBe(201);
    const result = await json<ImportResult>(res);
    expect(result).toMatchObject({ dryRun: false, imported: 4, valid: 4, newDonors: 1 });
    const after = await fundCounts(ctx);
    expect(after).toEqual({
      donations: before.donations + 4,
      donors: before.donors + 1,
      ledgerEntries: before.ledgerEntries + 4,
      ledgerCents: before.ledgerCents + 15_000 + 123_450 + 2_000 + 3_550,
      imports: before.imports + 1,
      fundAudits: before.fundAudits + 1,
    });

    const rows = await ctx.database.db
      .select({ gift: donations, entry: ledgerEntries })
      .from(donations)
      .innerJoin(ledgerEntries, eq(ledgerEntries.donationId, donations.id))
      .where(
        inArray(donations.reference, [
          'VIR-MATRICE-001',
          'VIR-MATRICE-002',
          'VIR-MATRICE-003',
          'VIR-MATRICE-004',
        ]),
      )
      .orderBy(donations.reference);
    expect(rows.map((r) => r.gift.donorId?.length)).toEqual([36, 36, 36, 36]);
    expect(rows[0]?.gift.donorId).toBe(rosette);
    expect(rows[1]?.gift.donorId).toBe(emile);
    expect(rows[2]?.gift.donorId).toBe(rows[3]?.gift.donorId);
    expect(rows.map((r) => r.entry.subFundId)).toEqual([
      funds.LIBRE,
      funds.JARDINS,
      funds.LIBRE,
      funds.LIBRE,
    ]);
    expect(rows.map((r) => [r.entry.kind, r.entry.amountCents, r.entry.occurredOn])).toEqual([
      ['donation', 15_000, iso(10)],
      ['donation', 123_450, iso(9)],
      ['donation', 2_000, iso(8)],
      ['donation', 3_550, iso(7)],
    ]);
    expect(new Set(rows.map((r) => r.gift.importId)).size).toBe(1);
    const nadia = await json<{ items: { kind: string; name: string }[] }>(
      await call(ctx.app, 'GET', '/api/donors?q=nadia%20matrice', { cookie: who.board }),
    );
    expect(nadia.items).toMatchObject([{ kind: 'individual', name: 'Nadia Matrice-Nouvelle' }]);
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'fund.donation.import'));
    expect(audit?.entityId).toBe(rows[0]?.gift.importId);

    // The same file again: every reference is already there; nothing is written.
    const again = await send({ csv: file(good()), dryRun: false });
    expect(again.status).toBe(422);
    const twice = await json<ImportResult>(again);
    expect(twice.problems).toEqual(
      [2, 3, 4, 5].map((line, i) => ({
        line,
        reasons: [`Référence « VIR-MATRICE-00${i + 1} » déjà importée.`],
      })),
    );
    expect(await fundCounts(ctx)).toEqual(after);
  });

  it('the same file imported twice at once is written once', async () => {
    const before = await fundCounts(ctx);
    const csv = file([
      `${ago(1)};40,00;Rosette Matrice-Import;;Virement;;VIR-MATRICE-CONC-1`,
      `${ago(1)};60,00;Émile Matrice-Nom;;Virement;;VIR-MATRICE-CONC-2`,
    ]);
    const results = await Promise.all([send({ csv, dryRun: false }), send({ csv, dryRun: false })]);
    // Imports take turns: the second sees the first's references and is refused whole.
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const loser = results.find((r) => r.status === 422) as Response;
    expect((await json<ImportResult>(loser)).problems).toEqual([
      { line: 2, reasons: ['Référence « VIR-MATRICE-CONC-1 » déjà importée.'] },
      { line: 3, reasons: ['Référence « VIR-MATRICE-CONC-2 » déjà importée.'] },
    ]);
    const after = await fundCounts(ctx);
    expect(after.donations).toBe(before.donations + 2);
    expect(after.ledgerCents).toBe(before.ledgerCents + 10_000);
    expect(after.imports).toBe(before.imports + 1);
  });

  it('refuses a file without its columns, a bad body, and those who may not record gifts', async () => {
    const before = await fundCounts(ctx);
    const noHeader = await send({ csv: 'Jour;Somme\n01/01/2025;10', dryRun: false });
    expect(noHeader.status).toBe(422);
    expect((await json<ImportResult>(noHeader)).problems).toEqual([
      {
        line: 1,
        reasons: ['En-tête incomplet : colonnes « date », « montant », « donateur » introuvables.'],
      },
    ]);
    const noDryRun = await send({ csv: file(good()) });
    expect(noDryRun.status).toBe(400);
    expect(JSON.stringify(await json(noDryRun))).toContain('Indiquez dryRun');
    const board = await send({ csv: file(good()), dryRun: true }, who.board);
    expect(board.status).toBe(403);
    expect(await fundCounts(ctx)).toEqual(before);
  });
});
