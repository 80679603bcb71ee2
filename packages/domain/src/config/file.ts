/**
 * Configuration as a file: what `pnpm lakou config:export` writes and `config:import` reads, so a
 * network can copy its setup to a new centre or a new network. Configuration only: the
 * organisation, its centres (address, opening hours, closures), custom field definitions and the
 * editable lists — never a person, a booking or a gift. No ids: everything is matched by slug,
 * key or code, so a file moves between databases.
 *
 * Pure: the schema of the file, a canonical order (two exports of the same setup are the same
 * text), the diff between what a database holds and a file, and that diff in French.
 */
import { z } from 'zod';
import { resourceInput } from '../booking/resource.ts';
import { streamInput } from '../circular/stream.ts';
import { eventKindInput } from '../events/event-kind.ts';
import { centreInput } from '../network/centre.ts';
import { closureInput } from '../network/closure.ts';
import { sortWindows } from '../network/opening-hours.ts';
import {
  CUSTOM_FIELD_ENTITIES,
  type CustomFieldEntity,
  customFieldEntity,
  customFieldSpec,
  specIssues,
} from './index.ts';
import {
  DEFAULT_LIST_ITEMS,
  itemDataIssues,
  LIST_TRAITS,
  NOT_RETIRABLE,
  SYSTEM_ITEMS,
} from './lists.ts';

export const CONFIG_FILE_FORMAT = 'lakou-config';
export const CONFIG_FILE_VERSION = 1;

const slug = centreInput.shape.slug;

export const configOrganisation = z.strictObject({
  slug,
  name: z
    .string({ error: 'Indiquez le nom du réseau.' })
    .trim()
    .min(2, { error: 'Le nom du réseau compte au moins 2 caractères.' })
    .max(120),
});
export type ConfigOrganisation = z.infer<typeof configOrganisation>;

/** A centre's settings: the centre form's fields, its closures, matched by `slug`. */
export const configCentre = z.strictObject({
  ...centreInput.shape,
  closures: z.array(closureInput).max(500).default([]),
});
export type ConfigCentre = z.infer<typeof configCentre>;

/**
 * A custom field definition: its spec, its entity, its scope as a centre slug (null: the whole
 * network), its place in the form and whether it is retired (hidden, values kept).
 */
export const configCustomField = z
  .strictObject({
    entity: customFieldEntity,
    centre: slug.nullable().default(null),
    ...customFieldSpec.shape,
    position: z.number().int().min(0).max(10_000).default(0),
    retired: z.boolean().default(false),
  })
  .superRefine((field, ctx) => {
    for (const issue of specIssues(field, field.entity)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
    if (field.entity === 'donation' && field.centre !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['centre'],
        message: 'Les champs des dons financiers valent pour tout le réseau (centre : null).',
      });
    }
  });
export type ConfigCustomField = z.infer<typeof configCustomField>;

/**
 * A bookable room, desk or piece of equipment of a centre, matched by (centre, name). Inactive:
 * takes no booking, keeps its history.
 */
export const configResource = z
  .strictObject({
    centre: slug,
    ...resourceInput.shape,
    active: z.boolean().default(true),
    closures: z.array(closureInput).max(500).default([]),
  })
  .omit({ centreId: true })
  .refine((r) => r.minDurationMinutes <= r.maxDurationMinutes, {
    error: 'La durée maximale ne peut pas être inférieure à la durée minimale.',
    path: ['maxDurationMinutes'],
  });
export type ConfigResource = z.infer<typeof configResource>;

/** A list item's key, as the editable lists write it (words joined by `-` or `_`). */
const itemKey = z
  .string({ error: 'Indiquez un identifiant.' })
  .trim()
  .max(40, { error: 'L’identifiant compte au plus 40 caractères.' })
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, {
    error:
      'L’identifiant ne contient que des lettres minuscules sans accent, des chiffres, des tirets et des soulignés.',
  });
