/**
 * JSON parsing for untrusted files (template packs, backups): size, depth, string-length and
 * prototype-pollution limits, and every refusal says where and why. Pure and isomorphic.
 */
import type { MessageParam, MessageRef } from '../i18n/message'
import { formatJsonPath, type Problem } from '../util/problems'
import { sizeParam } from '../i18n/file-problem'
import { inEnglish } from '../i18n/problem'
import { packProblem, packProblemAt } from './pack-messages'

export interface SafeJsonOptions {
  /** Largest accepted input, in UTF-8 bytes. */
  maxBytes: number
  /** Longest accepted string (value or key), in characters. Default 100 000. */
  maxStringLength?: number
  /** Deepest accepted nesting of objects and arrays. Default 64. */
  maxDepth?: number
  /** What the input is, for messages: "template pack", "backup". Default "input". */
  label?: SafeJsonLabel
}
export type SafeJsonLabel = keyof typeof SUBJECT_KEYS

/** The words for what is read, in each language. */
const SUBJECT_KEYS = { 'template pack': 'json.what.templatePack', backup: 'json.what.backup', input: 'json.what.input' } as const

export type SafeJsonResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] }

export const DEFAULT_MAX_STRING_LENGTH = 100_000
export const DEFAULT_MAX_DEPTH = 64
/** Keys that could reach an object's prototype when the parsed value is merged or spread. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])
/** Enough to fix a file; a hostile file must not produce megabytes of messages. */
const MAX_PROBLEMS = 100

export function parseJsonSafely(text: string, options: SafeJsonOptions): SafeJsonResult {
  const size = utf8ByteLength(text)
  if (size > options.maxBytes) {
    return { ok: false, problems: [tooLargeProblem(options.label ?? 'input', size, options.maxBytes)] }
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const located = locateJsonSyntaxError(text)
    // The engine's own words, in English: only when this scanner finds no error where JSON.parse did.
    if (located === null) return fail('$', 'json.invalid', { detail: error instanceof Error ? error.message : String(error) })
    const { line, column } = lineAndColumn(text, located.offset)
    return fail('$', 'json.invalidAt', { line, column, detail: located.ref })
  }
  const problems = checkParsedValue(value, {
    maxStringLength: options.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH
  })
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value }
}

/** The refusal of an input over its size limit, before it is read. */
export function tooLargeProblem(label: SafeJsonLabel, size: number, maxBytes: number): Problem {
  return packProblemAt('$', 'json.tooLarge', { what: packProblem(SUBJECT_KEYS[label]), size: sizeParam(size), limit: sizeParam(maxBytes) })
}

function fail(path: string, key: string, params: Record<string, MessageParam>): SafeJsonResult {
  return { ok: false, problems: [packProblemAt(path, key, params)] }
}

/**
 * Walks the parsed value once. JSON.parse turns a `"__proto__"` key into an own property
 * (it does not set the prototype), so Object.keys sees it here.
 */
function checkParsedValue(root: unknown, limits: { maxStringLength: number; maxDepth: number }): Problem[] {
  const problems: Problem[] = []
  const report = (segments: PropertyKey[], key: string, params: Record<string, MessageParam>) => {
    if (problems.length < MAX_PROBLEMS) problems.push(packProblemAt(formatJsonPath(segments), key, params))
    else if (problems.length === MAX_PROBLEMS) problems.push(packProblemAt('$', 'json.tooManyProblems', { max: MAX_PROBLEMS }))
  }
  const checkString = (value: string, segments: PropertyKey[], what: 'string' | 'key') => {
    if (value.length > limits.maxStringLength) {
      report(segments, what === 'key' ? 'json.keyTooLong' : 'json.stringTooLong', { length: value.length, max: limits.maxStringLength })
    }
  }
  const visit = (value: unknown, segments: PropertyKey[], depth: number): void => {
    if (problems.length > MAX_PROBLEMS) return
    if (typeof value === 'string') return checkString(value, segments, 'string')
    if (typeof value !== 'object' || value === null) return
    if (depth > limits.maxDepth) return report(segments, 'json.tooDeep', { max: limits.maxDepth })
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...segments, index], depth + 1))
      return
    }
    for (const key of Object.keys(value)) {
      const keyPath = [...segments, key]
      if (FORBIDDEN_KEYS.has(key)) {
        report(keyPath, 'json.forbiddenKey', { key })
        continue
      }
      checkString(key, keyPath, 'key')
      visit((value as Record<string, unknown>)[key], keyPath, depth + 1)
    }
  }
  visit(root, [], 1)
  return problems
}

