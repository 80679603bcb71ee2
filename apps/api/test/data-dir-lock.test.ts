import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirBusyError, lockPath } from '../src/db/data-dir-lock.ts';

describe('embedded data folder lock', () => {
  const children: Array<{ kill(): void }> = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill();
  });

  it('refuses a folder held by another live process, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakou-lock-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    children.push(other);
    writeFileSync(
      lockPath(dir),
      JSON.stringify({ pid: other.pid, command: 'serveur', port: 3000, since: 'now' }),
    );
    expect(() => acquireDataDirLock(dir, { command: 'pnpm lakou db:seed' })).toThrow(
      DataDirBusyError,
    );
    expect(() => acquireDataDirLock(dir, { command: 'pnpm lakou db:seed' })).toThrow(
      /pid \d+, port 3000/,
    );
  });

  it('takes over a lock left by a dead process, and releases it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakou-lock-'));
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    writeFileSync(
      lockPath(dir),
      JSON.stringify({ pid: dead.pid, command: 'serveur', since: 'then' }),
    );
    const release = acquireDataDirLock(dir, { command: 'test' });
    expect(existsSync(lockPath(dir))).toBe(true);
    release();
    expect(existsSync(lockPath(dir))).toBe(false);
  });
});
