import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LockOwner {
  pid: number;
  command: string;
  port?: number;
  since: string;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `Le dossier de données ${dataDir} est utilisé par un autre processus Lakou ` +
        `(« ${owner.command} », pid ${owner.pid}${owner.port ? `, port ${owner.port}` : ''}, depuis ${owner.since}). ` +
        'Une base embarquée ne sert qu’un processus à la fois : arrêtez-le d’abord, ou utilisez un autre DATA_DIR.\n' +
        `The data folder ${dataDir} is in use by another Lakou process (pid ${owner.pid}); stop it first.`,
    );
    this.name = 'DataDirBusyError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPath(dataDir: string): string {
  return join(dataDir, 'lakou.lock');
}

/** The live process holding the folder, if any. */
export function lockHolder(dataDir: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockOwner;
    return isAlive(owner.pid) && owner.pid !== process.pid ? owner : null;
  } catch {
    return null;
  }
}

/**
 * PGlite's files belong to one process: a second writer would corrupt them. The first process
 * creates the lock file exclusively; a lock left by a dead process is taken over.
 */
export function acquireDataDirLock(
  dataDir: string,
  owner: Omit<LockOwner, 'pid' | 'since'>,
): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  const me: LockOwner = { pid: process.pid, since: new Date().toISOString(), ...owner };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeFileSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(dataDir);
      if (holder) throw new DataDirBusyError(dataDir, holder);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Impossible de verrouiller ${path}.`);
}
