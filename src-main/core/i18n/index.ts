/**
 * Languages of the interface, the workbook, the findings and the CLI. Pure: no React, no DOM,
 * so the renderer, the CLI and the workbook writer share one list and one resolution rule.
 */
export const LOCALES = ['en', 'fr', 'de'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/** Names in their own language, for a picker (a user who cannot read the current language still finds theirs). */
export const LOCALE_NATIVE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/**
 * The first supported language in a preference list such as `navigator.languages` or
 * `LANG`-style tags ('fr-FR', 'de_DE.UTF-8', 'en'); English when none is supported.
 */
export function resolveLocale(preferences: readonly (string | null | undefined)[]): Locale {
  for (const tag of preferences) {
    if (!tag) continue
    const primary = tag.trim().toLowerCase().split(/[-_.@]/)[0]
    if (isLocale(primary)) return primary
  }
  return DEFAULT_LOCALE
}
