import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { acquireDataDirLock, DataDirBusyError } from './db/data-dir-lock.ts';
import { isEmpty, seedDemoNetwork } from './db/seed/seed.ts';

const startedAt = performance.now();
const config = readConfig();

let releaseLock: (() => void) | undefined;
try {
  if (!config.databaseUrl) {
    releaseLock = acquireDataDirLock(config.dataDir, { command: 'serveur', port: config.port });
  }
} catch (error) {
  console.error(error instanceof DataDirBusyError ? error.message : error);
  process.exit(1);
}

const database = await openDatabase(
  config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: config.dataDir },
);
await database.migrate();
if (await isEmpty(database.db)) {
  const report = await seedDemoNetwork(database.db);
  console.log(
    `[lakou] base vide : réseau de démonstration chargé (${report.centresCreated} centres, ${report.partnersCreated} partenaires).`,
  );
}

const app = createApp({ database, hubDist: config.hubDist, bodyLimit: config.bodyLimit });
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  const ms = Math.round(performance.now() - startedAt);
  console.log(
    `[lakou] prêt sur http://localhost:${info.port} — base ${database.kind} (${database.location}) — démarré en ${ms} ms`,
  );
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[lakou] ${signal} reçu : arrêt.`);
  server.close();
  await database.close();
  releaseLock?.();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
