import { z } from 'zod';
import { audiences, type Tariff, tariff } from '../booking/tariff.ts';
import { streamInput } from '../circular/stream.ts';
import { CIRCULAR_STREAM_OF_CATEGORY, inKindCategories } from '../fund/donation.ts';

/**
 * Editable lists: the vocabularies a network adapts without code. Rows keep the item's `key`, so
 * a rename changes labels only; an item that rows use is retired (no longer offered) or merged
 * into another (its rows re-pointed), never deleted.
 */
import { EDITABLE_LISTS, type EditableList } from './list-labels.ts';

export {
  activeItems,
  EDITABLE_LISTS,
  type EditableList,
  labelsByKey,
  listItemLabel,
} from './list-labels.ts';
export const editableList = z.enum(EDITABLE_LISTS, {
  error: `Liste attendue : ${EDITABLE_LISTS.join(', ')}.`,
});

export interface ListTraits {
  labelFr: string;
  labelEn: string;
  /** Whether new items may be added (audiences are priced by every resource's tariff: closed). */
  canAdd: boolean;
  /** Whether rows point at items, so that a merge means something (tariff templates are copied). */
  canMerge: boolean;
  /** What a row using an item is, for usage messages. */
  rowsFr: string;
}

export const LIST_TRAITS: Record<EditableList, ListTraits> = {
  resource_kind: {
    labelFr: 'Types de ressource',
    labelEn: 'Resource kinds',
    canAdd: true,
    canMerge: true,
    rowsFr: 'ressource(s)',
  },
  event_kind: {
    labelFr: 'Types d’événement',
    labelEn: 'Event kinds',
    canAdd: true,
    canMerge: true,
    rowsFr: 'événement(s)',
  },
  material_stream: {
    labelFr: 'Filières de matière',
    labelEn: 'Material streams',
    canAdd: true,
    canMerge: true,
    rowsFr: 'mouvement(s) de matière',
  },
  donation_category: {
    labelFr: 'Catégories de dons en nature',
    labelEn: 'In-kind donation categories',
    canAdd: true,
    canMerge: true,
    rowsFr: 'don(s)',
  },
  audience: {
    labelFr: 'Publics',
    labelEn: 'Audiences',
    canAdd: false,
    canMerge: false,
    rowsFr: 'réservation(s)',
  },
  tariff: {
    labelFr: 'Modèles de tarif',
    labelEn: 'Tariff templates',
    canAdd: true,
    canMerge: false,
    rowsFr: 'utilisation(s)',
  },
};

/**
 * Items the code relies on: they may be renamed, never merged away; those in NOT_RETIRABLE are
 * not retired either. `desk` is what coworking check-ins look for and `room` what occupancy
 * counts; the five audiences are the keys of every tariff; the material streams are those
 * in-kind gifts feed (CIRCULAR_STREAM_OF_CATEGORY); `other` is the category of last resort.
 */
export const SYSTEM_ITEMS: Record<EditableList, readonly string[]> = {
  resource_kind: ['room', 'desk'],
  event_kind: [],
  material_stream: ['textiles', 'weee', 'furniture', 'bikes', 'building_materials'],
  donation_category: ['other'],
  audience: audiences,
  tariff: [],
};

/** System items that may not even be retired (the rest of SYSTEM_ITEMS may, but stay). */
export const NOT_RETIRABLE: Record<EditableList, readonly string[]> = {
  resource_kind: ['room', 'desk'],
  event_kind: [],
  material_stream: [],
  donation_category: ['other'],
  audience: ['centre_programme'],
  tariff: [],
};

export function isSystemItem(list: EditableList, key: string): boolean {
  return SYSTEM_ITEMS[list].includes(key);
}

/** A stable key: lower-case letters and digits, words joined by `-` or `_` (both are in use). */
export const listItemKey = z
  .string({ error: 'Indiquez un identifiant.' })
  .trim()
  .max(40, { error: 'L’identifiant compte au plus 40 caractères.' })
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, {
    error:
      'L’identifiant ne contient que des lettres minuscules sans accent, des chiffres, des tirets et des soulignés.',
  });

