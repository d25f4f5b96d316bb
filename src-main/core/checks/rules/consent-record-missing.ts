import { msg } from '../../i18n/message'
import { isBlank, isControllerRecord, recordFinding, type RecordRule } from '../finding'
import { theItem } from './item-names'

/** Art. 7(1): a controller relying on consent must be able to show that it was given. */
export const consentRecordMissing: RecordRule = {
  id: 'consent-record-missing',
  article: 'Art. 7(1)',
  description: 'A purpose relying on consent says where the consents are recorded.',
  check(record) {
    if (!isControllerRecord(record)) return []
    return record.purposes.flatMap((purpose, index) =>
      purpose.lawfulBasis === 'a' && isBlank(purpose.consentRecordReference)
        ? [
            recordFinding(consentRecordMissing, record, {
              severity: 'warning',
              field: `purposes.${index}.consentRecordReference`,
              message: msg('consent-record-missing', { purpose: theItem('purpose', purpose.description, index) }),
              fix: msg('consent-record-missing.fix')
            })
          ]
        : []
    )
  }
}
