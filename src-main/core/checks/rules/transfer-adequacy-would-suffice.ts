import { TRANSFER_MECHANISM_LABELS } from '../../records/enums'
import { ADEQUACY_SCOPE_TEXT } from '../../legal/transfer-law'
import { recordFinding, type RecordRule } from '../finding'
import { destinationText, thirdCountryTransfers } from '../transfers'

/** Art. 45: where an adequacy decision covers the destination, SCCs or a derogation are more than needed. */
export const transferAdequacyWouldSuffice: RecordRule = {
  id: 'transfer-adequacy-would-suffice',
  article: 'Art. 45',
  description: 'A transfer to a destination with an adequacy decision relying on another mechanism is pointed out.',
  check(record, context) {
    return thirdCountryTransfers(record, context).flatMap(({ transfer, index, destination }) => {
      if (destination.adequacy === null || transfer.mechanism === 'art45' || transfer.mechanism === '') return []
      const scopes = destination.adequacy.filter((decision) => decision.scope).map((decision) => `${decision.name}: ${ADEQUACY_SCOPE_TEXT[decision.scope!]}.`)
      const scopeNote = scopes.length > 0 ? ` Scope of the decision — ${scopes.join(' ')}` : ''
      return [
        recordFinding(transferAdequacyWouldSuffice, record, {
          severity: 'info',
          field: `transfers.${index}.mechanism`,
          message: `${destinationText(transfer)} has an adequacy decision; the transfer relies on ${TRANSFER_MECHANISM_LABELS[transfer.mechanism]} instead.${scopeNote}`,
          fix: 'Nothing is wrong. If the recipient is covered by the adequacy decision, you may record "Adequacy decision" as the mechanism.'
        })
      ]
    })
  }
}
