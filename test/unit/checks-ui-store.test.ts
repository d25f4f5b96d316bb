/** The app's checks store and approval repository over a real (fake-indexeddb) database. */
import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { verifyChain } from '@core/audit/audit-chain'
import { formOfRecord, type RecordFormInput } from '@core/records/model'
import { ChecksStore } from '../../src-renderer/src/checks/checks-store'
import { RegisterStore } from '../../src-renderer/src/records/register-store'
import { ApprovalRepository } from '../../src-renderer/src/db/approval-repository'
import { DATABASE_NAME, RopaDatabase } from '../../src-renderer/src/db/database'
import { RegisterRepository } from '../../src-renderer/src/db/register-repository'
import { completeControllerRecord, completeOrganisation, TODAY } from '../fixtures/checks/records'

// Midday, so that the local date is TODAY in any time zone the tests run in.
const now = () => new Date(`${TODAY}T12:00:00`)

const formOf = formOfRecord

/** The fixture's complete record, in review, with purpose 1's lawful basis left blank (an error). */
function recordMissingBasis(): RecordFormInput {
  const form = formOf(completeControllerRecord())
  return { ...form, nextReview: '', purposes: form.purposes!.map((purpose, index) => (index === 0 ? { ...purpose, lawfulBasis: '' } : purpose)) }
}

async function setUp() {
  const db = new RopaDatabase(`${DATABASE_NAME}-checks-${crypto.randomUUID()}`)
  const repository = new RegisterRepository(db, now)
  await repository.saveUserProfile({ name: 'Dana Fischer', role: 'DPO' })
  await repository.saveOrganisation(completeOrganisation())
  return { db, repository, checks: new ChecksStore(repository, now), approvals: new ApprovalRepository(db, repository, now) }
}

