/**
 * Finds a quote in a policy text the way the pack checker matches it: runs of whitespace count
 * as one space, so a quote copied across a line break is still found. Pure.
 */
export interface TextRange {
  start: number
  end: number
}

/** The whitespace-normalised text and, for each of its characters, the index in the original. */
function normaliseWithMap(text: string): { normalised: string; offsets: number[] } {
  let normalised = ''
  const offsets: number[] = []
  let pendingSpace = false
  for (let index = 0; index < text.length; index++) {
    const character = text.charAt(index)
    if (/\s/.test(character)) {
      pendingSpace = normalised.length > 0
      continue
    }
    if (pendingSpace) {
      normalised += ' '
      offsets.push(index - 1)
      pendingSpace = false
    }
    normalised += character
    offsets.push(index)
  }
  return { normalised, offsets }
}

// A pack's quotes are all looked up in the same policy text: normalise it once, not per quote
// (hundreds of quotes in a 50 KB text took seconds).
let lastNormalised: { text: string; normalised: string; offsets: number[] } | undefined

/** Where `quote` stands in `text` (original indexes, end exclusive), or null when it is not there. */
export function locateQuote(text: string, quote: string): TextRange | null {
  const needle = quote.replace(/\s+/g, ' ').trim()
  if (needle === '') return null
  if (lastNormalised?.text !== text) lastNormalised = { text, ...normaliseWithMap(text) }
  const { normalised, offsets } = lastNormalised
  const at = normalised.indexOf(needle)
  const start = offsets[at]
  const last = offsets[at + needle.length - 1]
  if (start === undefined || last === undefined) return null
  return { start, end: last + 1 }
}
