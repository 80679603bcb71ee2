import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fitsByHand, specAndValue, specOf, validValueFor } from './arbitraries.ts';
import { type CustomFieldSpec, customFieldSpec } from './custom-field.ts';
import {
  type CustomValues,
  customValueFromForm,
  customValueSchema,
  customValuesInput,
  customValuesSchema,
  formatCustomValue,
  isEmptyCustomValue,
  mergeCustomValues,
  visibleCustomValues,
} from './custom-values.ts';
import { valueFits } from './definition-change.ts';

const field = (spec: Partial<z.input<typeof customFieldSpec>> & Pick<CustomFieldSpec, 'type'>) =>
  customFieldSpec.parse({ key: 'champ', labelFr: 'Public accueilli', ...spec });

const choices = [
  { key: 'jeunes', labelFr: 'Jeunes', labelEn: 'Young people' },
  { key: 'familles', labelFr: 'Familles', labelEn: '' },
  { key: 'aines', labelFr: 'Aînés', labelEn: 'Elders' },
];

/** The first message of a value that does not fit, or null when it fits. */
function problem(spec: CustomFieldSpec, value: unknown, locale: 'fr' | 'en' = 'fr') {
  const r = customValueSchema(spec, locale).safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? '');
}
function parsed(spec: CustomFieldSpec, value: unknown) {
  const r = customValueSchema(spec).safeParse(value);
  if (!r.success) throw new Error(r.error.issues[0]?.message);
  return r.data;
}

