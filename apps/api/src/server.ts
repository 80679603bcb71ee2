import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { startCirclePurge } from './circles/purge.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { acquireDataDirLock, DataDirBusyError } from './db/data-dir-lock.ts';
import { DEMO_PASSWORD, demoUsers, hasDemoUsers } from './db/seed/demo-users.ts';
import { isEmpty, seedDemoNetwork } from './db/seed/seed.ts';
import { MissingSecretError, resolveSecret } from './identity/secret.ts';
import { startOutboxDispatcher } from './mail/dispatcher.ts';

const startedAt = performance.now();
const config = readConfig();

let releaseLock: (() => void) | undefined;
let secret: string;
try {
  secret = resolveSecret({
    fromEnv: config.secret,
    production: config.production,
    dataDir: config.dataDir,
  });
  if (!config.databaseUrl) {
    releaseLock = acquireDataDirLock(config.dataDir, { command: 'serveur', port: config.port });
  }
} catch (error) {
  console.error(
    error instanceof DataDirBusyError || error instanceof MissingSecretError
      ? error.message
      : error,
  );
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
    `[lakou] base vide : réseau de démonstration chargé (${report.centresCreated} centres, ${report.partnersCreated} partenaires, ${report.usersCreated} comptes de démonstration, ${report.resourcesCreated} ressources, ${report.bookingsCreated} réservations).`,
  );
}
const signInHelp = (await hasDemoUsers(database.db))
  ? [
      `[lakou] connexion de démonstration sur ${config.publicUrl}/sign-in — mot de passe « ${DEMO_PASSWORD} » pour :`,
      ...demoUsers.map(
        (u) => `[lakou]   ${u.email.padEnd(28)} ${u.roles.map((r) => r.role).join(', ')}`,
      ),
    ]
  : [];

const outbox = startOutboxDispatcher(database.db, {
  smtpUrl: config.smtpUrl,
  from: config.mailFrom,
});
// Personal data of circle cases closed long enough ago: purged now, then every day.
startCirclePurge(database.db, config.circlesRetentionMonths, (line) => console.log(line));

const app = createApp({
  database,
  hubDist: config.hubDist,
  bodyLimit: config.bodyLimit,
  identity: {
    secret,
    publicUrl: config.publicUrl,
    corsOrigins: config.corsOrigins,
    authLimits: { signInPerAddress: { limit: config.signInPerAddress, windowSeconds: 60 } },
    trustProxy: config.trustProxy,
    onEmailQueued: outbox.wake,
  },
});
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  const ms = Math.round(performance.now() - startedAt);
  console.log(
    `[lakou] prêt sur http://localhost:${info.port} — base ${database.kind} (${database.location}) — démarré en ${ms} ms`,
  );
  for (const line of signInHelp) console.log(line);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[lakou] ${signal} reçu : arrêt.`);
  server.close();
  await outbox.stop();
  await database.close();
  releaseLock?.();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
