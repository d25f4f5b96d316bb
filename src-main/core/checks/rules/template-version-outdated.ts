import { msg } from '../../i18n/message'
import { recordFinding, type RecordRule } from '../finding'

/** Art. 24(1): a record built from a template that has since been revised may need the same corrections. */
export const templateVersionOutdated: RecordRule = {
  id: 'template-version-outdated',
  article: 'Art. 24(1)',
  description: 'The record was derived from the template pack version that is installed now.',
  check(record, context) {
    const origin = record.origin
    if (!origin) return []
    const installed = context.installedPackVersions[origin.packId]
    if (installed === undefined || installed === origin.packVersion) return []
    return [
      recordFinding(templateVersionOutdated, record, {
        severity: 'info',
        field: 'origin',
        message: msg('template-version-outdated', { pack: origin.packId, version: origin.packVersion, installed }),
        fix: msg('template-version-outdated.fix')
      })
    ]
  }
}
