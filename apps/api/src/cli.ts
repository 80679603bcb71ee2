import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { purgeClosedCases } from './circles/purge.ts';
import { type ConfigFlags, configExportCommand, configImportCommand } from './config/config.cli.ts';
import { readConfig } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { acquireDataDirLock, DataDirBusyError } from './db/data-dir-lock.ts';
import { migrationStatus } from './db/migrations.ts';
import { DEMO_PASSWORD } from './db/seed/demo-users.ts';
import { ScaleRefused, seedScale } from './db/seed/scale/index.ts';
import { seedDemoNetwork } from './db/seed/seed.ts';
import {
  CliError,
  createTokenCommand,
  createUserCommand,
  type IdentityFlags,
} from './identity/identity.cli.ts';

const HELP = `Lakou — commandes d'administration / admin commands

Usage : pnpm lakou <commande> [options]

Commandes :
  db:migrate          applique les migrations en attente
  db:seed             charge le réseau de démonstration SECCOIA-Guyane (sans doublon si relancé)
  db:reset [--yes]    efface toutes les données, réapplique les migrations et recharge la démo
                      (demande confirmation ; --yes pour un script ; --no-seed pour une base vide)
  user:create --email E --name N --role ROLE [--centre ID|SLUG ...]
                      ouvre un compte (rôles : admin, manager, staff, facilitator, board ;
                      --centre pour les rôles de centre, répétable) et affiche le lien
                      d'invitation pour choisir le mot de passe
  circles:purge       purge les données personnelles des dossiers de cercles clos depuis
                      CIRCLES_RETENTION_MONTHS mois (12 par défaut) ; les statistiques restent
  token:create --email E [--token-name NOM] [--read-write] [--expires-days N|never]
                      crée un jeton d'API personnel (lecture seule et 90 jours par défaut)
                      et l'affiche une seule fois
  seed:scale [--centres 50] [--years 5] [--seed 42] [--until AAAA-MM-JJ] [--force]
                      écrit un jeu de données d'échelle déterministe (centres « Tiers-lieu 001 »…,
                      ~20 ressources et ~4 000 réservations par centre et par an, fonds, économie
                      circulaire, événements, jardins) pour les mesures de performance ; refuse
                      s'il en existe déjà, sauf --force (ajoute d'autres centres)
  config:export [--out FICHIER]
                      écrit la configuration du réseau en JSON (centres, horaires, fermetures,
                      ressources, champs personnalisés, listes ; aucune donnée personnelle) sur
                      la sortie standard ou dans FICHIER : pnpm lakou config:export > network.json
  config:import FICHIER [--dry-run]
                      vérifie le fichier (problèmes listés avec leur chemin JSON), affiche les
                      changements puis les applique en une seule transaction (tout ou rien) ;
                      --dry-run montre les changements sans rien écrire

Base de données : DATABASE_URL (serveur PostgreSQL) sinon PGlite embarqué dans DATA_DIR
(par défaut .data/ à la racine du dépôt). Une base embarquée ne sert qu'un processus :
arrêtez le serveur (pnpm start / pnpm dev) avant d'utiliser ces commandes.

Options :
  -h, --help          affiche cette aide
`;

type Command = (database: Database, flags: Flags) => Promise<void>;
interface Flags extends IdentityFlags {
  yes: boolean;
  seed: boolean;
  scale: { centres?: string; years?: string; seed?: string; until?: string; force?: boolean };
  config: ConfigFlags;
}

