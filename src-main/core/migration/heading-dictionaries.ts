/**
 * Heading dictionaries as data: the headings (or fiche labels) registers use, each with the
 * record field it fills. Sources: the app's own register sheets, the UK ICO documentation
 * templates (controller and processor), common English variants, the French CNIL register
 * model (table and "fiches") and the German DSK model ("Verzeichnis von
 * Verarbeitungstätigkeiten"). 'note' marks a known column with no field of its own: it is
 * kept word for word in the record's notes.
 */
import { CONTROLLER_COLUMNS, DATA_CATEGORY_COLUMNS, PROCESSOR_COLUMNS, PURPOSE_COLUMNS, RECIPIENT_COLUMNS, TRANSFER_COLUMNS } from '../workbook/register-sheets'
import { lookupText } from '../i18n/catalogues'
import { REGISTER_LAYOUTS, type RegisterLayout } from '../workbook/layouts'
import { recordText } from '../workbook/layouts/record-text'
import type { DictionaryName, TargetField } from './types'

/** A field, a note, or a column ignored for the reason given (it repeats another one). */
export type DictionaryTarget = TargetField | 'note' | { ignore: string }

export interface DictionaryEntry {
  dictionary: Exclude<DictionaryName, 'saved' | 'none'>
  heading: string
  target: DictionaryTarget
}

/** The app's register column keys and the field each fills. */
const APP_COLUMN_TARGETS: Record<string, DictionaryTarget> = {
  reference: 'previousReference',
  name: 'name',
  status: 'status',
  role: 'role',
  businessFunction: 'businessFunction',
  purposes: 'purposes[].description',
  jointController: 'jointControllerDetails',
  dataSubjects: 'dataSubjects',
  dataCategories: 'dataCategories[].term',
  recipients: 'recipients[]',
  contracts: 'recipients[].contractReference',
  countries: 'transfers[].country',
  safeguards: 'transfers[].instrument',
  retention: 'dataCategories[].retention',
  security: 'securityDescription',
  lawfulBasis: 'purposes[].lawfulBasis',
  article9: 'specialCategories[].condition',
  criminalOffence: 'criminalOffenceData',
  legitimateInterests: 'purposes[].legitimateInterest',
  liaLink: 'purposes[].liaReference',
  // Derived from the lawful basis on export; kept as a note so that nothing is dropped.
  rights: 'note',
  automatedDecisionMaking: 'automatedDecisionMaking',
  source: 'source',
  consentLink: 'purposes[].consentRecordReference',
  location: 'systems',
  dpiaRequired: 'dpia.required',
  dpiaStatus: 'dpia.status',
  dpiaLink: 'dpia.link',
  owner: 'owner',
  lastReviewed: 'lastReviewed',
  nextReview: 'nextReview',
  controllersActedFor: 'controllersActedFor[].name',
  controllerContacts: 'controllersActedFor[].contact',
  processingCategories: 'controllersActedFor[].processingCategories'
}

const REPEATS_RETENTION = { ignore: 'repeats the Retention column of the same row (the app\'s own workbook)' }

/** The app's detail sheets (one row per purpose, data category, recipient, transfer), joined to the registers by Reference. */
const APP_DETAIL_TARGETS: Record<string, DictionaryTarget> = {
  purpose: 'purposes[].description',
  uses: 'purposes[].uses',
  legitimateInterest: 'purposes[].legitimateInterest',
  liaReference: 'purposes[].liaReference',
  consentRecordReference: 'purposes[].consentRecordReference',
  category: 'dataCategories[].term',
  description: 'dataCategories[].description',
  retentionMode: REPEATS_RETENTION,
  period: REPEATS_RETENTION,
  unit: REPEATS_RETENTION,
  fromEvent: REPEATS_RETENTION,
  endAction: REPEATS_RETENTION,
  criterion: REPEATS_RETENTION,
  recipient: 'recipients[]',
  type: 'recipients[].type',
  contractReference: 'recipients[].contractReference',
  country: 'transfers[].country',
  countryCode: { ignore: 'repeats the destination as a code (the app\'s own workbook)' },
  // Mechanism, instrument, SCC module and derogation are read together as the transfer's safeguard.
  mechanism: 'transfers[].instrument',
  instrument: 'transfers[].instrument',
  sccModule: 'transfers[].instrument',
  derogation: 'transfers[].instrument',
  documentation: 'transfers[].documentation',
  tiaReference: 'transfers[].tiaReference'
}

