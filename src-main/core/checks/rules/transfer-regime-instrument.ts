import { TRANSFER_INSTRUMENT_LABELS } from '../../records/enums'
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
            message: ukOnly
              ? `${name} relies on the ${TRANSFER_INSTRUMENT_LABELS[transfer.instrument]}, a UK GDPR instrument, but the organisation is under the EU GDPR only.`
              : `${name} relies on the ${TRANSFER_INSTRUMENT_LABELS[transfer.instrument]}, an EU instrument, and the organisation is under the UK GDPR only.`,
            fix: ukOnly
              ? 'Use the 2021 standard contractual clauses for transfers under the EU GDPR, or set the organisation\'s regime to "EU GDPR and UK GDPR" on the Organisation page if the UK GDPR applies too.'
              : 'Record the UK basis for the transfer: UK adequacy regulations (for the United States, the UK Extension to the Data Privacy Framework), the IDTA or the UK Addendum.'
          })
        ]
      }
      if (regime === 'uk' && transfer.instrument === 'scc-2021') {
        return [
          recordFinding(transferRegimeInstrument, record, {
            severity: 'warning',
            field: `transfers.${index}.instrument`,
            message: `${name} relies on the EU standard contractual clauses alone; under the UK GDPR they need the UK Addendum.`,
            fix: 'Record the UK Addendum (with the module of the EU clauses), or the IDTA.'
          })
        ]
      }
      return []
    })
  }
}
