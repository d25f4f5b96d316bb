/**
 * The workbook's "Findings" and "Audit trail" sheets. Each is written only when the export
 * data carries it (`findings`, `auditLog`): the caller runs the checks, because it knows
 * today's date and the installed packs, and it decides how much of the log goes out.
 * Columns are built inside the functions: this module and register-sheets import each other.
 */
import type { AuditEntry } from '../audit/audit-chain'
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, changeText } from '../audit/audit-text'
import { SEVERITIES, type Finding } from '../checks/finding'
import { describeFieldPath } from '../records/field-names'
import type { StoredRecord } from '../records/model'
import { MAX_CELL_CHARS, SHEET } from './columns'
import { column, type CellValue, type Column, type ExportData, type SheetLayout } from './register-sheets'

const SEVERITY_TEXT = { error: 'Error', warning: 'Warning', info: 'Info' } as const
/** Each changed value is cut at this length in the sheet; the app and the backup keep it whole. */
const CHANGE_VALUE_CHARS = 300

interface FindingRow {
  finding: Finding
  name: string
}

export function findingColumns(): Column<FindingRow>[] {
  return [
    column('reference', 'Reference', 12, ({ finding }) => finding.reference ?? (finding.recordId === null ? 'Organisation' : '')),
    column('name', 'Processing activity', 34, ({ name }) => name),
    column('severity', 'Severity', 10, ({ finding }) => SEVERITY_TEXT[finding.severity]),
    column('article', 'Article', 14, ({ finding }) => finding.article),
    column('field', 'Field', 26, ({ finding }) => describeFieldPath(finding.field)),
    column('finding', 'Finding', 60, ({ finding }) => finding.message),
    column('fix', 'What to do', 60, ({ finding }) => finding.fix),
    column('rule', 'Rule', 26, ({ finding }) => finding.ruleId)
  ]
}

export function auditColumns(): Column<AuditEntry>[] {
  return [
    column('seq', 'Entry', 8, (entry) => entry.seq ?? ''),
    column('at', 'When (UTC)', 24, (entry) => entry.at),
    column('actor', 'Who', 20, (entry) => entry.actor),
    // Hashed with the entry: without it the chain could not be re-verified from the sheet.
    column('actorId', 'User ID', 38, (entry) => entry.actorId ?? ''),
    column('entity', 'Entity', 14, (entry) => AUDIT_ENTITY_LABELS[entry.entity] ?? entry.entity),
    column('entityId', 'Entity ID', 38, (entry) => entry.entityId),
    column('action', 'Action', 12, (entry) => AUDIT_ACTION_LABELS[entry.action] ?? entry.action),
    column('summary', 'Summary', 44, (entry) => entry.summary),
    column('changes', 'Changes (field: before → after)', 70, (entry) => changesCell(entry)),
    column('prevHash', 'SHA-256 of the previous entry', 30, (entry) => entry.prevHash),
    column('hash', 'SHA-256 of this entry', 30, (entry) => entry.hash)
  ]
}

/** One line per change, within Excel's cell limit. */
function changesCell(entry: AuditEntry): string {
  let text = ''
  for (const [index, change] of entry.changes.entries()) {
    const line = changeText(change, CHANGE_VALUE_CHARS)
    const more = `… and ${entry.changes.length - index} more changes`
    if (text.length + line.length + more.length + 2 > MAX_CELL_CHARS) return `${text}\n${more}`
    text = text === '' ? line : `${text}\n${line}`
  }
  return text
}

/** Organisation findings first, then by record reference, most severe first within a record. */
function sortedFindings(findings: readonly Finding[], records: readonly StoredRecord[]): FindingRow[] {
  const order = new Map(records.map((record, index) => [record.id, { index, name: record.name }]))
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => {
      const place = (finding: Finding) => (finding.recordId === null ? -1 : (order.get(finding.recordId)?.index ?? Number.MAX_SAFE_INTEGER))
      return place(a.finding) - place(b.finding) || SEVERITIES.indexOf(a.finding.severity) - SEVERITIES.indexOf(b.finding.severity) || a.index - b.index
    })
    .map(({ finding }) => ({ finding, name: finding.recordId === null ? 'Organisation profile' : (order.get(finding.recordId)?.name ?? '') }))
}

function layout<T>(name: SheetLayout['name'], columns: Column<T>[], items: readonly T[]): SheetLayout {
  return {
    name,
    state: 'visible',
    columns: columns.map(({ key, header, width, requiredByArt30, list }) => ({ key, header, width, requiredByArt30, list })),
    art30Row: false,
    rowCount: items.length,
    *rows(): Iterable<CellValue[]> {
      for (const item of items) yield columns.map((spec) => spec.value(item))
    }
  }
}

/** The sheets the export data asks for; `records` in the workbook's (reference) order. */
export function checksSheets(data: ExportData, records: readonly StoredRecord[]): SheetLayout[] {
  const sheets: SheetLayout[] = []
  if (data.findings) sheets.push(layout(SHEET.findings, findingColumns(), sortedFindings(data.findings, records)))
  if (data.auditLog) sheets.push(layout(SHEET.auditTrail, auditColumns(), [...data.auditLog].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))))
  return sheets
}
