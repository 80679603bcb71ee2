/**
 * Reports as an XLSX workbook (exceljs): one sheet per report — its header, key figures, then each
 * chart's table and each table — with figures as numbers carrying their format (€, kg, %, h), and
 * a « Définitions » sheet gathering how every figure is defined. Node only (exceljs).
 */
import type ExcelJS from 'exceljs';
import type { ReportModel, TableModel, Unit } from '../model/report.ts';
import { plainSpaces } from './chart.ts';
import { centresText, headerOf, reportTables, SHEET_FORMAT, sheetNumber } from './file-units.ts';

const XLSX_FORBIDDEN = /[[\]:*?/\\]/g;

/** A sheet name Excel accepts (31 characters, none of []:*?/\), unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const base =
    plainSpaces(title).replace(XLSX_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim() || 'Rapport';
  let name = base.slice(0, 31);
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const SECTION_FONT: Partial<ExcelJS.Font> = { bold: true, size: 12 };
const BOLD: Partial<ExcelJS.Font> = { bold: true };

function setFigure(target: ExcelJS.Cell, value: string | number | null | undefined, unit: Unit) {
  if (value === null || value === undefined) {
    target.value = null;
    return;
  }
  if (typeof value === 'string' || unit === 'text') {
    target.value = typeof value === 'string' ? plainSpaces(value) : value;
    return;
  }
  target.value = sheetNumber(value, unit);
  const format = SHEET_FORMAT[unit];
  if (format) target.numFmt = format;
}

function writeTable(sheet: ExcelJS.Worksheet, table: TableModel) {
  sheet.addRow([]);
  sheet.addRow([plainSpaces(table.title)]).font = SECTION_FONT;
  sheet.addRow(table.columns.map((c) => headerOf(c))).font = BOLD;
  for (const r of table.rows) {
    const row = sheet.addRow([]);
    table.columns.forEach((c, i) => {
      setFigure(row.getCell(i + 1), r.cells[c.key], c.unit);
    });
  }
  if (table.totals) {
    const totals = table.totals;
    const row = sheet.addRow([]);
    table.columns.forEach((c, i) => {
      const v = totals[c.key];
      setFigure(row.getCell(i + 1), v === undefined && i === 0 ? 'Total' : v, c.unit);
    });
    row.font = BOLD;
  }
}

function writeReport(sheet: ExcelJS.Worksheet, model: ReportModel) {
  sheet.columns = [{ width: 38 }, ...Array.from({ length: 11 }, () => ({ width: 20 }))];
  sheet.addRow([plainSpaces(model.title)]).font = TITLE_FONT;
  sheet.addRow(['Période', plainSpaces(model.period.label)]);
  if (model.comparison)
    sheet.addRow(['Période de comparaison', plainSpaces(model.comparison.label)]);
  sheet.addRow(['Centres', plainSpaces(centresText(model))]);

  if (model.kpis.length > 0) {
    const withPrevious = model.kpis.some((k) => k.previous !== undefined);
    sheet.addRow([]);
    sheet.addRow(['Indicateurs clés']).font = SECTION_FONT;
    sheet.addRow([
      'Indicateur',
      'Valeur',
      ...(withPrevious ? ['Période de comparaison'] : []),
    ]).font = BOLD;
    for (const k of model.kpis) {
      const row = sheet.addRow([plainSpaces(k.label)]);
      setFigure(row.getCell(2), k.value, k.unit);
      if (withPrevious) setFigure(row.getCell(3), k.previous ?? null, k.unit);
    }
  }
  for (const table of reportTables(model)) writeTable(sheet, table);
}

function writeDefinitions(sheet: ExcelJS.Worksheet, models: readonly ReportModel[]) {
  sheet.columns = [
    { header: 'Rapport', width: 30 },
    { header: 'Terme', width: 34 },
    { header: 'Définition', width: 90 },
  ];
  sheet.getRow(1).font = BOLD;
  for (const model of models) {
    const title = plainSpaces(model.title);
    for (const k of model.kpis)
      if (k.definition) sheet.addRow([title, plainSpaces(k.label), plainSpaces(k.definition)]);
    for (const n of model.notes)
      sheet.addRow([title, plainSpaces(n.term), plainSpaces(n.definition)]);
  }
  sheet.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
}

/** The workbook of one or more reports (a single report's file, or every report of the board pack). */
export async function reportsToXlsx(
  models: readonly ReportModel[],
): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded when a workbook is asked for, not when the server starts (~0.4 s of start-up).
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'Lakou';
  book.title = models.length === 1 ? plainSpaces(models[0]?.title ?? '') : 'Rapports';
  const taken = new Set<string>(['définitions']);
  for (const model of models) writeReport(book.addWorksheet(sheetName(model.title, taken)), model);
  writeDefinitions(book.addWorksheet('Définitions'), models);
  const buffer = await book.xlsx.writeBuffer();
  const bytes = new Uint8Array(new ArrayBuffer(buffer.byteLength));
  bytes.set(new Uint8Array(buffer as ArrayBuffer));
  return bytes;
}
