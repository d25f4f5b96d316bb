/**
 * What a caller does with an import plan: the records to store (numbered after the existing
 * ones) and the plan in words, one line per fact, for the CLI and the corpus report.
 */
import { formatReference, organisationSchema, type Organisation, type StoredRecord } from '../records/model'
import { newItemId } from '../records/new-record'
import { TARGET_FIELD_LABELS, type ImportPlan, type Mapping } from './types'

/** The planned records as stored records, references following `lastNumber`. */
export function storedRecordsOfPlan(plan: ImportPlan, now: string, lastNumber = 0): StoredRecord[] {
  return plan.records.map((planned, index) => ({
    ...planned.record,
    id: newItemId(),
    reference: formatReference(lastNumber + index + 1),
    createdAt: now,
    updatedAt: now,
    approvedBy: '',
    approvedAt: '',
    revision: 1
  }))
}

/** The contact block as an organisation profile, or why it cannot be one (no controller name, a malformed e-mail). */
export function organisationOfPlan(plan: ImportPlan, now: string): { organisation: Organisation | null; reason: string } {
  const found = plan.organisation
  if (!found) return { organisation: null, reason: 'no contact block (controller, DPO, representative) was found' }
  if (found.controller.name.trim() === '') return { organisation: null, reason: 'the contact block names no controller, so no organisation profile was made' }
  const result = organisationSchema.safeParse({ controller: found.controller, dpo: found.dpo, representative: found.representative, jointControllers: [], updatedAt: now })
  if (!result.success) {
    const issue = result.error.issues[0]!
    return { organisation: null, reason: `the contact block could not become the organisation profile: ${issue.path.join(' ')}: ${issue.message}` }
  }
  return { organisation: result.data, reason: '' }
}

export interface PlanLines {
  /** What was read and made: always shown. */
  summary: string[]
  /** Rows skipped, columns no dictionary knew, values kept as notes: shown, and refused by a strict import. */
  skipped: string[]
  unmapped: string[]
  warnings: string[]
}

export function describePlan(plan: ImportPlan, mapping: Mapping): PlanLines {
  const { summary } = plan
  const sheets = mapping.sheets.map((sheet) => (sheet.layout === 'fiches' ? `'${sheet.sheet}' (fiche)` : `'${sheet.sheet}' (table, headings in row ${sheet.headerRow})`))
  const lines = [
    `read ${summary.rowsRead} rows from ${sheets.join(', ')}: ${summary.recordsMade} activities made`,
    `cells: ${summary.cellsMapped} mapped to record fields, ${summary.cellsKeptAsNotes} kept as notes, ${summary.cellsIgnored.length} ignored`
  ]
  for (const sheet of mapping.sheets) {
    for (const column of sheet.columns) {
      const target = column.target.kind === 'field' ? TARGET_FIELD_LABELS[column.target.field] : column.target.kind === 'note' ? 'kept as a note' : `ignored (${column.target.reason})`
      const how = column.dictionary === 'none' ? 'no dictionary heading matched' : column.dictionary === 'saved' ? 'from the saved mapping' : `${column.dictionary} "${column.matched}"${column.confidence < 1 ? `, ${Math.round(column.confidence * 100)}% alike` : ''}`
      lines.push(`  '${sheet.sheet}'!${column.source} "${column.heading}" → ${target} (${how})`)
    }
  }
  if (plan.organisation) {
    const { controller, dpo, representative } = plan.organisation
    const named = [
      controller.name && `controller ${controller.name}`,
      dpo.name && `DPO ${dpo.name}`,
      representative.name && `representative ${representative.name}`
    ].filter(Boolean)
    lines.push(`organisation from the contact block: ${named.join(', ') || 'contacts without names'}`)
  }
  return {
    summary: lines,
    skipped: plan.problems.map((problem) => {
      const cells = problem.cells.map((cell) => `${cell.cell} "${cell.text}"`).join(', ')
      return `${problem.location}: skipped, not imported: ${problem.reason}${cells ? `; the row's cells: ${cells}` : ''}`
    }),
    unmapped: summary.columnsUnmapped.map((column) => `'${column.sheet}'!${column.source} "${column.heading}": no record field matches this heading; its cells are kept as notes`),
    warnings: [
      ...summary.cellsIgnored.map((cell) => `${cell.location} ("${cell.heading}"): ignored: ${cell.reason}`),
      ...plan.records.flatMap((planned) => planned.warnings.map((warning) => (warning.startsWith("'") ? warning : `${planned.location}: ${warning}`)))
    ]
  }
}
