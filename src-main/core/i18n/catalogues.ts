/**
 * The core's catalogues, by language and namespace, and lookups into them. English comes from
 * the app's own labels where they already exist (enums, field names, vocabulary), so nothing is
 * written twice; French and German give every key (tests check, the vocabulary's too); a vocabulary
 * term added without a French or German label falls back to English (`untranslatedVocabulary`).
 */
import { describeFieldPath, describeFieldValue, ENGLISH_VALUE_WORDS, type FieldValueWords, type ItemPosition } from '../records/field-names'
import { CUSTOM_TERM_PREFIX, VOCABULARY } from '../vocabulary/vocabulary'
import type { Locale } from './index'
import { interpolate, renderMessage, type MessageRef } from './message'
import dePackProblems from './locales/de/packProblems'
import deFileProblems from './locales/de/fileProblems'
import deAudit from './locales/de/audit'
import deRecordText from './locales/de/recordText'
import deDraftReasons from './locales/de/draftReasons'
import enPackProblems from './locales/en/packProblems'
import enFileProblems from './locales/en/fileProblems'
import enAudit from './locales/en/audit'
import enRecordText from './locales/en/recordText'
import enDraftReasons from './locales/en/draftReasons'
import frPackProblems from './locales/fr/packProblems'
import frFileProblems from './locales/fr/fileProblems'
import frAudit from './locales/fr/audit'
import frRecordText from './locales/fr/recordText'
import frDraftReasons from './locales/fr/draftReasons'
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

export const CORE_NAMESPACES = ['findings', 'labels', 'vocabulary', 'workbook', 'cli', 'problems', 'rules', 'packProblems', 'fileProblems', 'audit', 'recordText', 'draftReasons'] as const
export type CoreNamespace = (typeof CORE_NAMESPACES)[number]
export type Catalogue = Readonly<Record<string, string>>

const enVocabulary: Record<string, string> = {}
for (const entries of Object.values(VOCABULARY)) for (const entry of entries) enVocabulary[entry.key] ??= entry.name

export const CATALOGUES: Record<Locale, Record<CoreNamespace, Catalogue>> = {
  en: { findings: enFindings, labels: enLabels, vocabulary: enVocabulary, workbook: enWorkbook, cli: enCli, problems: enProblems, rules: enRules, packProblems: enPackProblems, fileProblems: enFileProblems, audit: enAudit, recordText: enRecordText, draftReasons: enDraftReasons },
  fr: { findings: frFindings, labels: frLabels, vocabulary: frVocabulary, workbook: frWorkbook, cli: frCli, problems: frProblems, rules: frRules, packProblems: frPackProblems, fileProblems: frFileProblems, audit: frAudit, recordText: frRecordText, draftReasons: frDraftReasons },
  de: { findings: deFindings, labels: deLabels, vocabulary: deVocabulary, workbook: deWorkbook, cli: deCli, problems: deProblems, rules: deRules, packProblems: dePackProblems, fileProblems: deFileProblems, audit: deAudit, recordText: deRecordText, draftReasons: deDraftReasons }
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
  if ((namespace as string) === 'article') return formatArticle(key, locale)
  const template = CATALOGUES[locale][namespace]?.[key] ?? pluralIn(locale, namespace, key, params.count) ?? CATALOGUES.en[namespace]?.[key] ?? pluralIn('en', namespace, key, params.count) ?? key
  return interpolate(template, params)
}

const pluralRules = new Map<Locale, Intl.PluralRules>()
/** A key without a text of its own and a numeric `count`: its `_one` / `_other` form in that language, as i18next picks them. */
function pluralIn(locale: Locale, namespace: CoreNamespace, key: string, count: string | number | undefined): string | undefined {
  if (typeof count !== 'number') return undefined
  let rules = pluralRules.get(locale)
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)))
  const catalogue = CATALOGUES[locale][namespace]
  return catalogue?.[`${key}_${rules.select(count)}`] ?? catalogue?.[`${key}_other`]
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
 * A citation in the style of the Regulation's language version, from the stored English form
 * (see docs/i18n-glossary.md, "Article references"): the Regulation's own words for article,
 * paragraph and point, abbreviated, and its numbers as they are.
 *   'Art. 30(1)(b)'  → "Art. 30, par. 1, point b)" (fr), "Art. 30 Abs. 1 lit. b" (de)
 *   'Art. 30(1)(c)(f)' → "Art. 30, par. 1, points c) et f)", "Art. 30 Abs. 1 lit. c und f"
 *   'Art. 49(1), second subparagraph' → "Art. 49, par. 1, deuxième alinéa", "Art. 49 Abs. 1 Unterabs. 2"
 *   'Art. 9, 10' → "Art. 9 et 10", "Art. 9 und 10"
 * English stays as it is, and so does anything not in one of these forms. The result stands on
 * its own (a label, a heading, a cell), hence "Art." with a capital in French too; running French
 * text writes the reference out ("l’article 6, paragraphe 1"), as the Regulation does.
 */
