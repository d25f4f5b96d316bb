/**
 * Runs the rules over a register. Pure and synchronous: the editor calls `checkRecord` on
 * every change, the register and dashboard call `runChecks`, the CLI and the workbook too.
 */
import type { Organisation } from '../records/model'
import { ART30_ORGANISATION_ITEMS, ART30_RECORD_ITEMS } from './art30-items'
import { SEVERITIES, type CheckableRecord, type CheckContext, type Finding, type Severity } from './finding'
import { ORGANISATION_RULES, RECORD_RULES } from './rules'

export function checkOrganisation(context: CheckContext): Finding[] {
  return ORGANISATION_RULES.flatMap((rule) => rule.check(context.organisation, context))
}

/** The findings about one record (not the organisation profile). */
export function checkRecord(record: CheckableRecord, context: CheckContext): Finding[] {
  const findings: Finding[] = []
  for (const rule of RECORD_RULES) {
    const found = rule.check(record, context)
    for (const finding of found) findings.push(finding)
  }
  return findings
}

/** Organisation findings first, then each record's, in register order. */
export function runChecks(records: readonly CheckableRecord[], context: CheckContext): Finding[] {
  const findings = checkOrganisation(context)
  for (const record of records) {
    for (const finding of checkRecord(record, context)) findings.push(finding)
  }
  return findings
}

export type SeverityCounts = Record<Severity, number>

export interface FindingsSummary {
  total: number
  bySeverity: SeverityCounts
  /** e.g. { 'Art. 30(1)(b)': { error: 3, warning: 0, info: 0 } } */
  byArticle: Record<string, SeverityCounts>
  byRule: Record<string, number>
  /** How many distinct records have at least one finding of each severity. */
  recordsWith: SeverityCounts
}

const zeroCounts = (): SeverityCounts => ({ error: 0, warning: 0, info: 0 })

export function summariseFindings(findings: readonly Finding[]): FindingsSummary {
  const summary: FindingsSummary = { total: findings.length, bySeverity: zeroCounts(), byArticle: {}, byRule: {}, recordsWith: zeroCounts() }
  const recordsSeen: Record<Severity, Set<string>> = { error: new Set(), warning: new Set(), info: new Set() }
  for (const finding of findings) {
    summary.bySeverity[finding.severity] += 1
    ;(summary.byArticle[finding.article] ??= zeroCounts())[finding.severity] += 1
    summary.byRule[finding.ruleId] = (summary.byRule[finding.ruleId] ?? 0) + 1
    if (finding.recordId !== null) recordsSeen[finding.severity].add(finding.recordId)
  }
  for (const severity of SEVERITIES) summary.recordsWith[severity] = recordsSeen[severity].size
  return summary
}

/** The worst severity among the findings, or 'ok': a record's health in the register. */
export function worstSeverity(findings: readonly Finding[]): Severity | 'ok' {
  for (const severity of SEVERITIES) if (findings.some((finding) => finding.severity === severity)) return severity
  return 'ok'
}

/** Findings keyed by record id; organisation-level findings under null. Keeps the input order. */
export function groupFindingsByRecord(findings: readonly Finding[]): Map<string | null, Finding[]> {
  const groups = new Map<string | null, Finding[]>()
  for (const finding of findings) {
    const group = groups.get(finding.recordId)
    if (group) group.push(finding)
    else groups.set(finding.recordId, [finding])
  }
  return groups
}

export interface CompletenessCount {
  present: number
  required: number
  /** present / required, 1 when nothing is required. */
  share: number
}

export interface Completeness extends CompletenessCount {
  /** Keyed by article, e.g. 'Art. 30(1)(c)'. */
  byArticle: Record<string, CompletenessCount>
}

/** One required Article 30 item of a record: its article, and whether it is filled in. */
export type CompletenessItem = readonly [article: string, present: boolean]

/** The items one record counts towards completeness, in rule order (none for an archived record). */
export function recordCompletenessItems(record: CheckableRecord): CompletenessItem[] {
  const items: CompletenessItem[] = []
  if (record.status === 'archived') return items
  for (const item of ART30_RECORD_ITEMS) {
    if (item.notCounted || !item.roles.includes(record.role) || (item.applies && !item.applies(record))) continue
    items.push([item.article, item.missing(record).length === 0])
  }
  return items
}

/**
 * Share of the required Art. 30 items present, overall and per article letter. A record
 * counts each item that applies to its role once; the organisation's items (30(1)(a))
 * count once for the register. Archived records are left out: they are no longer kept up.
 * `itemsOf` may hand back kept items for records that did not change (the dashboard does).
 */
export function completeness(records: Iterable<CheckableRecord>, organisation: Organisation | null, itemsOf: (record: CheckableRecord) => readonly CompletenessItem[] = recordCompletenessItems): Completeness {
  const byArticle: Record<string, CompletenessCount> = {}
  const tally = (article: string, present: boolean): void => {
    const count = (byArticle[article] ??= { present: 0, required: 0, share: 1 })
    count.required += 1
    if (present) count.present += 1
  }
  for (const item of ART30_ORGANISATION_ITEMS) tally(item.article, item.missing(organisation).length === 0)
  for (const record of records) for (const [article, present] of itemsOf(record)) tally(article, present)
  let present = 0
  let required = 0
  for (const count of Object.values(byArticle)) {
    count.share = count.required === 0 ? 1 : count.present / count.required
    present += count.present
    required += count.required
  }
  return { present, required, share: required === 0 ? 1 : present / required, byArticle }
}
