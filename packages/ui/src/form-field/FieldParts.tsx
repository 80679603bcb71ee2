import type { ReactNode } from 'react';
import { FieldError, Label, Text, type ValidationResult } from 'react-aria-components';

/** Props every field shares. Strings come translated from the hub. */
export interface FieldProps {
  label: ReactNode;
  /** Help under the field, announced with it. */
  description?: ReactNode;
  /** Shown (and announced) when the field is invalid; a function receives the native validation. */
  errorMessage?: ReactNode | ((validation: ValidationResult) => ReactNode);
  isRequired?: boolean;
  isInvalid?: boolean;
}

export function FieldLabel({ label, isRequired }: { label: ReactNode; isRequired?: boolean }) {
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

/** Description and error, wired by RAC into the field's aria-describedby. */
export function FieldHelp({
  description,
  errorMessage,
}: Pick<FieldProps, 'description' | 'errorMessage'>) {
  return (
    <>
      {description ? (
        <Text slot="description" className="lk-field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="lk-field__error">{errorMessage}</FieldError>
    </>
  );
}
