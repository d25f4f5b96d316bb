/** The dashboard's figures are worked out ahead, once per checks snapshot, and follow changes. */
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { formOfRecord } from '@core/records/model'
import { completeness, summariseFindings } from '@core/checks/run-checks'
import { allFindings } from '../../src-renderer/src/checks/checks-store'
import { findingsByArticle } from '../../src-renderer/src/dashboard/dashboard-data'
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
    const checks = new ChecksStore(repository, now)
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

  it('keep each unchanged record’s completeness items between snapshots, and match a fresh count after an edit', async () => {
    const db = new RopaDatabase(`${DATABASE_NAME}-dashboard-${crypto.randomUUID()}`)
    const repository = new RegisterRepository(db, now)
    await repository.saveUserProfile({ name: 'Dana Fischer', role: 'DPO' })
    await repository.saveOrganisation(completeOrganisation())
    const first = await repository.createRecord(formOfRecord(completeControllerRecord()))
    await repository.createRecord(formOfRecord({ ...completeControllerRecord(), name: 'Second activity' }))
    const checks = new ChecksStore(repository, now)
    await checks.load()
    const fresh = (snapshot: ReturnType<typeof checks.getSnapshot>) => completeness([...snapshot.records.values()], snapshot.context?.organisation ?? null)
    const before = checks.getSnapshot()
    expect(dashboardFigures(before).completeness).toEqual(fresh(before))
    expect(dashboardFigures(before).byArticle).toEqual(findingsByArticle(allFindings(before)))
    expect(dashboardFigures(before).summary).toEqual(summariseFindings(allFindings(before)))

    // An edit that empties a required item: the kept items of the other record are reused, the edited one's are new.
    await repository.updateRecord(first.id, { ...formOfRecord(first), purposes: [] }, { revision: first.revision })
    await checks.settled()
    const after = checks.getSnapshot()
    expect(after).not.toBe(before)
    expect(dashboardFigures(after).completeness).toEqual(fresh(after))
    expect(dashboardFigures(after).completeness.present).toBeLessThan(dashboardFigures(before).completeness.present)
    expect(dashboardFigures(after).byArticle).toEqual(findingsByArticle(allFindings(after)))
    expect(dashboardFigures(after).summary).toEqual(summariseFindings(allFindings(after)))
    expect(dashboardFigures(after).summary.total).toBeGreaterThan(dashboardFigures(before).summary.total)
    await db.delete()
  })
})
