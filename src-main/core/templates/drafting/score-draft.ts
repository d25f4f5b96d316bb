/**
 * Scores a draft against a pack written by hand from the same policy (the gold standard), per
 * field, as `npm run bench` reports it. Matching rules:
 * - data categories: a proposed key hits a gold key when they are equal or one is the parent or
 *   child of the other (dotted paths); `custom:` gold terms are not keys and are counted apart
 *   (`dataCategoriesExact` counts equal keys only, the stricter figure);
 * - sub-processors: by normalised name (no legal suffix, case or punctuation); a gold name written
 *   "Parent (Product)" also matches "Parent" or "Product";
 * - retention: a period by number and unit; a criterion when its sentence overlaps a gold quote;
 * - transfer countries: by ISO code (gold destinations that name no country have none).
 */
import { resolveDestinationCode } from '../../legal/destinations'
import { isCustomTerm } from '../../vocabulary/vocabulary'
import type { TemplatePack } from '../pack-schema'
import { locateIn, normaliseWithOffsets } from './locate-quote'
import { nameKey } from './names'
import type { DraftProposal, Span } from './proposal'

export const SCORED_FIELDS = ['dataCategories', 'dataCategoriesExact', 'subProcessors', 'retention', 'transferCountries'] as const
export type ScoredField = (typeof SCORED_FIELDS)[number]

export interface FieldScore {
  /** Proposed values that match a gold value. */
  truePositives: number
  proposed: number
  /** Gold values some proposal matches. */
  found: number
  gold: number
  precision: number | null
  recall: number | null
  /** Gold values that could not be scored (custom terms, unnamed countries), for the record. */
  unscoredGold: number
  missed: string[]
  wrong: string[]
}

function score(proposed: readonly string[], gold: readonly string[], matches: (proposal: string, gold: string) => boolean, unscoredGold = 0): FieldScore {
  const hits = proposed.filter((value) => gold.some((goldValue) => matches(value, goldValue)))
  const found = gold.filter((goldValue) => proposed.some((value) => matches(value, goldValue)))
  return {
    truePositives: hits.length,
    proposed: proposed.length,
    found: found.length,
    gold: gold.length,
    precision: proposed.length === 0 ? null : hits.length / proposed.length,
    recall: gold.length === 0 ? null : found.length / gold.length,
    unscoredGold,
    missed: gold.filter((goldValue) => !found.includes(goldValue)),
    wrong: proposed.filter((value) => !hits.includes(value))
  }
}

const unique = (values: Iterable<string>): string[] => [...new Set(values)]