const labelEn = z
  .string()
  .trim()
  .max(80, { error: 'Le libellé anglais compte au plus 80 caractères.' })
  .default('');
const position = z.number().int().min(0).max(10_000).default(0);
/** The key of the item a retired item was merged into (its rows moved there). */
const mergedInto = itemKey.nullable().default(null);
const mergedIsRetired = {
  error: 'Un élément fusionné dans un autre est retiré.',
  path: ['mergedInto'],
};

export const configEventKind = z
  .strictObject({
    key: itemKey,
    label: eventKindInput.shape.label,
    labelEn,
    position,
    active: z.boolean().default(true),
    mergedInto,
  })
  .refine((k) => k.mergedInto === null || !k.active, mergedIsRetired);
export type ConfigEventKind = z.infer<typeof configEventKind>;

export const configMaterialStream = z
  .strictObject({ ...streamInput.shape, labelEn, mergedInto })
  .refine((s) => s.mergedInto === null || !s.active, mergedIsRetired);
export type ConfigMaterialStream = z.infer<typeof configMaterialStream>;

/** An item of the lists kept in `list_items` (resource kinds, gift categories, audiences, tariffs). */
export const configListItem = z
  .strictObject({
    key: itemKey,
    labelFr: z
      .string({ error: 'Indiquez le libellé en français.' })
      .trim()
      .min(2, { error: 'Le libellé compte au moins 2 caractères.' })
      .max(80, { error: 'Le libellé compte au plus 80 caractères.' }),
    labelEn,
    position,
    data: z.record(z.string(), z.unknown()).default({}),
    retired: z.boolean().default(false),
    mergedInto,
  })
  .refine((i) => i.mergedInto === null || i.retired, mergedIsRetired);
export type ConfigListItem = z.infer<typeof configListItem>;

/** The file's name of each list kept in `list_items`, and its name in the database. */
export const ITEM_LISTS = {
  resourceKinds: 'resource_kind',
  donationCategories: 'donation_category',
  audiences: 'audience',
  tariffs: 'tariff',
} as const;
export type ItemListName = keyof typeof ITEM_LISTS;
export const ITEM_LIST_NAMES = Object.keys(ITEM_LISTS) as ItemListName[];

const items = z.array(configListItem).max(500).optional();

/**
 * The editable lists. Every key is optional: a list left out of the file is left alone by an
 * import; a list present (even empty) is the whole list, and what the database has beyond it is
 * retired.
 */
export const configLists = z.strictObject({
  eventKinds: z.array(configEventKind).max(500).optional(),
  materialStreams: z.array(configMaterialStream).max(500).optional(),
  resourceKinds: items,
  donationCategories: items,
  audiences: items,
  tariffs: items,
});
export type ConfigLists = z.infer<typeof configLists>;

