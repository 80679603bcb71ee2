/**
 * The editable lists' names and how their items read in pickers and tables. Without zod, so that
 * the hub's pages show list labels without loading the lists' schemas (see lists.ts).
 */
export const EDITABLE_LISTS = [
  'resource_kind',
  'event_kind',
  'material_stream',
  'donation_category',
  'audience',
  'tariff',
] as const;
export type EditableList = (typeof EDITABLE_LISTS)[number];

/** What labels and pickers need of an item. */
export interface LabelledItem {
  key: string;
  labelFr: string;
  labelEn: string;
  retired: boolean;
  position: number;
}

/** The label in a locale; English falls back to French. */
export function listItemLabel(
  item: Pick<LabelledItem, 'labelFr' | 'labelEn'>,
  locale: 'fr' | 'en',
): string {
  return locale === 'en' && item.labelEn.trim() !== '' ? item.labelEn : item.labelFr;
}

/** What pickers offer: active items by position then label. */
export function activeItems<T extends Pick<LabelledItem, 'retired' | 'position' | 'labelFr'>>(
  items: readonly T[],
): T[] {
  return items
    .filter((i) => !i.retired)
    .sort((a, b) => a.position - b.position || a.labelFr.localeCompare(b.labelFr, 'fr'));
}

/** Labels by key for display, retired items included (existing rows still show them). */
export function labelsByKey(
  items: readonly Pick<LabelledItem, 'key' | 'labelFr' | 'labelEn'>[],
  locale: 'fr' | 'en',
): Map<string, string> {
  return new Map(items.map((i) => [i.key, listItemLabel(i, locale)]));
}
