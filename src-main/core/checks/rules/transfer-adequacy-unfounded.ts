import { msg } from '../../i18n/message'
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
      const destinationName = destinationText(transfer)
      if (destination.adequacy === null) {
        const unrecognised = destination.unmatched.length > 0 ? msg('transfer-adequacy-unfounded.unrecognised', { parts: destination.unmatched.join(', ') }) : ''
        const list = regimeOf(context) === 'uk' ? msg('transfer-adequacy-unfounded.ukList') : ''
        return [
          recordFinding(transferAdequacyUnfounded, record, {
            severity: 'error',
            field: `transfers.${index}.mechanism`,
            message:
              destinationName === ''
                ? msg('transfer-adequacy-unfounded.noDestination', { transfer: name, list, unrecognised, note: TRANSFER_LAW_NOTE })
                : msg('transfer-adequacy-unfounded', { transfer: name, destination: destinationName, list, unrecognised, note: TRANSFER_LAW_NOTE }),
            fix: msg('transfer-adequacy-unfounded.fix')
          })
        ]
      }
      const ukSide = regimeOf(context) === 'both' ? ukDestination(transfer, context) : null
      if (ukSide && !ukSide.domestic && ukSide.adequacy === null) {
        return [
          recordFinding(transferAdequacyUnfounded, record, {
            severity: 'error',
            field: `transfers.${index}.mechanism`,
            message: msg('transfer-adequacy-unfounded.ukSide', { transfer: name, destination: destinationName, note: TRANSFER_LAW_NOTE }),
            fix: msg('transfer-adequacy-unfounded.ukSide.fix')
          })
        ]
      }
      if (transfer.instrument === 'eu-us-dpf' && !destination.codes.every((code) => code === 'US')) {
        return [
          recordFinding(transferAdequacyUnfounded, record, {
            severity: 'error',
            field: `transfers.${index}.instrument`,
            message: msg('transfer-adequacy-unfounded.dpf', { transfer: name }),
            fix: msg('transfer-adequacy-unfounded.dpf.fix')
          })
        ]
      }
      return []
    })
  }
}
