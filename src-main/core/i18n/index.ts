/**
 * Languages of the app, its exports and its command line (issue #13).
 * Pure: no React, DOM or Node; the renderer and the CLI build on these names.
 */
export const LOCALES = ['en', 'fr', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first supported language among the preferred ones (e.g. `navigator.languages`,
 * `app.getPreferredSystemLanguages()`), matching on the primary subtag ("fr-CA" → fr);
 * English when none is supported.
 */
export function resolveLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}
