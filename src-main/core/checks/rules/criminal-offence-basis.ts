import { msg, termParam } from '../../i18n/message'
import { CRIMINAL_OFFENCE_TERMS } from '../../vocabulary/vocabulary'
import { isBlank, isControllerRecord, recordFinding, type RecordRule } from '../finding'

/** Art. 10: criminal convictions and offences data only under official authority or a law that authorises it. */
export const criminalOffenceBasis: RecordRule = {
  id: 'criminal-offence-basis',
  article: 'Art. 10',
  description: 'Criminal convictions and offences data has an Art. 10 basis.',
  check(record) {
    if (!isControllerRecord(record) || !isBlank(record.criminalOffenceData.basis)) return []
    const term = record.dataCategories.find((category) => CRIMINAL_OFFENCE_TERMS.has(category.term))?.term
    if (!record.criminalOffenceData.processed && term === undefined) return []
    return [
      recordFinding(criminalOffenceBasis, record, {
        severity: 'error',
        field: 'criminalOffenceData.basis',
        message: record.criminalOffenceData.processed ? msg('criminal-offence-basis.flag') : msg('criminal-offence-basis.term', { term: termParam(term!) }),
        fix: msg('criminal-offence-basis.fix')
      })
    ]
  }
}
