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
  /** Signs session cookies; from LAKOU_SECRET (required in production). */
  secret: string | undefined;
  /** The address people reach Lakou at: links in emails, cookie security, trusted origin. */
  publicUrl: string;
  /** Other origins allowed to call the API from a browser (CORS); none by default. */
  corsOrigins: string[];
  /** Behind a reverse proxy: trust X-Forwarded-For for the client address. */
  trustProxy: boolean;
  /** smtp(s)://user:pass@host:port — when unset, emails are printed to the log. */
  smtpUrl: string | undefined;
  mailFrom: string;
  production: boolean;
  /** Sign-in attempts allowed per client address and minute (a centre's public shares one address). */
  signInPerAddress: number;
  /** Months after closing before a circle case's personal data is purged. */
  circlesRetentionMonths: number;
}

/**
 * Where the user ran pnpm from: pnpm runs package scripts inside the package, but `.data/`
 * belongs at the root of the checkout the user is working in.
 */
function invocationDir(env: NodeJS.ProcessEnv): string {
  return env.INIT_CWD ?? process.cwd();
}

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${name} invalide : « ${value} » (entier positif attendu).`);
  }
  return n;
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
    secret: env.LAKOU_SECRET || undefined,
    publicUrl: publicUrl(env.LAKOU_PUBLIC_URL, port),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Lakou <no-reply@lakou.localhost>',
    production: env.NODE_ENV === 'production',
    circlesRetentionMonths: positiveInteger(
      env.CIRCLES_RETENTION_MONTHS,
      12,
      'CIRCLES_RETENTION_MONTHS',
    ),
    signInPerAddress: positiveInteger(
      env.SIGN_IN_LIMIT_PER_ADDRESS,
      50,
      'SIGN_IN_LIMIT_PER_ADDRESS',
    ),
  };
}

function publicUrl(value: string | undefined, port: number): string {
  if (!value) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`LAKOU_PUBLIC_URL invalide : « ${value} » (ex. https://lakou.example.org).`);
  }
  return url.origin;
}
