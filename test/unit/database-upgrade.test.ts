/** A database written by version 1 of the app opens in the current version with every row intact. */
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { verifyChain } from '@core/audit/audit-chain'
import { DATABASE_NAME, RopaDatabase, SCHEMA_V1 } from '../../src-renderer/src/db/database'
import { RegisterRepository } from '../../src-renderer/src/db/register-repository'
import { emptyRecordForm } from '@core/records/new-record'

/** The version 1 app, as shipped: same schema, written through the same repository code path. */
class VersionOneDatabase extends Dexie {
  constructor(name: string) {
    super(name)
    this.version(1).stores(SCHEMA_V1)
  }
}

describe('upgrading the database', () => {
  it('opens a version 1 database, keeps records, organisation and audit chain, and adds the new tables', async () => {
    const name = `${DATABASE_NAME}-upgrade-${crypto.randomUUID()}`
    // Write version 1 data with the version 1 schema.
    const old = new VersionOneDatabase(name)
    const v1Repository = new RegisterRepository(old as unknown as RopaDatabase)
    await v1Repository.saveUserProfile({ name: 'Dana', role: 'DPO' })
    await v1Repository.saveOrganisation({ controller: { name: 'Acme', address: '', email: '', phone: '' }, dpo: { name: '', address: '', email: '', phone: '' }, representative: { name: '', address: '', email: '', phone: '' } })
    const created = await v1Repository.createRecord({ ...emptyRecordForm('processor'), name: 'Hosting' })
    expect(old.verno).toBe(1)
    old.close()

    const upgraded = new RopaDatabase(name)
    await upgraded.open()
    expect(upgraded.verno).toBe(2)
    expect(await upgraded.records.get(created.id)).toEqual(created)
    expect((await upgraded.organisation.toArray())[0]!.controller.name).toBe('Acme')
    expect(verifyChain(await upgraded.auditLog.orderBy('seq').toArray())).toEqual({ ok: true, entries: 2 })
    expect(await upgraded.packs.count()).toBe(0)
    expect(await upgraded.vendors.count()).toBe(0)
    // The new index works on upgraded rows.
    expect(await upgraded.records.where('origin.packId').equals('none').count()).toBe(0)
    // And the reference sequence carries on.
    const next = await new RegisterRepository(upgraded).createRecord({ ...emptyRecordForm(), name: 'Payroll' })
    expect(next.reference).toBe('PA-0002')
    await upgraded.delete()
  })
})
