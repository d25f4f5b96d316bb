/**
 * The DSK's model "Verzeichnis von Verarbeitungstätigkeiten", in German: the controller's
 * directory (Verantwortlicher, Art. 30 Abs. 1 DSGVO) and the processor's (Auftragsverarbeiter,
 * Art. 30 Abs. 2 DSGVO), one row per processing activity. Headings follow the DSK model and
 * the German text of the GDPR (docs/i18n-glossary.md).
 */
import type { StoredRecord } from '../../records/model'
import { column, type Column } from '../register-sheets'
import type { RegisterLayout } from './index'
import type { RecordText } from './record-text'

const identity = (text: RecordText): Column<StoredRecord>[] => [
  column('reference', 'Lfd. Nr.', 11, (record) => record.reference),
  column('name', 'Bezeichnung der Verarbeitungstätigkeit', 28, (record) => record.name),
  column('status', 'Status', 12, text.status)
]
const review = (text: RecordText): Column<StoredRecord>[] => [
  column('lastReviewed', 'Datum der letzten Änderung', 14, (record) => text.date(record.lastReviewed)),
  column('nextReview', 'Nächste Überprüfung', 14, (record) => text.date(record.nextReview))
]
const TRANSFERS = 'Übermittlungen in Drittländer oder an internationale Organisationen'
const SAFEGUARDS = 'Geeignete Garantien'
const TOM = 'Technische und organisatorische Maßnahmen (TOM)'

export const DSK_LAYOUT: RegisterLayout = {
  name: 'dsk',
  locale: 'de',
  controller: {
    sheet: 'Verzeichnis Verantwortlicher',
    columns: (text) => [
      ...identity(text),
      column('businessFunction', 'Verantwortliche Fachabteilung', 18, (record) => record.businessFunction),
      column('owner', 'Ansprechpartner', 18, (record) => record.owner),
      column('jointController', 'Gemeinsam Verantwortliche', 26, (record) => record.jointControllerDetails, '30(1)(a)'),
      column('purposes', 'Zwecke der Verarbeitung', 36, text.purposes, '30(1)(b)'),
      column('lawfulBasis', 'Rechtsgrundlage', 26, text.lawfulBases),
      column('dataSubjects', 'Kategorien betroffener Personen', 24, text.subjects, '30(1)(c)'),
      column('dataCategories', 'Kategorien personenbezogener Daten', 28, text.categories, '30(1)(c)'),
      column('article9', 'Besondere Kategorien personenbezogener Daten', 28, text.specialCategories),
      column('recipients', 'Kategorien von Empfängern', 28, text.recipients, '30(1)(d)'),
      column('countries', TRANSFERS, 28, text.transferDestinations, '30(1)(e)'),
      column('safeguards', SAFEGUARDS, 32, text.transferSafeguards, '30(1)(e)'),
      column('documentation', 'Dokumentation der Garantien', 26, text.transferDocumentation),
      column('retention', 'Löschfristen', 36, text.retention, '30(1)(f)'),
      column('security', TOM, 36, text.security, '30(1)(g)'),
      ...review(text)
    ]
  },
  processor: {
    sheet: 'Verzeichnis Auftragsverarbeiter',
    columns: (text) => [
      ...identity(text),
      column('controllersActedFor', 'Verantwortliche, in deren Auftrag verarbeitet wird', 30, text.controllersActedFor, '30(2)(a)'),
      column('controllerContacts', 'Kontaktdaten der Verantwortlichen, ihrer Vertreter und Datenschutzbeauftragten', 40, text.controllerContacts, '30(2)(a)'),
      column('processingCategories', 'Kategorien von Verarbeitungen, die im Auftrag jedes Verantwortlichen durchgeführt werden', 36, text.processingCategories, '30(2)(b)'),
      column('countries', TRANSFERS, 28, text.transferDestinations, '30(2)(c)'),
      column('safeguards', SAFEGUARDS, 32, text.transferSafeguards, '30(2)(c)'),
      column('documentation', 'Dokumentation der Garantien', 26, text.transferDocumentation),
      column('security', TOM, 36, text.security, '30(2)(d)'),
      ...review(text)
    ]
  }
}
