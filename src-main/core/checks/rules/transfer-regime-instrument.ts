import { labelParam, msg } from '../../i18n/message'
import { instrumentAvailableUnder } from '../../legal/transfer-law'
import { recordFinding, type Finding, type RecordRule } from '../finding'
import { regimeOf, thirdCountryTransfers, transferName } from '../transfers'

/**
 * The instrument fits the organisation's regime: the IDTA and the UK Addendum exist only
 * under the UK GDPR; a UK-only organisation uses the EU clauses only with the Addendum; the
 * UK's adequacy list is not the EU's, and the app does not hold it.
 */
export const transferRegimeInstrument: RecordRule = {
  id: 'transfer-regime-instrument',
  article: 'Art. 44',
  description: "A transfer's instrument exists under the organisation's regime (EU GDPR, UK GDPR or both).",
  check(record, context) {
    const regime = regimeOf(context)
    return thirdCountryTransfers(record, context).flatMap(({ transfer, index }): Finding[] => {
      const name = transferName(transfer, index)
      if (transfer.instrument !== '' && !instrumentAvailableUnder(transfer.instrument, regime)) {
        const ukOnly = transfer.instrument === 'uk-idta' || transfer.instrument === 'uk-addendum'
        return [
          recordFinding(transferRegimeInstrument, record, {
            severity: 'warning',
            field: `transfers.${index}.instrument`,
            message: msg(ukOnly ? 'transfer-regime-instrument.ukOnly' : 'transfer-regime-instrument.euOnly', { transfer: name, instrument: labelParam('instrument', transfer.instrument) }),
            fix: msg(ukOnly ? 'transfer-regime-instrument.ukOnly.fix' : 'transfer-regime-instrument.euOnly.fix')
          })
        ]
      }
      if (regime === 'uk' && transfer.instrument === 'scc-2021') {
        return [
          recordFinding(transferRegimeInstrument, record, {
            severity: 'warning',
            field: `transfers.${index}.instrument`,
            message: msg('transfer-regime-instrument.addendum', { transfer: name }),
            fix: msg('transfer-regime-instrument.addendum.fix')
          })
        ]
      }
      return []
    })
  }
}
