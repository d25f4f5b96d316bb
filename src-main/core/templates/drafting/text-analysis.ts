/**
 * What the NLP layer (`nlp.ts`, winkNLP) reads from a policy that the rules use, as plain data.
 * Kept apart from `nlp.ts` so that the rules can take an analysis without loading the model (the
 * app's page imports the rules for a selected passage; only the drafting worker loads the model).
 */
export interface TextAnalysis {
  text: string
  /** Where each sentence ends (the character offset after its last token), in order. */
  sentenceEnds: number[]
}