const labelFr = z
  .string({ error: 'Indiquez le libellé en français.' })
  .trim()
  .min(2, { error: 'Le libellé compte au moins 2 caractères.' })
  .max(80, { error: 'Le libellé compte au plus 80 caractères.' });
const labelEn = z
  .string()
  .trim()
  .max(80, { error: 'Le libellé anglais compte au plus 80 caractères.' });

/** Extra attributes of some lists: a material stream's family, a tariff template's rates … */
export const listItemData = z.record(z.string(), z.unknown());

export const listItemInput = z
  .object({
    key: listItemKey,
    labelFr,
    labelEn: labelEn.default(''),
    data: listItemData.default({}),
  })
  .meta({ id: 'ListItemInput' });
export type ListItemInput = z.infer<typeof listItemInput>;

export const listItemPatch = z
  .object({
    labelFr: labelFr.optional(),
    labelEn: labelEn.optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    data: listItemData.optional(),
  })
  .meta({ id: 'ListItemPatch' });
export type ListItemPatch = z.infer<typeof listItemPatch>;

export const listItemMerge = z.object({ into: listItemKey }).meta({ id: 'ListItemMerge' });

/** The read model of one item, with how many rows use it. */
export const listItem = z
  .object({
    key: z.string(),
    labelFr: z.string(),
    labelEn: z.string(),
    position: z.number().int(),
    system: z.boolean().describe('Relied on by code: renamed only, never merged away.'),
    retirable: z.boolean(),
    retired: z.boolean(),
    mergedInto: z.string().nullable(),
    data: listItemData,
    usage: z
      .number()
      .int()
      .nullable()
      .describe('Rows that use the item; null for readers who may not manage lists.'),
  })
  .meta({ id: 'ListItem' });
export type ListItem = z.infer<typeof listItem>;

export const editableListView = z
  .object({
    list: editableList,
    labelFr: z.string(),
    labelEn: z.string(),
    canAdd: z.boolean(),
    canMerge: z.boolean(),
    items: z.array(listItem),
  })
  .meta({ id: 'EditableList' });
export type EditableListView = z.infer<typeof editableListView>;

export type Verdict =
  | { ok: true }
  | {
      ok: false;
      code:
        | 'NOT_ADDABLE'
        | 'KEY_TAKEN'
        | 'NOT_MERGEABLE'
        | 'SAME_ITEM'
        | 'TARGET_RETIRED'
        | 'SYSTEM_ITEM'
        | 'ALREADY_RETIRED'
        | 'NOT_RETIRED'
        | 'IN_USE'
        | 'MERGED'
        | 'STREAMS_DIFFER';
      message: string;
    };
const OK: Verdict = { ok: true };
const no = (code: Exclude<Verdict, { ok: true }>['code'], message: string): Verdict => ({
  ok: false,
  code,
  message,
});

type Judged = Pick<ListItem, 'key' | 'labelFr' | 'retired' | 'mergedInto'>;

/** A new item: the list must be open and the key free (a retired key stays reserved). */
export function addVerdict(list: EditableList, key: string, existing: readonly string[]): Verdict {
  if (!LIST_TRAITS[list].canAdd) {
    return no(
      'NOT_ADDABLE',
      `La liste « ${LIST_TRAITS[list].labelFr} » est fixe : ses éléments se renomment ou se retirent, on n’en ajoute pas.`,
    );
  }
  if (existing.includes(key)) {
    return no(
      'KEY_TAKEN',
      `L’identifiant « ${key} » est déjà pris dans cette liste (éventuellement par un élément retiré).`,
    );
  }
  return OK;
}

