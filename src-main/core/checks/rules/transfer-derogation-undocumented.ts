import { msg } from '../../i18n/message'
import { isBlank, recordFinding, type Finding, type RecordRule } from '../finding'
import { thirdCountryTransfers, transferArticle, transferName } from '../transfers'

/**
 * Art. 49 with Art. 30(1)(e): a transfer on a derogation names which one, and for the
 * compelling-legitimate-interests derogation documents the assessment and safeguards (Art. 49(6)).
 */
export const transferDerogationUndocumented: RecordRule = {
  id: 'transfer-derogation-undocumented',
  article: 'Art. 49',
  description: 'A transfer relying on an Art. 49 derogation names the derogation, and documents the safeguards for compelling legitimate interests.',
  check(record, context) {
    return thirdCountryTransfers(record, context).flatMap(({ transfer, index }): Finding[] => {
      if (transfer.mechanism !== 'art49') return []
      const name = transferName(transfer, index)
      if (transfer.derogation === '') {
        return [
          recordFinding(transferDerogationUndocumented, record, {
            severity: 'error',
            field: `transfers.${index}.derogation`,
            message: msg('transfer-derogation-undocumented.which', { transfer: name }),
            fix: msg('transfer-derogation-undocumented.which.fix')
          })
        ]
      }
      if (transfer.derogation === 'compelling-legitimate-interests' && isBlank(transfer.documentation)) {
        return [
          recordFinding(transferDerogationUndocumented, record, {
            severity: 'error',
            article: transferArticle(record),
            field: `transfers.${index}.documentation`,
            message: msg('transfer-derogation-undocumented.documentation', { transfer: name }),
            fix: msg('transfer-derogation-undocumented.documentation.fix')
          })
        ]
      }
      return []
    })
  }
}
