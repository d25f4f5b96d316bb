/**
 * The drafting assistant's NLP layer: winkNLP with its English "lite web" model, both shipped
 * inside their npm packages and bundled with the app (nothing is fetched at run time). It gives
 * the sentence boundaries within the paragraphs `segment.ts` finds. Pure: no Node or DOM API, so
 * the same code runs in the CLI and the renderer's Web Worker.
 *
 * Measured on the five shipped policies (`npm run bench`, drafting): its boundaries differ from the
 * punctuation rule's at 3 of about 1,230 sentences ("Inc." ending a sentence) and change no
 * score. Its parts of speech were tried as a proper-noun filter on names and as features of the
 * sub-processor scorer, and its DURATION entities for retention periods; each measured worse or
 * found nothing the period rule misses ("thirty (30) days" is not a DURATION), so the rules stay.
 */
import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import type { TextAnalysis } from './text-analysis'

type Nlp = ReturnType<typeof winkNLP>
let instance: Nlp | undefined
/** The model takes a few hundred milliseconds to load: once, on first use. */
function nlp(): Nlp {
  instance ??= winkNLP(model)
  return instance
}

let cached: TextAnalysis | undefined

/** Analyses a text (the last one is cached). */
export function analyseText(text: string): TextAnalysis {
  if (cached?.text === text) return cached
  const engine = nlp()
  // wink's `its` helpers are plain functions that wink itself calls unbound.
  /* eslint-disable @typescript-eslint/unbound-method */
  const { value: valueOf, precedingSpaces, span } = engine.its
  /* eslint-enable @typescript-eslint/unbound-method */
  const doc = engine.readDoc(text)
  const values = doc.tokens().out(valueOf)
  const spaces = doc.tokens().out(precedingSpaces)
  // wink keeps the text whole: each token is its preceding white space and its value, in order.
  // Offsets are found by searching forward, so a token wink normalised cannot shift the rest.
  const tokenEnds: number[] = []
  let at = 0
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!
    const skipped = at + (spaces[index]?.length ?? 0)
    const start = text.startsWith(value, skipped) ? skipped : text.indexOf(value, at)
    if (start >= 0) at = start + value.length
    tokenEnds.push(at)
  }
  // A sentence's span is the indexes of its first and last token.
  const sentenceEnds = (doc.sentences().out(span) as unknown as Array<[number, number]>).flatMap(([, last]) => {
    const end = tokenEnds[last]
    return end === undefined ? [] : [end]
  })
  cached = { text, sentenceEnds }
  return cached
}
