import { formatDateTimeIn } from '@core/i18n/message'
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyChain } from '@core/audit/audit-chain'
import { parseBackupText, serialiseBackup, type Backup } from '@core/backup/backup-format'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'
import { emptyRecordForm } from '@core/records/new-record'
import { BackupRepository, summariseBackup } from '../../src-renderer/src/db/backup-repository'
import { RopaDatabase, type InstalledPack, type Vendor } from '../../src-renderer/src/db/database'
import { RegisterRepository } from '../../src-renderer/src/db/register-repository'
import { onTableChanges, type TableChanges } from '../../src-renderer/src/db/change-events'
import { TemplateRepository } from '../../src-renderer/src/db/template-repository'
import { installedPackRow } from '../fixtures/templates/installed-pack'

const databases: RopaDatabase[] = []

async function openRegister(profileName: string) {
  const db = new RopaDatabase(`test-${crypto.randomUUID()}`)
  databases.push(db)
  const register = new RegisterRepository(db)
  const backups = new BackupRepository(db, register, '9.9.9-test')
  await register.saveUserProfile({ name: profileName, role: 'DPO' })
  return { db, register, backups }
}

const vendor: Vendor = {
  id: 'vendor-kaltura',
  name: 'Kaltura Inc.',
  packId: 'kaltura',
  legalEntities: ['Kaltura Inc.', 'Kaltura Europe Ltd'],
  privacyContact: 'privacy@kaltura.example',
  dpoContact: 'dpo@kaltura.example',
  euRepresentative: '',
  controllerFor: ['website visitors'],
  processorFor: ['platform content'],
  notes: 'Signed DPA 2025'
}

/** A register with something in every table that a backup holds. */
async function fillRegister(setup: Awaited<ReturnType<typeof openRegister>>): Promise<void> {
  const { db, register } = setup
  await register.saveOrganisation(demoOrganisation())
  await register.importStoredRecords(generateDemoRegister(25, 7), 'demo records')
  const created = await register.createRecord({ ...emptyRecordForm('controller'), name: 'Payroll', businessFunction: 'HR' })
  await register.updateRecord(created.id, { ...created, owner: 'Head of HR' })
  await db.vendors.put(vendor)
  await db.packs.put({ ...installedPackRow('kaltura', '1.0.0', 'shipped'), installedAt: '2026-01-02T00:00:00.000Z', sourceText: 'policy' })
  await db.packArchive.put({ ...installedPackRow('kaltura', '0.9.0', 'shipped'), installedAt: '2025-11-02T00:00:00.000Z' })
}

async function snapshot(db: RopaDatabase) {
  return {
    records: await db.records.toArray(),
    organisation: await db.organisation.toArray(),
    auditLog: await db.auditLog.toArray(),
    meta: await db.meta.toArray(),
    vendors: await db.vendors.toArray(),
    packs: await db.packs.toArray(),
    packArchive: await db.packArchive.toArray()
  }
}

/** An earlier pack version that only the restoring register has. */
const archivedHaivision: InstalledPack = { ...installedPackRow('haivision', '0.1.0', 'shipped'), vendorName: 'Haivision', installedAt: '2025-01-01T00:00:00.000Z' }

/** The backup without the moment it was taken, for comparing two backups of the same data. */
const content = ({ exportedAt: _at, ...rest }: Backup) => rest

afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete()
})

