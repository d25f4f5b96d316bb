/**
 * The documents of a draft (privacy policy, sub-processor list, DPA...): ids for new ones, the
 * proposals read from each tagged with it, and what depends on one before it is removed. Pure.
 */
import type { DraftSource } from '@core/templates/drafting/draft-pack'
import type { DraftProposal } from '@core/templates/drafting/proposal'
import type { ReviewItem } from './review-state'

/** A slug unique among the draft's sources, made from the document's kind ("sub-processor-list-2"). */
export function newSourceId(kind: DraftSource['kind'], taken: readonly DraftSource[]): string {
  const ids = new Set(taken.map((source) => source.id))
  let id: string = kind
  for (let suffix = 2; ids.has(id); suffix += 1) id = `${kind}-${suffix}`
  return id
}

/** The assistant's proposals for one document: ids made unique across documents, each naming its source. */
export function proposalsOfSource(sourceId: string, proposals: readonly DraftProposal[]): DraftProposal[] {
  return proposals.map((proposal) => ({
    ...proposal,
    id: `${sourceId}:${proposal.id}`,
    source: sourceId,
    ...(proposal.activity ? { activity: `${sourceId}:${proposal.activity}` } : {})
  }))
}

/** The source a proposal stands in: the one it names, else the draft's first. */
export function sourceIdOf(proposal: DraftProposal, sources: readonly DraftSource[]): string {
  return proposal.source ?? sources[0]?.id ?? ''
}

/** The proposals read from a source, and how many of them are accepted: what removing it takes away. */
export function dependentsOf(items: readonly ReviewItem[], sources: readonly DraftSource[], sourceId: string): { total: number; accepted: number } {
  const from = items.filter((item) => sourceIdOf(item.proposal, sources) === sourceId)
  return { total: from.length, accepted: from.filter((item) => item.status === 'accepted').length }
}

/** The draft without a source and every proposal read from it. */
export function withoutSource(sources: readonly DraftSource[], items: readonly ReviewItem[], sourceId: string): { sources: DraftSource[]; items: ReviewItem[] } {
  return {
    sources: sources.filter((source) => source.id !== sourceId),
    items: items.filter((item) => sourceIdOf(item.proposal, sources) !== sourceId)
  }
}

export function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** A document's first line as its title, when short enough to be one. */
export function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim() !== '')?.trim() ?? ''
  return line.length <= 120 ? line : ''
}
