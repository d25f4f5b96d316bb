/**
 * Fits the drafting assistant's learned parts (`learned-model.ts`) on hand-written packs and the
 * policies they quote: (1) phrases the authors wrote for vocabulary terms that the policies use
 * verbatim, (2) wordings the rules read as a term the authors never agreed with, (3) a logistic
 * scorer each for sub-processor and retention candidates, with its threshold chosen on held-out
 * packs within the training set (each training pack in turn predicted by a scorer fitted on the
 * others). Nothing here knows a vendor: it sees features (`candidate-features.ts`) and labels.
 */
import { isCustomTerm } from '../../vocabulary/vocabulary'
import type { TemplatePack } from '../pack-schema'
import { draftCandidates } from './extract'
import { probability, type Features, type LearnedDraftingModel, type LinearScorer } from './learned-model'
import { CATEGORY_LEXICON, matchTerms } from './lexicon'
import { isSameOrRelatedKey, judgeProposals } from './score-draft'
import type { TextAnalysis } from './text-analysis'

export interface TrainingPolicy {
  pack: TemplatePack
  /** The policy text the pack quotes. */
  text: string
  /** The NLP layer's analysis of `text`, when drafting with it. */
  analysis?: TextAnalysis
}

interface Example {
  features: Features
  right: boolean
  /** The training pack it comes from (for the held-out threshold). */
  pack: number
}

/** Steps and rate of the logistic fit (fixed); its L2 weight is chosen among these on held-out training packs. */
const STEPS = 1500
const RATE = 0.3
const L2_CHOICES = [0.01, 0.05, 0.2]

function fitLogistic(examples: readonly Example[], featureNames: readonly string[], L2: number): LinearScorer {
  const weights = featureNames.map(() => 0)
  let bias = 0
  if (examples.length === 0) return { features: [...featureNames], weights, bias: 0, threshold: 0 }
  for (let step = 0; step < STEPS; step += 1) {
    const gradient = featureNames.map(() => 0)
    let biasGradient = 0
    for (const example of examples) {
      let sum = bias
      featureNames.forEach((name, index) => (sum += weights[index]! * (example.features[name] ?? 0)))
      const error = 1 / (1 + Math.exp(-sum)) - (example.right ? 1 : 0)
      featureNames.forEach((name, index) => (gradient[index]! += error * (example.features[name] ?? 0)))
      biasGradient += error
    }
    featureNames.forEach((_, index) => (weights[index]! -= RATE * (gradient[index]! / examples.length + L2 * weights[index]!)))
    bias -= (RATE * biasGradient) / examples.length
  }
  return { features: [...featureNames], weights: weights.map(round), bias: round(bias), threshold: 0.5 }
}

const round = (value: number): number => Math.round(value * 1e4) / 1e4

/**
 * Recall the threshold must keep on the training packs' held-out predictions: above the bench's
 * target (0.8), since a missed sub-processor or retention rule costs the DPO more than one to reject.
 */
const RECALL_FLOOR = 0.9

/**
 * The highest threshold that keeps RECALL_FLOOR of the right candidates, over probabilities each
 * predicted by a scorer fitted without that example's pack (so the threshold is not chosen on
 * predictions of examples the scorer saw).
 */
/** Each example's probability from a scorer fitted without its pack. */
function heldOutPredictions(examples: readonly Example[], featureNames: readonly string[], L2: number): Array<{ p: number; right: boolean }> {
  const predicted: Array<{ p: number; right: boolean }> = []
  for (const pack of new Set(examples.map((example) => example.pack))) {
    const scorer = fitLogistic(
      examples.filter((example) => example.pack !== pack),
      featureNames,
      L2
    )
    for (const example of examples.filter((candidate) => candidate.pack === pack)) predicted.push({ p: probability(scorer, example.features), right: example.right })
  }
  return predicted
}

/** Mean log-loss of held-out predictions: how well the probabilities fit, whatever the threshold. */
function logLoss(predicted: ReadonlyArray<{ p: number; right: boolean }>): number {
  const clamp = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p))
  return predicted.reduce((sum, { p, right }) => sum - Math.log(right ? clamp(p) : 1 - clamp(p)), 0) / Math.max(1, predicted.length)
}

function heldOutThreshold(predicted: ReadonlyArray<{ p: number; right: boolean }>): number {
  const positives = predicted.filter((item) => item.right).length
  if (positives === 0) return 0.5
  let best = 0
  for (let step = 1; step < 20; step += 1) {
    const threshold = step / 20
    const hits = predicted.filter((item) => item.right && item.p >= threshold).length
    if (hits / positives >= RECALL_FLOOR) best = threshold
  }
  return best
}

function fitScorer(examples: readonly Example[]): LinearScorer {
  const featureNames = [...new Set(examples.flatMap((example) => Object.keys(example.features)))].sort()
  if (new Set(examples.map((example) => example.pack)).size < 2) return fitLogistic(examples, featureNames, L2_CHOICES[1]!)
  // The L2 weight whose held-out predictions fit best, then the threshold on those same predictions.
  const [best] = L2_CHOICES.map((L2) => ({ L2, predicted: heldOutPredictions(examples, featureNames, L2) })).sort((a, b) => logLoss(a.predicted) - logLoss(b.predicted))
  return { ...fitLogistic(examples, featureNames, best!.L2), threshold: heldOutThreshold(best!.predicted) }
}

