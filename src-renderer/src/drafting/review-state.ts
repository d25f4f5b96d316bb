/**
 * The author's review of a draft: each proposal pending, accepted or rejected, perhaps edited,
 * and passages the author quoted themselves. Pure, so that the page only renders it.
 */
import { valueForSelection } from '@core/templates/drafting/extract'
import { draftReason } from '@core/templates/drafting/draft-reasons'
import { DRAFT_FIELDS, type DraftField, type DraftProposal, type DraftValueByField, type Span } from '@core/templates/drafting/proposal'

export type ReviewStatus = 'pending' | 'accepted' | 'rejected'

export interface ReviewItem {
  proposal: DraftProposal
  status: ReviewStatus
  /** The author changed the value (the quote stays the policy's own words). */
  edited: boolean
  /** The author selected the passage; the assistant did not propose it. */
  authored: boolean
}

export function startReview(proposals: readonly DraftProposal[], status: ReviewStatus = 'pending'): ReviewItem[] {
  return proposals.map((proposal) => ({ proposal, status, edited: false, authored: false }))
}

export function setStatus(items: readonly ReviewItem[], id: string, status: ReviewStatus): ReviewItem[] {
  return items.map((item) => (item.proposal.id === id ? { ...item, status } : item))
}

/** Accepts every pending proposal of a field (or of all fields); rejected ones stay rejected. */
export function acceptPending(items: readonly ReviewItem[], field?: DraftField): ReviewItem[] {
  return items.map((item) => (item.status === 'pending' && (!field || item.proposal.field === field) ? { ...item, status: 'accepted' } : item))
}

/** A new value for a proposal: edited and accepted. */
export function editValue<F extends DraftField>(items: readonly ReviewItem[], id: string, value: DraftValueByField[F]): ReviewItem[] {
  return items.map((item) => (item.proposal.id === id ? { ...item, proposal: { ...item.proposal, value } as DraftProposal, status: 'accepted', edited: true } : item))
}

let authoredCounter = 0

export type QuoteRefusal = { error: 'empty' } | { error: 'too-long'; length: number }

/** Quotes hold at most this many characters (the pack format's limit). */
export const MAX_QUOTE_LENGTH = 4000

/**
 * The passage the author selected in one source, as an accepted quote for `field`, its value
 * read by the same rules; placed among that source's items by its position in the text.
 */
export function quoteSelection(items: readonly ReviewItem[], source: { id: string; text: string }, span: Span, field: DraftField): { items: ReviewItem[]; id: string } | QuoteRefusal {
  const { text } = source
  const quote = text.slice(span.start, span.end)
  if (quote.trim() === '') return { error: 'empty' }
  if (quote.length > MAX_QUOTE_LENGTH) return { error: 'too-long', length: quote.length }
  // Leading and trailing spaces are not part of the quote.
  const start = span.start + (quote.length - quote.trimStart().length)
  const end = span.end - (quote.length - quote.trimEnd().length)
  authoredCounter += 1
  const id = `${source.id}:${field}-selected-${start}-${authoredCounter}`
  const proposal = {
    id,
    field,
    value: valueForSelection(field, text.slice(start, end)),
    span: { start, end },
    quote: text.slice(start, end),
    source: source.id,
    reason: draftReason('quotedByYou')
  } as DraftProposal
  const item: ReviewItem = { proposal, status: 'accepted', edited: false, authored: true }
  const sameSource = (candidate: ReviewItem) => (candidate.proposal.source ?? source.id) === source.id
  const after = items.findIndex((candidate) => sameSource(candidate) && candidate.proposal.span.start > start)
  const lastOfSource = items.reduce((found, candidate, index) => (sameSource(candidate) ? index : found), -1)
  const at = after >= 0 ? after : lastOfSource >= 0 ? lastOfSource + 1 : items.length
  return { items: [...items.slice(0, at), item, ...items.slice(at)], id }
}

export function acceptedProposals(items: readonly ReviewItem[]): DraftProposal[] {
  return items.filter((item) => item.status === 'accepted').map((item) => item.proposal)
}

export function itemsByField(items: readonly ReviewItem[]): Array<{ field: DraftField; items: ReviewItem[] }> {
  return DRAFT_FIELDS.map((field) => ({ field, items: items.filter((item) => item.proposal.field === field) }))
}

export function reviewCounts(items: readonly ReviewItem[]): Record<ReviewStatus, number> {
  const counts: Record<ReviewStatus, number> = { pending: 0, accepted: 0, rejected: 0 }
  for (const item of items) counts[item.status] += 1
  return counts
}
