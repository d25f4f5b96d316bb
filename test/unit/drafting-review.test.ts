/** The drafting screen's review state and text highlighting, without a browser. */
import { describe, expect, it } from 'vitest'
import { draftFromPolicy } from '../../src-main/core/templates/drafting/extract'
import { acceptPending, acceptedProposals, editValue, quoteSelection, reviewCounts, setStatus, startReview } from '../../src-renderer/src/drafting/review-state'
import { textRuns } from '../../src-renderer/src/drafting/text-marks'

const TEXT = 'We collect your name and email address. Payments are handled by Paylane.'

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

  it('quotes a selected passage without its surrounding spaces, and refuses an empty or too long one', () => {
    const at = TEXT.indexOf(' Paylane')
    const result = quoteSelection([], TEXT, { start: at, end: at + ' Paylane'.length }, 'subProcessor')
    if ('error' in result) throw new Error(result.error)
    expect(result.items.map((item) => [item.proposal.quote, item.proposal.value, item.status, item.authored])).toEqual([['Paylane', { name: 'Paylane' }, 'accepted', true]])
    expect(quoteSelection([], TEXT, { start: 3, end: 3 }, 'vendor')).toEqual({ error: 'Select some text of the policy first.' })
    expect(quoteSelection([], 'x'.repeat(5000), { start: 0, end: 4500 }, 'purpose')).toEqual({ error: expect.stringMatching(/at most 4,000/) })
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
