/**
 * Finds a quote in a policy text the way the pack checker matches it: runs of whitespace count
 * as one space, so a quote copied across a line break is still found. The matching itself is
 * the core's (the drafting assistant uses it too).
 */
import { locateIn, normaliseWithOffsets, type NormalisedText } from '@core/templates/drafting/locate-quote'

export interface TextRange {
  start: number
  end: number
}

// A pack's quotes are all looked up in the same policy text: normalise it once, not per quote
// (hundreds of quotes in a 50 KB text took seconds).
let lastNormalised: { text: string; normalised: NormalisedText } | undefined

/** Where `quote` stands in `text` (original indexes, end exclusive), or null when it is not there. */
export function locateQuote(text: string, quote: string): TextRange | null {
  if (lastNormalised?.text !== text) lastNormalised = { text, normalised: normaliseWithOffsets(text) }
  return locateIn(lastNormalised.normalised, quote)
}
