import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchKey } from './search.ts';

describe('searchKey', () => {
  it('drops accents, case and punctuation, and spells out “St”', () => {
    expect(searchKey('Rémire-Montjoly')).toBe('remire montjoly');
    expect(searchKey('  ST-LAURENT du Maroni ')).toBe('saint laurent du maroni');
    expect(searchKey('Kaz à vélo')).toBe('kaz a velo');
  });

  it('is idempotent and never yields upper case or accents', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const key = searchKey(text);
        expect(searchKey(key)).toBe(key);
        expect(key).toBe(key.toLowerCase());
        expect(key.normalize('NFD')).toBe(key.normalize('NFD').replace(/\p{M}/gu, ''));
      }),
    );
  });
});
