import { msg } from '../../i18n/message'
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
              message: msg('processor-contract-missing', { processor: theItem('processor', recipient.name, index) }),
              fix: msg('processor-contract-missing.fix')
            })
          ]
        : []
    )
  }
}