/** Merge `source` into `target`: rows of the source move to the target, the source retires. */
export function mergeVerdict(list: EditableList, source: Judged, target: Judged): Verdict {
  if (!LIST_TRAITS[list].canMerge) {
    return no(
      'NOT_MERGEABLE',
      `Les éléments de la liste « ${LIST_TRAITS[list].labelFr} » ne se fusionnent pas.`,
    );
  }
  if (source.key === target.key) {
    return no('SAME_ITEM', 'Un élément ne peut pas être fusionné avec lui-même.');
  }
  if (source.mergedInto !== null) {
    return no('MERGED', `« ${source.labelFr} » a déjà été fusionné dans un autre élément.`);
  }
  if (target.retired) {
    return no(
      'TARGET_RETIRED',
      `« ${target.labelFr} » est retiré : choisissez un élément encore proposé.`,
    );
  }
  if (isSystemItem(list, source.key)) {
    return no(
      'SYSTEM_ITEM',
      `« ${source.labelFr} » est utilisé par Lakou lui-même : on peut le renommer, pas le fusionner dans un autre.`,
    );
  }
  return OK;
}

/** Retire: no longer offered in pickers; rows keep it and still show its label. */
export function retireVerdict(list: EditableList, item: Judged): Verdict {
  if (item.retired) return no('ALREADY_RETIRED', `« ${item.labelFr} » est déjà retiré.`);
  if (NOT_RETIRABLE[list].includes(item.key)) {
    return no(
      'SYSTEM_ITEM',
      `« ${item.labelFr} » est indispensable à Lakou : il peut être renommé, pas retiré.`,
    );
  }
  return OK;
}

/** Restore a retired item; a merged one stays merged (its rows already moved). */
export function restoreVerdict(item: Judged): Verdict {
  if (!item.retired) return no('NOT_RETIRED', `« ${item.labelFr} » n’est pas retiré.`);
  if (item.mergedInto !== null) {
    return no(
      'MERGED',
      `« ${item.labelFr} » a été fusionné : ses lignes sont passées dans un autre élément, il ne peut pas revenir.`,
    );
  }
  return OK;
}

/** Delete: only an item nothing uses, and never a system item. */
export function deleteVerdict(list: EditableList, item: Judged, usage: number): Verdict {
  if (isSystemItem(list, item.key)) {
    return no('SYSTEM_ITEM', `« ${item.labelFr} » est utilisé par Lakou lui-même : il reste.`);
  }
  if (usage > 0) {
    return no(
      'IN_USE',
      `« ${item.labelFr} » est utilisé par ${usage} ${LIST_TRAITS[list].rowsFr} : retirez-le ou fusionnez-le plutôt que de le supprimer.`,
    );
  }
  return OK;
}

/** The rows after a merge: every row that pointed at `from` points at `into`. */
export function repointRows<T>(
  rows: readonly T[],
  keyOf: (row: T) => string,
  withKey: (row: T, key: string) => T,
  from: string,
  into: string,
): T[] {
  return rows.map((r) => (keyOf(r) === from ? withKey(r, into) : r));
}

/**
 * Material streams carry a European waste code into the waste register: merging two streams of
 * different codes would rewrite what the register says was collected and shipped, so it is
 * refused (retire the stream instead).
 */
export function streamMergeVerdict(
  source: Judged & { wasteCode: string | null },
  target: Judged & { wasteCode: string | null },
): Verdict {
  if ((source.wasteCode ?? null) !== (target.wasteCode ?? null)) {
    return no(
      'STREAMS_DIFFER',
      `« ${source.labelFr} » (code déchet ${source.wasteCode ?? 'aucun'}) et « ${target.labelFr} » (code déchet ${target.wasteCode ?? 'aucun'}) n’ont pas le même code déchet : les fusionner réécrirait le registre des déchets. Retirez plutôt « ${source.labelFr} ».`,
    );
  }
  return OK;
}

/** What a new material stream needs besides its labels (the circular page edits the rest). */
export const streamItemData = streamInput
  .pick({ family: true, repStream: true, wasteCode: true })
  .extend({ family: streamInput.shape.family.default('other') });

