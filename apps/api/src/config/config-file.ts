/**
 * Configuration as a file, the database side: read an installation's setup into the file's
 * shape (`@lakou/domain/config/file`), and apply a file to a database in one transaction —
 * organisation and centres created or updated by slug, custom field definitions upserted by
 * (entity, key) with their version history, list items upserted by key. Nothing is deleted:
 * what the file leaves out of a part it carries is retired. A type change that stored values no
 * longer fit aborts the whole import, with the reason.
 *
 * Configuration only: no person, booking, gift or any other row of activity is read or written.
 */

import type { Tariff } from '@lakou/domain/booking';
import type { RepStream, StreamFamily } from '@lakou/domain/circular';
import {
  type ChoiceOption,
  type CustomFieldDefinition,
  type CustomFieldEntity,
  type CustomFieldType,
  incompatibleValues,
} from '@lakou/domain/config';
import {
  CONFIG_FILE_FORMAT,
  CONFIG_FILE_VERSION,
  type ConfigCentre,
  type ConfigChange,
  type ConfigCustomField,
  type ConfigEventKind,
  type ConfigFile,
  type ConfigFileIssue,
  type ConfigListItem,
  type ConfigMaterialStream,
  type ConfigOrganisation,
  type ConfigResource,
  type ConfigSnapshot,
  canonicalSnapshot,
  configConflicts,
  configDiff,
  ITEM_LIST_NAMES,
  ITEM_LISTS,
  type ItemListName,
  resourceKindConflicts,
  sameJson,
} from '@lakou/domain/config/file';
import type { OpeningWindow } from '@lakou/domain/network';
import { searchKey } from '@lakou/domain/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import {
  centreClosures,
  centreOpeningHours,
  centres,
  customFieldDefinitions,
  customFieldVersions,
  eventKinds,
  listItems,
  materialStreams,
  organisations,
  resourceClosures,
  resources,
} from '../db/schema/index.ts';
import { toDefinition } from './custom-fields.queries.ts';
import { storedValuesOf } from './stored-values.ts';

type Reader = Pick<Db, 'select'>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** An import the database cannot take: nothing was written; `issues` say why. */
export class ConfigImportRefused extends Error {
  constructor(readonly issues: ConfigFileIssue[]) {
    super(issues.map((i) => `${i.path} : ${i.message}`).join('\n'));
  }
}

/** The organisation an installation serves: the first one created. */
async function installedOrganisation(db: Reader) {
  const [org] = await db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(organisations)
    .orderBy(asc(organisations.createdAt), asc(organisations.id))
    .limit(1);
  return org;
}

const hhmm = (time: string) => time.slice(0, 5);

