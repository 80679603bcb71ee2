/**
 * How a figure travels in a spreadsheet file: in the unit a reader sums in (euros, kilograms,
 * percent, hours), named in the column header, rather than the model's integer cents and grams.
 */
import type { Column, ReportModel, TableModel, Unit } from '../model/report.ts';
import { chartAsTable } from './chart.ts';

/** The unit a file column is written in, as its header shows it: « Ventes (€) ». */
export const FILE_UNIT: Record<Unit, string> = {
  cents: '€',
  grams: 'kg',
  count: '',
  hours: 'h',
  ratio: '%',
  text: '',
};

export function headerOf(column: Pick<Column, 'label' | 'unit'>): string {
  const unit = FILE_UNIT[column.unit];
  return unit ? `${column.label} (${unit})` : column.label;
}

/** An integer as a decimal with `scale` digits after the point, exactly (no float division). */
function scaled(integer: number, scale: number, trim: boolean): string {
  const sign = integer < 0 ? '-' : '';
  const digits = String(Math.abs(integer)).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  if (trim) fraction = fraction.replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `,${fraction}` : ''}`;
}

/** A decimal number with a French comma and no thousands separator (what a French spreadsheet reads). */
function frenchDecimal(value: number, maxDigits: number): string {
  return String(Number(value.toFixed(maxDigits))).replace('.', ',');
}

/**
 * A figure for a CSV cell: French decimal comma, no thousands separator, in the file unit
 * (123456 cents → « 1234,56 »; 2500 g → « 2,5 »; 0.375 → « 37,5 »); empty when absent.
 */
export function csvNumber(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return '';
  switch (unit) {
    case 'cents':
      return scaled(Math.round(value), 2, false);
    case 'grams':
      return scaled(Math.round(value), 3, true);
    case 'ratio':
      return frenchDecimal(value * 100, 2);
    default:
      return frenchDecimal(value, 3);
  }
}

/** A figure for a spreadsheet cell, as a number in the file unit (a ratio stays 0–1, shown as %). */
export function sheetNumber(value: number, unit: Unit): number {
  switch (unit) {
    case 'cents':
      return Math.round(value) / 100;
    case 'grams':
      return Math.round(value) / 1000;
    default:
      return value;
  }
}

/** The spreadsheet number format of a unit. */
export const SHEET_FORMAT: Record<Unit, string | undefined> = {
  cents: '#,##0.00 "€"',
  grams: '#,##0.0## "kg"',
  count: '#,##0',
  hours: '#,##0.0# "h"',
  ratio: '0.0%',
  text: undefined,
};

/** Every table of a report in reading order (as the PDF prints it): each chart's data table, then its tables. */
export function reportTables(model: ReportModel): TableModel[] {
  return [...model.charts.map(chartAsTable), ...model.tables];
}

/** What the centres line of a file says. */
export function centresText(model: ReportModel): string {
  return model.centres.length === 0
    ? 'Tout le réseau'
    : model.centres.map((c) => c.name).join(', ');
}
