/**
 * The words the core gives the template screens (pack diffs, the compare view), in the
 * interface's language: the `core` part of the `templates` catalogue (the same JSON the renderer
 * reads as `useTranslation('templates')`), the record's field names and the enum labels of
 * core/i18n. English gives the app's own labels word for word (`describeFieldValue`). Pure.
 */
import { describeFieldValue } from '../records/field-names'
import { describeFieldPathIn, labelIn, lookupText, termLabelIn } from '../i18n/catalogues'
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

/** Which label group of core/i18n a stored value is named from, by the field that holds it (as `describeFieldValue` does in English). */
const VALUE_GROUPS: Record<string, string> = {
  lawfulBasis: 'lawfulBasis',
  role: 'role',
  status: 'status',
  mode: 'retentionMode',
  unit: 'retentionUnit',
  endAction: 'endAction',
  safeguard: 'safeguard',
  mechanism: 'mechanism',
  instrument: 'instrument',
  sccModule: 'sccModule',
  derogation: 'derogation',
  type: 'recipientType',
  condition: 'art9',
  category: 'specialCategory',
  securityMeasures: 'security',
  measures: 'security',
  required: 'dpiaRequired',
  resolution: 'resolution'
}
const TERM_FIELDS = new Set(['term', 'uses', 'dataSubjects'])

/** An enum value's label in one language; a value the catalogue does not know is shown as stored. */
export function enumLabelIn(locale: Locale, group: string, value: string): string {
  const label = labelIn(locale, group, value)
  return label === `${group}.${value}` ? value : label
}

function valueLabel(path: string, value: string, locale: Locale): string {
  const last = path.replace(/\[[^\]]*\]/g, '').split('.').filter(Boolean).at(-1) ?? ''
  if (TERM_FIELDS.has(last)) return termLabelIn(value, locale)
  if (last === 'kind' && hasTemplateText(`kind.${value}`)) return templateText(locale, `kind.${value}`)
  const group = VALUE_GROUPS[last]
  return group ? enumLabelIn(locale, group, value) : value
}

/** A field's name in one language: the record's words, else the pack's own (`core.packField`). */
export function fieldNameIn(key: string, locale: Locale): string {
  if (hasTemplateText(`packField.${key}`)) return templateText(locale, `packField.${key}`)
  return describeFieldPathIn(key, locale)
}

/**
 * A stored value as a person reads it in one language: enum keys as their labels, vocabulary
 * terms by name, yes/no, lists joined, an item as its labelled fields. English is
 * `describeFieldValue`'s text exactly.
 */
export function describeValueIn(path: string, value: unknown, locale: Locale): string {
  if (locale === 'en') return describeFieldValue(path, value)
  if (value === undefined || value === null) return '—'
  if (value === '') return templateText(locale, 'value.empty')
  if (typeof value === 'boolean') return lookupText(locale, value ? 'labels:yes' : 'labels:no')
  if (typeof value === 'string') return valueLabel(path, value, locale)
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.length === 0 ? templateText(locale, 'value.none') : value.map((item) => describeValueIn(path, item, locale)).join(', ')
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([key, inner]) => key !== 'id' && inner !== '' && inner !== undefined && inner !== null && !(Array.isArray(inner) && inner.length === 0))
      .map(([key, inner]) => `${fieldNameIn(key, locale)}${colon(locale)}${describeValueIn(`${path}.${key}`, inner, locale)}`)
    return parts.length === 0 ? templateText(locale, 'value.empty') : parts.join('; ')
  }
  return '—'
}

/** French sets a space before a colon. */
export const colon = (locale: Locale): string => (locale === 'fr' ? ' : ' : ': ')
