import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  cellProblem,
  dayOf,
  destinationTotals,
  firstFreeCell,
  formatKilograms,
  formatSquareMetres,
  freePlots,
  gardensByCentre,
  gardensToday,
  harvestGrams,
  harvestQuantity,
  harvestYears,
  isCurrent,
  placePlots,
  plotHistory,
  plotState,
  positiveNumber,
  wholeCount,
  yearBounds,
} from './gardens.ts';

const grid = { gridColumns: 4, gridRows: 3 };
const plot = (id: string, row: number, column: number, label = id) => ({ id, row, column, label });

describe('placePlots', () => {
  it('puts the plots in reading order, row by row then left to right', () => {
    const { placed, apart } = placePlots(grid, [
      plot('c', 2, 1),
      plot('b', 1, 4),
      plot('a', 1, 2),
      plot('d', 3, 3),
    ]);
    expect(placed.map((p) => [p.plot.id, p.row, p.column])).toEqual([
      ['a', 1, 2],
      ['b', 1, 4],
      ['c', 2, 1],
      ['d', 3, 3],
    ]);
    expect(apart).toEqual([]);
  });

  it('lists apart a plot outside the grid or on a cell already drawn, never hides it', () => {
    const { placed, apart } = placePlots(grid, [
      plot('in', 3, 4),
      plot('right', 1, 5),
      plot('below', 4, 1),
      plot('zero', 0, 1),
      plot('A2', 2, 2),
      plot('A1', 2, 2),
    ]);
    expect(placed.map((p) => p.plot.id)).toEqual(['A1', 'in']);
    expect(apart.map((p) => p.id)).toEqual(['zero', 'right', 'A2', 'below']);
  });
});

describe('firstFreeCell and cellProblem', () => {
  it('finds the first empty cell in reading order, null when the grid is full', () => {
    expect(firstFreeCell(grid, [])).toEqual({ row: 1, column: 1 });
    expect(firstFreeCell(grid, [plot('a', 1, 1), plot('b', 1, 2)])).toEqual({ row: 1, column: 3 });
    const full = Array.from({ length: 12 }, (_, i) =>
      plot(`p${i}`, Math.floor(i / 4) + 1, (i % 4) + 1),
    );
    expect(firstFreeCell(grid, full)).toBeNull();
  });

  it('says whether a cell is outside the grid or taken by another plot', () => {
    const plots = [plot('a', 1, 1)];
    expect(cellProblem(grid, plots, { row: 1, column: 2 })).toBeNull();
    expect(cellProblem(grid, plots, { row: 1, column: 1 })).toBe('taken');
    // A plot keeps its own cell when edited.
    expect(cellProblem(grid, plots, { row: 1, column: 1 }, 'a')).toBeNull();
    expect(cellProblem(grid, plots, { row: 4, column: 1 })).toBe('outside');
    expect(cellProblem(grid, plots, { row: 1, column: 5 })).toBe('outside');
    expect(cellProblem(grid, plots, { row: 0, column: 1 })).toBe('outside');
    expect(cellProblem(grid, plots, { row: 1.5, column: 1 })).toBe('outside');
  });
});

describe('plotState', () => {
  const gardener = { assignmentId: 'x', gardenerId: 'g', name: 'Line', startsOn: '2026-01-01' };
  it('tells a free individual plot from a held one and a collective one', () => {
    expect(plotState({ kind: 'individual', currentGardeners: [] })).toBe('free');
    expect(plotState({ kind: 'individual', currentGardeners: [gardener] })).toBe('taken');
    expect(plotState({ kind: 'collective', currentGardeners: [] })).toBe('collective');
    expect(plotState({ kind: 'collective', currentGardeners: [gardener] })).toBe('collective');
  });

  it('counts as free only the individual plots nobody gardens today', () => {
    const plots = [
      { id: 'a', kind: 'individual' as const, currentGardeners: [] },
      { id: 'b', kind: 'individual' as const, currentGardeners: [gardener] },
      { id: 'c', kind: 'collective' as const, currentGardeners: [] },
    ];
    expect(freePlots(plots).map((p) => p.id)).toEqual(['a']);
  });
});

describe('gardensByCentre', () => {
  it('groups the gardens by centre, centres and gardens in French order', () => {
    const groups = gardensByCentre([
      { centreId: 'k', centreName: 'Kourou', name: 'Jardin partagé de Kourou' },
      { centreId: 'v', centreName: 'Village Chinois', name: 'Jardin des Chinois' },
      { centreId: 'k', centreName: 'Kourou', name: 'Écoquartier' },
    ]);
    expect(groups.map((g) => [g.centreName, g.gardens.map((x) => x.name)])).toEqual([
      ['Kourou', ['Écoquartier', 'Jardin partagé de Kourou']],
      ['Village Chinois', ['Jardin des Chinois']],
    ]);
  });
});

