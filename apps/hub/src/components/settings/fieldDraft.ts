import {
  type CustomFieldDefinition,
  type CustomFieldEntity,
  type CustomFieldSpec,
  type CustomFieldType,
  customFieldSpec,
  customValueFromForm,
  isChoiceType,
  specIssues,
} from '@lakou/domain/config';
import { type CustomRawValue, rawFromValue } from '../custom-fields/customFieldForm.ts';

/*
 * The field dialog's state without React: what the person types, the spec it makes, and the
 * domain's French messages (customFieldSpec, then specIssues) keyed by the path of the control
 * they belong under (`labelFr`, `options.2.key`, `defaultValue` …).
 */

export interface OptionDraft {
  /** Stable across reorderings (React keys), not sent. */
  uid: string;
  key: string;
  labelFr: string;
  labelEn: string;
  /** The key follows the French label until the person types a key of their own. */
  keyTouched: boolean;
}

export interface FieldDraft {
  key: string;
  keyTouched: boolean;
  labelFr: string;
  labelEn: string;
  helpFr: string;
  helpEn: string;
  type: CustomFieldType;
  required: boolean;
  inTables: boolean;
  confidential: boolean;
  min: string;
  max: string;
  defaultRaw: CustomRawValue;
  options: OptionDraft[];
}

export type DraftErrors = Record<string, string>;

let uidCounter = 0;
export const nextUid = () => `o${++uidCounter}`;

/** « Public accueilli » → `public_accueilli` (a field key), `public-accueilli` with `-`. */
export function slugify(text: string, separator: '_' | '-'): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '')
    .slice(0, 40)
    .replace(new RegExp(`\\${separator}+$`), '');
  return slug;
}

/** A field key from a label: starts with a letter, as the domain asks. */
export function keyFromLabel(label: string): string {
  const slug = slugify(label, '_');
  if (!slug) return '';
  return /^[a-z]/.test(slug) ? slug : `champ_${slug}`.slice(0, 40);
}

export function emptyDraft(): FieldDraft {
  return {
    key: '',
    keyTouched: false,
    labelFr: '',
    labelEn: '',
    helpFr: '',
    helpEn: '',
    type: 'short_text',
    required: false,
    inTables: false,
    confidential: false,
    min: '',
    max: '',
    defaultRaw: null,
    options: [],
  };
}

export function draftOf(field: CustomFieldDefinition, locale: 'fr' | 'en'): FieldDraft {
  const number = (n: number | null) =>
    n == null ? '' : locale === 'fr' ? String(n).replace('.', ',') : String(n);
  return {
    key: field.key,
    keyTouched: true,
    labelFr: field.labelFr,
    labelEn: field.labelEn,
    helpFr: field.helpFr,
    helpEn: field.helpEn,
    type: field.type,
    required: field.required,
    inTables: field.inTables,
    confidential: field.confidential,
    min: number(field.min),
    max: number(field.max),
    defaultRaw: field.defaultValue == null ? null : rawFromValue(field, field.defaultValue, locale),
    options: field.options.map((o) => ({ ...o, uid: nextUid(), keyTouched: true })),
  };
}

function readNumber(text: string): number | null | 'invalid' {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const n = Number(compact.replace(',', '.'));
  return Number.isFinite(n) ? n : 'invalid';
}

/** The spec as the draft stands, before any check (the default value read for its type). */
export function draftSpec(draft: FieldDraft, entity: CustomFieldEntity): CustomFieldSpec {
  const isChoice = isChoiceType(draft.type);
  const min = draft.type === 'number' ? readNumber(draft.min) : null;
  const max = draft.type === 'number' ? readNumber(draft.max) : null;
  const base: CustomFieldSpec = {
    key: draft.key.trim(),
    labelFr: draft.labelFr,
    labelEn: draft.labelEn,
    helpFr: draft.helpFr,
    helpEn: draft.helpEn,
    type: draft.type,
    required: draft.required,
    defaultValue: null,
    min: typeof min === 'number' ? min : null,
    max: typeof max === 'number' ? max : null,
    options: isChoice
      ? draft.options.map(({ key, labelFr, labelEn }) => ({ key: key.trim(), labelFr, labelEn }))
      : [],
    inTables: draft.inTables,
    confidential: entity === 'circle_intake' ? draft.confidential : false,
  };
  return { ...base, defaultValue: customValueFromForm(base, draft.defaultRaw) ?? null };
}

export type DraftCheck =
  | { ok: true; spec: CustomFieldSpec }
  | { ok: false; errors: DraftErrors; spec: CustomFieldSpec };

/** The domain's verdict on the draft: the spec to send, or messages by control. */
export function checkDraft(
  draft: FieldDraft,
  entity: CustomFieldEntity,
  messages: { invalidNumber: string },
): DraftCheck {
  const spec = draftSpec(draft, entity);
  const errors: DraftErrors = {};
  if (draft.type === 'number') {
    if (readNumber(draft.min) === 'invalid') errors.min = messages.invalidNumber;
    if (readNumber(draft.max) === 'invalid') errors.max = messages.invalidNumber;
  }
  const parsed = customFieldSpec.safeParse(spec);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      errors[path] ??= issue.message;
    }
  } else {
    for (const issue of specIssues(parsed.data, entity)) {
      errors[issue.path.join('.')] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, spec };
  return { ok: true, spec: parsed.success ? parsed.data : spec };
}

/** The spec fields that differ from the stored definition (a PATCH sends only those). */
export function changedSpec(
  field: CustomFieldDefinition,
  spec: CustomFieldSpec,
): Partial<Omit<CustomFieldSpec, 'key'>> {
  const changes: Record<string, unknown> = {};
  const names = [
    'labelFr',
    'labelEn',
    'helpFr',
    'helpEn',
    'type',
    'required',
    'defaultValue',
    'min',
    'max',
    'options',
    'inTables',
    'confidential',
  ] as const;
  for (const name of names) {
    if (JSON.stringify(field[name] ?? null) !== JSON.stringify(spec[name] ?? null)) {
      changes[name] = spec[name];
    }
  }
  return changes as Partial<Omit<CustomFieldSpec, 'key'>>;
}
