/** The drafting screen's review state, its several sources, quoting by keyboard and text highlighting, without a browser. */
import { describe, expect, it } from 'vitest'
import { draftFromPolicy } from '../../src-main/core/templates/drafting/extract'
import { acceptPending, acceptedProposals, editValue, quoteSelection, reviewCounts, setStatus, startReview } from '../../src-renderer/src/drafting/review-state'
import { textRuns } from '../../src-renderer/src/drafting/text-marks'
import { dependentsOf, newSourceId, proposalsOfSource, withoutSource } from '../../src-renderer/src/drafting/draft-sources'
import { moveQuoteSelection, quoteMoveFor, textUnits, wordSpans, type QuoteMove } from '../../src-renderer/src/drafting/keyboard-quote'
import type { DraftSource } from '../../src-main/core/templates/drafting/draft-pack'

const TEXT = 'We collect your name and email address. Payments are handled by Paylane.'
const LIST = 'Our sub-processors\n\nCloudvault Inc. hosts customer data in the United States. We collect your email address.'

describe('review state', () => {
  it('accepts the pending proposals of a field without undoing a rejection', () => {
    const items = startReview(draftFromPolicy(TEXT).proposals)
    const email = items.find((item) => item.proposal.field === 'dataCategory' && item.proposal.value.term === 'user.contact.email')!
    const rejected = setStatus(items, email.proposal.id, 'rejected')
    const accepted = acceptPending(rejected, 'dataCategory')
    expect(accepted.find((item) => item.proposal.id === email.proposal.id)?.status).toBe('rejected')
    expect(acceptedProposals(accepted).filter((proposal) => proposal.field === 'dataCategory').map((proposal) => proposal.value)).toEqual([{ term: 'user.name', wording: 'name' }])
    expect(reviewCounts(accepted).rejected).toBe(1)
  })

  it('marks an edited proposal accepted and edited, keeping its quote', () => {
    const items = startReview(draftFromPolicy(TEXT).proposals)
    const name = items.find((item) => item.proposal.field === 'dataCategory' && item.proposal.value.term === 'user.name')!
    const edited = editValue(items, name.proposal.id, { term: 'user.name.first', wording: 'name' }).find((item) => item.proposal.id === name.proposal.id)!
    expect(edited).toMatchObject({ status: 'accepted', edited: true, proposal: { quote: name.proposal.quote, value: { term: 'user.name.first' } } })
  })

  it('quotes a selected passage without its surrounding spaces, tied to its source, and refuses an empty or too long one', () => {
    const at = TEXT.indexOf(' Paylane')
    const result = quoteSelection([], { id: 'policy', text: TEXT }, { start: at, end: at + ' Paylane'.length }, 'subProcessor')
    if ('error' in result) throw new Error(result.error)
    expect(result.items.map((item) => [item.proposal.quote, item.proposal.value, item.proposal.source, item.proposal.span, item.status, item.authored])).toEqual([
      ['Paylane', { name: 'Paylane' }, 'policy', { start: at + 1, end: at + 8 }, 'accepted', true]
    ])
    expect(quoteSelection([], { id: 'policy', text: TEXT }, { start: 3, end: 3 }, 'vendor')).toEqual({ error: 'empty' })
    expect(quoteSelection([], { id: 'policy', text: 'x'.repeat(5000) }, { start: 0, end: 4500 }, 'purpose')).toEqual({ error: 'too-long', length: 4500 })
  })

  it('places a quote among the items of its own source, in the order of that text', () => {
    const policy = proposalsOfSource('policy', draftFromPolicy(TEXT).proposals)
    const list = proposalsOfSource('list', draftFromPolicy(LIST).proposals)
    const items = startReview([...policy, ...list])
    const at = TEXT.indexOf('email address')
    const result = quoteSelection(items, { id: 'policy', text: TEXT }, { start: at, end: at + 'email address'.length }, 'dataCategory')
    if ('error' in result) throw new Error(result.error)
    const index = result.items.findIndex((item) => item.proposal.id === result.id)
    const sources = result.items.map((item) => item.proposal.source)
    // Every policy item before every list item: the quote did not land among the list's.
    expect(sources.lastIndexOf('policy')).toBeLessThan(sources.indexOf('list'))
    expect(result.items.slice(0, index).every((item) => item.proposal.span.start <= at)).toBe(true)
  })
})

