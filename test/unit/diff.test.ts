import { describe, expect, it } from 'vitest'
import { diffRecords } from '@core/records/diff'

describe('diffRecords', () => {
  it('reports changed scalar fields with old and new values', () => {
    expect(diffRecords({ name: 'Payroll', owner: 'HR' }, { name: 'Payroll run', owner: 'HR' })).toEqual([
      { field: 'name', before: 'Payroll', after: 'Payroll run' }
    ])
  })

  it('matches list items by id, so removing one item reports only that item', () => {
    const a = { id: 'a', name: 'Stripe' }
    const b = { id: 'b', name: 'Mailchimp' }
    const c = { id: 'c', name: 'Zendesk' }
    expect(diffRecords({ recipients: [a, b, c] }, { recipients: [a, c] })).toEqual([
      { field: 'recipients[b]', before: b, after: undefined }
    ])
  })

  it('reports a nested change inside a list item by path', () => {
    const before = { transfers: [{ id: 't1', country: 'US', safeguard: 'sccs' }] }
    const after = { transfers: [{ id: 't1', country: 'US', safeguard: 'adequacy' }] }
    expect(diffRecords(before, after)).toEqual([{ field: 'transfers[t1].safeguard', before: 'sccs', after: 'adequacy' }])
  })

  it('ignores bookkeeping timestamps', () => {
    expect(diffRecords({ name: 'x', updatedAt: '1' }, { name: 'x', updatedAt: '2' })).toEqual([])
  })
})
