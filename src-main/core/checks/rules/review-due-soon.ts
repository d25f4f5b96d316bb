import { msg, shortDateParam } from '../../i18n/message'
import { addDays, daysBetween, isIsoDate } from '../dates'
import { recordFinding, type RecordRule } from '../finding'

export const REVIEW_DUE_SOON_DAYS = 30

// The limit depends only on `today`, which is the same for a whole run.
let limitFor = { today: '', limit: '' }
function dueSoonLimit(today: string): string {
  if (limitFor.today !== today) limitFor = { today, limit: addDays(today, REVIEW_DUE_SOON_DAYS) }
  return limitFor.limit
}

/** Art. 24(1): reviews falling due within 30 days, so that they can be planned. */
export const reviewDueSoon: RecordRule = {
  id: 'review-due-soon',
  article: 'Art. 24(1)',
  description: `The record's review falls due within ${REVIEW_DUE_SOON_DAYS} days.`,
  check(record, context) {
    if (record.status === 'archived' || !isIsoDate(record.nextReview)) return []
    if (record.nextReview < context.today || record.nextReview > dueSoonLimit(context.today)) return []
    const days = daysBetween(context.today, record.nextReview)
    return [
      recordFinding(reviewDueSoon, record, {
        severity: 'info',
        field: 'nextReview',
        message: days === 0 ? msg('review-due-soon.today') : msg(days === 1 ? 'review-due-soon.one' : 'review-due-soon.other', { date: shortDateParam(record.nextReview), days }),
        fix: msg('review-due-soon.fix')
      })
    ]
  }
}
