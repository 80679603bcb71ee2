import { describe, expect, it } from 'vitest';
import { parseDonationCsv, parseImportDate } from './donation-import.ts';

const options = { knownSubFunds: new Set(['LIBRE', 'JARDINS']), today: '2026-11-23' };

describe('parseDonationCsv', () => {
  it('reads a French bank export (« ; », accents, comma decimals, BOM) row by row', () => {
    const csv =
      '\uFEFFDate;Montant;Donateur;E-mail;Moyen;Sous-fonds;Référence\r\n' +
      '02/11/2026;1 234,50;Marie-Claude Horth;mc.horth@example.org;Virement;JARDINS;VIR-001\r\n' +
      '03/11/2026;50;Jean Ho-A-Chuck;;chèque;;CHQ-7781\r\n' +
      '\r\n' +
      '2026-11-04;20,00;Léa Stanislas;;CB;;\r\n';
    const { rows, problems } = parseDonationCsv(csv, options);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        receivedOn: '2026-11-02',
        amountCents: 123_450,
        donorName: 'Marie-Claude Horth',
        email: 'mc.horth@example.org',
        method: 'transfer',
        subFundCode: 'JARDINS',
        reference: 'VIR-001',
      },
      {
        line: 3,
        receivedOn: '2026-11-03',
        amountCents: 5_000,
        donorName: 'Jean Ho-A-Chuck',
        email: null,
        method: 'cheque',
        subFundCode: null,
        reference: 'CHQ-7781',
      },
      {
        line: 5,
        receivedOn: '2026-11-04',
        amountCents: 2_000,
        donorName: 'Léa Stanislas',
        email: null,
        method: 'card',
        subFundCode: null,
        reference: null,
      },
    ]);
  });

  it('reports every bad row with its line and all its reasons', () => {
    const csv = [
      'date,montant,nom,email,moyen,sous-fonds,reference',
      '01/10/2026,100,Ana Lima,,virement,,R1',
      '31/02/2026,abc,X,pas-une-adresse,troc,INCONNU,R2',
      '01/10/2030,-20,Paul Dupont,,,,R1',
      '15/09/2026,"1 000,00",Rose Thérèse,,especes,LIBRE,R3',
    ].join('\n');
    const { rows, problems } = parseDonationCsv(csv, options);
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
    expect(problems).toEqual([
      {
        line: 3,
        reasons: [
          'Date illisible « 31/02/2026 » (JJ/MM/AAAA attendu).',
          'Montant illisible « abc ».',
          'Nom du donateur manquant.',
          'Adresse e-mail invalide « pas-une-adresse ».',
          'Moyen de paiement inconnu « troc » (virement, chèque, espèces, carte).',
          'Sous-fonds inconnu « INCONNU ».',
        ],
      },
      {
        line: 4,
        reasons: [
          'Date dans le futur (01/10/2030).',
          'Montant « -20 » : seuls les crédits (dons reçus) sont importés.',
          'Référence « R1 » déjà présente ligne 2.',
        ],
      },
    ]);
  });

  it('refuses a file without the required columns, or without rows', () => {
    expect(parseDonationCsv('date;libellé\n01/01/2026;x', options).problems).toEqual([
      { line: 1, reasons: ['En-tête incomplet : colonne « montant » introuvable.'] },
    ]);
    expect(parseDonationCsv('foo;bar\n', options).problems[0]?.reasons[0]).toBe(
      'En-tête incomplet : colonnes « date », « montant », « donateur » introuvables.',
    );
    expect(parseDonationCsv('date;montant;donateur\n\n', options).problems).toEqual([
      { line: 1, reasons: ['Le fichier ne contient aucune ligne de don.'] },
    ]);
  });
});

describe('parseImportDate', () => {
  it('accepts real dates only', () => {
    expect(parseImportDate('29/02/2024')).toBe('2024-02-29');
    expect(parseImportDate('29/02/2025')).toBeNull();
    expect(parseImportDate('2025-13-01')).toBeNull();
    expect(parseImportDate('1/2/2025')).toBe('2025-02-01');
    expect(parseImportDate('demain')).toBeNull();
  });
});
