import { recordFinding, type RecordRule } from '../finding'
import { thirdCountryTransfers } from '../transfers'
import { capitalised, theTransfer } from './item-names'

/** Mechanisms the CJEU struck down; a transfer that still names one has no valid safeguard. */
const INVALIDATED = [
  { pattern: /privacy[\s-]*shield/i, name: 'the EU-US Privacy Shield', since: '16 July 2020 (CJEU C-311/18, Schrems II)' },
  { pattern: /safe[\s-]*harbou?r/i, name: 'Safe Harbor', since: '6 October 2015 (CJEU C-362/14, Schrems I)' }
] as const

/** Art. 44: a transfer relying on Privacy Shield or Safe Harbor has no valid safeguard. */
export const transferInvalidatedMechanism: RecordRule = {
  id: 'transfer-invalidated-mechanism',
  article: 'Art. 44',
  description: 'No transfer relies on Privacy Shield or Safe Harbor, both invalidated by the CJEU.',
  check(record) {
    return thirdCountryTransfers(record).flatMap(({ transfer, index }) => {
      // Legacy imports may carry the mechanism in the safeguard itself.
      const safeguard = String((transfer as { safeguard?: unknown }).safeguard ?? '')
      const texts: Array<[string, string]> = [
        [`transfers.${index}.documentation`, transfer.documentation ?? ''],
        [`transfers.${index}.safeguard`, safeguard]
      ]
      for (const [field, text] of texts) {
        const invalid = INVALIDATED.find((mechanism) => mechanism.pattern.test(text))
        if (invalid) {
          return [
            recordFinding(transferInvalidatedMechanism, record, {
              severity: 'error',
              field,
              message: `${capitalised(theTransfer(transfer, index))} relies on ${invalid.name}, invalid since ${invalid.since}.`,
              fix: 'Replace it with a valid mechanism: for the United States, the Data Privacy Framework if the recipient is certified, otherwise the 2021 standard contractual clauses with a transfer impact assessment. Update the documentation.'
            })
          ]
        }
      }
      return []
    })
  }
}
