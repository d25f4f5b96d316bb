/** How an audit entry's field changes read, for the audit trail page and the workbook's "Audit trail" sheet. */
import type { FieldChange } from '../records/diff'

export const AUDIT_ENTITY_LABELS = {
  record: 'Record',
  organisation: 'Organisation',
  vendor: 'Vendor',
  pack: 'Template pack',
  register: 'Register'
} as const

export const AUDIT_ACTION_LABELS = {
  create: 'Created',
  update: 'Edited',
  delete: 'Deleted',
  restore: 'Restored',
  import: 'Imported',
  approve: 'Approved'
} as const

/** A stored value as one line: strings as they are, anything else as JSON, cut at `maxChars`. */
export function changeValueText(value: unknown, maxChars = 160): string {
  if (value === undefined) return '—'
  if (value === '') return '(empty)'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text
}

/** "purposes[p1].lawfulBasis: (empty) → b" */
export function changeText(change: FieldChange, maxChars?: number): string {
  return `${change.field}: ${changeValueText(change.before, maxChars)} → ${changeValueText(change.after, maxChars)}`
}
