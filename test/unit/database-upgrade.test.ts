/** Databases written by earlier versions of the app open in the current version with every row intact. */
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { verifyChain } from '@core/audit/audit-chain'
import type { StoredRecord } from '@core/records/model'
import { DATABASE_NAME, RopaDatabase, SCHEMA_V1, SCHEMA_V2 } from '../../src-renderer/src/db/database'
import { RegisterRepository, StaleRecordError } from '../../src-renderer/src/db/register-repository'
import { BackupRepository } from '../../src-renderer/src/db/backup-repository'
import { parseBackupText, serialiseBackup } from '@core/backup/backup-format'
import { emptyRecordForm } from '@core/records/new-record'

/** An earlier version of the app's database, as shipped: the same schema up to `version`. */
class EarlierDatabase extends Dexie {
  constructor(name: string, version: 1 | 2) {
    super(name)
    this.version(1).stores(SCHEMA_V1)
    if (version === 2) this.version(2).stores(SCHEMA_V2)
  }
}

const organisation = { controller: { name: 'Acme', address: '', email: '', phone: '' }, dpo: { name: '', address: '', email: '', phone: '' }, representative: { name: '', address: '', email: '', phone: '' } }

/** Writes a register through the repository code path, then takes the revisions off, as the versions before revisions stored them. */
async function writeEarlierRegister(name: string, version: 1 | 2): Promise<StoredRecord[]> {
  const old = new EarlierDatabase(name, version)
  const repository = new RegisterRepository(old as unknown as RopaDatabase)
  await repository.saveUserProfile({ name: 'Dana', role: 'DPO' })
  await repository.saveOrganisation(organisation)
  await repository.createRecord({ ...emptyRecordForm('processor'), name: 'Hosting' })
  const payroll = await repository.createRecord({ ...emptyRecordForm('controller'), name: 'Payroll' })
  await repository.updateRecord(payroll.id, { ...emptyRecordForm('controller'), name: 'Payroll and pensions' })
  await old.table('records').toCollection().modify((record: Partial<StoredRecord>) => {
    delete record.revision
  })
  const rows = (await old.table('records').toArray()) as StoredRecord[]
  expect(rows.every((row) => !('revision' in row))).toBe(true)
  expect(old.verno).toBe(version)
  old.close()
  return rows.sort((a, b) => a.reference.localeCompare(b.reference))
}

describe('upgrading the database', () => {
  for (const version of [1, 2] as const) {
    it(`opens a version ${version} database: every record kept and given revision 1, organisation and audit chain intact, new tables there`, async () => {
      const name = `${DATABASE_NAME}-upgrade-${crypto.randomUUID()}`
      const before = await writeEarlierRegister(name, version)

      const upgraded = new RopaDatabase(name)
      await upgraded.open()
      expect(upgraded.verno).toBe(5)
      const after = await upgraded.records.orderBy('reference').toArray()
      expect(after).toEqual(before.map((record) => ({ ...record, revision: 1 })))
      expect((await upgraded.organisation.toArray())[0]!.controller.name).toBe('Acme')
      expect(verifyChain(await upgraded.auditLog.orderBy('seq').toArray())).toEqual({ ok: true, entries: 4 })
      expect(await upgraded.packs.count()).toBe(0)
      expect(await upgraded.vendors.count()).toBe(0)
      // The version 2 index works on upgraded rows.
      expect(await upgraded.records.where('origin.packId').equals('none').count()).toBe(0)

      // Revisions work from there: a save against revision 1 goes through and counts on; a stale one is refused.
      const repository = new RegisterRepository(upgraded)
      const hosting = after[0]!
      const saved = await repository.updateRecord(hosting.id, { ...emptyRecordForm('processor'), name: 'Hosting (EU)' }, { revision: 1 })
      expect(saved.revision).toBe(2)
      await expect(repository.updateRecord(hosting.id, { ...emptyRecordForm('processor'), name: 'Stale' }, { revision: 1 })).rejects.toBeInstanceOf(StaleRecordError)
      // And the reference sequence carries on.
      const next = await repository.createRecord({ ...emptyRecordForm(), name: 'Recruitment' })
      expect(next.reference).toBe('PA-0003')
      await upgraded.delete()
    })
  }
})

describe('a backup made before records had revisions', () => {
  it('still parses and restores, every record at revision 1; a new backup carries the revisions', async () => {
    const source = new RopaDatabase(`${DATABASE_NAME}-old-backup-${crypto.randomUUID()}`)
    const sourceRepository = new RegisterRepository(source)
    await sourceRepository.saveUserProfile({ name: 'Dana', role: 'DPO' })
    await sourceRepository.saveOrganisation(organisation)
    const record = await sourceRepository.createRecord({ ...emptyRecordForm('controller'), name: 'Payroll' })
    await sourceRepository.updateRecord(record.id, { ...emptyRecordForm('controller'), name: 'Payroll and pensions' }, { revision: 1 })
    const backup = await new BackupRepository(source, sourceRepository, 'test').takeBackup()
    expect(backup.records[0]!.revision).toBe(2)
    // The file as an earlier app version wrote it: no revision anywhere.
    const oldFile = JSON.parse(serialiseBackup(backup)) as { records: Array<Record<string, unknown>> }
    for (const row of oldFile.records) delete row.revision
    const parsed = parseBackupText(JSON.stringify(oldFile))
    if (!parsed.ok) throw new Error(`the old backup did not parse: ${JSON.stringify(parsed)}`)
    expect(parsed.backup.records[0]!.revision).toBe(1)

    const target = new RopaDatabase(`${DATABASE_NAME}-restore-${crypto.randomUUID()}`)
    const targetRepository = new RegisterRepository(target)
    await targetRepository.saveUserProfile({ name: 'Jonas', role: 'DPO' })
    await new BackupRepository(target, targetRepository, 'test').restore(parsed.backup)
    expect(await target.records.get(record.id)).toMatchObject({ name: 'Payroll and pensions', revision: 1 })
    await source.delete()
    await target.delete()
  })
})
