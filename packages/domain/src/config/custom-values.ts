import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { type CustomFieldSpec, customFieldLabel } from './custom-field.ts';

export type CustomValues = Record<string, unknown>;
type Locale = 'fr' | 'en';

/** The `custom` object of entity bodies, before definitions are known: a plain JSON object. */
export const customValuesInput: z.ZodType<CustomValues> = z
  .record(z.string(), z.unknown(), {
    error: 'Les champs personnalisés forment un objet { clé: valeur }.',
  })
  .describe('Values of the custom fields, by key; null erases a value on update.');

const SHORT_TEXT_MAX = 200;
const LONG_TEXT_MAX = 4000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^\+?[0-9 .()-]+$/;
/** The NUL character: no database text column stores it. */
const NUL = '\u0000';

/** The words of each message, in French then English; `{label}` is filled in by `say`. */
const words = {
  text: ['texte attendu.', 'text expected.'],
  nul: ['caractère nul interdit.', 'NUL character not allowed.'],
  tooLong: (n: number): [string, string] => [
    `${formatNumber(n, 'fr')} caractères au plus.`,
    `at most ${formatNumber(n, 'en')} characters.`,
  ],
  number: ['nombre attendu.', 'number expected.'],
  atLeast: (n: number): [string, string] => [
    `au moins ${formatNumber(n, 'fr')}.`,
    `at least ${formatNumber(n, 'en')}.`,
  ],
  atMost: (n: number): [string, string] => [
    `au plus ${formatNumber(n, 'fr')}.`,
    `at most ${formatNumber(n, 'en')}.`,
  ],
  date: ['date attendue (AAAA-MM-JJ).', 'date expected (YYYY-MM-DD).'],
  noSuchDate: ['cette date n’existe pas.', 'this date does not exist.'],
  choose: ['choisissez une valeur.', 'choose a value.'],
  chooseAmong: ['choisissez parmi les valeurs proposées.', 'choose among the values offered.'],
  yesNo: ['oui ou non attendu.', 'yes or no expected.'],
  email: ['adresse e-mail invalide.', 'invalid email address.'],
  phone: [
    'numéro de téléphone invalide (6 à 15 chiffres).',
    'invalid phone number (6 to 15 digits).',
  ],
} as const;

function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: 6,
  }).format(n);
}

function messages(spec: Pick<CustomFieldSpec, 'labelFr' | 'labelEn'>, locale: Locale) {
  const label = customFieldLabel(spec, locale);
  const i = locale === 'en' ? 1 : 0;
  return {
    say: (pair: readonly [string, string]) =>
      locale === 'en' ? `“${label}”: ${pair[i]}` : `« ${label} » : ${pair[i]}`,
    required: locale === 'en' ? `“${label}” is required.` : `« ${label} » est obligatoire.`,
  };
}