export function formatArticle(article: string, locale: Locale): string {
  if (locale === 'en') return article
  const list = /^Art\. (\d+), (\d+)$/.exec(article)
  if (list) return `Art. ${list[1]} ${CITATION_WORDS[locale].and} ${list[2]}`
  const match = /^Art\. (\d+)(?:\((\d+)\))?((?:\([a-z]\))*)(, second subparagraph)?$/.exec(article)
  if (!match) return article
  const [, number, paragraph, pointGroup = '', secondSubparagraph] = match
  const points = [...pointGroup.matchAll(/\(([a-z])\)/g)].map((point) => point[1]!)
  const words = CITATION_WORDS[locale]
  return words.cite(number!, paragraph, points, secondSubparagraph !== undefined)
}

/**
 * "Art. 30(1)(b) Purposes of the processing", « Art. 30, par. 1, point b) Finalités du traitement »:
 * the citation in the language's style and, for an item of Art. 30, its title in that language.
 * The findings panel and `ropa check` head their groups with it.
 */
export function articleHeadingIn(article: string, locale: Locale): string {
  const title = CATALOGUES[locale].labels[`article.${article}`] ?? CATALOGUES.en.labels[`article.${article}`]
  const citation = formatArticle(article, locale)
  return title ? `${citation} ${title}` : citation
}

interface CitationWords {
  and: string
  cite(article: string, paragraph: string | undefined, points: readonly string[], secondSubparagraph: boolean): string
}

const joinAll = (items: readonly string[], and: string): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)!}`)

const CITATION_WORDS: Record<Exclude<Locale, 'en'>, CitationWords> = {
  // RGPD FR: « l’article 30, paragraphe 1, point a) », « paragraphe 1, deuxième alinéa » (art. 49, § 3).
  fr: {
    and: 'et',
    cite: (article, paragraph, points, secondSubparagraph) =>
      `Art. ${article}${paragraph ? `, par. ${paragraph}` : ''}${secondSubparagraph ? ', deuxième alinéa' : ''}${
        points.length ? `, ${points.length > 1 ? 'points' : 'point'} ${joinAll(points.map((point) => `${point})`), 'et')}` : ''
      }`
  },
  // DSGVO DE: „Artikel 30 Absatz 1 Buchstabe a“, „Absatz 1 Unterabsatz 2“ (Art. 49 Abs. 3); short: Art. / Abs. / lit. / Unterabs.
  de: {
    and: 'und',
    cite: (article, paragraph, points, secondSubparagraph) =>
      `Art. ${article}${paragraph ? ` Abs. ${paragraph}` : ''}${secondSubparagraph ? ' Unterabs. 2' : ''}${points.length ? ` lit. ${joinAll(points, 'und')}` : ''}`
  }
}

const valueWords = new Map<Locale, FieldValueWords>()
/** The editor's words for fields, items and values in one language, from the `labels` catalogue. */
function fieldWords(locale: Locale): FieldValueWords {
  if (locale === 'en') return ENGLISH_VALUE_WORDS
  let words = valueWords.get(locale)
  if (!words) {
    const labels = CATALOGUES[locale].labels
    const items: Record<string, string> = {}
    const fields: Record<string, string> = {}
    for (const [key, label] of Object.entries(labels)) {
      if (key.startsWith('item.')) items[key.slice(5)] = label
      else if (key.startsWith('field.')) fields[key.slice(6)] = label
    }
    const say = (key: string) => labels[key] ?? CATALOGUES.en.labels[key] ?? key
    words = { items, fields, label: (group, key) => labels[`${group}.${key}`], term: (term) => termLabelIn(term, locale), yes: say('yes'), no: say('no'), empty: say('empty'), none: say('none') }
    valueWords.set(locale, words)
  }
  return words
}

/** `purposes.0.lawfulBasis` → "Finalité 1 › Base légale" (fr): the editor's words in one language; `position` numbers the history's item ids. */
export function describeFieldPathIn(path: string, locale: Locale, position?: ItemPosition): string {
  return describeFieldPath(path, position, fieldWords(locale))
}

/** A stored value as the editor names it in one language: `purposes.0.lawfulBasis`, 'b' → « Art. 6, par. 1, point b) Contrat ». */
export function describeFieldValueIn(path: string, value: unknown, locale: Locale): string {
  return describeFieldValue(path, value, fieldWords(locale))
}
