import { recordFinding, type RecordRule } from '../finding'
import { TRANSFER_LAW_NOTE, destinationText, thirdCountryTransfers, transferName } from '../transfers'

/** Art. 45: an adequacy decision only covers a destination on the list on the check date (the DPF only the United States). */
export const transferAdequacyUnfounded: RecordRule = {
  id: 'transfer-adequacy-unfounded',
  article: 'Art. 45',
  description: 'A transfer that relies on adequacy goes to a destination with an adequacy decision on the check date.',
  check(record, context) {
    return thirdCountryTransfers(record, context).flatMap(({ transfer, index, destination }) => {
      if (transfer.mechanism !== 'art45' || !destination.adequacyKnown) return []
      const name = transferName(transfer, index)
      const destinationWords = destinationText(transfer) === '' ? 'no destination is named, so it' : `"${destinationText(transfer)}"`
      if (destination.adequacy === null) {
        const unrecognised = destination.unmatched.length > 0 ? ` (not recognised: ${destination.unmatched.join(', ')})` : ''
        return [
          recordFinding(transferAdequacyUnfounded, record, {
            severity: 'error',
            field: `transfers.${index}.mechanism`,
            message: `${name} relies on an adequacy decision, but ${destinationWords} has none${unrecognised}. ${TRANSFER_LAW_NOTE}`,
            fix: 'Check the destination, or record the safeguard the transfer really relies on (e.g. the 2021 standard contractual clauses with a transfer impact assessment).'
          })
        ]
      }
      if (transfer.instrument === 'eu-us-dpf' && !destination.codes.every((code) => code === 'US')) {
        return [
          recordFinding(transferAdequacyUnfounded, record, {
            severity: 'error',
            field: `transfers.${index}.instrument`,
            message: `${name} relies on the EU-US Data Privacy Framework, which covers only certified organisations in the United States.`,
            fix: 'Choose the adequacy decision for the destination, or the safeguard the transfer relies on.'
          })
        ]
      }
      return []
    })
  }
}
