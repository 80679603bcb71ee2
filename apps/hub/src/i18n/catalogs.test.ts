import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { pagesFr } from './pages.fr.ts';
import shellFr from './shell.fr.json';

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

/** `base` with `extra`'s keys added, groups merged key by key. */
function merge(base: Catalog, extra: Catalog): Catalog {
  const merged: Catalog = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] =
      typeof current === 'object' && typeof value === 'object' ? merge(current, value) : value;
  }
  return merged;
}

// French as the hub ends up with it: the entry's texts and the pages' chunk.
const fr = merge(shellFr as Catalog, pagesFr as Catalog);
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
    expect(shellFr.app.language).toBe('Langue');
    expect(en.app.language).toBe('Language');
    expect(shellFr.languages.en).toBe('English');
    expect(en.centre.openingHours).toBe('Opening hours');
  });
});
