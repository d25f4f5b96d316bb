/**
 * `npm run bench`, drafting section (BENCH_ONLY=drafting): the drafting assistant run on each
 * shipped policy (embedded in its pack), scored against the pack written by hand from it
 * (templates/*.json), per field: precision, recall and counts.
 *
 * Leave one out: for each pack, the learned parts (phrases for terms, rejected wordings, the
 * sub-processor and retention scorers and their thresholds; `learn.ts`) are fitted on the OTHER
 * four packs only, then that pack's policy is drafted and scored. Four variants show what each
 * part brings: the rules alone, the rules with the NLP layer (winkNLP), and each with the learned
 * parts. The hand-written rules and synonyms were, however, written while reading these five
 * policies: no variant is the figure of a policy nobody looked at. Also times each policy.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { draftFromPolicy } from '../src-main/core/templates/drafting/extract'
import { fitDraftingModel, type TrainingPolicy } from '../src-main/core/templates/drafting/learn'
import type { LearnedDraftingModel } from '../src-main/core/templates/drafting/learned-model'
import { analyseText } from '../src-main/core/templates/drafting/nlp'
import { embeddedPolicyText } from '../src-main/core/templates/drafting/proposals-from-pack'
import { SCORED_FIELDS, scoreDraft, type FieldScore, type ScoredField } from '../src-main/core/templates/drafting/score-draft'
import type { TextAnalysis } from '../src-main/core/templates/drafting/text-analysis'
import type { TemplatePack } from '../src-main/core/templates/pack-schema'
import { isPackFileName, validatePackText } from '../src-main/core/templates/validate-pack'

const TEMPLATES = join(import.meta.dirname, '..', 'templates')

export const DRAFTING_TARGETS: Partial<Record<ScoredField, { recall: number; precision?: number }>> = {
  dataCategories: { recall: 0.7, precision: 0.6 },
  subProcessors: { recall: 0.8 },
  retention: { recall: 0.8 }
}

const VARIANTS = [
  { id: 'nlp+learned', label: 'NLP + learned parts (leave one out)', nlp: true, learned: true },
  { id: 'nlp', label: 'NLP, no learned parts', nlp: true, learned: false },
  { id: 'rules+learned', label: 'rules without NLP + learned parts (leave one out)', nlp: false, learned: true },
  { id: 'rules', label: 'rules alone (no NLP, no learned parts)', nlp: false, learned: false }
] as const
type VariantId = (typeof VARIANTS)[number]['id']

const ratio = (value: number | null): string => (value === null ? '  n/a' : value.toFixed(2).padStart(5))

export interface DraftingPackFigures {
  pack: string
  variant: VariantId
  policyCharacters: number
  /** Drafting with the analysis already made, median of a few runs. */
  draftMs: number
  /** The NLP layer's analysis of the text (0 without it). */
  analysisMs: number
  proposals: number
  scores: Record<ScoredField, FieldScore>
}

export interface DraftingFigures {
  results: DraftingPackFigures[]
  /** Loading wink's English model, once per process. */
  modelLoadMs: number
  /** The learned model fitted for each held-out pack (on the four others). */
  models: Record<string, { nlp: LearnedDraftingModel; rules: LearnedDraftingModel }>
}

