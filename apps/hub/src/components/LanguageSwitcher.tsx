import { SelectField } from '@lakou/ui/form-field';
import { useTranslation } from 'react-i18next';
import { languages, useLocale } from '../i18n/index.ts';
import { isLanguage } from '../i18n/languages.ts';

/** Switches the hub between French and English; the choice is remembered on this device. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { language } = useLocale();
  return (
    <SelectField
      label={t('app.language')}
      options={languages.map((id) => ({ id, label: t(`languages.${id}`) }))}
      value={language}
      onChange={(key) => {
        if (isLanguage(key) && key !== language) void i18n.changeLanguage(key);
      }}
    />
  );
}