export function isSameOrRelatedKey(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`)
}

function nameVariants(name: string): string[] {
  const inside = /\(([^)]*)\)/.exec(name)?.[1]
  const outside = name.replace(/\([^)]*\)/g, ' ')
  return unique([nameKey(name), nameKey(outside), ...(inside ? [nameKey(inside)] : [])].filter((key) => key !== ''))
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end
}

function groupCriteria(criteria: ReadonlyArray<{ label: string; spans: Span[] }>): Array<{ label: string; spans: Span[] }> {
  const byLabel = new Map<string, Span[]>()
  for (const criterion of criteria) byLabel.set(criterion.label, [...(byLabel.get(criterion.label) ?? []), ...criterion.spans])
  return [...byLabel.entries()].map(([label, spans]) => ({ label, spans }))
}

/** The gold values of a pack for the scored fields, and how a proposal's value is matched to one. */
function goldOf(gold: TemplatePack, text: string) {
  const activities = gold.activities

  const goldTerms = unique(activities.flatMap((activity) => activity.dataCategories.map((category) => category.term)))
  const goldKeys = goldTerms.filter((term) => !isCustomTerm(term))

  const goldNames = unique(activities.flatMap((activity) => activity.subProcessors.map((processor) => processor.name)))

  const normalised = normaliseWithOffsets(text)
  const goldRetentions = activities.flatMap((activity) => [activity.retention, ...activity.dataCategories.map((category) => category.retention)].filter((retention) => retention !== undefined))
  const goldPeriods = unique(goldRetentions.flatMap((retention) => (retention.mode === 'period' && retention.period && retention.unit ? [`${retention.period} ${retention.unit}`] : [])))
  // One activity's criterion is often repeated in the next: count each criterion once.
  const goldCriteria = groupCriteria(
    goldRetentions.flatMap((retention) =>
      retention.mode === 'criterion' ? [{ label: retention.criterion ?? '', spans: retention.quotes.map((quote) => locateIn(normalised, quote)).filter((span) => span !== null) }] : []
    )
  )
  const retentionLabel = (proposal: DraftProposal): string =>
    proposal.field === 'retention' && proposal.value.mode === 'period' ? `${proposal.value.period} ${proposal.value.unit}` : `criterion@${proposal.span.start}-${proposal.span.end}`
  const goldRetentionLabels = [...goldPeriods, ...goldCriteria.map((criterion, index) => `gold-criterion-${index}: ${criterion.label}`)]
  const retentionMatches = (label: string, goldLabel: string): boolean => {
    if (!label.startsWith('criterion@')) return label === goldLabel
    const criterionIndex = /^gold-criterion-(\d+):/.exec(goldLabel)?.[1]
    if (criterionIndex === undefined) return false
    const [start, end] = label.slice('criterion@'.length).split('-').map(Number)
    return (goldCriteria[Number(criterionIndex)]?.spans ?? []).some((span) => overlaps(span, { start: start!, end: end! }))
  }

  const goldDestinations = unique(activities.flatMap((activity) => activity.transfers.map((transfer) => transfer.country)))
  const goldCodes = unique(goldDestinations.map(resolveDestinationCode).filter((code) => code !== ''))
  const nameMatches = (proposal: string, goldName: string): boolean => nameVariants(goldName).includes(nameKey(proposal))
  return { goldTerms, goldKeys, goldNames, nameMatches, retentionLabel, goldRetentionLabels, retentionMatches, goldDestinations, goldCodes }
}

export function scoreDraft(proposals: readonly DraftProposal[], gold: TemplatePack, text: string): Record<ScoredField, FieldScore> {
  const { goldTerms, goldKeys, goldNames, nameMatches, retentionLabel, goldRetentionLabels, retentionMatches, goldDestinations, goldCodes } = goldOf(gold, text)
  const proposedKeys = unique(proposals.flatMap((proposal) => (proposal.field === 'dataCategory' ? [proposal.value.term] : [])))
  const proposedNames = unique(proposals.flatMap((proposal) => (proposal.field === 'subProcessor' ? [proposal.value.name] : [])))
  const retentionProposals = proposals.filter((proposal) => proposal.field === 'retention')
  const proposedCodes = unique(proposals.flatMap((proposal) => (proposal.field === 'transfer' && proposal.value.countryCode ? [proposal.value.countryCode] : [])))

  return {
    dataCategories: score(proposedKeys, goldKeys, isSameOrRelatedKey, goldTerms.length - goldKeys.length),
    dataCategoriesExact: score(proposedKeys, goldKeys, (a, b) => a === b, goldTerms.length - goldKeys.length),
    subProcessors: score(proposedNames, goldNames, nameMatches),
    retention: score(unique(retentionProposals.map(retentionLabel)), goldRetentionLabels, retentionMatches),
    transferCountries: score(proposedCodes, goldCodes, (a, b) => a === b, goldDestinations.length - goldCodes.length)
  }
}

/**
 * Whether each proposal of the scored kinds (data category, sub-processor, retention) matches a
 * gold value, as `scoreDraft` counts it: the labels the learned parts are fitted on.
 */
export function judgeProposals(proposals: readonly DraftProposal[], gold: TemplatePack, text: string): Map<string, boolean> {
  const { goldKeys, goldNames, nameMatches, retentionLabel, goldRetentionLabels, retentionMatches } = goldOf(gold, text)
  const judged = new Map<string, boolean>()
  for (const proposal of proposals) {
    if (proposal.field === 'dataCategory') judged.set(proposal.id, goldKeys.some((key) => isSameOrRelatedKey(proposal.value.term, key)))
    else if (proposal.field === 'subProcessor') judged.set(proposal.id, goldNames.some((name) => nameMatches(proposal.value.name, name)))
    else if (proposal.field === 'retention') judged.set(proposal.id, goldRetentionLabels.some((label) => retentionMatches(retentionLabel(proposal), label)))
  }
  return judged
}