describe('ChecksStore', () => {
  it('checks every record on load, then only the records a change names', async () => {
    const { repository, checks } = await setUp()
    const clean = await repository.createRecord(formOf(completeControllerRecord()))
    const broken = await repository.createRecord(recordMissingBasis())
    await checks.load()
    let snapshot = checks.getSnapshot()
    expect(snapshot.phase).toBe('ready')
    expect(snapshot.health.get(clean.id)).toBe('ok')
    expect(snapshot.health.get(broken.id)).toBe('error')
    expect(snapshot.findingsByRecord.get(broken.id)!.map((finding) => `${finding.ruleId} ${finding.field} ${finding.reference}`)).toEqual([`lawful-basis-missing purposes.0.lawfulBasis ${broken.reference}`])
    const cleanFindings = snapshot.findingsByRecord.get(clean.id)

    await repository.updateRecord(broken.id, formOf(completeControllerRecord()))
    await checks.settled()
    snapshot = checks.getSnapshot()
    expect(snapshot.health.get(broken.id)).toBe('ok')
    // The untouched record was not checked again: its findings are the same list as before.
    expect(snapshot.findingsByRecord.get(clean.id)).toBe(cleanFindings)

    await repository.deleteRecord(clean.id)
    await checks.settled()
    snapshot = checks.getSnapshot()
    expect(snapshot.records.has(clean.id)).toBe(false)
    expect(snapshot.health.has(clean.id)).toBe(false)
  })

  it('gives each publish new views (memoised views see the change) and never shows a half-done full run', async () => {
    const { repository, checks } = await setUp()
    const records = await repository.insertRecords(Array.from({ length: 1600 }, () => formOf(completeControllerRecord())))
    await checks.load()
    const before = checks.getSnapshot()
    await repository.updateRecord(records[0]!.id, recordMissingBasis())
    await checks.settled()
    const after = checks.getSnapshot()
    expect(after.findingsByRecord).not.toBe(before.findingsByRecord)
    expect(after.health).not.toBe(before.health)
    expect(after.health.get(records[0]!.id)).toBe('error')

    // A pack change re-checks every record in slices; what is published meanwhile stays whole.
    const sizes: number[] = []
    const unsubscribe = checks.subscribe(() => sizes.push(checks.getSnapshot().findingsByRecord.size))
    let sizeDuringRun = -1
    const watch = setInterval(() => (sizeDuringRun = checks.getSnapshot().findingsByRecord.size), 0)
    await repository.db.packs.put({ id: 'probe', version: '1.0.0' } as never)
    await checks.settled()
    clearInterval(watch)
    unsubscribe()
    expect(sizeDuringRun).toBe(1600)
    expect(sizes.every((size) => size === 1600)).toBe(true)
  })

  it('follows a write made through another connection to the same database (another window)', async () => {
    const { db, repository, checks } = await setUp()
    const record = await repository.createRecord(formOf(completeControllerRecord()))
    await checks.load()
    expect(checks.getSnapshot().health.get(record.id)).toBe('ok')
    const otherWindow = new RegisterRepository(new RopaDatabase(db.name), now)
    await otherWindow.updateRecord(record.id, recordMissingBasis(), { revision: record.revision })
    await checks.settled()
    expect(checks.getSnapshot().health.get(record.id)).toBe('error')
    expect(checks.getSnapshot().records.get(record.id)!.revision).toBe(2)
    otherWindow.db.close()
  })

  it('after a whole-register change (a restore), checks the records now stored, read once through the register list', async () => {
    const { db, repository } = await setUp()
    const old = await repository.createRecord(formOf(completeControllerRecord()))
    const register = new RegisterStore(repository)
    const checks = new ChecksStore(repository, now, () => register.loadedRecords())
    await checks.load()
    expect(checks.getSnapshot().records.has(old.id)).toBe(true)
    // What a restore does: the whole table cleared and written again, in one transaction.
    const restored = { ...completeControllerRecord(), id: 'restored', reference: 'PA-0100' }
    await db.transaction('rw', db.records, async () => {
      await db.records.clear()
      await db.records.add(restored)
    })
    await checks.settled()
    expect([...checks.getSnapshot().records.keys()]).toEqual(['restored'])
    expect(register.getSnapshot().rows.map((row) => row.id)).toEqual(['restored'])
  })

  it('re-checks the organisation profile when it changes', async () => {
    const { repository, checks } = await setUp()
    await checks.load()
    expect(checks.getSnapshot().organisationFindings).toEqual([])
    await repository.saveOrganisation({ ...completeOrganisation(), dpo: { name: '', address: '', email: '', phone: '' } })
    await checks.settled()
    expect(checks.getSnapshot().organisationFindings.map((finding) => finding.ruleId)).toEqual(['org-dpo'])
  })

  it('notices a new template pack version: records made from the old one get the outdated-template note', async () => {
    const { db, repository, checks } = await setUp()
    const record = await repository.createRecord({ ...formOf(completeControllerRecord()), origin: { packId: 'acme-crm', packVersion: '1.0.0', activityId: 'crm' } })
    await checks.load()
    expect(checks.getSnapshot().health.get(record.id)).toBe('ok')
    await db.packs.put({ id: 'acme-crm', version: '2.0.0', vendorName: 'Acme', origin: 'imported', installedAt: '', pack: {} as never, sourceText: '' })
    // The pack write itself is the signal (Dexie's change event), whoever made it.
    await checks.settled()
    expect(checks.getSnapshot().findingsByRecord.get(record.id)!.map((finding) => finding.ruleId)).toEqual(['template-version-outdated'])
  })

  it('keeps the installed pack versions across record edits without reading the packs again, and follows a pack install', async () => {
    const { db, repository, checks } = await setUp()
    await db.packs.put({ id: 'acme-crm', version: '1.0.0', vendorName: 'Acme', origin: 'imported', installedAt: '', pack: {} as never, sourceText: '' })
    const record = await repository.createRecord({ ...formOf(completeControllerRecord()), origin: { packId: 'acme-crm', packVersion: '1.0.0', activityId: 'crm' } })
    await checks.load()
    expect(checks.getSnapshot().context?.installedPackVersions).toEqual({ 'acme-crm': '1.0.0' })
    const packReads = vi.spyOn(db.packs, 'toArray')
    await repository.updateRecord(record.id, { ...formOf(record), name: 'CRM, renamed' })
    await checks.settled()
    expect(packReads).not.toHaveBeenCalled()
    expect(checks.getSnapshot().records.get(record.id)?.name).toBe('CRM, renamed')
    expect(checks.getSnapshot().context?.installedPackVersions).toEqual({ 'acme-crm': '1.0.0' })
    // A pack install (here a newer version) is read, and the context follows it.
    await db.packs.put({ id: 'acme-crm', version: '2.0.0', vendorName: 'Acme', origin: 'imported', installedAt: '', pack: {} as never, sourceText: '' })
    await checks.settled()
    expect(packReads).toHaveBeenCalled()
    expect(checks.getSnapshot().context?.installedPackVersions).toEqual({ 'acme-crm': '2.0.0' })
    expect(checks.getSnapshot().findingsByRecord.get(record.id)!.map((finding) => finding.ruleId)).toEqual(['template-version-outdated'])
    packReads.mockRestore()
  })
})

