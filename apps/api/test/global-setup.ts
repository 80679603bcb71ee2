import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { type Database, openDatabase } from '../src/db/client.ts';
import { seedDemoNetwork } from '../src/db/seed/seed.ts';
import { withDatabase } from './database-url.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Tarballs of a migrated PGlite data directory, and of one seeded with the demo network. */
    pgliteMigrated: string;
    pgliteSeeded: string;
    /** PostgreSQL template databases (empty strings without TEST_DATABASE_URL). */
    postgresMigrated: string;
    postgresSeeded: string;
  }
}

/**
 * Migrates and seeds once per run, then every test file starts from a copy: a PGlite data
 * directory loaded from a tarball, or a PostgreSQL database created from a template. Each file
 * still gets a database of its own; only the repeated migrating and seeding is saved.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'lakou-api-tests-'));
  const pglite = await openDatabase({ kind: 'pglite' });
  await pglite.migrate();
  const migrated = join(dir, 'migrated.tar');
  await writeSnapshot(pglite, migrated);
  await seedDemoNetwork(pglite.db);
  const seeded = join(dir, 'seeded.tar');
  await writeSnapshot(pglite, seeded);
  await pglite.close();
  project.provide('pgliteMigrated', migrated);
  project.provide('pgliteSeeded', seeded);

  const serverUrl = process.env.TEST_DATABASE_URL;
  const templates: string[] = [];
  if (serverUrl) {
    const suffix = `${process.pid}_${Date.now()}`;
    const names = { migrated: `lakou_tpl_m_${suffix}`, seeded: `lakou_tpl_s_${suffix}` };
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${names.migrated}`);
    templates.push(names.migrated);
    const base = await openDatabase({
      kind: 'postgres',
      url: withDatabase(serverUrl, names.migrated),
      maxConnections: 2,
    });
    await base.migrate();
    await base.close();
    await admin.unsafe(`create database ${names.seeded} template ${names.migrated}`);
    templates.push(names.seeded);
    const full = await openDatabase({
      kind: 'postgres',
      url: withDatabase(serverUrl, names.seeded),
      maxConnections: 2,
    });
    await seedDemoNetwork(full.db);
    await full.close();
    await admin.end();
    project.provide('postgresMigrated', names.migrated);
    project.provide('postgresSeeded', names.seeded);
  } else {
    project.provide('postgresMigrated', '');
    project.provide('postgresSeeded', '');
  }

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (serverUrl && templates.length > 0) {
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      for (const name of templates.reverse()) {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
      }
      await admin.end();
    }
  };
}

/** Writes the embedded database's data directory to a tarball. */
async function writeSnapshot(database: Database, path: string): Promise<void> {
  if (!database.snapshot) throw new Error('Only the embedded database can be written to a tarball');
  const tarball = await database.snapshot();
  writeFileSync(path, Buffer.from(await tarball.arrayBuffer()));
}
