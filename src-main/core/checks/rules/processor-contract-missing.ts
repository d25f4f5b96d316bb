import { isBlank, recordFinding, type RecordRule } from '../finding'
import { theItem } from './item-names'

/** Art. 28(3) (and 28(4) for sub-processors): processing by a processor is governed by a contract. */
export const processorContractMissing: RecordRule = {
  id: 'processor-contract-missing',
  article: 'Art. 28(3)',
  description: 'Each processor among the recipients has a contract / DPA reference.',
  check(record) {
    return record.recipients.flatMap((recipient, index) =>
      recipient.type === 'processor' && isBlank(recipient.contractReference)
        ? [
            recordFinding(processorContractMissing, record, {
              severity: 'warning',
              field: `recipients.${index}.contractReference`,
              message: `${theItem('processor', recipient.name, index)} has no reference to a contract or data processing agreement.`,
              fix: 'Enter where the Art. 28 contract (DPA) with this processor is kept: document name, link or contract number.'
            })
          ]
        : []
    )
  }
}
