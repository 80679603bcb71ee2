import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR } from '../config.ts';
import type { Db } from './client.ts';

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export interface MigrationStatus {
  applied: number;
  pending: number;
  latest: string | null;
}

export function readJournal(): JournalEntry[] {
  const journal = JSON.parse(
    readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/** What the database has applied, compared with the migrations shipped in this build. */
export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  const journal = readJournal();
  const exists = await db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!rows<{ present: boolean }>(exists)[0]?.present)
    return { applied: 0, pending: journal.length, latest: null };
  const result = await db.execute(
    sql`select count(*)::int as applied, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  const row = rows<{ applied: number; last: string | null }>(result)[0];
  const applied = Number(row?.applied ?? 0);
  const latest = journal.find((e) => String(e.when) === row?.last)?.tag ?? null;
  return { applied, pending: Math.max(0, journal.length - applied), latest };
}

/** postgres.js returns an array of rows; PGlite returns `{ rows }`. */
export function rows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