const entries = (dictionary: DictionaryEntry['dictionary'], list: ReadonlyArray<readonly [string, DictionaryTarget]>): DictionaryEntry[] =>
  list.map(([heading, target]) => ({ dictionary, heading, target }))

const APP = [
  ...[...CONTROLLER_COLUMNS, ...PROCESSOR_COLUMNS].map((column) => [column.header, APP_COLUMN_TARGETS[column.key]] as const),
  ...[...PURPOSE_COLUMNS, ...DATA_CATEGORY_COLUMNS, ...RECIPIENT_COLUMNS].map((column) => [column.header, APP_DETAIL_TARGETS[column.key]] as const),
  // A transfer row's "Recipient" is the transfer's, not a recipient of the record.
  ...TRANSFER_COLUMNS.map((column) => (column.key === 'recipient' ? (['Transfers: Recipient', 'transfers[].recipient'] as const) : ([column.header, APP_DETAIL_TARGETS[column.key]] as const)))
].flatMap(([heading, target]) => (target ? [{ dictionary: 'app' as const, heading, target }] : []))

/**
 * The app's own CNIL and DSK layouts (core/workbook/layouts) and their detail sheets' French and
 * German headings, so that such an export maps even without its Data sheet.
 */
const LAYOUT_TARGETS: Record<string, DictionaryTarget> = {
  ...APP_COLUMN_TARGETS,
  createdAt: 'note',
  documentation: 'transfers[].documentation'
}
function layoutEntries(dictionary: 'cnil' | 'dsk', layout: RegisterLayout): DictionaryEntry[] {
  const text = recordText(layout.locale)
  const register = [...layout.controller.columns(text), ...layout.processor.columns(text)].map((column) => [column.header, LAYOUT_TARGETS[column.key]] as const)
  const detailHeading = (sheet: string, key: string) => lookupText(layout.locale, `workbook:col.${sheet}.${key}`)
  const details = [
    ...PURPOSE_COLUMNS.map((column) => [detailHeading('purposes', column.key), column.key === 'lawfulBasis' ? 'purposes[].lawfulBasis' : APP_DETAIL_TARGETS[column.key]] as const),
    ...DATA_CATEGORY_COLUMNS.map((column) => [detailHeading('dataCategories', column.key), APP_DETAIL_TARGETS[column.key]] as const),
    ...RECIPIENT_COLUMNS.map((column) => [detailHeading('recipients', column.key), APP_DETAIL_TARGETS[column.key]] as const),
    ...TRANSFER_COLUMNS.map((column) => [detailHeading('transfers', column.key), column.key === 'recipient' ? 'transfers[].recipient' : APP_DETAIL_TARGETS[column.key]] as const)
  ]
  return [...register, ...details].flatMap(([heading, target]) => (target ? [{ dictionary, heading, target }] : []))
}

