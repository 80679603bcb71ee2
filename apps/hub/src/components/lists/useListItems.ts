import { activeItems, type EditableList, listItemLabel } from '@lakou/domain/config/list-labels';
import { type InKindCategory, inKindCategories } from '@lakou/domain/fund/in-kind-categories';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { listsQuery } from '../../api/lists.ts';

/**
 * A list's items for a picker: the active ones as options (by position), and a label for any
 * key — retired items included, so existing rows still read well. Until the lists have loaded,
 * `fallback` (the catalog's label) answers.
 */
export function useListItems(list: EditableList, fallback: (key: string) => string = (k) => k) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'fr';
  const lists = useQuery(listsQuery());
  return useMemo(() => {
    const items = lists.data?.find((l) => l.list === list)?.items;
    const labels = new Map((items ?? []).map((i) => [i.key, listItemLabel(i, locale)]));
    return {
      isLoaded: items !== undefined,
      /** Every item, retired ones included (for their attributes). */
      items: items ?? [],
      options: items
        ? activeItems(items).map((i) => ({ id: i.key, label: listItemLabel(i, locale) }))
        : null,
      labelOf: (key: string) => labels.get(key) ?? fallback(key),
    };
  }, [lists.data, list, locale, fallback]);
}

/** The in-kind categories of the network's list, the catalog's names until it has loaded. */
export function useInKindCategories() {
  const { t } = useTranslation();
  return useListItems('donation_category', (key) =>
    (inKindCategories as readonly string[]).includes(key)
      ? t(`donations.categories.${key as InKindCategory}`)
      : key,
  );
}