function dateExists(iso: string): boolean {
  try {
    Temporal.PlainDate.from(iso, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}

/**
 * Zod schema of one value of a field (never null), with messages that start with the field's
 * label. A required field refuses empty text and an empty multiple choice. Output: text trimmed,
 * multiple choice without duplicates in the options' order.
 */
export function customValueSchema(spec: CustomFieldSpec, locale: Locale = 'fr'): z.ZodType {
  const m = messages(spec, locale);
  const text = (max: number) => {
    const s = z
      .string({ error: m.say(words.text) })
      .trim()
      .max(max, { error: m.say(words.tooLong(max)) })
      .refine((v) => !v.includes(NUL), { error: m.say(words.nul) });
    return spec.required ? s.min(1, { error: m.required }) : s;
  };
  switch (spec.type) {
    case 'short_text':
      return text(SHORT_TEXT_MAX);
    case 'long_text':
      return text(LONG_TEXT_MAX);
    case 'number': {
      let n = z.number({ error: m.say(words.number) });
      if (spec.min != null) n = n.min(spec.min, { error: m.say(words.atLeast(spec.min)) });
      if (spec.max != null) n = n.max(spec.max, { error: m.say(words.atMost(spec.max)) });
      return n;
    }
    case 'date':
      return z
        .string({ error: m.say(words.date) })
        .trim()
        .regex(ISO_DATE, { error: m.say(words.date), abort: true })
        .refine(dateExists, { error: m.say(words.noSuchDate), abort: true });
    case 'single_choice': {
      const keys = new Set(spec.options.map((o) => o.key));
      return z
        .string({ error: m.say(words.choose) })
        .refine((v) => keys.has(v), { error: m.say(words.choose) });
    }
    case 'multiple_choice': {
      const order = spec.options.map((o) => o.key);
      const keys = new Set(order);
      let list = z.array(
        z
          .string({ error: m.say(words.chooseAmong) })
          .refine((v) => keys.has(v), { error: m.say(words.chooseAmong) }),
        { error: m.say(words.chooseAmong) },
      );
      if (spec.required) list = list.min(1, { error: m.required });
      return list.transform((chosen) => {
        const picked = new Set(chosen);
        return order.filter((k) => picked.has(k));
      });
    }
    case 'yes_no':
      return z.boolean({ error: m.say(words.yesNo) });
    case 'email':
      return z
        .string({ error: m.say(words.email) })
        .trim()
        .max(254, { error: m.say(words.email) })
        .pipe(z.email({ error: m.say(words.email) }));
    case 'phone':
      return z
        .string({ error: m.say(words.phone) })
        .trim()
        .refine((v) => PHONE.test(v) && digitCount(v) >= 6 && digitCount(v) <= 15, {
          error: m.say(words.phone),
        });
  }
}

/** What a form or a body sends for « no value »: null, an empty (or blank) text, no choice. */
export function isEmptyCustomValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Zod schema of a whole `custom` object, built at run time from the definitions that apply
 * (already filtered by applicableDefinitions). The hub checks a form with it before sending and the
 * API accepts or refuses with it: same definitions, same answer.
 *
 * - mode 'create': a missing or empty value takes the field's default if any; else a required
 *   field is « obligatoire » and an optional one is left out.
 * - mode 'update': only the keys present are checked; empty on a required field is « obligatoire »;
 *   empty on an optional field is null, which erases the stored value (mergeCustomValues).
 * - a key that is not one of the definitions: « Champ personnalisé inconnu : key. ».
 *
 * Every issue has the path [key]. Output: the normalised values.
 */
export function customValuesSchema(
  defs: readonly CustomFieldSpec[],
  opts: { mode: 'create' | 'update'; locale?: Locale },
): z.ZodType<CustomValues> {
  const locale = opts.locale ?? 'fr';
  const fields = new Map(
    defs.map((d) => [d.key, { spec: d, schema: customValueSchema(d, locale) }]),
  );
  return z
    .record(z.string(), z.unknown(), {
      error:
        locale === 'en'
          ? 'Custom fields are an object { key: value }.'
          : 'Les champs personnalisés forment un objet { clé: valeur }.',
    })
    .transform((input, ctx) => {
      const out: CustomValues = {};
      for (const key of Object.keys(input)) {
        if (!fields.has(key)) {
          ctx.issues.push({
            code: 'custom',
            input: input[key],
            path: [key],
            message:
              locale === 'en'
                ? `Unknown custom field: ${key}.`
                : `Champ personnalisé inconnu : ${key}.`,
          });
        }
      }
      for (const [key, { spec, schema }] of fields) {
        const present = Object.hasOwn(input, key);
        const value = present ? input[key] : undefined;
        if (isEmptyCustomValue(value)) {
          if (opts.mode === 'update' && !present) continue;
          if (opts.mode === 'create' && !isEmptyCustomValue(spec.defaultValue)) {
            const fallback = schema.safeParse(spec.defaultValue);
            if (fallback.success) {
              out[key] = fallback.data;
              continue;
            }
          }
          if (spec.required) {
            ctx.issues.push({
              code: 'custom',
              input: value,
              path: [key],
              message: messages(spec, locale).required,
            });
          } else if (opts.mode === 'update') {
            out[key] = null;
          }
          continue;
        }
        const parsed = schema.safeParse(value);
        if (parsed.success) {
          out[key] = parsed.data;
        } else {
          // One message per field: the first says what to fix first.
          const message = parsed.error.issues[0]?.message ?? messages(spec, locale).required;
          ctx.issues.push({ code: 'custom', input: value, path: [key], message });
        }
      }
      return out;
    });
}

/**
 * Stored values after an accepted change: null erases a key, other keys overwrite, every other
 * stored key (retired or unknown fields) is kept untouched.
 */
export function mergeCustomValues(stored: CustomValues, accepted: CustomValues): CustomValues {
  const merged: CustomValues = { ...stored };
  for (const [key, value] of Object.entries(accepted)) {
    if (value === undefined) continue;
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Only the keys of the given (active) definitions: what the API returns in `custom`. */
export function visibleCustomValues(
  defs: readonly Pick<CustomFieldSpec, 'key'>[],
  stored: CustomValues,
): CustomValues {
  const visible: CustomValues = {};
  for (const { key } of defs) {
    if (Object.hasOwn(stored, key) && stored[key] !== undefined && stored[key] !== null) {
      visible[key] = stored[key];
    }
  }
  return visible;
}

function optionLabel(spec: CustomFieldSpec, key: unknown, locale: Locale): string {
  const option = spec.options.find((o) => o.key === key);
  return option ? customFieldLabel(option, locale) : String(key);
}

/**
 * A value as text for tables and CSV: choice labels, « Oui »/« Non », numbers with a decimal comma
 * in French (no grouping, so spreadsheets read them), dates as JJ/MM/AAAA in French. '' for absent.
 */
export function formatCustomValue(spec: CustomFieldSpec, value: unknown, locale: Locale): string {
  if (value === undefined || value === null) return '';
  switch (spec.type) {
    case 'number':
      if (typeof value !== 'number') return String(value);
      return locale === 'fr' ? String(value).replace('.', ',') : String(value);
    case 'date': {
      if (typeof value !== 'string' || !ISO_DATE.test(value) || locale !== 'fr')
        return String(value);
      const [y, mo, d] = value.split('-');
      return `${d}/${mo}/${y}`;
    }
    case 'single_choice':
      return optionLabel(spec, value, locale);
    case 'multiple_choice':
      return Array.isArray(value)
        ? value.map((k) => optionLabel(spec, k, locale)).join(', ')
        : optionLabel(spec, value, locale);
    case 'yes_no':
      if (typeof value !== 'boolean') return String(value);
      if (locale === 'en') return value ? 'Yes' : 'No';
      return value ? 'Oui' : 'Non';
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A number typed by a person: « 1 234,5 », « 1234.5 », « -3 ». NaN when it is not one. */
function parseTypedNumber(text: string): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i.test(compact)) return Number.NaN;
  return Number(compact.replace(',', '.'));
}

/**
 * The form side: the raw control value (string for text, number, date, email, phone and single
 * choice; string[] for multiple choice; boolean|null for yes/no) into the value sent to the API.
 * Empty → null. A number is read with a decimal comma or dot; a date as AAAA-MM-JJ or JJ/MM/AAAA.
 * What cannot be read is passed on as typed, for customValuesSchema to say what is wrong.
 */
export function customValueFromForm(
  spec: CustomFieldSpec,
  raw: string | readonly string[] | boolean | null,
): unknown {
  if (raw === null) return null;
  if (Array.isArray(raw)) return raw.length === 0 ? null : [...raw];
  if (typeof raw === 'boolean') return raw;
  const text = (raw as string).trim();
  if (text === '') return null;
  switch (spec.type) {
    case 'number': {
      const n = parseTypedNumber(text);
      return Number.isFinite(n) ? n : raw;
    }
    case 'date': {
      const fr = FRENCH_DATE.exec(text);
      if (!fr) return text;
      const [, d, mo, y] = fr;
      return `${y}-${(mo ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
    }
    case 'yes_no':
      if (text === 'true') return true;
      if (text === 'false') return false;
      return raw;
    case 'multiple_choice':
      return [text];
    default:
      return raw;
  }
}
