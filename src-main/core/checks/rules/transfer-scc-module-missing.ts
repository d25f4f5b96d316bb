import { msg } from '../../i18n/message'
import { recordFinding, type RecordRule } from '../finding'
import { thirdCountryTransfers, transferName } from '../transfers'

/** Art. 46(2)(c): the 2021 clauses come in four modules; which one applies says who does what. */
export const transferSccModuleMissing: RecordRule = {
  id: 'transfer-scc-module-missing',
  article: 'Art. 46(2)(c)',
  description: 'A transfer on the 2021 standard contractual clauses names the module used.',
  check(record, context) {
    return thirdCountryTransfers(record, context).flatMap(({ transfer, index }) =>
      (transfer.instrument === 'scc-2021' || transfer.instrument === 'uk-addendum') && transfer.sccModule === ''
        ? [
            recordFinding(transferSccModuleMissing, record, {
              severity: 'warning',
              field: `transfers.${index}.sccModule`,
              message: msg('transfer-scc-module-missing', { transfer: transferName(transfer, index) }),
              fix: msg('transfer-scc-module-missing.fix')
            })
          ]
        : []
    )
  }
}
