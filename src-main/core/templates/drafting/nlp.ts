/**
 * The drafting assistant's NLP layer: winkNLP with its English "lite web" model, both shipped
 * inside their npm packages and bundled with the app (nothing is fetched at run time). One pass
 * over a policy gives tokens with their character offsets and part of speech, sentence
 * boundaries and typed entities (DURATION, DATE, CARDINAL...); the extractor's rules read them.
 * Pure: no Node or DOM API, so the same code runs in the CLI and the renderer's Web Worker.
 */
import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import type { NlpEntity, NlpToken, TextAnalysis } from './text-analysis'

type Nlp = ReturnType<typeof winkNLP>
let instance: Nlp | undefined
/** The model takes a few hundred milliseconds to load: once, on first use. */
function nlp(): Nlp {
  instance ??= winkNLP(model)
  return instance
}

let cached: TextAnalysis | undefined

/** Analyses a text (the last one is cached: segmenting, names and retention read the same analysis). */
export function analyseText(text: string): TextAnalysis {
  if (cached?.text === text) return cached
  const engine = nlp()
  const its = engine.its
  const doc = engine.readDoc(text)
  const values = doc.tokens().out(its.value)
  const spaces = doc.tokens().out(its.precedingSpaces)
  const tags = doc.tokens().out(its.pos)
  // wink keeps the text whole: each token is its preceding white space and its value, in order.
  // Offsets are found by searching forward, so a token wink normalised (quotes, ellipses) cannot shift the rest.
  const tokens: NlpToken[] = []
  let at = 0
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!
    const skipped = at + (spaces[index]?.length ?? 0)
    const start = text.startsWith(value, skipped) ? skipped : text.indexOf(value, at)
    if (start < 0) {
      tokens.push({ start: skipped, end: skipped, pos: tags[index] ?? 'X' })
      continue
    }
    tokens.push({ start, end: start + value.length, pos: tags[index] ?? 'X' })
    at = start + value.length
  }
  const sentenceEnds: number[] = []
  // An item's span is the indexes of its first and last token.
  for (const [, last] of doc.sentences().out(its.span) as unknown as Array<[number, number]>) {
    const end = tokens[last]?.end
    if (end !== undefined) sentenceEnds.push(end)
  }
  const entities: NlpEntity[] = []
  const entitySpans = doc.entities().out(its.span) as unknown as Array<[number, number]>
  const entityTypes = doc.entities().out(its.type)
  entitySpans.forEach(([first, last], index) => {
    const start = tokens[first]?.start
    const end = tokens[last]?.end
    if (start !== undefined && end !== undefined) entities.push({ start, end, type: entityTypes[index] ?? '' })
  })
  cached = { text, tokens, sentenceEnds, entities }
  return cached
}
