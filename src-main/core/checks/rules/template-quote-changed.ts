import { articleForField } from '../art30-items'
import { recordFinding, type RecordRule } from '../finding'
import { describeFieldPath } from '../../records/field-names'
import { describeQuoteChange } from '../../templates/quote-changes'

/**
 * A newer version of the record's template no longer has a quote the record's evidence relies on
 * (found when that version was installed): the value may no longer be what the vendor says.
 */
export const templateQuoteChanged: RecordRule = {
  id: 'template-quote-changed',
  article: 'Art. 30(1)',
  description: 'The vendor\'s policy still says what the record\'s evidence quotes.',
  check(record) {
    return (record.quoteChanges ?? []).map((change) =>
      recordFinding(templateQuoteChanged, record, {
        severity: 'warning',
        article: articleForField(change.field, record.role),
        field: change.field,
        message: `${describeFieldPath(change.field)}: ${describeQuoteChange(change)} (template version ${change.packVersion}).`,
        fix: `Compare the record with version ${change.packVersion} of its template and take over or keep each field (Templates › the pack › Records made from this pack › Compare).`
      })
    )
  }
}
