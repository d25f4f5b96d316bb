/** Die Wörter des Berichts der Befehlszeile, auf Deutsch (`ropa check`). */
export default {
  'count.record.one': '{{count}} Eintrag',
  'count.record.other': '{{count}} Einträge',
  'count.finding.one': '{{count}} Feststellung',
  'count.finding.other': '{{count}} Feststellungen',
  'count.error.one': '{{count}} Fehler',
  'count.error.other': '{{count}} Fehler',
  'count.warning.one': '{{count}} Warnung',
  'count.warning.other': '{{count}} Warnungen',
  'check.none': 'Keine Feststellungen in {{records}} (Stand {{today}}).',
  'check.summary': '{{findings}} (Stand {{today}}): {{errors}}, {{warnings}}, {{info}} Hinweise; {{withErrors}} von {{records}} mit Fehlern.',
  'check.completeness': 'Vollständigkeit der nach Art. 30 erforderlichen Angaben: {{share}}.',
  'check.byArticle': 'Nach Artikel:',
  'check.share': '{{share}} vollständig ({{present}} von {{required}})',
  'check.notRequired': 'nicht erforderlich',
  'check.nothingMissing': 'nichts fehlt',
  'check.organisationNotChecked': 'Das Organisationsprofil (Art. 30 Abs. 1 lit. a) ist nicht in einer Arbeitsmappe enthalten: Es wurde nicht geprüft; prüfen Sie es anhand einer Sicherung.'
} satisfies Record<string, string>
