/**
 * What the NLP layer (`nlp.ts`, winkNLP) reads from a policy, as plain data: tokens with their
 * offsets and parts of speech, sentence ends and typed entities. Kept apart from `nlp.ts` so that
 * the rules can read an analysis without loading the model (the app's page loads it only in the
 * drafting worker).
 */
import type { Span } from './segment'

export interface NlpToken extends Span {
  /** Universal part-of-speech tag ("PROPN", "NOUN", "VERB"...). */
  pos: string
}

export interface NlpEntity extends Span {
  /** wink's entity type: DURATION, DATE, TIME, CARDINAL, ORDINAL, MONEY, PERCENT, URL, EMAIL... */
  type: string
}

export interface TextAnalysis {
  text: string
  tokens: NlpToken[]
  /** Where each sentence ends (character offset after its last token), in order. */
  sentenceEnds: number[]
  entities: NlpEntity[]
}

/** The tokens within a span, in order (binary search: the tokens are sorted by offset). */
export function tokensIn(analysis: TextAnalysis, span: Span): NlpToken[] {
  const { tokens } = analysis
  let low = 0
  let high = tokens.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (tokens[middle]!.end <= span.start) low = middle + 1
    else high = middle
  }
  const found: NlpToken[] = []
  for (let index = low; index < tokens.length && tokens[index]!.start < span.end; index += 1) {
    if (tokens[index]!.start >= span.start && tokens[index]!.end > tokens[index]!.start) found.push(tokens[index]!)
  }
  return found
}