describe('BackupRepository', () => {
  let source: Awaited<ReturnType<typeof openRegister>>
  beforeEach(async () => {
    source = await openRegister('Dana DPO')
    await fillRegister(source)
  })

  it('backs up every part of the database', async () => {
    const backup = await source.backups.takeBackup()
    expect(backup).toMatchObject({ formatVersion: 1, appVersion: '9.9.9-test', userProfile: { name: 'Dana DPO', role: 'DPO' } })
    expect(backup.organisation?.controller.name).toBe(demoOrganisation().controller.name)
    expect(backup.records).toHaveLength(26)
    expect(backup.vendors).toEqual([vendor])
    expect(backup.packs.map((pack) => pack.id)).toEqual(['kaltura'])
    expect(backup.packArchive?.map((pack) => `${pack.id} ${pack.version}`)).toEqual(['kaltura 0.9.0'])
    // organisation created, demo import, record created, record updated
    expect(backup.auditLog.map((entry) => entry.action)).toEqual(['create', 'import', 'create', 'update'])
    expect(parseBackupText(serialiseBackup(backup))).toEqual({ ok: true, backup })
  })

  it('restores a backup file into another register: a backup taken afterwards holds the same data, plus the restore in the audit log', async () => {
    const original = await source.backups.takeBackup()
    const parsed = parseBackupText(serialiseBackup(original))
    if (!parsed.ok) throw new Error('the backup did not parse')

    const target = await openRegister('Restoring Clerk')
    await target.register.createRecord({ ...emptyRecordForm('processor'), name: 'Data that the restore replaces' })
    await target.db.packArchive.put(archivedHaivision)
    const changes: TableChanges[] = []
    const stop = onTableChanges(target.db, ['records'], (change) => changes.push(change))
    const summary = await target.backups.restore(parsed.backup)

    expect(summary).toMatchObject({ records: 26, auditEntries: 4, vendors: 1, packs: 1, organisationName: demoOrganisation().controller.name, auditChain: { ok: true } })
    stop()
    // Readers (the register list, the checks) hear that the whole records table changed.
    expect(changes).toEqual([new Map([['records', { all: true }]])])
    const after = await target.backups.takeBackup()
    // The person who restores stays the user; the anchor moved on with the restore's own entry.
    const { auditLog: restoredLog, userProfile: restoredUser, auditAnchor: restoredAnchor, ...restoredRest } = content(after)
    const { auditLog: originalLog, userProfile: _originalUser, auditAnchor: originalAnchor, ...originalRest } = content(original)
    expect(restoredRest).toEqual(originalRest)
    expect(restoredUser).toMatchObject({ name: 'Restoring Clerk' })
    expect(originalAnchor).toEqual({ count: 4, headHash: originalLog.at(-1)!.hash })
    expect(restoredAnchor).toEqual({ count: 5, headHash: restoredLog.at(-1)!.hash })
    expect(restoredLog.slice(0, -1)).toEqual(originalLog)
    expect(restoredLog.at(-1)).toMatchObject({ entity: 'register', action: 'restore', actor: 'Restoring Clerk' })
    expect(restoredLog.at(-1)!.summary).toContain(`backup made on ${formatDateTimeIn(original.exportedAt, 'en')} (26 records, 4 audit entries)`)
    expect(verifyChain(restoredLog, restoredAnchor)).toEqual({ ok: true, entries: 5 })
  })

  it('never hands out a reference twice after a restore', async () => {
    const backup = await source.backups.takeBackup()
    const target = await openRegister('Clerk')
    await target.register.insertRecords(Array.from({ length: 40 }, (_, index) => ({ ...emptyRecordForm('controller'), name: `Old ${index}` })))
    await target.backups.restore(backup)
    const next = await target.register.createRecord({ ...emptyRecordForm('controller'), name: 'After restore' })
    // The backup's highest is PA-0026; this database had already issued PA-0040.
    expect(next.reference).toBe('PA-0041')

    const fresh = await openRegister('Clerk')
    await fresh.backups.restore(backup)
    expect((await fresh.register.createRecord({ ...emptyRecordForm('controller'), name: 'After restore' })).reference).toBe('PA-0027')
  })

  it('changes nothing when the restore fails half-way (two records with one reference)', async () => {
    const target = await openRegister('Clerk')
    await fillRegister(target)
    const before = await snapshot(target.db)
    const backup = await source.backups.takeBackup()
    // parseBackupText refuses this file; the transaction must hold even if such data gets here.
    const broken: Backup = { ...backup, records: [...backup.records, { ...backup.records[0]!, id: crypto.randomUUID() }] }
    await expect(target.backups.restore(broken)).rejects.toThrow()
    expect(await snapshot(target.db)).toEqual(before)
  })

  it('leaves the pack archive as it is when the backup was made before archives were backed up', async () => {
    const { packArchive, ...older } = await source.backups.takeBackup()
    expect(packArchive).toHaveLength(1)
    const parsed = parseBackupText(serialiseBackup(older))
    if (!parsed.ok) throw new Error('a backup without a pack archive should still be format 1')
    const target = await openRegister('Clerk')
    await target.db.packArchive.put(archivedHaivision)
    await target.backups.restore(parsed.backup)
    expect((await target.db.packArchive.toArray()).map((pack) => `${pack.id} ${pack.version}`)).toEqual(['haivision 0.1.0'])
    expect((await target.db.records.count())).toBe(26)
  })

  it('restores a pack row and a vendor row that lack defaulted fields with the defaults filled in, so the pack reads like any other', async () => {
    const backup = JSON.parse(serialiseBackup(await source.backups.takeBackup()))
    const row = backup.packs[0]
    delete row.sourceText
    delete row.pack.activities[0].gaps
    delete row.pack.activities[0].recipients
    backup.vendors[0] = { id: vendor.id, name: vendor.name }
    const parsed = parseBackupText(JSON.stringify(backup))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    const target = await openRegister('Clerk')
    await target.backups.restore(parsed.backup)
    const templates = new TemplateRepository(target.register, { packs: async () => [] })
    const restored = await templates.getPack('kaltura')
    expect(restored?.sourceText).toBe('')
    expect(restored?.pack.activities[0]).toMatchObject({ gaps: [], recipients: [] })
    expect(await templates.getVendor(vendor.id)).toMatchObject({ legalEntities: [], controllerFor: [], notes: '' })
  })

  it('refuses, before anything is replaced, a backup whose pack row carries an unknown value', async () => {
    const backup = JSON.parse(serialiseBackup(await source.backups.takeBackup()))
    backup.packs[0].pack.activities[0].role = 'owner'
    expect(parseBackupText(JSON.stringify(backup))).toEqual({ ok: false, problems: [expect.objectContaining({ path: '$.packs[0].pack.activities[0].role', message: expect.any(String) })] })
  })

  it('reports a backup whose audit log was tampered with', async () => {
    const backup = await source.backups.takeBackup()
    const tampered: Backup = { ...backup, auditLog: backup.auditLog.map((entry, index) => (index === 1 ? { ...entry, actor: 'Someone else' } : entry)) }
    expect(summariseBackup(tampered).auditChain).toMatchObject({ ok: false, firstBreak: { index: 1, reason: expect.stringMatching(/altered/) } })
  })

  it('remembers the last backup and tells its listeners', async () => {
    expect(await source.backups.lastBackup()).toBeUndefined()
    let told = 0
    source.backups.onLastBackupChange(() => told++)
    await source.backups.markBackupTaken({ at: '2026-05-01T10:00:00.000Z', kind: 'file', location: 'ropa-backup.json' })
    expect(await source.backups.lastBackup()).toEqual({ at: '2026-05-01T10:00:00.000Z', kind: 'file', location: 'ropa-backup.json' })
    expect(told).toBe(1)
    // A restore replaces the data, not the fact that a backup was taken on this machine.
    await source.backups.restore(await source.backups.takeBackup())
    expect((await source.backups.lastBackup())?.location).toBe('ropa-backup.json')
  })
})
