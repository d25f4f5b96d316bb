import { recordFinding, type RecordRule } from '../finding'
import { thirdCountryTransfers } from '../transfers'
import { capitalised, theTransfer } from './item-names'
import { isBlank } from '../finding'

/** Art. 45: "adequacy" as the safeguard only holds for a destination on the Commission's list. */
export const transferAdequacyUnfounded: RecordRule = {
  id: 'transfer-adequacy-unfounded',
  article: 'Art. 45',
  description: 'A transfer that relies on adequacy goes to a destination with an adequacy decision.',
  check(record) {
    return thirdCountryTransfers(record).flatMap(({ transfer, index, destination }) =>
      transfer.safeguard === 'adequacy' && destination.adequacy === null
        ? [
            recordFinding(transferAdequacyUnfounded, record, {
              severity: 'warning',
              field: `transfers.${index}.country`,
              message: `${capitalised(theTransfer(transfer, index))} relies on an adequacy decision, but ${isBlank(transfer.country) ? 'no destination is named, so it' : `"${transfer.country}"`} is not on the adequacy list${
                destination.unmatched.length > 0 ? ` (not recognised: ${destination.unmatched.join(', ')})` : ''
              }.`,
              fix: 'Check the spelling of the destination, or choose the safeguard the transfer really relies on (e.g. standard contractual clauses).'
            })
          ]
        : []
    )
  }
}
