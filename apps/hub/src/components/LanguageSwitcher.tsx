import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/index.ts';
import { lazyControl } from './LazyControl.tsx';

const LazyLanguageSelect = lazyControl<object>(() =>
  import('./LanguageSelect.tsx').then((m) => m.LanguageSelect),
);

/**
 * Switches the hub between French and English; the choice is remembered on this device.
 * The select's code loads on first intent (hover, focus, press): until then a field drawn like
 * `SelectField`'s (label, button showing the language) stands in.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { language } = useLocale();
  const id = useId();
  return (
    <LazyLanguageSelect
      placeholder={(intent) => (
        <div className="lk-field">
          <span className="lk-field__label" id={`${id}-label`}>
            {t('app.language')}
          </span>
          <button
            type="button"
            className="lk-select__button"
            aria-haspopup="listbox"
            aria-expanded="false"
            aria-labelledby={`${id}-value ${id}-label`}
            {...intent}
          >
            <span className="lk-select__value" id={`${id}-value`}>
              {t(`languages.${language}`)}
            </span>
            <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
              <path d="M2 4l4 4 4-4" stroke="currentColor" strokeWidth="2" fill="none" />
            </svg>
          </button>
        </div>
      )}
    />
  );
}
