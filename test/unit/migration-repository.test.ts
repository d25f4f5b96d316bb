import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyChain } from '@core/audit/audit-chain'
import type { Mapping } from '@core/migration/types'
import { emptyRecordForm } from '@core/records/new-record'
import type { Organisation } from '@core/records/model'
import { RopaDatabase } from '../../src-renderer/src/db/database'
import { MigrationRepository, SAVED_MAPPINGS_KEY } from '../../src-renderer/src/db/migration-repository'
import { RegisterRepository } from '../../src-renderer/src/db/register-repository'

let db: RopaDatabase
let register: RegisterRepository
let migration: MigrationRepository

const organisation: Organisation = {
  controller: { name: 'Northwind Analytics GmbH', address: '', email: 'privacy@northwind.example', phone: '' },
  dpo: { name: 'Jonas Weber', address: '', email: '', phone: '' },
  representative: { name: '', address: '', email: '', phone: '' },
  jointControllers: [],
  regime: 'eu',
  updatedAt: ''
}

beforeEach(async () => {
  db = new RopaDatabase(`test-${crypto.randomUUID()}`)
  register = new RegisterRepository(db)
  migration = new MigrationRepository(db, register)
  await register.saveUserProfile({ name: 'Dana DPO', role: 'DPO' })
  await register.saveOrganisation(organisation)
})
afterEach(async () => {
  await db.delete()
})

const legacyRow = (name: string, previousReference: string) => ({
  ...emptyRecordForm('controller'),
  name,
  previousReference,
  status: 'approved' as const,
  notes: 'Owner (Register!F4): Finance',
  importedFrom: [{ file: 'register.xlsx', sheet: 'Register', cell: 'B4', heading: 'Activity', text: name, field: 'name' }]
})

async function everything() {
  return { records: await db.records.toArray(), audit: await db.auditLog.toArray(), meta: await db.meta.toArray(), organisation: await db.organisation.toArray() }
}

describe('MigrationRepository.importRecords', () => {
  it('stores every planned record as a draft at revision 1, continuing the register, with one audit entry naming the file', async () => {
    await register.createRecord({ ...emptyRecordForm('controller'), name: 'Existing' })
    const stored = await migration.importRecords({ fileName: 'register.xlsx', records: [legacyRow('Payroll', 'R-1'), legacyRow('CCTV', 'R-2')] })
    expect(stored.map((record) => [record.reference, record.name, record.previousReference, record.status, record.revision])).toEqual([
      ['PA-0002', 'Payroll', 'R-1', 'draft', 1],
      ['PA-0003', 'CCTV', 'R-2', 'draft', 1]
    ])
    const inDb = await db.records.orderBy('reference').toArray()
    expect(inDb.map((record) => record.reference)).toEqual(['PA-0001', 'PA-0002', 'PA-0003'])
    expect(inDb[1]?.importedFrom).toEqual([{ file: 'register.xlsx', sheet: 'Register', cell: 'B4', heading: 'Activity', text: 'Payroll', field: 'name' }])
    expect(inDb[1]?.notes).toBe('Owner (Register!F4): Finance')
    const audit = await db.auditLog.orderBy('seq').toArray()
    expect(audit.at(-1)?.summary).toBe('Imported 2 records from register.xlsx (PA-0002–PA-0003)')
    expect(verifyChain(audit, await register.auditAnchor()).ok).toBe(true)
    // The next record made by hand continues after the imported ones.
    expect((await register.createRecord({ ...emptyRecordForm('controller'), name: 'Later' })).reference).toBe('PA-0004')
  })

  it('takes the organisation fields chosen from the file in the same transaction, audited old → new', async () => {
    const updated = { ...organisation, dpo: { ...organisation.dpo, email: 'dpo@northwind.example' } }
    await migration.importRecords({ fileName: 'register.xlsx', records: [legacyRow('Payroll', 'R-1')], organisation: updated })
    expect((await register.getOrganisation())?.dpo.email).toBe('dpo@northwind.example')
    const last = (await db.auditLog.orderBy('seq').toArray()).at(-1)
    expect(last?.summary).toBe('Organisation profile updated from register.xlsx')
    expect(last?.changes).toEqual([expect.objectContaining({ field: 'dpo.email', before: '', after: 'dpo@northwind.example' })])
  })

  it('stores nothing at all when a write fails part-way (the records, the counter, the audit trail and the organisation stay as they were)', async () => {
    const before = await everything()
    const updated = { ...organisation, dpo: { ...organisation.dpo, email: 'dpo@northwind.example' } }
    // The audit entry is written after the records: make it fail, as a full disk would.
    db.auditLog.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    await expect(migration.importRecords({ fileName: 'register.xlsx', records: [legacyRow('Payroll', 'R-1'), legacyRow('CCTV', 'R-2')], organisation: updated })).rejects.toThrow(/quota/)
    expect(await everything()).toEqual(before)
  })

  it('refuses an invalid planned record before writing anything, naming the file and the record', async () => {
    const before = await everything()
    // A blank name is stored (a finding); a malformed date is not.
    await expect(migration.importRecords({ fileName: 'register.xlsx', records: [legacyRow('Payroll', 'R-1'), { ...legacyRow('CCTV', 'R-2'), lastReviewed: '31/03/2024' }] })).rejects.toThrow(
      /^Record 2 of register\.xlsx is not valid: .*YYYY-MM-DD.*Nothing was stored\.$/
    )
    expect(await everything()).toEqual(before)
  })
})

describe('saved mappings', () => {
  const mapping: Mapping = {
    format: 'ropa-import-mapping',
    version: 1,
    sheets: [
      {
        sheet: 'Register',
        layout: 'table',
        headerRow: 3,
        headerRows: 1,
        labelColumn: 'A',
        valueColumn: 'B',
        role: 'controller',
        columns: [
          { source: 'B', heading: 'Activity', target: { kind: 'field', field: 'name' }, confidence: 1, dictionary: 'ico', matched: 'Activity' },
          { source: 'C', heading: 'Comments', target: { kind: 'ignore', reason: 'internal remarks' }, confidence: 0, dictionary: 'saved', matched: '' }
        ]
      }
    ]
  }

  it('saves a mapping under a name in the meta table, replaces one of the same name, and reads them back', async () => {
    await migration.saveMapping('Finance register', mapping)
    await migration.saveMapping('Other', mapping)
    const changed = { ...mapping, sheets: [{ ...mapping.sheets[0]!, headerRow: 4 }] }
    await migration.saveMapping(' Finance register ', changed)
    const saved = await migration.savedMappings()
    expect(saved.map((item) => item.name)).toEqual(['Other', 'Finance register'])
    expect(saved[1]?.mapping.sheets[0]?.headerRow).toBe(4)
    expect((await db.meta.get(SAVED_MAPPINGS_KEY))?.value).toHaveLength(2)
  })

  it('refuses a mapping without a name, and leaves out a stored one that no longer validates', async () => {
    await expect(migration.saveMapping('  ', mapping)).rejects.toThrow('Give the mapping a name')
    await db.meta.put({ key: SAVED_MAPPINGS_KEY, value: [{ name: 'Broken', mapping: { sheets: 'nope' } }, { name: 'Good', savedAt: 'x', mapping }] })
    expect((await migration.savedMappings()).map((item) => item.name)).toEqual(['Good'])
  })
})
