/**
 * Quoting by keyboard: a selection in a source text moved sentence by sentence and word by word,
 * so that a passage can be quoted without a mouse. Pure: offsets into the source's text in, the
 * new selection out (always a verbatim span of that text).
 */
import type { Span } from '@core/templates/drafting/proposal'

export type QuoteMove =
  /** ↓ / ↑: the next or previous whole sentence. */
  | 'next-sentence'
  | 'previous-sentence'
  /** Shift+↓ / Shift+↑: the selection's end a sentence further or back. */
  | 'extend-sentence'
  | 'shrink-sentence'
  /** → / ←: the selection's start a word later or earlier. */
  | 'start-later'
  | 'start-earlier'
  /** Shift+→ / Shift+←: the selection's end a word later or earlier. */
  | 'end-later'
  | 'end-earlier'

/** The keys of the text pane and what each does. */
export function quoteMoveFor(key: string, shiftKey: boolean): QuoteMove | null {
  switch (key) {
    case 'ArrowDown':
      return shiftKey ? 'extend-sentence' : 'next-sentence'
    case 'ArrowUp':
      return shiftKey ? 'shrink-sentence' : 'previous-sentence'
    case 'ArrowRight':
      return shiftKey ? 'end-later' : 'start-later'
    case 'ArrowLeft':
      return shiftKey ? 'end-earlier' : 'start-earlier'
    default:
      return null
  }
}

/** Sentences: each line, cut after a full stop, question or exclamation mark before a capital or a digit; blank lines are none. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = []
  for (const line of text.matchAll(/[^\n]+/g)) {
    const lineStart = line.index
    let from = 0
    const cut = (to: number) => {
      const piece = line[0].slice(from, to)
      const start = lineStart + from + (piece.length - piece.trimStart().length)
      const end = lineStart + to - (piece.length - piece.trimEnd().length)
      if (end > start) spans.push({ start, end })
    }
    // A sentence ends where the next one starts with a capital or a digit: "Inc. engages" and "Inc. - hosting" go on.
    for (const stop of line[0].matchAll(/[.!?]["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])/gu)) {
      const to = stop.index + stop[0].length
      cut(to)
      from = to
    }
    cut(line[0].length)
  }
  return spans
}

/** Words (letters and digits, with inner apostrophes and hyphens) and each other visible character on its own. */
export function wordSpans(text: string): Span[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['’\-.@][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length }))
}

export interface TextUnits {
  sentences: Span[]
  words: Span[]
}

export function textUnits(text: string): TextUnits {
  return { sentences: sentenceSpans(text), words: wordSpans(text) }
}

const last = <T,>(items: readonly T[], test: (item: T) => boolean): T | undefined => {
  for (let index = items.length - 1; index >= 0; index -= 1) if (test(items[index]!)) return items[index]
  return undefined
}

/** The selection after one move; null only when the text has no sentence at all. */
export function moveQuoteSelection(units: TextUnits, current: Span | null, move: QuoteMove): Span | null {
  const { sentences, words } = units
  const first = sentences[0]
  if (!first) return null
  if (!current) return move === 'previous-sentence' || move === 'shrink-sentence' ? (sentences.at(-1) ?? first) : first
  switch (move) {
    case 'next-sentence':
      return sentences.find((sentence) => sentence.start >= current.end) ?? current
    case 'previous-sentence':
      return last(sentences, (sentence) => sentence.end <= current.start) ?? current
    case 'extend-sentence': {
      const next = sentences.find((sentence) => sentence.end > current.end)
      return next ? { start: current.start, end: next.end } : current
    }
    case 'shrink-sentence': {
      const previous = last(sentences, (sentence) => sentence.end < current.end && sentence.end > current.start)
      return previous ? { start: current.start, end: previous.end } : current
    }
    case 'start-later': {
      const next = words.find((word) => word.start > current.start && word.start < current.end)
      return next ? { start: next.start, end: current.end } : current
    }
    case 'start-earlier': {
      const previous = last(words, (word) => word.start < current.start)
      return previous ? { start: previous.start, end: current.end } : current
    }
    case 'end-later': {
      const next = words.find((word) => word.end > current.end)
      return next ? { start: current.start, end: next.end } : current
    }
    case 'end-earlier': {
      const previous = last(words, (word) => word.end < current.end && word.end > current.start)
      return previous ? { start: current.start, end: previous.end } : current
    }
  }
}