describe('customValueSchema, type by type', () => {
  it('short text: trimmed, at most 200 characters', () => {
    const f = field({ type: 'short_text' });
    expect(parsed(f, '  bonjour ')).toBe('bonjour');
    expect(parsed(f, ` ${'x'.repeat(200)} `)).toHaveLength(200);
    expect(problem(f, 'x'.repeat(201))).toBe('« Public accueilli » : 200 caractères au plus.');
    expect(problem(f, 12)).toBe('« Public accueilli » : texte attendu.');
    expect(problem(field({ type: 'short_text', required: true }), '   ')).toBe(
      '« Public accueilli » est obligatoire.',
    );
  });

  it('long text: at most 4 000 characters', () => {
    const f = field({ type: 'long_text' });
    expect(parsed(f, 'a\nb')).toBe('a\nb');
    expect(problem(f, 'x'.repeat(4000))).toBeNull();
    expect(problem(f, 'x'.repeat(4001))).toBe(
      '« Public accueilli » : 4\u202f000 caractères au plus.',
    );
    expect(problem(f, 'a\u0000b')).toBe('« Public accueilli » : caractère nul interdit.');
    expect(problem(field({ type: 'short_text' }), '\u0000')).toBe(
      '« Public accueilli » : caractère nul interdit.',
    );
  });

  it('number: finite, bounds inclusive, bounds written the French way', () => {
    const f = field({ type: 'number', min: -2.5, max: 1500 });
    expect(parsed(f, -2.5)).toBe(-2.5);
    expect(parsed(f, 1500)).toBe(1500);
    expect(problem(f, -3)).toBe('« Public accueilli » : au moins -2,5.');
    expect(problem(f, 1500.01)).toBe('« Public accueilli » : au plus 1\u202f500.');
    expect(problem(f, '12')).toBe('« Public accueilli » : nombre attendu.');
    expect(problem(field({ type: 'number' }), Number.POSITIVE_INFINITY)).toBe(
      '« Public accueilli » : nombre attendu.',
    );
    expect(problem(field({ type: 'number' }), Number.NaN)).not.toBeNull();
    expect(problem(f, 1500.01, 'en')).toBe('“Public accueilli”: at most 1,500.');
  });

  it('date: YYYY-MM-DD that exists', () => {
    const f = field({ type: 'date' });
    expect(parsed(f, '2024-02-29')).toBe('2024-02-29');
    expect(parsed(f, ' 2026-12-06 ')).toBe('2026-12-06');
    expect(problem(f, '2023-02-29')).toBe('« Public accueilli » : cette date n’existe pas.');
    expect(problem(f, '2023-04-31')).toBe('« Public accueilli » : cette date n’existe pas.');
    expect(problem(f, '06/12/2026')).toBe('« Public accueilli » : date attendue (AAAA-MM-JJ).');
    expect(problem(f, '2026-12-06T10:00')).toBe(
      '« Public accueilli » : date attendue (AAAA-MM-JJ).',
    );
    expect(problem(f, 20261206)).toBe('« Public accueilli » : date attendue (AAAA-MM-JJ).');
  });

  it('single choice: one of the option keys', () => {
    const f = field({ type: 'single_choice', options: choices });
    expect(parsed(f, 'familles')).toBe('familles');
    expect(problem(f, 'Familles')).toBe('« Public accueilli » : choisissez une valeur.');
    expect(problem(f, ['familles'])).toBe('« Public accueilli » : choisissez une valeur.');
    expect(problem(f, 'autre', 'en')).toBe('“Public accueilli”: choose a value.');
  });

  it('multiple choice: option keys, without duplicates, in the options’ order', () => {
    const f = field({ type: 'multiple_choice', options: choices });
    expect(parsed(f, ['aines', 'jeunes', 'aines'])).toEqual(['jeunes', 'aines']);
    expect(parsed(f, [])).toEqual([]);
    expect(problem(f, ['jeunes', 'autre'])).toBe(
      '« Public accueilli » : choisissez parmi les valeurs proposées.',
    );
    expect(problem(f, 'jeunes')).toBe(
      '« Public accueilli » : choisissez parmi les valeurs proposées.',
    );
    expect(problem(field({ type: 'multiple_choice', options: choices, required: true }), [])).toBe(
      '« Public accueilli » est obligatoire.',
    );
  });

  it('yes/no: a boolean', () => {
    const f = field({ type: 'yes_no' });
    expect(parsed(f, false)).toBe(false);
    expect(problem(f, 'oui')).toBe('« Public accueilli » : oui ou non attendu.');
    expect(problem(f, 0)).toBe('« Public accueilli » : oui ou non attendu.');
  });

  it('email: an address, trimmed', () => {
    const f = field({ type: 'email' });
    expect(parsed(f, ' marie@exemple.fr ')).toBe('marie@exemple.fr');
    expect(problem(f, 'marie@')).toBe('« Public accueilli » : adresse e-mail invalide.');
    expect(problem(f, 'marie exemple.fr')).toBe('« Public accueilli » : adresse e-mail invalide.');
    expect(problem(f, 3)).toBe('« Public accueilli » : adresse e-mail invalide.');
  });

  it('phone: digits, spaces, dots, dashes, parentheses, a leading +; 6 to 15 digits', () => {
    const f = field({ type: 'phone' });
    expect(parsed(f, ' +33 (0)6 12.34-56-78 ')).toBe('+33 (0)6 12.34-56-78');
    expect(parsed(f, '123456')).toBe('123456');
    const msg = '« Public accueilli » : numéro de téléphone invalide (6 à 15 chiffres).';
    expect(problem(f, '12345')).toBe(msg);
    expect(problem(f, '1234567890123456')).toBe(msg);
    expect(problem(f, '06 12 34 56 7a')).toBe(msg);
    expect(problem(f, '06+12345678')).toBe(msg);
    expect(problem(f, 612345678)).toBe(msg);
  });

  it('speaks English with the English label, or the French one when there is none', () => {
    const f = field({ type: 'yes_no', labelEn: 'Audience' });
    expect(problem(f, 'x', 'en')).toBe('“Audience”: yes or no expected.');
    expect(problem(field({ type: 'date' }), '2023-02-30', 'en')).toBe(
      '“Public accueilli”: this date does not exist.',
    );
  });
});

