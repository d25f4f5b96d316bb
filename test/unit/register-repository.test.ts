import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyChain } from '@core/audit/audit-chain'
import { generateDemoRegister } from '@core/demo/demo-register'
import { emptyRecordForm } from '@core/records/new-record'
import { safeParseStoredRecord } from '@core/records/validated-record'
import { RopaDatabase } from '../../src-renderer/src/db/database'
import { RegisterRepository, StaleRecordError } from '../../src-renderer/src/db/register-repository'
import { onTableChanges, type TableChanges } from '../../src-renderer/src/db/change-events'

let db: RopaDatabase
let repository: RegisterRepository

beforeEach(async () => {
  db = new RopaDatabase(`test-${crypto.randomUUID()}`)
  repository = new RegisterRepository(db)
  await repository.saveUserProfile({ name: 'Dana DPO', role: 'DPO' })
})
afterEach(async () => {
  await db.delete()
})

const payroll = () => ({
  ...emptyRecordForm('controller'),
  name: 'Payroll',
  businessFunction: 'HR',
  purposes: [{ id: 'p1', description: 'Pay staff', uses: ['employment'], lawfulBasis: 'b' as const, legitimateInterest: '', liaReference: '', consentRecordReference: '' }]
})

async function snapshot() {
  return { records: await db.records.toArray(), audit: await db.auditLog.toArray(), meta: await db.meta.toArray(), org: await db.organisation.toArray() }
}

describe('RegisterRepository', () => {
  it('assigns sequential references and records who created each record', async () => {
    const first = await repository.createRecord(payroll())
    const second = await repository.createRecord({ ...payroll(), name: 'Recruitment' })
    expect([first.reference, second.reference]).toEqual(['PA-0001', 'PA-0002'])
    const history = await repository.recordHistory(first.id)
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ action: 'create', actor: 'Dana DPO', entity: 'record', entityId: first.id })
  })

  it('records each edited field with its old and new value', async () => {
    const record = await repository.createRecord(payroll())
    await repository.updateRecord(record.id, { ...record, name: 'Payroll and pensions', owner: 'Finance' })
    const history = await repository.recordHistory(record.id)
    expect(history.map((entry) => entry.action)).toEqual(['create', 'update'])
    expect(history[1]!.changes).toEqual([
      { field: 'name', before: 'Payroll', after: 'Payroll and pensions' },
      { field: 'owner', before: '', after: 'Finance' }
    ])
  })

  it('writes nothing when the input is invalid', async () => {
    await repository.createRecord(payroll())
    const before = await snapshot()
    const badRetention = {
      ...payroll(),
      dataCategories: [{ id: 'c1', term: 'user.name', description: '', retention: { mode: 'period', period: -3, unit: 'months', fromEvent: '', endAction: 'erase', criterion: '' } }]
    }
    await expect(repository.createRecord(badRetention as never)).rejects.toThrow(/greater than zero/)
    await expect(repository.createRecord({ ...payroll(), name: '' })).rejects.toThrow(/Name is required/)
    expect(await snapshot()).toEqual(before)
  })

  it('deletes a record and restores it with the same reference', async () => {
    const record = await repository.createRecord(payroll())
    const deleted = await repository.deleteRecord(record.id)
    expect(await repository.getRecord(record.id)).toBeUndefined()
    await repository.restoreRecord(deleted)
    // Restoring is a write: everything as it was, one revision on.
    expect(await repository.getRecord(record.id)).toEqual({ ...record, revision: 2 })
    expect((await repository.recordHistory(record.id)).map((entry) => entry.action)).toEqual(['create', 'delete', 'restore'])
  })

  it('duplicates a record as a new draft with its own reference', async () => {
    const record = await repository.updateRecord((await repository.createRecord(payroll())).id, { ...payroll(), status: 'approved' })
    const copy = await repository.duplicateRecord(record.id)
    expect(copy).toMatchObject({ name: 'Copy of Payroll', status: 'draft', reference: 'PA-0002', purposes: record.purposes })
    expect(copy.id).not.toBe(record.id)
  })

  it('keeps an audit chain that verifies, and detects a tampered entry', async () => {
    const record = await repository.createRecord(payroll())
    await repository.updateRecord(record.id, { ...record, owner: 'HR lead' })
    await repository.saveOrganisation({ controller: { name: 'Acme Ltd', address: '', email: 'info@acme.example', phone: '' }, dpo: { name: '', address: '', email: '', phone: '' }, representative: { name: '', address: '', email: '', phone: '' } })
    const entries = await db.auditLog.orderBy('seq').toArray()
    expect(verifyChain(entries)).toEqual({ ok: true, entries: 3 })
    await db.auditLog.update(entries[1]!.seq!, { actor: 'Mallory' })
    const tampered = verifyChain(await db.auditLog.orderBy('seq').toArray())
    expect(tampered.ok).toBe(false)
    expect(tampered.ok === false && tampered.firstBreak.index).toBe(1)
  })

  it('inserts many records in one transaction with one audit entry', async () => {
    const records = await repository.insertRecords(Array.from({ length: 25 }, (_, index) => ({ ...payroll(), name: `Activity ${index}` })))
    expect(records.at(-1)?.reference).toBe('PA-0025')
    expect(await repository.countRecords()).toBe(25)
    const pages: number[] = []
    await repository.forEachRecordPage(10, (page) => pages.push(page.length))
    expect(pages).toEqual([10, 10, 5])
  })
})

