import type { Donor } from '@lakou/domain/fund';
import { useQuery } from '@tanstack/react-query';
import { type Ref, useEffect, useState } from 'react';
import {
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { donorsQuery } from '../../api/donations.ts';

/** The options that are not a donor of the list. */
export const NEW_DONOR = '__new__';
export const ANONYMOUS = '__anonymous__';

export type DonorChoice =
  | { kind: 'donor'; donor: Pick<Donor, 'id' | 'name'> }
  | { kind: 'new'; name: string }
  | { kind: 'anonymous' }
  | null;

interface Option {
  id: string;
  label: string;
  detail?: string;
}

interface DonorPickerProps {
  label: string;
  description?: string;
  choice: DonorChoice;
  onChoiceChange: (choice: DonorChoice) => void;
  /** Offer « Nouveau donateur » and « Don anonyme » (the entry forms) or only donors (filters). */
  allowNew?: boolean;
  isRequired?: boolean;
  errorMessage?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
}

function useDebounced(value: string, delay = 200): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

function keyOf(choice: DonorChoice): string {
  if (!choice) return '';
  if (choice.kind === 'donor') return `donor:${choice.donor.id}:${choice.donor.name}`;
  if (choice.kind === 'new') return `new:${choice.name}`;
  return 'anonymous';
}

function textOf(choice: DonorChoice, anonymousLabel: string): string {
  if (!choice) return '';
  if (choice.kind === 'donor') return choice.donor.name;
  if (choice.kind === 'new') return choice.name;
  return anonymousLabel;
}

/**
 * Search-as-you-type among the donors (name, e-mail, city) with the keyboard: type, arrow down,
 * Enter. When nobody matches, « Nouveau donateur » keeps what was typed as the new donor's name.
 */
export function DonorPicker({
  label,
  description,
  choice,
  onChoiceChange,
  allowNew = false,
  isRequired = false,
  errorMessage,
  inputRef,
  autoFocus,
}: DonorPickerProps) {
  const { t } = useTranslation();
  const anonymousLabel = t('donations.picker.anonymous');
  const [text, setText] = useState(() => textOf(choice, anonymousLabel));
  // A choice set from outside (the form emptied after a save, a donor read from the URL) shows
  // in the field. Compared by what it is, not by object identity: callers may rebuild it.
  const key = keyOf(choice);
  const [seen, setSeen] = useState(key);
  if (key !== seen) {
    setSeen(key);
    const shown = textOf(choice, anonymousLabel);
    if (shown !== text && (choice === null || choice.kind !== 'new')) setText(shown);
  }
  const q = useDebounced(text.trim());
  const donors = useQuery({
    ...donorsQuery({ q: q || undefined, pageSize: 8 }),
    enabled: q.length >= 1,
  });

  const options: Option[] = [];
  if (q.length >= 1) {
    for (const donor of donors.data?.items ?? []) {
      if (donor.erasedAt) continue;
      options.push({
        id: donor.id,
        label: donor.name,
        detail: [donor.city, donor.email].filter(Boolean).join(' · ') || undefined,
      });
    }
  }
  const typed = text.trim();
  if (allowNew && typed.length >= 2 && !options.some((o) => o.label === typed)) {
    options.push({ id: NEW_DONOR, label: typed, detail: t('donations.picker.newDonor') });
  }
  if (allowNew) options.push({ id: ANONYMOUS, label: anonymousLabel });

  const selectedKey =
    choice?.kind === 'donor'
      ? choice.donor.id
      : choice?.kind === 'new'
        ? NEW_DONOR
        : choice?.kind === 'anonymous'
          ? ANONYMOUS
          : null;

  return (
    <ComboBox
      className="lk-field"
      items={options}
      inputValue={text}
      onInputChange={(value) => {
        setText(value);
        // Typing again after a choice starts a new search.
        if (choice && value !== textOf(choice, anonymousLabel)) onChoiceChange(null);
      }}
      selectedKey={selectedKey}
      onSelectionChange={(key) => {
        if (key === null) return;
        if (key === NEW_DONOR) onChoiceChange({ kind: 'new', name: typed });
        else if (key === ANONYMOUS) onChoiceChange({ kind: 'anonymous' });
        else {
          const donor = donors.data?.items.find((d) => d.id === key);
          if (donor) onChoiceChange({ kind: 'donor', donor: { id: donor.id, name: donor.name } });
        }
      }}
      menuTrigger="input"
      allowsEmptyCollection
      isRequired={isRequired}
      isInvalid={Boolean(errorMessage)}
      autoFocus={autoFocus}
    >
      <Label className="lk-field__label">
        {label}
        {isRequired ? (
          <span className="lk-field__required" aria-hidden="true">
            *
          </span>
        ) : null}
      </Label>
      <Input ref={inputRef} className="lk-field__input" autoComplete="off" spellCheck="false" />
      {description ? (
        <Text slot="description" className="lk-field__description">
          {description}
        </Text>
      ) : null}
      <FieldError className="lk-field__error">{errorMessage}</FieldError>
      <Popover className="lk-popover">
        <ListBox
          className="lk-listbox"
          renderEmptyState={() => (
            <p className="hub-donations__picker-empty">
              {donors.isFetching ? t('donations.picker.searching') : t('donations.picker.noMatch')}
            </p>
          )}
        >
          {(option: Option) => (
            <ListBoxItem
              id={option.id}
              className="lk-listbox__item"
              textValue={option.id === NEW_DONOR ? typed : option.label}
            >
              <span className="hub-donations__picker-name">
                {option.id === NEW_DONOR
                  ? t('donations.picker.newDonorNamed', { name: option.label })
                  : option.label}
              </span>
              {option.detail && option.id !== NEW_DONOR ? (
                <span className="hub-donations__picker-detail">{option.detail}</span>
              ) : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
