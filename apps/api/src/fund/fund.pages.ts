import type { Page, PageQuery } from '@lakou/domain/shared';
import type { SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { countColumn, toPage } from '../db/paginate.ts';
import type { Executor } from './fund.queries.ts';

/** The number of a table's rows that match `where`: the total of a fund list. */
export async function countWhere(
  db: Executor,
  table: PgTable,
  where: SQL | undefined,
): Promise<number> {
  const [r] = await db.select({ n: countColumn() }).from(table).where(where);
  return r?.n ?? 0;
}

/**
 * The page envelope for rows selected as `{ row, total: totalColumn() }` whose items are views
 * loaded for the whole page at once (`loadViews`), each matched back to its row by id.
 */
export async function viewPage<Row extends { id: string }, View extends { id: string }>(
  rows: { row: Row; total: number }[],
  query: PageQuery,
  countAll: () => Promise<number>,
  loadViews: (rows: Row[]) => Promise<View[]>,
): Promise<Page<View>> {
  const views = await loadViews(rows.map((r) => r.row));
  const byId = new Map(views.map((view) => [view.id, view]));
  return toPage(rows, query, countAll, ({ row }) => byId.get(row.id) as View);
}
