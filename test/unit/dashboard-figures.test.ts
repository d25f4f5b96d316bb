/** The dashboard's figures are worked out ahead, once per checks snapshot, and follow changes. */
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { formOfRecord } from '@core/records/model'
import { ChecksStore } from '../../src-renderer/src/checks/checks-store'
import { DATABASE_NAME, RopaDatabase } from '../../src-renderer/src/db/database'
import { RegisterRepository } from '../../src-renderer/src/db/register-repository'
import { dashboardFigures, prepareDashboardFigures, preparedFigures, vendorCounts } from '../../src-renderer/src/dashboard/dashboard-figures'
import { completeControllerRecord, completeOrganisation, TODAY } from '../fixtures/checks/records'

const now = () => new Date(`${TODAY}T12:00:00`)
const idle = () => new Promise((resolve) => setTimeout(resolve, 120))

describe('dashboard figures', () => {
  it('are prepared in idle time after the checks store publishes, kept per snapshot, and recomputed after a change', async () => {
    const db = new RopaDatabase(`${DATABASE_NAME}-dashboard-${crypto.randomUUID()}`)
    const repository = new RegisterRepository(db, now)
    await repository.saveUserProfile({ name: 'Dana Fischer', role: 'DPO' })
    await repository.saveOrganisation(completeOrganisation())
    const first = await repository.createRecord(formOfRecord(completeControllerRecord()))
    const checks = new ChecksStore(db, repository, now)
    const vendors = [{ id: 'acme', name: 'Acme', packId: 'acme-crm' }]
    const stop = prepareDashboardFigures(checks, async () => vendors)

    await checks.load()
    await idle()
    const ready = checks.getSnapshot()
    const prepared = preparedFigures(ready)
    expect(prepared).toMatchObject({ records: 1, active: 1, today: TODAY })
    // Opening the dashboard takes the prepared figures as they are.
    expect(dashboardFigures(ready)).toBe(prepared)
    expect(vendorCounts(ready, vendors)).toBe(vendorCounts(ready, [...vendors]))

    await repository.archiveRecord(first.id, first.revision)
    await checks.settled()
    await idle()
    const afterArchive = checks.getSnapshot()
    expect(afterArchive).not.toBe(ready)
    expect(preparedFigures(afterArchive)).toMatchObject({ records: 1, active: 0 })
    stop()
    await db.delete()
  })
})
