/** The review workflow's gate: who may approve a record, and when it is next due. */
import type { AuditPerson } from '../audit/audit-chain'
import { articleParam, auditRef } from '../audit/audit-summary'
import { fieldPathParam, type MessageRef } from '../i18n/message'
import { inEnglish } from '../i18n/problem'
import { isUnsettled } from '../records/model'
import { addMonths } from './dates'
import type { CheckableRecord, Finding } from './finding'

export interface ApprovalSettings {
  /** The same person may not both edit and approve a record. */
  separateApprover: boolean
}

/** A refusal gives each reason in English (`reasons`) and as a catalogue key (`reasonRefs`, same order) for the interface's language. */
export type ApprovalDecision = { ok: true } | { ok: false; reasons: string[]; reasonRefs: MessageRef[] }

/** A refusal for these reasons. */
export function refusedFor(reasonRefs: MessageRef[]): { ok: false; reasons: string[]; reasonRefs: MessageRef[] } {
  return { ok: false, reasons: reasonRefs.map(inEnglish), reasonRefs }
}

/**
 * Whether two people in the audit trail are the same: by their stable ids, so that a rename
 * changes nothing. Entries written before users had ids carry only a name; for those the names
 * are compared (ignoring case and surrounding spaces), which is the best the old entry allows.
 */
export function samePerson(a: AuditPerson, b: AuditPerson): boolean {
  if (a.id && b.id) return a.id === b.id
  return a.name.trim().toLowerCase() === b.name.trim().toLowerCase()
}

/**
 * Whether `actor` may approve `record` now. Error-level findings about the record, or about
 * the organisation profile (which supplies its Art. 30(1)(a) details), block approval, and so
 * does every open item neither resolved nor accepted with a note; each is listed. Findings about other records are ignored, so the caller may pass a whole run.
 */
export function canApprove(
  record: CheckableRecord,
  findings: readonly Finding[],
  actor: AuditPerson,
  lastEditor: AuditPerson | null | undefined,
  settings: ApprovalSettings
): ApprovalDecision {
  const reasons: MessageRef[] = []
  const actorName = actor.name.trim()
  if (actorName === '') reasons.push(auditRef('approval.noName'))
  if (record.status === 'approved') reasons.push(auditRef('approval.alreadyApproved'))
  if (record.status === 'archived') reasons.push(auditRef('approval.archived'))
  const recordId = record.id ?? null
  for (const finding of findings) {
    if (finding.severity !== 'error' || (finding.recordId !== null && finding.recordId !== recordId)) continue
    const params = { article: articleParam(finding.article), message: finding.messageRef, field: fieldPathParam(finding.field) }
    reasons.push(auditRef(finding.recordId === null ? 'approval.organisationFinding' : 'approval.finding', params))
  }
  for (const item of record.openItems) {
    if (isUnsettled(item)) reasons.push(openItemReason(item))
  }
  if (settings.separateApprover && lastEditor && actorName !== '' && samePerson(actor, lastEditor)) {
    const renamed = lastEditor.name.trim().toLowerCase() !== actorName.toLowerCase()
    reasons.push(renamed ? auditRef('approval.lastEditorRenamed', { name: actorName, before: lastEditor.name.trim() }) : auditRef('approval.lastEditor', { name: actorName }))
  }
  return reasons.length === 0 ? { ok: true } : refusedFor(reasons)
}

/** An undecided open item as a refusal reason: where it is and what is undecided, in the editor's words. */
function openItemReason(item: { field: string; note: string }): MessageRef {
  const where = item.field.trim() === '' ? auditRef('approval.openItemOnRecord') : fieldPathParam(item.field)
  const what = item.note.trim() === '' ? auditRef('approval.openItemNeedsDecision') : item.note.trim()
  return auditRef('approval.openItem', { where, what })
}

/** The next review date after an approval: 12 months on (29 Feb → 28 Feb), as YYYY-MM-DD. */
export function nextReviewAfterApproval(approvedAtIso: string): string {
  const date = approvedAtIso.slice(0, 10)
  return addMonths(date, 12)
}
