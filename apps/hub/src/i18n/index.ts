import i18next, { type BackendModule } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import circularFr from './circular.fr.json';
import dashboardsFr from './dashboards.fr.json';
import donationsFr from './donations.fr.json';
import frBase from './fr.json';
import fundFr from './fund.fr.json';
import gardensFr from './gardens.fr.json';
import { defaultLanguage, intlLocales, isLanguage, type Language } from './languages.ts';
import listsFr from './lists.fr.json';
import reportsFr from './reports.fr.json';
import settingsFr from './settings.fr.json';

export { type Language, languages } from './languages.ts';

const STORAGE_KEY = 'lakou.language';

/**
 * One catalog per language; the larger contexts keep their texts in a file of their own
 * (`fund.*.json`, `donations.*.json`, `circular.*.json`, `gardens.*.json`, `reports.*.json`, `settings.*.json`, `lists.*.json`), mounted under their own key.
 * French, the default, ships in the entry bundle; English (`./en.ts`) is a chunk of its own,
 * loaded when someone chooses it (or chose it on this device before): the first load of the
 * hub does not carry a catalog most people never read.
 */
export const fr = {
  ...frBase,
  fund: fundFr,
  donations: donationsFr,
  circular: circularFr,
  gardens: gardensFr,
  dashboards: dashboardsFr,
  reports: reportsFr,
  settings: settingsFr,
  lists: listsFr,
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

/** Loads a language's catalog on demand (i18next calls it before switching to that language). */
const lazyCatalogs: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language === 'en') {
      import('./en.ts').then(
        (module) => callback(null, module.en),
        (error: Error) => callback(error, false),
      );
    } else {
      callback(null, fr);
    }
  },
};

/**
 * Starts i18next in the stored language. `ready` settles once that language's catalog is there
 * (at once for French; after the English chunk has loaded for English): render after it.
 */
export function initI18n() {
  i18next.on('languageChanged', applyLanguage);
  const ready = i18next
    .use(lazyCatalogs)
    .use(initReactI18next)
    .init({
      resources: { fr: { translation: fr } },
      partialBundledLanguages: true,
      lng: storedLanguage(),
      fallbackLng: defaultLanguage,
      supportedLngs: [...Object.keys(intlLocales)],
      initAsync: false,
      // React escapes what it renders.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return { i18n: i18next, ready };
}

/** The active language and its Intl locale, re-rendering when the language changes. */
export function useLocale(): { language: Language; locale: string } {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLanguage;
  return { language, locale: intlLocales[language] };
}