/** The ICO's "Documentation template for controllers" and "... for processors". */
const ICO = entries('ico', [
  ['Business function', 'businessFunction'],
  ['Purpose of processing', 'purposes[].description'],
  ['Name and contact details of joint controller (if applicable)', 'jointControllerDetails'],
  ['Categories of individuals', 'dataSubjects'],
  ['Categories of personal data', 'dataCategories[].term'],
  ['Categories of recipients', 'recipients[]'],
  ['Link to contract with processor', 'recipients[].contractReference'],
  ['Names of third countries or international organisations that personal data are transferred to (if applicable)', 'transfers[].country'],
  ['Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)', 'transfers[].instrument'],
  ['Retention schedule (if possible)', 'dataCategories[].retention'],
  ['General description of technical and organisational security measures (if possible)', 'securityDescription'],
  ['Article 6 lawful basis for processing personal data', 'purposes[].lawfulBasis'],
  ['Article 9 basis for processing special category personal data', 'specialCategories[].condition'],
  ['Article 9 condition for processing special category data', 'specialCategories[].condition'],
  ['Legitimate interests for the processing (if applicable)', 'purposes[].legitimateInterest'],
  ['Link to record of legitimate interests assessment (if applicable)', 'purposes[].liaReference'],
  ['Rights available to individuals', 'note'],
  ['Existence of automated decision-making, including profiling (if applicable)', 'automatedDecisionMaking'],
  ['The source of the personal data (if applicable)', 'source'],
  ['Link to record of consent', 'purposes[].consentRecordReference'],
  ['Location of personal data', 'systems'],
  ['Data Protection Impact Assessment required?', 'dpia.required'],
  ['Data Protection Impact Assessment progress', 'dpia.status'],
  ['Link to Data Protection Impact Assessment', 'dpia.link'],
  ['Personal data breach?', 'note'],
  ['Link to record of personal data breach', 'note'],
  ['Article 10 condition for processing criminal offence data (if applicable)', 'criminalOffenceData'],
  ['Retention and erasure policy document', 'note'],
  // Processor template
  ['Name and contact details of controller', 'controllersActedFor[].name'],
  ['Categories of processing', 'controllersActedFor[].processingCategories'],
  ['Link to contract with controller', 'controllersActedFor[].contact'],
  ['Name and contact details of controller\'s representative (if applicable)', 'controllersActedFor[].contact'],
  ['Name and contact details of controller\'s data protection officer (if applicable)', 'controllersActedFor[].contact']
])

const ENGLISH = entries('english', [
  ['Ref', 'previousReference'],
  ['Ref no', 'previousReference'],
  ['Reference', 'previousReference'],
  ['Reference number', 'previousReference'],
  ['ID', 'previousReference'],
  ['Name', 'name'],
  ['Activity', 'name'],
  ['Processing activity', 'name'],
  ['Name of processing activity', 'name'],
  ['Activity name', 'name'],
  ['Process', 'name'],
  ['Process name', 'name'],
  ['Description', 'description'],
  ['Department', 'businessFunction'],
  ['Team', 'businessFunction'],
  ['Function', 'businessFunction'],
  ['Purpose', 'purposes[].description'],
  ['Purposes', 'purposes[].description'],
  ['Purposes of processing', 'purposes[].description'],
  ['Lawful basis', 'purposes[].lawfulBasis'],
  ['Legal basis', 'purposes[].lawfulBasis'],
  ['Lawful basis for processing', 'purposes[].lawfulBasis'],
  ['Article 6 basis', 'purposes[].lawfulBasis'],
  ['Article 6 lawful basis', 'purposes[].lawfulBasis'],
  ['Legitimate interest', 'purposes[].legitimateInterest'],
  ['Legitimate interests', 'purposes[].legitimateInterest'],
  ['Data subjects', 'dataSubjects'],
  ['Categories of data subjects', 'dataSubjects'],
  ['Individuals', 'dataSubjects'],
  ['Data categories', 'dataCategories[].term'],
  ['Categories of data', 'dataCategories[].term'],
  ['Personal data', 'dataCategories[].term'],
  ['Types of personal data', 'dataCategories[].term'],
  ['Personal data categories', 'dataCategories[].term'],
  ['Special category data', 'specialCategories[].category'],
  ['Special categories', 'specialCategories[].category'],
  ['Article 9 condition', 'specialCategories[].condition'],
  ['Criminal offence data', 'criminalOffenceData'],
  ['Retention', 'dataCategories[].retention'],
  ['Retention period', 'dataCategories[].retention'],
  ['Retention schedule', 'dataCategories[].retention'],
  ['How long kept', 'dataCategories[].retention'],
  ['Recipients', 'recipients[]'],
  ['Recipient', 'recipients[]'],
  ['Shared with', 'recipients[]'],
  ['Third parties', 'recipients[]'],
  ['Disclosed to', 'recipients[]'],
  ['Processors', 'recipients[]'],
  ['Country', 'transfers[].country'],
  ['Countries', 'transfers[].country'],
  ['Transfer country', 'transfers[].country'],
  ['Third countries', 'transfers[].country'],
  ['International transfers', 'transfers[].country'],
  ['Transfers outside the EEA', 'transfers[].country'],
  ['Transfers outside the UK', 'transfers[].country'],
  ['Safeguard', 'transfers[].instrument'],
  ['Safeguards', 'transfers[].instrument'],
  ['Transfer mechanism', 'transfers[].instrument'],
  ['Transfer safeguard', 'transfers[].instrument'],
  ['TIA', 'transfers[].tiaReference'],
  ['Transfer impact assessment', 'transfers[].tiaReference'],
  ['Security', 'securityDescription'],
  ['Security measures', 'securityDescription'],
  ['TOMs', 'securityDescription'],
  ['Technical and organisational measures', 'securityDescription'],
  ['Owner', 'owner'],
  ['Process owner', 'owner'],
  ['Data owner', 'owner'],
  ['Information asset owner', 'owner'],
  ['Last reviewed', 'lastReviewed'],
  ['Review date', 'lastReviewed'],
  ['Date reviewed', 'lastReviewed'],
  ['Date of last review', 'lastReviewed'],
  ['Next review', 'nextReview'],
  ['Next review date', 'nextReview'],
  ['Systems', 'systems'],
  ['System', 'systems'],
  ['Location', 'systems'],
  ['Where stored', 'systems'],
  ['Source', 'source'],
  ['Source of data', 'source'],
  ['DPIA', 'dpia.required'],
  ['DPIA required', 'dpia.required'],
  ['DPIA status', 'dpia.status'],
  ['Status', 'status'],
  ['Role', 'role'],
  ['Controller or processor', 'role'],
  ['Joint controller', 'jointControllerDetails'],
  ['Automated decision-making', 'automatedDecisionMaking'],
  ['Notes', 'note'],
  ['Comments', 'note'],
  ['Remarks', 'note']
])

