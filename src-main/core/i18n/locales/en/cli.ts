/** The command line's report words in English (`ropa check`). */
export default {
  'count.record.one': '{{count}} record',
  'count.record.other': '{{count}} records',
  'count.finding.one': '{{count}} finding',
  'count.finding.other': '{{count}} findings',
  'count.error.one': '{{count}} error',
  'count.error.other': '{{count}} errors',
  'count.warning.one': '{{count}} warning',
  'count.warning.other': '{{count}} warnings',
  'check.none': 'No findings in {{records}} (as of {{today}}).',
  'check.summary': '{{findings}} (as of {{today}}): {{errors}}, {{warnings}}, {{info}} info; {{withErrors}} of {{records}} with errors.',
  'check.completeness': 'Completeness of required Art. 30 items: {{share}}.',
  'check.byArticle': 'By article:',
  'check.share': '{{share}} complete ({{present}} of {{required}})',
  'check.notRequired': 'not required',
  'check.nothingMissing': 'nothing missing',
  'check.organisationNotChecked': 'The organisation profile (Art. 30(1)(a)) is not in a workbook: it was not checked; check a backup for it.'
} satisfies Record<string, string>