const LEADING_WORDS = /^(?:your|the|any|our|a|an|other|such|certain|some)\s+/

/** The phrases of a pack's category wording: the wording itself and the items of its parentheses and lists. */
function phrasesOf(wording: string): string[] {
  const parts = [...[...wording.matchAll(/\(([^)]*)\)/g)].map((match) => match[1]!), ...wording.replace(/\([^)]*\)/g, ' ').split(/[,;:]|\band\b|\bor\b/)]
  // A capital is a name ("Example accounts", "the Example Websites"): not a general phrase. Only the wording's first letter may be one.
  return [wording.charAt(0).toLowerCase() + wording.slice(1), ...parts]
    .map((part) => part.trim())
    .filter((part) => !/[A-Z]/.test(part))
    .map((part) => part.toLowerCase().replace(/[.\s]+$/, '').replace(LEADING_WORDS, '').trim())
    // One word alone ("state", "time") says too little out of its pack's context: two to four words.
    .filter((part) => /^[a-z][a-z' -]*[a-z]$/.test(part) && part.split(/\s+/).length >= 2 && part.split(/\s+/).length <= 4)
}

/** Phrases the packs' authors gave a vocabulary key, found verbatim in their policy and not already read as that key by the lexicon. */
function learnWordings(training: readonly TrainingPolicy[]): Array<{ wording: string; key: string }> {
  const votes = new Map<string, Map<string, number>>()
  for (const { pack, text } of training) {
    const lowerText = text.toLowerCase().replace(/\s+/g, ' ')
    const seen = new Set<string>()
    for (const category of pack.activities.flatMap((activity) => activity.dataCategories)) {
      if (isCustomTerm(category.term)) continue
      for (const phrase of phrasesOf(category.wording)) {
        if (seen.has(`${phrase}|${category.term}`) || !new RegExp(`(?<![\\w-])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?(?![\\w-])`).test(lowerText)) continue
        seen.add(`${phrase}|${category.term}`)
        const known = matchTerms(phrase, CATEGORY_LEXICON)
        if (known.some((match) => match.end - match.start === phrase.length && isSameOrRelatedKey(match.key, category.term))) continue
        const byKey = votes.get(phrase) ?? new Map<string, number>()
        byKey.set(category.term, (byKey.get(category.term) ?? 0) + 1)
        votes.set(phrase, byKey)
      }
    }
  }
  const learned: Array<{ wording: string; key: string }> = []
  for (const [wording, byKey] of [...votes.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const ranked = [...byKey.entries()].sort((a, b) => b[1] - a[1])
    // Two keys with the same votes: the phrase does not say which; it is left out.
    if (ranked.length > 1 && ranked[0]![1] === ranked[1]![1]) continue
    learned.push({ wording, key: ranked[0]![0] })
  }
  return learned
}

export function fitDraftingModel(training: readonly TrainingPolicy[]): LearnedDraftingModel {
  const subProcessorExamples: Example[] = []
  const retentionExamples: Example[] = []
  const wordingVerdicts = new Map<string, { key: string; wording: string; rightIn: Set<number>; wrongIn: Set<number> }>()
  training.forEach(({ pack, text, analysis }, packIndex) => {
    const candidates = draftCandidates(text, { model: null, ...(analysis ? { analysis } : {}) })
    const judged = judgeProposals(candidates.proposals, pack, text)
    for (const proposal of candidates.proposals) {
      const right = judged.get(proposal.id)
      if (right === undefined) continue
      const features = candidates.features.get(proposal.id)
      if (proposal.field === 'subProcessor' && features) subProcessorExamples.push({ features, right, pack: packIndex })
      if (proposal.field === 'retention' && features) retentionExamples.push({ features, right, pack: packIndex })
      if (proposal.field === 'dataCategory') {
        const wording = proposal.value.wording.toLowerCase()
        const id = `${proposal.value.term}|${wording}`
        const verdict = wordingVerdicts.get(id) ?? { key: proposal.value.term, wording, rightIn: new Set<number>(), wrongIn: new Set<number>() }
        ;(right ? verdict.rightIn : verdict.wrongIn).add(packIndex)
        wordingVerdicts.set(id, verdict)
      }
    }
  })
  return {
    trainedOn: training.map(({ pack }) => pack.id),
    categoryWordings: learnWordings(training),
    rejectedCategoryWordings: [...wordingVerdicts.values()]
      .filter((verdict) => verdict.rightIn.size === 0 && verdict.wrongIn.size >= 2)
      .map(({ key, wording }) => ({ wording, key }))
      .sort((a, b) => a.key.localeCompare(b.key) || a.wording.localeCompare(b.wording)),
    subProcessor: fitScorer(subProcessorExamples),
    retention: fitScorer(retentionExamples)
  }
}