export const configFile = z
  .strictObject({
    format: z.literal(CONFIG_FILE_FORMAT, {
      error: `Ce n’est pas un fichier de configuration Lakou (format « ${CONFIG_FILE_FORMAT} » attendu).`,
    }),
    version: z.literal(CONFIG_FILE_VERSION, {
      error: `Version de fichier inconnue (version ${CONFIG_FILE_VERSION} attendue).`,
    }),
    exportedAt: z.iso.datetime({ offset: true, error: 'Date-heure ISO 8601 attendue.' }),
    organisation: configOrganisation,
    centres: z.array(configCentre).max(2_000),
    /** Left out: the definitions are left alone; present: the whole set (others are retired). */
    customFields: z.array(configCustomField).max(2_000).optional(),
    /** Left out: resources are left alone; present: the whole set (others are deactivated). */
    resources: z.array(configResource).max(20_000).optional(),
    lists: configLists.default({}),
  })
  .superRefine((file, ctx) => {
    const duplicates = <T>(items: readonly T[], keyOf: (item: T) => string, path: string[]) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const key = keyOf(item);
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, i],
            message: `« ${key} » figure deux fois dans le fichier.`,
          });
        }
        seen.add(key);
      });
    };
    duplicates(file.centres, (c) => c.slug, ['centres']);
    const fields = file.customFields ?? [];
    duplicates(fields, (f) => `${f.entity}.${f.key}`, ['customFields']);
    const slugs = new Set(file.centres.map((c) => c.slug));
    fields.forEach((field, i) => {
      if (field.centre !== null && !slugs.has(field.centre)) {
        ctx.addIssue({
          code: 'custom',
          path: ['customFields', i, 'centre'],
          message: `Centre « ${field.centre} » absent de la liste des centres du fichier.`,
        });
      }
    });
    const resources = file.resources ?? [];
    duplicates(resources, resourceKey, ['resources']);
    const kinds = file.lists.resourceKinds
      ? new Set(file.lists.resourceKinds.map((k) => k.key))
      : null;
    resources.forEach((resource, i) => {
      if (!slugs.has(resource.centre)) {
        ctx.addIssue({
          code: 'custom',
          path: ['resources', i, 'centre'],
          message: `Centre « ${resource.centre} » absent de la liste des centres du fichier.`,
        });
      }
      if (kinds && !kinds.has(resource.kind)) {
        ctx.addIssue({
          code: 'custom',
          path: ['resources', i, 'kind'],
          message: `Type de ressource « ${resource.kind} » absent de lists.resourceKinds.`,
        });
      }
    });
    duplicates(file.lists.eventKinds ?? [], (k) => k.key, ['lists', 'eventKinds']);
    duplicates(file.lists.materialStreams ?? [], (s) => s.code, ['lists', 'materialStreams']);
    duplicates(file.lists.materialStreams ?? [], (s) => s.name, ['lists', 'materialStreams']);
    for (const name of ITEM_LIST_NAMES) {
      const items = file.lists[name] ?? [];
      const list = ITEM_LISTS[name];
      duplicates(items, (i) => i.key, ['lists', name]);
      items.forEach((item, i) => {
        for (const issue of itemDataIssues(list, item.data)) {
          ctx.addIssue({
            code: 'custom',
            path: ['lists', name, i, ...issue.path],
            message: issue.message,
          });
        }
        if (!LIST_TRAITS[list].canAdd && !SYSTEM_ITEMS[list].includes(item.key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['lists', name, i, 'key'],
            message: `La liste « ${LIST_TRAITS[list].labelFr} » est fixe (${SYSTEM_ITEMS[list].join(', ')}) : « ${item.key} » n’en fait pas partie.`,
          });
        }
        if (item.retired && NOT_RETIRABLE[list].includes(item.key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['lists', name, i, 'retired'],
            message: `« ${item.labelFr} » est indispensable à Lakou : il ne peut pas être retiré.`,
          });
        }
      });
    }
  });
export type ConfigFile = z.infer<typeof configFile>;

/** How a resource is matched: its centre and its name. */
export function resourceKey(resource: Pick<ConfigResource, 'centre' | 'name'>): string {
  return `${resource.centre}/${resource.name}`;
}

/** What a database holds, in the file's shape (no organisation yet in an empty database). */
export interface ConfigSnapshot {
  organisation: ConfigOrganisation | null;
  centres: ConfigCentre[];
  customFields: ConfigCustomField[];
  resources: ConfigResource[];
  lists: ConfigLists;
}

/** A validation problem of a file: where (`customFields[3].options`) and what, in French. */
export interface ConfigFileIssue {
  path: string;
  message: string;
}

/** A JSON path as people read it: `customFields[3].options[0].key`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number' || /^\d+$/.test(String(part))) out += `[${String(part)}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(racine)';
}

/** The file parsed, or its problems with their JSON paths. */
export function parseConfigFile(
  input: unknown,
): { ok: true; file: ConfigFile } | { ok: false; issues: ConfigFileIssue[] } {
  const parsed = configFile.safeParse(input);
  if (parsed.success) return { ok: true, file: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: jsonPath(issue.path),
      message: issue.message,
    })),
  };
}

