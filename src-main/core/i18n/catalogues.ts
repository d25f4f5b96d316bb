/**
 * The core's catalogues, by language and namespace, and lookups into them. English comes from
 * the app's own labels where they already exist (enums, field names, vocabulary), so nothing is
 * written twice; French and German give every key (a test checks), except the vocabulary, where
 * a term without a French or German label falls back to English (`untranslatedVocabulary`).
 */
import { describeFieldPath, describeFieldValue, type FieldPathWords, type ItemPosition } from '../records/field-names'
import { CUSTOM_TERM_PREFIX, VOCABULARY } from '../vocabulary/vocabulary'
import type { Locale } from './index'
import { interpolate, renderMessage, type MessageRef } from './message'
import deCli from './locales/de/cli'
import deFindings from './locales/de/findings'
import deLabels from './locales/de/labels'
import deProblems from './locales/de/problems'
import deRules from './locales/de/rules'
import deVocabulary from './locales/de/vocabulary'
import deWorkbook from './locales/de/workbook'
import enCli from './locales/en/cli'
import enFindings from './locales/en/findings'
import enLabels from './locales/en/labels'
import enProblems from './locales/en/problems'
import enRules from './locales/en/rules'
import enWorkbook from './locales/en/workbook'
import frCli from './locales/fr/cli'
import frFindings from './locales/fr/findings'
import frLabels from './locales/fr/labels'
import frProblems from './locales/fr/problems'
import frRules from './locales/fr/rules'
import frVocabulary from './locales/fr/vocabulary'
import frWorkbook from './locales/fr/workbook'

export const CORE_NAMESPACES = ['findings', 'labels', 'vocabulary', 'workbook', 'cli', 'problems', 'rules'] as const
export type CoreNamespace = (typeof CORE_NAMESPACES)[number]
export type Catalogue = Readonly<Record<string, string>>

const enVocabulary: Record<string, string> = {}
for (const entries of Object.values(VOCABULARY)) for (const entry of entries) enVocabulary[entry.key] ??= entry.name

export const CATALOGUES: Record<Locale, Record<CoreNamespace, Catalogue>> = {
  en: { findings: enFindings, labels: enLabels, vocabulary: enVocabulary, workbook: enWorkbook, cli: enCli, problems: enProblems, rules: enRules },
  fr: { findings: frFindings, labels: frLabels, vocabulary: frVocabulary, workbook: frWorkbook, cli: frCli, problems: frProblems, rules: frRules },
  de: { findings: deFindings, labels: deLabels, vocabulary: deVocabulary, workbook: deWorkbook, cli: deCli, problems: deProblems, rules: deRules }
}

function split(namespacedKey: string): [CoreNamespace, string] {
  const colon = namespacedKey.indexOf(':')
  return colon === -1 ? ['findings', namespacedKey] : [namespacedKey.slice(0, colon) as CoreNamespace, namespacedKey.slice(colon + 1)]
}

const EMPTY: Record<string, string | number> = {}

/** One key in one language, English when the language lacks it, the key itself when English does too. */
export function lookupText(locale: Locale, namespacedKey: string, params: Record<string, string | number> = EMPTY): string {
  const [namespace, key] = split(namespacedKey)
  if (namespace === 'vocabulary') return termLabelIn(key, locale)
  if ((namespace as string) === 'fieldPath') return describeFieldPathIn(key, locale)
  const template = CATALOGUES[locale][namespace]?.[key] ?? CATALOGUES.en[namespace]?.[key] ?? key
  return interpolate(template, params)
}

/** A message said in one language. */
export function translateMessage(ref: MessageRef, locale: Locale): string {
  return renderMessage(ref, (key, params) => lookupText(locale, key, params), locale)
}

/** A vocabulary term's label in one language: free text as typed, an unknown key as it is. */
export function termLabelIn(term: string, locale: Locale): string {
  if (term.startsWith(CUSTOM_TERM_PREFIX)) return term.slice(CUSTOM_TERM_PREFIX.length)
  return CATALOGUES[locale].vocabulary[term] ?? enVocabulary[term] ?? term
}

/** The vocabulary keys a language has no label for (shown in English). */
export function untranslatedVocabulary(locale: Locale): string[] {
  return Object.keys(enVocabulary).filter((key) => CATALOGUES[locale].vocabulary[key] === undefined)
}

