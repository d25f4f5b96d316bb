/**
 * What a confirmed import will store, from the preview: new and update rows, and conflicts
 * only when the user chose to overwrite them AND overwriting is possible. A conflict with a
 * different activity under the same reference can never be overwritten (the reference is
 * unique); the row must be renumbered in the spreadsheet instead.
 */
import { canonicalJson } from '@core/audit/audit-chain'
import { problemAt, problemRef } from '@core/i18n/problem'
import type { MessageRef } from '@core/i18n/message'
import type { Problem } from '@core/util/problems'
import { activityTitle, type Organisation, type StoredRecord } from '@core/records/model'
import { enumLabel } from '../i18n/labels'
import { recordsToImport, type ImportPreview, type ImportPreviewRow } from '@core/workbook/read-workbook'

export interface ImportPlan {
  records: StoredRecord[]
  counts: Record<ImportPreviewRow['status'], number> & { unchanged: number; overwritable: number }
  /** Conflicts that stay skipped even with "overwrite conflicts" ticked, with why. */
  notOverwritable: Map<ImportPreviewRow, MessageRef>
  /** Reasons the import cannot go ahead at all (e.g. one reference twice in the file). */
  blockers: Problem[]
}

export function canOverwrite(row: ImportPreviewRow, existingById: Map<string, StoredRecord>, existingByReference: Map<string, StoredRecord>): MessageRef | null {
  if (!row.record) return problemRef('plan.noValidRecord')
  const sameId = existingById.get(row.record.id)
  if (!sameId) return problemRef('plan.differentActivity', { reference: row.reference })
  const holder = existingByReference.get(row.record.reference)
  if (holder && holder.id !== row.record.id) return problemRef('plan.referenceTaken', { reference: row.record.reference, name: activityTitle(holder.name) })
  return null
}

export function planImport(preview: ImportPreview, existing: readonly StoredRecord[], overwriteConflicts: boolean): ImportPlan {
  const existingById = new Map(existing.map((record) => [record.id, record]))
  const existingByReference = new Map(existing.map((record) => [record.reference, record]))
  const notOverwritable = new Map<ImportPreviewRow, MessageRef>()
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
  const blockers: Problem[] = []
  for (const key of ['id', 'reference'] as const) {
    const seen = new Set<string>()
    for (const record of records) {
      if (seen.has(record[key])) blockers.push(problemAt('', key === 'id' ? 'plan.idTwice' : 'plan.referenceTwice', { value: record[key] }))
      seen.add(record[key])
    }
  }
  return { records, counts, notOverwritable, blockers }
}

/** One difference between the stored organisation profile and a workbook's. */
export interface OrganisationChange {
  /** Unique per change, e.g. `dpo.email`. */
  key: string
  /** Which part of the profile: a contact (with its `part`), the joint controllers or the regime. */
  section: 'controller' | 'dpo' | 'representative' | 'jointControllers' | 'regime'
  part?: ContactPart
  /** The values as they read, '' where nothing is stored (a regime by its label in the interface's language). */
  before: string
  after: string
}

const CONTACT_PARTS = ['name', 'address', 'email', 'phone'] as const
type ContactPart = (typeof CONTACT_PARTS)[number]

/**
 * What restoring a workbook's organisation profile (its Cover) would change, field by field;
 * empty when it says what is stored already. `before` is '' where nothing is stored.
 */
export function organisationChanges(stored: Organisation | undefined, incoming: Organisation): OrganisationChange[] {
  const changes: OrganisationChange[] = []
  const compare = (change: Omit<OrganisationChange, 'key'>) => {
    if (change.before !== change.after) changes.push({ key: change.part ? `${change.section}.${change.part}` : change.section, ...change })
  }
  for (const section of ['controller', 'dpo', 'representative'] as const) {
    for (const part of CONTACT_PARTS) compare({ section, part, before: stored?.[section][part] ?? '', after: incoming[section][part] })
  }
  const joint = (organisation: Organisation | undefined) =>
    (organisation?.jointControllers ?? []).map((controller) => [controller.name, controller.address, controller.email, controller.phone].filter(Boolean).join(', ')).join('; ')
  compare({ section: 'jointControllers', before: joint(stored), after: joint(incoming) })
  compare({ section: 'regime', before: stored ? enumLabel('REGIME_LABELS', stored.regime) : '', after: enumLabel('REGIME_LABELS', incoming.regime) })
  return changes
}