interface Policy {
  pack: TemplatePack
  text: string
  analysis: TextAnalysis
  analysisMs: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

function loadPolicies(): { policies: Policy[]; modelLoadMs: number } {
  const loadStart = performance.now()
  analyseText('The model loads on first use.')
  const modelLoadMs = performance.now() - loadStart
  const policies = readdirSync(TEMPLATES)
    .filter(isPackFileName)
    .sort()
    .map((file) => {
      const validation = validatePackText(readFileSync(join(TEMPLATES, file), 'utf8'))
      if (!validation.ok) throw new Error(`${file}: not a valid pack`)
      // The policy the pack was written from, embedded in it (format 2).
      const text = embeddedPolicyText(validation.pack)
      const times: number[] = []
      let analysis: TextAnalysis | undefined
      for (let run = 0; run < 3; run += 1) {
        analyseText('another text, so that the next analysis is not the cached one')
        const start = performance.now()
        analysis = analyseText(text)
        times.push(performance.now() - start)
      }
      return { pack: validation.pack, text, analysis: analysis!, analysisMs: median(times) }
    })
  return { policies, modelLoadMs }
}

export function benchDrafting(): DraftingFigures {
  const { policies, modelLoadMs } = loadPolicies()
  const results: DraftingPackFigures[] = []
  const models: DraftingFigures['models'] = {}
  for (const heldOut of policies) {
    const others = policies.filter((policy) => policy !== heldOut)
    const training = (nlp: boolean): TrainingPolicy[] => others.map(({ pack, text, analysis }) => ({ pack, text, ...(nlp ? { analysis } : {}) }))
    const fitted = { nlp: fitDraftingModel(training(true)), rules: fitDraftingModel(training(false)) }
    models[heldOut.pack.id] = fitted
    for (const variant of VARIANTS) {
      const options = {
        model: variant.learned ? (variant.nlp ? fitted.nlp : fitted.rules) : null,
        ...(variant.nlp ? { analysis: heldOut.analysis } : {})
      }
      draftFromPolicy(heldOut.text, options) // warm-up: the first run compiles the patterns
      const times: number[] = []
      let draft = draftFromPolicy(heldOut.text, options)
      for (let run = 0; run < 3; run += 1) {
        const start = performance.now()
        draft = draftFromPolicy(heldOut.text, options)
        times.push(performance.now() - start)
      }
      results.push({
        pack: heldOut.pack.id,
        variant: variant.id,
        policyCharacters: heldOut.text.length,
        draftMs: median(times),
        analysisMs: variant.nlp ? heldOut.analysisMs : 0,
        proposals: draft.proposals.length,
        scores: scoreDraft(draft.proposals, heldOut.pack, heldOut.text)
      })
    }
  }
  return { results, modelLoadMs, models }
}

function pooled(results: readonly DraftingPackFigures[], field: ScoredField): { precision: number | null; recall: number | null; counts: string } {
  const sum = (key: keyof FieldScore) => results.reduce((all, result) => all + (result.scores[field][key] as number), 0)
  const proposed = sum('proposed')
  const gold = sum('gold')
  return {
    precision: proposed === 0 ? null : sum('truePositives') / proposed,
    recall: gold === 0 ? null : sum('found') / gold,
    counts: `${sum('truePositives')}/${proposed} right, ${sum('found')}/${gold} found`
  }
}

function printPacks(results: readonly DraftingPackFigures[]): void {
  console.log('  pack               field               precision  recall   hits/proposed  found/gold  (unscored gold)')
  for (const result of results) {
    for (const field of SCORED_FIELDS) {
      const s = result.scores[field]
      console.log(
        `  ${result.pack.padEnd(18)} ${field.padEnd(19)} ${ratio(s.precision)}     ${ratio(s.recall)}   ${`${s.truePositives}/${s.proposed}`.padStart(9)}      ${`${s.found}/${s.gold}`.padStart(6)}     ${s.unscoredGold > 0 ? `(${s.unscoredGold} not scorable)` : ''}`
      )
    }
    if (process.env.BENCH_DRAFTING_DETAILS) {
      for (const field of SCORED_FIELDS) console.log(`    ${field}: missed ${JSON.stringify(result.scores[field].missed)}; wrong ${JSON.stringify(result.scores[field].wrong)}`)
    }
    const nlp = result.analysisMs > 0 ? ` + NLP analysis ${result.analysisMs.toFixed(0)} ms` : ''
    console.log(`  ${result.pack.padEnd(18)} ${result.proposals} proposals from ${result.policyCharacters.toLocaleString('en')} characters: drafting ${result.draftMs.toFixed(0)} ms${nlp}`)
  }
}

export function printDrafting(figures: DraftingFigures): void {
  const { results, modelLoadMs } = figures
  console.log('\ndrafting: each shipped policy drafted and scored against its hand-written pack; learned parts fitted on the other four packs (leave one out)')
  console.log('  (the hand-written rules and synonyms were written while reading all five policies)')
  for (const variant of VARIANTS.filter((candidate) => candidate.id === 'nlp+learned' || candidate.id === 'rules')) {
    console.log(`  ${variant.label}:`)
    printPacks(results.filter((result) => result.variant === variant.id))
  }
  console.log('  all five (pooled), by variant:')
  for (const variant of VARIANTS) {
    console.log(`   ${variant.label}:`)
    for (const field of SCORED_FIELDS) {
      const total = pooled(
        results.filter((result) => result.variant === variant.id),
        field
      )
      const target = DRAFTING_TARGETS[field]
      const targetText = target && variant.id === 'nlp+learned' ? `  (target recall ≥ ${target.recall}${target.precision ? ` at precision ≥ ${target.precision}` : ''})` : ''
      console.log(`    ${field.padEnd(19)} precision ${ratio(total.precision)}  recall ${ratio(total.recall)}   ${total.counts.padEnd(28)}${targetText}`)
    }
  }
  const main = results.filter((result) => result.variant === 'nlp+learned')
  const misses = main.flatMap((result) =>
    Object.entries(DRAFTING_TARGETS).flatMap(([field, target]) => {
      const s = result.scores[field as ScoredField]
      const low = (s.recall !== null && s.recall < target.recall) || (target.precision !== undefined && s.precision !== null && s.precision < target.precision)
      return low ? [`${result.pack} ${field} (precision ${ratio(s.precision).trim()}, recall ${ratio(s.recall).trim()})`] : []
    })
  )
  console.log(`  held-out packs below a target: ${misses.length === 0 ? 'none' : misses.join('; ')}`)
  console.log(`  wink English model loaded once in ${modelLoadMs.toFixed(0)} ms`)
  mkdirSync('bench-results', { recursive: true })
  writeFileSync('bench-results/drafting.json', `${JSON.stringify({ ...figures, measuredAt: new Date().toISOString() }, null, 2)}\n`)
}
