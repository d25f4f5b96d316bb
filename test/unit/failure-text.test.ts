/**
 * A failed action is told in plain words: the errors IndexedDB really raises (through Dexie,
 * on fake-indexeddb) become "the disk or browser storage is full …", never an error name.
 */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { emptyRecordForm } from '@core/records/new-record'
import { RopaDatabase } from '../../src-renderer/src/db/database'
import { MigrationRepository } from '../../src-renderer/src/db/migration-repository'
import { RegisterRepository } from '../../src-renderer/src/db/register-repository'
import { i18n } from '../../src-renderer/src/i18n/i18n'
import { describeFailure, failureReason } from '../../src-renderer/src/ui/failure-text'

let db: RopaDatabase
let repository: RegisterRepository
// eslint-disable-next-line @typescript-eslint/unbound-method -- put back onto the prototype, where it is called as a method
const originalPut = IDBObjectStore.prototype.put

beforeEach(async () => {
  db = new RopaDatabase(`failure-${crypto.randomUUID()}`)
  repository = new RegisterRepository(db)
  await repository.saveUserProfile({ name: 'Dana DPO', role: 'DPO' })
})
afterEach(async () => {
  IDBObjectStore.prototype.put = originalPut
  await db.delete()
})

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the promise to reject')
}

describe('failure text', () => {
  it('tells a save refused for a full disk in plain words, and the stored record stays as it was', async () => {
    const created = await repository.createRecord({ ...emptyRecordForm('controller'), name: 'Payroll' })
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    const error = await rejectionOf(repository.updateRecord(created.id, { ...emptyRecordForm('controller'), name: 'Payroll and pensions' }))
    IDBObjectStore.prototype.put = originalPut

    expect(describeFailure('Could not save', error)).toBe('Could not save: the disk or browser storage is full. Free some disk space, then try again.')
    expect(await db.records.get(created.id)).toEqual(created)
    expect(await repository.recordHistory(created.id)).toHaveLength(1)
  })

  it('names the real cause when Dexie wraps it in an AbortError', () => {
    const quota = new DOMException('quota', 'QuotaExceededError')
    const abort = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota })
    expect(failureReason(abort)).toMatch(/^the disk or browser storage is full/)
    expect(failureReason(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe('the database cancelled the change before it was written. Try again')
  })

  it('explains a refused or blocked database upgrade', () => {
    // Dexie 4 opens a database of a higher version when its tables fit, so these come from the browser as such.
    expect(describeFailure('Could not open the register', new DOMException('The requested version is less than the existing version.', 'VersionError'))).toMatch(
      /^Could not open the register: the database on this computer was written by a newer version of the app/
    )
    expect(failureReason(Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' }))).toMatch(/another window of the app is upgrading it/)
  })

  it('words validation failures with field labels, not field paths', () => {
    const schema = z.object({ dataCategories: z.array(z.object({ retention: z.object({ mode: z.enum(['period', 'criterion']) }) })) })
    const parsed = schema.safeParse({ dataCategories: [{ retention: { mode: 'forever' } }] })
    expect(parsed.success).toBe(false)
    const reason = failureReason(parsed.error)
    expect(reason).toMatch(/^some values are not valid \(Data category 1 › Retention/)
    expect(reason).not.toContain('dataCategories.0')
  })

  it('keeps the message of an ordinary error', () => {
    expect(describeFailure('Could not export pack x', new Error('The pack is not installed.'))).toBe('Could not export pack x: The pack is not installed.')
    expect(describeFailure('Could not export pack x', 'offline')).toBe('Could not export pack x: offline.')
  })

  it('says a reason the app itself gives in the interface\'s language, and in English where a log reads it', async () => {
    const migration = new MigrationRepository(db, repository)
    const refused = await rejectionOf(migration.saveMapping('   ', { sheet: 'Register', headerRow: 1, columns: [] } as never))
    expect(refused).toBeInstanceOf(Error)
    expect((refused as Error).message).toBe('Give the mapping a name')
    try {
      await i18n.changeLanguage('fr')
      expect(describeFailure('Impossible d’enregistrer', refused)).toBe('Impossible d’enregistrer : Donnez un nom à la correspondance.')
      await i18n.changeLanguage('de')
      expect(failureReason(refused)).toBe('Geben Sie der Zuordnung einen Namen')
    } finally {
      await i18n.changeLanguage('en')
    }
    expect(await migration.savedMappings()).toEqual([])
  })
})
