/**
 * The dashboard's figures, computed once per checks-store snapshot (and vendor list) and
 * kept, so that opening the dashboard only draws: the work over every record (completeness,
 * reviews, transfers, findings by article, vendors) is done ahead, when the browser is idle
 * after the checks store publishes, not while the DPO waits.
 */
import { completeness, summariseFindings } from '@core/checks/run-checks'
import { allFindings, type ChecksSnapshot } from '../checks/checks-store'
import { findingsByArticle, recordsByRoleAndStatus, reviewsDue, transfersByCountry, vendorsByRecords, type VendorCount, type VendorLike } from './dashboard-data'

export interface DashboardFigures {
  records: number
  active: number
  summary: ReturnType<typeof summariseFindings>
  completeness: ReturnType<typeof completeness>
  byRoleStatus: ReturnType<typeof recordsByRoleAndStatus>
  byArticle: ReturnType<typeof findingsByArticle>
  reviews: ReturnType<typeof reviewsDue>
  transfers: ReturnType<typeof transfersByCountry>
  today: string
}

const figuresBySnapshot = new WeakMap<ChecksSnapshot, DashboardFigures>()
const vendorCountsBySnapshot = new WeakMap<ChecksSnapshot, { key: string; counts: VendorCount[] }>()

/** The figures already worked out for this snapshot, if any (without computing them). */
export function preparedFigures(snapshot: ChecksSnapshot): DashboardFigures | undefined {
  return figuresBySnapshot.get(snapshot)
}

export function dashboardFigures(snapshot: ChecksSnapshot): DashboardFigures {
  const cached = figuresBySnapshot.get(snapshot)
  if (cached) return cached
  const records = [...snapshot.records.values()]
  const findings = allFindings(snapshot)
  const today = snapshot.context?.today ?? new Date().toISOString().slice(0, 10)
  const figures: DashboardFigures = {
    records: records.length,
    active: records.filter((record) => record.status !== 'archived').length,
    summary: summariseFindings(findings),
    completeness: completeness(records, snapshot.context?.organisation ?? null),
    byRoleStatus: recordsByRoleAndStatus(records),
    byArticle: findingsByArticle(findings),
    reviews: reviewsDue(records, today),
    transfers: transfersByCountry(records),
    today
  }
  figuresBySnapshot.set(snapshot, figures)
  return figures
}

/** Records per vendor for this snapshot; kept while the vendors (by id, name and pack) stay the same. */
export function vendorCounts(snapshot: ChecksSnapshot, vendors: readonly VendorLike[]): VendorCount[] {
  const key = vendors.map((vendor) => `${vendor.id}\u0000${vendor.name}\u0000${vendor.packId}`).join('\u0001')
  const cached = vendorCountsBySnapshot.get(snapshot)
  if (cached?.key === key) return cached.counts
  const counts = vendorsByRecords(vendors, snapshot.records.values())
  vendorCountsBySnapshot.set(snapshot, { key, counts })
  return counts
}

const whenIdle = (task: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 })
  else setTimeout(task, 50)
}

/**
 * Computes the figures for each new ready snapshot when the browser is idle, so that they are
 * there before the dashboard is opened. Returns the unsubscribe.
 */
export function prepareDashboardFigures(store: { subscribe: (listener: () => void) => () => void; getSnapshot: () => ChecksSnapshot }, readVendors: () => Promise<VendorLike[]>): () => void {
  let scheduled = false
  return store.subscribe(() => {
    if (scheduled) return
    scheduled = true
    whenIdle(() => {
      scheduled = false
      const snapshot = store.getSnapshot()
      if (snapshot.phase !== 'ready') return
      dashboardFigures(snapshot)
      void readVendors().then((vendors) => vendorCounts(snapshot, vendors))
    })
  })
}