describe('several sources', () => {
  const SOURCES: DraftSource[] = [
    { id: 'privacy-policy', kind: 'privacy-policy', title: 'Policy', text: TEXT },
    { id: 'sub-processor-list', kind: 'sub-processor-list', title: 'List', text: LIST }
  ]

  it('gives a new source an id of its kind not taken yet', () => {
    expect(newSourceId('dpa', SOURCES)).toBe('dpa')
    expect(newSourceId('sub-processor-list', SOURCES)).toBe('sub-processor-list-2')
  })

  it('makes the proposals of each source unique and names their source, activities included', () => {
    const tagged = proposalsOfSource('sub-processor-list', [
      { id: 'activity-1', field: 'activity', value: { name: 'Hosting' }, span: { start: 0, end: 5 }, quote: 'Cloud', reason: { key: 'draftReasons:activityHeading' } },
      { id: 'subProcessor-1', field: 'subProcessor', value: { name: 'Cloudvault' }, span: { start: 0, end: 5 }, quote: 'Cloud', activity: 'activity-1', reason: { key: 'draftReasons:vendorGiven' } }
    ])
    expect(tagged.map((proposal) => [proposal.id, proposal.source, proposal.activity])).toEqual([
      ['sub-processor-list:activity-1', 'sub-processor-list', undefined],
      ['sub-processor-list:subProcessor-1', 'sub-processor-list', 'sub-processor-list:activity-1']
    ])
  })

  it('counts what depends on a source before it is removed, and removes it with its proposals only', () => {
    const items = startReview([...proposalsOfSource('privacy-policy', draftFromPolicy(TEXT).proposals), ...proposalsOfSource('sub-processor-list', draftFromPolicy(LIST).proposals)])
    const fromList = items.filter((item) => item.proposal.source === 'sub-processor-list')
    expect(fromList.length).toBeGreaterThan(0)
    const oneAccepted = setStatus(items, fromList[0]!.proposal.id, 'accepted')
    expect(dependentsOf(oneAccepted, SOURCES, 'sub-processor-list')).toEqual({ total: fromList.length, accepted: 1 })
    const removed = withoutSource(SOURCES, oneAccepted, 'sub-processor-list')
    expect(removed.sources.map((source) => source.id)).toEqual(['privacy-policy'])
    expect(removed.items.length).toBe(items.length - fromList.length)
    expect(removed.items.every((item) => item.proposal.source === 'privacy-policy')).toBe(true)
  })
})

describe('quoting by keyboard', () => {
  const text = 'Service Providers\n\nWe use Cloudvault to host all customer data. Payments are handled by Paylane.\nRetention'
  const units = textUnits(text)
  const quoted = (span: { start: number; end: number } | null) => (span ? text.slice(span.start, span.end) : null)
  const press = (span: { start: number; end: number } | null, ...moves: QuoteMove[]) => moves.reduce((current, move) => moveQuoteSelection(units, current, move), span)

  it('cuts the text into sentences, each line one at least, and into words and marks', () => {
    expect(units.sentences.map(quoted)).toEqual(['Service Providers', 'We use Cloudvault to host all customer data.', 'Payments are handled by Paylane.', 'Retention'])
    const list = 'Northbeam Labs, Inc. engages these. Cloudvault Inc. - hosting - United States'
    expect(textUnits(list).sentences.map((span) => list.slice(span.start, span.end))).toEqual(['Northbeam Labs, Inc. engages these.', 'Cloudvault Inc. - hosting - United States'])
    expect(wordSpans('Handled by Paylane, Inc. (e-mail)').map((span) => 'Handled by Paylane, Inc. (e-mail)'.slice(span.start, span.end))).toEqual(['Handled', 'by', 'Paylane', ',', 'Inc', '.', '(', 'e-mail', ')'])
  })

  it('selects the next and previous sentence with ↓ ↑, extends and shrinks by a sentence with Shift', () => {
    expect(quoted(press(null, 'next-sentence'))).toBe('Service Providers')
    expect(quoted(press(null, 'next-sentence', 'next-sentence', 'next-sentence'))).toBe('Payments are handled by Paylane.')
    expect(quoted(press(null, 'next-sentence', 'next-sentence', 'next-sentence', 'previous-sentence'))).toBe('We use Cloudvault to host all customer data.')
    expect(quoted(press(null, 'next-sentence', 'next-sentence', 'extend-sentence'))).toBe('We use Cloudvault to host all customer data. Payments are handled by Paylane.')
    expect(quoted(press(null, 'next-sentence', 'next-sentence', 'extend-sentence', 'shrink-sentence'))).toBe('We use Cloudvault to host all customer data.')
    // At the ends nothing moves past the text.
    expect(quoted(press(null, 'previous-sentence', 'next-sentence', 'next-sentence'))).toBe('Retention')
    expect(quoted(press(null, 'next-sentence', 'previous-sentence'))).toBe('Service Providers')
  })

  it('moves the start with → ← and the end with Shift+→ ←, word by word, never past each other', () => {
    const payments = press(null, 'next-sentence', 'next-sentence', 'next-sentence')
    expect(quoted(press(payments, 'start-later', 'start-later', 'start-later', 'start-later', 'end-earlier'))).toBe('Paylane')
    expect(quoted(press(payments, 'start-later', 'start-later', 'start-later', 'start-later', 'end-earlier', 'start-later', 'end-earlier'))).toBe('Paylane')
    expect(quoted(press(payments, 'start-earlier', 'start-earlier'))).toBe('data. Payments are handled by Paylane.')
    expect(quoted(press(payments, 'end-later'))).toBe('Payments are handled by Paylane.\nRetention')
  })

  it('maps the arrow keys to the moves', () => {
    expect([quoteMoveFor('ArrowDown', false), quoteMoveFor('ArrowDown', true), quoteMoveFor('ArrowLeft', false), quoteMoveFor('ArrowRight', true), quoteMoveFor('a', false)]).toEqual(['next-sentence', 'extend-sentence', 'start-earlier', 'end-later', null])
  })
})

describe('highlight runs', () => {
  it('cuts overlapping highlights into runs that each name every highlight covering them', () => {
    expect(textRuns(20, [{ id: 'sentence', span: { start: 0, end: 10 } }, { id: 'word', span: { start: 4, end: 7 } }, { id: 'later', span: { start: 15, end: 18 } }])).toEqual([
      { start: 0, end: 4, ids: ['sentence'] },
      { start: 4, end: 7, ids: ['sentence', 'word'] },
      { start: 7, end: 10, ids: ['sentence'] },
      { start: 10, end: 15, ids: [] },
      { start: 15, end: 18, ids: ['later'] },
      { start: 18, end: 20, ids: [] }
    ])
  })
})
