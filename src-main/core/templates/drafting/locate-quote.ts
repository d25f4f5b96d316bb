/**
 * Where a quote stands in a text when whitespace may differ (the pack checker's rule: runs of
 * whitespace count as one space). Used to turn an installed pack's quotes back into spans.
 */
import type { Span } from './segment'

export interface NormalisedText {
  normalised: string
  /** For each character of `normalised`, its index in the original text. */
  offsets: number[]
}

export function normaliseWithOffsets(text: string): NormalisedText {
  let normalised = ''
  const offsets: number[] = []
  let pendingSpace = false
  for (let index = 0; index < text.length; index += 1) {
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

/** The span of `quote` in the text `normalised` was made from, or null when it is not there. */
export function locateIn(normalised: NormalisedText, quote: string): Span | null {
  const needle = quote.replace(/\s+/g, ' ').trim()
  if (needle === '') return null
  const at = normalised.normalised.indexOf(needle)
  const start = normalised.offsets[at]
  const last = normalised.offsets[at + needle.length - 1]
  if (at < 0 || start === undefined || last === undefined) return null
  return { start, end: last + 1 }
}
