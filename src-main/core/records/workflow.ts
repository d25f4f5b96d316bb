/** Review workflow rules that do not depend on the checks. */
import type { FieldChange } from './diff'
import type { RecordStatus } from './enums'

/** Fields whose change is part of the review itself, not a change of what the record says. */
const REVIEW_FIELDS = new Set(['status', 'lastReviewed', 'nextReview', 'approvedBy', 'approvedAt'])

/**
 * An approved record whose content changes goes back to review: an approval covers what
 * was approved, not what was written afterwards.
 */
export function statusAfterEdit(statusBefore: RecordStatus, statusAsked: RecordStatus, changes: readonly FieldChange[]): RecordStatus {
  if (statusBefore !== 'approved' || statusAsked !== 'approved') return statusAsked
  const contentChanged = changes.some((change) => !REVIEW_FIELDS.has(change.field.split(/[.[]/)[0] ?? ''))
  return contentChanged ? 'in-review' : statusAsked
}
