import { z } from 'zod';
import { uuid } from '../shared/ids.ts';
import { customValueSchema } from './custom-values.ts';

/** The things a centre may add its own fields to (each keeps its values in a `custom` column). */
export const CUSTOM_FIELD_ENTITIES = [
  'booking',
  'event',
  'registration',
  'donation',
  'in_kind_donation',
  'circle_intake',
  'inflow',
] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];
export const customFieldEntity = z.enum(CUSTOM_FIELD_ENTITIES, {
  error: `Type de fiche attendu : ${CUSTOM_FIELD_ENTITIES.join(', ')}.`,
});

export const CUSTOM_FIELD_TYPES = [
  'short_text',
  'long_text',
  'number',
  'date',
  'single_choice',
  'multiple_choice',
  'yes_no',
  'email',
  'phone',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
export const customFieldType = z.enum(CUSTOM_FIELD_TYPES, {
  error: `Type de champ attendu : ${CUSTOM_FIELD_TYPES.join(', ')}.`,
});

/** The types whose values are keys of the field's options. */
export const CHOICE_TYPES: readonly CustomFieldType[] = ['single_choice', 'multiple_choice'];
export function isChoiceType(type: CustomFieldType): boolean {
  return CHOICE_TYPES.includes(type);
}

export const customFieldKey = z
  .string({ error: 'Indiquez la clé du champ.' })
  .regex(/^[a-z][a-z0-9_]{0,39}$/, {
    error:
      'La clé commence par une lettre minuscule, suivie de lettres minuscules, chiffres ou _ (40 caractères au plus).',
  })
  .describe('Name of the value in the `custom` object; never changes.');

export const choiceOption = z.object({
  key: z.string({ error: 'Indiquez la clé du choix.' }).regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, {
    error:
      'La clé d’un choix est faite de lettres minuscules, chiffres, _ ou - (40 caractères au plus).',
  }),
  labelFr: z
    .string({ error: 'Indiquez le libellé du choix.' })
    .trim()
    .min(1, { error: 'Indiquez le libellé du choix.' })
    .max(80, { error: 'Le libellé d’un choix compte au plus 80 caractères.' }),
  labelEn: z
    .string()
    .trim()
    .max(80, { error: 'Le libellé anglais d’un choix compte au plus 80 caractères.' })
    .default(''),
});
export type ChoiceOption = z.infer<typeof choiceOption>;

const labelFr = z
  .string({ error: 'Indiquez le libellé du champ.' })
  .trim()
  .min(1, { error: 'Indiquez le libellé du champ.' })
  .max(80, { error: 'Le libellé compte au plus 80 caractères.' });
const labelEn = z
  .string()
  .trim()
  .max(80, { error: 'Le libellé anglais compte au plus 80 caractères.' });
const helpFr = z.string().trim().max(300, { error: 'L’aide compte au plus 300 caractères.' });
const helpEn = z
  .string()
  .trim()
  .max(300, { error: 'L’aide en anglais compte au plus 300 caractères.' });
const required = z.boolean({ error: 'Obligatoire : vrai ou faux.' });
const defaultValue = z
  .unknown()
  .describe('JSON value given when a new record leaves the field empty; must fit the field.');
const bound = (which: string) =>
  z
    .number({ error: `Le ${which} est un nombre.` })
    .nullable()
    .describe('Number fields only (inclusive).');
const options = z
  .array(choiceOption, { error: 'Liste de choix attendue.' })
  .max(100, { error: 'Au plus 100 choix.' })
  .describe('Choice fields only: at least one, keys unique.');
const inTables = z.boolean().describe('Shown as a column in lists and exports.');
const confidential = z
  .boolean()
  .describe('Circle intake only: erased with the case’s personal data.');

/** What defines a field (shared by input, patch and read model). */
export const customFieldSpec = z.object({
  key: customFieldKey,
  labelFr,
  labelEn: labelEn.default(''),
  helpFr: helpFr.default(''),
  helpEn: helpEn.default(''),
  type: customFieldType,
  required: required.default(false),
  defaultValue: defaultValue.default(null),
  min: bound('minimum').default(null),
  max: bound('maximum').default(null),
  options: options.default([]),
  inTables: inTables.default(false),
  confidential: confidential.default(false),
});
export type CustomFieldSpec = z.infer<typeof customFieldSpec>;

export type SpecIssue = { path: string[]; message: string };

/**
 * Problems of a whole spec that the field-by-field schema cannot see, in French. `entity` is the
 * entity the field belongs to (confidential fields exist for circle intakes only).
 */
