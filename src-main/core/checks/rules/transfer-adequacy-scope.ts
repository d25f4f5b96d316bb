import { recordFinding, type RecordRule } from '../finding'
import { thirdCountryTransfers } from '../transfers'
import { isBlank } from '../finding'

/** Art. 45: some decisions cover only part of a country's recipients (US: DPF-certified; Canada: commercial; Japan: private sector). */
export const transferAdequacyScope: RecordRule = {
  id: 'transfer-adequacy-scope',
  article: 'Art. 45',
  description: 'A transfer relying on a partial adequacy decision is flagged for confirmation that the recipient is covered.',
  check(record) {
    return thirdCountryTransfers(record).flatMap(({ transfer, index, destination }) => {
      if (transfer.safeguard !== 'adequacy' || destination.adequacy === null) return []
      return destination.adequacy
        .filter((decision) => decision.scope !== null)
        .map((decision) =>
        recordFinding(transferAdequacyScope, record, {
          severity: 'info',
          field: `transfers.${index}.documentation`,
          message: `The adequacy decision for ${decision.name} covers: ${decision.scope}`,
          fix: `Confirm that ${isBlank(transfer.recipient) ? 'the recipient' : transfer.recipient} is covered (for the United States, look the recipient up on the Data Privacy Framework list) and note it in the documentation.`
        })
      )
    })
  }
}
