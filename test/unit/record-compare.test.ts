import { describe, expect, it } from 'vitest'
import { differencesFromStored } from '@core/records/compare'
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