export function specIssues(spec: CustomFieldSpec, entity: CustomFieldEntity): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const isNumber = spec.type === 'number';
  const isChoice = isChoiceType(spec.type);
  if (!isNumber) {
    if (spec.min != null)
      issues.push({ path: ['min'], message: 'Seul un champ nombre a un minimum.' });
    if (spec.max != null)
      issues.push({ path: ['max'], message: 'Seul un champ nombre a un maximum.' });
  } else if (spec.min != null && spec.max != null && spec.min > spec.max) {
    issues.push({ path: ['max'], message: 'Le maximum est inférieur au minimum.' });
  }
  if (!isChoice && spec.options.length > 0) {
    issues.push({ path: ['options'], message: 'Seul un champ à choix a une liste de choix.' });
  }
  if (isChoice && spec.options.length === 0) {
    issues.push({ path: ['options'], message: 'Un champ à choix propose au moins un choix.' });
  }
  const keys = new Set<string>();
  const labels = new Set<string>();
  spec.options.forEach((option, i) => {
    if (keys.has(option.key)) {
      issues.push({
        path: ['options', String(i), 'key'],
        message: `La clé de choix « ${option.key} » figure deux fois.`,
      });
    }
    keys.add(option.key);
    const label = option.labelFr.trim().toLocaleLowerCase('fr');
    if (labels.has(label)) {
      issues.push({
        path: ['options', String(i), 'labelFr'],
        message: `Le libellé de choix « ${option.labelFr} » figure deux fois.`,
      });
    }
    labels.add(label);
  });
  if (spec.confidential && entity !== 'circle_intake') {
    issues.push({
      path: ['confidential'],
      message: 'Seul un champ de l’accueil en cercle peut être confidentiel.',
    });
  }
  if (spec.defaultValue != null) {
    const fit = customValueSchema(spec, 'fr').safeParse(spec.defaultValue);
    if (!fit.success) {
      const reason = fit.error.issues[0]?.message ?? '';
      issues.push({
        path: ['defaultValue'],
        message: `La valeur par défaut ne convient pas au champ. ${reason}`.trim(),
      });
    }
  }
  return issues;
}

function addSpecIssues(
  spec: CustomFieldSpec,
  entity: CustomFieldEntity,
  ctx: z.core.$RefinementCtx,
): void {
  for (const issue of specIssues(spec, entity)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
}

/** POST body of a new field: its spec, its entity and its scope (null: the whole network). */
export const customFieldInput = customFieldSpec
  .extend({
    entity: customFieldEntity,
    centreId: uuid.nullable().default(null).describe('null: a field of the whole network.'),
  })
  .superRefine((input, ctx) => addSpecIssues(input, input.entity, ctx));
export type CustomFieldInput = z.infer<typeof customFieldInput>;

/**
 * PATCH body: any spec field but `key` (which never changes), plus the version the change was
 * made on. The whole spec after the change is checked with specIssues by the API.
 */
export const customFieldPatch = z
  .object({
    labelFr,
    labelEn,
    helpFr,
    helpEn,
    type: customFieldType,
    required,
    defaultValue,
    min: bound('minimum'),
    max: bound('maximum'),
    options,
    inTables,
    confidential,
  })
  .partial()
  .extend({
    version: z
      .number({ error: 'Indiquez la version modifiée.' })
      .int({ error: 'La version est un entier.' })
      .min(1, { error: 'La version vaut au moins 1.' })
      .describe('The version this change was made on (409 if it is no longer the current one).'),
  })
  .refine(
    (patch) =>
      Object.entries(patch).some(([name, value]) => name !== 'version' && value !== undefined),
    { error: 'Rien à modifier.' },
  );
export type CustomFieldPatch = z.infer<typeof customFieldPatch>;

/** A field as read (meta id 'CustomFieldDefinition'). */
export const customFieldDefinition = customFieldSpec
  .extend({
    id: uuid,
    entity: customFieldEntity,
    centreId: uuid.nullable().describe('null: a field of the whole network.'),
    position: z.number().int(),
    version: z.number().int(),
    retiredAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CustomFieldDefinition' });
export type CustomFieldDefinition = z.infer<typeof customFieldDefinition>;

/** The label in a locale; English falls back to French when it has none. */
export function customFieldLabel(
  spec: Pick<CustomFieldSpec, 'labelFr' | 'labelEn'>,
  locale: 'fr' | 'en',
): string {
  if (locale === 'en' && spec.labelEn.trim() !== '') return spec.labelEn;
  return spec.labelFr;
}

type Timestamp = string | Date;
const millis = (t: Timestamp) => (t instanceof Date ? t.getTime() : Date.parse(t));

/**
 * The fields of an entity that apply at a centre (or to the network when `centreId` is null): the
 * active network fields plus that centre's, by position then creation.
 */
export function applicableDefinitions<
  T extends {
    entity: string;
    centreId: string | null;
    retiredAt: Timestamp | null;
    position: number;
    createdAt: Timestamp;
  },
>(defs: readonly T[], at: { entity: CustomFieldEntity; centreId: string | null }): T[] {
  return defs
    .filter(
      (d) =>
        d.entity === at.entity &&
        d.retiredAt == null &&
        (d.centreId === null || (at.centreId !== null && d.centreId === at.centreId)),
    )
    .sort((a, b) => a.position - b.position || millis(a.createdAt) - millis(b.createdAt));
}
