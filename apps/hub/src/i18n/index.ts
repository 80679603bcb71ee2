import i18next, { type BackendModule } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { defaultLanguage, intlLocales, isLanguage, type Language } from './languages.ts';
import type { pagesFr } from './pages.fr.ts';
import shellFr from './shell.fr.json';

export { type Language, languages } from './languages.ts';

const STORAGE_KEY = 'lakou.language';

/**
 * One catalog per language. French, the default, comes in two parts: the entry bundle carries
 * what every page's frame shows and what a visitor signing in reads (`shell.fr.json`: banner,
 * navigation, errors, « Accès non autorisé », the sign-in page); the texts of the other
 * pages (`pages.fr.ts`: the base catalog `fr.json` and the contexts' files, fund,
 * gifts, circular economy, gardens, reports, dashboards, settings, lists) are one chunk, which
 * the root route's `beforeLoad` awaits before any of those pages renders, so no component ever
 * reads a text before it is there. English (`./en.ts`) is a chunk of its own, loaded whole when
 * someone chooses it (or chose it on this device before).
 */
type PagesCatalog = typeof pagesFr;
type FrenchCatalog = typeof shellFr & PagesCatalog;

/** The page that shows the entry's texts alone: what a visitor sees before signing in (the server's preloads, build/route-preloads.ts, name it too). */
const SHELL_ONLY_PATH = /^\/sign-in\/?$/;

let pagesTexts: PagesCatalog | undefined;
let pagesLoading: Promise<void> | undefined;

/** Adds the signed-in pages' French texts to the catalog (once); English has them all already. */
function loadPagesTexts(): Promise<void> {
  pagesLoading ??= import('./pages.fr.ts').then(
    ({ pagesFr }) => {
      pagesTexts = pagesFr;
      // Deep (the shell holds a few keys of the same groups), overwriting nothing; the `added`
      // event re-renders what used these texts.
      i18next.addResourceBundle('fr', 'translation', pagesFr, true, false);
    },
    (error: unknown) => {
      pagesLoading = undefined;
      throw error;
    },
  );
  return pagesLoading;
}

type Texts = { [key: string]: string | Texts };

/** `base` with `extra`'s keys added, groups merged key by key. */
function mergeTexts(base: Texts, extra: Texts): Texts {
  const merged: Texts = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] =
      typeof current === 'object' && typeof value === 'object' ? mergeTexts(current, value) : value;
  }
  return merged;
}

/** The French catalog as far as it has loaded. */
function frenchTexts(): Texts {
  return pagesTexts ? mergeTexts(shellFr, pagesTexts) : shellFr;
}

function frenchNeeded() {
  return (i18next.resolvedLanguage ?? i18next.language ?? defaultLanguage) !== 'en';
}

/**
 * Loads the French texts a path's page shows, when French is in use: the root route's
 * `beforeLoad` (on navigation and on preload) awaits it. Nothing to wait for (the usual case
 * after the first page) gives `undefined`, so navigation stays synchronous.
 */
export function loadCatalogsFor(pathname: string): Promise<void> | undefined {
  if (pagesTexts || !frenchNeeded() || SHELL_ONLY_PATH.test(pathname)) return undefined;
  return loadPagesTexts();
}

/**
 * A safety net for a page's text read where just the entry's texts are loaded (the sign-in
 * pages): it starts loading them and shows nothing meanwhile (i18next's `added` event then
 * re-renders it with its text).
 */
function missingKey(key: string, defaultValue?: string): string {
  if (!pagesTexts && frenchNeeded()) {
    void loadPagesTexts().catch(() => undefined);
    return defaultValue ?? '';
  }
  // What i18next shows without this handler: the default value given, else the key.
  return defaultValue ?? key;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // French is the reference catalog: keys missing from it are type errors.
    resources: { translation: FrenchCatalog };
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
      // Back to French: the pages' texts come first when this page (or an earlier one) shows them.
      const wanted =
        pagesLoading ??
        (SHELL_ONLY_PATH.test(window.location.pathname) ? undefined : loadPagesTexts());
      Promise.resolve(wanted).then(
        () => callback(null, frenchTexts()),
        (error: Error) => callback(error, false),
      );
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
      resources: { fr: { translation: shellFr } },
      partialBundledLanguages: true,
      lng: storedLanguage(),
      fallbackLng: defaultLanguage,
      supportedLngs: [...Object.keys(intlLocales)],
      initAsync: false,
      // React escapes what it renders.
      interpolation: { escapeValue: false },
      returnNull: false,
      parseMissingKeyHandler: missingKey,
      // Re-render when the pages' texts arrive (`addResourceBundle`).
      react: { bindI18nStore: 'added' },
    });
  return { i18n: i18next, ready };
}

/** The active language and its Intl locale, re-rendering when the language changes. */
export function useLocale(): { language: Language; locale: string } {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : defaultLanguage;
  return { language, locale: intlLocales[language] };
}
