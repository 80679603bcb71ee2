import {
  Select as AriaSelect,
  type SelectProps as AriaSelectProps,
  Button,
  ListBox,
  ListBoxItem,
  Popover,
  SelectValue,
} from 'react-aria-components';
import { FieldHelp, FieldLabel, type FieldProps } from './FieldParts.tsx';

export interface SelectOption {
  id: string;
  label: string;
}

export interface SelectFieldProps
  extends Omit<AriaSelectProps<SelectOption>, 'className' | 'style' | 'children' | 'items'>,
    FieldProps {
  options: SelectOption[];
}

/** Pick one option from a list; `value`/`onChange` hold the option's id. */
export function SelectField({
  label,
  description,
  errorMessage,
  options,
  ...props
}: SelectFieldProps) {
  return (
    <AriaSelect {...props} className="lk-field">
      <FieldLabel label={label} isRequired={props.isRequired} />
      <Button className="lk-select__button">
        <SelectValue className="lk-select__value" />
        <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
          <path d="M2 4l4 4 4-4" stroke="currentColor" strokeWidth="2" fill="none" />
        </svg>
      </Button>
      <FieldHelp description={description} errorMessage={errorMessage} />
      <Popover className="lk-popover">
        <ListBox className="lk-listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="lk-listbox__item" textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
