import {
  SearchField as AriaSearchField,
  type SearchFieldProps as AriaSearchFieldProps,
  Button,
  Group,
  Input,
} from 'react-aria-components';
import { FieldHelp, FieldLabel, type FieldProps } from './FieldParts.tsx';

export interface SearchFieldProps
  extends Omit<AriaSearchFieldProps, 'className' | 'style' | 'children'>,
    FieldProps {
  /** Accessible name of the clear button, e.g. "Effacer la recherche". */
  clearLabel: string;
  placeholder?: string;
}

/** A search input; Escape or the clear button empties it. */
export function SearchField({
  label,
  description,
  errorMessage,
  clearLabel,
  placeholder,
  ...props
}: SearchFieldProps) {
  return (
    <AriaSearchField {...props} className="lk-field lk-search">
      <FieldLabel label={label} isRequired={props.isRequired} />
      <Group className="lk-field__control">
        <svg
          className="lk-search__icon"
          aria-hidden="true"
          width="16"
          height="16"
          viewBox="0 0 16 16"
        >
          <circle cx="7" cy="7" r="5" stroke="currentColor" strokeWidth="2" fill="none" />
          <path d="M11 11l4 4" stroke="currentColor" strokeWidth="2" />
        </svg>
        <Input className="lk-field__input" placeholder={placeholder} />
        <Button
          className="lk-button lk-button--icon lk-search__clear"
          data-variant="ghost"
          data-size="small"
          aria-label={clearLabel}
        >
          <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14">
            <path d="M2 2l10 10M12 2L2 12" stroke="currentColor" strokeWidth="2" />
          </svg>
        </Button>
      </Group>
      <FieldHelp description={description} errorMessage={errorMessage} />
    </AriaSearchField>
  );
}
