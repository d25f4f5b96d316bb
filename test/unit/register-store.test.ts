/** The register list in memory, over a real (fake-indexeddb) database. */
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { formOfRecord } from '@core/records/model'
import { RegisterStore } from '../../src-renderer/src/records/register-store'
import { DATABASE_NAME, RopaDatabase } from '../../src-renderer/src/db/database'
import { RegisterRepository } from '../../src-renderer/src/db/register-repository'
import { completeControllerRecord } from '../fixtures/checks/records'

const until = async (done: () => boolean) => {
  for (let tries = 0; !done(); tries++) {
    if (tries > 500) throw new Error('the store did not follow the change')
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

async function setUp(count: number) {
  const repository = new RegisterRepository(new RopaDatabase(`${DATABASE_NAME}-register-${crypto.randomUUID()}`))
  await repository.saveUserProfile({ name: 'Dana Fischer', role: 'DPO' })
  const records = await repository.insertRecords(Array.from({ length: count }, (_, index) => ({ ...formOfRecord(completeControllerRecord()), name: `Activity ${index}` })))
  const store = new RegisterStore(repository)
  await store.load()
  return { repository, store, records }
}

describe('RegisterStore', () => {
  it('replaces a saved record\'s row in its place, keeps the others, and holds the record for the editor', async () => {
    const { repository, store, records } = await setUp(5)
    const before = store.getSnapshot().rows
    const saved = await repository.updateRecord(records[2]!.id, { ...formOfRecord(records[2]!), name: 'Renamed' })
    await until(() => store.getSnapshot().rows !== before)
    const after = store.getSnapshot().rows
    expect(after.map((row) => row.name)).toEqual(['Activity 0', 'Activity 1', 'Renamed', 'Activity 3', 'Activity 4'])
    expect(after[0]).toBe(before[0])
    expect(store.knownRecord(saved.id)).toEqual(saved)
  })

  it('adds and removes rows in reference order', async () => {
    const { repository, store, records } = await setUp(3)
    await repository.deleteRecord(records[1]!.id)
    await until(() => store.getSnapshot().rows.length === 2)
    const [added] = await repository.insertRecords([{ ...formOfRecord(completeControllerRecord()), name: 'Added' }])
    await until(() => store.getSnapshot().rows.length === 3)
    expect(store.getSnapshot().rows.map((row) => row.reference)).toEqual([records[0]!.reference, records[2]!.reference, added!.reference])
    expect(store.knownRecord(records[1]!.id)).toBeUndefined()
  })
})
