/**
 * What a confirmed import will store, from the preview: new and update rows, and conflicts
 * only when the user chose to overwrite them AND overwriting is possible. A conflict with a
 * different activity under the same reference can never be overwritten (the reference is
 * unique); the row must be renumbered in the spreadsheet instead.
 */
import { canonicalJson } from '@core/audit/audit-chain'
import { REGIME_LABELS } from '@core/records/enums'
import { activityTitle, type Organisation, type StoredRecord } from '@core/records/model'
import { recordsToImport, type ImportPreview, type ImportPreviewRow } from '@core/workbook/read-workbook'

export interface ImportPlan {
  records: StoredRecord[]
  counts: Record<ImportPreviewRow['status'], number> & { unchanged: number; overwritable: number }
  /** Conflicts that stay skipped even with "overwrite conflicts" ticked, with why. */
  notOverwritable: Map<ImportPreviewRow, string>
  /** Reasons the import cannot go ahead at all (e.g. one reference twice in the file). */
  blockers: string[]
}

export function canOverwrite(row: ImportPreviewRow, existingById: Map<string, StoredRecord>, existingByReference: Map<string, StoredRecord>): string | null {
  if (!row.record) return 'the row has no valid record'
  const sameId = existingById.get(row.record.id)
  if (!sameId) return `${row.reference} is a different activity in this register; renumber the row to import it as a new activity`
  const holder = existingByReference.get(row.record.reference)
  if (holder && holder.id !== row.record.id) return `reference ${row.record.reference} belongs to another activity ("${activityTitle(holder.name)}")`
  return null
}

export function planImport(preview: ImportPreview, existing: readonly StoredRecord[], overwriteConflicts: boolean): ImportPlan {
  const existingById = new Map(existing.map((record) => [record.id, record]))
  const existingByReference = new Map(existing.map((record) => [record.reference, record]))
  const notOverwritable = new Map<ImportPreviewRow, string>()
  const counts = { new: 0, update: 0, conflict: 0, invalid: 0, unchanged: 0, overwritable: 0 }
  for (const row of preview.rows) {
    counts[row.status]++
    if (row.status === 'update' && row.record && canonicalJson(row.record) === canonicalJson(existingById.get(row.record.id))) counts.unchanged++
    if (row.status !== 'conflict') continue
    const why = canOverwrite(row, existingById, existingByReference)
    if (why) notOverwritable.set(row, why)
    else counts.overwritable++
  }
  const importable = { ...preview, rows: preview.rows.filter((row) => !notOverwritable.has(row)) }
  const records = recordsToImport(importable, { includeConflicts: overwriteConflicts })
  const blockers: string[] = []
  for (const key of ['id', 'reference'] as const) {
    const seen = new Set<string>()
    for (const record of records) {
      if (seen.has(record[key])) blockers.push(`the workbook holds ${key} ${record[key]} twice; correct the file and import it again`)
      seen.add(record[key])
    }
  }
  return { records, counts, notOverwritable, blockers }
}

/** One difference between the stored organisation profile and a workbook's, in words. */
export interface OrganisationChange {
  field: string
  before: string
  after: string
}

const CONTACT_PARTS = [
  ['name', 'name'],
  ['address', 'address'],
  ['email', 'e-mail'],
  ['phone', 'telephone']
] as const

/**
 * What restoring a workbook's organisation profile (its Cover) would change, field by field;
 * empty when it says what is stored already. `before` is '' where nothing is stored.
 */
export function organisationChanges(stored: Organisation | undefined, incoming: Organisation): OrganisationChange[] {
  const changes: OrganisationChange[] = []
  const compare = (field: string, before: string, after: string) => {
    if (before !== after) changes.push({ field, before, after })
  }
  for (const [key, label] of [
    ['controller', 'Controller'],
    ['dpo', 'Data protection officer'],
    ['representative', 'Representative']
  ] as const) {
    for (const [part, words] of CONTACT_PARTS) compare(`${label}: ${words}`, stored?.[key][part] ?? '', incoming[key][part])
  }
  const joint = (organisation: Organisation | undefined) =>
    (organisation?.jointControllers ?? []).map((controller) => [controller.name, controller.address, controller.email, controller.phone].filter(Boolean).join(', ')).join('; ')
  compare('Joint controllers', joint(stored), joint(incoming))
  compare('Regime', stored ? REGIME_LABELS[stored.regime] : '', REGIME_LABELS[incoming.regime])
  return changes
}
