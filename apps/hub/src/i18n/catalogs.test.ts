import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import frBase from './fr.json';
import { lazyParts } from './index.ts';
import listsFr from './lists.fr.json';
import settingsFr from './settings.fr.json';

type Catalog = { [key: string]: string | Catalog };

/** Every leaf of a catalog as [dotted key, value]. */
function leaves(catalog: Catalog, prefix = ''): Array<[string, unknown]> {
  return Object.entries(catalog).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'object' && value !== null
      ? leaves(value, path)
      : [[path, value] as [string, unknown]];
  });
}

/** The {{variables}} a translation interpolates. */
function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

// French as the hub ends up with it: the first-load texts and every context's chunk.
const fr = {
  ...frBase,
  settings: settingsFr,
  lists: listsFr,
  ...Object.fromEntries(
    await Promise.all(
      Object.entries(lazyParts).map(async ([part, load]) => [part, await load()] as const),
    ),
  ),
};
const catalogs = { fr: fr as Catalog, en: en as Catalog };

describe('translation catalogs', () => {
  it('have exactly the same keys in French and English', () => {
    const frKeys = leaves(catalogs.fr)
      .map(([k]) => k)
      .sort();
    const enKeys = leaves(catalogs.en)
      .map(([k]) => k)
      .sort();
    expect(enKeys).toEqual(frKeys);
    expect(frKeys.length).toBeGreaterThan(50);
  });

  it.each(Object.entries(catalogs))('%s has only non-empty strings', (_, catalog) => {
    for (const [key, value] of leaves(catalog)) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('use the same interpolation variables in both languages', () => {
    const enByKey = new Map(leaves(catalogs.en));
    for (const [key, value] of leaves(catalogs.fr)) {
      expect(variables(String(enByKey.get(key))), key).toEqual(variables(String(value)));
    }
  });

  it('keep the labels the end-to-end journey relies on', () => {
    expect(fr.app.language).toBe('Langue');
    expect(en.app.language).toBe('Language');
    expect(fr.languages.en).toBe('English');
    expect(en.centre.openingHours).toBe('Opening hours');
  });
});
