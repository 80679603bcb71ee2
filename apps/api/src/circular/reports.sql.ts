import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/** The rows of a raw query, whichever engine answers (PGlite gives `{ rows }`, postgres.js an array). */
export async function rowsOf<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** A centre scope as SQL: every centre, or only these (none: no row at all). */
export interface MovementFilter {
  from?: string;
  to?: string;
  /** 'all', or the centres the reader may see. */
  centres: 'all' | string[];
  centreId?: string;
  streamId?: string;
}

/**
 * The conditions of one movement table, on its own columns so that each branch of a union can
 * use its (centre, date) and date indexes.
 */
export function movementWhere(
  f: MovementFilter,
  cols: { date: SQL; centre: SQL; stream: SQL },
): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.from) parts.push(sql`${cols.date} >= ${f.from}::date`);
  if (f.to) parts.push(sql`${cols.date} <= ${f.to}::date`);
  if (f.centres !== 'all') {
    if (f.centres.length === 0) parts.push(sql`false`);
    else
      parts.push(
        sql`${cols.centre} in (${sql.join(
          f.centres.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      );
  }
  if (f.centreId) parts.push(sql`${cols.centre} = ${f.centreId}::uuid`);
  if (f.streamId) parts.push(sql`${cols.stream} = ${f.streamId}::uuid`);
  return sql.join(parts, sql` and `);
}
