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
 * (`fund.*.json`, `donations.*.json`, `circular.*.json`, `gardens.*.json`, `reports.*.json`,
 * `dashboards.*.json`, `settings.*.json`, `lists.*.json`), mounted under their own key.
 * French, the default, ships in the entry bundle with the texts every page may show (the base,
 * and the settings and lists, which custom-field forms and list pickers show on many pages);
 * the contexts' own texts (`lazyParts`) ship with it too for now (see `frFirstLoad`), though
 * `loadCatalogsFor`, run by the root route before a page renders, can load them with their routes. English (`./en.ts`) is a chunk of its own, loaded whole
 * when someone chooses it (or chose it on this device before): the first load of the hub does
 * not carry a catalog most people never read.
 */
const frFirstLoad = {
  ...frBase,
  settings: settingsFr,
  lists: listsFr,
  // Shipped with the entry again: loaded with their routes, a text could be read before its
  // context arrived (a picker's options built once, an accessible name against a visible
  // label), which made two journeys fail now and then. The route loading below stays ready.
  fund: fundFr,
  donations: donationsFr,
  circular: circularFr,
  gardens: gardensFr,
  dashboards: dashboardsFr,
  reports: reportsFr,
};

/** The French texts of a context, a chunk each, loaded by the routes that show them. */
export const lazyParts = {
  fund: () => import('./fund.fr.json').then((m) => m.default),
  donations: () => import('./donations.fr.json').then((m) => m.default),
  circular: () => import('./circular.fr.json').then((m) => m.default),
  gardens: () => import('./gardens.fr.json').then((m) => m.default),
  dashboards: () => import('./dashboards.fr.json').then((m) => m.default),
  reports: () => import('./reports.fr.json').then((m) => m.default),
};
type LazyPart = keyof typeof lazyParts;
type FrenchCatalog = typeof frFirstLoad & {
  [P in LazyPart]: Awaited<ReturnType<(typeof lazyParts)[P]>>;
};

/** Which contexts' texts a path shows (what their pages import from other contexts too). */
const partsByPath: Array<[RegExp, LazyPart[]]> = [
  [/^\/fund(\/|$)/, ['fund']],
  [/^\/(donations|donors|receipts)(\/|$)/, ['donations', 'fund']],
  [/^\/circular(\/|$)/, ['circular']],
  [/^\/gardens(\/|$)/, ['gardens', 'circular', 'fund']],
  [/^\/reports(\/|$)/, ['reports']],
  [/^\/dashboards(\/|$)/, ['dashboards', 'reports']],
];

function partsFor(pathname: string): LazyPart[] {
  return partsByPath.filter(([pattern]) => pattern.test(pathname)).flatMap(([, parts]) => parts);
}

const loadedParts = new Set<LazyPart>(Object.keys(lazyParts) as LazyPart[]);
const loadingParts = new Map<LazyPart, Promise<void>>();

function isLazyPart(key: string): key is LazyPart {
  return Object.hasOwn(lazyParts, key);
}

/** Adds a context's French texts to the catalog (once); English has them all already. */
function loadPart(part: LazyPart): Promise<void> {
  const pending =
    loadingParts.get(part) ??
    lazyParts[part]().then(
      (texts) => {
        loadedParts.add(part);
        // Deep, overwriting nothing; the `added` event re-renders what used these texts.
        i18next.addResourceBundle('fr', 'translation', { [part]: texts }, true, false);
      },
      (error: unknown) => {
        loadingParts.delete(part);
        throw error;
      },
    );
  loadingParts.set(part, pending);
  return pending;
}

function frenchNeeded() {
  return (i18next.resolvedLanguage ?? i18next.language ?? defaultLanguage) !== 'en';
}

/**
 * Loads the French texts of the contexts a path shows, when French is in use: the root
 * route's `beforeLoad` (on navigation and on preload) awaits it. Nothing to wait for (the
 * usual case after the first visit) gives `undefined`, so navigation stays synchronous.
 */
export function loadCatalogsFor(pathname: string): Promise<void> | undefined {
  if (!frenchNeeded()) return undefined;
  const wanted = partsFor(pathname).filter((part) => !loadedParts.has(part));
  return wanted.length ? Promise.all(wanted.map(loadPart)).then(() => undefined) : undefined;
}

/**
 * A safety net for a context's text shown outside the paths `partsByPath` knows: a missing
 * key of a context not loaded yet starts loading it and shows nothing meanwhile (i18next's
 * `added` event then re-renders it with its text).
 */
function missingKey(key: string, defaultValue?: string): string {
  const part = key.split('.', 1)[0] ?? '';
  if (isLazyPart(part) && !loadedParts.has(part) && frenchNeeded()) {
    void loadPart(part).catch(() => undefined);
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
      // Back to French: the contexts' texts this page and the pages seen so far show come too.
      const parts = new Set([...loadingParts.keys(), ...partsFor(window.location.pathname)]);
      Promise.all([...parts].map((part) => loadPart(part).then(() => part))).then(
        () => callback(null, frFirstLoad),
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
      resources: { fr: { translation: frFirstLoad } },
      partialBundledLanguages: true,
      lng: storedLanguage(),
      fallbackLng: defaultLanguage,
      supportedLngs: [...Object.keys(intlLocales)],
      initAsync: false,
      // React escapes what it renders.
      interpolation: { escapeValue: false },
      returnNull: false,
      parseMissingKeyHandler: missingKey,
      // Re-render when a context's texts arrive (`addResourceBundle`).
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
