/**
 * The template pack checker, shared by the app's pack import and `ropa templates validate`.
 * Steps, each stopping the next when it fails: safe JSON → formatVersion → the zod schema →
 * vocabulary terms and (when the policy text is at hand) its SHA-256 and every quote.
 */
import type { z } from 'zod'
import { formatJsonPath, type Problem } from '../util/problems'
import { sha256Hex } from '../util/sha256'
import { SPECIAL_CATEGORY_LABELS } from '../records/enums'
import { CUSTOM_TERM_PREFIX, VOCABULARY, isCustomTerm, isKnownTerm, specialCategoryOfTerm, type VocabularyKind } from '../vocabulary/vocabulary'
import { MAX_PACK_FILE_BYTES, PACK_FORMAT_VERSION, READABLE_PACK_FORMAT_VERSIONS, templatePackSchema, type TemplatePack } from './pack-schema'
import { upgradePack } from './pack-upgrade'
import { parseJsonSafely } from './safe-json'

export type PackValidation = { ok: true; pack: TemplatePack; warnings: Problem[] } | { ok: false; problems: Problem[] }

export interface ValidatePackOptions {
  /**
   * The policy text the quotes are checked against: the text itself, or a lookup by the pack's
   * `source.file` (return undefined when the file does not exist). Without it quotes are not checked.
   */
  sourceText?: string | ((file: string) => string | undefined)
}

/** The JSON Schema generated from pack-schema.ts, which lives next to the packs in templates/. */
export const PACK_SCHEMA_FILE_NAME = 'template-pack.schema.json'

/** Whether a file in templates/ is a pack (and not the generated JSON Schema). */
export function isPackFileName(name: string): boolean {
  return name.endsWith('.json') && !name.endsWith('.schema.json')
}

/** A file name with no directory part, so that `source.file` can never point outside templates/sources/. */
const PLAIN_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$/

export function validatePackText(text: string, options: ValidatePackOptions = {}): PackValidation {
  const parsed = parseJsonSafely(text, { maxBytes: MAX_PACK_FILE_BYTES, label: 'template pack' })
  if (!parsed.ok) return parsed

  const versionProblem = checkFormatVersion(parsed.value)
  if (versionProblem) return { ok: false, problems: [versionProblem] }

  const result = templatePackSchema.safeParse(parsed.value, { reportInput: true })
  if (!result.success) return { ok: false, problems: result.error.issues.flatMap(zodIssueToProblems) }
  const pack = upgradePack(result.data)

  const problems = [...checkVocabulary(pack)]
  const warnings = [...specialCategoryWarnings(pack), ...unsafeguardedTransferWarnings(pack)]
  const source = checkSource(pack, options.sourceText)
  problems.push(...source.problems)
  warnings.push(...source.warnings)
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pack, warnings }
}

function checkFormatVersion(value: unknown): Problem | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { path: '$', message: 'a template pack must be a JSON object' }
  }
  const path = '$.formatVersion'
  if (!('formatVersion' in value)) {
    return { path, message: `formatVersion is missing: a template pack must declare "formatVersion": ${PACK_FORMAT_VERSION}` }
  }
  const version = value.formatVersion
  if ((READABLE_PACK_FORMAT_VERSIONS as readonly unknown[]).includes(version)) return null
  if (typeof version !== 'number') {
    return { path, message: `formatVersion must be the number ${PACK_FORMAT_VERSION}, not ${JSON.stringify(version)}` }
  }
  if (Number.isInteger(version) && version > PACK_FORMAT_VERSION) {
    return {
      path,
      message: `formatVersion ${version} is newer than this app supports (${PACK_FORMAT_VERSION}): update the app to use this pack`
    }
  }
  return { path, message: `unknown formatVersion ${version}: this app reads formatVersion ${PACK_FORMAT_VERSION}` }
}

