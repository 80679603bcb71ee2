import {
  NumberField as AriaNumberField,
  type NumberFieldProps as AriaNumberFieldProps,
  Input,
} from 'react-aria-components';
import { FieldHelp, FieldLabel, type FieldProps } from './FieldParts.tsx';

export interface NumberFieldProps
  extends Omit<AriaNumberFieldProps, 'className' | 'style' | 'children'>,
    FieldProps {
  placeholder?: string;
}

/**
 * A number input formatted for the current locale (RAC's `I18nProvider`, e.g. `fr-FR`);
 * pass `formatOptions` for units or currency. Arrow keys step the value; phones get a
 * numeric keyboard.
 */
export function NumberField({
  label,
  description,
  errorMessage,
  placeholder,
  ...props
}: NumberFieldProps) {
  return (
    <AriaNumberField {...props} className="lk-field">
      <FieldLabel label={label} isRequired={props.isRequired} />
      <Input className="lk-field__input" placeholder={placeholder} />
      <FieldHelp description={description} errorMessage={errorMessage} />
    </AriaNumberField>
  );
}
