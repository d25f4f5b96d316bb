/**
 * Who the audit trail names, and what its anchor catches: over a real (fake-indexeddb)
 * database, through the repositories the app uses.
 */
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { chainEntry, compareWithAnchor, GENESIS_HASH, verifyChain, type AuditEntry } from '@core/audit/audit-chain'
import { parseBackupText, serialiseBackup, type Backup } from '@core/backup/backup-format'
import { demoOrganisation } from '@core/demo/demo-register'
import { emptyRecordForm } from '@core/records/new-record'
import { COVER_AUDIT } from '@core/workbook/register-sheets'
import { SHEET } from '@core/workbook/columns'
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeWorkbookStream } from '../../src-main/export/write-workbook-stream'
import { BackupRepository, summariseBackup } from '../../src-renderer/src/db/backup-repository'
import { RopaDatabase } from '../../src-renderer/src/db/database'
import { AUDIT_ANCHOR_KEY, NoUserError, RegisterRepository, USER_PROFILE_KEY } from '../../src-renderer/src/db/register-repository'
import { confirmRestore } from '../../src-renderer/src/export/restore-confirmation'
import type { ConfirmRequest } from '../../src-renderer/src/ui/confirm'
import { exportData, loadWorkbook } from '../fixtures/workbooks/sample-register'

const databases: RopaDatabase[] = []
afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete()
})

async function openRegister(profileName?: string) {
  const db = new RopaDatabase(`audit-${crypto.randomUUID()}`)
  databases.push(db)
  const register = new RegisterRepository(db)
  const backups = new BackupRepository(db, register, '9.9.9-test')
  if (profileName) await register.saveUserProfile({ name: profileName, role: 'DPO' })
  return { db, register, backups }
}

/** A register with three audit entries: a record created, edited, and the organisation saved. */
async function withHistory(profileName = 'Dana DPO') {
  const setup = await openRegister(profileName)
  const record = await setup.register.createRecord({ ...emptyRecordForm('controller'), name: 'Payroll', businessFunction: 'HR' })
  await setup.register.updateRecord(record.id, { ...record, owner: 'Head of HR' })
  await setup.register.saveOrganisation(demoOrganisation())
  return { ...setup, record }
}

const log = (db: RopaDatabase) => db.auditLog.orderBy('seq').toArray()

describe('the audit anchor', () => {
  it('moves with every append: head hash and count of the log', async () => {
    const { db, register } = await withHistory()
    const entries = await log(db)
    expect(await register.auditAnchor()).toEqual({ count: 3, headHash: entries.at(-1)!.hash })
    expect((await register.verifyAuditTrail()).verification).toEqual({ ok: true, entries: 3 })
  })

  it('catches the newest entry being deleted, which the chain alone cannot', async () => {
    const { db, register } = await withHistory()
    const newest = (await log(db)).at(-1)!
    await db.auditLog.delete(newest.seq!)
    // What "Verify" did before the anchor: the shorter chain still links.
    expect(verifyChain(await log(db)).ok).toBe(true)
    const { verification } = await register.verifyAuditTrail()
    expect(verification).toMatchObject({ ok: false, entries: 2, firstBreak: { kind: 'anchor', reason: 'the trail has 2 entries but its anchor records 3: the newest entry was removed' } })
  })

  it('catches an entry rewritten and every later entry re-hashed, as long as the anchor was not rewritten too', async () => {
    const { db, register } = await withHistory()
    const entries = await log(db)
    // Rewrite who made the edit, then re-chain everything after it, as a careful forger would.
    const forged: AuditEntry[] = []
    let prevHash = GENESIS_HASH
    for (const entry of entries) {
      const { seq, prevHash: _prev, hash: _hash, ...content } = entry
      const next = { ...chainEntry(entry.seq === entries[1]!.seq ? { ...content, actor: 'Mallory' } : content, prevHash), seq }
      forged.push(next)
      prevHash = next.hash
    }
    await db.auditLog.bulkPut(forged)
    expect(verifyChain(await log(db)).ok).toBe(true)
    const { verification } = await register.verifyAuditTrail()
    expect(verification).toMatchObject({ ok: false, firstBreak: { kind: 'anchor' } })
    expect(!verification.ok && verification.firstBreak.reason).toMatch(/newest entry is not the one the anchor records/)

    // What a local chain cannot catch: the anchor rewritten as well. Only an anchor printed
    // earlier (a workbook Cover, a backup) shows this; the README says so.
    await db.meta.put({ key: AUDIT_ANCHOR_KEY, value: { count: forged.length, headHash: prevHash } })
    expect((await register.verifyAuditTrail()).verification.ok).toBe(true)
  })

  it('adds no entry when the organisation is saved without a change', async () => {
    const { db, register } = await withHistory()
    await register.saveOrganisation(demoOrganisation())
    expect(await db.auditLog.count()).toBe(3)
  })

  it('adopts the log as it stands in a database from before the anchor existed', async () => {
    const { db, register } = await withHistory()
    await db.meta.delete(AUDIT_ANCHOR_KEY)
    expect((await register.verifyAuditTrail()).verification.ok).toBe(true)
    const entries = await log(db)
    expect(await register.auditAnchor()).toEqual({ count: 3, headHash: entries.at(-1)!.hash })
    await register.createRecord({ ...emptyRecordForm('controller'), name: 'Recruitment' })
    expect(await register.auditAnchor()).toMatchObject({ count: 4 })
  })
})

