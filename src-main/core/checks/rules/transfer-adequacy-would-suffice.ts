import { labelParam, listParam, msg } from '../../i18n/message'
import { recordFinding, type RecordRule } from '../finding'
import { destinationText, thirdCountryTransfers } from '../transfers'

/** Art. 45: where an adequacy decision covers the destination, SCCs or a derogation are more than needed. */
export const transferAdequacyWouldSuffice: RecordRule = {
  id: 'transfer-adequacy-would-suffice',
  article: 'Art. 45',
  description: 'A transfer to a destination with an adequacy decision relying on another mechanism is pointed out.',
  check(record, context) {
    return thirdCountryTransfers(record, context).flatMap(({ transfer, index, destination }) => {
      if (destination.adequacy === null || transfer.mechanism === 'art45' || transfer.mechanism === '') return []
      const scopes = destination.adequacy.flatMap((decision) =>
        decision.scope ? [msg('transfer-adequacy-would-suffice.scope', { destination: decision.name, scope: msg(`adequacy.scope.${decision.scope}`) })] : []
      )
      const scopeNote = scopes.length > 0 ? msg('transfer-adequacy-would-suffice.scopeNote', { scopes: listParam(scopes, ' ') }) : ''
      return [
        recordFinding(transferAdequacyWouldSuffice, record, {
          severity: 'info',
          field: `transfers.${index}.mechanism`,
          message: msg('transfer-adequacy-would-suffice', { destination: destinationText(transfer), mechanism: labelParam('mechanism', transfer.mechanism), scopeNote }),
          fix: msg('transfer-adequacy-would-suffice.fix')
        })
      ]
    })
  }
}
