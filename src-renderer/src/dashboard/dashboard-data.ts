/**
 * The dashboard's figures, computed from the records and findings the checks store holds.
 * Pure, so that the numbers the charts show are tested apart from the charts.
 */
import { addDays } from '@core/checks/dates'
import type { Finding, Severity } from '@core/checks/finding'
import { SEVERITIES } from '@core/checks/finding'
import { summariseFindings } from '@core/checks/run-checks'
import { RECORD_ROLE_LABELS, RECORD_STATUS_LABELS, TRANSFER_MECHANISM_LABELS, type RecordRole, type RecordStatus } from '@core/records/enums'
import type { StoredRecord } from '@core/records/model'

export const DUE_SOON_DAYS = 30

export type RoleStatusRow = { role: string } & Record<RecordStatus, number>

/** One row per role, one count per status: a stacked bar each. */
export function recordsByRoleAndStatus(records: Iterable<StoredRecord>): RoleStatusRow[] {
  const rows = new Map<RecordRole, RoleStatusRow>()
  for (const role of Object.keys(RECORD_ROLE_LABELS) as RecordRole[]) {
    rows.set(role, { role: RECORD_ROLE_LABELS[role], draft: 0, 'in-review': 0, approved: 0, archived: 0 })
  }
  for (const record of records) rows.get(record.role)![record.status] += 1
  return [...rows.values()]
}

export const STATUS_ORDER = Object.keys(RECORD_STATUS_LABELS) as RecordStatus[]

export interface ReviewDue {
  id: string
  reference: string
  name: string
  nextReview: string
  /** Negative when overdue. */
  days: number
}

function daysFrom(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
}

/** Reviews past due, and due within 30 days (today included), earliest first. Archived records are not reviewed. */
export function reviewsDue(records: Iterable<StoredRecord>, today: string): { overdue: ReviewDue[]; dueSoon: ReviewDue[] } {
  const limit = addDays(today, DUE_SOON_DAYS)
  const overdue: ReviewDue[] = []
  const dueSoon: ReviewDue[] = []
  for (const record of records) {
    // Most records are neither overdue nor due soon: the ISO dates compare as strings, and only
    // the few listed get their day count worked out.
    if (record.status === 'archived' || record.nextReview === '' || record.nextReview > limit || !/^\d{4}-\d{2}-\d{2}$/.test(record.nextReview)) continue
    const entry = { id: record.id, reference: record.reference, name: record.name, nextReview: record.nextReview, days: daysFrom(today, record.nextReview) }
    if (record.nextReview < today) overdue.push(entry)
    else dueSoon.push(entry)
  }
  const byDate = (a: ReviewDue, b: ReviewDue) => (a.nextReview < b.nextReview ? -1 : a.nextReview > b.nextReview ? 1 : a.reference < b.reference ? -1 : 1)
  return { overdue: overdue.sort(byDate), dueSoon: dueSoon.sort(byDate) }
}

export type ArticleRow = { article: string } & Record<Severity, number>

/** Findings per article, most findings first, at most `limit` articles (the rest summed as "Other"). */
export function findingsByArticle(findings: readonly Finding[], limit = 10): ArticleRow[] {
  return articleRows(summariseFindings(findings), limit)
}

/** The same rows from a summary already made (the dashboard summarises the findings once). */
export function articleRows(summary: ReturnType<typeof summariseFindings>, limit = 10): ArticleRow[] {
  const rows = Object.entries(summary.byArticle).map(([article, counts]) => ({ article, ...counts }))
  const total = (row: ArticleRow) => row.error + row.warning + row.info
  rows.sort((a, b) => total(b) - total(a) || (a.article < b.article ? -1 : 1))
  if (rows.length <= limit) return rows
  const other: ArticleRow = { article: 'Other', error: 0, warning: 0, info: 0 }
  for (const row of rows.slice(limit - 1)) for (const severity of SEVERITIES) other[severity] += row[severity]
  return [...rows.slice(0, limit - 1), other]
}

export interface TransferRow {
  country: string
  total: number
  /** Count per safeguard label. */
  [safeguard: string]: string | number
}

/**
 * Transfers per destination (as entered, grouped without regard to case) and safeguard,
 * most transfers first; archived records are left out. Returns the safeguard labels in use.
 */
export function transfersByCountry(records: Iterable<StoredRecord>, limit = 12): { rows: TransferRow[]; safeguards: string[]; transfers: number } {
  const byCountry = new Map<string, TransferRow>()
  const safeguards = new Set<string>()
  let transfers = 0
  for (const record of records) {
    if (record.status === 'archived') continue
    for (const transfer of record.transfers) {
      const country = transfer.country.trim() || (transfer.countryCode ? transfer.countryCode : 'Not stated')
      const key = country.toLowerCase()
      const safeguard = transfer.mechanism ? TRANSFER_MECHANISM_LABELS[transfer.mechanism] : 'No mechanism chosen'
      safeguards.add(safeguard)
      const row = byCountry.get(key) ?? { country, total: 0 }
      row.total += 1
      row[safeguard] = ((row[safeguard] as number | undefined) ?? 0) + 1
      byCountry.set(key, row)
      transfers += 1
    }
  }
  const rows = [...byCountry.values()].sort((a, b) => b.total - a.total || (a.country < b.country ? -1 : 1)).slice(0, limit)
  // Safeguards in their enum order, so colours stay the same from one visit to the next.
  const order = [...Object.values(TRANSFER_MECHANISM_LABELS), 'No mechanism chosen']
  return { rows, safeguards: order.filter((label) => safeguards.has(label)), transfers }
}

export interface VendorLike {
  id: string
  name: string
  packId: string
}

export interface VendorCount {
  id: string
  name: string
  records: number
}

/**
 * Records per vendor: a record counts once for a vendor when one of its recipients is that
 * vendor or it was made from the vendor's template pack. Vendors without records are listed
 * too (at the end), so an unused vendor is visible.
 */
export function vendorsByRecords(vendors: readonly VendorLike[], records: Iterable<StoredRecord>, limit = 12): VendorCount[] {
  const counts = new Map(vendors.map((vendor) => [vendor.id, 0]))
  const byPack = new Map<string, string[]>()
  for (const vendor of vendors) if (vendor.packId) byPack.set(vendor.packId, [...(byPack.get(vendor.packId) ?? []), vendor.id])
  for (const record of records) {
    if (record.status === 'archived') continue
    const linked = new Set<string>()
    for (const recipient of record.recipients) if (recipient.vendorId && counts.has(recipient.vendorId)) linked.add(recipient.vendorId)
    if (record.origin) for (const id of byPack.get(record.origin.packId) ?? []) linked.add(id)
    for (const id of linked) counts.set(id, counts.get(id)! + 1)
  }
  return vendors
    .map((vendor) => ({ id: vendor.id, name: vendor.name || vendor.id, records: counts.get(vendor.id) ?? 0 }))
    .sort((a, b) => b.records - a.records || (a.name < b.name ? -1 : 1))
    .slice(0, limit)
}