/** CNIL "modèle de registre" (table and fiches). */
const CNIL = entries('cnil', [
  ['Référence', 'previousReference'],
  ['N°', 'previousReference'],
  ['Numéro', 'previousReference'],
  ['Nom', 'name'],
  ['Nom du traitement', 'name'],
  ['Intitulé du traitement', 'name'],
  ['Traitement', 'name'],
  ['Activité de traitement', 'name'],
  ['Nom / sigle', 'name'],
  ['Description du traitement', 'description'],
  ['Service', 'businessFunction'],
  ['Direction', 'businessFunction'],
  ['Service concerné', 'businessFunction'],
  ['Finalité(s) du traitement', 'purposes[].description'],
  ['Finalité(s) du traitement effectué', 'purposes[].description'],
  ['Finalités', 'purposes[].description'],
  ['Finalité', 'purposes[].description'],
  ['Finalité principale', 'purposes[].description'],
  ['Sous-finalité', 'purposes[].description'],
  ['Base légale', 'purposes[].lawfulBasis'],
  ['Base juridique', 'purposes[].lawfulBasis'],
  ['Base légale du traitement', 'purposes[].lawfulBasis'],
  ['Catégories de personnes concernées', 'dataSubjects'],
  ['Personnes concernées', 'dataSubjects'],
  ['Catégories de données', 'dataCategories[].term'],
  ['Catégories de données personnelles', 'dataCategories[].term'],
  ['Catégories de données personnelles concernées', 'dataCategories[].term'],
  ['Données sensibles', 'specialCategories[].category'],
  ['Durées de conservation', 'dataCategories[].retention'],
  ['Durée de conservation', 'dataCategories[].retention'],
  ['Destinataires', 'recipients[]'],
  ['Catégories de destinataires', 'recipients[]'],
  ['Destinataires des données', 'recipients[]'],
  ['Sous-traitants', 'recipients[]'],
  ['Transferts hors UE', 'transfers[].country'],
  ['Transferts de données hors UE', 'transfers[].country'],
  ['Pays', 'transfers[].country'],
  ['Pays de destination', 'transfers[].country'],
  ['Garanties', 'transfers[].instrument'],
  ['Type de garanties', 'transfers[].instrument'],
  ['Garanties appropriées', 'transfers[].instrument'],
  ['Mesures de sécurité', 'securityDescription'],
  ['Mesures de sécurité techniques et organisationnelles', 'securityDescription'],
  ['Date de création', 'note'],
  ['Mise à jour', 'lastReviewed'],
  ['Dernière mise à jour', 'lastReviewed'],
  ['Responsable opérationnel', 'owner'],
  ['Observations', 'note'],
  ['Commentaires', 'note']
])

