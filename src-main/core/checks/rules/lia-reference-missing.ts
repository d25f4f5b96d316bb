import { msg } from '../../i18n/message'
import { isBlank, isControllerRecord, recordFinding, type RecordRule } from '../finding'
import { theItem } from './item-names'

/** Art. 6(1)(f) with Art. 5(2): the balancing test (LIA) must be documented and findable. */
export const liaReferenceMissing: RecordRule = {
  id: 'lia-reference-missing',
  article: 'Art. 6(1)(f)',
  description: 'A purpose relying on legitimate interests links to its legitimate interests assessment (LIA).',
  check(record) {
    if (!isControllerRecord(record)) return []
    return record.purposes.flatMap((purpose, index) =>
      purpose.lawfulBasis === 'f' && isBlank(purpose.liaReference)
        ? [
            recordFinding(liaReferenceMissing, record, {
              severity: 'warning',
              field: `purposes.${index}.liaReference`,
              message: msg('lia-reference-missing', { purpose: theItem('purpose', purpose.description, index) }),
              fix: msg('lia-reference-missing.fix')
            })
          ]
        : []
    )
  }
}
