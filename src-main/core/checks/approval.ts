/** The review workflow's gate: who may approve a record, and when it is next due. */
import type { AuditPerson } from '../audit/audit-chain'
import { describeFieldPath } from '../records/field-names'
import { isUnsettled } from '../records/model'
import { addMonths } from './dates'
import type { CheckableRecord, Finding } from './finding'

export interface ApprovalSettings {
  /** The same person may not both edit and approve a record. */
  separateApprover: boolean
}

export type ApprovalDecision = { ok: true } | { ok: false; reasons: string[] }

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
  const reasons: string[] = []
  const actorName = actor.name.trim()
  if (actorName === '') reasons.push('Set your name in the user profile first: approval records who approved.')
  if (record.status === 'approved') reasons.push('The record is already approved.')
  if (record.status === 'archived') reasons.push('The record is archived; restore it before approving.')
  const recordId = record.id ?? null
  for (const finding of findings) {
    if (finding.severity !== 'error' || (finding.recordId !== null && finding.recordId !== recordId)) continue
    reasons.push(`${finding.article} — ${finding.message} (${finding.recordId === null ? 'Organisation profile › ' : ''}${describeFieldPath(finding.field)})`)
  }
  for (const item of record.openItems) {
    if (isUnsettled(item)) reasons.push(openItemReason(item))
  }
  if (settings.separateApprover && lastEditor && actorName !== '' && samePerson(actor, lastEditor)) {
    const editor = lastEditor.name.trim().toLowerCase() === actorName.toLowerCase() ? actorName : `${actorName} (then named ${lastEditor.name.trim()})`
    reasons.push(`${editor} made the last change to this record; with "separate approver" on, someone else must approve it.`)
  }
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons }
}

/** An undecided open item as a refusal reason: where it is and what is undecided, in the editor's words. */
function openItemReason(item: { field: string; note: string }): string {
  const where = item.field.trim() === '' ? 'The record' : describeFieldPath(item.field)
  const what = item.note.trim() === '' ? 'still needs a decision' : item.note.trim()
  return `Open item not yet decided — ${where}: ${what} Mark it resolved, or accept it with a note saying why.`
}

/** The next review date after an approval: 12 months on (29 Feb → 28 Feb), as YYYY-MM-DD. */
export function nextReviewAfterApproval(approvedAtIso: string): string {
  const date = approvedAtIso.slice(0, 10)
  return addMonths(date, 12)
}
