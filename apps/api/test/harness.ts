import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createApp } from '../src/app.ts';
import { type Database, type DatabaseKind, openDatabase } from '../src/db/client.ts';
import { withDatabase } from './database-url.ts';

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL names one. */
export const engines: DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export interface TestDatabase extends Database {
  /** For PostgreSQL: the URL of the throw-away database. */
  url?: string;
  dispose(): Promise<void>;
}

/**
 * A database of this test file's own, copied from the run's template (test/global-setup.ts):
 * migrated, or migrated and seeded with the demo network. In-memory PGlite loaded from the
 * template's tarball, or a database created on the server from the template database.
 */
async function copyOfTemplate(
  kind: DatabaseKind,
  template: 'migrated' | 'seeded',
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const tarball = inject(template === 'migrated' ? 'pgliteMigrated' : 'pgliteSeeded');
    const database = await openDatabase({
      kind: 'pglite',
      loadDataDir: new Blob([readFileSync(tarball)]),
    });
    return { ...database, dispose: () => database.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const source = inject(template === 'migrated' ? 'postgresMigrated' : 'postgresSeeded');
  const name = `lakou_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${source}`);
  const url = withDatabase(serverUrl, name);
  const database = await openDatabase({ kind: 'postgres', url, maxConnections: 4 });
  return {
    ...database,
    url,
    dispose: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** A brand-new, migrated database for this test file. */
export function freshDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  return copyOfTemplate(kind, 'migrated');
}

/** A fresh database with the demo network, and the app in process on top of it. */
export async function seededApp(kind: DatabaseKind) {
  const database = await copyOfTemplate(kind, 'seeded');
  const app = createApp({ database });
  return { database, app };
}

export async function json<T = unknown>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** The origin the app believes it is served from (createApp's default public URL). */
export const ORIGIN = 'http://localhost:3000';

export interface Caller {
  /** A session cookie (`name=value`) or a personal access token. */
  cookie?: string;
  token?: string;
  /** Overrides the Origin header sent with unsafe requests (default: the app's own). */
  origin?: string | null;
}

type AppLike = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

/** A request as the hub (same origin, cookie) or an integration (Bearer token) sends it. */
export function call(
  app: AppLike,
  method: string,
  path: string,
  options: Caller & { body?: unknown } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const origin = options.origin === undefined ? ORIGIN : options.origin;
  if (method !== 'GET' && origin) headers.origin = origin;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return Promise.resolve(
    app.request(path, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    }),
  );
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Signs in through the auth library's route; returns the session cookie. */
export async function signIn(app: AppLike, email: string, password: string): Promise<string> {
  const res = await call(app, 'POST', '/api/auth/sign-in/email', { body: { email, password } });
  if (res.status !== 200)
    throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = cookiesOf(res);
  if (!cookie.includes('lakou.session_token')) throw new Error(`no session cookie for ${email}`);
  return cookie;
}
