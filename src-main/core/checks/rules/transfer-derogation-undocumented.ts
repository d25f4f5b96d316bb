import { isBlank, recordFinding, type RecordRule } from '../finding'
import { thirdCountryTransfers, transferArticle } from '../transfers'
import { capitalised, theTransfer } from './item-names'

/**
 * Art. 30(1)(e) with Art. 49: a transfer on a derogation must say which one, and for the
 * compelling-legitimate-interests derogation the assessment and safeguards (Art. 49(6)).
 */
export const transferDerogationUndocumented: RecordRule = {
  id: 'transfer-derogation-undocumented',
  article: 'Art. 30(1)(e)',
  description: 'A transfer relying on an Art. 49 derogation is documented.',
  check(record) {
    return thirdCountryTransfers(record).flatMap(({ transfer, index }) =>
      transfer.safeguard === 'derogation' && isBlank(transfer.documentation)
        ? [
            recordFinding(transferDerogationUndocumented, record, {
              severity: 'error',
              article: transferArticle(record),
              field: `transfers.${index}.documentation`,
              message: `${capitalised(theTransfer(transfer, index))} relies on an Art. 49 derogation without documentation.`,
              fix: 'Say which Art. 49(1) derogation applies (e.g. explicit consent, contract with the data subject). For compelling legitimate interests, record the assessment and the safeguards and that the supervisory authority was informed.'
            })
          ]
        : []
    )
  }
}
