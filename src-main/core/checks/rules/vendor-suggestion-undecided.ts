import { articleForField } from '../art30-items'
import { recordFinding, type Finding, type RecordRule } from '../finding'
import { purposeIndexOf, suggestedBasisLabel } from '../../records/suggestions'

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
      const whose = suggestion.from.trim() === '' ? "the vendor's policy" : `${suggestion.from.trim()}'s policy`
      if (suggestion.kind === 'purpose') {
        findings.push(
          recordFinding(vendorSuggestionUndecided, record, {
            severity: 'warning',
            article: articleForField('purposes', record.role),
            field: 'purposes',
            message: `A purpose suggested by ${whose} is not yet confirmed: "${suggestion.description.trim()}". It is the vendor's purpose, not yet yours.`,
            fix: 'In Purposes, confirm it if it is why you use the vendor (then set your own lawful basis), or dismiss it and write your own purpose.'
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
          message: `A lawful basis suggested by ${whose}${index === undefined ? '' : ` for purpose ${index + 1}`} is not yet confirmed: ${suggestedBasisLabel(suggestion)}. It is the vendor's basis for its own processing, not yet yours.`,
          fix: 'Confirm it only if it is also your basis for this purpose; otherwise dismiss it and choose your own.'
        })
      )
    }
    return findings
  }
}
