import { fieldPathParam, msg } from '../../i18n/message'
import { articleForField } from '../art30-items'
import { isBlank, recordFinding, toFormFieldPath, type RecordRule } from '../finding'
import { isUnsettled } from '../../records/model'

/** Points the template's source left silent or vague, which the DPO has not yet decided. */
export const openTemplateGap: RecordRule = {
  id: 'open-template-gap',
  article: 'Art. 30(1)',
  description: 'Every open item left by the template has been resolved.',
  check(record) {
    return record.openItems.flatMap((item, index) => {
      if (!isUnsettled(item)) return []
      const field = isBlank(item.field) ? `openItems.${index}` : toFormFieldPath(item.field)
      return [
        recordFinding(openTemplateGap, record, {
          severity: 'warning',
          article: articleForField(field, record.role),
          field,
          message: isBlank(item.note) ? msg('open-template-gap.undecided', { field: fieldPathParam(item.field) }) : msg('open-template-gap', { note: item.note }),
          fix: msg('open-template-gap.fix')
        })
      ]
    })
  }
}
