/**
 * One way to write a report figure, shared by the chart configs, the CSV, the XLSX and the PDF:
 * cents as euros, grams as kilograms or tonnes, ratios as percentages, hours with « h ».
 * Browser-safe (no node import): the hub's charts use it.
 */
import { formatEuros, formatMass, type MassUnit } from '../format.ts';
import type { Unit } from '../model/report.ts';

/** What an absent figure reads as (a ratio whose denominator is zero, an empty bucket …). */
export const MISSING = '—';

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

/** Masses read in kilograms below a tonne, in tonnes from a tonne up (never in grams). */
export function reportMassUnit(grams: number): Extract<MassUnit, 'kg' | 't'> {
  return Math.abs(grams) >= 1_000_000 ? 't' : 'kg';
}

/**
 * A figure as French text: `formatValue(123456, 'cents')` → « 1 234,56 € »,
 * `formatValue(2500, 'grams')` → « 2,5 kg », `formatValue(0.25, 'ratio')` → « 25 % »,
 * `formatValue(null, …)` → « — ». `massUnit` forces one mass unit (an axis keeps one unit).
 */
export function formatValue(
  value: number | string | null | undefined,
  unit: Unit,
  options: { massUnit?: 'kg' | 't' } = {},
): string {
  if (value === null || value === undefined || value === '') return MISSING;
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return MISSING;
  switch (unit) {
    case 'cents':
      return formatEuros(Math.round(value));
    case 'grams': {
      const grams = Math.round(value);
      return formatMass(grams, options.massUnit ?? reportMassUnit(grams));
    }
    case 'ratio':
      return percent.format(value);
    case 'hours':
      return `${decimal.format(value)}\u00a0h`;
    case 'count':
      return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
    case 'text':
      return String(value);
  }
}

/** The unit a whole axis of masses reads in, from its largest value. */
export function axisMassUnit(values: readonly (number | null)[]): 'kg' | 't' {
  let max = 0;
  for (const v of values) if (v !== null && Math.abs(v) > max) max = Math.abs(v);
  return reportMassUnit(max);
}

/** For files meant for machines (none of the renderers' spacing characters): plain spaces. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}