const entityRank = (entity: CustomFieldEntity) => CUSTOM_FIELD_ENTITIES.indexOf(entity);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byPeriod = (a: { startsOn: string; endsOn: string }, b: typeof a) =>
  compare(a.startsOn, b.startsOn) || compare(a.endsOn, b.endsOn);

/**
 * The canonical order of a snapshot's lists, so that two exports of the same setup are the same
 * text: centres by slug, windows by day and time, closures by date, fields by entity, scope
 * (network first), position and key, event kinds by key, streams by sort order and code.
 */
export function canonicalSnapshot<T extends ConfigSnapshot>(snapshot: T): T {
  return {
    ...snapshot,
    centres: [...snapshot.centres]
      .sort((a, b) => compare(a.slug, b.slug))
      .map((c) => ({
        ...c,
        openingHours: sortWindows(c.openingHours),
        closures: [...c.closures].sort(byPeriod),
      })),
    customFields: [...snapshot.customFields].sort(
      (a, b) =>
        entityRank(a.entity) - entityRank(b.entity) ||
        (a.centre === null ? (b.centre === null ? 0 : -1) : b.centre === null ? 1 : 0) ||
        compare(a.centre ?? '', b.centre ?? '') ||
        a.position - b.position ||
        compare(a.key, b.key),
    ),
    resources: [...snapshot.resources]
      .sort((a, b) => compare(a.centre, b.centre) || compare(a.name, b.name))
      .map((r) => ({ ...r, closures: [...r.closures].sort(byPeriod) })),
    lists: canonicalLists(snapshot.lists),
  };
}

const byPosition = <T extends { position: number; key: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => a.position - b.position || compare(a.key, b.key));

function canonicalLists(lists: ConfigLists): ConfigLists {
  const out: ConfigLists = {};
  if (lists.eventKinds) out.eventKinds = byPosition(lists.eventKinds);
  if (lists.materialStreams)
    out.materialStreams = [...lists.materialStreams].sort(
      (a, b) => a.sortOrder - b.sortOrder || compare(a.code, b.code),
    );
  for (const list of ITEM_LIST_NAMES) {
    const items = lists[list];
    if (items) out[list] = byPosition(items);
  }
  return out;
}

export type ConfigTarget =
  | 'organisation'
  | 'centre'
  | 'customField'
  | 'resource'
  | 'eventKind'
  | 'materialStream'
  | 'listItem';
export type ConfigOp = 'add' | 'change' | 'retire' | 'keep';

/** One line of a diff: what happens to one item, matched by its key. */
export interface ConfigChange {
  op: ConfigOp;
  target: ConfigTarget;
  /** Slug, `entity.key`, key or code. */
  key: string;
  before?: unknown;
  after?: unknown;
  /** For a change: the properties that differ. */
  fields?: string[];
}

/** JSON with object keys sorted: jsonb columns give keys back in their own order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => compare(a, b)))
      : v,
  );
}

/** Whether two values are the same JSON, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

/** Properties of two objects whose JSON differs (in the order of `after`, then `before`). */
function changedFields(before: object, after: object): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => !sameJson(b[k], a[k]));
}

/**
 * Items of a keyed list: add, change, retire or keep for each item of the file, then a retire
 * for each active item of the database the file leaves out (nothing for one already retired).
 */
function diffList<T extends object>(
  target: ConfigTarget,
  current: readonly T[],
  incoming: readonly T[],
  keyOf: (item: T) => string,
  isRetired: (item: T) => boolean,
  retireField: string,
): ConfigChange[] {
  const byKey = new Map(current.map((item) => [keyOf(item), item]));
  const changes: ConfigChange[] = [];
  for (const after of incoming) {
    const key = keyOf(after);
    const before = byKey.get(key);
    byKey.delete(key);
    if (!before) {
      changes.push({ op: 'add', target, key, after });
      continue;
    }
    const fields = changedFields(before, after);
    if (fields.length === 0) changes.push({ op: 'keep', target, key, before, after });
    else if (fields.length === 1 && fields[0] === retireField && isRetired(after))
      changes.push({ op: 'retire', target, key, before, after, fields });
    else changes.push({ op: 'change', target, key, before, after, fields });
  }
  for (const [key, before] of byKey) {
    if (!isRetired(before)) changes.push({ op: 'retire', target, key, before });
  }
  return changes;
}

