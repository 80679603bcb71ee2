import { Button } from '@lakou/ui/button';
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
import { type WasteCodeHit, wasteCodesQuery } from '../../api/circular.ts';
import { wasteCodeLabel } from '../../lib/circular.ts';

export interface ChosenWasteCode {
  code: string;
  hazardous: boolean;
  description: string;
}

function useDebounced(value: string, delay = 250): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/**
 * Search the European List of Waste as you type (a code prefix « 20 01 » or words
 * « textiles »), pick a code with the arrows and Enter; the chosen code is said under the field
 * and can be removed. Hazardous codes carry their star.
 */
export function WasteCodePicker({
  value,
  onChange,
  errorMessage,
}: {
  value: ChosenWasteCode | null;
  onChange: (value: ChosenWasteCode | null) => void;
  errorMessage?: string | undefined;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const hits = useQuery({ ...wasteCodesQuery(q), enabled: q.length >= 2 });
  const items: WasteCodeHit[] = q.length >= 2 ? (hits.data?.items ?? []) : [];

  return (
    <div className="hub-circular__with-action">
      <ComboBox
        className="lk-field"
        items={items}
        inputValue={text}
        onInputChange={setText}
        selectedKey={null}
        onSelectionChange={(key) => {
          const hit = items.find((h) => h.code === key);
          if (!hit) return;
          onChange({ code: hit.code, hazardous: hit.hazardous, description: hit.description });
          setText('');
        }}
        menuTrigger="input"
        // The « no match » line only once a search is typed: an emptied field closes the list.
        allowsEmptyCollection={text.trim().length >= 2}
        isInvalid={Boolean(errorMessage)}
      >
        <Label className="lk-field__label">{t('circular.streams.wasteCode')}</Label>
        <Input className="lk-field__input" autoComplete="off" spellCheck="false" />
        <Text slot="description" className="lk-field__description">
          {t('circular.streams.wasteCodeHelp')}
        </Text>
        <FieldError className="lk-field__error">{errorMessage}</FieldError>
        <Popover className="lk-popover">
          <ListBox
            className="lk-listbox"
            renderEmptyState={() => (
              <p className="hub-circular__picker-empty">
                {hits.isFetching || q !== text.trim()
                  ? t('app.loading')
                  : t('circular.streams.wasteCodeNoMatch')}
              </p>
            )}
          >
            {(hit: WasteCodeHit) => (
              <ListBoxItem
                id={hit.code}
                className="lk-listbox__item"
                textValue={`${wasteCodeLabel(hit.code, hit.hazardous)} ${hit.description}`}
              >
                <span className="hub-circular__picker-option">
                  <span className="hub-circular__picker-name">
                    {wasteCodeLabel(hit.code, hit.hazardous)} — {hit.description}
                  </span>
                  <span className="hub-circular__picker-detail">{hit.subChapterTitle}</span>
                </span>
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <div className="hub-circular__chosen" aria-live="polite">
        {value ? (
          <>
            <span>
              {t('circular.streams.wasteCodeChosen', {
                code: wasteCodeLabel(value.code, value.hazardous),
                description: value.description,
              })}
            </span>
            <Button variant="secondary" size="small" onPress={() => onChange(null)}>
              {t('circular.streams.wasteCodeClear')}
            </Button>
          </>
        ) : (
          <span className="hub-muted">{t('circular.streams.wasteCodeNone')}</span>
        )}
      </div>
    </div>
  );
}
