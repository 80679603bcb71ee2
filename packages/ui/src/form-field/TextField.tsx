import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  Input,
  TextArea,
} from 'react-aria-components';
import { FieldHelp, FieldLabel, type FieldProps } from './FieldParts.tsx';

export interface TextFieldProps
  extends Omit<AriaTextFieldProps, 'className' | 'style' | 'children'>,
    FieldProps {
  /** Several lines of text (a textarea). */
  isMultiline?: boolean;
  placeholder?: string;
}

export function TextField({
  label,
  description,
  errorMessage,
  isMultiline = false,
  placeholder,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField {...props} className="lk-field">
      <FieldLabel label={label} isRequired={props.isRequired} />
      {isMultiline ? (
        <TextArea className="lk-field__input lk-field__textarea" placeholder={placeholder} />
      ) : (
        <Input className="lk-field__input" placeholder={placeholder} />
      )}
      <FieldHelp description={description} errorMessage={errorMessage} />
    </AriaTextField>
  );
}
