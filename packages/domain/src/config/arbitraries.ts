/**
 * Test support (imported by the config *.test.ts files only): fast-check arbitraries of field
 * specs and of values aimed at them, and `fitsByHand`, the rules of each type written again
 * without zod, so that the properties compare two independent readings of the rules.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { CUSTOM_FIELD_TYPES, type CustomFieldSpec, type CustomFieldType } from './custom-field.ts';

export const OPTION_KEYS = ['a', 'b', 'c', 'd'] as const;

const option = (key: string) => ({ key, labelFr: `Choix ${key}`, labelEn: '' });

/** A spec of the given type that specIssues accepts, except perhaps its default. */
export function specOf(type: CustomFieldType): fc.Arbitrary<CustomFieldSpec> {
  const isChoice = type === 'single_choice' || type === 'multiple_choice';
  const bounds =
    type === 'number'
      ? fc
          .tuple(
            fc.option(fc.integer({ min: -100, max: 100 }), { nil: null }),
            fc.option(fc.integer({ min: -100, max: 100 }), { nil: null }),
          )
          .map(([a, b]) => (a != null && b != null && a > b ? [b, a] : [a, b]))
      : fc.constant([null, null]);
  return fc
    .record({
      required: fc.boolean(),
      bounds,
      options: isChoice
        ? fc.uniqueArray(fc.constantFrom(...OPTION_KEYS), { minLength: 1, maxLength: 4 })
        : fc.constant([] as string[]),
      defaultValue: fc.option(fc.constant(0), { nil: null, freq: 3 }),
    })
    .chain(({ required, bounds: [min, max], options, defaultValue }) => {
      const spec: CustomFieldSpec = {
        key: 'champ',
        labelFr: 'Public accueilli',
        labelEn: 'Audience',
        helpFr: '',
        helpEn: '',
        type,
        required,
        defaultValue: null,
        min: min ?? null,
        max: max ?? null,
        options: options.map(option),
        inTables: false,
        confidential: false,
      };
      if (defaultValue === null) return fc.constant(spec);
      return valueFor(spec).map((d) => ({ ...spec, defaultValue: d }));
    });
}

export const anySpec: fc.Arbitrary<CustomFieldSpec> = fc
  .constantFrom(...CUSTOM_FIELD_TYPES)
  .chain(specOf);

const isoDate = fc
  .date({
    min: new Date('0001-01-01T00:00:00Z'),
    max: new Date('9999-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

/** A valid value of a spec (generated from the rules, not from the code under test). */
export function validValueFor(spec: CustomFieldSpec): fc.Arbitrary<unknown> {
  const keys = spec.options.map((o) => o.key);
  switch (spec.type) {
    case 'short_text':
      return fc
        .string({ minLength: 1, maxLength: 200 })
        .filter((s) => s.trim() !== '' && !s.includes('\u0000'));
    case 'long_text':
      return fc
        .string({ minLength: 1, maxLength: 4000 })
        .filter((s) => s.trim() !== '' && !s.includes('\u0000'));
    case 'number':
      return fc.double({
        min: spec.min ?? -1e9,
        max: spec.max ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'date':
      return isoDate;
    case 'single_choice':
      return fc.constantFrom(...keys);
    case 'multiple_choice':
      return fc.array(fc.constantFrom(...keys), { minLength: 1, maxLength: 6 });
    case 'yes_no':
      return fc.boolean();
    case 'email':
      return fc.constantFrom('a@b.fr', 'marie.dupont@asso-lakou.org', ' x_y+z@exemple.com ');
    case 'phone':
      return fc
        .tuple(
          fc.boolean(),
          fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 15 }),
        )
        .map(([plus, digits]) => `${plus ? '+' : ''}${digits.join('')}`);
  }
}

/** Values aimed at a spec: valid ones, near misses and anything at all. */
export function valueFor(spec: CustomFieldSpec): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: validValueFor(spec) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '',
        '  ',
        'a',
        'z',
        ' a',
        'x'.repeat(201),
        ` ${'x'.repeat(200)} `,
        'y'.repeat(4001),
        '2024-02-29',
        '2023-02-29',
        '2023-13-01',
        '2023-1-1',
        '31/12/2023',
        'a@b',
        'pas une adresse',
        '+33 (0)6 12.34-56-78',
        '12345',
        '1234567890123456',
        '06 12 34 56 7a',
        true,
        false,
        0,
        -101,
        101,
        1.5,
        [],
        ['a', 'a'],
        ['a', 'z'],
        ['d', 'a'],
        [1],
        null,
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: -150, max: 150 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...OPTION_KEYS, 'z'), { maxLength: 5 }) },
  );
}

export const specAndValue = anySpec.chain((spec) =>
  valueFor(spec).map((value) => ({ spec, value })),
);

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The rules of each type, written again by hand (required ignored, like valueFits). */
export function fitsByHand(spec: CustomFieldSpec, value: unknown): boolean {
  const keys = spec.options.map((o) => o.key);
  switch (spec.type) {
    case 'short_text':
      return typeof value === 'string' && value.trim().length <= 200 && !value.includes('\u0000');
    case 'long_text':
      return typeof value === 'string' && value.trim().length <= 4000 && !value.includes('\u0000');
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (spec.min == null || value >= spec.min) &&
        (spec.max == null || value <= spec.max)
      );
    case 'date': {
      if (typeof value !== 'string') return false;
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
    }
    case 'single_choice':
      return typeof value === 'string' && keys.includes(value);
    case 'multiple_choice':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && keys.includes(v));
    case 'yes_no':
      return typeof value === 'boolean';
    case 'email':
      return (
        typeof value === 'string' &&
        value.trim().length <= 254 &&
        z.regexes.email.test(value.trim())
      );
    case 'phone': {
      if (typeof value !== 'string') return false;
      const v = value.trim();
      const digits = v.replace(/\D/g, '').length;
      return /^\+?[0-9 .()-]+$/.test(v) && digits >= 6 && digits <= 15;
    }
  }
}
