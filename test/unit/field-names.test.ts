import { describe, expect, it } from 'vitest'
import { describeFieldPath, describeFieldValue, itemPositionIn } from '@core/records/field-names'

describe('describeFieldPath', () => {
  it('names list items by position, counting from one', () => {
    expect(describeFieldPath('purposes.0.lawfulBasis')).toBe('Purpose 1 › Lawful basis')
    expect(describeFieldPath('purposes[1].lawfulBasis')).toBe('Purpose 2 › Lawful basis')
  })
  it('names each retention sub-field under the retention of its category', () => {
    expect(describeFieldPath('dataCategories.2.retention.period')).toBe('Data category 3 › Retention › Period')
    expect(describeFieldPath('dataCategories.0.retention.mode')).toBe('Data category 1 › Retention › Kind')
  })
  it('numbers items addressed by id where the record still has them', () => {
    const position = itemPositionIn({ dataCategories: [{ id: 'c1' }, { id: 'c2' }] })
    expect(describeFieldPath('dataCategories[c2].retention.mode', position)).toBe('Data category 2 › Retention › Kind')
    expect(describeFieldPath('dataCategories[gone]', position)).toBe('Data category')
  })
  it('names items addressed by id (history) without a number', () => {
    expect(describeFieldPath('transfers[5f0c9a2e-1b].safeguard')).toBe('Transfer › Safeguard')
  })
  it('falls back to spaced words for a field it does not know', () => {
    expect(describeFieldPath('someNewField')).toBe('Some New Field')
  })
})

describe('describeFieldValue', () => {
  it('shows enum values by their labels, not their stored keys', () => {
    expect(describeFieldValue('dataCategories[c1].retention.mode', 'period')).toBe('Fixed period')
    expect(describeFieldValue('purposes.0.lawfulBasis', 'f')).toBe('Art. 6(1)(f) Legitimate interests')
    expect(describeFieldValue('transfers[t1].safeguard', 'sccs')).toBe('Standard contractual clauses (Art. 46(2)(c))')
    expect(describeFieldValue('status', 'in-review')).toBe('In review')
    expect(describeFieldValue('dpia.status', 'in-progress')).toBe('In progress')
    expect(describeFieldValue('securityMeasures', ['encryption-at-rest', 'logging'])).toBe('Encryption at rest, Logging and monitoring')
  })
  it('shows flags, empties and vocabulary terms as words', () => {
    expect(describeFieldValue('criminalOffenceData.processed', true)).toBe('Yes')
    expect(describeFieldValue('name', '')).toBe('(empty)')
    expect(describeFieldValue('name', undefined)).toBe('—')
    expect(describeFieldValue('dataCategories[c1].term', 'user.contact.email')).not.toBe('user.contact.email')
  })
  it('shows an added or removed item as its labelled fields, without its id', () => {
    const purpose = { id: 'p1', description: 'Pay staff', lawfulBasis: 'b', uses: [], liaReference: '' }
    expect(describeFieldValue('purposes[p1]', purpose)).toBe('Description: Pay staff; Lawful basis: Art. 6(1)(b) Contract')
  })
})
