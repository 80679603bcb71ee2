import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
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
import { createGardener, type Gardener, gardenersQuery } from '../../api/gardens.ts';

const NEW_GARDENER = '__new__';

export type GardenerChoice =
  | { kind: 'gardener'; gardener: Pick<Gardener, 'id' | 'name'> }
  | { kind: 'new'; name: string }
  | null;

interface Option {
  id: string;
  label: string;
  detail?: string | undefined;
}

function useDebounced(value: string, delay = 200): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** The gardener chosen, created first when it is a new one (then it is a gardener of the centre). */
export async function resolveGardener(
  choice: Exclude<GardenerChoice, null>,
  centreId: string,
): Promise<Pick<Gardener, 'id' | 'name'>> {
  if (choice.kind === 'gardener') return choice.gardener;
  const made = await createGardener({ centreId, name: choice.name.trim() });
  return { id: made.id, name: made.name };
}

/**
 * Search-as-you-type among the centre's gardeners (type, arrow down, Enter); when nobody
 * matches, « Nouveau jardinier ou jardinière » keeps what was typed as the new person's name.
 */
export function GardenerPicker({
  centreId,
  label,
  description,
  choice,
  onChoiceChange,
  errorMessage,
  isRequired = false,
}: {
  centreId: string;
  label: string;
  description?: string | undefined;
  choice: GardenerChoice;
  onChoiceChange: (choice: GardenerChoice) => void;
  errorMessage?: string | undefined;
  isRequired?: boolean;
}) {
  const { t } = useTranslation();
  const textOf = (c: GardenerChoice) =>
    c === null ? '' : c.kind === 'gardener' ? c.gardener.name : c.name;
  const [text, setText] = useState(() => textOf(choice));
  const key = choice === null ? '' : choice.kind === 'gardener' ? choice.gardener.id : 'new';
  const [seen, setSeen] = useState(key);
  if (key !== seen) {
    setSeen(key);
    if (choice === null || choice.kind === 'gardener') setText(textOf(choice));
  }
  const q = useDebounced(text.trim());
  const gardeners = useQuery(gardenersQuery(centreId, q));
  const typed = text.trim();
  const options: Option[] = (gardeners.data ?? []).slice(0, 12).map((g) => ({
    id: g.id,
    label: g.name,
    detail: [g.phone, g.email].filter(Boolean).join(' · ') || undefined,
  }));
  if (
    typed.length >= 2 &&
    !options.some((o) => o.label.localeCompare(typed, 'fr', { sensitivity: 'base' }) === 0)
  )
    options.push({ id: NEW_GARDENER, label: typed });

  return (
    <ComboBox
      className="lk-field"
      items={options}
      inputValue={text}
      onInputChange={(value) => {
        setText(value);
        if (choice && value !== textOf(choice)) onChoiceChange(null);
      }}
      selectedKey={
        choice?.kind === 'gardener'
          ? choice.gardener.id
          : choice?.kind === 'new'
            ? NEW_GARDENER
            : null
      }
      onSelectionChange={(id) => {
        if (id === null) return;
        if (id === NEW_GARDENER) onChoiceChange({ kind: 'new', name: typed });
        else {
          const found = gardeners.data?.find((g) => g.id === id);
          if (found)
            onChoiceChange({ kind: 'gardener', gardener: { id: found.id, name: found.name } });
        }
      }}
      menuTrigger="focus"
      allowsEmptyCollection
      isRequired={isRequired}
      isInvalid={Boolean(errorMessage)}
    >
      <Label className="lk-field__label">
        {label}
        {isRequired ? (
          <span className="lk-field__required" aria-hidden="true">
            *
          </span>
        ) : null}
      </Label>
      <Input className="lk-field__input" autoComplete="off" spellCheck="false" />
      <Text slot="description" className="lk-field__description">
        {description ?? t('gardens.picker.help')}
      </Text>
      <FieldError className="lk-field__error">{errorMessage}</FieldError>
      <Popover className="lk-popover">
        <ListBox
          className="lk-listbox"
          renderEmptyState={() => (
            <p className="hub-gardens__picker-empty">
              {gardeners.isFetching ? t('gardens.picker.searching') : t('gardens.picker.noMatch')}
            </p>
          )}
        >
          {(option: Option) => (
            <ListBoxItem
              id={option.id}
              className="lk-listbox__item"
              textValue={option.id === NEW_GARDENER ? typed : option.label}
            >
              <span className="hub-gardens__picker-name">
                {option.id === NEW_GARDENER
                  ? t('gardens.picker.newNamed', { name: option.label })
                  : option.label}
              </span>
              {option.detail ? (
                <span className="hub-gardens__picker-detail">{option.detail}</span>
              ) : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
