import { msg } from '../../i18n/message'
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
        const covers = msg('adequacy.covers', { destination: decision.name, scope: msg(`adequacy.scope.${decision.scope}`) })
        if (decision.scope === 'dpf-certified') {
          if (transfer.instrument === 'eu-us-dpf') return []
          return [
            recordFinding(transferAdequacyScope, record, {
              severity: 'warning',
              field: `transfers.${index}.instrument`,
              message: msg('transfer-adequacy-scope.dpf', { transfer: name, covers }),
              fix: msg('transfer-adequacy-scope.dpf.fix')
            })
          ]
        }
        return [
          recordFinding(transferAdequacyScope, record, {
            severity: publicRecipient ? 'warning' : 'info',
            field: `transfers.${index}.documentation`,
            message: publicRecipient ? msg('transfer-adequacy-scope.public', { transfer: name, covers }) : msg('transfer-adequacy-scope.confirm', { transfer: name, covers }),
            fix: publicRecipient ? msg('transfer-adequacy-scope.public.fix') : msg('transfer-adequacy-scope.confirm.fix')
          })
        ]
      })
    })
  }
}
