import { type CustomFieldSpec, customFieldLabel } from '@lakou/domain/config';
import { SelectField, TextField } from '@lakou/ui/form-field';
import { ErrorState, LoadingState } from '@lakou/ui/states';
import type { ReactNode } from 'react';
import {
  Checkbox as AriaCheckbox,
  CheckboxGroup,
  FieldError,
  Label,
  Radio,
  RadioGroup,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import type { CustomFieldErrors, CustomRawValue, CustomRawValues } from './customFieldForm.ts';
import './custom-fields.css';

const NONE = '__none__';

export interface CustomFieldsSectionProps {
  /** The fields that apply, in order (`useCustomFields` / `useCustomFieldsForm`). */
  definitions: readonly CustomFieldSpec[];
  values: CustomRawValues;
  errors?: CustomFieldErrors;
  onChange: (key: string, value: CustomRawValue) => void;
  /** The definitions are loading. */
  isPending?: boolean;
  /** The definitions could not be read. */
  error?: Error | null;
  /** The group's title; « Informations complémentaires » by default. */
  title?: ReactNode;
  isDisabled?: boolean;
}

/**
 * The custom fields of a form, each with the control its type calls for, its label, help and
 * required mark, and the message under it (all linked through `aria-describedby`). Renders
 * nothing when no field applies.
 */
export function CustomFieldsSection({
  definitions,
  values,
  errors = {},
  onChange,
  isPending = false,
  error = null,
  title,
  isDisabled = false,
}: CustomFieldsSectionProps) {
  const { t } = useTranslation();
  if (isPending) return <LoadingState label={t('settings.section.loading')} lines={1} />;
  if (error) return <ErrorState title={t('settings.section.failed')} detail={error.message} />;
  if (definitions.length === 0) return null;
  return (
    <fieldset className="hub-custom-fields">
      <legend className="hub-custom-fields__legend">{title ?? t('settings.section.title')}</legend>
      {definitions.map((spec) => (
        <CustomFieldControl
          key={spec.key}
          spec={spec}
          value={values[spec.key] ?? null}
          error={errors[spec.key]}
          onChange={(value) => onChange(spec.key, value)}
          isDisabled={isDisabled}
        />
      ))}
    </fieldset>
  );
}

interface ControlProps {
  spec: CustomFieldSpec;
  value: CustomRawValue;
  error: string | undefined;
  onChange: (value: CustomRawValue) => void;
  isDisabled: boolean;
}

function GroupLabel({ label, isRequired }: { label: string; isRequired: boolean }) {
  return (
    <Label className="lk-field__label">
      {label}
      {isRequired ? (
        <span className="lk-field__required" aria-hidden="true">
          *
        </span>
      ) : null}
    </Label>
  );
}

/** One custom field's control, chosen by its type. */
export function CustomFieldControl({ spec, value, error, onChange, isDisabled }: ControlProps) {
  const { t } = useTranslation();
  const { language } = useLocale();
  const label = customFieldLabel(spec, language);
  const help = (language === 'en' && spec.helpEn) || spec.helpFr || undefined;
  const optionLabel = (o: CustomFieldSpec['options'][number]) =>
    (language === 'en' && o.labelEn) || o.labelFr;
  const common = {
    label,
    description: help,
    isRequired: spec.required,
    isInvalid: Boolean(error),
    errorMessage: error,
    isDisabled,
  };
  const text = typeof value === 'string' ? value : '';

  switch (spec.type) {
    case 'long_text':
      return <TextField {...common} isMultiline value={text} onChange={onChange} />;
    case 'number':
      return (
        <TextField
          {...common}
          inputMode="decimal"
          value={text}
          onChange={onChange}
          description={
            [
              help,
              spec.min != null && spec.max != null
                ? t('settings.section.between', { min: spec.min, max: spec.max })
                : spec.min != null
                  ? t('settings.section.atLeast', { min: spec.min })
                  : spec.max != null
                    ? t('settings.section.atMost', { max: spec.max })
                    : null,
            ]
              .filter(Boolean)
              .join(' ') || undefined
          }
        />
      );
    case 'date':
      return <TextField {...common} type="date" value={text} onChange={onChange} />;
    case 'email':
      return (
        <TextField {...common} type="email" autoComplete="off" value={text} onChange={onChange} />
      );
    case 'phone':
      return (
        <TextField {...common} type="tel" autoComplete="off" value={text} onChange={onChange} />
      );
    case 'single_choice':
      return (
        <SelectField
          {...common}
          placeholder={t('settings.section.choose')}
          options={[
            ...(spec.required ? [] : [{ id: NONE, label: t('settings.section.none') }]),
            ...spec.options.map((o) => ({ id: o.key, label: optionLabel(o) })),
          ]}
          selectedKey={text || null}
          onSelectionChange={(key) => onChange(key == null || key === NONE ? '' : String(key))}
        />
      );
    case 'multiple_choice':
      return (
        <CheckboxGroup
          className="lk-field hub-custom-fields__group"
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
          isRequired={spec.required}
          isInvalid={Boolean(error)}
          isDisabled={isDisabled}
        >
          <GroupLabel label={label} isRequired={spec.required} />
          <div className="hub-custom-fields__choices">
            {spec.options.map((o) => (
              <AriaCheckbox key={o.key} value={o.key} className="lk-checkbox">
                <span className="lk-checkbox__box" aria-hidden="true">
                  <svg className="lk-checkbox__check" viewBox="0 0 14 14" aria-hidden="true">
                    <path d="M2 7.5l3 3 7-7" stroke="currentColor" strokeWidth="2.5" fill="none" />
                  </svg>
                </span>
                <span className="lk-checkbox__label">{optionLabel(o)}</span>
              </AriaCheckbox>
            ))}
          </div>
          {help ? (
            <Text slot="description" className="lk-field__description">
              {help}
            </Text>
          ) : null}
          <FieldError className="lk-field__error">{error}</FieldError>
        </CheckboxGroup>
      );
    case 'yes_no':
      return (
        <RadioGroup
          className="lk-field hub-custom-fields__group"
          orientation="horizontal"
          value={value === true ? 'yes' : value === false ? 'no' : spec.required ? null : NONE}
          onChange={(next) => onChange(next === 'yes' ? true : next === 'no' ? false : null)}
          isRequired={spec.required}
          isInvalid={Boolean(error)}
          isDisabled={isDisabled}
        >
          <GroupLabel label={label} isRequired={spec.required} />
          <div className="hub-custom-fields__choices hub-custom-fields__choices--inline">
            {(['yes', 'no', ...(spec.required ? [] : [NONE])] as const).map((choice) => (
              <Radio key={choice} value={choice} className="hub-radio">
                <span className="hub-radio__dot" aria-hidden="true" />
                {choice === 'yes'
                  ? t('settings.section.yes')
                  : choice === 'no'
                    ? t('settings.section.no')
                    : t('settings.section.unspecified')}
              </Radio>
            ))}
          </div>
          {help ? (
            <Text slot="description" className="lk-field__description">
              {help}
            </Text>
          ) : null}
          <FieldError className="lk-field__error">{error}</FieldError>
        </RadioGroup>
      );
    default:
      return <TextField {...common} value={text} onChange={onChange} />;
  }
}
