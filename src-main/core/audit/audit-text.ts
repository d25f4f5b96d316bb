/** How an audit entry's field changes read, for the audit trail page and the workbook's "Audit trail" sheet. */
import type { ChainBreak } from './audit-chain'
import { inEnglish, problemRef } from '../i18n/problem'
import type { MessageParam, MessageRef } from '../i18n/message'
import type { FieldChange } from '../records/diff'
import { describeFieldPath, describeFieldValue, type ItemPosition } from '../records/field-names'

export const AUDIT_ENTITY_LABELS = {
  record: 'Record',
  organisation: 'Organisation',
  vendor: 'Vendor',
  pack: 'Template pack',
  register: 'Register',
  user: 'User'
} as const

export const AUDIT_ACTION_LABELS = {
  create: 'Created',
  update: 'Edited',
  delete: 'Deleted',
  restore: 'Restored',
  import: 'Imported',
  approve: 'Approved'
} as const

/** A stored value as one line, in labels (see `describeFieldValue`), cut at `maxChars`. */
export function changeValueText(field: string, value: unknown, maxChars = 160): string {
  const text = describeFieldValue(field, value)
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text
}

/** "Purpose 1 › Lawful basis: (empty) → Art. 6(1)(b) Contract" */
export function changeText(change: FieldChange, maxChars?: number, position?: ItemPosition): string {
  return `${describeFieldPath(change.field, position)}: ${changeValueText(change.field, change.before, maxChars)} → ${changeValueText(change.field, change.after, maxChars)}`
}

/** Where and why a chain fails, in one clause: "entry 7 does not link to …", or the anchor mismatch. */
export function chainBreakText(firstBreak: ChainBreak): string {
  return inEnglish(chainBreakRef(firstBreak))
}

/** `chainBreakText` as a message, for the interface's language (a break read from older data says its English reason). */
export function chainBreakRef(firstBreak: ChainBreak): MessageRef {
  const reason: MessageParam = firstBreak.reasonRef ?? firstBreak.reason
  return firstBreak.kind === 'anchor' ? (typeof reason === 'string' ? problemRef('chain.text', { text: reason }) : reason) : problemRef('chain.entry', { seq: firstBreak.seq ?? firstBreak.index + 1, reason })
}
