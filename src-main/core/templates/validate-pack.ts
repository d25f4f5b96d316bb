/**
 * The template pack checker, shared by the app's pack import and `ropa templates validate`.
 * Steps, each stopping the next when it fails: safe JSON → formatVersion → the zod schema →
 * what format 2 requires of its items → (after reading format 1 as format 2) vocabulary terms,
 * whole values, gap paths, and every quote against the pack's embedded sources and (when at
 * hand) the policy text its `source.file` names.
 */
import type { z } from 'zod'
import { problemAt, problemRef } from '../i18n/problem'
import { labelParam, type MessageParam, type MessageRef } from '../i18n/message'
import { formatJsonPath, type Problem } from '../util/problems'
import { sha256Hex } from '../util/sha256'
import { specialCategoryOfTerm } from '../vocabulary/vocabulary'
import { checkFormat2Items, checkValues, checkVocabulary } from './pack-checks'
import { customIssueRef, packProblem, packProblemAt, schemaMessageRef } from './pack-messages'
import { MAX_PACK_FILE_BYTES, PACK_FORMAT_VERSION, READABLE_PACK_FORMAT_VERSIONS, isUserAuthoredSource, templatePackSchema, type TemplatePack } from './pack-schema'
import { upgradePack } from './pack-upgrade'
import { checkQuotes, checkSourceHashes, embeddedQuoteSources, type QuoteSource } from './quote-check'
import { parseJsonSafely } from './safe-json'

export { collectQuotes, normaliseWhitespace } from './quote-check'

/**
 * `quotesChecked`: every quote was found in a source text. False when the pack carries no
 * source text (and none was given): it imports, but its values show as unverified and never
 * count as evidence.
 */
export type PackValidation = { ok: true; pack: TemplatePack; warnings: Problem[]; quotesChecked: boolean } | { ok: false; problems: Problem[] }

export interface ValidatePackOptions {
  /**
   * The policy text a pack's `source.file` names: the text itself, or a lookup by file name
   * (return undefined when the file does not exist). The pack's embedded sources are always checked.
   */
  sourceText?: string | ((file: string) => string | undefined)
  /** Where a lookup looks for `source.file`, as a refusal names it; default `templates/sources/`. */
  sourceFolder?: string
  /** Reads the pack without checking its quotes or sources (`ropa templates bundle` checks them once it has added the texts). */
  skipQuoteCheck?: boolean
}

/** The JSON Schema generated from pack-schema.ts, which lives next to the packs in templates/. */
export const PACK_SCHEMA_FILE_NAME = 'template-pack.schema.json'

/** Whether a file in templates/ is a pack (and not the generated JSON Schema). */
export function isPackFileName(name: string): boolean {
  return name.endsWith('.json') && !name.endsWith('.schema.json')
}

/** A file name with no directory part, so that `source.file` can never point outside the sources folder. */
const PLAIN_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$/

export function validatePackText(text: string, options: ValidatePackOptions = {}): PackValidation {
  const parsed = parseJsonSafely(text, { maxBytes: MAX_PACK_FILE_BYTES, label: 'template pack' })
  if (!parsed.ok) return parsed

  const versionProblem = checkFormatVersion(parsed.value)
  if (versionProblem) return { ok: false, problems: [versionProblem] }

  const result = templatePackSchema.safeParse(parsed.value, { reportInput: true })
  if (!result.success) return { ok: false, problems: result.error.issues.flatMap(zodIssueToProblems) }
  if (result.data.formatVersion === 2) {
    const itemProblems = checkFormat2Items(result.data)
    if (itemProblems.length > 0) return { ok: false, problems: itemProblems }
  }
  const pack = upgradePack(result.data)

  const problems = [...checkVocabulary(pack), ...(options.skipQuoteCheck ? [] : checkSourceHashes(pack))]
  const warnings = specialCategoryWarnings(pack)
  // A pack the organisation authored from its own records states what those records state.
  if (isUserAuthoredSource(pack.source)) warnings.push(...checkValues(pack))
  else problems.push(...checkValues(pack))
  const source = options.skipQuoteCheck ? { problems: [], warnings: [], quotesChecked: false } : checkSource(pack, options)
  problems.push(...source.problems)
  warnings.push(...source.warnings)
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pack, warnings, quotesChecked: source.quotesChecked }
}

function checkFormatVersion(value: unknown): Problem | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return packProblemAt('$', 'format.notObject')
  }
  const path = '$.formatVersion'
  const expected = PACK_FORMAT_VERSION
  if (!('formatVersion' in value)) return packProblemAt(path, 'format.missing', { expected })
  const version = value.formatVersion
  if ((READABLE_PACK_FORMAT_VERSIONS as readonly unknown[]).includes(version)) return null
  if (typeof version !== 'number') return packProblemAt(path, 'format.notNumber', { expected, found: JSON.stringify(version) })
  if (Number.isInteger(version) && version > PACK_FORMAT_VERSION) return packProblemAt(path, 'format.newer', { version, expected })
  return packProblemAt(path, 'format.unknown', { version, expected })
}

/**
 * zod's issues as problems; generic messages get the field's name and what was found. Each carries
 * its catalogue key: zod's own English messages are said again from the issue's details.
 */
