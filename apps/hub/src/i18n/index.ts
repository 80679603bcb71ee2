import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import circularEn from './circular.en.json';
import circularFr from './circular.fr.json';
import dashboardsEn from './dashboards.en.json';
import dashboardsFr from './dashboards.fr.json';
import donationsEn from './donations.en.json';
import donationsFr from './donations.fr.json';
import enBase from './en.json';
import frBase from './fr.json';
import fundEn from './fund.en.json';
import fundFr from './fund.fr.json';
import gardensEn from './gardens.en.json';
import gardensFr from './gardens.fr.json';
import { defaultLanguage, intlLocales, isLanguage, type Language } from './languages.ts';
import reportsEn from './reports.en.json';
import reportsFr from './reports.fr.json';

export { type Language, languages } from './languages.ts';

const STORAGE_KEY = 'lakou.language';

/**
 * One catalog per language; the larger contexts keep their texts in a file of their own
 * (`fund.*.json`, `donations.*.json`, `circular.*.json`, `gardens.*.json`, `reports.*.json`), mounted under their own key.
 */
export const fr = {
  ...frBase,
  fund: fundFr,
  donations: donationsFr,
  circular: circularFr,
  gardens: gardensFr,
  dashboards: dashboardsFr,
  reports: reportsFr,
};
export const en = {
  ...enBase,
  fund: fundEn,
  donations: donationsEn,
  circular: circularEn,
  gardens: gardensEn,
  dashboards: dashboardsEn,
  reports: reportsEn,
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // French is the reference catalog: keys missing from it are type errors.
    resources: { translation: typeof fr };
  }
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : defaultLanguage;
  } catch {
    // Storage can be disabled (private mode, strict settings): fall back to French.
    return defaultLanguage;
  }
}

function applyLanguage(language: string) {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Nothing to do: the choice simply will not survive a reload.
  }
}

export function initI18n() {
  i18next.on('languageChanged', applyLanguage);
  void i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: defaultLanguage,
    supportedLngs: [...Object.keys(intlLocales)],
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** The active language and its Intl locale, re-rendering when the language changes. */
export function useLocale(): { language: Language; locale: string } {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLanguage;
  return { language, locale: intlLocales[language] };
}
