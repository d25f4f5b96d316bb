import { msg } from '../../i18n/message'
import { isBlank, isControllerRecord, recordFinding, type RecordRule } from '../finding'
import { theItem } from './item-names'

/** Art. 6(1)(f): relying on legitimate interests means saying which interest. */
export const legitimateInterestUnstated: RecordRule = {
  id: 'legitimate-interest-unstated',
  article: 'Art. 6(1)(f)',
  description: 'A purpose relying on legitimate interests states the interest pursued.',
  check(record) {
    if (!isControllerRecord(record)) return []
    return record.purposes.flatMap((purpose, index) =>
      purpose.lawfulBasis === 'f' && isBlank(purpose.legitimateInterest)
        ? [
            recordFinding(legitimateInterestUnstated, record, {
              severity: 'error',
              field: `purposes.${index}.legitimateInterest`,
              message: msg('legitimate-interest-unstated', { purpose: theItem('purpose', purpose.description, index) }),
              fix: msg('legitimate-interest-unstated.fix')
            })
          ]
        : []
    )
  }
}
