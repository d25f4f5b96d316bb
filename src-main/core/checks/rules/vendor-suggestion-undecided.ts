import { articleForField } from '../art30-items'
import { recordFinding, type Finding, type RecordRule } from '../finding'
import { purposeIndexOf } from '../../records/suggestions'
import { labelParam, msg } from '../../i18n/message'

/**
 * A purpose or lawful basis a vendor's policy states is the vendor's, not the DPO's: it stays
 * a suggestion (outside the record's purposes) until confirmed or dismissed, and this finding
 * says so, so that it is never taken for the DPO's own.
 */
export const vendorSuggestionUndecided: RecordRule = {
  id: 'vendor-suggestion-undecided',
  article: 'Art. 30(1)(b)',
  description: "Every purpose and lawful basis suggested by a vendor's policy has been confirmed as the organisation's own, or dismissed.",
  check(record) {
    const findings: Finding[] = []
    for (const suggestion of record.suggestions ?? []) {
      const whose = suggestion.from.trim() === '' ? msg('vendor-suggestion-undecided.vendorPolicy') : msg('vendor-suggestion-undecided.namedPolicy', { vendor: suggestion.from.trim() })
      if (suggestion.kind === 'purpose') {
        findings.push(
          recordFinding(vendorSuggestionUndecided, record, {
            severity: 'warning',
            article: articleForField('purposes', record.role),
            field: 'purposes',
            message: msg('vendor-suggestion-undecided.purpose', { whose, purpose: suggestion.description.trim() }),
            fix: msg('vendor-suggestion-undecided.purpose.fix')
          })
        )
        continue
      }
      const index = purposeIndexOf(record.purposes, suggestion)
      findings.push(
        recordFinding(vendorSuggestionUndecided, record, {
          severity: 'warning',
          article: articleForField('purposes', record.role),
          field: index === undefined ? 'purposes' : `purposes.${index}.lawfulBasis`,
          message: msg(index === undefined ? 'vendor-suggestion-undecided.basis' : 'vendor-suggestion-undecided.basis.purpose', {
            whose,
            number: index === undefined ? '' : index + 1,
            basis: suggestion.lawfulBasis === '' ? '' : labelParam('lawfulBasis', suggestion.lawfulBasis)
          }),
          fix: msg('vendor-suggestion-undecided.basis.fix')
        })
      )
    }
    return findings
  }
}
