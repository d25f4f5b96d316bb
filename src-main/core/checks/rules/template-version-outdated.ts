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
        message: `This record was derived from template pack "${origin.packId}" version ${origin.packVersion}; version ${installed} is now installed.`,
        fix: 'Compare the record with the new version of the template (for example the vendor\'s updated policy) and take over what applies.'
      })
    ]
  }
}