describe('importing stored records', () => {
  it('keeps ids and references, moves the reference counter past them, and writes nothing when one is invalid', async () => {
    const base = { ...payroll(), createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', approvedBy: '', approvedAt: '' }
    const good = [
      { ...base, id: 'a', reference: 'PA-0007' },
      { ...base, id: 'b', reference: 'PA-0012' }
    ]
    const before = await snapshot()
    await expect(repository.importStoredRecords([...good, { ...base, id: 'c', reference: 'X-1' }], 'bad')).rejects.toThrow(/PA-0001/)
    expect(await snapshot()).toEqual(before)
    await repository.importStoredRecords(good, 'Restored 2 records')
    expect((await repository.getRecord('b'))?.reference).toBe('PA-0012')
    expect((await repository.createRecord(payroll())).reference).toBe('PA-0013')
  })
})

describe('importing records validated when their file was read', () => {
  it('stores them as they are, and still checks any record that was not validated, storing nothing when it is invalid', async () => {
    const [first, second] = generateDemoRegister(2, 11).map((record) => {
      const result = safeParseStoredRecord(record)
      if (!result.success) throw new Error('the demo records should be valid')
      return result.data
    })
    if (!first || !second) throw new Error('two demo records expected')
    const before = await snapshot()
    const unchecked = { ...second, id: 'unchecked', reference: 'PA-0099', transfers: [{ ...second.transfers[0]!, mechanism: 'none' as never }] }
    await expect(repository.importStoredRecords([first, second, unchecked], 'bad')).rejects.toThrow(/mechanism/)
    expect(await snapshot()).toEqual(before)
    await repository.importStoredRecords([first, second], 'two records')
    expect(await repository.getRecord(first.id)).toEqual(first)
    expect(await repository.getRecord(second.id)).toEqual(second)
  })
})

describe('editing an approved record', () => {
  it('sends it back to review when what it says changes, and leaves it approved for a review-date change', async () => {
    const created = await repository.createRecord(payroll())
    const approved = await repository.updateRecord(created.id, { ...created, status: 'approved' })
    const rescheduled = await repository.updateRecord(created.id, { ...approved, nextReview: '2027-06-01' })
    expect(rescheduled.status).toBe('approved')
    const edited = await repository.updateRecord(created.id, { ...rescheduled, owner: 'Payroll team' })
    expect(edited.status).toBe('in-review')
    const history = await repository.recordHistory(created.id)
    expect(history.at(-1)?.changes).toEqual(expect.arrayContaining([{ field: 'status', before: 'approved', after: 'in-review' }]))
  })
})

describe('revisions and stale saves (the same record open in two windows)', () => {
  it('starts at revision 1 and counts every write up by one: save, archive, restore; a save that changes nothing is no write', async () => {
    const created = await repository.createRecord(payroll())
    expect(created.revision).toBe(1)
    const saved = await repository.updateRecord(created.id, { ...payroll(), owner: 'HR' }, { revision: 1 })
    expect(saved.revision).toBe(2)
    expect(await repository.updateRecord(created.id, { ...payroll(), owner: 'HR' }, { revision: 2 })).toEqual(saved)
    const archived = await repository.archiveRecord(created.id, 2)
    expect(archived).toMatchObject({ status: 'archived', revision: 3 })
    expect((await repository.getRecord(created.id))!.revision).toBe(3)
    const [inserted] = await repository.insertRecords([payroll()])
    expect(inserted!.revision).toBe(1)
  })

  it('refuses a save based on a revision that is no longer stored, names both revisions, and writes nothing', async () => {
    const created = await repository.createRecord(payroll())
    // Window A saves first.
    await repository.updateRecord(created.id, { ...payroll(), owner: 'Window A' }, { revision: 1 })
    const before = await snapshot()
    // Window B still holds revision 1.
    const refusal = repository.updateRecord(created.id, { ...payroll(), status: 'approved', description: 'Window B' }, { revision: 1 })
    await expect(refusal).rejects.toBeInstanceOf(StaleRecordError)
    await expect(refusal).rejects.toThrow('PA-0001 was changed elsewhere: you edited revision 1, the stored one is revision 2. Nothing was saved.')
    const error = (await refusal.catch((caught: unknown) => caught)) as StaleRecordError
    expect(error.stored).toMatchObject({ owner: 'Window A', revision: 2 })
    expect(await snapshot()).toEqual(before)
    // Archiving from a stale view is refused the same way.
    await expect(repository.archiveRecord(created.id, 1)).rejects.toBeInstanceOf(StaleRecordError)
    expect(await snapshot()).toEqual(before)
  })

  it('keeps a stale save on purpose only against the revision the DPO saw, and the audit trail names the revision it overwrote', async () => {
    const created = await repository.createRecord(payroll())
    await repository.updateRecord(created.id, { ...payroll(), owner: 'Window A' }, { revision: 1 })
    const kept = await repository.updateRecord(created.id, { ...payroll(), owner: 'Window B' }, { revision: 2, overwrite: true })
    expect(kept).toMatchObject({ owner: 'Window B', revision: 3 })
    const last = (await repository.recordHistory(created.id)).at(-1)!
    expect(last).toMatchObject({ action: 'update', summary: 'PA-0001 edited, overwriting revision 2 (changed elsewhere)', changes: [{ field: 'owner', before: 'Window A', after: 'Window B' }] })
    // A third write in between makes even an overwrite stale: the DPO has not seen it.
    await expect(repository.updateRecord(created.id, { ...payroll(), owner: 'Window C' }, { revision: 2, overwrite: true })).rejects.toBeInstanceOf(StaleRecordError)
    expect(verifyChain(await db.auditLog.orderBy('seq').toArray()).ok).toBe(true)
  })

  it('counts an import that replaces a stored record as a write to it: the revision moves past the stored one', async () => {
    const created = await repository.createRecord(payroll())
    const edited = await repository.updateRecord(created.id, { ...payroll(), owner: 'HR' }, { revision: 1 })
    // A workbook exported at revision 1 and imported again later.
    await repository.importStoredRecords([{ ...created, owner: 'From the workbook' }], 'workbook again')
    expect(await repository.getRecord(created.id)).toMatchObject({ owner: 'From the workbook', revision: edited.revision + 1 })
    // A new record keeps the revision its file gave it.
    const [fresh] = generateDemoRegister(1, 7)
    await repository.importStoredRecords([{ ...fresh!, reference: 'PA-0500', revision: 4 }], 'one new')
    expect((await repository.getRecord(fresh!.id))!.revision).toBe(4)
  })

  it('keeps the stored revision when an imported record says exactly what is stored (re-importing an export is no edit)', async () => {
    const created = await repository.createRecord(payroll())
    const edited = await repository.updateRecord(created.id, { ...payroll(), owner: 'HR' }, { revision: 1 })
    // The same content from a workbook exported at an earlier revision number.
    await repository.importStoredRecords([{ ...edited, revision: 1 }], 'unchanged workbook')
    expect(await repository.getRecord(created.id)).toEqual(edited)
  })

  it('tells other windows which records a native-write import changed (Dexie storagemutated)', async () => {
    const heard: TableChanges[] = []
    const stop = onTableChanges(db, ['records'], (changes) => heard.push(changes))
    const records = generateDemoRegister(3, 5)
    await repository.importStoredRecords(records, 'three records')
    stop()
    expect(heard).toHaveLength(1)
    const change = heard[0]!.get('records')
    expect(change?.all === false && [...change.keys].sort()).toEqual(records.map((record) => record.id).sort())
  })
})

describe('an import whose write fails', () => {
  it('rejects (never hangs) and stores nothing when a reference is already held by another record', async () => {
    const existing = await repository.createRecord(payroll())
    const before = await snapshot()
    const clash = { ...existing, id: 'other-id', name: 'Clash' }
    await expect(repository.importStoredRecords([clash], 'clash')).rejects.toThrow()
    expect(await snapshot()).toEqual(before)
  })
})