/** What the database holds, in the file's shape and canonical order. */
export async function readConfigSnapshot(db: Reader): Promise<ConfigSnapshot> {
  const org = await installedOrganisation(db);
  if (!org) return { organisation: null, centres: [], customFields: [], resources: [], lists: {} };

  const centreRows = await db.select().from(centres).where(eq(centres.organisationId, org.id));
  const centreIds = centreRows.map((c) => c.id);
  const hours = centreIds.length
    ? await db
        .select()
        .from(centreOpeningHours)
        .where(inArray(centreOpeningHours.centreId, centreIds))
    : [];
  const closures = centreIds.length
    ? await db.select().from(centreClosures).where(inArray(centreClosures.centreId, centreIds))
    : [];
  const slugOf = new Map(centreRows.map((c) => [c.id, c.slug]));

  const configCentres: ConfigCentre[] = centreRows.map((c) => ({
    slug: c.slug,
    name: c.name,
    commune: c.commune,
    qpv: c.qpv,
    address: { street: c.street, postalCode: c.postalCode, city: c.city },
    timeZone: c.timeZone,
    phone: c.phone,
    email: c.email,
    openingHours: hours
      .filter((h) => h.centreId === c.id)
      .map((h) => ({ weekday: h.weekday, opens: hhmm(h.opens), closes: hhmm(h.closes) })),
    closures: closures
      .filter((k) => k.centreId === c.id)
      .map((k) => ({ startsOn: k.startsOn, endsOn: k.endsOn, reason: k.reason })),
  }));

  const definitions = await db
    .select()
    .from(customFieldDefinitions)
    .where(eq(customFieldDefinitions.organisationId, org.id));
  const customFields: ConfigCustomField[] = definitions.map((d) => ({
    entity: d.entity as CustomFieldEntity,
    centre: d.centreId ? (slugOf.get(d.centreId) ?? null) : null,
    key: d.key,
    labelFr: d.labelFr,
    labelEn: d.labelEn,
    helpFr: d.helpFr,
    helpEn: d.helpEn,
    type: d.type as CustomFieldType,
    required: d.required,
    defaultValue: (d.defaultValue ?? null) as ConfigCustomField['defaultValue'],
    min: d.min,
    max: d.max,
    options: (d.options as ChoiceOption[]).map((o) => ({
      key: o.key,
      labelFr: o.labelFr,
      labelEn: o.labelEn ?? '',
    })),
    inTables: d.inTables,
    confidential: d.confidential,
    position: d.position,
    retired: d.retiredAt !== null,
  }));

  const resourceRows = centreIds.length
    ? await db.select().from(resources).where(inArray(resources.centreId, centreIds))
    : [];
  const resourceIds = resourceRows.map((r) => r.id);
  const resourceClosureRows = resourceIds.length
    ? await db
        .select()
        .from(resourceClosures)
        .where(inArray(resourceClosures.resourceId, resourceIds))
    : [];
  const configResources: ConfigResource[] = resourceRows.map((r) => ({
    centre: slugOf.get(r.centreId) ?? '',
    kind: r.kind,
    name: r.name,
    description: r.description,
    capacity: r.capacity,
    amenities: r.amenities,
    stepFree: r.stepFree,
    bookableHours: (r.bookableHours ?? null) as OpeningWindow[] | null,
    minDurationMinutes: r.minDurationMinutes,
    maxDurationMinutes: r.maxDurationMinutes,
    bufferMinutes: r.bufferMinutes,
    requiresApproval: r.requiresApproval,
    tariff: r.tariff as Tariff,
    active: r.active,
    closures: resourceClosureRows
      .filter((k) => k.resourceId === r.id)
      .map((k) => ({ startsOn: k.startsOn, endsOn: k.endsOn, reason: k.reason })),
  }));

  const kinds = await db.select().from(eventKinds).where(eq(eventKinds.organisationId, org.id));
  const streams = await db
    .select()
    .from(materialStreams)
    .where(eq(materialStreams.organisationId, org.id));
  const items = await db.select().from(listItems).where(eq(listItems.organisationId, org.id));

  const lists: ConfigSnapshot['lists'] = {
    eventKinds: kinds.map(
      (k): ConfigEventKind => ({
        key: k.key,
        label: k.label,
        labelEn: k.labelEn,
        position: k.position,
        active: k.active,
        mergedInto: k.mergedInto,
      }),
    ),
    materialStreams: streams.map(
      (s): ConfigMaterialStream => ({
        code: s.code,
        name: s.name,
        family: s.family as StreamFamily,
        repStream: s.repStream as RepStream | null,
        wasteCode: s.wasteCode,
        active: s.active,
        sortOrder: s.sortOrder,
        labelEn: s.labelEn,
        mergedInto: s.mergedInto,
      }),
    ),
  };
  for (const list of ITEM_LIST_NAMES) {
    lists[list] = items
      .filter((i) => i.list === ITEM_LISTS[list])
      .map(
        (i): ConfigListItem => ({
          key: i.key,
          labelFr: i.labelFr,
          labelEn: i.labelEn,
          position: i.position,
          data: i.data,
          retired: i.retiredAt !== null,
          mergedInto: i.mergedInto,
        }),
      );
  }

  return canonicalSnapshot({
    organisation: { slug: org.slug, name: org.name },
    centres: configCentres,
    customFields,
    resources: configResources,
    lists,
  });
}

/** The file of an installation's setup, keys in a stable order (two exports diff cleanly). */
export async function exportConfig(db: Reader, now: Date = new Date()): Promise<ConfigFile> {
  const snapshot = await readConfigSnapshot(db);
  if (!snapshot.organisation) {
    throw new ConfigImportRefused([
      { path: 'organisation', message: 'La base ne contient encore aucun réseau à exporter.' },
    ]);
  }
  return {
    format: CONFIG_FILE_FORMAT,
    version: CONFIG_FILE_VERSION,
    exportedAt: now.toISOString(),
    organisation: snapshot.organisation,
    centres: snapshot.centres,
    customFields: snapshot.customFields,
    resources: snapshot.resources,
    lists: snapshot.lists,
  };
}

