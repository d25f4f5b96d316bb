/**
 * Version 4 of the database: open items stored with `resolved: true/false` become
 * resolutions, and records stored before the migration contract gain `previousReference`,
 * `notes` and `importedFrom`. Real version 1, 2 and 3 databases (fake-indexeddb) are written
 * the old way, then opened by the current class.
 */
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { storedRecordSchema } from '@core/records/model'
import { DATABASE_NAME, RopaDatabase, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../src-renderer/src/db/database'
import { RegisterRepository } from '../../src-renderer/src/db/register-repository'
import { completeControllerRecord } from '../fixtures/checks/records'

const SCHEMAS = { 1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3 } as const

/** A record as versions 1–3 stored it: open items ticked with `resolved`, none of the contract's fields. */
function oldRecord(id: string, reference: string, resolved: readonly boolean[]): Record<string, unknown> {
  const { previousReference: _previousReference, notes: _notes, importedFrom: _importedFrom, ...record } = completeControllerRecord()
  return {
    ...record,
    id,
    reference,
    openItems: resolved.map((isResolved, index) => ({ id: `${id}-o${index}`, field: 'recipients', note: `Point ${index + 1}`, quotes: ['the policy says'], resolved: isResolved }))
  }
}

async function writeOldDatabase(name: string, version: 1 | 2 | 3, rows: Record<string, unknown>[]): Promise<void> {
  const old = new Dexie(name)
  old.version(version).stores(SCHEMAS[version])
  await old.open()
  await old.table('records').bulkPut(rows)
  expect(old.verno).toBe(version)
  old.close()
}

describe('upgrading to version 4', () => {
  for (const version of [1, 2, 3] as const) {
    it(`converts open items and fills the contract fields of a version ${version} database`, async () => {
      const name = `${DATABASE_NAME}-v4-${version}-${crypto.randomUUID()}`
      // Version 3 stored revisions; earlier versions did not (version 3's upgrade adds them).
      const rows = [oldRecord('a', 'PA-0001', [true, false]), oldRecord('b', 'PA-0002', [])]
      if (version < 3) for (const row of rows) delete row.revision
      await writeOldDatabase(name, version, rows)

      const upgraded = new RopaDatabase(name)
      await upgraded.open()
      expect(upgraded.verno).toBe(5)
      const [first, second] = (await upgraded.records.orderBy('reference').toArray()) as unknown as Record<string, unknown>[]
      expect(first).toMatchObject({ previousReference: '', notes: '', importedFrom: [], revision: 1, name: 'Customer accounts' })
      expect(first!.openItems).toEqual([
        { id: 'a-o0', field: 'recipients', note: 'Point 1', quotes: ['the policy says'], resolution: 'resolved', resolutionNote: '' },
        { id: 'a-o1', field: 'recipients', note: 'Point 2', quotes: ['the policy says'], resolution: 'open', resolutionNote: '' }
      ])
      expect(second).toMatchObject({ openItems: [], previousReference: '', notes: '', importedFrom: [] })
      // Every upgraded row is a valid record as stored now, and the repository reads it.
      for (const row of [first, second]) expect(storedRecordSchema.safeParse(row).error?.issues ?? []).toEqual([])
      const repository = new RegisterRepository(upgraded)
      expect((await repository.getRecord('a'))?.openItems.map((item) => item.resolution)).toEqual(['resolved', 'open'])
      await upgraded.delete()
    })
  }

  it('keeps what a record already has: a previous reference, notes, import evidence and a decided resolution', async () => {
    const name = `${DATABASE_NAME}-v4-kept-${crypto.randomUUID()}`
    const row = {
      ...oldRecord('c', 'PA-0003', []),
      previousReference: 'HR-12',
      notes: 'From the 2019 sheet',
      importedFrom: [{ file: 'ropa.xlsx', sheet: 'HR', cell: 'B7', heading: 'Purpose', text: 'Payroll', field: 'purposes.0.description' }],
      openItems: [{ id: 'c-o0', field: 'recipients', note: '', quotes: [], resolution: 'accepted', resolutionNote: 'accepted risk' }]
    }
    await writeOldDatabase(name, 3, [row])
    const upgraded = new RopaDatabase(name)
    await upgraded.open()
    expect(await upgraded.records.get('c')).toEqual(row)
    await upgraded.delete()
  })
})