/** DSK "Muster: Verzeichnis von Verarbeitungstätigkeiten Verantwortlicher". */
const DSK = entries('dsk', [
  ['Nr.', 'previousReference'],
  ['Lfd. Nr.', 'previousReference'],
  ['Bezeichnung der Verarbeitungstätigkeit', 'name'],
  ['Verarbeitungstätigkeit', 'name'],
  ['Bezeichnung', 'name'],
  ['Beschreibung', 'description'],
  ['Verantwortliche Fachabteilung', 'businessFunction'],
  ['Fachabteilung', 'businessFunction'],
  ['Ansprechpartner', 'owner'],
  ['Zwecke der Verarbeitung', 'purposes[].description'],
  ['Zweck der Verarbeitung', 'purposes[].description'],
  ['Zweck', 'purposes[].description'],
  ['Rechtsgrundlage', 'purposes[].lawfulBasis'],
  ['Rechtsgrundlage der Verarbeitung', 'purposes[].lawfulBasis'],
  ['Kategorien betroffener Personen', 'dataSubjects'],
  ['Betroffene Personen', 'dataSubjects'],
  ['Kategorien personenbezogener Daten', 'dataCategories[].term'],
  ['Datenkategorien', 'dataCategories[].term'],
  ['Besondere Kategorien personenbezogener Daten', 'specialCategories[].category'],
  ['Kategorien von Empfängern', 'recipients[]'],
  ['Empfänger', 'recipients[]'],
  ['Übermittlungen in Drittländer', 'transfers[].country'],
  ['Übermittlung in Drittländer', 'transfers[].country'],
  ['Drittland', 'transfers[].country'],
  ['Drittländer', 'transfers[].country'],
  ['Geeignete Garantien', 'transfers[].instrument'],
  ['Garantien', 'transfers[].instrument'],
  ['Löschfristen', 'dataCategories[].retention'],
  ['Fristen für die Löschung', 'dataCategories[].retention'],
  ['Technische und organisatorische Maßnahmen', 'securityDescription'],
  ['TOM', 'securityDescription'],
  ['Datum der letzten Änderung', 'lastReviewed'],
  ['Letzte Änderung', 'lastReviewed'],
  ['Datum der Einführung', 'note'],
  ['Bemerkungen', 'note']
])

export const HEADING_DICTIONARY: readonly DictionaryEntry[] = [
  ...APP,
  ...ICO,
  ...ENGLISH,
  ...CNIL,
  ...layoutEntries('cnil', REGISTER_LAYOUTS.cnil),
  ...DSK,
  ...layoutEntries('dsk', REGISTER_LAYOUTS.dsk)
]

/** Labels of a contact block (above a table, or the "Acteurs" of a fiche). */
export type ContactRole = 'controller' | 'dpo' | 'representative'
export const CONTACT_LABELS: ReadonlyArray<readonly [string, ContactRole]> = [
  ['Controller', 'controller'],
  ['Data controller', 'controller'],
  ['Name and contact details of our organisation', 'controller'],
  ['Name and contact details of controller', 'controller'],
  ['Organisation', 'controller'],
  ['Data protection officer', 'dpo'],
  ['DPO', 'dpo'],
  ['Name and contact details of data protection officer', 'dpo'],
  ['Representative', 'representative'],
  ['Name and contact details of representative', 'representative'],
  ['EU representative', 'representative'],
  ['UK representative', 'representative'],
  ['Responsable du traitement', 'controller'],
  ['Organisme', 'controller'],
  ['Délégué à la protection des données', 'dpo'],
  ['Délégué à la protection des données (DPO)', 'dpo'],
  ['Représentant', 'representative'],
  ['Verantwortlicher', 'controller'],
  ['Verantwortliche Stelle', 'controller'],
  ['Name und Kontaktdaten des Verantwortlichen', 'controller'],
  ['Datenschutzbeauftragter', 'dpo'],
  ['Kontaktdaten des Datenschutzbeauftragten', 'dpo'],
  ['Vertreter', 'representative'],
  ['Vertreter in der Union', 'representative']
]

/** Lower case, no accents, no punctuation, no "(if applicable)"-style asides. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/\((if applicable|if possible|le cas echeant|falls zutreffend|optional)\)/g, ' ')
    .replace(/\(s\)/g, 's')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}