/** The file as JSON text: two spaces, a final newline. */
export function configFileText(file: ConfigFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export interface ImportPlan {
  changes: ConfigChange[];
  /** Why the import cannot be applied (empty: it can). */
  conflicts: ConfigFileIssue[];
}

const VALUE_SHAPING: (keyof ConfigCustomField)[] = ['type', 'options', 'min', 'max'];

/**
 * What importing the file would do, and what stops it: a field moved to another scope, a type,
 * choices or bounds that values already stored no longer fit.
 */
export async function planImport(db: Reader, file: ConfigFile): Promise<ImportPlan> {
  const current = await readConfigSnapshot(db);
  const changes = configDiff(current, file);
  const conflicts = [...configConflicts(changes), ...resourceKindConflicts(current, file, changes)];
  const org = await installedOrganisation(db);
  if (org) {
    const centreIds = new Map(
      (
        await db
          .select({ id: centres.id, slug: centres.slug })
          .from(centres)
          .where(eq(centres.organisationId, org.id))
      ).map((c) => [c.slug, c.id]),
    );
    for (const change of changes) {
      if (change.target !== 'customField' || change.op !== 'change') continue;
      const before = change.before as ConfigCustomField;
      const after = change.after as ConfigCustomField;
      const shaping = VALUE_SHAPING.some((k) => !sameJson(before[k], after[k]));
      if (!shaping) continue;
      const stored = await storedValuesOf(db, {
        organisationId: org.id,
        entity: before.entity,
        centreId: before.centre === null ? null : (centreIds.get(before.centre) ?? null),
        key: before.key,
      });
      // Values are checked as stored: the import converts none (the field editor may).
      const misfits = incompatibleValues(
        after,
        stored.map((s) => s.value),
      );
      if (misfits.count > 0) {
        const example = misfits.examples[0];
        conflicts.push({
          path: `customFields(${change.key})`,
          message: `${misfits.count} valeur(s) déjà enregistrée(s) ne conviendrai(en)t plus au champ « ${after.labelFr} » ainsi modifié${example === undefined ? '' : ` (par exemple ${typeof example === 'string' ? `« ${example} »` : JSON.stringify(example)})`} : corrigez-les d’abord, ou créez un nouveau champ.`,
        });
      }
    }
  }
  return { changes, conflicts };
}

/**
 * Applies a file in ONE transaction: either every change is written, or none (a conflict throws
 * ConfigImportRefused before anything is kept). Returns the changes made.
 */
export async function applyConfig(
  db: Db,
  file: ConfigFile,
  options: { now?: Date; route?: string } = {},
): Promise<ConfigChange[]> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const { changes, conflicts } = await planImport(tx, file);
    if (conflicts.length > 0) throw new ConfigImportRefused(conflicts);
    if (changes.every((c) => c.op === 'keep')) return changes;

    const orgId = await writeOrganisation(tx, file.organisation);
    const centreIds = await writeCentres(tx, orgId, changes, now);
    await writeCustomFields(tx, orgId, centreIds, changes, now);
    await writeEventKinds(tx, orgId, changes);
    await writeStreams(tx, orgId, changes);
    await writeListItems(tx, orgId, changes, now);
    await writeResources(tx, centreIds, changes, now);

    const count = (op: ConfigChange['op']) => changes.filter((c) => c.op === op).length;
    await appendAudit(tx, {
      action: 'config.import',
      entity: 'config',
      method: 'CLI',
      route: options.route ?? 'config:import',
      after: {
        from: file.organisation.slug,
        exportedAt: file.exportedAt,
        added: count('add'),
        changed: count('change'),
        retired: count('retire'),
      },
    });
    return changes;
  });
}

/** The installation's organisation, created from the file when there is none yet. */
async function writeOrganisation(tx: Tx, incoming: ConfigOrganisation): Promise<string> {
  const org = await installedOrganisation(tx);
  if (!org) {
    const [created] = await tx
      .insert(organisations)
      .values({ slug: incoming.slug, name: incoming.name })
      .returning({ id: organisations.id });
    if (!created) throw new Error('organisation non créée');
    return created.id;
  }
  if (org.slug === incoming.slug && org.name !== incoming.name) {
    await tx
      .update(organisations)
      .set({ name: incoming.name, updatedAt: new Date() })
      .where(eq(organisations.id, org.id));
  }
  return org.id;
}

function centreColumns(c: ConfigCentre) {
  return {
    name: c.name,
    commune: c.commune,
    qpv: c.qpv,
    street: c.address.street,
    postalCode: c.address.postalCode,
    city: c.address.city,
    timeZone: c.timeZone,
    phone: c.phone,
    email: c.email,
    searchKey: searchKey(`${c.name} ${c.commune}`),
  };
}

