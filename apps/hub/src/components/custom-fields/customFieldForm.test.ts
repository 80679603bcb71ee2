import type { CustomFieldSpec } from '@lakou/domain/config';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { customColumns } from './customColumns.ts';
import {
  checkCustomValues,
  customProblemFields,
  initialRawValues,
  rawFromValue,
} from './customFieldForm.ts';

function spec(over: Partial<CustomFieldSpec> & Pick<CustomFieldSpec, 'key' | 'type'>) {
  return {
    labelFr: over.key,
    labelEn: '',
    helpFr: '',
    helpEn: '',
    required: false,
    defaultValue: null,
    min: null,
    max: null,
    options: [],
    inTables: false,
    confidential: false,
    ...over,
  } satisfies CustomFieldSpec;
}

const audience = spec({
  key: 'public',
  labelFr: 'Public accueilli',
  labelEn: 'Audience',
  type: 'single_choice',
  required: true,
  inTables: true,
  options: [
    { key: 'jeunes', labelFr: 'Jeunes', labelEn: 'Young people' },
    { key: 'familles', labelFr: 'Familles', labelEn: 'Families' },
  ],
});
const weight = spec({ key: 'poids', labelFr: 'Poids', type: 'number', min: 0, max: 100 });
const partner = spec({ key: 'partenaire', labelFr: 'Avec un partenaire', type: 'yes_no' });
const themes = spec({
  key: 'themes',
  type: 'multiple_choice',
  options: [
    { key: 'a', labelFr: 'A', labelEn: '' },
    { key: 'b', labelFr: 'B', labelEn: '' },
  ],
});

describe('custom fields in a form', () => {
  it('holds stored values as their controls do (decimal comma in French)', () => {
    expect(rawFromValue(weight, 12.5, 'fr')).toBe('12,5');
    expect(rawFromValue(weight, 12.5, 'en')).toBe('12.5');
    expect(rawFromValue(partner, false, 'fr')).toBe(false);
    expect(rawFromValue(partner, undefined, 'fr')).toBeNull();
    expect(rawFromValue(themes, ['b'], 'fr')).toEqual(['b']);
    expect(rawFromValue(audience, null, 'fr')).toBe('');
  });

  it('starts a new record from the defaults and an edited one from what is stored', () => {
    const withDefault = { ...weight, defaultValue: 3 };
    expect(initialRawValues([withDefault, partner], undefined, 'fr')).toEqual({
      poids: '3',
      partenaire: null,
    });
    expect(initialRawValues([withDefault], { poids: 7 }, 'fr')).toEqual({ poids: '7' });
  });

  it('stops a new record until a required field is filled, with the domain’s French message', () => {
    const result = checkCustomValues(
      [audience, weight],
      { public: '', poids: '' },
      {
        mode: 'create',
        locale: 'fr',
      },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors)).toEqual(['public']);
      expect(result.errors.public).toMatch(/Public accueilli/);
    }
  });

  it('sends the normalised values once every field fits', () => {
    const result = checkCustomValues(
      [audience, weight, partner, themes],
      { public: 'jeunes', poids: '4,5', partenaire: true, themes: ['b', 'a'] },
      { mode: 'create', locale: 'fr' },
    );
    expect(result).toEqual({
      ok: true,
      values: { public: 'jeunes', poids: 4.5, partenaire: true, themes: ['a', 'b'] },
    });
  });

  it('refuses a number out of its bounds', () => {
    const result = checkCustomValues([weight], { poids: '250' }, { mode: 'create', locale: 'fr' });
    expect(result.ok).toBe(false);
  });

  it('erases an emptied optional field on update', () => {
    const result = checkCustomValues([weight], { poids: '' }, { mode: 'update', locale: 'fr' });
    expect(result).toEqual({ ok: true, values: { poids: null } });
  });

  it('reads the API’s messages on custom.<key>', () => {
    const error = new ApiError({
      type: 'urn:lakou:problem:validation',
      title: 'Données invalides',
      status: 400,
      errors: [
        { field: 'custom.public', message: '« Public accueilli » est obligatoire.' },
        { field: 'title', message: 'Titre trop court.' },
      ],
    });
    expect(customProblemFields(error)).toEqual({
      public: '« Public accueilli » est obligatoire.',
    });
    expect(customProblemFields(new Error('x'))).toEqual({});
  });

  it('makes one table column per field shown in tables, with the option labels', () => {
    const columns = customColumns<{ custom: Record<string, unknown> }>([audience, weight], 'fr', {
      allowsSorting: true,
    });
    expect(columns.map((c) => [c.id, c.header, c.allowsSorting])).toEqual([
      ['custom.public', 'Public accueilli', true],
    ]);
    expect(columns[0]?.cell({ custom: { public: 'familles' } })).toBe('Familles');
    expect(customColumns([audience], 'en')[0]?.header).toBe('Audience');
  });
});
