/*
 * URL search-param validators, small enough for the entry bundle: TanStack Router validates
 * search before any lazy route chunk loads, so every route's `validateSearch` is part of the
 * hub's first load, and zod (even its "mini" build) weighed ~16 KB gzip there. Same rules as
 * the zod schemas they replace (`z.catch(z.optional(…), undefined)` in a `z.object`): a field
 * of the wrong type or out of bounds becomes `undefined` — a hand-edited, invalid value is
 * dropped rather than failing the page — and unknown keys are left out.
 */

/** Checks one search param: its value, or `undefined` when it is missing or invalid. */
export type Field<T> = (value: unknown) => T | undefined;

/** zod's `z.uuid()`: RFC 9562 UUIDs (versions 1 to 8), and the nil and max UUIDs. */
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
/** zod's `z.iso.date()`: a real calendar day, YYYY-MM-DD (29 February of leap years only). */
const ISO_DATE =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))$/;

/** A string, trimmed first when asked, then held to its length and pattern. */
export function text(
  rules: { trim?: boolean; minLength?: number; maxLength?: number; pattern?: RegExp } = {},
): Field<string> {
  return (value) => {
    if (typeof value !== 'string') return undefined;
    const s = rules.trim ? value.trim() : value;
    if (rules.minLength !== undefined && s.length < rules.minLength) return undefined;
    if (rules.maxLength !== undefined && s.length > rules.maxLength) return undefined;
    if (rules.pattern && !rules.pattern.test(s)) return undefined;
    return s;
  };
}

/** A safe integer (the router parses `?page=2` into the number 2) within the bounds. */
export function integer(bounds: { min?: number; max?: number } = {}): Field<number> {
  return (value) =>
    typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    (bounds.min === undefined || value >= bounds.min) &&
    (bounds.max === undefined || value <= bounds.max)
      ? value
      : undefined;
}

/** `true` or `false` (the router parses `?qpv=true` into a boolean). */
export const flag: Field<boolean> = (value) => (typeof value === 'boolean' ? value : undefined);

/** One of the given strings. */
export function oneOf<const T extends string>(values: readonly T[]): Field<T> {
  return (value) =>
    typeof value === 'string' && (values as readonly string[]).includes(value)
      ? (value as T)
      : undefined;
}

export const uuid: Field<string> = text({ pattern: UUID });
export const isoDate: Field<string> = text({ pattern: ISO_DATE });

/** The first of two fields that accepts the value. */
export function either<A, B>(a: Field<A>, b: Field<B>): Field<A | B> {
  return (value) => {
    const first = a(value);
    return first !== undefined ? first : b(value);
  };
}

type Shape = Record<string, Field<unknown>>;
export type SearchOf<S extends Shape> = {
  [K in keyof S]?: S[K] extends Field<infer T> ? T : never;
};

/**
 * A route's `validateSearch` (TanStack Router takes any object with `parse`): the known
 * fields, each checked; a present but invalid one is kept as `undefined`, as zod did.
 */
export function searchSchema<S extends Shape>(shape: S): { parse(input: unknown): SearchOf<S> } {
  return {
    parse(input) {
      const raw = (input !== null && typeof input === 'object' ? input : {}) as Record<
        string,
        unknown
      >;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape)) {
        const value = key in raw ? field(raw[key]) : undefined;
        if (value !== undefined || key in raw) out[key] = value;
      }
      return out as SearchOf<S>;
    },
  };
}

/** The type a schema's `parse` gives (what `z.infer` was). */
export type Infer<T extends { parse(input: unknown): unknown }> = ReturnType<T['parse']>;
