import { recordFinding, type RecordRule } from '../finding'
import { TRANSFER_LAW_NOTE, destinationText, regimeOf, thirdCountryTransfers, transferName, ukDestination } from '../transfers'

/** Art. 45: an adequacy decision only covers a destination on the regime's list on the check date (the DPF only the United States); under both regimes, on both lists. */
export const transferAdequacyUnfounded: RecordRule = {
  id: 'transfer-adequacy-unfounded',
  article: 'Art. 45',
  description: 'A transfer that relies on adequacy goes to a destination with an adequacy decision on the check date.',
  check(record, context) {
    return thirdCountryTransfers(record, context).flatMap(({ transfer, index, destination }) => {
      if (transfer.mechanism !== 'art45') return []
      const name = transferName(transfer, index)
      const destinationWords = destinationText(transfer) === '' ? 'no destination is named, so it' : `"${destinationText(transfer)}"`
      if (destination.adequacy === null) {
        const unrecognised = destination.unmatched.length > 0 ? ` (not recognised: ${destination.unmatched.join(', ')})` : ''
        const list = regimeOf(context) === 'uk' ? ' on the UK\'s list' : ''
        return [
          recordFinding(transferAdequacyUnfounded, record, {
            severity: 'error',
            field: `transfers.${index}.mechanism`,
            message: `${name} relies on an adequacy decision, but ${destinationWords} has none${list}${unrecognised}. ${TRANSFER_LAW_NOTE}`,
            fix: 'Check the destination, or record the safeguard the transfer really relies on (e.g. the 2021 standard contractual clauses with a transfer impact assessment).'
          })
        ]
      }
      const ukSide = regimeOf(context) === 'both' ? ukDestination(transfer, context) : null
      if (ukSide && !ukSide.domestic && ukSide.adequacy === null) {
        return [
          recordFinding(transferAdequacyUnfounded, record, {
            severity: 'error',
            field: `transfers.${index}.mechanism`,
            message: `${name} relies on adequacy; ${destinationWords} has an EU adequacy decision but none on the UK's list, and the organisation is under the UK GDPR too. ${TRANSFER_LAW_NOTE}`,
            fix: 'For the UK side, record the IDTA or the UK Addendum to the EU clauses.'
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
