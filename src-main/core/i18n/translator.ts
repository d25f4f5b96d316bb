/**
 * An i18next instance for one language, holding the core's catalogues (findings, labels,
 * vocabulary, workbook), without React: the CLI uses it, and the interface adds its own `ui`
 * namespace to it (`addResourceBundle`) and hands it to react-i18next. Keys are flat
 * (`art30-purposes.none`), parameters `{{name}}`; text is not HTML-escaped (no HTML is made from it).
 */
import i18next, { type i18n as I18n } from 'i18next'
import type { Locale } from './index'
import { CATALOGUES, CORE_NAMESPACES, describeFieldPathIn, formatArticle, termLabelIn, translateMessage } from './catalogues'
import type { MessageRef } from './message'

export interface Translator {
  locale: Locale
  i18n: I18n
  /** Any core key, `namespace:key` (the interface's typed `t` knows only its own `ui` keys). */
  t: (key: string, params?: Record<string, string | number>) => string
  /** A finding's message or fix (or any message) in this language. */
  message(ref: MessageRef): string
  article(article: string): string
  term(term: string): string
  fieldPath(path: string): string
}

export function createTranslator(locale: Locale): Translator {
  const i18n = i18next.createInstance()
  void i18n.init({
    lng: locale,
    fallbackLng: 'en',
    ns: [...CORE_NAMESPACES],
    defaultNS: 'findings',
    // Keys hold dots ('art30-purposes.none'); they are names, not paths.
    keySeparator: false,
    nsSeparator: ':',
    interpolation: { escapeValue: false },
    resources: Object.fromEntries(Object.entries(CATALOGUES).map(([language, namespaces]) => [language, { ...namespaces }])),
    initAsync: false
  })
  return {
    locale,
    i18n,
    t: (key, params) => (i18n.t as unknown as (key: string, params?: Record<string, string | number>) => string)(key, params),
    message: (ref) => translateMessage(ref, locale),
    article: (article) => formatArticle(article, locale),
    term: (term) => termLabelIn(term, locale),
    fieldPath: (path) => describeFieldPathIn(path, locale)
  }
}
