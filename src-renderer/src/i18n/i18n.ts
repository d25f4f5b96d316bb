/**
 * The interface's language: one i18next instance for the whole renderer, ready before the first
 * paint (the catalogues are bundled, so initialisation is synchronous), with react-i18next bound
 * to it. The first run follows the browser's or the system's languages (`navigator.languages`);
 * a choice made in the picker is kept in localStorage (see `LOCALE_STORAGE_KEY`).
 */
import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { DEFAULT_LOCALE, LOCALES, isLocale, resolveLocale, type Locale } from '@core/i18n'
import { setValidationLocale } from '@core/i18n/validation'
import { UI_CATALOGUES } from './catalogues'

/**
 * The chosen language is kept in localStorage, not in the database: it must be known before the
 * first paint (IndexedDB answers asynchronously, and a database that fails to open still needs
 * its error screen in the user's language), and it is a preference of the person at this
 * computer (the browser profile, or Electron's user-data folder of this system user), not part of
 * the register: it stays out of backups, restores and the audit trail.
 */
export const LOCALE_STORAGE_KEY = 'ropa.locale'

function storedLocale(): Locale | undefined {
  try {
    const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(LOCALE_STORAGE_KEY)
    return isLocale(value) ? value : undefined
  } catch {
    return undefined // storage disabled: follow the browser's languages
  }
}

function browserLocales(): readonly string[] {
  if (typeof navigator === 'undefined') return []
  return navigator.languages?.length ? navigator.languages : [navigator.language]
}

/** The language on start: the saved choice, else the first supported browser/system language, else English. */
export function initialLocale(): Locale {
  return storedLocale() ?? resolveLocale(browserLocales())
}

export const i18n: I18n = i18next.createInstance()
void i18n.use(initReactI18next).init({
  resources: UI_CATALOGUES,
  lng: initialLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  defaultNS: 'ui',
  ns: ['ui', 'labels', 'templates', 'drafting', 'importExport'],
  initAsync: false,
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  returnNull: false
})
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language
// The record schemas' validation messages (the editor's, a restore's) follow the interface's language.
const followLanguage = (language: string) => setValidationLocale(isLocale(language) ? language : DEFAULT_LOCALE)
followLanguage(i18n.language)
i18n.on('languageChanged', followLanguage)

/** The interface's current language. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE
}

/** Switches the interface's language and remembers the choice for the next start. */
export async function chooseLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Storage disabled: the choice holds for this session only.
  }
  await i18n.changeLanguage(locale)
  document.documentElement.lang = locale
}

/**
 * The translation function for code outside components (toasts, helpers, messages built in
 * services). Components use `useTranslation()`, which also re-renders them when the language changes.
 */
export const t = i18n.t
