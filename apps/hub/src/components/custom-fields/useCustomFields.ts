import {
  applicableDefinitions,
  type CustomFieldDefinition,
  type CustomFieldEntity,
  type CustomValues,
} from '@lakou/domain/config';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { customFieldsQuery } from '../../api/customFields.ts';
import { useLocale } from '../../i18n/index.ts';
import {
  type CustomCheck,
  type CustomFieldErrors,
  type CustomRawValue,
  type CustomRawValues,
  checkCustomValues,
  customProblemFields,
  initialRawValues,
} from './customFieldForm.ts';

const NONE: readonly CustomFieldDefinition[] = [];

/**
 * The custom fields that apply to a row of `entity` in `centreId` (`null`: a row without a
 * centre, network fields only), active ones in their order. `centreId` undefined waits (the
 * form does not know the centre yet).
 */
export function useCustomFields(entity: CustomFieldEntity, centreId: string | null | undefined) {
  const query = useQuery({
    ...customFieldsQuery({ entity, centreId: centreId ?? null }),
    enabled: centreId !== undefined,
  });
  const definitions = useMemo(
    () =>
      query.data && centreId !== undefined
        ? applicableDefinitions(query.data, { entity, centreId })
        : NONE,
    [query.data, entity, centreId],
  );
  return {
    definitions,
    isPending: centreId !== undefined && query.isPending,
    error: query.error,
    refetch: query.refetch,
  };
}

export interface CustomFieldsForm {
  definitions: readonly CustomFieldDefinition[];
  isPending: boolean;
  error: Error | null;
  values: CustomRawValues;
  errors: CustomFieldErrors;
  setValue: (key: string, value: CustomRawValue) => void;
  /** Checks every field; shows the messages under them and answers the values to send. */
  check: () => CustomCheck;
  /** Shows an API refusal's `custom.<key>` messages under the fields; true if there were some. */
  showProblems: (error: unknown) => boolean;
  /** Ready to spread on `<CustomFieldsSection>`. */
  sectionProps: {
    definitions: readonly CustomFieldDefinition[];
    values: CustomRawValues;
    errors: CustomFieldErrors;
    onChange: (key: string, value: CustomRawValue) => void;
    isPending: boolean;
    error: Error | null;
  };
}

/**
 * The custom part of an entity form, state included: raw control values (from `stored` when
 * editing, the defaults when creating), the check before submit and the API's field messages.
 *
 * ```tsx
 * const custom = useCustomFieldsForm({ entity: 'event', centreId: centre.id, mode: 'create' });
 * const checked = custom.check(); if (!checked.ok) return;
 * await createEvent({ ...rest, custom: checked.values }); // catch: custom.showProblems(error)
 * <CustomFieldsSection {...custom.sectionProps} />
 * ```
 */
export function useCustomFieldsForm({
  entity,
  centreId,
  mode,
  stored,
}: {
  entity: CustomFieldEntity;
  centreId: string | null | undefined;
  mode: 'create' | 'update';
  /** The row's `custom` (editing). */
  stored?: CustomValues | undefined;
}): CustomFieldsForm {
  const { language } = useLocale();
  const { definitions, isPending, error } = useCustomFields(entity, centreId);
  const [values, setValues] = useState<CustomRawValues>({});
  const [errors, setErrors] = useState<CustomFieldErrors>({});
  // Fill the controls once per definition (a refetch must not undo what was typed).
  const seeded = useRef(new Set<string>());
  useEffect(() => {
    const fresh = definitions.filter((d) => !seeded.current.has(d.key));
    if (fresh.length === 0) return;
    for (const d of fresh) seeded.current.add(d.key);
    const initial = initialRawValues(
      fresh,
      mode === 'update' ? (stored ?? {}) : undefined,
      language,
    );
    setValues((current) => ({ ...initial, ...current }));
  }, [definitions, mode, stored, language]);

  const setValue = useCallback((key: string, value: CustomRawValue) => {
    setValues((current) => ({ ...current, [key]: value }));
    // The message goes once the person changes the field; the next check says it again if needed.
    setErrors((current) => {
      if (!(key in current)) return current;
      const { [key]: _gone, ...rest } = current;
      return rest;
    });
  }, []);

  const check = useCallback((): CustomCheck => {
    const result = checkCustomValues(definitions, values, { mode, locale: language });
    setErrors(result.ok ? {} : result.errors);
    return result;
  }, [definitions, values, mode, language]);

  const showProblems = useCallback((failure: unknown) => {
    const found = customProblemFields(failure);
    setErrors(found);
    return Object.keys(found).length > 0;
  }, []);

  return {
    definitions,
    isPending,
    error,
    values,
    errors,
    setValue,
    check,
    showProblems,
    sectionProps: { definitions, values, errors, onChange: setValue, isPending, error },
  };
}
