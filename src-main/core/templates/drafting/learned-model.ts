/**
 * What the drafting assistant learns from hand-written packs (fitted by `learn.ts`): phrases the
 * packs' authors wrote for vocabulary terms, phrases the rules read as a term the authors never
 * agreed with, and two small linear scorers that keep or drop the rules' sub-processor and
 * retention candidates. The shipped model (`learned-model.json`, `npm run drafting:learn`) is fitted
 * on the five shipped packs; the bench fits one per pack on the other four (leave one out).
 */
import shipped from './learned-model.json'

export interface LinearScorer {
  /** Feature names, in the order of `weights`. */
  features: string[]
  weights: number[]
  bias: number
  /** Candidates whose probability is below this are dropped. */
  threshold: number
}

export interface LearnedDraftingModel {
  /** The packs it was fitted on (pack ids). */
  trainedOn: string[]
  /** Phrases pack authors wrote for a vocabulary key, matched as whole words like the lexicon's synonyms. */
  categoryWordings: Array<{ wording: string; key: string }>
  /** A term read from this wording was wrong in two or more packs and never right: not proposed. */
  rejectedCategoryWordings: Array<{ wording: string; key: string }>
  subProcessor: LinearScorer
  retention: LinearScorer
}

export type Features = Record<string, number>

/** The scorer's probability that a candidate is right. */
export function probability(scorer: LinearScorer, features: Features): number {
  let sum = scorer.bias
  scorer.features.forEach((name, index) => {
    sum += (scorer.weights[index] ?? 0) * (features[name] ?? 0)
  })
  return 1 / (1 + Math.exp(-sum))
}

export function keeps(scorer: LinearScorer, features: Features): boolean {
  return probability(scorer, features) >= scorer.threshold
}

export const SHIPPED_MODEL: LearnedDraftingModel = shipped