const commands: Record<string, Command> = {
  'circles:purge': async (database) => {
    await database.migrate();
    const months = readConfig().circlesRetentionMonths;
    const purged = await purgeClosedCases(database.db, new Date(), months, {
      method: 'CLI',
      route: 'circles:purge',
    });
    console.log(
      purged.length
        ? `Données personnelles purgées (dossiers clos depuis ${months} mois) : ${purged.join(', ')}.`
        : `Aucun dossier clos depuis ${months} mois à purger.`,
    );
  },
  'config:export': async (database, flags) => {
    await database.migrate();
    process.exitCode = await configExportCommand(database, flags.config);
  },
  'config:import': async (database, flags) => {
    await database.migrate();
    process.exitCode = await configImportCommand(database, flags.config);
  },
  'db:migrate': async (database) => {
    await database.migrate();
    const status = await migrationStatus(database.db);
    console.log(`Migrations appliquées : ${status.applied} (dernière : ${status.latest ?? '—'}).`);
  },
  'db:seed': async (database) => {
    await database.migrate();
    const r = await seedDemoNetwork(database.db);
    console.log(
      `Démo chargée : ${r.centresCreated} centre(s), ${r.partnersCreated} partenaire(s), ${r.closuresCreated} fermeture(s), ${r.usersCreated} compte(s), ${r.resourcesCreated} ressource(s), ${r.bookingsCreated} réservation(s) créés` +
        (r.centresCreated +
          r.partnersCreated +
          r.closuresCreated +
          r.usersCreated +
          r.resourcesCreated ===
        0
          ? ' — tout était déjà là.'
          : '.'),
    );
    if (r.usersCreated)
      console.log(`Comptes de démonstration : mot de passe « ${DEMO_PASSWORD} ».`);
  },
  'db:reset': async (database, flags) => {
    if (
      !flags.yes &&
      !(await confirm(
        `Effacer TOUTES les données de ${database.location} ? Tapez « oui » pour confirmer : `,
      ))
    ) {
      console.log('Abandon : rien n’a été effacé.');
      process.exitCode = 1;
      return;
    }
    await database.db.execute(sql`drop schema if exists drizzle cascade`);
    await database.db.execute(sql`drop schema public cascade`);
    await database.db.execute(sql`create schema public`);
    await database.migrate();
    console.log('Base effacée et migrée.');
    if (flags.seed) await commands['db:seed']?.(database, flags);
  },
  'seed:scale': async (database, flags) => {
    await database.migrate();
    const int = (value: string | undefined, fallback: number, name: string) => {
      const n = value === undefined ? fallback : Number(value);
      if (!Number.isInteger(n) || n < 1) throw new CliError(`--${name} : entier ≥ 1 attendu.`);
      return n;
    };
    const until = flags.scale.until ?? Temporal.Now.plainDateISO('America/Cayenne').toString();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(until))
      throw new CliError('--until : date AAAA-MM-JJ attendue.');
    try {
      const report = await seedScale(database.db, {
        centres: int(flags.scale.centres, 50, 'centres'),
        years: int(flags.scale.years, 5, 'years'),
        seed: int(flags.scale.seed, 42, 'seed'),
        force: flags.scale.force,
        until,
        log: (line) => console.log(line),
      });
      const total = Object.values(report.rows).reduce((a, b) => a + b, 0);
      for (const [table, n] of Object.entries(report.rows))
        console.log(`  ${table.padEnd(22)} ${n.toLocaleString('fr-FR').padStart(12)}`);
      console.log(
        `Données d'échelle écrites : ${total.toLocaleString('fr-FR')} lignes en ${report.seconds.toFixed(1)} s (${Math.round(total / report.seconds).toLocaleString('fr-FR')} lignes/s).`,
      );
    } catch (error) {
      if (error instanceof ScaleRefused) throw new CliError(error.message);
      throw error;
    }
  },
  'user:create': async (database, flags) => {
    await database.migrate();
    await createUserCommand(database, readConfig(), flags);
  },
  'token:create': async (database, flags) => {
    await database.migrate();
    await createTokenCommand(database, flags);
  },
};

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) {
    console.error('Pas de terminal pour confirmer : relancez avec --yes si vous êtes sûr.');
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return ['oui', 'o', 'yes', 'y'].includes((await rl.question(question)).trim().toLowerCase());
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      yes: { type: 'boolean', short: 'y' },
      'no-seed': { type: 'boolean' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      centre: { type: 'string', multiple: true },
      'token-name': { type: 'string' },
      'read-write': { type: 'boolean' },
      'expires-days': { type: 'string' },
      centres: { type: 'string' },
      years: { type: 'string' },
      seed: { type: 'string' },
      until: { type: 'string' },
      force: { type: 'boolean' },
      out: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
  const name = positionals[0];
  if (values.help || !name) {
    console.log(HELP);
    return name || values.help ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Commande inconnue : ${name}\n\n${HELP}`);
    return 1;
  }
  const config = readConfig();
  let release: (() => void) | undefined;
  if (!config.databaseUrl) {
    try {
      release = acquireDataDirLock(config.dataDir, { command: `pnpm lakou ${name}` });
    } catch (error) {
      if (error instanceof DataDirBusyError) {
        console.error(error.message);
        return 2;
      }
      throw error;
    }
  }
  const database = await openDatabase(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl, maxConnections: 2 }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
  try {
    await command(database, {
      yes: values.yes ?? false,
      seed: !values['no-seed'],
      email: values.email,
      name: values.name,
      role: values.role,
      centre: values.centre,
      tokenName: values['token-name'],
      readWrite: values['read-write'],
      expiresInDays: values['expires-days'],
      scale: {
        centres: values.centres,
        years: values.years,
        seed: values.seed,
        until: values.until,
        force: values.force,
      },
      config: { out: values.out, file: positionals[1], dryRun: values['dry-run'] },
    });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`Refusé :\n${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
    release?.();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
