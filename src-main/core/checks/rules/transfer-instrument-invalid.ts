import { dateParam, labelParam, msg } from '../../i18n/message'
import { instrumentStandingOn } from '../../legal/transfer-law'
import { recordFinding, type RecordRule } from '../finding'
import { TRANSFER_LAW_NOTE, thirdCountryTransfers, transferName } from '../transfers'

const REPLACEMENT_FIX = msg('transfer-instrument-invalid.fix')

/** Art. 44: an instrument struck down or lapsed on the check date gives no protection (Privacy Shield, Safe Harbor, pre-2021 SCCs). */
export const transferInstrumentInvalid: RecordRule = {
  id: 'transfer-instrument-invalid',
  article: 'Art. 44',
  description: 'No transfer relies on an instrument that was invalid on the check date (Privacy Shield, Safe Harbor, the pre-2021 standard contractual clauses).',
  check(record, context) {
    return thirdCountryTransfers(record, context).flatMap(({ transfer, index }) => {
      const standing = instrumentStandingOn(transfer.instrument, context.today)
      const instrument = transfer.instrument === '' ? '' : labelParam('instrument', transfer.instrument)
      if (standing.kind === 'invalid') {
        return [
          recordFinding(transferInstrumentInvalid, record, {
            severity: 'error',
            field: `transfers.${index}.instrument`,
            message: msg('transfer-instrument-invalid', { transfer: transferName(transfer, index), instrument, since: dateParam(standing.since), reason: standing.reason, note: TRANSFER_LAW_NOTE }),
            fix: REPLACEMENT_FIX
          })
        ]
      }
      if (standing.kind === 'closed-to-new-contracts') {
        return [
          recordFinding(transferInstrumentInvalid, record, {
            severity: 'warning',
            field: `transfers.${index}.instrument`,
            message: standing.invalidFrom
              ? msg('transfer-instrument-invalid.closing.lapses', { transfer: transferName(transfer, index), instrument, since: dateParam(standing.since), lapses: dateParam(standing.invalidFrom), note: TRANSFER_LAW_NOTE })
              : msg('transfer-instrument-invalid.closing', { transfer: transferName(transfer, index), instrument, since: dateParam(standing.since), note: TRANSFER_LAW_NOTE }),
            fix: msg('transfer-instrument-invalid.closing.fix')
          })
        ]
      }
      return []
    })
  }
}
