import { PassThrough } from 'node:stream';
import { REGISTER_COLUMNS, registerCells } from '@lakou/domain/circular';
import type { CustomFieldDefinition } from '@lakou/domain/config';
import Papa from 'papaparse';
import { exportColumns } from '../config/row-custom.ts';
import type { RegisterEntry, RegisterTotals } from './register.queries.ts';

/**
 * The register as CSV for a spreadsheet in French: UTF-8 with a BOM, `;`, tonnes « 1,234 »; then
 * one column per network-wide inflow field (`customDefs`, labels as headers; empty on the lines
 * that are not inflows).
 */
export function registerCsv(
  entries: RegisterEntry[],
  customDefs: readonly CustomFieldDefinition[] = [],
): string {
  const custom = exportColumns(customDefs);
  const csv = Papa.unparse(
    {
      fields: [...REGISTER_COLUMNS, ...custom.headers],
      data: entries.map((e) => [...registerCells(e.line), ...custom.cells(e.custom)]),
    },
    { delimiter: ';', newline: '\r\n' },
  );
  return `\uFEFF${csv}\r\n`;
}

/** Tonnes as a number with three decimals, from grams (no float drift: 1 234 567 g → 1.235). */
const tonnes = (grams: number) => Number((grams / 1_000_000).toFixed(3));

const WIDTHS: Record<(typeof REGISTER_COLUMNS)[number], number> = {
  Date: 12,
  Sens: 9,
  Centre: 34,
  'Dénomination usuelle': 30,
  'Code déchet': 12,
  'Dénomination du code': 40,
  Dangereux: 10,
  'Quantité (t)': 12,
  Mesure: 9,
  Provenance: 20,
  'Installation de destination': 36,
  'SIRET de l’installation': 16,
  'Adresse de l’installation': 40,
  Transporteur: 24,
  'Code de traitement': 10,
  'Mode de traitement': 24,
  'Bordereau Trackdéchets': 22,
};

/**
 * The register as an XLSX workbook, written row by row (exceljs' streaming writer): sheet
 * « Registre » (bold frozen header, dates as text YYYY-MM-DD, tonnes as numbers `0.000`) and
 * sheet « Totaux » (tonnes in and out per stream, then the totals).
 */
export async function registerXlsx(
  entries: RegisterEntry[],
  totals: RegisterTotals,
  title: string,
  customDefs: readonly CustomFieldDefinition[] = [],
): Promise<Uint8Array<ArrayBuffer>> {
  // exceljs loads when a workbook is asked for, not when the server starts (~0.4 s of start-up).
  const { default: ExcelJS } = await import('exceljs');
  const custom = exportColumns(customDefs);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  book.creator = 'Lakou';
  book.title = title;

  const sheet = book.addWorksheet('Registre', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...REGISTER_COLUMNS.map((header) => ({
      header,
      width: WIDTHS[header],
      ...(header === 'Quantité (t)' ? { style: { numFmt: '0.000' } } : {}),
    })),
    ...custom.headers.map((header) => ({ header, width: 24 })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const tonnesColumn = REGISTER_COLUMNS.indexOf('Quantité (t)');
  for (const e of entries) {
    const cells: (string | number)[] = [...registerCells(e.line), ...custom.cells(e.custom)];
    cells[tonnesColumn] = tonnes(e.grams);
    sheet.addRow(cells).commit();
  }
  sheet.commit();

  const sums = book.addWorksheet('Totaux', { views: [{ state: 'frozen', ySplit: 1 }] });
  sums.columns = [
    { header: 'Flux', width: 40 },
    { header: 'Code déchet', width: 12 },
    { header: 'Entrées (t)', width: 14, style: { numFmt: '0.000' } },
    { header: 'Sorties (t)', width: 14, style: { numFmt: '0.000' } },
  ];
  sums.getRow(1).font = { bold: true };
  sums.getRow(1).commit();
  for (const s of totals.streams)
    sums.addRow([s.name, s.wasteCode, tonnes(s.gramsIn), tonnes(s.gramsOut)]).commit();
  const total = sums.addRow(['Total', '', tonnes(totals.gramsIn), tonnes(totals.gramsOut)]);
  total.font = { bold: true };
  total.commit();
  sums.commit();

  await book.commit();
  await done;
  const all = Buffer.concat(chunks);
  const bytes = new Uint8Array(new ArrayBuffer(all.length));
  bytes.set(all);
  return bytes;
}
