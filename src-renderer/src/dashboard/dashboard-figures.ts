/**
 * The dashboard's figures, computed once per checks-store snapshot (and vendor list) and
 * kept, so that opening the dashboard only draws: the work over every record (completeness,
 * reviews, transfers, findings by article, vendors) is done ahead, when the browser is idle
 * after the checks store publishes, not while the DPO waits.
 */
import { completeness, recordCompletenessItems, summariseFindings, type CompletenessItem } from '@core/checks/run-checks'
import type { CheckableRecord } from '@core/checks/finding'
import type { ChecksSnapshot } from '../checks/checks-services'
import { SEVERITIES, type Finding, type Severity } from '@core/checks/finding'
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

type FindingsSummary = ReturnType<typeof summariseFindings>

/** One list's summary, with the ids of the records it names per severity (for the distinct count). */
interface ListSummary {
  summary: FindingsSummary
  recordIds: Record<Severity, string[]>
}

/**
 * Each findings list's summary, kept while the list is the same: the checks store replaces
 * only the lists of the records it checked again.
 */
const summaryByList = new WeakMap<readonly Finding[], ListSummary>()
function listSummary(findings: readonly Finding[]): ListSummary {
  let kept = summaryByList.get(findings)
  if (!kept) {
    const recordIds = { error: new Set<string>(), warning: new Set<string>(), info: new Set<string>() }
    for (const finding of findings) if (finding.recordId !== null) recordIds[finding.severity].add(finding.recordId)
    kept = { summary: summariseFindings(findings), recordIds: { error: [...recordIds.error], warning: [...recordIds.warning], info: [...recordIds.info] } }
    summaryByList.set(findings, kept)
  }
  return kept
}

/** summariseFindings(allFindings(snapshot)), from the kept summaries of each list, merged in the same order. */
function snapshotSummary(snapshot: ChecksSnapshot): FindingsSummary {
  const zero = () => ({ error: 0, warning: 0, info: 0 })
  const summary: FindingsSummary = { total: 0, bySeverity: zero(), byArticle: {}, byRule: {}, recordsWith: zero() }
  const seen: Record<Severity, Set<string>> = { error: new Set(), warning: new Set(), info: new Set() }
  const add = (findings: readonly Finding[]) => {
    if (findings.length === 0) return
    const part = listSummary(findings)
    summary.total += part.summary.total
    for (const severity of SEVERITIES) {
      summary.bySeverity[severity] += part.summary.bySeverity[severity]
      for (const id of part.recordIds[severity]) seen[severity].add(id)
    }
    for (const [article, counts] of Object.entries(part.summary.byArticle)) {
      const total = (summary.byArticle[article] ??= zero())
      for (const severity of SEVERITIES) total[severity] += counts[severity]
    }
    for (const [rule, count] of Object.entries(part.summary.byRule)) summary.byRule[rule] = (summary.byRule[rule] ?? 0) + count
  }
  add(snapshot.organisationFindings)
  for (const findings of snapshot.findingsByRecord.values()) add(findings)
  for (const severity of SEVERITIES) summary.recordsWith[severity] = seen[severity].size
  return summary
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
  const today = snapshot.context?.today ?? new Date().toISOString().slice(0, 10)
  const summary = snapshotSummary(snapshot)
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
