import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../model/report.ts';
import { reportToCsv, safeText } from './csv.ts';
import { csvNumber, sheetNumber } from './file-units.ts';
import { fixtureFund, fixtureReport } from './fixture.test-data.ts';
import { boardPackPdf, niceScale, printable, reportPdf } from './pdf.ts';
import { reportsToXlsx, sheetName } from './xlsx.ts';

/** The rows of a CSV file, and the lines under a section's title up to the next empty line. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}
function section(rows: string[][], title: string): string[][] {
  const start = rows.findIndex((r) => r.length === 1 && r[0] === title);
  expect(start, `section « ${title} »`).toBeGreaterThanOrEqual(0);
  const end = rows.findIndex((r, i) => i > start && r.length === 1 && r[0] === '');
  return rows.slice(start + 1, end < 0 ? undefined : end);
}
const frenchNumber = (s: string | undefined) => Number((s ?? '').replace(',', '.'));

describe('csvNumber and sheetNumber', () => {
  it('write exact French decimals in the file unit', () => {
    expect(csvNumber(123_456, 'cents')).toBe('1234,56');
    expect(csvNumber(-5, 'cents')).toBe('-0,05');
    expect(csvNumber(2_500, 'grams')).toBe('2,5');
    expect(csvNumber(1_234_567, 'grams')).toBe('1234,567');
    expect(csvNumber(3_000, 'grams')).toBe('3');
    expect(csvNumber(0.375, 'ratio')).toBe('37,5');
    expect(csvNumber(12.5, 'hours')).toBe('12,5');
    expect(csvNumber(null, 'cents')).toBe('');
    expect(sheetNumber(123_456, 'cents')).toBe(1234.56);
    expect(sheetNumber(2_500, 'grams')).toBe(2.5);
    expect(sheetNumber(0.375, 'ratio')).toBe(0.375);
  });

  it('keeps a spreadsheet from running a text cell as a formula', () => {
    expect(safeText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeText('Centre de Kourou')).toBe('Centre de Kourou');
  });
});

describe('reportToCsv', () => {
  const rows = parseCsv(reportToCsv(fixtureReport));

  it('opens with the title, the period, the comparison and the centres', () => {
    expect(rows[0]).toEqual(['Recyclerie : flux de matières']);
    expect(rows[1]).toEqual(['Période', 'du 01/01/2026 au 28/02/2026', '2026-01-01', '2026-02-28']);
    expect(rows[2]?.[0]).toBe('Période de comparaison');
    expect(rows[3]).toEqual(['Centres', 'Centre de Cayenne, Centre de Kourou']);
  });

  it('gives the key figures in the file unit', () => {
    const kpis = section(rows, 'Indicateurs clés');
    expect(kpis[0]).toEqual([
      'Indicateur',
      'Valeur',
      'Unité',
      'Période de comparaison',
      'Définition',
    ]);
    expect(kpis[1]).toEqual([
      'Matières reçues',
      '2500',
      'kg',
      '1800',
      'Somme des masses pesées à l’entrée.',
    ]);
    expect(kpis[2]?.slice(0, 4)).toEqual(['Ventes', '1234,56', '€', '1000,00']);
    // An absent comparison stays empty, never 0.
    expect(kpis[3]?.slice(0, 4)).toEqual(['Taux de réemploi', '37,5', '%', '']);
  });

  it('gives each table with its totals, which read back to the model’s', () => {
    const table = section(rows, 'Par centre');
    expect(table[0]).toEqual(['Centre', 'Reçu (kg)', 'Ventes (€)', 'Taux de réemploi (%)']);
    expect(table[1]).toEqual(['Centre de Cayenne', '1600', '1000,01', '56,25']);
    expect(table[2]).toEqual(['Centre de Kourou', '900', '234,55', '']);
    expect(table[3]).toEqual(['Total', '2500', '1234,56', '37,5']);
    // Back to the model's units: 2500 kg = 2 500 000 g; 1234,56 € = 123 456 cents.
    expect(Math.round(frenchNumber(table[3]?.[1]) * 1000)).toBe(2_500_000);
    expect(Math.round(frenchNumber(table[3]?.[2]) * 100)).toBe(123_456);
  });

  it('gives every chart as its table, comparison columns included', () => {
    const chart = section(rows, 'Matières reçues par mois');
    expect(chart[0]).toEqual([
      'Période',
      'Réemploi (kg)',
      'Réemploi (période de comparaison) (kg)',
      'Recyclage (kg)',
      'Recyclage (période de comparaison) (kg)',
    ]);
    expect(chart[1]).toEqual(['janvier 2026', '1000', '600', '750', '500']);
    // 1000 + 500 = 1500; 600 + 400 = 1000; 750 + 250 = 1000; 500 + 300 = 800
    expect(chart[3]).toEqual(['Total', '1500', '1000', '1000', '800']);
    expect(section(rows, 'Ventes par mois')[2]).toEqual(['février 2026', '']);
    for (const title of ['Répartition par flux', 'Matières par centre'])
      expect(section(rows, title).length).toBeGreaterThan(1);
  });

  it('ends with the definitions', () => {
    const notes = section(rows, 'Définitions');
    expect(notes[0]).toEqual(['Réemploi', 'Objets remis en circulation sans transformation.']);
  });
});

describe('reportsToXlsx', () => {
  async function read(models: ReportModel[]) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await reportsToXlsx(models)).buffer);
    return book;
  }
  /** The row under a sheet's cell whose text is `title`, and the rows after it. */
  function rowsAfter(sheet: ExcelJS.Worksheet, title: string): ExcelJS.Row[] {
    let start = 0;
    sheet.eachRow((row, n) => {
      if (start === 0 && row.getCell(1).value === title) start = n;
    });
    expect(start, `« ${title} »`).toBeGreaterThan(0);
    const out: ExcelJS.Row[] = [];
    for (let n = start + 1; n <= sheet.rowCount && sheet.getRow(n).cellCount > 0; n += 1)
      out.push(sheet.getRow(n));
    return out;
  }

  it('has a sheet per report and the definitions', async () => {
    const book = await read([fixtureReport, fixtureFund]);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Recyclerie flux de matières',
      'Fonds solidaire',
      'Définitions',
    ]);
    const definitions = book.getWorksheet('Définitions');
    const terms: unknown[] = [];
    definitions?.eachRow((row) => {
      terms.push(row.getCell(2).value);
    });
    expect(terms).toEqual(['Terme', 'Matières reçues', 'Réemploi', 'Taux de réemploi']);
  });

  it('writes figures as numbers with their formats, totals equal to the model’s', async () => {
    const sheet = (await read([fixtureReport])).worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('Recyclerie : flux de matières');
    const kpis = rowsAfter(sheet, 'Indicateurs clés');
    expect(kpis[1]?.getCell(2).value).toBe(2500);
    expect(kpis[1]?.getCell(2).numFmt).toContain('kg');
    expect(kpis[2]?.getCell(2).value).toBe(1234.56);
    expect(kpis[2]?.getCell(2).numFmt).toContain('€');
    expect(kpis[3]?.getCell(2).value).toBe(0.375);
    expect(kpis[3]?.getCell(2).numFmt).toContain('%');

    const table = rowsAfter(sheet, 'Par centre');
    expect(table[0]?.values).toEqual([
      undefined,
      'Centre',
      'Reçu (kg)',
      'Ventes (€)',
      'Taux de réemploi (%)',
    ]);
    const total = table[3];
    expect(total?.getCell(1).value).toBe('Total');
    expect(Math.round(Number(total?.getCell(2).value) * 1000)).toBe(2_500_000);
    expect(Math.round(Number(total?.getCell(3).value) * 100)).toBe(123_456);
    expect(table[2]?.getCell(4).value).toBeNull();

    const chart = rowsAfter(sheet, 'Matières reçues par mois');
    expect(chart[3]?.getCell(2).value).toBe(1500);
  });

  it('makes sheet names Excel accepts, unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Fonds : dons / reçus [2026]', taken)).toBe('Fonds dons reçus 2026');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('x'.repeat(40), taken)).toBe(`${'x'.repeat(27)} (2)`);
  });
});

