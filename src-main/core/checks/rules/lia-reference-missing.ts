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
              message: `${theItem('purpose', purpose.description, index, 'no description yet')} relies on legitimate interests without a reference to the legitimate interests assessment.`,
              fix: 'Carry out the balancing test (LIA) and enter where it is kept (document name or link).'
            })
          ]
        : []
    )
  }
}
