import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type ConfigFile,
  canonicalSnapshot,
  diffIsEmpty,
  parseConfigFile,
} from '@lakou/domain/config/file';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { configImportCommand } from '../../src/config/config.cli.ts';
import {
  applyConfig,
  ConfigImportRefused,
  exportConfig,
  planImport,
} from '../../src/config/config-file.ts';
import { API_ROOT } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import {
  auditLog,
  centres,
  customFieldDefinitions,
  customFieldVersions,
  events,
  organisations,
  resourceClosures,
  resources,
} from '../../src/db/schema/index.ts';
import { engines, freshDatabase, seededApp, type TestDatabase } from '../harness.ts';

const withoutDate = ({ exportedAt: _, ...rest }: ConfigFile) => rest;

/** A file as the import reads it (defaults filled, canonical order as an export writes it). */
function parseOk(file: ConfigFile): ConfigFile {
  const parsed = parseConfigFile(JSON.parse(JSON.stringify(file)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues, null, 2));
  const { customFields = [], resources = [], ...rest } = parsed.file;
  const canonical = canonicalSnapshot({ ...rest, customFields, resources });
  return { ...parsed.file, ...canonical };
}

/** Custom fields added straight in the database: a choice field, a centre's, a retired one. */
async function addCustomFields(database: TestDatabase) {
  const [org] = await database.db.select({ id: organisations.id }).from(organisations);
  const [kourou] = await database.db
    .select({ id: centres.id })
    .from(centres)
    .where(eq(centres.slug, 'kourou'));
  if (!org || !kourou) throw new Error('demo network missing');
  const [room] = await database.db
    .select({ id: resources.id })
    .from(resources)
    .where(eq(resources.centreId, kourou.id))
    .limit(1);
  if (!room) throw new Error('no resource in kourou');
  await database.db.insert(resourceClosures).values({
    resourceId: room.id,
    startsOn: '2027-02-08',
    endsOn: '2027-02-12',
    reason: 'Peinture',
  });
  await database.db.insert(customFieldDefinitions).values([
    {
      organisationId: org.id,
      entity: 'event',
      key: 'public_accueilli',
      labelFr: 'Public accueilli',
      labelEn: 'Audience',
      type: 'single_choice',
      required: true,
      options: [
        { key: 'jeunes', labelFr: 'Jeunes', labelEn: 'Youth' },
        { key: 'familles', labelFr: 'Familles', labelEn: '' },
      ],
      inTables: true,
      position: 0,
    },
    {
      organisationId: org.id,
      entity: 'event',
      key: 'remarque',
      labelFr: 'Remarque',
      helpFr: 'Ce que l’équipe doit savoir.',
      type: 'short_text',
      position: 1,
    },
    {
      organisationId: org.id,
      centreId: kourou.id,
      entity: 'booking',
      key: 'nb_chaises',
      labelFr: 'Chaises à installer',
      type: 'number',
      min: 0,
      max: 120,
      defaultValue: 10,
    },
    {
      organisationId: org.id,
      entity: 'in_kind_donation',
      key: 'etat',
      labelFr: 'État',
      type: 'short_text',
      retiredAt: new Date('2026-11-01T12:00:00Z'),
      version: 3,
    },
    {
      organisationId: org.id,
      entity: 'circle_intake',
      key: 'situation',
      labelFr: 'Situation',
      type: 'long_text',
      confidential: true,
    },
  ]);
  return org.id;
}