describe('ApprovalRepository', () => {
  it('refuses approval while an error remains, listing it, and stores nothing', async () => {
    const { db, repository, approvals } = await setUp()
    const record = await repository.createRecord(recordMissingBasis())
    const entriesBefore = await db.auditLog.count()
    const result = await approvals.approve(record.id)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reasons).toEqual([expect.stringMatching(/^Art\. 6\(1\) — The purpose "Fulfil orders" has no Art\. 6\(1\) lawful basis\. \(Purpose 1 › Lawful basis\)$/)])
    expect(await repository.getRecord(record.id)).toEqual(record)
    expect(await db.auditLog.count()).toBe(entriesBefore)
  })

  it('approves a record in review: who, when, reviewed today, next review in 12 months, one audit entry', async () => {
    const { db, repository, approvals } = await setUp()
    const record = await repository.createRecord(recordMissingBasis())
    await repository.updateRecord(record.id, { ...recordMissingBasis(), purposes: formOf(completeControllerRecord()).purposes })
    const result = await approvals.approve(record.id)
    expect(result.ok).toBe(true)
    const stored = (await repository.getRecord(record.id))!
    // Approving is a write: the revision counts it (create 1, edit 2, approve 3).
    expect(stored).toMatchObject({ status: 'approved', approvedBy: 'Dana Fischer', approvedAt: now().toISOString(), lastReviewed: TODAY, nextReview: '2026-06-01', revision: 3 })
    const history = await repository.recordHistory(record.id)
    const approval = history.at(-1)!
    expect(approval).toMatchObject({ action: 'approve', actor: 'Dana Fischer', summary: `${record.reference} approved by Dana Fischer` })
    expect(approval.changes.map((change) => change.field).sort()).toEqual(['approvedAt', 'approvedBy', 'lastReviewed', 'nextReview', 'status'])
    expect(verifyChain(await db.auditLog.orderBy('seq').toArray()).ok).toBe(true)
    // Approved once is enough.
    const again = await approvals.approve(record.id)
    expect(!again.ok && again.reasons).toContain('The record is already approved.')
  })

  it('keeps a next review date that is still ahead, and moves one that has passed', async () => {
    const { repository, approvals } = await setUp()
    const ahead = await repository.createRecord({ ...formOf(completeControllerRecord()), nextReview: '2025-09-01' })
    const passed = await repository.createRecord({ ...formOf(completeControllerRecord()), nextReview: '2025-05-01' })
    await approvals.approve(ahead.id)
    await approvals.approve(passed.id)
    expect((await repository.getRecord(ahead.id))!.nextReview).toBe('2025-09-01')
    expect((await repository.getRecord(passed.id))!.nextReview).toBe('2026-06-01')
  })

  it('approves only records in review', async () => {
    const { repository, approvals } = await setUp()
    const draft = await repository.createRecord({ ...formOf(completeControllerRecord()), status: 'draft' })
    const result = await approvals.approve(draft.id)
    expect(!result.ok && result.reasons[0]).toMatch(/Only a record that is in review can be approved/)
    expect((await repository.getRecord(draft.id))!.status).toBe('draft')
  })

  it('with "separate approver" on, refuses the last editor and accepts someone else; the setting change is audited', async () => {
    const { db, repository, approvals } = await setUp()
    const record = await repository.createRecord(formOf(completeControllerRecord()))
    await approvals.saveSettings({ separateApprover: true })
    expect(await approvals.getSettings()).toEqual({ separateApprover: true })
    const settingEntry = (await db.auditLog.orderBy('seq').last())!
    expect(settingEntry).toMatchObject({ entity: 'organisation', entityId: 'settings', action: 'update', changes: [{ field: 'separateApprover', before: false, after: true }] })

    expect(await approvals.lastEditor(record.id)).toMatchObject({ name: 'Dana Fischer' })
    const refused = await approvals.approve(record.id)
    expect(!refused.ok && refused.reasons).toEqual([expect.stringContaining('Dana Fischer made the last change to this record')])

    await repository.switchUser({ name: 'Jonas Weber', role: 'Head of Legal' })
    const approved = await approvals.approve(record.id)
    expect(approved.ok).toBe(true)
    // The approval itself is not an edit: Dana is still the last editor.
    expect(await approvals.lastEditor(record.id)).toMatchObject({ name: 'Dana Fischer' })
    expect((await repository.getRecord(record.id))!.approvedBy).toBe('Jonas Weber')
  })

  it('with "separate approver" on, renaming yourself does not make you someone else', async () => {
    const { db, repository, approvals } = await setUp()
    const record = await repository.createRecord(formOf(completeControllerRecord()))
    await approvals.saveSettings({ separateApprover: true })
    const dana = (await repository.getUserProfile())!
    await repository.saveUserProfile({ name: 'Jonas Weber', role: 'DPO' })
    expect(await repository.getUserProfile()).toEqual({ id: dana.id, name: 'Jonas Weber', role: 'DPO' })
    const refused = await approvals.approve(record.id)
    expect(!refused.ok && refused.reasons).toEqual([
      'Jonas Weber (then named Dana Fischer) made the last change to this record; with "separate approver" on, someone else must approve it.'
    ])
    expect((await repository.getRecord(record.id))!.status).toBe('in-review')
    expect((await db.auditLog.toArray()).filter((entry) => entry.action === 'approve')).toEqual([])
  })
})
