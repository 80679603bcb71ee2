import { type CustomFieldSpec, customFieldLabel, formatCustomValue } from '@lakou/domain/config';
import type { DataTableColumn } from '@lakou/ui/data-table';

/** The id of a custom field's column, also the API's sort name (`sort=custom.<key>`). */
export const customColumnId = (key: string) => `custom.${key}`;

/** The key of a custom column id, or `undefined` for another column. */
export function customKeyOf(columnId: string): string | undefined {
  return columnId.startsWith('custom.') ? columnId.slice('custom.'.length) : undefined;
}

/**
 * One table column per field shown in tables (`inTables`), in the fields' order, its cells
 * written with `formatCustomValue` (choice labels, Oui/Non, decimal comma and JJ/MM/AAAA in
 * French). `allowsSorting`: when the list's API sorts on `custom.<key>`.
 */
export function customColumns<T extends { custom?: Record<string, unknown> | undefined }>(
  defs: readonly CustomFieldSpec[],
  locale: 'fr' | 'en',
  options: { allowsSorting?: boolean } = {},
): DataTableColumn<T>[] {
  return defs
    .filter((d) => d.inTables)
    .map((spec) => ({
      id: customColumnId(spec.key),
      header: customFieldLabel(spec, locale),
      cell: (row: T) => formatCustomValue(spec, row.custom?.[spec.key], locale),
      allowsSorting: options.allowsSorting ?? false,
    }));
}