/** A tariff template's rates, checked when a template is saved. */
export const tariffTemplateData = z.object({ tariff });
export type TariffTemplateData = { tariff: Tariff };

/** Checks `data` of an item against what its list expects; French messages with their path. */
export function itemDataIssues(
  list: EditableList,
  data: Record<string, unknown>,
): { path: string[]; message: string }[] {
  if (list === 'tariff') {
    const parsed = tariffTemplateData.safeParse(data);
    if (!parsed.success) {
      return parsed.error.issues.map((i) => ({
        path: ['data', ...i.path.map(String)],
        message: i.message,
      }));
    }
  }
  if (list === 'material_stream') {
    const parsed = streamItemData.safeParse(data);
    if (!parsed.success) {
      return parsed.error.issues.map((i) => ({
        path: ['data', ...i.path.map(String)],
        message: i.message,
      }));
    }
  }
  if (list === 'donation_category' && data.stream !== undefined && data.stream !== null) {
    if (typeof data.stream !== 'string' || !listItemKey.safeParse(data.stream).success) {
      return [{ path: ['data', 'stream'], message: 'Filière inconnue.' }];
    }
  }
  return [];
}

/** The items a network starts with in `list_items` (migration 0017 and the seed write them). */
export interface DefaultListItem {
  list: 'resource_kind' | 'donation_category' | 'audience' | 'tariff';
  key: string;
  labelFr: string;
  labelEn: string;
  position: number;
  data: Record<string, unknown>;
}
const CATEGORY_LABELS: Record<(typeof inKindCategories)[number], [string, string]> = {
  furniture: ['Mobilier', 'Furniture'],
  it_equipment: ['Matériel informatique', 'IT equipment'],
  appliances: ['Électroménager', 'Appliances'],
  clothes: ['Vêtements et textiles', 'Clothes and textiles'],
  food: ['Denrées alimentaires', 'Food'],
  building_materials: ['Matériaux de construction', 'Building materials'],
  bikes: ['Vélos', 'Bikes'],
  books_toys: ['Livres et jouets', 'Books and toys'],
  other: ['Autre', 'Other'],
};
export const DEFAULT_LIST_ITEMS: readonly DefaultListItem[] = [
  ...(
    [
      ['room', 'Salle', 'Room'],
      ['desk', 'Poste de coworking', 'Coworking desk'],
      ['equipment', 'Équipement', 'Equipment'],
    ] as const
  ).map(([key, labelFr, labelEn], i) => ({
    list: 'resource_kind' as const,
    key,
    labelFr,
    labelEn,
    position: i,
    data: {},
  })),
  ...inKindCategories.map((key, i) => ({
    list: 'donation_category' as const,
    key,
    labelFr: CATEGORY_LABELS[key][0],
    labelEn: CATEGORY_LABELS[key][1],
    position: i,
    data: CIRCULAR_STREAM_OF_CATEGORY[key] ? { stream: CIRCULAR_STREAM_OF_CATEGORY[key] } : {},
  })),
  ...(
    [
      ['member', 'Membre', 'Member'],
      ['qpv_resident', 'Habitant·e d’un QPV', 'QPV resident'],
      ['association', 'Association', 'Association'],
      ['company', 'Entreprise', 'Company'],
      ['centre_programme', 'Programme du centre (gratuit)', 'Centre programme (free)'],
    ] as const
  ).map(([key, labelFr, labelEn], i) => ({
    list: 'audience' as const,
    key,
    labelFr,
    labelEn,
    position: i,
    data: {},
  })),
  {
    list: 'tariff',
    key: 'gratuit',
    labelFr: 'Gratuit',
    labelEn: 'Free',
    position: 0,
    data: {
      tariff: {
        hourlyCents: { member: 0, qpv_resident: 0, association: 0, company: 0 },
        flatFeeCents: 0,
      },
    },
  },
];