describe('masses and numbers typed', () => {
  it('reads kilograms with a decimal comma or point into grams, never rounding', () => {
    expect(harvestGrams('2,5')).toBe(2500);
    expect(harvestGrams('2.5')).toBe(2500);
    expect(harvestGrams('1 250 kg')).toBe(1_250_000);
    expect(harvestGrams('0,125')).toBe(125);
    expect(harvestGrams('0,1255')).toBeNull();
    expect(harvestGrams('0')).toBeNull();
    expect(harvestGrams('-1')).toBeNull();
    expect(harvestGrams('deux')).toBeNull();
  });

  it('reads whole counts and positive numbers', () => {
    expect(wholeCount('3')).toBe(3);
    expect(wholeCount(' 12 ')).toBe(12);
    expect(wholeCount('0')).toBeNull();
    expect(wholeCount('2,5')).toBeNull();
    expect(positiveNumber('12,5')).toBe(12.5);
    expect(positiveNumber('350')).toBe(350);
    expect(positiveNumber('0')).toBeNull();
    expect(positiveNumber('abc')).toBeNull();
  });
});

describe('formatting', () => {
  const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  it('writes kilograms and square metres for the locale', () => {
    expect(nbsp(formatKilograms(2500, 'fr-FR'))).toBe('2,5 kg');
    expect(nbsp(formatKilograms(1_250_000, 'fr-FR'))).toBe('1 250 kg');
    expect(nbsp(formatKilograms(125, 'en-GB'))).toBe('0.125 kg');
    expect(nbsp(formatSquareMetres(12.5, 'fr-FR'))).toBe('12,5 m²');
  });

  it('says a harvest by its mass, else by its count and unit', () => {
    const unit = (u: string, n: number) => (n > 1 ? `${u}s` : u);
    expect(
      nbsp(harvestQuantity({ grams: 3200, count: null, countUnit: null }, 'fr-FR', unit)),
    ).toBe('3,2 kg');
    expect(harvestQuantity({ grams: null, count: 3, countUnit: 'bunch' }, 'fr-FR', unit)).toBe(
      '3 bunchs',
    );
    expect(harvestQuantity({ grams: null, count: null, countUnit: null }, 'fr-FR', unit)).toBe('—');
  });
});

describe('destinationTotals', () => {
  it('lists every destination in order with its share of the weighed total', () => {
    const { rows, grams } = destinationTotals({
      gardener: 1500,
      market: 500,
      total: 2000,
    });
    expect(grams).toBe(2000);
    expect(rows).toEqual([
      { destination: 'gardener', grams: 1500, percent: 75 },
      { destination: 'collective_distribution', grams: 0, percent: 0 },
      { destination: 'market', grams: 500, percent: 25 },
      { destination: 'solidarity_grocery', grams: 0, percent: 0 },
    ]);
  });

  it('sums the destinations when no total is given, and reads nothing as zero', () => {
    expect(destinationTotals({ gardener: 100, solidarity_grocery: 300 }).grams).toBe(400);
    const empty = destinationTotals(undefined);
    expect(empty.grams).toBe(0);
    expect(empty.rows.every((r) => r.grams === 0 && r.percent === 0)).toBe(true);
  });
});

describe('assignments', () => {
  const a = (startsOn: string, endsOn: string | null) => ({ startsOn, endsOn });
  it('lists a plot history current first, then latest first', () => {
    const history = plotHistory([
      a('2024-01-01', '2024-12-31'),
      a('2026-01-01', null),
      a('2025-01-01', '2025-06-30'),
    ]);
    expect(history.map((h) => h.startsOn)).toEqual(['2026-01-01', '2025-01-01', '2024-01-01']);
  });

  it('tells whether an assignment holds the plot today (its last day included)', () => {
    expect(isCurrent(a('2026-01-01', null), '2026-11-23')).toBe(true);
    expect(isCurrent(a('2026-01-01', '2026-11-23'), '2026-11-23')).toBe(true);
    expect(isCurrent(a('2026-01-01', '2026-11-22'), '2026-11-23')).toBe(false);
    expect(isCurrent(a('2026-12-01', null), '2026-11-23')).toBe(false);
  });
});

describe('calendar', () => {
  it('keeps French Guiana’s day, not the browser’s', () => {
    // 02:30 UTC on 24 November is still 23 November in Cayenne (UTC−3).
    const instant = Temporal.Instant.from('2026-11-24T02:30:00Z');
    expect(gardensToday(instant)).toBe('2026-11-23');
    expect(dayOf('2026-11-24T02:30:00Z')).toBe('2026-11-23');
    expect(dayOf('2026-11-24T10:00:00-03:00')).toBe('2026-11-24');
  });

  it('offers this year and the two before, each read from its first to its last day', () => {
    expect(harvestYears('2026-11-23')).toEqual([2026, 2025, 2024]);
    expect(yearBounds(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
