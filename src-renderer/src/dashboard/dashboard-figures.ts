/**
 * The dashboard's figures, computed once per checks-store snapshot (and vendor list) and
 * kept, so that opening the dashboard only draws: the work over every record (completeness,
 * reviews, transfers, findings by article, vendors) is done ahead, when the browser is idle
 * after the checks store publishes, not while the DPO waits.
 */
import { completeness, recordCompletenessItems, summariseFindings, type CompletenessItem } from '@core/checks/run-checks'
import type { CheckableRecord } from '@core/checks/finding'
import { allFindings, type ChecksSnapshot } from '../checks/checks-store'
import { articleRows, recordsByRoleAndStatus, reviewsDue, transfersByCountry, vendorsByRecords, type VendorCount, type VendorLike } from './dashboard-data'

export interface DashboardFigures {
  records: number
  active: number
  summary: ReturnType<typeof summariseFindings>
  completeness: ReturnType<typeof completeness>
  byRoleStatus: ReturnType<typeof recordsByRoleAndStatus>
  byArticle: ReturnType<typeof articleRows>
  reviews: ReturnType<typeof reviewsDue>
  transfers: ReturnType<typeof transfersByCountry>
  today: string
}

/**
 * Each record's completeness items, kept while the record object is the same: the checks store
 * replaces only the records that changed, so after a save only that record is worked out again.
 */
const completenessItemsByRecord = new WeakMap<CheckableRecord, readonly CompletenessItem[]>()
function keptCompletenessItems(record: CheckableRecord): readonly CompletenessItem[] {
  let items = completenessItemsByRecord.get(record)
  if (!items) {
    items = recordCompletenessItems(record)
    completenessItemsByRecord.set(record, items)
  }
  return items
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
  const summary = summariseFindings(findings)
  const figures: DashboardFigures = {
    records: records.length,
    active: records.filter((record) => record.status !== 'archived').length,
    summary,
    completeness: completeness(records, snapshot.context?.organisation ?? null, keptCompletenessItems),
    byRoleStatus: recordsByRoleAndStatus(records),
    byArticle: articleRows(summary),
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