describe('who the audit trail names', () => {
  it('gives a profile saved before users had ids a stable id on first read', async () => {
    const { db, register } = await openRegister()
    await db.meta.put({ key: USER_PROFILE_KEY, value: { name: 'Dana DPO', role: 'DPO' } })
    const first = await register.getUserProfile()
    expect(first?.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(await register.getUserProfile()).toEqual(first)
    expect((await db.meta.get(USER_PROFILE_KEY))?.value).toEqual(first)
  })

  it('writes the user id and name into every entry', async () => {
    const { db, register } = await withHistory()
    const { id } = (await register.getUserProfile())!
    expect((await log(db)).map((entry) => [entry.actor, entry.actorId])).toEqual([
      ['Dana DPO', id],
      ['Dana DPO', id],
      ['Dana DPO', id]
    ])
  })

  it('records a rename as a change of its own, old → new, and keeps the id', async () => {
    const { db, register } = await withHistory()
    const before = (await register.getUserProfile())!
    await register.saveUserProfile({ name: 'Dana Weber', role: 'DPO' })
    expect(await register.getUserProfile()).toEqual({ ...before, name: 'Dana Weber' })
    expect((await log(db)).at(-1)).toMatchObject({
      entity: 'user',
      entityId: before.id,
      action: 'update',
      actor: 'Dana Weber',
      actorId: before.id,
      summary: 'User renamed: Dana DPO → Dana Weber',
      changes: [{ field: 'name', before: 'Dana DPO', after: 'Dana Weber' }]
    })
    expect((await register.verifyAuditTrail()).verification.ok).toBe(true)
  })

  it('a different person gets a new id, and says so in the trail', async () => {
    const { db, register } = await withHistory()
    const dana = (await register.getUserProfile())!
    const jonas = await register.switchUser({ name: 'Jonas Weber', role: 'Head of Legal' })
    expect(jonas.id).not.toBe(dana.id)
    expect((await log(db)).at(-1)).toMatchObject({ entity: 'user', action: 'create', actor: 'Jonas Weber', actorId: jonas.id, summary: 'Jonas Weber now uses the app (a different person from Dana DPO)' })
  })

  it('refuses to write anything without a user, and stores nothing', async () => {
    const { db, register } = await openRegister()
    await expect(register.createRecord({ ...emptyRecordForm('controller'), name: 'Payroll' })).rejects.toThrow(NoUserError)
    await expect(register.saveUserProfile({ name: '   ', role: '' })).rejects.toThrow(NoUserError)
    expect(await db.records.count()).toBe(0)
    expect(await db.auditLog.count()).toBe(0)
    expect(await db.meta.get(USER_PROFILE_KEY)).toBeUndefined()
  })
})

describe('backups and restore', () => {
  it('carry the anchor, and a restore without a profile keeps the current user', async () => {
    const source = await withHistory('Dana DPO')
    const backup = await source.backups.takeBackup()
    const entries = await log(source.db)
    expect(backup.auditAnchor).toEqual({ count: 3, headHash: entries.at(-1)!.hash })
    expect((JSON.parse(serialiseBackup(backup)) as Backup).auditAnchor).toEqual({ count: 3, headHash: entries.at(-1)!.hash })

    const target = await openRegister('Restoring Clerk')
    const clerk = (await target.register.getUserProfile())!
    const parsed = parseBackupText(serialiseBackup({ ...backup, userProfile: null }))
    if (!parsed.ok) throw new Error('the backup did not parse')
    await target.backups.restore(parsed.backup)
    expect(await target.register.getUserProfile()).toEqual(clerk)
    await target.register.createRecord({ ...emptyRecordForm('controller'), name: 'After the restore' })
    const restoredLog = await log(target.db)
    expect(restoredLog.slice(-2).map((entry) => [entry.action, entry.actor, entry.actorId])).toEqual([
      ['restore', 'Restoring Clerk', clerk.id],
      ['create', 'Restoring Clerk', clerk.id]
    ])
    expect((await target.register.verifyAuditTrail()).verification).toEqual({ ok: true, entries: 5 })
  })

  it('take the backup\'s user only when no one is set up here', async () => {
    const source = await withHistory('Dana DPO')
    const backup = await source.backups.takeBackup()
    const target = await openRegister()
    await target.backups.restore(backup)
    expect(await target.register.getUserProfile()).toEqual(backup.userProfile)
  })

  it('report a backup whose newest audit entries were cut off', async () => {
    const source = await withHistory()
    const backup = await source.backups.takeBackup()
    const cut: Backup = { ...backup, auditLog: backup.auditLog.slice(0, -1) }
    expect(verifyChain(cut.auditLog).ok).toBe(true)
    expect(summariseBackup(cut).auditChain).toMatchObject({ ok: false, firstBreak: { kind: 'anchor' } })
  })

  it('a broken trail needs a second confirmation that says so; an intact one only the first', async () => {
    const source = await withHistory()
    const backup = await source.backups.takeBackup()
    const tampered: Backup = { ...backup, auditLog: backup.auditLog.map((entry, index) => (index === 1 ? { ...entry, actor: 'Mallory' } : entry)) }
    const asked: ConfirmRequest[] = []
    const answering = (...answers: boolean[]) => (request: ConfirmRequest) => {
      asked.push(request)
      return Promise.resolve(answers.shift() ?? false)
    }

    expect(await confirmRestore(summariseBackup(backup), 'Dana DPO', answering(true))).toBe(true)
    expect(asked.map((request) => request.title)).toEqual(['Replace everything with this backup?'])
    expect(asked[0]!.message as string).toContain('You stay the user of this app (Dana DPO)')

    asked.length = 0
    expect(await confirmRestore(summariseBackup(tampered), 'Dana DPO', answering(true, false))).toBe(false)
    expect(asked.map((request) => request.title)).toEqual(['Replace everything with this backup?', "This backup's audit trail is broken"])
    expect(asked[1]!.message as string).toMatch(/entry 2 was altered: its content does not match its hash/)
    expect(asked[1]!.confirmLabel).toBe('Restore with the broken audit trail')

    asked.length = 0
    expect(await confirmRestore(summariseBackup(tampered), 'Dana DPO', answering(true, true))).toBe(true)
    expect(asked).toHaveLength(2)
    asked.length = 0
    expect(await confirmRestore(summariseBackup(tampered), 'Dana DPO', answering(false))).toBe(false)
    expect(asked).toHaveLength(1)
  })
})

describe('the workbook Cover', () => {
  it('prints the anchor (entry count and head hash) and whether the chain verified, in both writers', async () => {
    const { db, register } = await withHistory()
    const entries = await log(db)
    const anchor = (await register.auditAnchor())!
    const data = { ...exportData(), auditLog: entries, audit: { anchor, verification: verifyChain(entries, anchor) } }
    const file = join(mkdtempSync(join(tmpdir(), 'ropa-cover-')), 'register.xlsx')
    await writeWorkbookStream(file, data)
    for (const bytes of [readFileSync(file), await writeWorkbookBuffer(data)]) {
      const cover = (await loadWorkbook(bytes)).getWorksheet(SHEET.cover)!
      const cells = new Map<string, unknown>()
      cover.eachRow((row) => cells.set(`${row.getCell(1).text}/${row.getCell(2).text}`, row.getCell(3).value))
      expect(cells.get(`${COVER_AUDIT.section}/${COVER_AUDIT.count}`)).toBe(3)
      expect(cells.get(`${COVER_AUDIT.section}/${COVER_AUDIT.head}`)).toBe(entries.at(-1)!.hash)
      expect(cells.get(`${COVER_AUDIT.section}/${COVER_AUDIT.verified}`)).toMatch(/^Yes/)
    }
  })
})

describe('comparing with an anchor printed earlier', () => {
  it('catches a full rewrite (entries, chain and local anchor) that the local check cannot', async () => {
    const { db, register } = await withHistory()
    const printed = (await register.auditAnchor())!
    await register.createRecord({ ...emptyRecordForm('controller'), name: 'Later work' })
    expect(compareWithAnchor(await log(db), printed)).toEqual({ result: 'unchanged', count: 3 })

    // Rewrite entry 2 and re-chain everything, including the local anchor.
    const entries = await log(db)
    let prevHash = GENESIS_HASH
    const forged = entries.map((entry, index) => {
      const { seq, prevHash: _prev, hash: _hash, ...content } = entry
      const next = { ...chainEntry(index === 1 ? { ...content, actor: 'Mallory' } : content, prevHash), seq }
      prevHash = next.hash
      return next
    })
    await db.auditLog.bulkPut(forged)
    await db.meta.put({ key: AUDIT_ANCHOR_KEY, value: { count: forged.length, headHash: prevHash } })
    expect((await register.verifyAuditTrail()).verification.ok).toBe(true)
    expect(compareWithAnchor(await log(db), printed)).toEqual({ result: 'rewritten', count: 3, hashNow: forged[2]!.hash })
    expect(compareWithAnchor((await log(db)).slice(0, 2), printed)).toEqual({ result: 'shorter', count: 3, entriesNow: 2 })
  })
})