describe.each(engines)('config file: export and import (%s)', (kind) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let exported: ConfigFile;
  let dir: string;

  beforeAll(async () => {
    source = (await seededApp(kind)).database;
    target = await freshDatabase(kind);
    await addCustomFields(source);
    dir = mkdtempSync(join(tmpdir(), 'lakou-config-'));
  });
  afterAll(async () => {
    await source.dispose();
    await target.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports the demo network as a valid file, without ids or personal data', async () => {
    exported = await exportConfig(source.db);
    const parsed = parseConfigFile(JSON.parse(JSON.stringify(exported)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues, null, 2));
    // What the schema reads back is exactly what was written (defaults and order included).
    expect(parsed.file).toEqual(exported);
    expect(exported.organisation.slug).toBe('seccoia-guyane');
    expect(exported.centres.length).toBeGreaterThan(3);
    expect(exported.centres.find((c) => c.slug === 'kourou')?.openingHours.length).toBeGreaterThan(
      0,
    );
    expect(exported.customFields?.map((f) => `${f.entity}.${f.key}`)).toEqual([
      'booking.nb_chaises',
      'event.public_accueilli',
      'event.remarque',
      'in_kind_donation.etat',
      'circle_intake.situation',
    ]);
    expect(exported.customFields?.find((f) => f.key === 'nb_chaises')?.centre).toBe('kourou');
    expect(exported.customFields?.find((f) => f.key === 'etat')?.retired).toBe(true);
    expect(exported.resources?.length).toBeGreaterThan(3);
    expect(exported.resources?.[0]).not.toHaveProperty('id');
    expect(exported.resources?.flatMap((r) => r.closures)).toEqual([
      { startsOn: '2027-02-08', endsOn: '2027-02-12', reason: 'Peinture' },
    ]);
    expect(exported.lists.eventKinds?.length).toBeGreaterThan(0);
    expect(exported.lists.materialStreams?.length).toBeGreaterThan(0);
    const text = JSON.stringify(exported);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).not.toMatch(/demo\.lakou|@example/);
    // Two exports of the same setup are the same text but for the date.
    expect(withoutDate(await exportConfig(source.db))).toEqual(withoutDate(exported));
  });

  it('imported into an empty database, reproduces the settings exactly', async () => {
    const plan = await planImport(target.db, exported);
    expect(plan.conflicts).toEqual([]);
    expect(plan.changes.every((c) => c.op === 'add')).toBe(true);
    await applyConfig(target.db, exported);
    const again = await exportConfig(target.db);
    expect(withoutDate(again)).toEqual(withoutDate(exported));
    // Each created definition starts its history.
    const versions = await target.db.select().from(customFieldVersions);
    expect(versions).toHaveLength(5);
    const [entry] = await target.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'config.import'));
    expect(entry?.method).toBe('CLI');
  });

  it('importing the same file twice changes nothing', async () => {
    const before = await exportConfig(target.db);
    const changes = await applyConfig(target.db, exported);
    expect(diffIsEmpty(changes)).toBe(true);
    expect(withoutDate(await exportConfig(target.db))).toEqual(withoutDate(before));
    expect(await target.db.select().from(customFieldVersions)).toHaveLength(5);
  });

  it('keeps the identity of an installed network when the file comes from another one', async () => {
    const other: ConfigFile = {
      ...exported,
      organisation: { slug: 'reseau-ouest', name: 'Réseau de l’Ouest' },
    };
    const changes = await applyConfig(target.db, other);
    expect(changes[0]).toMatchObject({ op: 'keep', target: 'organisation', key: 'seccoia-guyane' });
    expect(diffIsEmpty(changes)).toBe(true);
    expect((await exportConfig(target.db)).organisation).toEqual(exported.organisation);
    expect(await target.db.select().from(organisations)).toHaveLength(1);
  });

  it('a dry run shows the diff and writes nothing', async () => {
    const changed: ConfigFile = {
      ...exported,
      centres: exported.centres.map((c) =>
        c.slug === 'kourou' ? { ...c, name: 'Centre SECCOIA de Kourou (Roches)' } : c,
      ),
      customFields: (exported.customFields ?? [])
        .filter((f) => f.key !== 'remarque')
        .concat({
          ...(exported.customFields?.[0] as NonNullable<ConfigFile['customFields']>[0]),
          entity: 'inflow',
          centre: null,
          key: 'transporteur',
          labelFr: 'Transporteur',
        }),
    };
    const [room, ...rooms] = exported.resources ?? [];
    if (!room) throw new Error('no demo resource');
    changed.resources = [{ ...room, capacity: room.capacity + 1 }, ...rooms];
    const path = join(dir, 'changed.json');
    // As `pnpm lakou config:export > file` writes it: pnpm's banner first.
    writeFileSync(
      path,
      `\n> lakou@ lakou /work\n> pnpm --silent --filter @lakou/api cli config:export\n\n${JSON.stringify(changed, null, 2)}\n`,
    );
    const before = await exportConfig(target.db);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    expect(await configImportCommand(target, { file: path, dryRun: true }, io)).toBe(0);
    const text = out.join('');
    expect(text).toContain('Essai à blanc');
    expect(text).toContain(
      '~ Centre « Centre SECCOIA de Kourou (Roches) » (kourou) : modifié (nom)',
    );
    expect(text).toContain('- Champ personnalisé « Remarque » (event.remarque) : retiré');
    expect(text).toContain('+ Champ personnalisé « Transporteur » (inflow.transporteur) : ajout');
    expect(text).toContain(
      `~ Ressource « ${room.name} » (${room.centre}/${room.name}) : modifié (capacité)`,
    );
    expect(err).toEqual([]);
    expect(withoutDate(await exportConfig(target.db))).toEqual(withoutDate(before));

    // Applied for real: the changes land, the retired field stays (hidden, not destroyed).
    expect(await configImportCommand(target, { file: path }, io)).toBe(0);
    const after = await exportConfig(target.db);
    expect(after.centres.find((c) => c.slug === 'kourou')?.name).toBe(
      'Centre SECCOIA de Kourou (Roches)',
    );
    expect(after.resources?.[0]?.capacity).toBe(room.capacity + 1);
    const remarque = after.customFields?.find((f) => f.key === 'remarque');
    expect(remarque?.retired).toBe(true);
    const [row] = await target.db
      .select({ version: customFieldDefinitions.version })
      .from(customFieldDefinitions)
      .where(eq(customFieldDefinitions.key, 'remarque'));
    expect(row?.version).toBe(2);
  });

  it('refuses an invalid file with the JSON paths of its problems, and changes nothing', async () => {
    const bad = {
      ...exported,
      customFields: [
        { entity: 'event', key: 'Mauvaise Clé', labelFr: 'X', type: 'short_text' },
        { entity: 'vehicule', key: 'immat', labelFr: 'Immatriculation', type: 'short_text' },
        { entity: 'event', key: 'public', labelFr: 'Public', type: 'single_choice' },
      ],
    };
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify(bad));
    const before = await exportConfig(target.db);
    const err: string[] = [];
    const io = { out: () => {}, err: (t: string) => err.push(t) };
    expect(await configImportCommand(target, { file: path }, io)).toBe(1);
    const text = err.join('');
    expect(text).toContain('rien n’a été modifié');
    expect(text).toContain('customFields[0].key');
    expect(text).toContain('customFields[1].entity');
    expect(text).toContain('customFields[2].options');
    expect(withoutDate(await exportConfig(target.db))).toEqual(withoutDate(before));

    writeFileSync(path, '{ pas du json');
    expect(await configImportCommand(target, { file: path }, io)).toBe(1);
    expect(err.join('')).toContain('Fichier illisible');
  });

  it('a type change that stored values do not fit rolls the whole import back', async () => {
    // An event of the source network holds a free-text value in `remarque`.
    const [event] = await source.db.select({ id: events.id }).from(events).limit(1);
    if (!event) throw new Error('no demo event');
    await source.db
      .update(events)
      .set({ custom: { remarque: 'prévoir des rallonges' } })
      .where(eq(events.id, event.id));
    const before = await exportConfig(source.db);
    const file: ConfigFile = {
      ...before,
      organisation: { ...before.organisation, name: 'SECCOIA-Guyane renommé' },
      centres: before.centres.map((c) => ({ ...c, phone: '0594 00 00 00' })),
      customFields: (before.customFields ?? []).map((f) =>
        f.key === 'remarque' ? { ...f, type: 'number' as const } : f,
      ),
    };
    await expect(applyConfig(source.db, file)).rejects.toBeInstanceOf(ConfigImportRefused);
    await expect(applyConfig(source.db, file)).rejects.toThrow(/prévoir des rallonges/);
    expect(withoutDate(await exportConfig(source.db))).toEqual(withoutDate(before));
    const [remarque] = await source.db
      .select({ type: customFieldDefinitions.type, version: customFieldDefinitions.version })
      .from(customFieldDefinitions)
      .where(
        and(eq(customFieldDefinitions.entity, 'event'), eq(customFieldDefinitions.key, 'remarque')),
      );
    expect(remarque).toEqual({ type: 'short_text', version: 1 });

    // A change that fits the stored values goes through.
    const fitting: ConfigFile = {
      ...file,
      customFields: (before.customFields ?? []).map((f) =>
        f.key === 'remarque' ? { ...f, type: 'long_text' as const } : f,
      ),
    };
    await applyConfig(source.db, fitting);
    const after = await exportConfig(source.db);
    expect(after.organisation.name).toBe('SECCOIA-Guyane renommé');
    expect(after.customFields?.find((f) => f.key === 'remarque')?.type).toBe('long_text');
  });

  it('copies a centre’s setup to a new centre', async () => {
    const current = await exportConfig(target.db);
    const kourou = current.centres.find((c) => c.slug === 'kourou');
    if (!kourou) throw new Error('kourou missing');
    const copy = { ...kourou, slug: 'kourou-bis', name: 'Centre SECCOIA de Kourou II' };
    const rooms = (current.resources ?? [])
      .filter((r) => r.centre === 'kourou')
      .map((r) => ({ ...r, centre: 'kourou-bis' }));
    expect(rooms.length).toBeGreaterThan(0);
    const file: ConfigFile = {
      ...current,
      centres: [...current.centres, copy],
      resources: [...(current.resources ?? []), ...rooms],
      customFields: [
        ...(current.customFields ?? []),
        {
          ...(current.customFields?.find((f) => f.key === 'nb_chaises') as NonNullable<
            ConfigFile['customFields']
          >[0]),
          key: 'nb_tables',
          labelFr: 'Tables à installer',
          centre: 'kourou-bis',
        },
      ],
    };
    // A resource of a kind the network does not have is refused, with nothing written.
    const studio = { ...(rooms[0] as (typeof rooms)[0]), name: 'Studio', kind: 'studio' };
    const refused = await planImport(target.db, {
      ...file,
      resources: [...(file.resources ?? []), studio],
    });
    expect(refused.conflicts.map((c) => c.path)).toEqual(['resources(kourou-bis/Studio).kind']);

    const changes = await applyConfig(target.db, file);
    expect(
      changes.filter((c) => c.op !== 'keep').map((c) => `${c.op} ${c.target} ${c.key}`),
    ).toEqual([
      'add centre kourou-bis',
      'add customField booking.nb_tables',
      ...rooms.map((r) => `add resource kourou-bis/${r.name}`),
    ]);
    const after = await exportConfig(target.db);
    expect(after.centres.find((c) => c.slug === 'kourou-bis')?.openingHours).toEqual(
      kourou.openingHours,
    );
    expect(withoutDate(after)).toEqual(withoutDate(parseOk(file)));
  });

  it('refuses to move a field to another scope', async () => {
    const current = await exportConfig(source.db);
    const file: ConfigFile = {
      ...current,
      customFields: (current.customFields ?? []).map((f) =>
        f.key === 'nb_chaises' ? { ...f, centre: null } : f,
      ),
    };
    const plan = await planImport(source.db, file);
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]?.message).toContain('le centre kourou');
    await expect(applyConfig(source.db, file)).rejects.toBeInstanceOf(ConfigImportRefused);
  });
});

