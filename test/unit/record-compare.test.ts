import { describe, expect, it } from 'vitest'
import { differencesFromStored } from '@core/records/compare'
import { fieldValueText } from '@core/records/field-values'
import { formOfRecord } from '@core/records/model'
import { completeControllerRecord } from '../fixtures/checks/records'

describe('comparing an unsaved record with the stored one', () => {
  it('lists each differing field in words with both values, matching list items by id', () => {
    const stored = { ...completeControllerRecord(), revision: 4, owner: 'Stored owner' }
    const yours = formOfRecord(completeControllerRecord())
    const firstPurpose = yours.purposes![0]!
    yours.owner = 'My owner'
    yours.purposes = [{ ...firstPurpose, lawfulBasis: 'a' }, ...yours.purposes!.slice(1)]
    const differences = differencesFromStored(yours, stored)
    expect(differences).toEqual([
      { field: 'owner', label: 'Owner', yours: 'My owner', stored: 'Stored owner' },
      { field: `purposes[${firstPurpose.id}].lawfulBasis`, label: 'Purpose › Lawful basis', yours: 'a', stored: firstPurpose.lawfulBasis }
    ])
  })

  it('finds no difference between a record and its own form (identity, timestamps and revision are not fields the DPO edits)', () => {
    const stored = completeControllerRecord()
    expect(differencesFromStored(formOfRecord(stored), { ...stored, revision: 9, updatedAt: '2030-01-01T00:00:00.000Z' })).toEqual([])
  })
})

describe('a field value in words', () => {
  it('names enum keys, vocabulary terms and list items by their labels, never by internal keys or ids', () => {
    expect(fieldValueText('status', 'in-review')).toBe('In review')
    expect(fieldValueText('dpia.status', 'in-progress')).toBe('In progress')
    expect(fieldValueText('purposes[p1].lawfulBasis', 'f')).toMatch(/^Art\. 6\(1\)\(f\)/)
    expect(fieldValueText('securityMeasures', ['encryption-at-rest', 'encryption-in-transit'])).toBe('Encryption at rest, Encryption in transit')
    expect(fieldValueText('purposes[p1]', { id: 'p1', description: 'Pay staff', lawfulBasis: 'b', uses: [] })).toBe('Description: Pay staff; Lawful basis: Art. 6(1)(b) Contract')
    expect(fieldValueText('owner', '')).toBe('—')
    expect(fieldValueText('criminalOffenceData.processed', true)).toBe('Yes')
  })
})
