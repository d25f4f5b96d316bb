import { msg, shortDateParam } from '../../i18n/message'
import { isIsoDate } from '../dates'
import { recordFinding, type RecordRule } from '../finding'

/** Art. 24(1): measures are reviewed and updated where necessary; a record past its review date is stale. */
export const reviewOverdue: RecordRule = {
  id: 'review-overdue',
  article: 'Art. 24(1)',
  description: 'The record has been reviewed by its next review date.',
  check(record, context) {
    if (record.status === 'archived' || !isIsoDate(record.nextReview) || record.nextReview >= context.today) return []
    return [
      recordFinding(reviewOverdue, record, {
        severity: 'warning',
        field: 'nextReview',
        message: msg('review-overdue', { date: shortDateParam(record.nextReview) }),
        fix: msg('review-overdue.fix')
      })
    ]
  }
}
