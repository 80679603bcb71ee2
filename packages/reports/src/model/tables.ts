import type { Column, Row, TableModel } from './report.ts';

/** Sums one figure over some lines. */
export const sumOf = <T>(items: readonly T[], pick: (item: T) => number): number =>
  items.reduce((s, item) => s + pick(item), 0);

/**
 * The « Par centre » table: one row per centre covered (display order), drilling down to the
 * centre, and the totals line when summing means something.
 */
export function byCentreTable(
  centres: readonly { id: string; name: string }[],
  columns: readonly Column[],
  cells: (centreId: string) => Row['cells'],
  totals?: Row['cells'],
): TableModel {
  return {
    id: 'by-centre',
    title: 'Par centre',
    columns: [{ key: 'centre', label: 'Centre', unit: 'text' }, ...columns],
    rows: centres.map((c) => ({
      cells: { centre: c.name, ...cells(c.id) },
      drill: { centreId: c.id },
    })),
    ...(totals ? { totals: { centre: 'Total', ...totals } } : {}),
  };
}