/** An enum value's label (`labels:<group>.<key>`), e.g. `labelIn('fr', 'role', 'processor')` → "Sous-traitant". */
export function labelIn(locale: Locale, group: string, key: string): string {
  return lookupText(locale, `labels:${group}.${key}`)
}

/**
 * A citation as the Regulation's language version writes it: 'Art. 30(1)(b)' → "art. 30, § 1, b)"
 * (fr), "Art. 30 Abs. 1 lit. b" (de); English as it is. Anything not in that form stays as it is.
 */
export function formatArticle(article: string, locale: Locale): string {
  if (locale === 'en') return article
  const match = /^Art\. (\d+)((?:\(\d+\))?)((?:\([a-z]\))?)$/.exec(article)
  if (!match) return article
  const [, number, paragraph = '', point = ''] = match
  const paragraphNumber = paragraph.slice(1, -1)
  const letter = point.slice(1, -1)
  if (locale === 'fr') return `art. ${number}${paragraphNumber ? `, § ${paragraphNumber}` : ''}${letter ? `, ${letter})` : ''}`
  return `Art. ${number}${paragraphNumber ? ` Abs. ${paragraphNumber}` : ''}${letter ? ` lit. ${letter}` : ''}`
}

const pathWords = new Map<Locale, FieldPathWords>()
function fieldPathWords(locale: Locale): FieldPathWords {
  let words = pathWords.get(locale)
  if (!words) {
    const items: Record<string, string> = {}
    const fields: Record<string, string> = {}
    for (const [key, label] of Object.entries(CATALOGUES[locale].labels)) {
      if (key.startsWith('item.')) items[key.slice(5)] = label
      else if (key.startsWith('field.')) fields[key.slice(6)] = label
    }
    pathWords.set(locale, (words = { items, fields }))
  }
  return words
}

/** `purposes.0.lawfulBasis` → "Finalité 1 › Base légale" (fr): the editor's words in one language. */
export function describeFieldPathIn(path: string, locale: Locale, position?: ItemPosition): string {
  return locale === 'en' ? describeFieldPath(path, position) : describeFieldPath(path, position, fieldPathWords(locale))
}

/** The label group (`labels:<group>.<key>`) a stored value is said with, by the field that holds it (see field-names.ts). */
const VALUE_GROUPS: Readonly<Record<string, string>> = {
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
  required: 'dpiaRequired',
  resolution: 'resolution'
}
const VALUE_TERM_FIELDS = new Set(['term', 'uses', 'dataSubjects'])

/**
 * `describeFieldValue` in one language: enum keys by their label, vocabulary terms by name, yes/no,
 * lists joined, an item as its labelled fields. A value with no label in that language reads as
 * English says it (a key the catalogue lacks falls back to English, then to the value itself).
 */
export function describeFieldValueIn(path: string, value: unknown, locale: Locale): string {
  if (locale === 'en') return describeFieldValue(path, value)
  if (value === undefined || value === null) return '—'
  if (value === '') return lookupText(locale, 'problems:value.empty')
  if (typeof value === 'boolean') return lookupText(locale, value ? 'labels:yes' : 'labels:no')
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') {
    const parts = path.replace(/\[[^\]]*\]/g, '').split('.').filter(Boolean)
    const last = parts.at(-1) ?? ''
    if (VALUE_TERM_FIELDS.has(last)) return termLabelIn(value, locale)
    const group = last === 'status' && parts.at(-2) === 'dpia' ? 'dpiaStatus' : VALUE_GROUPS[last]
    if (!group) return value
    const key = `labels:${group}.${value}`
    const said = lookupText(locale, key)
    return said === `${group}.${value}` ? describeFieldValue(path, value) : said
  }
  if (Array.isArray(value)) return value.length === 0 ? lookupText(locale, 'problems:value.none') : value.map((item) => describeFieldValueIn(path, item, locale)).join(', ')
  if (typeof value === 'object') {
    const words = fieldPathWords(locale)
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([key, inner]) => key !== 'id' && inner !== '' && inner !== undefined && inner !== null && !(Array.isArray(inner) && inner.length === 0))
      .map(([key, inner]) => `${words.fields[key] ?? describeFieldPath(key)}: ${describeFieldValueIn(`${path}.${key}`, inner, locale)}`)
    return parts.length === 0 ? lookupText(locale, 'problems:value.empty') : parts.join('; ')
  }
  return describeFieldValue(path, value)
}
