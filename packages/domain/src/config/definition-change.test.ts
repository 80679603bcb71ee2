import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { anySpec, fitsByHand, valueFor } from './arbitraries.ts';
import { type CustomFieldSpec, customFieldSpec } from './custom-field.ts';
import { incompatibleValues, valueFits } from './definition-change.ts';

const spec = (s: Partial<z.input<typeof customFieldSpec>> & Pick<CustomFieldSpec, 'type'>) =>
  customFieldSpec.parse({ key: 'champ', labelFr: 'Champ', ...s });
const options = (...keys: string[]) => keys.map((key) => ({ key, labelFr: key.toUpperCase() }));

describe('valueFits', () => {
  it('ignores required', () => {
    expect(valueFits(spec({ type: 'short_text', required: true }), '')).toBe(true);
    expect(
      valueFits(spec({ type: 'multiple_choice', options: options('a'), required: true }), []),
    ).toBe(true);
  });

  it('never takes null or a missing value', () => {
    expect(valueFits(spec({ type: 'short_text' }), null)).toBe(false);
    expect(valueFits(spec({ type: 'yes_no' }), undefined)).toBe(false);
  });

  it('follows the rules of each type (property)', () => {
    fc.assert(
      fc.property(
        anySpec.chain((s) => valueFor(s).map((v) => ({ s, v }))),
        ({ s, v }) => {
          expect(valueFits(s, v)).toBe(fitsByHand(s, v));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('incompatibleValues', () => {
  it('counts what a new type refuses', () => {
    expect(incompatibleValues(spec({ type: 'number' }), ['12', 3, 'abc', 4.5])).toEqual({
      count: 2,
      examples: ['12', 'abc'],
    });
    expect(incompatibleValues(spec({ type: 'long_text' }), ['a', 'b'])).toEqual({
      count: 0,
      examples: [],
    });
    expect(
      incompatibleValues(spec({ type: 'short_text' }), ['court', 'x'.repeat(201), 'y'.repeat(300)]),
    ).toEqual({ count: 2, examples: ['x'.repeat(201), 'y'.repeat(300)] });
  });

  it('counts what narrower bounds or fewer options refuse', () => {
    expect(incompatibleValues(spec({ type: 'number', min: 5 }), [1, 5, 10, 4.99])).toEqual({
      count: 2,
      examples: [1, 4.99],
    });
    expect(incompatibleValues(spec({ type: 'number', min: 0, max: 10 }), [-1, 0, 10, 11])).toEqual({
      count: 2,
      examples: [-1, 11],
    });
    const single = spec({ type: 'single_choice', options: options('a', 'b') });
    expect(incompatibleValues(single, ['a', 'b', 'c', 'c'])).toEqual({
      count: 2,
      examples: ['c', 'c'],
    });
    const multiple = spec({ type: 'multiple_choice', options: options('a', 'b') });
    expect(incompatibleValues(multiple, [['a'], ['a', 'c'], [], 'a'])).toEqual({
      count: 2,
      examples: [['a', 'c'], 'a'],
    });
    expect(incompatibleValues(spec({ type: 'yes_no' }), [true, 'oui', 0])).toEqual({
      count: 2,
      examples: ['oui', 0],
    });
  });

  it('gives at most three examples, and passes over absent values', () => {
    const r = incompatibleValues(spec({ type: 'date' }), [
      'a',
      null,
      'b',
      undefined,
      'c',
      'd',
      '2026-12-06',
    ]);
    expect(r).toEqual({ count: 4, examples: ['a', 'b', 'c'] });
  });

  it('counts exactly the present values that valueFits refuses (property)', () => {
    fc.assert(
      fc.property(
        anySpec.chain((s) =>
          fc
            .array(fc.oneof(valueFor(s), fc.constant(null)), { maxLength: 12 })
            .map((vs) => ({ s, vs })),
        ),
        ({ s, vs }) => {
          const r = incompatibleValues(s, vs);
          const refused = vs.filter((v) => v != null && !valueFits(s, v));
          expect(r.count).toBe(refused.length);
          expect(r.examples).toEqual(refused.slice(0, 3));
        },
      ),
      { numRuns: 300 },
    );
  });
});