/** Centres added or changed (hours and closures replaced by the file's); returns ids by slug. */
async function writeCentres(
  tx: Tx,
  orgId: string,
  changes: readonly ConfigChange[],
  now: Date,
): Promise<Map<string, string>> {
  const ids = new Map(
    (
      await tx
        .select({ id: centres.id, slug: centres.slug })
        .from(centres)
        .where(eq(centres.organisationId, orgId))
    ).map((c) => [c.slug, c.id]),
  );
  for (const change of changes) {
    if (change.target !== 'centre' || (change.op !== 'add' && change.op !== 'change')) continue;
    const c = change.after as ConfigCentre;
    let id = ids.get(c.slug);
    if (!id) {
      const [created] = await tx
        .insert(centres)
        .values({ organisationId: orgId, slug: c.slug, ...centreColumns(c) })
        .returning({ id: centres.id });
      if (!created) throw new Error(`centre ${c.slug} non créé`);
      id = created.id;
      ids.set(c.slug, id);
    } else {
      await tx
        .update(centres)
        .set({ ...centreColumns(c), updatedAt: now })
        .where(eq(centres.id, id));
      await tx.delete(centreOpeningHours).where(eq(centreOpeningHours.centreId, id));
      await tx.delete(centreClosures).where(eq(centreClosures.centreId, id));
    }
    const centreId = id;
    if (c.openingHours.length > 0)
      await tx.insert(centreOpeningHours).values(c.openingHours.map((w) => ({ centreId, ...w })));
    if (c.closures.length > 0)
      await tx.insert(centreClosures).values(c.closures.map((k) => ({ centreId, ...k })));
  }
  return ids;
}

function definitionColumns(f: ConfigCustomField) {
  return {
    labelFr: f.labelFr,
    labelEn: f.labelEn,
    helpFr: f.helpFr,
    helpEn: f.helpEn,
    type: f.type,
    required: f.required,
    defaultValue: f.defaultValue,
    min: f.min,
    max: f.max,
    options: f.options,
    inTables: f.inTables,
    confidential: f.confidential,
    position: f.position,
  };
}

/** Definitions added, changed or retired; each save bumps the version and appends it to the history. */
async function writeCustomFields(
  tx: Tx,
  orgId: string,
  centreIds: Map<string, string>,
  changes: readonly ConfigChange[],
  now: Date,
) {
  const appendVersion = async (def: CustomFieldDefinition) => {
    await tx
      .insert(customFieldVersions)
      .values({ definitionId: def.id, version: def.version, definition: def });
  };
  // Fields of equal position show in creation order: created a millisecond apart in the file's
  // order, the new ones keep a stable order (network fields first) instead of a random one.
  let added = 0;
  for (const change of changes) {
    if (change.target !== 'customField' || change.op === 'keep') continue;
    if (change.op === 'add') {
      const f = change.after as ConfigCustomField;
      const createdAt = new Date(now.getTime() + added++);
      const [row] = await tx
        .insert(customFieldDefinitions)
        .values({
          organisationId: orgId,
          centreId: f.centre === null ? null : (centreIds.get(f.centre) ?? null),
          entity: f.entity,
          key: f.key,
          ...definitionColumns(f),
          retiredAt: f.retired ? now : null,
          createdAt,
          updatedAt: createdAt,
        })
        .returning();
      if (!row) throw new Error(`champ ${change.key} non créé`);
      await appendVersion(toDefinition(row));
      continue;
    }
    const before = change.before as ConfigCustomField;
    const after = change.after as ConfigCustomField | undefined;
    const where = and(
      eq(customFieldDefinitions.organisationId, orgId),
      eq(customFieldDefinitions.entity, before.entity),
      eq(customFieldDefinitions.key, before.key),
    );
    const [stored] = await tx
      .select({
        version: customFieldDefinitions.version,
        retiredAt: customFieldDefinitions.retiredAt,
      })
      .from(customFieldDefinitions)
      .where(where);
    if (!stored) throw new Error(`champ ${change.key} introuvable`);
    const retired = after ? after.retired : true;
    const [row] = await tx
      .update(customFieldDefinitions)
      .set({
        ...(after ? definitionColumns(after) : {}),
        retiredAt: retired ? (stored.retiredAt ?? now) : null,
        version: stored.version + 1,
        updatedAt: now,
      })
      .where(where)
      .returning();
    if (!row) throw new Error(`champ ${change.key} non modifié`);
    await appendVersion(toDefinition(row));
  }
}