async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string[] }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: false });
  return { pages: totalPages, text: text.map((t) => t.replace(/\s+/g, ' ')) };
}

describe('PDF', () => {
  it('prints a report with its figures, every chart’s and table’s title and the definitions', async () => {
    const { text } = await pdfText(await reportPdf(fixtureReport));
    const all = text.join(' ');
    for (const title of [
      'Recyclerie : flux de matières',
      'Matières reçues par mois',
      'Ventes par mois',
      'Répartition par flux',
      'Matières par centre',
      'Par centre',
      'Définitions',
      'Objets remis en circulation sans transformation.',
    ])
      expect(all).toContain(title);
    expect(all).toContain('1 234,56 €');
    expect(all).toContain('2,500 t');
    expect(all).toContain('(période de comparaison)');
    expect(text[0]).toContain(`Page 1 sur ${text.length}`);
  });

  it('makes a board pack: cover, contents with page numbers, every report', async () => {
    const bytes = await boardPackPdf([fixtureReport, fixtureFund], {
      title: 'Dossier du conseil d’administration',
      generatedOn: '2026-03-02',
      centresLabel: 'Tout le réseau',
    });
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(text[0]).toContain('Dossier du conseil d’administration');
    expect(text[0]).toContain('Édité le 2 mars 2026');
    expect(text[0]).toContain('Tout le réseau');
    expect(text[1]).toContain('Sommaire');
    // The contents give each report's page, where its title is indeed printed.
    for (const title of ['Recyclerie : flux de matières', 'Fonds solidaire']) {
      const at = text[1]?.indexOf(title) ?? -1;
      expect(at).toBeGreaterThanOrEqual(0);
      const page = Number(/\.*\s*(\d+)/.exec(text[1]?.slice(at + title.length) ?? '')?.[1]);
      expect(text[page - 1]).toContain(title);
    }
    for (const title of ['Matières reçues par mois', 'Par centre', 'Sous-fonds'])
      expect(text[1]).toContain(title);
    expect(text.at(-1)).toContain(`Page ${pages} sur ${pages}`);
  });

  it('keeps characters the standard fonts lack out of the text', () => {
    expect(printable('1\u202f234,56\u00a0€')).toBe('1\u00a0234,56\u00a0€');
    expect(printable('CO₂ ≥ 3')).toBe('CO? ? 3');
  });

  it('picks round axis steps', () => {
    expect(niceScale(0, 1_000_000)).toEqual({ min: 0, max: 1_000_000, step: 200_000 });
    expect(niceScale(0, 23_456)).toEqual({ min: 0, max: 25_000, step: 5_000 });
    expect(niceScale(-30, 70)).toEqual({ min: -40, max: 80, step: 20 });
    expect(niceScale(0, 0)).toEqual({ min: 0, max: 1, step: 0.2 });
    // Counts: whole steps.
    expect(niceScale(0, 0, 5, true)).toEqual({ min: 0, max: 1, step: 1 });
    expect(niceScale(0, 11, 5, true)).toEqual({ min: 0, max: 12, step: 2 });
  });
});
