import { SelectField } from '@lakou/ui/form-field';
import { useTranslation } from 'react-i18next';
import { languages, useLocale } from '../i18n/index.ts';
import { isLanguage } from '../i18n/languages.ts';

/**
 * The language select itself (React Aria's Select, list box and popover): a chunk of its own,
 * which `LanguageSwitcher` loads when someone reaches for it.
 */
export function LanguageSelect({ defaultOpen }: { defaultOpen?: boolean }) {
  const { t, i18n } = useTranslation();
  const { language } = useLocale();
  return (
    <SelectField
      label={t('app.language')}
      options={languages.map((id) => ({ id, label: t(`languages.${id}`) }))}
      value={language}
      defaultOpen={defaultOpen}
      onChange={(key) => {
        if (isLanguage(key) && key !== language) void i18n.changeLanguage(key);
      }}
    />
  );
}
