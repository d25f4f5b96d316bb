/**
 * `npm run bench`, drafting section (BENCH_ONLY=drafting): the drafting assistant run on each
 * shipped policy (embedded in its pack), scored against the pack written by hand from it (templates/*.json), per field:
 * precision, recall and counts. The extractor has no tuned parameters (no thresholds, no weights
 * fitted to data), so there is nothing to fit on four packs: each pack is scored as held out.
 * The rules were, however, written by reading these five policies: the figures are not those of
 * a policy nobody looked at. Also times one drafting of each policy.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { draftFromPolicy } from '../src-main/core/templates/drafting/extract'
import { embeddedPolicyText } from '../src-main/core/templates/drafting/proposals-from-pack'
import { SCORED_FIELDS, scoreDraft, type FieldScore, type ScoredField } from '../src-main/core/templates/drafting/score-draft'
import { isPackFileName, validatePackText } from '../src-main/core/templates/validate-pack'

const TEMPLATES = join(import.meta.dirname, '..', 'templates')

export const DRAFTING_TARGETS: Partial<Record<ScoredField, { recall: number; precision?: number }>> = {
  dataCategories: { recall: 0.7, precision: 0.6 },
  subProcessors: { recall: 0.8 },
  retention: { recall: 0.8 }
}

const ratio = (value: number | null): string => (value === null ? '  n/a' : value.toFixed(2).padStart(5))

export interface DraftingPackFigures {
  pack: string
  policyCharacters: number
  draftMs: number
  proposals: number
  scores: Record<ScoredField, FieldScore>
}

export function benchDrafting(): DraftingPackFigures[] {
  const results: DraftingPackFigures[] = []
  for (const file of readdirSync(TEMPLATES).filter(isPackFileName).sort()) {
    const validation = validatePackText(readFileSync(join(TEMPLATES, file), 'utf8'))
    if (!validation.ok) throw new Error(`${file}: not a valid pack`)
    const gold = validation.pack
    // The policy the pack was written from, embedded in it (format 2).
    const text = embeddedPolicyText(gold)
    draftFromPolicy(text) // warm-up: the first run compiles the patterns
    const start = performance.now()
    const draft = draftFromPolicy(text)
    const draftMs = performance.now() - start
    results.push({ pack: gold.id, policyCharacters: text.length, draftMs, proposals: draft.proposals.length, scores: scoreDraft(draft.proposals, gold, text) })
  }
  return results
}

function total(results: readonly DraftingPackFigures[], field: ScoredField): { precision: number | null; recall: number | null } {
  const sum = (key: keyof FieldScore) => results.reduce((all, result) => all + (result.scores[field][key] as number), 0)
  const proposed = sum('proposed')
  const gold = sum('gold')
  return { precision: proposed === 0 ? null : sum('truePositives') / proposed, recall: gold === 0 ? null : sum('found') / gold }
}

export function printDrafting(results: readonly DraftingPackFigures[]): void {
  console.log('\ndrafting: each shipped policy drafted and scored against its hand-written pack (held out: nothing is tuned)')
  console.log('  pack               field              precision  recall   hits/proposed  found/gold  (unscored gold)')
  for (const result of results) {
    for (const field of SCORED_FIELDS) {
      const s = result.scores[field]
      console.log(
        `  ${result.pack.padEnd(18)} ${field.padEnd(18)} ${ratio(s.precision)}     ${ratio(s.recall)}   ${`${s.truePositives}/${s.proposed}`.padStart(9)}      ${`${s.found}/${s.gold}`.padStart(6)}     ${s.unscoredGold > 0 ? `(${s.unscoredGold} not scorable)` : ''}`
      )
    }
    if (process.env.BENCH_DRAFTING_DETAILS) {
      for (const field of SCORED_FIELDS) console.log(`    ${field}: missed ${JSON.stringify(result.scores[field].missed)}; wrong ${JSON.stringify(result.scores[field].wrong)}`)
    }
    console.log(`  ${result.pack.padEnd(18)} ${result.proposals} proposals from ${result.policyCharacters.toLocaleString()} characters in ${result.draftMs.toFixed(0)} ms`)
  }
  console.log('  all five (pooled):')
  for (const field of SCORED_FIELDS) {
    const pooled = total(results, field)
    const target = DRAFTING_TARGETS[field]
    const targetText = target ? `  (target recall ≥ ${target.recall}${target.precision ? ` at precision ≥ ${target.precision}` : ''})` : ''
    console.log(`    ${field.padEnd(18)} precision ${ratio(pooled.precision)}  recall ${ratio(pooled.recall)}${targetText}`)
  }
  mkdirSync('bench-results', { recursive: true })
  writeFileSync('bench-results/drafting.json', `${JSON.stringify({ results, measuredAt: new Date().toISOString() }, null, 2)}\n`)
}