export function zodIssueToProblems(issue: z.core.$ZodIssue): Problem[] {
  const path = formatJsonPath(issue.path)
  const field = issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : 'value'
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => packProblemAt(formatJsonPath([...issue.path, key]), 'schema.unknownField', { key, format: PACK_FORMAT_VERSION }))
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) {
        return [problemAt(path, 'schema.missing', { field, expected: NAMED_TYPES.has(issue.expected) ? problemRef(`schema.typeName.${issue.expected}`) : issue.expected })]
      }
      return [problemAt(path, 'schema.wrongType', { field, expected: typeName(issue.expected), found: valueParam(issue.input) })]
    case 'invalid_value': {
      const refOfMessage = schemaMessageRef(issue.message)
      if (refOfMessage) return [{ path, message: `${issue.message}; found ${describeValue(issue.input)}`, ref: refOfMessage }]
      // zod's own message ("Invalid option: expected one of …"), said from its values.
      const values = issue.values.map((value) => (typeof value === 'string' ? `"${value}"` : String(value)))
      const ref =
        values.length === 1
          ? packProblem('schema.notExactly', { expected: values[0]!, found: valueParam(issue.input) })
          : packProblem('schema.notOneOf', { options: values.join('|'), found: valueParam(issue.input) })
      return [{ path, message: `${issue.message}; found ${describeValue(issue.input)}`, ref }]
    }
    case 'too_small':
    case 'too_big':
      if (/^Too (small|big):/.test(issue.message)) {
        const unit = issue.origin === 'array' ? 'Items' : issue.origin === 'string' ? 'Characters' : ''
        const key = issue.code === 'too_small' ? `schema.atLeast${unit}` : `schema.atMost${unit}`
        return [problemAt(path, key, { field, bound: String(issue.code === 'too_small' ? issue.minimum : issue.maximum) })]
      }
      return [otherIssue(path, issue)]
    case 'custom':
      return [withRef(path, issue.message, customIssueRef(issue.params) ?? schemaMessageRef(issue.message))]
    case 'invalid_format':
      // zod's own message for a pattern without one of ours; another schema's message (a backup's records) is its own.
      if (issue.format === 'regex' && 'pattern' in issue && issue.message === `Invalid string: must match pattern ${String(issue.pattern)}`) {
        return [{ path, message: issue.message, ref: packProblem('schema.pattern', { pattern: String(issue.pattern) }) }]
      }
      return [otherIssue(path, issue)]
    default:
      return [otherIssue(path, issue)]
  }
}

/**
 * An issue said by its message, with the key of the pack schema's own messages. Another schema's
 * message (a backup's records, said in the validation language already) stays as it is, without a key.
 */
function otherIssue(path: string, issue: z.core.$ZodIssue): Problem {
  return withRef(path, issue.message, schemaMessageRef(issue.message))
}

const withRef = (path: string, message: string, ref: MessageRef | undefined): Problem => (ref ? { path, message, ref } : { path, message })

const NAMED_TYPES = new Set(['string', 'number', 'boolean', 'object', 'array', 'null'])
/** A type zod expected, "a string" (in the reader's language); another one as zod names it, with its article. */
function typeName(type: string): MessageParam {
  if (NAMED_TYPES.has(type)) return problemRef(`schema.type.${type}`)
  if (type === 'int') return packProblem('schema.type.int')
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

/** What was found instead: an array or an object by its kind, anything else as JSON. */
function valueParam(value: unknown): MessageParam {
  if (value !== null && typeof value === 'object') return problemRef(Array.isArray(value) ? 'schema.type.array' : 'schema.type.object')
  return describeValue(value)
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  // JSON has no undefined, function or symbol: name its type instead.
  const shown = JSON.stringify(value) ?? typeof value
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown
}

/** A category that is Art. 9 data should come with its Art. 9(2) condition. */
function specialCategoryWarnings(pack: TemplatePack): Problem[] {
  return pack.activities.flatMap((activity, a) => {
    const declared = new Set(activity.specialCategories.map((entry) => entry.category))
    return activity.dataCategories.flatMap((category, c) => {
      const special = specialCategoryOfTerm(category.term)
      if (!special || declared.has(special)) return []
      return [packProblemAt(formatJsonPath(['activities', a, 'dataCategories', c, 'term']), 'specialCategory.undeclared', { term: category.term, category: labelParam('specialCategory', special) })]
    })
  })
}

function checkSource(pack: TemplatePack, options: ValidatePackOptions): { problems: Problem[]; warnings: Problem[]; quotesChecked: boolean } {
  const file = pack.source.file
  const folder = options.sourceFolder ?? 'templates/sources/'
  if (file !== '' && !PLAIN_FILE_NAME.test(file)) {
    return { problems: [packProblemAt('$.source.file', 'source.fileNotPlainName', { file, folder })], warnings: [], quotesChecked: false }
  }
  const problems: Problem[] = []
  const sources: QuoteSource[] = embeddedQuoteSources(pack)
  const sourceOption = options.sourceText
  let policyText: string | undefined
  if (typeof sourceOption === 'string') policyText = sourceOption
  else if (typeof sourceOption === 'function' && file !== '') {
    policyText = sourceOption(file)
    if (policyText === undefined) return { problems: [packProblemAt('$.source.file', 'source.fileNotFound', { file, folder })], warnings: [], quotesChecked: false }
  }
  if (policyText !== undefined) {
    const actualHash = sha256Hex(policyText)
    if (actualHash !== pack.source.sha256) {
      problems.push(file ? packProblemAt('$.source.sha256', 'source.policyFileHashMismatch', { file, actual: actualHash }) : packProblemAt('$.source.sha256', 'source.policyHashMismatch', { actual: actualHash }))
    }
    sources.push({ title: pack.source.title, text: policyText })
  } else if (pack.sources.length > 0 && !isUserAuthoredSource(pack.source) && !pack.sources.some((source) => source.sha256 === pack.source.sha256)) {
    problems.push(packProblemAt('$.source.sha256', 'source.hashOfNoSource'))
  }
  if (sources.length === 0) {
    return {
      problems,
      warnings: [packProblemAt('$.sources', 'source.noText')],
      quotesChecked: false
    }
  }
  problems.push(...checkQuotes(pack, sources))
  return { problems, warnings: [], quotesChecked: problems.length === 0 }
}
