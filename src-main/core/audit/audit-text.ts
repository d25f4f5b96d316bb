/** The audit trail's English labels (kinds of entry and actions) and how a broken chain reads. */
import type { ChainBreak } from './audit-chain'
import { inEnglish, problemRef } from '../i18n/problem'
import type { MessageParam, MessageRef } from '../i18n/message'

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

/** Where and why a chain fails, in one clause: "entry 7 does not link to …", or the anchor mismatch. */
export function chainBreakText(firstBreak: ChainBreak): string {
  return inEnglish(chainBreakRef(firstBreak))
}

/** `chainBreakText` as a message, for the interface's language (a break read from older data says its English reason). */
export function chainBreakRef(firstBreak: ChainBreak): MessageRef {
  const reason: MessageParam = firstBreak.reasonRef ?? firstBreak.reason
  return firstBreak.kind === 'anchor' ? (typeof reason === 'string' ? problemRef('chain.text', { text: reason }) : reason) : problemRef('chain.entry', { seq: firstBreak.seq ?? firstBreak.index + 1, reason })
}
