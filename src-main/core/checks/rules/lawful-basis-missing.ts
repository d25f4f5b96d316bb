import { msg } from '../../i18n/message'
import { LAWFUL_BASIS_LABELS } from '../../records/enums'
import { isControllerRecord, recordFinding, type RecordRule } from '../finding'
import { theItem } from './item-names'

/** Art. 6(1): every purpose of a controller needs a lawful basis. */
export const lawfulBasisMissing: RecordRule = {
  id: 'lawful-basis-missing',
  article: 'Art. 6(1)',
  description: 'Each purpose names its Art. 6(1) lawful basis.',
  check(record) {
    if (!isControllerRecord(record)) return []
    return record.purposes.flatMap((purpose, index) =>
      purpose.lawfulBasis in LAWFUL_BASIS_LABELS
        ? []
        : [
            recordFinding(lawfulBasisMissing, record, {
              severity: 'error',
              field: `purposes.${index}.lawfulBasis`,
              message: msg('lawful-basis-missing', { purpose: theItem('purpose', purpose.description, index) }),
              fix: msg('lawful-basis-missing.fix')
            })
          ]
    )
  }
}
