/**
 * A report as CSV for a spreadsheet in French: UTF-8 with a BOM, `;` between cells, decimal
 * comma, CRLF. A header (title, period, comparison, centres), then one section per block: the key
 * figures, each chart as its table, each table — every section under its title row, sections
 * apart by an empty line. Figures are in the unit their column header names (€, kg, %, h).
 */
import Papa from 'papaparse';
import type { ReportModel, TableModel } from '../model/report.ts';
import { plainSpaces } from './chart.ts';
import { centresText, csvNumber, FILE_UNIT, headerOf, reportTables } from './file-units.ts';

type Line = string[];

/**
 * A text cell a spreadsheet would run as a formula (« =… », « +… », « -… », « @… ») is
 * written with a leading apostrophe, as OWASP advises against CSV injection.
 */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(
  value: string | number | null | undefined,
  unit: TableModel['columns'][number]['unit'],
): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return safeText(plainSpaces(value));
  return unit === 'text' ? String(value) : csvNumber(value, unit);
}

function tableLines(table: TableModel): Line[] {
  const lines: Line[] = [[safeText(table.title)], table.columns.map((c) => safeText(headerOf(c)))];
  for (const row of table.rows)
    lines.push(table.columns.map((c) => cell(row.cells[c.key], c.unit)));
  if (table.totals) {
    const totals = table.totals;
    lines.push(
      table.columns.map((c, i) => {
        const v = totals[c.key];
        return v === undefined && i === 0 ? 'Total' : cell(v, c.unit);
      }),
    );
  }
  return lines;
}

export function reportToCsv(model: ReportModel): string {
  const lines: Line[] = [
    [safeText(model.title)],
    ['Période', plainSpaces(model.period.label), model.period.from, model.period.to],
  ];
  if (model.comparison)
    lines.push([
      'Période de comparaison',
      plainSpaces(model.comparison.label),
      model.comparison.from,
      model.comparison.to,
    ]);
  lines.push(['Centres', safeText(plainSpaces(centresText(model)))]);

  if (model.kpis.length > 0) {
    lines.push([], ['Indicateurs clés']);
    const withPrevious = model.kpis.some((k) => k.previous !== undefined);
    lines.push([
      'Indicateur',
      'Valeur',
      'Unité',
      ...(withPrevious ? ['Période de comparaison'] : []),
      'Définition',
    ]);
    for (const k of model.kpis) {
      lines.push([
        safeText(k.label),
        k.unit === 'text' ? String(k.value ?? '') : csvNumber(k.value, k.unit),
        FILE_UNIT[k.unit],
        ...(withPrevious ? [k.previous == null ? '' : csvNumber(k.previous, k.unit)] : []),
        safeText(k.definition ?? ''),
      ]);
    }
  }
  for (const table of reportTables(model)) lines.push([], ...tableLines(table));
  if (model.notes.length > 0) {
    lines.push([], ['Définitions']);
    for (const n of model.notes) lines.push([safeText(n.term), safeText(n.definition)]);
  }
  const csv = Papa.unparse(lines, { delimiter: ';', newline: '\r\n', quotes: false });
  return `\uFEFF${csv}\r\n`;
}
