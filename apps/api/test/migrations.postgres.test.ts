import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { migrationStatus, readJournal } from '../src/db/migrations.ts';
import { freshDatabase } from './harness.ts';

// Concurrency needs a real server: PGlite has a single connection and cannot show a race.
describe.runIf(process.env.TEST_DATABASE_URL)('migrations on a PostgreSQL server', () => {
  it('lets several servers start at once: each waits, none fails, all are applied once', async () => {
    const database = await freshDatabase('postgres');
    try {
      await database.db.execute('drop schema if exists drizzle cascade');
      await database.db.execute('drop schema public cascade');
      await database.db.execute('create schema public');
      const url = database.url as string;
      const servers = await Promise.all(
        [1, 2, 3].map(() => openDatabase({ kind: 'postgres', url, maxConnections: 2 })),
      );
      await Promise.all(servers.map((s) => s.migrate()));
      await Promise.all(servers.map((s) => s.close()));
      const status = await migrationStatus(database.db);
      expect(status.applied).toBe(readJournal().length);
      expect(status.pending).toBe(0);
    } finally {
      await database.dispose();
    }
  });
});