/**
 * What importing `incoming` into a database holding `current` does, in order: the organisation,
 * the centres, the custom fields, the resources, the lists. Centres the file leaves
 * out are left alone; fields and list items it leaves out are retired (never destroyed); a part
 * the file leaves out altogether (no `customFields`, no `lists.eventKinds` …) is not touched.
 * The organisation of an installation keeps its identity: a file from another network brings its
 * centres and settings into it.
 */
export function configDiff(current: ConfigSnapshot, incoming: ConfigFile): ConfigChange[] {
  const changes: ConfigChange[] = [];
  const org = current.organisation;
  if (!org)
    changes.push({
      op: 'add',
      target: 'organisation',
      key: incoming.organisation.slug,
      after: incoming.organisation,
    });
  else if (org.slug === incoming.organisation.slug && org.name !== incoming.organisation.name)
    changes.push({
      op: 'change',
      target: 'organisation',
      key: org.slug,
      before: org,
      after: incoming.organisation,
      fields: ['name'],
    });
  else
    changes.push({
      op: 'keep',
      target: 'organisation',
      key: org.slug,
      before: org,
      after: incoming.organisation,
    });

  const canonical = canonicalSnapshot({
    ...incoming,
    customFields: incoming.customFields ?? [],
    resources: incoming.resources ?? [],
  });
  const now = canonicalSnapshot(current);
  const currentCentres = new Map(now.centres.map((c) => [c.slug, c]));
  for (const after of canonical.centres) {
    const before = currentCentres.get(after.slug);
    if (!before) changes.push({ op: 'add', target: 'centre', key: after.slug, after });
    else {
      const fields = changedFields(before, after);
      changes.push({
        op: fields.length ? 'change' : 'keep',
        target: 'centre',
        key: after.slug,
        before,
        after,
        ...(fields.length ? { fields } : {}),
      });
    }
  }
  if (incoming.customFields) {
    changes.push(
      ...diffList(
        'customField',
        now.customFields,
        canonical.customFields,
        (f) => `${f.entity}.${f.key}`,
        (f) => f.retired,
        'retired',
      ),
    );
  }
  if (incoming.resources) {
    changes.push(
      ...diffList(
        'resource',
        now.resources,
        canonical.resources,
        resourceKey,
        (r) => !r.active,
        'active',
      ),
    );
  }
  if (canonical.lists.eventKinds) {
    changes.push(
      ...diffList(
        'eventKind',
        now.lists.eventKinds ?? [],
        canonical.lists.eventKinds,
        (k) => k.key,
        (k) => !k.active,
        'active',
      ),
    );
  }
  if (canonical.lists.materialStreams) {
    changes.push(
      ...diffList(
        'materialStream',
        now.lists.materialStreams ?? [],
        canonical.lists.materialStreams,
        (s) => s.code,
        (s) => !s.active,
        'active',
      ),
    );
  }
  for (const list of ITEM_LIST_NAMES) {
    const incomingItems = canonical.lists[list];
    if (!incomingItems) continue;
    changes.push(
      ...diffList(
        'listItem',
        (now.lists[list] ?? []).map((i) => ({ ...i, list })),
        incomingItems.map((i) => ({ ...i, list })),
        (i) => `${ITEM_LISTS[i.list]}.${i.key}`,
        (i) => i.retired,
        'retired',
      ),
    );
  }
  return changes;
}

/**
 * Changes the database cannot take whatever the stored data: a field that exists in one scope
 * and the file puts in another (a field's scope is fixed at creation).
 */
