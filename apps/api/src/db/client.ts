import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { MIGRATIONS_DIR } from '../config.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The one database type the queries see, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Where the data lives: a folder for PGlite (or "memory"), the server for PostgreSQL. */
  location: string;
  /** Applies the committed migrations that are not applied yet. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball, to start another database from. */
  snapshot?(): Promise<Blob>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<PGlite> {
  const client = await PGlite.create({
    extensions: { btree_gist },
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  await client.waitReady;
  return client;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const client = postgres(target.url, {
      max: target.maxConnections ?? 10,
      onnotice: () => {},
      // No JIT compilation: the reports' queries over years of rows pass its cost threshold and
      // spent 150–250 ms compiling for a few ms of execution (EXPLAIN ANALYZE on the scale seed,
      // PostgreSQL 15). A server's own setting is kept for other clients.
      connection: { jit: 'off' },
    });
    const db = drizzlePostgres({
      client: preparing(client),
      schema,
      casing: 'snake_case',
    }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      location: redactUrl(target.url),
      migrate: () => migrateWithLock(target.url),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = await openPglite(target.dataDir, target.loadDataDir);
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location: target.dataDir ?? 'memory',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => client.close(),
    snapshot: () => client.dumpDataDir('none'),
  };
}

type Sql = postgres.Sql | postgres.TransactionSql | postgres.ReservedSql;

/**
 * The client drizzle sees: every statement it sends is a named prepared statement of the
 * connection (drizzle asks postgres.js for unnamed ones unless a query is given a name). An
 * unnamed statement with parameters costs two round trips (Parse/Describe, then Bind/Execute)
 * and a parse and plan on the server each time; a prepared one, one round trip after its first
 * use on a connection. Connections are recycled (postgres.js `max_lifetime`, 30–60 min), which
 * bounds the statements each keeps. Behind a pooler that cannot keep them (PgBouncer in
 * transaction mode before 1.21), `?prepare=false` in the URL turns them off for every query.
 */
export function preparing<T extends Sql>(sql: T): T {
  return new Proxy(sql, {
    get(target, key, receiver) {
      if (key === 'unsafe')
        return (query: string, args: unknown[] = [], options: object = {}) =>
          target.unsafe(query, args as never, { ...options, prepare: true });
      if (key === 'begin' || key === 'savepoint')
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: Sql) => unknown;
          const method = Reflect.get(target, key) as (...a: unknown[]) => unknown;
          return Reflect.apply(method, target, [...args, (tx: Sql) => fn(preparing(tx))]);
        };
      return Reflect.get(target, key, receiver);
    },
  });
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

/** Any fixed number: the advisory lock that keeps two servers from migrating at once. */
const MIGRATION_LOCK_KEY = 4_120_601;

/**
 * Several API processes may start together against one server: they queue on an advisory lock
 * held on one dedicated connection, and each finds the work done by the first.
 */
async function migrateWithLock(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * A statement drizzle builds once per database instead of at every call: `build` makes it with
 * `sql.placeholder(…)` for the values and `.prepare(name)`s it, and each call `execute`s it with
 * its values. Building a select costs drizzle 0.1–0.3 ms of CPU (walking the columns and SQL
 * chunks); a hot statement of every request is worth building once. Kept per database (or
 * transaction) handle, weakly: a prepared statement belongs to the session it was built on.
 */
export function preparedPerDb<D extends object, P>(build: (db: D) => P): (db: D) => P {
  const built = new WeakMap<D, P>();
  return (db) => {
    let prepared = built.get(db);
    if (prepared === undefined) {
      prepared = build(db);
      built.set(db, prepared);
    }
    return prepared;
  };
}