describe('customValuesSchema', () => {
  const publics = field({ type: 'single_choice', options: choices, required: true });
  const age = field({ key: 'age', labelFr: 'Âge', type: 'number', min: 0 });
  const note = field({ key: 'note', labelFr: 'Note', type: 'short_text', defaultValue: 'RAS' });
  const defs = [publics, age, note];

  const issues = (r: ReturnType<ReturnType<typeof customValuesSchema>['safeParse']>) =>
    r.success ? [] : r.error.issues.map((i) => ({ path: i.path, message: i.message }));

  it('create: fills defaults, asks for required fields, leaves out optional empty ones', () => {
    const schema = customValuesSchema(defs, { mode: 'create' });
    expect(schema.parse({ champ: 'jeunes' })).toEqual({ champ: 'jeunes', note: 'RAS' });
    expect(schema.parse({ champ: 'jeunes', age: null, note: '  ' })).toEqual({
      champ: 'jeunes',
      note: 'RAS',
    });
    expect(schema.parse({ champ: 'aines', age: 7, note: ' vu ' })).toEqual({
      champ: 'aines',
      age: 7,
      note: 'vu',
    });
    expect(issues(schema.safeParse({}))).toEqual([
      { path: ['champ'], message: '« Public accueilli » est obligatoire.' },
    ]);
  });

  it('create: a required field with a default takes it', () => {
    const withDefault = { ...publics, defaultValue: 'familles' };
    expect(customValuesSchema([withDefault], { mode: 'create' }).parse({})).toEqual({
      champ: 'familles',
    });
  });

  it('update: checks only what is sent; null erases an optional field', () => {
    const schema = customValuesSchema(defs, { mode: 'update' });
    expect(schema.parse({})).toEqual({});
    expect(schema.parse({ age: null, note: '' })).toEqual({ age: null, note: null });
    expect(issues(schema.safeParse({ champ: null }))).toEqual([
      { path: ['champ'], message: '« Public accueilli » est obligatoire.' },
    ]);
    expect(issues(schema.safeParse({ champ: '' }))).toEqual([
      { path: ['champ'], message: '« Public accueilli » est obligatoire.' },
    ]);
  });

  it('refuses unknown keys and wrong values, one message per key, path [key]', () => {
    const schema = customValuesSchema(defs, { mode: 'create' });
    expect(issues(schema.safeParse({ champ: 'autre', age: -1, ancien: 'x' }))).toEqual([
      { path: ['ancien'], message: 'Champ personnalisé inconnu : ancien.' },
      { path: ['champ'], message: '« Public accueilli » : choisissez une valeur.' },
      { path: ['age'], message: '« Âge » : au moins 0.' },
    ]);
    const en = customValuesSchema(defs, { mode: 'update', locale: 'en' });
    expect(issues(en.safeParse({ ancien: 1 }))).toEqual([
      { path: ['ancien'], message: 'Unknown custom field: ancien.' },
    ]);
  });

  it('refuses what is not an object', () => {
    const schema = customValuesSchema(defs, { mode: 'update' });
    for (const bad of [null, 'x', [], 3]) expect(schema.safeParse(bad).success).toBe(false);
    expect(customValuesInput.safeParse({ a: 1 }).success).toBe(true);
    expect(customValuesInput.safeParse([1]).success).toBe(false);
  });

  it('accepts a present value iff it fits the field (property, against rules written by hand)', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(specAndValue, ({ spec, value }) => {
        const r = customValuesSchema([spec], { mode: 'create' }).safeParse({ [spec.key]: value });
        if (isEmptyCustomValue(value)) {
          const fallback =
            !isEmptyCustomValue(spec.defaultValue) && valueFits(spec, spec.defaultValue);
          expect(r.success).toBe(!spec.required || fallback);
          return;
        }
        expect(valueFits(spec, value)).toBe(fitsByHand(spec, value));
        expect(r.success).toBe(valueFits(spec, value));
        if (r.success) accepted += 1;
        else refused += 1;
      }),
      { numRuns: 1000 },
    );
    // Both sides were reached, so a rule that is too loose or too strict would have shown.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it('the same property fails when a rule is changed', () => {
    const tooLoose = (spec: CustomFieldSpec, value: unknown) =>
      spec.type === 'number' ? typeof value === 'number' : fitsByHand(spec, value);
    const outcome = fc.check(
      fc.property(specAndValue, ({ spec, value }) => {
        if (isEmptyCustomValue(value)) return true;
        return (
          customValuesSchema([spec], { mode: 'create' }).safeParse({ [spec.key]: value })
            .success === tooLoose(spec, value)
        );
      }),
      { numRuns: 1000 },
    );
    expect(outcome.failed).toBe(true);
  });

  it('gives the same answer each time it is built (hub and API)', () => {
    fc.assert(
      fc.property(specAndValue, ({ spec, value }) => {
        const a = customValuesSchema([spec], { mode: 'update' }).safeParse({ champ: value });
        const b = customValuesSchema([spec], { mode: 'update' }).safeParse({ champ: value });
        expect(b.success).toBe(a.success);
        if (a.success && b.success) expect(b.data).toEqual(a.data);
        else expect(b.error?.issues).toEqual(a.error?.issues);
      }),
    );
  });
});

