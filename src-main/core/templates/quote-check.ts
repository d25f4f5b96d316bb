/**
 * Checks a pack's quotes against the documents they come from: the sources embedded in the
 * pack (format 2) and, for a pack that names a `source.file`, that policy text. A quote must
 * stand verbatim (only whitespace may differ) in at least one of them; a refusal says where the
 * quote stops matching. Pure.
 */
import { formatJsonPath, type Problem } from '../util/problems'
import { sha256Hex } from '../util/sha256'
import { packProblem, packProblemAt } from './pack-messages'
import type { TemplatePack } from './pack-schema'

/** A text the quotes may come from, with the title a refusal names. */
export interface QuoteSource {
  title: string
  text: string
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
        // The embedded documents are what quotes are checked against, not quotes themselves.
        if (segments.length === 0 && key === 'sources') continue
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

/** The embedded sources whose stated SHA-256 is not that of their text. */
export function checkSourceHashes(pack: TemplatePack): Problem[] {
  const problems: Problem[] = []
  const ids = new Map<string, number>()
  pack.sources.forEach((source, index) => {
    if (ids.has(source.id)) problems.push(packProblemAt(formatJsonPath(['sources', index, 'id']), 'source.duplicateId', { id: source.id, index: ids.get(source.id)! }))
    ids.set(source.id, index)
    const actual = sha256Hex(source.text)
    if (actual !== source.sha256) {
      problems.push(packProblemAt(formatJsonPath(['sources', index, 'sha256']), 'source.hashMismatch', { title: source.title, actual }))
    }
  })
  return problems
}

/** The embedded sources that have text: the ones quotes can be checked against. */
export function embeddedQuoteSources(pack: TemplatePack): QuoteSource[] {
  return pack.sources.filter((source) => source.text.trim() !== '').map((source) => ({ title: source.title, text: source.text }))
}

/** One problem per quote found in none of the sources, naming where the closest one stops matching. */
export function checkQuotes(pack: TemplatePack, sources: readonly QuoteSource[]): Problem[] {
  const normalised = sources.map((source) => ({ title: source.title, text: normaliseWhitespace(source.text) }))
  const problems: Problem[] = []
  for (const { path, quote } of collectQuotes(pack)) {
    const wanted = normaliseWhitespace(quote)
    if (normalised.some((source) => source.text.includes(wanted))) continue
    let best = { matched: 0, title: normalised[0]?.title ?? '' }
    for (const source of normalised) {
      const matched = longestMatchingPrefix(source.text, wanted)
      if (matched > best.matched) best = { matched, title: source.title }
    }
    const rest = excerpt(wanted.slice(best.matched))
    const where =
      best.matched === 0
        ? packProblem('quote.noCharacterMatches')
        : normalised.length > 1
          ? packProblem('quote.differsAtIn', { matched: best.matched, title: best.title, rest })
          : packProblem('quote.differsAt', { matched: best.matched, rest })
    const inWhat = normalised.length === 1 ? packProblem('quote.inPolicyText') : packProblem('quote.inSourceTexts', { count: normalised.length })
    // The quote itself stays as the pack has it, in every language.
    problems.push(packProblemAt(path, 'quote.notFound', { inWhat, quote: excerpt(wanted), where }))
  }
  return problems
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