/** UTF-8 size without allocating an encoded copy. */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        index++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

export function formatBytes(bytes: number): string {
  const MB = 1024 * 1024
  // Two decimals, so that a size just over a limit does not read the same as the limit.
  const scaled = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2))
  if (bytes >= MB) return `${scaled(bytes / MB)} MB (${bytes} bytes)`
  if (bytes >= 1024) return `${scaled(bytes / 1024)} KB (${bytes} bytes)`
  return `${bytes} bytes`
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++
      lineStart = index + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/**
 * Finds the first syntax error and says what was expected there. JSON.parse's own messages
 * differ between engines and often lack a position, so the location is computed here.
 * Iterative, so deep nesting cannot overflow the stack. Returns null for valid JSON.
 */
export function locateJsonSyntaxError(text: string): { offset: number; message: string; ref: MessageRef } | null {
  const length = text.length
  const closers: string[] = []
  let index = 0
  let state: 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'after-value' = 'value'
  const error = (ref: MessageRef) => ({ offset: index, message: inEnglish(ref), ref })
  const describe = () => (index >= length ? packProblem('json.syntax.endOfInput') : packProblem('json.syntax.character', { character: JSON.stringify(text[index]) }))
  const found = (key: string) => packProblem(`json.syntax.${key}`, { found: describe() })

  const skipWhitespace = () => {
    while (index < length) {
      const char = text[index]
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') index++
      else break
    }
  }
  const scanString = (): MessageRef | null => {
    index++ // opening quote
    while (index < length) {
      const code = text.charCodeAt(index)
      if (code === 0x22) {
        index++
        return null
      }
      if (code === 0x5c) {
        const escape = text[index + 1]
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) return packProblem('json.syntax.unicodeEscape')
          index += 6
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) index += 2
        else return packProblem('json.syntax.escape', { escape: escape ?? '' })
        continue
      }
      if (code < 0x20) return packProblem('json.syntax.controlCharacter')
      index++
    }
    return packProblem('json.syntax.unterminatedString')
  }
  const scanNumber = (): MessageRef | null => {
    if (text[index] === '-') index++
    if (text[index] === '0') index++
    else if (isDigit(text[index])) while (isDigit(text[index])) index++
    else return found('digit')
    if (text[index] === '.') {
      index++
      if (!isDigit(text[index])) return found('fractionDigit')
      while (isDigit(text[index])) index++
    }
    if (text[index] === 'e' || text[index] === 'E') {
      index++
      if (text[index] === '+' || text[index] === '-') index++
      if (!isDigit(text[index])) return found('exponentDigit')
      while (isDigit(text[index])) index++
    }
    return null
  }

  for (;;) {
    skipWhitespace()
    if (state === 'value' || state === 'value-or-close') {
      if (state === 'value-or-close' && text[index] === ']') {
        closers.pop()
        index++
        state = 'after-value'
        continue
      }
      const char = text[index]
      if (char === '{') {
        closers.push('}')
        index++
        state = 'key-or-close'
      } else if (char === '[') {
        closers.push(']')
        index++
        state = 'value-or-close'
      } else if (char === '"') {
        const problem = scanString()
        if (problem) return error(problem)
        state = 'after-value'
      } else if (char === '-' || isDigit(char)) {
        const problem = scanNumber()
        if (problem) return error(problem)
        state = 'after-value'
      } else {
        const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, index))
        if (!literal) return error(found(char === "'" ? 'valueSingleQuote' : 'value'))
        index += literal.length
        state = 'after-value'
      }
    } else if (state === 'key' || state === 'key-or-close') {
      if (state === 'key-or-close' && text[index] === '}') {
        closers.pop()
        index++
        state = 'after-value'
        continue
      }
      if (text[index] !== '"') return error(found(state === 'key' && text[index] === '}' ? 'propertyNameTrailingComma' : 'propertyName'))
      const problem = scanString()
      if (problem) return error(problem)
      skipWhitespace()
      if (text[index] !== ':') return error(found('colon'))
      index++
      state = 'value'
    } else {
      const closer = closers[closers.length - 1]
      if (closer === undefined) {
        if (index < length) return error(found('afterEnd'))
        return null
      }
      if (text[index] === ',') {
        index++
        state = closer === '}' ? 'key' : 'value'
        if (closer === ']') {
          skipWhitespace()
          if (text[index] === ']') return error(packProblem('json.syntax.trailingCommaInArray'))
        }
      } else if (text[index] === closer) {
        closers.pop()
        index++
      } else return error(packProblem('json.syntax.commaOrClose', { closer, found: describe() }))
    }
  }
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9'
}