/** Resources added or changed by (centre, name); those the file leaves out are deactivated. */
async function writeResources(
  tx: Tx,
  centreIds: Map<string, string>,
  changes: readonly ConfigChange[],
  now: Date,
) {
  for (const change of changes) {
    if (change.target !== 'resource' || change.op === 'keep') continue;
    const before = change.before as ConfigResource | undefined;
    const after = change.after as ConfigResource | undefined;
    const item = (after ?? before) as ConfigResource;
    const centreId = centreIds.get(item.centre);
    if (!centreId) throw new Error(`centre ${item.centre} introuvable`);
    const { centre: _, closures, ...columns } = after ?? item;
    const values = {
      ...columns,
      searchKey: searchKey(`${columns.name} ${columns.amenities.join(' ')}`),
    };
    let resourceId: string | undefined;
    if (change.op === 'add') {
      const [created] = await tx
        .insert(resources)
        .values({ centreId, ...values, createdAt: now, updatedAt: now })
        .returning({ id: resources.id });
      resourceId = created?.id;
    } else {
      const [updated] = await tx
        .update(resources)
        .set(after ? { ...values, updatedAt: now } : { active: false, updatedAt: now })
        .where(and(eq(resources.centreId, centreId), eq(resources.name, item.name)))
        .returning({ id: resources.id });
      resourceId = updated?.id;
      if (after && resourceId)
        await tx.delete(resourceClosures).where(eq(resourceClosures.resourceId, resourceId));
    }
    if (!resourceId) throw new Error(`ressource ${change.key} introuvable`);
    const id = resourceId;
    if (after && closures.length > 0)
      await tx.insert(resourceClosures).values(closures.map((k) => ({ resourceId: id, ...k })));
  }
}

async function writeEventKinds(tx: Tx, orgId: string, changes: readonly ConfigChange[]) {
  for (const change of changes) {
    if (change.target !== 'eventKind' || change.op === 'keep') continue;
    const after = change.after as ConfigEventKind | undefined;
    if (change.op === 'add' && after) {
      await tx.insert(eventKinds).values({ organisationId: orgId, ...after });
      continue;
    }
    await tx
      .update(eventKinds)
      .set(after ? { ...after } : { active: false })
      .where(and(eq(eventKinds.organisationId, orgId), eq(eventKinds.key, change.key)));
  }
}

async function writeStreams(tx: Tx, orgId: string, changes: readonly ConfigChange[]) {
  for (const change of changes) {
    if (change.target !== 'materialStream' || change.op === 'keep') continue;
    const after = change.after as ConfigMaterialStream | undefined;
    if (change.op === 'add' && after) {
      await tx.insert(materialStreams).values({ organisationId: orgId, ...after });
      continue;
    }
    await tx
      .update(materialStreams)
      .set(after ? { ...after } : { active: false })
      .where(and(eq(materialStreams.organisationId, orgId), eq(materialStreams.code, change.key)));
  }
}

async function writeListItems(tx: Tx, orgId: string, changes: readonly ConfigChange[], now: Date) {
  for (const change of changes) {
    if (change.target !== 'listItem' || change.op === 'keep') continue;
    const item = (change.after ?? change.before) as ConfigListItem & { list: ItemListName };
    const list = ITEM_LISTS[item.list];
    const after = change.after as (ConfigListItem & { list: ItemListName }) | undefined;
    if (change.op === 'add' && after) {
      await tx.insert(listItems).values({
        organisationId: orgId,
        list,
        key: after.key,
        labelFr: after.labelFr,
        labelEn: after.labelEn,
        position: after.position,
        data: after.data,
        retiredAt: after.retired ? now : null,
        mergedInto: after.mergedInto,
        createdAt: now,
        updatedAt: now,
      });
      continue;
    }
    const where = and(
      eq(listItems.organisationId, orgId),
      eq(listItems.list, list),
      eq(listItems.key, item.key),
    );
    const [stored] = await tx
      .select({ retiredAt: listItems.retiredAt })
      .from(listItems)
      .where(where);
    const retired = after ? after.retired : true;
    await tx
      .update(listItems)
      .set({
        ...(after
          ? {
              labelFr: after.labelFr,
              labelEn: after.labelEn,
              position: after.position,
              data: after.data,
              mergedInto: after.mergedInto,
            }
          : {}),
        retiredAt: retired ? (stored?.retiredAt ?? now) : null,
        updatedAt: now,
      })
      .where(where);
  }
}