describe('stored values', () => {
  const values = fc.dictionary(
    fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    fc.oneof(
      fc.jsonValue({ maxDepth: 1 }).filter((v) => v !== null),
      fc.constant(null),
    ),
  );

  it('merging keeps every stored key that the change does not name (property)', () => {
    fc.assert(
      fc.property(values, values, (storedWithNulls, accepted) => {
        const stored = Object.fromEntries(
          Object.entries(storedWithNulls).filter(([, v]) => v !== null),
        );
        const merged = mergeCustomValues(stored, accepted);
        for (const key of Object.keys(stored)) {
          if (!Object.hasOwn(accepted, key)) expect(merged[key]).toEqual(stored[key]);
        }
        for (const [key, v] of Object.entries(accepted)) {
          if (v === null) expect(Object.hasOwn(merged, key)).toBe(false);
          else expect(merged[key]).toEqual(v);
        }
        expect(stored).toEqual(
          Object.fromEntries(Object.entries(storedWithNulls).filter(([, v]) => v !== null)),
        );
      }),
    );
  });

  it('shows only the values of the given definitions, all taken from what is stored (property)', () => {
    fc.assert(
      fc.property(values, fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'z')), (stored, keys) => {
        const visible = visibleCustomValues(
          keys.map((key) => ({ key })),
          stored,
        );
        for (const [key, v] of Object.entries(visible)) {
          expect(keys).toContain(key);
          expect(Object.hasOwn(stored, key)).toBe(true);
          expect(v).toEqual(stored[key]);
        }
        for (const key of keys) {
          if (stored[key] != null) expect(visible[key]).toEqual(stored[key]);
        }
      }),
    );
  });

  it('merge then show: a retired field keeps its value, hidden', () => {
    const stored: CustomValues = { ancien: 'x', public: 'jeunes', age: 3 };
    const merged = mergeCustomValues(stored, { public: 'familles', age: null });
    expect(merged).toEqual({ ancien: 'x', public: 'familles' });
    expect(visibleCustomValues([{ key: 'public' }, { key: 'age' }], merged)).toEqual({
      public: 'familles',
    });
  });
});

