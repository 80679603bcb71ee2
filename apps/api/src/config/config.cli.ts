/**
 * `pnpm lakou config:export [--out FICHIER]` and `pnpm lakou config:import FICHIER [--dry-run]`:
 * an installation's setup as a JSON file, and that file applied to another installation — checked
 * first (every problem with its JSON path), shown as a diff in French, then written all at once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeDiff, diffIsEmpty, parseConfigFile } from '@lakou/domain/config/file';
import type { Database } from '../db/client.ts';
import {
  applyConfig,
  ConfigImportRefused,
  configFileText,
  exportConfig,
  planImport,
} from './config-file.ts';

export interface ConfigFlags {
  /** config:export: write there instead of standard output. */
  out?: string;
  /** config:import: the file to read. */
  file?: string;
  dryRun?: boolean;
}

/**
 * A path as the person typed it: `pnpm lakou` runs in apps/api, so a relative path is taken from
 * the directory pnpm was started in (INIT_CWD), not from there.
 */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/**
 * `pnpm lakou config:export > network.json` also sends pnpm's own banner (`> lakou@ lakou …`,
 * `> pnpm --silent …`) to the file, before the JSON: those lines are dropped (`pnpm -s lakou` or
 * `--out` write none).
 */
export function withoutScriptBanner(text: string): string {
  const lines = text.split('\n');
  let first = 0;
  while (first < lines.length && /^\s*(>.*)?$/.test(lines[first] ?? '')) first++;
  return first > 0 && lines[first]?.startsWith('{') ? lines.slice(first).join('\n') : text;
}

/** Where the commands write: the console, or a test's buffers. */
export interface ConfigIo {
  out(text: string): void;
  err(text: string): void;
}

const consoleIo: ConfigIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Writes the file; returns the exit code (0, or 1 when there is nothing to export). */
export async function configExportCommand(
  database: Database,
  flags: ConfigFlags,
  io: ConfigIo = consoleIo,
): Promise<number> {
  let text: string;
  try {
    const file = await exportConfig(database.db);
    text = configFileText(file);
    // Data written before today's rules (a name too short …) would stop the import elsewhere:
    // said now, while it can be fixed at the source.
    const check = parseConfigFile(JSON.parse(text));
    if (!check.ok) {
      io.err(
        `Attention : ce fichier sera refusé à l’import tant que ces points ne sont pas corrigés :\n${check.issues
          .map((i) => `  ${i.path} : ${i.message}`)
          .join('\n')}\n`,
      );
    }
  } catch (error) {
    if (error instanceof ConfigImportRefused) {
      io.err(`${error.issues.map((i) => i.message).join('\n')}\n`);
      return 1;
    }
    throw error;
  }
  if (flags.out) {
    const out = userPath(flags.out);
    writeFileSync(out, text);
    io.err(`Configuration exportée dans ${out}.\n`);
  } else io.out(text);
  return 0;
}

/**
 * Reads, checks and (without --dry-run) applies a file. Exit code 0 when applied or when the dry
 * run shows the diff, 1 when the file is refused or conflicts with the database: nothing changed.
 */
export async function configImportCommand(
  database: Database,
  flags: ConfigFlags,
  io: ConfigIo = consoleIo,
): Promise<number> {
  if (!flags.file) {
    io.err('Indiquez le fichier à importer : pnpm lakou config:import network.json [--dry-run]\n');
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(withoutScriptBanner(readFileSync(userPath(flags.file), 'utf8')));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.err(`Fichier illisible : ${reason}\nRien n’a été modifié.\n`);
    return 1;
  }
  const parsed = parseConfigFile(json);
  if (!parsed.ok) {
    io.err(
      `Fichier refusé, ${parsed.issues.length} problème(s) — rien n’a été modifié :\n${parsed.issues
        .map((i) => `  ${i.path} : ${i.message}`)
        .join('\n')}\n`,
    );
    return 1;
  }
  const refused = (issues: { path: string; message: string }[]) => {
    io.err(
      `Import refusé — rien n’a été modifié :\n${issues.map((i) => `  ${i.path} : ${i.message}`).join('\n')}\n`,
    );
    return 1;
  };
  if (flags.dryRun) {
    const plan = await planImport(database.db, parsed.file);
    io.out(`Essai à blanc (--dry-run) : rien n’est écrit.\n${describeDiff(plan.changes)}\n`);
    return plan.conflicts.length > 0 ? refused(plan.conflicts) : 0;
  }
  try {
    const changes = await applyConfig(database.db, parsed.file);
    io.out(`${describeDiff(changes)}\n`);
    io.out(
      diffIsEmpty(changes)
        ? 'Rien à importer.\n'
        : 'Configuration importée (toutes les modifications en une seule transaction).\n',
    );
    return 0;
  } catch (error) {
    if (error instanceof ConfigImportRefused) return refused(error.issues);
    throw error;
  }
}
