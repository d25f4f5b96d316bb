/** Texte, die eine Vorlage in einen Eintrag schreibt (siehe en/recordText.ts); Rechtsbegriffe aus der deutschen Fassung der DSGVO (docs/i18n-glossary.md). */
export default {
  'name.usingVendor': '{{activity}} (mit {{vendor}})',
  'name.vendorAsIndependentController': '{{activity}} (mit {{vendor}} als eigenständigem Verantwortlichen)',
  'name.forClientsWithSubProcessor': '{{activity}} (für unsere Kunden, mit {{vendor}} als Unterauftragsverarbeiter)',

  'description.vendorDescribes': 'Die Richtlinie von {{vendor}} beschreibt die Tätigkeit so: {{description}}',
  'description.ageLimit': 'Altersgrenze: Laut der Richtlinie ist der Dienst nicht für Personen unter {{age}} Jahren bestimmt.',
  'description.specialCategories': 'Besondere Kategorien personenbezogener Daten: {{statement}}',

  'evidence.vendorRole': 'Rolle von {{vendor}}',
  'evidence.ageLimit': 'Altersgrenze',
  'evidence.specialCategoryStance': 'Haltung zu besonderen Kategorien personenbezogener Daten',
  'evidence.activityRetention': 'Aufbewahrung für die gesamte Tätigkeit',
  'evidence.confirmedSuggestion': 'Vorgeschlagen in {{whose}}; von uns übernommen',
  'evidence.vendorPolicy': 'der Richtlinie von {{vendor}}',
  'evidence.theVendorPolicy': 'der Richtlinie des Anbieters',

  'recipient.ourSubProcessor': 'Unser Unterauftragsverarbeiter',
  'recipient.actsAsController': 'Laut seiner Richtlinie handelt er bei dieser Tätigkeit als Verantwortlicher',
  'recipient.actsAsJointController': 'Laut seiner Richtlinie handelt er bei dieser Tätigkeit als gemeinsam Verantwortlicher',
  'recipient.namedByPolicy': 'In der Richtlinie von {{vendor}} genannt',
  'recipient.subProcessorOf': 'Unterauftragsverarbeiter von {{vendor}}',
  'recipient.service': 'Dienst: {{service}}',
  'recipient.country': 'Land: {{country}}',

  'open.subProcessingAgreement': 'Verweisen Sie auf den Unterauftragsverarbeitungsvertrag mit {{vendor}} und auf die Genehmigung Ihrer Kunden, ihn in Anspruch zu nehmen (Art. 28 Abs. 2 und 4).',
  'open.dataProcessingAgreement': 'Verweisen Sie auf den Auftragsverarbeitungsvertrag mit {{vendor}} (Art. 28 Abs. 3).',
  'open.controllersActedFor': 'Nennen Sie die Kunden (Verantwortlichen), in deren Auftrag Sie bei dieser Tätigkeit handeln.',
  'open.transferWithoutSafeguard': 'Übermittlung an {{recipient}} ({{country}}): Die Richtlinie nennt keine Garantie. Wählen Sie die Garantie nach Kapitel V und fügen Sie die Übermittlung hinzu.',
  'open.endActionUnstated': 'Die Richtlinie sagt, wie lange die Daten aufbewahrt werden, aber nicht, was danach mit ihnen geschieht (Löschung, Anonymisierung oder Überprüfung); geben Sie es an.',
  'open.retentionUnset': 'Die Aufbewahrung laut Richtlinie hat weder eine Frist noch ein Kriterium; legen Sie die Aufbewahrung fest.',
  'open.retentionWithoutCategories': 'Die Richtlinie nennt eine Aufbewahrungsfrist, aber keine Datenkategorie, der sie zugeordnet werden kann.',
  'open.policySilent': 'Die Richtlinie schweigt: {{note}}',
  'open.policyVague': 'Die Richtlinie ist unklar: {{note}}',

  'upgrade.notFromPack': 'Der Eintrag wurde nicht aus dem Vorlagenpaket {{pack}} erstellt.',
  'upgrade.activityRemoved': 'Version {{version}} des Vorlagenpakets {{pack}} hat die Tätigkeit „{{activity}}“ nicht mehr: Es gibt nichts zu übernehmen.'
} satisfies Record<string, string>
