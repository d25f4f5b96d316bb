import { ADEQUACY_SCOPE_TEXT } from '../../legal/transfer-law'
import { recordFinding, type Finding, type RecordRule } from '../finding'
import { thirdCountryTransfers, transferName } from '../transfers'

/**
 * Art. 45: some decisions cover only part of a destination's recipients. The United States
 * through a plain "adequacy decision" (no DPF certification stated), Canada for a
 * non-commercial recipient and Japan for a public-sector one fall outside.
 */
export const transferAdequacyScope: RecordRule = {
  id: 'transfer-adequacy-scope',
  article: 'Art. 45',
  description: 'A transfer relying on a partial adequacy decision (United States, Canada, Japan) goes to a recipient the decision covers.',
  check(record, context) {
    return thirdCountryTransfers(record, context).flatMap(({ transfer, index, destination }) => {
      if (transfer.mechanism !== 'art45' || destination.adequacy === null) return []
      const name = transferName(transfer, index)
      const recipientType = record.recipients.find((recipient) => recipient.name.trim() !== '' && recipient.name.trim() === transfer.recipient.trim())?.type
      const publicRecipient = recipientType === 'public-authority'
      return destination.adequacy.flatMap((decision): Finding[] => {
        if (decision.scope === null) return []
        const covers = `The adequacy decision for ${decision.name} covers ${ADEQUACY_SCOPE_TEXT[decision.scope]}.`
        if (decision.scope === 'dpf-certified') {
          if (transfer.instrument === 'eu-us-dpf') return []
          return [
            recordFinding(transferAdequacyScope, record, {
              severity: 'warning',
              field: `transfers.${index}.instrument`,
              message: `${name} relies on adequacy without stating that the recipient is certified under the EU-US Data Privacy Framework. ${covers}`,
              fix: 'Look the recipient up on the Data Privacy Framework list: if it is certified, choose "EU-US Data Privacy Framework" as the instrument; if not, use the 2021 standard contractual clauses with a transfer impact assessment.'
            })
          ]
        }
        return [
          recordFinding(transferAdequacyScope, record, {
            severity: publicRecipient ? 'warning' : 'info',
            field: `transfers.${index}.documentation`,
            message: publicRecipient ? `${name} goes to a public authority, outside the decision's scope. ${covers}` : `${covers} Confirm that the recipient of ${name.charAt(0).toLowerCase()}${name.slice(1)} is one of them.`,
            fix: publicRecipient ? 'Rely on Art. 46 safeguards (e.g. an instrument between public authorities) instead.' : 'Note in the documentation why the recipient is covered.'
          })
        ]
      })
    })
  }
}
