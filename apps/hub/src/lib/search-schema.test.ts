import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { either, integer, isoDate, oneOf, searchSchema, text, uuid } from './search-schema.ts';

// The same rules as the zod/mini schemas these validators replaced in the entry bundle.
function lenient<T extends z.core.SomeType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}
const zodLike = z.object({
  q: lenient(z.string().check(z.trim(), z.maxLength(5))),
  page: lenient(z.int().check(z.minimum(1))),
  kind: lenient(z.enum(['a', 'b'])),
  id: lenient(z.uuid()),
  day: lenient(z.iso.date()),
  year: lenient(z.union([z.literal('all'), z.int().check(z.minimum(2000), z.maximum(2100))])),
});
const ours = searchSchema({
  q: text({ trim: true, maxLength: 5 }),
  page: integer({ min: 1 }),
  kind: oneOf(['a', 'b']),
  id: uuid,
  day: isoDate,
  year: either(oneOf(['all']), integer({ min: 2000, max: 2100 })),
});

describe('search validators', () => {
  const inputs: Record<string, unknown>[] = [
    {},
    {
      q: '  abc ',
      page: 2,
      kind: 'b',
      id: '0b6f8a34-7c55-4b7e-9d6f-2f1d3c4b5a69',
      day: '2024-02-29',
    },
    {
      q: 'abcdefgh',
      page: 0,
      kind: 'c',
      id: '0b6f8a34-7c55-0b7e-9d6f-2f1d3c4b5a69',
      day: '2023-02-29',
    },
    { page: 1.5, year: 'all', extra: 'x' },
    { page: '2', year: 2101, day: '2026-04-31', id: 'not-a-uuid', q: 3 },
    { page: Number.MAX_SAFE_INTEGER + 2, year: 2026, kind: ['a'] },
    { id: '00000000-0000-0000-0000-000000000000', day: '2000-02-29', q: ' ' },
  ];

  it('give what the zod schemas gave, keys included', () => {
    for (const input of inputs) {
      const expected = zodLike.parse(input);
      const actual = ours.parse(input);
      expect(actual).toStrictEqual(expected);
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    }
  });
});
