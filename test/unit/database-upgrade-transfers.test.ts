/** A version 3 database's transfers (one coarse `safeguard` each) open in version 5 with mechanism and instrument, nothing invented. */
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { DATABASE_NAME, RopaDatabase, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../src-renderer/src/db/database'
import { storedRecordSchema, type StoredRecord } from '@core/records/model'
import { emptyRecordForm } from '@core/records/new-record'

class VersionThreeDatabase extends Dexie {
  constructor(name: string) {
    super(name)
    this.version(1).stores(SCHEMA_V1)
    this.version(2).stores(SCHEMA_V2)
    this.version(3).stores(SCHEMA_V3)
  }
}

const legacyTransfers = [
  { id: 't1', recipient: 'Mail service', country: 'USA', safeguard: 'adequacy', documentation: '' },
  { id: 't2', recipient: 'Support desk', country: 'India', safeguard: 'sccs', documentation: '' },
  { id: 't3', recipient: 'Hosting', country: 'India', safeguard: 'sccs', documentation: 'SCCs 2021/914 module 3, TIA on file' },
  { id: 't4', recipient: 'Group company', country: 'Brazil', safeguard: 'bcr', documentation: '' },
  { id: 't5', recipient: 'Travel agency', country: 'Narnia', safeguard: 'derogation', documentation: 'Art. 49(1)(b): contract with the traveller' },
  { id: 't6', recipient: 'Old vendor', country: 'United States', safeguard: 'Privacy Shield', documentation: '' }
]

describe('database version 5', () => {
  it('reads every stored transfer from a version 3 database into the new fields, and drops nothing else', async () => {
    const name = `${DATABASE_NAME}-transfers-${crypto.randomUUID()}`
    const old = new VersionThreeDatabase(name)
    const stored = { ...emptyRecordForm('controller'), name: 'Customer support', id: 'rec-1', reference: 'PA-0001', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', approvedBy: '', approvedAt: '', revision: 4, transfers: legacyTransfers }
    await old.table('records').put(stored)
    old.close()

    const upgraded = new RopaDatabase(name)
    await upgraded.open()
    expect(upgraded.verno).toBe(5)
    const [record] = await upgraded.records.toArray()
    const pick = ({ id, country, countryCode, mechanism, instrument, sccModule, derogation, documentation, tiaReference }: StoredRecord['transfers'][number]) => ({ id, country, countryCode, mechanism, instrument, sccModule, derogation, documentation, tiaReference })
    expect(record!.transfers.map(pick)).toEqual([
      { id: 't1', country: 'USA', countryCode: 'US', mechanism: 'art45', instrument: 'adequacy-decision', sccModule: '', derogation: '', documentation: '', tiaReference: '' },
      { id: 't2', country: 'India', countryCode: 'IN', mechanism: 'art46', instrument: '', sccModule: '', derogation: '', documentation: 'Standard contractual clauses (Art. 46(2)(c))', tiaReference: '' },
      { id: 't3', country: 'India', countryCode: 'IN', mechanism: 'art46', instrument: 'scc-2021', sccModule: '3', derogation: '', documentation: 'SCCs 2021/914 module 3, TIA on file', tiaReference: '' },
      { id: 't4', country: 'Brazil', countryCode: 'BR', mechanism: 'art47', instrument: '', sccModule: '', derogation: '', documentation: '', tiaReference: '' },
      { id: 't5', country: 'Narnia', countryCode: '', mechanism: 'art49', instrument: 'derogation', sccModule: '', derogation: 'contract-with-subject', documentation: 'Art. 49(1)(b): contract with the traveller', tiaReference: '' },
      { id: 't6', country: 'United States', countryCode: 'US', mechanism: 'art45', instrument: 'privacy-shield', sccModule: '', derogation: '', documentation: 'Privacy Shield', tiaReference: '' }
    ])
    expect(record!.transfers.every((transfer) => !('safeguard' in transfer))).toBe(true)
    // Everything else is as it was, and the record is valid in the current model.
    expect({ ...record!, transfers: [] }).toEqual({ ...stored, transfers: [] })
    expect(storedRecordSchema.safeParse(record).success).toBe(true)
    await upgraded.delete()
  })
})