describe('config:export and config:import on the command line (pglite)', () => {
  const run = promisify(execFile);
  let dir: string;
  const env = (dataDir: string): NodeJS.ProcessEnv => ({
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    LAKOU_SECRET: randomBytes(48).toString('base64url'),
    LAKOU_PUBLIC_URL: 'http://localhost:3000',
    NODE_ENV: 'test',
  });
  const cli = (dataDir: string, ...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: API_ROOT,
      env: env(dataDir),
      timeout: 120_000,
    });
  /** A PGlite data directory on disk, from the run's migrated or seeded template. */
  async function dataDirFrom(template: 'pgliteMigrated' | 'pgliteSeeded', name: string) {
    const path = join(dir, name);
    const database = await openDatabase({
      kind: 'pglite',
      dataDir: path,
      loadDataDir: new Blob([readFileSync(inject(template))]),
    });
    await database.close();
    return path;
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lakou-config-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports to standard output, and the file imported elsewhere exports the same', async () => {
    const seeded = await dataDirFrom('pgliteSeeded', 'seeded');
    const empty = await dataDirFrom('pgliteMigrated', 'empty');
    const { stdout } = await cli(seeded, 'config:export');
    const file = JSON.parse(stdout) as ConfigFile;
    expect(file.format).toBe('lakou-config');
    const path = join(dir, 'network.json');
    writeFileSync(path, stdout);

    const dry = await cli(empty, 'config:import', path, '--dry-run');
    expect(dry.stdout).toContain('Essai à blanc');
    expect(dry.stdout).toContain('+ Réseau « SECCOIA-Guyane » (seccoia-guyane) : ajout');
    const applied = await cli(empty, 'config:import', path);
    expect(applied.stdout).toContain('Configuration importée');
    const out = join(dir, 'again.json');
    await cli(empty, 'config:export', '--out', out);
    const again = JSON.parse(readFileSync(out, 'utf8')) as ConfigFile;
    expect(withoutDate(again)).toEqual(withoutDate(file));
  }, 300_000);
});