/** zod's issues as problems; generic messages get the field's name and what was found. */
export function zodIssueToProblems(issue: z.core.$ZodIssue): Problem[] {
  const path = formatJsonPath(issue.path)
  const field = issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : 'value'
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: formatJsonPath([...issue.path, key]),
        message: `unknown field "${key}": not part of template pack format ${PACK_FORMAT_VERSION}`
      }))
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) {
        return [{ path, message: `required field "${field}" is missing (expected ${issue.expected})` }]
      }
      return [{ path, message: `${field} must be ${article(issue.expected)}, not ${describeValue(issue.input)}` }]
    case 'invalid_value':
      return [{ path, message: `${issue.message}; found ${describeValue(issue.input)}` }]
    case 'too_small':
    case 'too_big':
      if (/^Too (small|big):/.test(issue.message)) {
        const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`
        const unit = issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''
        return [{ path, message: `${field} must have ${bound}${unit}` }]
      }
      return [{ path, message: issue.message }]
    default:
      return [{ path, message: issue.message }]
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  // JSON has no undefined, function or symbol: name its type instead.
  const shown = JSON.stringify(value) ?? typeof value
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown
}

const KIND_NAMES: Record<VocabularyKind, string> = {
  dataCategories: 'data category',
  dataUses: 'data use',
  dataSubjects: 'data subject'
}
const KEYS_BY_KIND = Object.fromEntries(
  Object.entries(VOCABULARY).map(([kind, entries]) => [kind, new Set(entries.map((entry) => entry.key))])
) as Record<VocabularyKind, Set<string>>

/** Every term of the pack with the vocabulary it belongs to and its path. */
function packTerms(pack: TemplatePack): Array<{ term: string; kind: VocabularyKind; path: string }> {
  return pack.activities.flatMap((activity, a) => [
    ...activity.purposes.flatMap((purpose, p) =>
      purpose.uses.map((term, u) => ({ term, kind: 'dataUses' as const, path: formatJsonPath(['activities', a, 'purposes', p, 'uses', u]) }))
    ),
    ...activity.dataSubjects.map((subject, s) => ({
      term: subject.term,
      kind: 'dataSubjects' as const,
      path: formatJsonPath(['activities', a, 'dataSubjects', s, 'term'])
    })),
    ...activity.dataCategories.map((category, c) => ({
      term: category.term,
      kind: 'dataCategories' as const,
      path: formatJsonPath(['activities', a, 'dataCategories', c, 'term'])
    }))
  ])
}

function checkVocabulary(pack: TemplatePack): Problem[] {
  const problems: Problem[] = []
  for (const { term, kind, path } of packTerms(pack)) {
    if (isCustomTerm(term)) {
      if (term.slice(CUSTOM_TERM_PREFIX.length).trim() === '') problems.push({ path, message: `"${term}" has no text after "${CUSTOM_TERM_PREFIX}"` })
    } else if (!isKnownTerm(term)) {
      problems.push({
        path,
        message: `"${term}" is not in the vocabulary (fideslang + GDPR additions): use a ${KIND_NAMES[kind]} key or "${CUSTOM_TERM_PREFIX}<text>"`
      })
    } else if (!KEYS_BY_KIND[kind].has(term)) {
      const actual = (Object.keys(KEYS_BY_KIND) as VocabularyKind[]).find((other) => KEYS_BY_KIND[other].has(term))
      problems.push({ path, message: `"${term}" is a ${KIND_NAMES[actual ?? kind]} key, not a ${KIND_NAMES[kind]} key` })
    }
  }
  return problems
}

/** A category that is Art. 9 data should come with its Art. 9(2) condition. */
function specialCategoryWarnings(pack: TemplatePack): Problem[] {
  return pack.activities.flatMap((activity, a) => {
    const declared = new Set(activity.specialCategories.map((entry) => entry.category))
    return activity.dataCategories.flatMap((category, c) => {
      const special = specialCategoryOfTerm(category.term)
      if (!special || declared.has(special)) return []
      return [
        {
          path: formatJsonPath(['activities', a, 'dataCategories', c, 'term']),
          message: `"${category.term}" is Art. 9 special-category data (${SPECIAL_CATEGORY_LABELS[special]}) but specialCategories does not list it`
        }
      ]
    })
  })
}

/** A transfer without a safeguard (or, from format 2 on, a mechanism or instrument) should be explained by a gap. */
function unsafeguardedTransferWarnings(pack: TemplatePack): Problem[] {
  return pack.activities.flatMap((activity, a) => {
    if (activity.gaps.some((gap) => gap.field.startsWith('transfers'))) return []
    return activity.transfers.flatMap((transfer, t) =>
      transfer.safeguard || transfer.mechanism || transfer.instrument
        ? []
        : [
            {
              path: formatJsonPath(['activities', a, 'transfers', t, 'safeguard']),
              message: `transfer to ${transfer.recipient} (${transfer.country}) has no safeguard and no gap on "transfers" explains why`
            }
          ]
    )
  })
}

function checkSource(pack: TemplatePack, sourceOption: ValidatePackOptions['sourceText']): { problems: Problem[]; warnings: Problem[] } {
  const file = pack.source.file
  if (file !== '' && !PLAIN_FILE_NAME.test(file)) {
    return { problems: [{ path: '$.source.file', message: `source.file "${file}" must be a plain file name in templates/sources/ (no folders)` }], warnings: [] }
  }
  let sourceText: string | undefined
  if (typeof sourceOption === 'string') sourceText = sourceOption
  else if (typeof sourceOption === 'function') {
    if (file === '') return { problems: [], warnings: [{ path: '$.source.file', message: 'no source.file: the sha256 and the quotes were not checked' }] }
    sourceText = sourceOption(file)
    if (sourceText === undefined) {
      return { problems: [{ path: '$.source.file', message: `source file "${file}" not found in templates/sources/` }], warnings: [] }
    }
  } else {
    return { problems: [], warnings: [{ path: '$.source', message: 'no policy text given: the sha256 and the quotes were not checked' }] }
  }

  const problems: Problem[] = []
  const actualHash = sha256Hex(sourceText)
  if (actualHash !== pack.source.sha256) {
    problems.push({
      path: '$.source.sha256',
      message: `source.sha256 does not match the policy text${file ? ` ${file}` : ''} (its SHA-256 is ${actualHash})`
    })
  }
  const normalisedSource = normaliseWhitespace(sourceText)
  for (const { path, quote } of collectQuotes(pack)) {
    const normalisedQuote = normaliseWhitespace(quote)
    if (normalisedSource.includes(normalisedQuote)) continue
    const matched = longestMatchingPrefix(normalisedSource, normalisedQuote)
    const where =
      matched === 0
        ? 'not even its first character matches'
        : `the first ${matched} characters match, then it differs at "${excerpt(normalisedQuote.slice(matched))}"`
    problems.push({
      path,
      message: `quote not found verbatim in the policy text (whitespace-normalised): "${excerpt(normalisedQuote)}"; ${where}`
    })
  }
  return { problems, warnings: [] }
}

/** Collapses each run of whitespace to one space and trims: the only difference a quote may have. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Every quote anywhere in the pack (activities, gaps, role, vendor) with its JSON path. */
export function collectQuotes(pack: TemplatePack): Array<{ path: string; quote: string }> {
  const found: Array<{ path: string; quote: string }> = []
  const visit = (value: unknown, segments: Array<string | number>): void => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...segments, index]))
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        const isQuoteList = (key === 'quotes' || key === 'roleQuotes') && Array.isArray(child)
        if (isQuoteList) {
          child.forEach((quote: unknown, index) => {
            if (typeof quote === 'string') found.push({ path: formatJsonPath([...segments, key, index]), quote })
          })
        } else visit(child, [...segments, key])
      }
    }
  }
  visit(pack, [])
  return found
}

/** Substring search is monotone in the prefix length, so a binary search finds where a quote stops matching. */
function longestMatchingPrefix(haystack: string, needle: string): number {
  let low = 0
  let high = needle.length
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (haystack.includes(needle.slice(0, middle))) low = middle
    else high = middle - 1
  }
  return low
}

function excerpt(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length)}...` : text
}
