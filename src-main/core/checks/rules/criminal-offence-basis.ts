import { CRIMINAL_OFFENCE_TERMS, termLabel } from '../../vocabulary/vocabulary'
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
    const cause = record.criminalOffenceData.processed
      ? 'The record says criminal-offence data is processed'
      : `The data category "${termLabel(term as string)}" is criminal-offence data`
    return [
      recordFinding(criminalOffenceBasis, record, {
        severity: 'error',
        field: 'criminalOffenceData.basis',
        message: `${cause}, but no Art. 10 basis is recorded.`,
        fix: 'Name the official authority or the Union / Member State law that authorises processing this data (e.g. the national provision on background checks).'
      })
    ]
  }
}