describe('formatCustomValue', () => {
  it('writes values for tables and CSV', () => {
    expect(formatCustomValue(field({ type: 'number' }), 1234.5, 'fr')).toBe('1234,5');
    expect(formatCustomValue(field({ type: 'number' }), 1234.5, 'en')).toBe('1234.5');
    expect(formatCustomValue(field({ type: 'date' }), '2026-12-06', 'fr')).toBe('06/12/2026');
    expect(formatCustomValue(field({ type: 'date' }), '2026-12-06', 'en')).toBe('2026-12-06');
    expect(formatCustomValue(field({ type: 'yes_no' }), true, 'fr')).toBe('Oui');
    expect(formatCustomValue(field({ type: 'yes_no' }), false, 'fr')).toBe('Non');
    expect(formatCustomValue(field({ type: 'yes_no' }), false, 'en')).toBe('No');
    const single = field({ type: 'single_choice', options: choices });
    expect(formatCustomValue(single, 'aines', 'fr')).toBe('Aînés');
    expect(formatCustomValue(single, 'familles', 'en')).toBe('Familles');
    expect(formatCustomValue(single, 'retire', 'fr')).toBe('retire');
    const multiple = field({ type: 'multiple_choice', options: choices });
    expect(formatCustomValue(multiple, ['jeunes', 'aines'], 'fr')).toBe('Jeunes, Aînés');
    expect(formatCustomValue(multiple, ['jeunes', 'aines'], 'en')).toBe('Young people, Elders');
    expect(formatCustomValue(field({ type: 'short_text' }), 'bonjour', 'fr')).toBe('bonjour');
    for (const type of ['short_text', 'number', 'date', 'yes_no'] as const) {
      expect(formatCustomValue(field({ type }), undefined, 'fr')).toBe('');
      expect(formatCustomValue(field({ type }), null, 'en')).toBe('');
    }
  });
});

describe('customValueFromForm', () => {
  it('turns control values into values', () => {
    const n = field({ type: 'number' });
    expect(customValueFromForm(n, '1 234,5')).toBe(1234.5);
    expect(customValueFromForm(n, '1\u202f234,5')).toBe(1234.5);
    expect(customValueFromForm(n, '-0.25')).toBe(-0.25);
    expect(customValueFromForm(n, ' 12 ')).toBe(12);
    expect(customValueFromForm(n, 'douze')).toBe('douze');
    expect(customValueFromForm(n, '1,2,3')).toBe('1,2,3');
    expect(customValueFromForm(n, '')).toBeNull();
    const d = field({ type: 'date' });
    expect(customValueFromForm(d, '2026-12-06')).toBe('2026-12-06');
    expect(customValueFromForm(d, '6/12/2026')).toBe('2026-12-06');
    expect(customValueFromForm(d, '  ')).toBeNull();
    expect(customValueFromForm(field({ type: 'yes_no' }), true)).toBe(true);
    expect(customValueFromForm(field({ type: 'yes_no' }), null)).toBeNull();
    const multiple = field({ type: 'multiple_choice', options: choices });
    expect(customValueFromForm(multiple, ['jeunes'])).toEqual(['jeunes']);
    expect(customValueFromForm(multiple, [])).toBeNull();
    expect(customValueFromForm(field({ type: 'short_text' }), ' a ')).toBe(' a ');
  });

  it('a number that cannot be read is refused with the field’s message', () => {
    const n = field({ type: 'number' });
    const r = customValuesSchema([n], { mode: 'create' }).safeParse({
      champ: customValueFromForm(n, '12 ans'),
    });
    expect(r.success ? null : r.error.issues[0]?.message).toBe(
      '« Public accueilli » : nombre attendu.',
    );
  });

  it('round-trips formatted numbers and dates through the form and the schema (property)', () => {
    const spec = fc.constantFrom('number' as const, 'date' as const).chain(specOf);
    fc.assert(
      fc.property(
        spec.chain((s) =>
          validValueFor(s)
            .filter((v) => !Object.is(v, -0))
            .map((value) => ({ s, value })),
        ),
        fc.constantFrom('fr' as const, 'en' as const),
        ({ s, value }, locale) => {
          const text = formatCustomValue(s, value, locale);
          const sent = customValueFromForm(s, text);
          const r = customValuesSchema([s], { mode: 'create' }).safeParse({ [s.key]: sent });
          expect(r.success).toBe(true);
          if (r.success) expect(r.data[s.key]).toEqual(value);
        },
      ),
    );
  });
});
