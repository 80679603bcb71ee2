import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/api, whether we run from src/ (tsx, vitest) or from the bundle in dist/. */
export const API_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MIGRATIONS_DIR = resolve(API_ROOT, 'drizzle');

export interface Config {
  port: number;
  /** When set, a PostgreSQL server; otherwise the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** The built hub to serve on the same port, if present. */
  hubDist: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
}

/**
 * Where the user ran pnpm from: pnpm runs package scripts inside the package, but `.data/`
 * belongs at the root of the checkout the user is working in.
 */
function invocationDir(env: NodeJS.ProcessEnv): string {
  return env.INIT_CWD ?? process.cwd();
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT invalide : « ${env.PORT} » (entier de 0 à 65535 attendu).`);
  }
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    // A relative DATA_DIR is read from where the user typed the command; the default is the
    // checkout's own .data/ so `pnpm start`, `pnpm dev` and `pnpm lakou` share one database.
    dataDir: env.DATA_DIR
      ? resolve(invocationDir(env), env.DATA_DIR)
      : resolve(API_ROOT, '../../.data'),
    hubDist: resolve(env.HUB_DIST ?? resolve(API_ROOT, '../hub/dist')),
    bodyLimit: Number(env.BODY_LIMIT ?? 1024 * 1024),
  };
}
