import {
  type CustomFieldSpec,
  type CustomValues,
  customValueFromForm,
  customValuesSchema,
} from '@lakou/domain/config';
import type { Problem } from '@lakou/domain/shared';
import { ApiError } from '../../api/api-error.ts';

/*
 * The form side of custom fields, without React: the raw control values a form keeps, the
 * values sent to the API (checked with the very schema the API applies), and the API's
 * refusals on `custom.<key>` turned back into messages under the fields.
 */

/** What a control holds: text (and number, date, e-mail, phone, one choice), several choices, yes/no. */
export type CustomRawValue = string | string[] | boolean | null;
export type CustomRawValues = Record<string, CustomRawValue>;
/** A message under a field, by field key. */
export type CustomFieldErrors = Record<string, string>;

type Locale = 'fr' | 'en';

/** A stored (or default) value as its control holds it. */
export function rawFromValue(
  spec: CustomFieldSpec,
  value: unknown,
  locale: Locale,
): CustomRawValue {
  switch (spec.type) {
    case 'multiple_choice':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    case 'yes_no':
      return typeof value === 'boolean' ? value : null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return '';
      // A French reader types and reads a decimal comma.
      return locale === 'fr' ? String(value).replace('.', ',') : String(value);
    default:
      return typeof value === 'string' ? value : value == null ? '' : String(value);
  }
}

/**
 * The controls' first values: what is stored (editing), else the field's default (creating,
 * so the person sees it and may change it).
 */
export function initialRawValues(
  defs: readonly CustomFieldSpec[],
  stored: CustomValues | undefined,
  locale: Locale,
): CustomRawValues {
  const raw: CustomRawValues = {};
  for (const spec of defs) {
    const value = stored ? stored[spec.key] : spec.defaultValue;
    raw[spec.key] = rawFromValue(spec, value ?? null, locale);
  }
  return raw;
}

/** Whether a control holds nothing. */
export function isEmptyRaw(raw: CustomRawValue | undefined): boolean {
  return raw == null || raw === '' || (Array.isArray(raw) && raw.length === 0);
}

export type CustomCheck =
  | { ok: true; values: CustomValues }
  | { ok: false; errors: CustomFieldErrors };

/**
 * The values to send, checked as the API will check them (`customValuesSchema`): on creation a
 * required field left empty is « … est obligatoire. »; on an update every shown field is sent
 * (an emptied optional field is `null`, which erases it).
 */
export function checkCustomValues(
  defs: readonly CustomFieldSpec[],
  raw: CustomRawValues,
  options: { mode: 'create' | 'update'; locale: Locale },
): CustomCheck {
  const candidate: CustomValues = {};
  for (const spec of defs) {
    const value = customValueFromForm(spec, raw[spec.key] ?? null);
    if (options.mode === 'create' && value == null) continue;
    candidate[spec.key] = value ?? null;
  }
  if (defs.length === 0) return { ok: true, values: {} };
  const result = customValuesSchema(defs, options).safeParse(candidate);
  if (result.success) return { ok: true, values: result.data };
  const errors: CustomFieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (key && !(key in errors)) errors[key] = issue.message;
  }
  // An issue without a field (should not happen) still stops the form, on the first field.
  if (Object.keys(errors).length === 0 && defs[0]) {
    errors[defs[0].key] = result.error.issues[0]?.message ?? '';
  }
  return { ok: false, errors };
}

/**
 * The messages of an API refusal that name custom fields (`custom.<key>`), by key. Empty when
 * the refusal is about something else.
 */
export function customProblemFields(error: unknown): CustomFieldErrors {
  if (!(error instanceof ApiError)) return {};
  const fields: CustomFieldErrors = {};
  for (const entry of (error.problem as Problem).errors ?? []) {
    const [head, key] = entry.field.split('.');
    if (head === 'custom' && key && !(key in fields)) fields[key] = entry.message;
  }
  return fields;
}
