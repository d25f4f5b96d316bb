/** The review workflow's gate: who may approve a record, and when it is next due. */
import { addMonths } from './dates'
import type { CheckableRecord, Finding } from './finding'

export interface ApprovalSettings {
  /** The same person may not both edit and approve a record. */
  separateApprover: boolean
}

export type ApprovalDecision = { ok: true } | { ok: false; reasons: string[] }

const samePerson = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * Whether `actor` may approve `record` now. Error-level findings about the record, or about
 * the organisation profile (which supplies its Art. 30(1)(a) details), block approval; each
 * is listed. Findings about other records are ignored, so the caller may pass a whole run.
 */
export function canApprove(
  record: CheckableRecord,
  findings: readonly Finding[],
  actor: string,
  lastEditor: string | null | undefined,
  settings: ApprovalSettings
): ApprovalDecision {
  const reasons: string[] = []
  if (actor.trim() === '') reasons.push('Set your name in the user profile first: approval records who approved.')
  if (record.status === 'approved') reasons.push('The record is already approved.')
  if (record.status === 'archived') reasons.push('The record is archived; restore it before approving.')
  const recordId = record.id ?? null
  for (const finding of findings) {
    if (finding.severity !== 'error' || (finding.recordId !== null && finding.recordId !== recordId)) continue
    reasons.push(`${finding.article} — ${finding.message} (${finding.recordId === null ? 'organisation profile: ' : ''}${finding.field})`)
  }
  if (settings.separateApprover && lastEditor && actor.trim() !== '' && samePerson(actor, lastEditor)) {
    reasons.push(`${actor.trim()} made the last change to this record; with "separate approver" on, someone else must approve it.`)
  }
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons }
}

/** The next review date after an approval: 12 months on (29 Feb → 28 Feb), as YYYY-MM-DD. */
export function nextReviewAfterApproval(approvedAtIso: string): string {
  const date = approvedAtIso.slice(0, 10)
  return addMonths(date, 12)
}
