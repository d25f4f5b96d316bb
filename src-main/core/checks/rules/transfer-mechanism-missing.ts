import { TRANSFER_MECHANISM_LABELS } from '../../records/enums'
import { mechanismOfInstrument } from '../../legal/parse-instrument-text'
import { isBlank, recordFinding, type Finding, type RecordRule } from '../finding'
import { thirdCountryTransfers, transferName } from '../transfers'

/**
 * Art. 44: a transfer outside the EEA relies on a Chapter V mechanism and names the
 * instrument. Stored transfers may still say "not known yet"; this rule says what is missing.
 */
export const transferMechanismMissing: RecordRule = {
  id: 'transfer-mechanism-missing',
  article: 'Art. 44',
  description: 'Each transfer outside the EEA names its recipient, its Chapter V mechanism and the instrument it relies on.',
  check(record, context) {
    return thirdCountryTransfers(record, context).flatMap(({ transfer, index }) => {
      const name = transferName(transfer, index)
      const findings: Finding[] = []
      if (isBlank(transfer.recipient)) {
        findings.push(
          recordFinding(transferMechanismMissing, record, {
            severity: 'warning',
            field: `transfers.${index}.recipient`,
            message: `${name} does not say who receives the data.`,
            fix: 'Name the recipient (the company or body in the destination).'
          })
        )
      }
      if (transfer.mechanism === '') {
        findings.push(
          recordFinding(transferMechanismMissing, record, {
            severity: 'error',
            field: `transfers.${index}.mechanism`,
            message: `${name} names no transfer mechanism.`,
            fix: 'Choose what the transfer relies on: an adequacy decision (Art. 45), appropriate safeguards such as standard contractual clauses (Art. 46), binding corporate rules (Art. 47) or an Art. 49 derogation.'
          })
        )
      } else if (transfer.instrument !== '' && mechanismOfInstrument(transfer.instrument) !== transfer.mechanism) {
        findings.push(
          recordFinding(transferMechanismMissing, record, {
            severity: 'error',
            field: `transfers.${index}.instrument`,
            message: `${name} names an instrument that belongs to ${TRANSFER_MECHANISM_LABELS[mechanismOfInstrument(transfer.instrument)]}, not to ${TRANSFER_MECHANISM_LABELS[transfer.mechanism]}.`,
            fix: 'Choose the mechanism and instrument again so that they agree.'
          })
        )
      } else if (transfer.instrument === '' && (transfer.mechanism === 'art46' || transfer.mechanism === 'art47')) {
        findings.push(
          recordFinding(transferMechanismMissing, record, {
            severity: transfer.mechanism === 'art46' ? 'warning' : 'info',
            field: `transfers.${index}.instrument`,
            message:
              transfer.mechanism === 'art46'
                ? `${name} relies on Art. 46 safeguards without saying which (for standard contractual clauses: the 2021 set, or an older one).`
                : `${name} relies on binding corporate rules without saying whether they are for controllers or for processors.`,
            fix: 'Choose the instrument, so that its validity can be checked.'
          })
        )
      }
      return findings
    })
  }
}
