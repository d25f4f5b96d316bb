import { TRANSFER_INSTRUMENT_LABELS } from '../../records/enums'
import { formatLegalDate, instrumentStandingOn } from '../../legal/transfer-law'
import { recordFinding, type RecordRule } from '../finding'
import { TRANSFER_LAW_NOTE, thirdCountryTransfers, transferName } from '../transfers'

const REPLACEMENT_FIX =
  'Replace it with a valid instrument: for the United States, the Data Privacy Framework if the recipient is certified, otherwise the 2021 standard contractual clauses (Decision (EU) 2021/914) with a transfer impact assessment.'

/** Art. 44: an instrument struck down or lapsed on the check date gives no protection (Privacy Shield, Safe Harbor, pre-2021 SCCs). */
export const transferInstrumentInvalid: RecordRule = {
  id: 'transfer-instrument-invalid',
  article: 'Art. 44',
  description: 'No transfer relies on an instrument that was invalid on the check date (Privacy Shield, Safe Harbor, the pre-2021 standard contractual clauses).',
  check(record, context) {
    return thirdCountryTransfers(record, context).flatMap(({ transfer, index }) => {
      const standing = instrumentStandingOn(transfer.instrument, context.today)
      const label = transfer.instrument === '' ? '' : TRANSFER_INSTRUMENT_LABELS[transfer.instrument]
      if (standing.kind === 'invalid') {
        return [
          recordFinding(transferInstrumentInvalid, record, {
            severity: 'error',
            field: `transfers.${index}.instrument`,
            message: `${transferName(transfer, index)} relies on ${label}, invalid since ${formatLegalDate(standing.since)}: ${standing.reason}. ${TRANSFER_LAW_NOTE}`,
            fix: REPLACEMENT_FIX
          })
        ]
      }
      if (standing.kind === 'closed-to-new-contracts') {
        return [
          recordFinding(transferInstrumentInvalid, record, {
            severity: 'warning',
            field: `transfers.${index}.instrument`,
            message: `${transferName(transfer, index)} relies on ${label}, which cannot be used in contracts made after ${formatLegalDate(standing.since)}${standing.invalidFrom ? ` and lapses on ${formatLegalDate(standing.invalidFrom)}` : ''}. ${TRANSFER_LAW_NOTE}`,
            fix: 'Move the contract to the 2021 standard contractual clauses before the old set lapses.'
          })
        ]
      }
      return []
    })
  }
}
