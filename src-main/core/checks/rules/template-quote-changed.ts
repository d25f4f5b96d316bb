import { articleForField } from '../art30-items'
import { recordFinding, type RecordRule } from '../finding'
import { fieldPathParam, listParam, msg } from '../../i18n/message'

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
        message:
          change.nowSays.length === 0
            ? msg('template-quote-changed.gone', { field: fieldPathParam(change.field), quote: change.quote, version: change.packVersion })
            : msg('template-quote-changed.reworded', {
                field: fieldPathParam(change.field),
                quote: change.quote,
                now: listParam(change.nowSays.map((quote) => `"${quote}"`), ' / '),
                version: change.packVersion
              }),
        fix: msg('template-quote-changed.fix', { version: change.packVersion })
      })
    )
  }
}
