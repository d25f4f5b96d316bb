import { msg } from '../../i18n/message'
import { parseTransferInstrumentText } from '../../legal/parse-instrument-text'
import { isBlank, recordFinding, type RecordRule } from '../finding'
import { thirdCountryTransfers, transferName } from '../transfers'

/** Art. 46: safeguards to a destination without adequacy need a transfer impact assessment (Schrems II); the record says where it is. */
export const transferTiaMissing: RecordRule = {
  id: 'transfer-tia-missing',
  article: 'Art. 46',
  description: 'A transfer on Art. 46 safeguards or binding corporate rules to a destination without adequacy says where its transfer impact assessment is kept.',
  check(record, context) {
    return thirdCountryTransfers(record, context).flatMap(({ transfer, index, destination }) => {
      if ((transfer.mechanism !== 'art46' && transfer.mechanism !== 'art47') || destination.adequacy !== null || !isBlank(transfer.tiaReference)) return []
      const mentioned = parseTransferInstrumentText(transfer.documentation ?? '').tiaMentioned
      return [
        recordFinding(transferTiaMissing, record, {
          severity: 'warning',
          field: `transfers.${index}.tiaReference`,
          message: msg(`transfer-tia-missing.${transfer.mechanism}${mentioned ? '.mentioned' : ''}`, { transfer: transferName(transfer, index) }),
          fix: msg('transfer-tia-missing.fix')
        })
      ]
    })
  }
}
