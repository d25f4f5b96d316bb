/**
 * The workbook's "Findings" and "Audit trail" sheets. Each is written only when the export
 * data carries it (`findings`, `auditLog`): the caller runs the checks, because it knows
 * today's date and the installed packs, and it decides how much of the log goes out.
 * Columns are built inside the functions: this module and register-sheets import each other.
 */
import type { AuditEntry } from '../audit/audit-chain'
import { auditSummaryIn } from '../audit/audit-summary'
import { SEVERITIES, type Finding } from '../checks/finding'
import type { Locale } from '../i18n'
import { describeFieldPathIn, describeFieldValueIn, formatArticle, lookupText, translateMessage } from '../i18n/catalogues'
import type { StoredRecord } from '../records/model'
import { MAX_CELL_CHARS } from './columns'
import { column, sheetName, type CellValue, type Column, type ExportData, type SheetLayout } from './register-sheets'
/** Each changed value is cut at this length in the sheet; the app and the backup keep it whole. */
const CHANGE_VALUE_CHARS = 300

interface FindingRow {
  finding: Finding
  name: string
}

/** The Findings sheet in one language: each finding's message and fix said from its catalogue key. */
export function findingColumns(locale: Locale = 'en'): Column<FindingRow>[] {
  const say = (key: string) => lookupText(locale, `workbook:findings.${key}`)
  return [
    column('reference', say('reference'), 12, ({ finding }) => finding.reference ?? (finding.recordId === null ? say('organisation') : '')),
    column('name', say('name'), 34, ({ name }) => name),
    column('severity', say('severity'), 10, ({ finding }) => lookupText(locale, `labels:severity.${finding.severity}`)),
    column('article', say('article'), 14, ({ finding }) => formatArticle(finding.article, locale)),
    column('field', say('field'), 26, ({ finding }) => describeFieldPathIn(finding.field, locale)),
    column('finding', say('finding'), 60, ({ finding }) => (locale === 'en' ? finding.message : translateMessage(finding.messageRef, locale))),
    column('fix', say('fix'), 60, ({ finding }) => (locale === 'en' ? finding.fix : translateMessage(finding.fixRef, locale))),
    column('rule', say('rule'), 26, ({ finding }) => finding.ruleId)
  ]
}

/** The Audit trail sheet in one language: what each entry is about, its action, summary and changes in the reader's words; ids and hashes as stored. */
export function auditColumns(locale: Locale = 'en'): Column<AuditEntry>[] {
  const say = (key: string) => lookupText(locale, `workbook:audit.${key}`)
  // A kind or action from a newer version of the app (no word for it here) reads as it is stored.
  const wordOr = (namespacedKey: string, stored: string) => {
    const word = lookupText(locale, namespacedKey)
    return word === namespacedKey.slice(namespacedKey.indexOf(':') + 1) ? stored : word
  }
  return [
    column('seq', say('seq'), 8, (entry) => entry.seq ?? ''),
    column('at', say('at'), 24, (entry) => entry.at),
    column('actor', say('actor'), 20, (entry) => entry.actor),
    // Hashed with the entry: without it the chain could not be re-verified from the sheet.
    column('actorId', say('actorId'), 38, (entry) => entry.actorId ?? ''),
    column('entity', say('entity'), 14, (entry) => wordOr(`audit:entity.${entry.entity}`, entry.entity)),
    column('entityId', say('entityId'), 38, (entry) => entry.entityId),
    column('action', say('action'), 12, (entry) => wordOr(`labels:auditAction.${entry.action}`, entry.action)),
    column('summary', say('summary'), 44, (entry) => auditSummaryIn(entry, locale)),
    column('changes', say('changes'), 70, (entry) => changesCell(entry, locale)),
    column('prevHash', say('prevHash'), 30, (entry) => entry.prevHash),
    column('hash', say('hash'), 30, (entry) => entry.hash)
  ]
}

/** One line per change ("Purpose 1 › Lawful basis: (empty) → …" in the reader's words), within Excel's cell limit. */
function changesCell(entry: AuditEntry, locale: Locale): string {
  let text = ''
  for (const [index, change] of entry.changes.entries()) {
    const line = lookupText(locale, 'audit:changes.line', { field: describeFieldPathIn(change.field, locale), before: valueText(change.field, change.before, locale), after: valueText(change.field, change.after, locale) })
    const more = lookupText(locale, 'audit:changes.more', { count: entry.changes.length - index })
    if (text.length + line.length + more.length + 2 > MAX_CELL_CHARS) return `${text}\n${more}`
    text = text === '' ? line : `${text}\n${line}`
  }
  return text
}

/** A stored value in the editor's words, cut at the sheet's length. */
function valueText(field: string, value: unknown, locale: Locale): string {
  const text = describeFieldValueIn(field, value, locale)
  return text.length > CHANGE_VALUE_CHARS ? `${text.slice(0, CHANGE_VALUE_CHARS - 1)}…` : text
}

/** Organisation findings first, then by record reference, most severe first within a record. */
function sortedFindings(findings: readonly Finding[], records: readonly StoredRecord[], locale: Locale): FindingRow[] {
  const order = new Map(records.map((record, index) => [record.id, { index, name: record.name }]))
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => {
      const place = (finding: Finding) => (finding.recordId === null ? -1 : (order.get(finding.recordId)?.index ?? Number.MAX_SAFE_INTEGER))
      return place(a.finding) - place(b.finding) || SEVERITIES.indexOf(a.finding.severity) - SEVERITIES.indexOf(b.finding.severity) || a.index - b.index
    })
    .map(({ finding }) => ({ finding, name: finding.recordId === null ? lookupText(locale, 'workbook:findings.organisationProfile') : (order.get(finding.recordId)?.name ?? '') }))
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
export function checksSheets(data: ExportData, records: readonly StoredRecord[], locale: Locale = 'en'): SheetLayout[] {
  const sheets: SheetLayout[] = []
  if (data.findings) sheets.push(layout(sheetName('findings', locale), findingColumns(locale), sortedFindings(data.findings, records, locale)))
  if (data.auditLog) sheets.push(layout(sheetName('auditTrail', locale), auditColumns(locale), [...data.auditLog].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))))
  return sheets
}
