import { labelParam, msg } from '../../i18n/message'
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
            message: msg('transfer-mechanism-missing.recipient', { transfer: name }),
            fix: msg('transfer-mechanism-missing.recipient.fix')
          })
        )
      }
      if (transfer.mechanism === '') {
        findings.push(
          recordFinding(transferMechanismMissing, record, {
            severity: 'error',
            field: `transfers.${index}.mechanism`,
            message: msg('transfer-mechanism-missing.mechanism', { transfer: name }),
            fix: msg('transfer-mechanism-missing.mechanism.fix')
          })
        )
      } else if (transfer.instrument !== '' && mechanismOfInstrument(transfer.instrument) !== transfer.mechanism) {
        findings.push(
          recordFinding(transferMechanismMissing, record, {
            severity: 'error',
            field: `transfers.${index}.instrument`,
            message: msg('transfer-mechanism-missing.mismatch', { transfer: name, instrumentMechanism: labelParam('mechanism', mechanismOfInstrument(transfer.instrument)), mechanism: labelParam('mechanism', transfer.mechanism) }),
            fix: msg('transfer-mechanism-missing.mismatch.fix')
          })
        )
      } else if (transfer.instrument === '' && (transfer.mechanism === 'art46' || transfer.mechanism === 'art47')) {
        findings.push(
          recordFinding(transferMechanismMissing, record, {
            severity: transfer.mechanism === 'art46' ? 'warning' : 'info',
            field: `transfers.${index}.instrument`,
            message: msg(`transfer-mechanism-missing.${transfer.mechanism}`, { transfer: name }),
            fix: msg('transfer-mechanism-missing.instrument.fix')
          })
        )
      }
      return findings
    })
  }
}