export function configConflicts(changes: readonly ConfigChange[]): ConfigFileIssue[] {
  const issues: ConfigFileIssue[] = [];
  for (const change of changes) {
    if (change.op === 'add' || change.op === 'keep') continue;
    const before = change.before as Record<string, unknown>;
    const after = change.after as Record<string, unknown> | undefined;
    if (change.target === 'customField' && after && before.centre !== after.centre) {
      const field = after as ConfigCustomField;
      issues.push({
        path: `customFields(${change.key}).centre`,
        message: `Le champ « ${field.labelFr} » (${change.key}) existe déjà pour ${scopeText(before.centre as string | null)} : sa portée ne change pas (${scopeText(field.centre)} dans le fichier).`,
      });
    }
    const listPath =
      change.target === 'listItem'
        ? `lists.${String(before.list)}(${String(before.key)})`
        : `lists.${change.target}s(${change.key})`;
    if (
      (change.target === 'listItem' ||
        change.target === 'eventKind' ||
        change.target === 'materialStream') &&
      after &&
      (before.mergedInto ?? null) !== (after.mergedInto ?? null)
    ) {
      issues.push({
        path: `${listPath}.mergedInto`,
        message: `« ${change.key} » : une fusion déplace les lignes qui l’utilisent, elle se fait dans Paramètres › Listes, pas par un import.`,
      });
    }
    if (change.target === 'listItem') {
      const list = ITEM_LISTS[before.list as ItemListName];
      const retiring = after ? after.retired === true : true;
      if (retiring && NOT_RETIRABLE[list].includes(String(before.key))) {
        issues.push({
          path: listPath,
          message: `« ${String(before.labelFr)} » (${String(before.key)}) est indispensable à Lakou : le fichier ne peut pas le retirer.`,
        });
      }
    }
  }
  return issues;
}

/**
 * Resources the file adds, or moves to another kind, whose kind is not an active resource kind
 * once the import is done (the file's list when it carries one, else the database's, else the
 * kinds every network starts with).
 */
export function resourceKindConflicts(
  current: ConfigSnapshot,
  incoming: ConfigFile,
  changes: readonly ConfigChange[],
): ConfigFileIssue[] {
  const list = incoming.lists.resourceKinds ?? current.lists.resourceKinds ?? [];
  const active = new Set(
    list.length > 0
      ? list.filter((k) => !k.retired).map((k) => k.key)
      : DEFAULT_LIST_ITEMS.filter((i) => i.list === 'resource_kind').map((i) => i.key),
  );
  const issues: ConfigFileIssue[] = [];
  for (const change of changes) {
    if (change.target !== 'resource' || (change.op !== 'add' && change.op !== 'change')) continue;
    const after = change.after as ConfigResource;
    const before = change.before as ConfigResource | undefined;
    if (before?.kind === after.kind || active.has(after.kind)) continue;
    issues.push({
      path: `resources(${change.key}).kind`,
      message: `Type de ressource « ${after.kind} » inconnu ou retiré.`,
    });
  }
  return issues;
}

const scopeText = (centre: string | null) =>
  centre === null ? 'tout le réseau' : `le centre ${centre}`;

const TARGET_LABELS: Record<ConfigTarget, string> = {
  organisation: 'Réseau',
  centre: 'Centre',
  customField: 'Champ personnalisé',
  resource: 'Ressource',
  eventKind: 'Type d’événement',
  materialStream: 'Flux de matières',
  listItem: 'Élément de liste',
};

