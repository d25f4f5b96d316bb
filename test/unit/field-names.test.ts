import { describe, expect, it } from 'vitest'
import { describeFieldPath } from '@core/records/field-names'

describe('describeFieldPath', () => {
  it('names list items by position, counting from one', () => {
    expect(describeFieldPath('purposes.0.lawfulBasis')).toBe('Purpose 1 › Lawful basis')
    expect(describeFieldPath('purposes[1].lawfulBasis')).toBe('Purpose 2 › Lawful basis')
  })
  it('reads a retention sub-field as the retention of its category', () => {
    expect(describeFieldPath('dataCategories.2.retention.period')).toBe('Data category 3 › Retention')
  })
  it('names items addressed by id (history) without a number', () => {
    expect(describeFieldPath('transfers[5f0c9a2e-1b].safeguard')).toBe('Transfer › Safeguard')
  })
  it('falls back to spaced words for a field it does not know', () => {
    expect(describeFieldPath('someNewField')).toBe('Some New Field')
  })
})
