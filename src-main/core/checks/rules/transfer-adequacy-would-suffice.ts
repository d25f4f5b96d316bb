import { SAFEGUARD_LABELS } from '../../records/enums'
import { recordFinding, type RecordRule } from '../finding'
import { thirdCountryTransfers } from '../transfers'

/** Art. 45: where an adequacy decision covers the destination, SCCs or a derogation are more than needed. */
export const transferAdequacyWouldSuffice: RecordRule = {
  id: 'transfer-adequacy-would-suffice',
  article: 'Art. 45',
  description: 'A transfer to a destination with an adequacy decision relying on another mechanism is pointed out.',
  check(record) {
    return thirdCountryTransfers(record).flatMap(({ transfer, index, destination }) => {
      if (destination.adequacy === null || transfer.safeguard === 'adequacy' || !(transfer.safeguard in SAFEGUARD_LABELS)) return []
      const scopes = destination.adequacy.filter((decision) => decision.scope).map((decision) => `${decision.name}: ${decision.scope}`)
      const scopeNote = scopes.length > 0 ? ` Scope of the decision — ${scopes.join(' ')}` : ''
      return [
        recordFinding(transferAdequacyWouldSuffice, record, {
          severity: 'info',
          field: `transfers.${index}.safeguard`,
          message: `${transfer.country} has an adequacy decision; the transfer relies on ${SAFEGUARD_LABELS[transfer.safeguard]} instead.${scopeNote}`,
          fix: 'Nothing is wrong. If the recipient is covered by the adequacy decision, you may record "Adequacy decision" as the safeguard.'
        })
      ]
    })
  }
}
