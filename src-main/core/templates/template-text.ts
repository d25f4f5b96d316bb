/**
 * The words the core gives the template screens (pack diffs, the compare view), in the
 * interface's language: the `core` part of the `templates` catalogue (the same JSON the renderer
 * reads as `useTranslation('templates')`), and the record's field and value names of core/i18n.
 * English gives the app's own labels word for word (`describeFieldValue`). Pure.
 */
import { describeFieldPathIn, describeFieldValueIn, labelIn } from '../i18n/catalogues'
import type { Locale } from '../i18n'
import { interpolate } from '../i18n/message'
import enTemplates from '../i18n/locales/en/templates.json'
import frTemplates from '../i18n/locales/fr/templates.json'
import deTemplates from '../i18n/locales/de/templates.json'

type Tree = { readonly [key: string]: string | Tree }
const TEMPLATE_CATALOGUES: Record<Locale, Tree> = { en: enTemplates, fr: frTemplates, de: deTemplates }

function find(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  return typeof node === 'string' ? node : undefined
}

/** Whether the `core` catalogue has `key` (in English, which has every key). */
export function hasTemplateText(key: string): boolean {
  return find(TEMPLATE_CATALOGUES.en, `core.${key}`) !== undefined
}

/**
 * `core.<key>` of the templates catalogue in one language, English when it lacks the key; a
 * numeric `count` picks the language's plural form (`_one`, `_other`), as i18next does.
 */
export function templateText(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const keys = typeof params.count === 'number' ? [`${key}_${new Intl.PluralRules(locale).select(params.count)}`, `${key}_other`] : [key]
  for (const catalogue of [TEMPLATE_CATALOGUES[locale], TEMPLATE_CATALOGUES.en]) {
    for (const candidate of keys) {
      const template = find(catalogue, `core.${candidate}`)
      if (template !== undefined) return interpolate(template, params)
    }
  }
  return key
}

/** An enum value's label in one language; a value the catalogue does not know is shown as stored. */
export function enumLabelIn(locale: Locale, group: string, value: string): string {
  const label = labelIn(locale, group, value)
  return label === `${group}.${value}` ? value : label
}

/** A field's name in one language: the pack's own fields (`core.packField`), else the record's words. */
export function fieldNameIn(key: string, locale: Locale): string {
  if (hasTemplateText(`packField.${key}`)) return templateText(locale, `packField.${key}`)
  return describeFieldPathIn(key, locale)
}

/**
 * A stored value as a person reads it in one language: values as the editor names them
 * (`describeFieldValueIn`); an item as its fields, named with the pack's words too and with the
 * language's colon. English is `describeFieldValue`'s text exactly.
 */
export function describeValueIn(path: string, value: unknown, locale: Locale): string {
  if (locale === 'en' || typeof value !== 'object' || value === null || Array.isArray(value)) return describeFieldValueIn(path, value, locale)
  const parts = Object.entries(value as Record<string, unknown>)
    .filter(([key, inner]) => key !== 'id' && inner !== '' && inner !== undefined && inner !== null && !(Array.isArray(inner) && inner.length === 0))
    .map(([key, inner]) => `${fieldNameIn(key, locale)}${colon(locale)}${describeValueIn(`${path}.${key}`, inner, locale)}`)
  return parts.length === 0 ? templateText(locale, 'value.empty') : parts.join('; ')
}

/** French sets a space before a colon. */
export const colon = (locale: Locale): string => (locale === 'fr' ? ' : ' : ': ')
/** And before a semicolon. */
export const semicolon = (locale: Locale): string => (locale === 'fr' ? ' ; ' : '; ')
