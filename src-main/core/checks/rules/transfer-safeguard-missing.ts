import { SAFEGUARD_LABELS } from '../../records/enums'
import { isBlank, recordFinding, type RecordRule } from '../finding'
import { thirdCountryTransfers } from '../transfers'
import { capitalised, theTransfer } from './item-names'

/**
 * Art. 44: a transfer outside the EEA needs a Chapter V mechanism. The form requires one,
 * but imported and legacy data may carry none, or a value that is not a mechanism.
 */
export const transferSafeguardMissing: RecordRule = {
  id: 'transfer-safeguard-missing',
  article: 'Art. 44',
  description: 'Each transfer outside the EEA relies on a Chapter V safeguard.',
  check(record) {
    return thirdCountryTransfers(record).flatMap(({ transfer, index }) => {
      const safeguard = (transfer as { safeguard?: unknown }).safeguard
      if (typeof safeguard === 'string' && safeguard in SAFEGUARD_LABELS) return []
      const stated = typeof safeguard === 'string' && !isBlank(safeguard) ? ` ("${safeguard}" is not a transfer mechanism)` : ''
      return [
        recordFinding(transferSafeguardMissing, record, {
          severity: 'error',
          field: `transfers.${index}.safeguard`,
          message: `${capitalised(theTransfer(transfer, index))} has no safeguard${stated}.`,
          fix: 'Choose the mechanism the transfer relies on: an adequacy decision, standard contractual clauses, binding corporate rules, or an Art. 49 derogation.'
        })
      ]
    })
  }
}
