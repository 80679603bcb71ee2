import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SECRET_MIN_LENGTH = 32;

export class MissingSecretError extends Error {}

/**
 * The secret that signs session cookies. It comes from LAKOU_SECRET; only outside production,
 * for the embedded database, one is generated once and kept in the data folder (mode 0600) so
 * sessions survive restarts.
 */
export function resolveSecret(options: {
  fromEnv: string | undefined;
  production: boolean;
  dataDir: string;
}): string {
  if (options.fromEnv) {
    if (options.fromEnv.length < SECRET_MIN_LENGTH) {
      throw new MissingSecretError(
        `LAKOU_SECRET est trop court : au moins ${SECRET_MIN_LENGTH} caractères (ex. « openssl rand -base64 48 »).`,
      );
    }
    return options.fromEnv;
  }
  if (options.production) {
    throw new MissingSecretError(
      'LAKOU_SECRET manque : en production, le secret des sessions vient de l’environnement (ex. « openssl rand -base64 48 »).',
    );
  }
  const file = join(options.dataDir, 'secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= SECRET_MIN_LENGTH) return stored;
  }
  mkdirSync(options.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