const FIELD_LABELS: Record<string, string> = {
  name: 'nom',
  commune: 'commune',
  qpv: 'QPV',
  address: 'adresse',
  timeZone: 'fuseau horaire',
  phone: 'téléphone',
  email: 'e-mail',
  openingHours: 'horaires',
  closures: 'fermetures',
  centre: 'portée',
  labelFr: 'libellé',
  labelEn: 'libellé anglais',
  helpFr: 'aide',
  helpEn: 'aide anglaise',
  type: 'type',
  required: 'obligatoire',
  defaultValue: 'valeur par défaut',
  min: 'minimum',
  max: 'maximum',
  options: 'choix',
  inTables: 'colonne des tableaux',
  confidential: 'confidentiel',
  position: 'ordre',
  retired: 'retiré',
  label: 'libellé',
  active: 'actif',
  family: 'famille',
  repStream: 'filière REP',
  wasteCode: 'code déchet',
  sortOrder: 'ordre',
  data: 'attributs',
  kind: 'type',
  description: 'description',
  capacity: 'capacité',
  amenities: 'équipements',
  stepFree: 'plain-pied',
  bookableHours: 'heures réservables',
  minDurationMinutes: 'durée minimale',
  maxDurationMinutes: 'durée maximale',
  bufferMinutes: 'battement',
  requiresApproval: 'validation',
  tariff: 'tarif',
  mergedInto: 'fusionné dans',
};

const RETIRED_TEXT: Record<ConfigTarget, string> = {
  organisation: 'retiré',
  centre: 'retiré',
  customField: 'retiré (masqué, les valeurs enregistrées sont conservées)',
  resource: 'désactivé (plus réservable, son historique est conservé)',
  eventKind: 'retiré (plus proposé, les événements le gardent)',
  materialStream: 'retiré (plus proposé, les pesées le gardent)',
  listItem: 'retiré (plus proposé, les lignes qui l’utilisent le gardent)',
};

function itemName(change: ConfigChange): string {
  const item = (change.after ?? change.before) as Record<string, unknown> | undefined;
  const label = item?.labelFr ?? item?.label ?? item?.name;
  return typeof label === 'string' ? `« ${label} » (${change.key})` : change.key;
}

/**
 * The diff as people read it, in French: one line per addition, change and retirement, then a
 * count. Unchanged items are only counted.
 */
export function describeDiff(changes: readonly ConfigChange[]): string {
  const lines: string[] = [];
  for (const change of changes) {
    const what = `${TARGET_LABELS[change.target]} ${itemName(change)}`;
    if (change.op === 'add') {
      const field = change.target === 'customField' ? (change.after as ConfigCustomField) : null;
      const scope = field
        ? ` — ${field.entity}, ${scopeText(field.centre)}${field.retired ? ', retiré' : ''}`
        : '';
      lines.push(`+ ${what} : ajout${scope}`);
    } else if (change.op === 'change') {
      const fields = (change.fields ?? []).map((f) => FIELD_LABELS[f] ?? f).join(', ');
      lines.push(`~ ${what} : modifié (${fields})`);
    } else if (change.op === 'retire') {
      lines.push(`- ${what} : ${RETIRED_TEXT[change.target]}`);
    } else if (change.target === 'organisation') {
      const before = change.before as ConfigOrganisation;
      const after = change.after as ConfigOrganisation;
      lines.push(
        after.slug === before.slug
          ? `= Réseau « ${before.name} » (${before.slug}) : inchangé`
          : `= Réseau « ${before.name} » (${before.slug}) : conservé ; les réglages du fichier de « ${after.name} » (${after.slug}) y sont importés`,
      );
    }
  }
  const count = (op: ConfigOp) => changes.filter((c) => c.op === op).length;
  const adds = count('add');
  const edits = count('change');
  const retires = count('retire');
  const keeps = count('keep');
  if (adds + edits + retires === 0)
    lines.push('Aucun changement : la base correspond déjà au fichier.');
  lines.push(
    `Bilan : ${adds} ajout(s), ${edits} modification(s), ${retires} retrait(s), ${keeps} élément(s) inchangé(s).`,
  );
  return lines.join('\n');
}

/** Whether a diff changes anything. */
export function diffIsEmpty(changes: readonly ConfigChange[]): boolean {
  return changes.every((c) => c.op === 'keep');
}
