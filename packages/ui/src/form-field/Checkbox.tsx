import type { ReactNode } from 'react';
import {
  CheckboxButton,
  CheckboxField,
  type CheckboxFieldProps,
  FieldError,
  Text,
} from 'react-aria-components';
import type { FieldProps } from './FieldParts.tsx';

export interface CheckboxProps
  extends Omit<CheckboxFieldProps, 'className' | 'style' | 'children'>,
    FieldProps {
  label: ReactNode;
}

/** A single yes/no choice, with optional help and error text announced with it. */
export function Checkbox({ label, description, errorMessage, ...props }: CheckboxProps) {
  return (
    <CheckboxField {...props} className="lk-checkbox-field">
      <CheckboxButton className="lk-checkbox">
        <span className="lk-checkbox__box" aria-hidden="true">
          <svg className="lk-checkbox__check" viewBox="0 0 14 14" aria-hidden="true">
            <path d="M2 7.5l3 3 7-7" stroke="currentColor" strokeWidth="2.5" fill="none" />
          </svg>
        </span>
        <span className="lk-checkbox__label">{label}</span>
      </CheckboxButton>
      {description ? (
        <Text slot="description" className="lk-field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="lk-field__error">{errorMessage}</FieldError>
    </CheckboxField>
  );
}
