import type {
  Assignment,
  countUnits,
  Garden,
  HarvestDestination,
  Plot,
} from '@lakou/domain/gardens';
import { harvestDestinations } from '@lakou/domain/gardens';
import { Temporal } from 'temporal-polyfill';
import { kilogramsToGrams } from './donations.ts';

/*
 * Pure helpers of the gardens' screens: where each plot sits on the garden's map, what a plot's
 * state reads as, harvests typed in kilograms or counted, the totals per destination, the work
 * sessions' days. No React: unit-tested in Node.
 */

/** The gardens keep French Guiana's calendar, as the API does for « not in the future ». */
export const GARDENS_TIME_ZONE = 'America/Cayenne';

/** Today in the gardens' calendar (AAAA-MM-JJ), never the browser's zone. */
export function gardensToday(now: Temporal.Instant = Temporal.Now.instant()): string {
  return now.toZonedDateTimeISO(GARDENS_TIME_ZONE).toPlainDate().toString();
}

/** What a plot is today: an individual plot free or held, or a collective plot (always open). */
export type PlotState = 'free' | 'taken' | 'collective';

export function plotState(plot: Pick<Plot, 'kind' | 'currentGardeners'>): PlotState {
  if (plot.kind === 'collective') return 'collective';
  return plot.currentGardeners.length === 0 ? 'free' : 'taken';
}

/** The individual plots nobody gardens today, as the map shows them. */
export function freePlots<T extends Pick<Plot, 'kind' | 'currentGardeners'>>(
  plots: readonly T[],
): T[] {
  return plots.filter((p) => plotState(p) === 'free');
}

export interface PlacedPlot<T> {
  plot: T;
  row: number;
  column: number;
}

/**
 * The plots on a `columns` × `rows` map, in reading order (row by row, left to right), so
 * that the tab order and a screen reader follow what the eye sees. A plot outside the grid (the
 * garden's grid was made smaller) or on a cell already drawn is listed apart, never hidden.
 */
export function placePlots<T extends Pick<Plot, 'row' | 'column' | 'label'>>(
  grid: Pick<Garden, 'gridColumns' | 'gridRows'>,
  plots: readonly T[],
): { placed: PlacedPlot<T>[]; apart: T[] } {
  const sorted = [...plots].sort(
    (a, b) => a.row - b.row || a.column - b.column || a.label.localeCompare(b.label, 'fr'),
  );
  const taken = new Set<string>();
  const placed: PlacedPlot<T>[] = [];
  const apart: T[] = [];
  for (const plot of sorted) {
    const cell = `${plot.row}:${plot.column}`;
    const inside =
      plot.row >= 1 &&
      plot.column >= 1 &&
      plot.row <= grid.gridRows &&
      plot.column <= grid.gridColumns;
    if (!inside || taken.has(cell)) {
      apart.push(plot);
      continue;
    }
    taken.add(cell);
    placed.push({ plot, row: plot.row, column: plot.column });
  }
  return { placed, apart };
}

/** The first empty cell in reading order, where a new plot goes by default; null when full. */
export function firstFreeCell(
  grid: Pick<Garden, 'gridColumns' | 'gridRows'>,
  plots: readonly Pick<Plot, 'row' | 'column'>[],
): { row: number; column: number } | null {
  const taken = new Set(plots.map((p) => `${p.row}:${p.column}`));
  for (let row = 1; row <= grid.gridRows; row++)
    for (let column = 1; column <= grid.gridColumns; column++)
      if (!taken.has(`${row}:${column}`)) return { row, column };
  return null;
}

/** Whether a cell is on the grid and not held by another plot than `exceptId`. */
export function cellProblem(
  grid: Pick<Garden, 'gridColumns' | 'gridRows'>,
  plots: readonly Pick<Plot, 'id' | 'row' | 'column'>[],
  cell: { row: number; column: number },
  exceptId: string | null = null,
): 'outside' | 'taken' | null {
  if (
    !Number.isInteger(cell.row) ||
    !Number.isInteger(cell.column) ||
    cell.row < 1 ||
    cell.column < 1 ||
    cell.row > grid.gridRows ||
    cell.column > grid.gridColumns
  )
    return 'outside';
  return plots.some((p) => p.id !== exceptId && p.row === cell.row && p.column === cell.column)
    ? 'taken'
    : null;
}

/** Gardens grouped by centre, centres and gardens by name (French order). */
export function gardensByCentre<T extends Pick<Garden, 'centreId' | 'centreName' | 'name'>>(
  gardens: readonly T[],
): { centreId: string; centreName: string; gardens: T[] }[] {
  const groups = new Map<string, { centreId: string; centreName: string; gardens: T[] }>();
  for (const garden of gardens) {
    const group = groups.get(garden.centreId) ?? {
      centreId: garden.centreId,
      centreName: garden.centreName,
      gardens: [],
    };
    group.gardens.push(garden);
    groups.set(garden.centreId, group);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'fr');
  return [...groups.values()]
    .map((g) => ({ ...g, gardens: [...g.gardens].sort((a, b) => byName(a.name, b.name)) }))
    .sort((a, b) => byName(a.centreName, b.centreName));
}

/** Grams as kilograms: « 12,5 kg », « 0,25 kg », « 1 250 kg ». */
export function formatKilograms(grams: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(grams / 1000)} kg`;
}

/** Square metres: « 12 m² », « 1 250,5 m² ». */
export function formatSquareMetres(m2: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(m2)} m²`;
}

/**
 * Kilograms typed at the garden's scale (« 2,5 », « 2.5 », « 1 250 kg ») as integer grams, or
 * null: at most three decimals (the gram), nothing rounded silently, zero refused.
 */
export function harvestGrams(text: string): number | null {
  return kilogramsToGrams(text);
}

/** A whole number typed (« 3 »), at least 1, or null. */
export function wholeCount(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,6}$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value >= 1 ? value : null;
}

/** A number typed in a form (« 12 », « 12,5 ») as a positive number, or null. */
export function positiveNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value > 0 && Number.isFinite(value) ? value : null;
}

export type CountUnit = (typeof countUnits)[number];

/**
 * How much a harvest was: its mass when weighed, else its count and unit (the unit's words come
 * from the caller, already translated and pluralised).
 */
export function harvestQuantity(
  harvest: { grams: number | null; count: number | null; countUnit: CountUnit | null },
  locale: string,
  unitLabel: (unit: CountUnit, count: number) => string,
): string {
  if (harvest.grams !== null) return formatKilograms(harvest.grams, locale);
  if (harvest.count !== null && harvest.countUnit !== null)
    return `${new Intl.NumberFormat(locale).format(harvest.count)} ${unitLabel(harvest.countUnit, harvest.count)}`;
  return '—';
}

export interface DestinationTotal {
  destination: HarvestDestination;
  grams: number;
  /** Whole percentage of the weighed total (0 when nothing was weighed). */
  percent: number;
}

/**
 * The harvest totals per destination in the domain's order, with each one's share of the whole,
 * and the whole; a destination the API left out counts 0.
 */
export function destinationTotals(
  totals: Partial<Record<HarvestDestination | 'total', number>> | null | undefined,
): { rows: DestinationTotal[]; grams: number } {
  const rows = harvestDestinations.map((destination) => ({
    destination,
    grams: totals?.[destination] ?? 0,
    percent: 0,
  }));
  const grams = totals?.total ?? rows.reduce((sum, r) => sum + r.grams, 0);
  for (const row of rows) row.percent = grams > 0 ? Math.round((row.grams / grams) * 100) : 0;
  return { rows, grams };
}

/** A plot's assignments, the current and latest first. */
export function plotHistory<T extends Pick<Assignment, 'startsOn' | 'endsOn'>>(
  assignments: readonly T[],
): T[] {
  return [...assignments].sort(
    (a, b) =>
      Number(b.endsOn === null) - Number(a.endsOn === null) || b.startsOn.localeCompare(a.startsOn),
  );
}

/** Whether an assignment still holds the plot on `today` (its end, included, not yet past). */
export function isCurrent(a: Pick<Assignment, 'startsOn' | 'endsOn'>, today: string): boolean {
  return a.startsOn <= today && (a.endsOn === null || a.endsOn >= today);
}

/** The calendar day of an instant in the gardens' zone: the day the agenda opens on. */
export function dayOf(instant: string): string {
  return Temporal.Instant.from(instant)
    .toZonedDateTimeISO(GARDENS_TIME_ZONE)
    .toPlainDate()
    .toString();
}

/** The years the harvests are read by: this year and the two before. */
export function harvestYears(today: string, back = 2): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: back + 1 }, (_, i) => year - i);
}

/** A year as the harvests' `from`/`to` filter (its first and last days). */
export function yearBounds(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
