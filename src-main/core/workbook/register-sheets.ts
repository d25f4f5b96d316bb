/**
 * The mapping from records to sheet rows, as plain data: every sheet's name, columns and a
 * row generator. Both writers consume this, and the CSV and the importer reuse the columns,
 * so the layout of the auditor's workbook is defined here once.
 *
 * Cells hold labels, not stored keys: the workbook is for people. Re-import must still be
 * lossless, so a hidden "Data" sheet carries each record's JSON, split into chunks below
 * Excel's per-cell limit. That is the simplest lossless route: rebuilding records from the
 * labelled cells would need every label to be unambiguous and every field to have a column,
 * and would silently drop anything a future model adds. The Cover's SHA-256 fingerprint of
 * the same records lets the importer detect a Data sheet that was edited or cut short.
 */
import { canonicalJson, type AuditAnchor, type AuditEntry, type ChainVerification } from '../audit/audit-chain'
import { chainBreakText } from '../audit/audit-text'
import type { Finding } from '../checks/finding'
import { checksSheets } from './checks-sheets'
import {
  ART9_CONDITION_LABELS,
  DPIA_REQUIRED_LABELS,
  DPIA_STATUS_LABELS,
  LAWFUL_BASIS_LABELS,
  RECIPIENT_TYPE_LABELS,
  RECORD_ROLE_LABELS,
  RECORD_STATUS_LABELS,
  RETENTION_END_ACTION_LABELS,
  RETENTION_MODE_LABELS,
  ART49_DEROGATION_LABELS,
  SCC_MODULE_LABELS,
  TRANSFER_INSTRUMENT_LABELS,
  TRANSFER_MECHANISM_LABELS,
  SECURITY_MEASURE_LABELS,
  SPECIAL_CATEGORY_LABELS,
  type LawfulBasis
} from '../records/enums'
import { referenceNumber, type ImportedCell, type OpenItemResolution, type Organisation, type Retention, type StoredRecord } from '../records/model'
import { describeFieldPath } from '../records/field-names'
import type { InstalledPack } from '../templates/installed-pack'
import { TRANSFER_LAW_AS_OF } from '../legal/transfer-law'
import { formatLongDate } from '../i18n/message'
import { destinationText, transferInstrumentText } from '../legal/transfer-text'
import { sha256Hex } from '../util/sha256'
import { termLabel } from '../vocabulary/vocabulary'
import type { Locale } from '../i18n'
import { formatArticle, lookupText } from '../i18n/catalogues'
import { LISTS, LIST_NAMES, MAX_CELL_CHARS, SHEET, WORKBOOK_FORMAT_MARK, type ColumnSpec, type ListName } from './columns'
import { REGISTER_LAYOUTS, type WorkbookLayoutName } from './layouts'
import { recordText, type RecordText } from './layouts/record-text'
import enWorkbook from '../i18n/locales/en/workbook'

export type CellValue = string | number

/** A vendor as far as the workbook needs it; the vendor model itself belongs to the templates work. */
export interface ExportVendor {
  id: string
  name?: unknown
  [key: string]: unknown
}

/** Everything an export needs, as plain data (it crosses IPC to the Node writer). */
export interface ExportData {
  organisation: Organisation | null
  records: StoredRecord[]
  vendors: ExportVendor[]
  appVersion: string
  /** ISO date-time of the export; also the conflict cut-off when the workbook is re-imported. */
  exportedAt: string
  /** A sentence describing the filters applied in the app, '' for the whole register. */
  filters: string
  /** The register sheets' model: 'ico' (default, English), 'cnil' (French) or 'dsk' (German). */
  layout?: WorkbookLayoutName
  /** The language of everything else (Cover, detail sheets, Findings, print texts); default the layout's. */
  locale?: Locale
  /**
   * `recordsFingerprint(records)`, when the caller can compute it faster (the Node writer
   * hashes with node:crypto); computed here otherwise.
   */
  fingerprint?: string
  /** Compliance findings for a "Findings" sheet; the caller runs the checks (it knows today and the installed packs). */
  findings?: Finding[]
  /** Audit trail entries for an "Audit trail" sheet. */
  auditLog?: AuditEntry[]
  /**
   * The whole audit trail's anchor (head hash and entry count) and whether the chain verified
   * against it at export, for the Cover: what an auditor compares a later backup or export with.
   */
  audit?: { anchor: AuditAnchor; verification: ChainVerification }
  /** The installed template packs (and earlier versions), so that evidence names the policy it quotes. */
  packs?: ExportPackSource[]
}

/** What the Evidence sheet says about the policy a pack quotes. */
export interface ExportPackSource {
  id: string
  version: string
  title: string
  effectiveDate: string
  lastUpdated: string
  sha256: string
}

/** The pack sources of installed packs and their earlier versions (as in a backup or the database). */
export function packSourcesOf(packs: ReadonlyArray<Pick<InstalledPack, 'pack'>>): ExportPackSource[] {
  return packs.map(({ pack }) => ({
    id: pack.id,
    version: pack.version,
    title: pack.source.title,
    effectiveDate: pack.source.effectiveDate ?? '',
    lastUpdated: pack.source.lastUpdated ?? '',
    sha256: pack.source.sha256
  }))
}

/** The Cover's labels for the audit anchor (in English), shared with tests and anyone reading the Cover. */
export const COVER_AUDIT = {
  section: enWorkbook['cover.audit'],
  count: enWorkbook['cover.auditCount'],
  head: enWorkbook['cover.auditHead'],
  verified: enWorkbook['cover.auditVerified']
} as const

export interface SheetLayout {
  name: string
  /** The language of its headings and Art. 30 marks; English when not set. */
  locale?: Locale
  state: 'visible' | 'hidden'
  columns: ColumnSpec[]
  /** A line above the headings that marks the columns Art. 30 requires. */
  art30Row: boolean
  rowCount: number
  rows(): Iterable<CellValue[]>
}

export function headerRowCount(layout: Pick<SheetLayout, 'art30Row'>): number {
  return layout.art30Row ? 2 : 1
}

export function art30Mark(column: ColumnSpec, locale: Locale = 'en'): string {
  return column.requiredByArt30 ? lookupText(locale, 'workbook:art30.required', { article: formatArticle(`Art. ${column.requiredByArt30}`, locale) }) : ''
}

export interface Column<T> extends ColumnSpec {
  value: (item: T) => CellValue
}

export function column<T>(key: string, header: string, width: number, value: (item: T) => CellValue, requiredByArt30: string | null = null, list: ListName | null = null): Column<T> {
  return { key, header, width, value, requiredByArt30, list }
}

const lines = (values: Iterable<string>): string => [...values].filter((value) => value !== '').join('\n')
const unique = <T>(values: T[]): T[] => [...new Set(values)]

export function retentionText(retention: Retention): string {
  const from = retention.fromEvent ? ` from ${retention.fromEvent}` : ''
  const then = `, then ${retention.endAction === '' ? '(not stated)' : RETENTION_END_ACTION_LABELS[retention.endAction].toLowerCase()}`
  if (retention.mode === 'period' && retention.period !== null) return `${retention.period} ${retention.unit}${from}${then}`
  if (retention.mode === 'criterion') return `${retention.criterion}${retention.fromEvent ? ` (counted from ${retention.fromEvent})` : ''}${then}`
  return RETENTION_MODE_LABELS.unspecified
}

/**
 * The rights an individual has follow from the lawful basis (ICO guidance, "lawful basis and
 * individual rights"); the register does not store them, so the column is derived.
 */
const RIGHTS_BY_BASIS: Record<LawfulBasis, string[]> = {
  a: ['access', 'rectification', 'erasure', 'restriction', 'portability', 'withdraw consent'],
  b: ['access', 'rectification', 'erasure', 'restriction', 'portability'],
  c: ['access', 'rectification', 'restriction'],
  d: ['access', 'rectification', 'erasure', 'restriction'],
  e: ['access', 'rectification', 'restriction', 'object'],
  f: ['access', 'rectification', 'erasure', 'restriction', 'object']
}
const RIGHT_ORDER = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'object', 'withdraw consent']

function rightsAvailable(record: StoredRecord): string {
  const bases = unique(record.purposes.map((purpose) => purpose.lawfulBasis).filter((basis): basis is LawfulBasis => basis !== ''))
  const rights = new Set(bases.flatMap((basis) => RIGHTS_BY_BASIS[basis]))
  const ordered = RIGHT_ORDER.filter((right) => rights.has(right))
  return ordered.length === 0 ? '' : `Right to ${ordered.join(', ')} (follows from the lawful basis)`
}

const purposesOf = (record: StoredRecord) => lines(record.purposes.map((purpose) => purpose.description))
const subjectsOf = (record: StoredRecord) => lines(record.dataSubjects.map(termLabel))
const categoriesOf = (record: StoredRecord) => lines(record.dataCategories.map((category) => termLabel(category.term)))
const recipientsOf = (record: StoredRecord) => lines(record.recipients.map((recipient) => `${recipient.name} (${RECIPIENT_TYPE_LABELS[recipient.type]})`))
const countriesOf = (record: StoredRecord) => lines(record.transfers.map((transfer) => `${destinationText(transfer) || 'Not stated'} (${transfer.recipient || 'Not stated'})`))
const safeguardsOf = (record: StoredRecord) =>
  lines(record.transfers.map((transfer) => `${destinationText(transfer) || 'Not stated'}: ${transferInstrumentText(transfer)}${transfer.documentation ? ` — ${transfer.documentation}` : ''}`))
const securityOf = (record: StoredRecord) => lines([...record.securityMeasures.map((measure) => SECURITY_MEASURE_LABELS[measure]), record.securityDescription])
/** One basis when all purposes share it, else one line per purpose in purpose order (so that an import can pair them). */
function lawfulBasesOf(record: StoredRecord): string {
  const labels = record.purposes.map((purpose) => (purpose.lawfulBasis ? LAWFUL_BASIS_LABELS[purpose.lawfulBasis] : 'Not yet given'))
  return unique(labels).length === 1 ? labels[0]! : lines(labels)
}
const dateOrBlank = (value: string) => value

const identityColumns = [
  column<StoredRecord>('reference', 'Reference', 11, (record) => record.reference),
  column<StoredRecord>('name', 'Processing activity', 28, (record) => record.name),
  column<StoredRecord>('status', 'Status', 12, (record) => RECORD_STATUS_LABELS[record.status], null, 'status'),
  column<StoredRecord>('role', 'Role', 14, (record) => RECORD_ROLE_LABELS[record.role], null, 'role'),
  column<StoredRecord>('businessFunction', 'Business function', 18, (record) => record.businessFunction)
]

const reviewColumns = [
  column<StoredRecord>('owner', 'Owner', 18, (record) => record.owner),
  column<StoredRecord>('lastReviewed', 'Last reviewed', 13, (record) => dateOrBlank(record.lastReviewed)),
  column<StoredRecord>('nextReview', 'Next review', 13, (record) => dateOrBlank(record.nextReview))
]

/** Art. 30(1), headings after the UK ICO controller documentation template. */
export const CONTROLLER_COLUMNS: Column<StoredRecord>[] = [
  ...identityColumns,
  column('purposes', 'Purpose of processing', 40, purposesOf, '30(1)(b)'),
  column('jointController', 'Name and contact details of joint controller (if applicable)', 30, (record) => record.jointControllerDetails, '30(1)(a)'),
  column('dataSubjects', 'Categories of individuals', 24, subjectsOf, '30(1)(c)'),
  column('dataCategories', 'Categories of personal data', 30, categoriesOf, '30(1)(c)'),
  column('recipients', 'Categories of recipients', 30, recipientsOf, '30(1)(d)'),
  column('contracts', 'Link to contract with processor', 26, (record) =>
    lines(record.recipients.filter((recipient) => recipient.contractReference).map((recipient) => `${recipient.name}: ${recipient.contractReference}`))
  ),
  column('countries', 'Names of third countries or international organisations that personal data are transferred to (if applicable)', 30, countriesOf, '30(1)(e)'),
  column('safeguards', 'Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)', 36, safeguardsOf, '30(1)(e)'),
  column('retention', 'Retention schedule (if possible)', 40, (record) =>
    lines(record.dataCategories.map((category) => `${termLabel(category.term)}: ${retentionText(category.retention)}`)), '30(1)(f)'),
  column('security', 'General description of technical and organisational security measures (if possible)', 40, securityOf, '30(1)(g)'),
  column('lawfulBasis', 'Article 6 lawful basis for processing personal data', 30, lawfulBasesOf),
  column('article9', 'Article 9 condition for processing special category data', 30, (record) =>
    lines(record.specialCategories.map((special) => `${SPECIAL_CATEGORY_LABELS[special.category]}: ${special.condition ? ART9_CONDITION_LABELS[special.condition] : 'condition not yet given'}`))
  ),
  column('criminalOffence', 'Criminal offence data (Art. 10)', 20, (record) =>
    record.criminalOffenceData.processed ? `Yes${record.criminalOffenceData.basis ? `: ${record.criminalOffenceData.basis}` : ''}` : 'No'
  ),
  column('legitimateInterests', 'Legitimate interests for the processing (if applicable)', 36, (record) => lines(record.purposes.map((purpose) => purpose.legitimateInterest))),
  column('liaLink', 'Link to record of legitimate interests assessment (if applicable)', 24, (record) => lines(record.purposes.map((purpose) => purpose.liaReference))),
  column('rights', 'Rights available to individuals', 30, rightsAvailable),
  column('automatedDecisionMaking', 'Existence of automated decision-making, including profiling (if applicable)', 26, (record) =>
    record.automatedDecisionMaking.exists ? lines(['Yes', record.automatedDecisionMaking.description]) : 'No'
  ),
  column('source', 'The source of the personal data (if applicable)', 24, (record) => record.source),
  column('consentLink', 'Link to record of consent', 24, (record) => lines(record.purposes.map((purpose) => purpose.consentRecordReference))),
  column('location', 'Location of personal data', 22, (record) => record.systems),
  column('dpiaRequired', 'Data Protection Impact Assessment required?', 16, (record) => DPIA_REQUIRED_LABELS[record.dpia.required], null, 'dpiaRequired'),
  column('dpiaStatus', 'Data Protection Impact Assessment progress', 16, (record) => (record.dpia.status ? DPIA_STATUS_LABELS[record.dpia.status] : ''), null, 'dpiaStatus'),
  column('dpiaLink', 'Link to Data Protection Impact Assessment', 24, (record) => record.dpia.link),
  ...reviewColumns
]

/** Art. 30(2). */
export const PROCESSOR_COLUMNS: Column<StoredRecord>[] = [
  ...identityColumns,
  column('controllersActedFor', 'Controllers on whose behalf we act', 30, (record) => lines(record.controllersActedFor.map((controller) => controller.name)), '30(2)(a)'),
  column('controllerContacts', 'Contact details of each controller, its representative and DPO', 40, (record) =>
    lines(
      record.controllersActedFor.map((controller) =>
        [controller.name, controller.contact, controller.representative && `representative: ${controller.representative}`, controller.dpo && `DPO: ${controller.dpo}`]
          .filter(Boolean)
          .join('; ')
      )
    ), '30(2)(a)'),
  column('processingCategories', 'Categories of processing carried out on behalf of each controller', 40, (record) =>
    lines(record.controllersActedFor.map((controller) => `${controller.name}: ${controller.processingCategories}`)), '30(2)(b)'),
  column('countries', 'Names of third countries or international organisations that personal data are transferred to (if applicable)', 30, countriesOf, '30(2)(c)'),
  column('safeguards', 'Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)', 36, safeguardsOf, '30(2)(c)'),
  column('security', 'General description of technical and organisational security measures (if possible)', 40, securityOf, '30(2)(d)'),
  column('dataSubjects', 'Categories of individuals', 24, subjectsOf),
  column('dataCategories', 'Categories of personal data', 30, categoriesOf),
  column('recipients', 'Sub-processors and other recipients', 30, recipientsOf),
  ...reviewColumns
]

/** CSV: one row per activity, controller and processor columns together. */
export const CSV_COLUMNS: Column<StoredRecord>[] = [
  ...CONTROLLER_COLUMNS,
  ...PROCESSOR_COLUMNS.filter((candidate) => !CONTROLLER_COLUMNS.some((existing) => existing.key === candidate.key))
]

interface Item<T> {
  record: StoredRecord
  item: T
}
type ItemColumn<T> = Column<Item<T>>
const keyColumns = <T>(): ItemColumn<T>[] => [
  column('reference', 'Reference', 11, ({ record }) => record.reference),
  column('activity', 'Processing activity', 28, ({ record }) => record.name)
]

type PurposeItem = StoredRecord['purposes'][number]
export const PURPOSE_COLUMNS: ItemColumn<PurposeItem>[] = [
  ...keyColumns<PurposeItem>(),
  column('purpose', 'Purpose', 44, ({ item }) => item.description, '30(1)(b)'),
  column('uses', 'Data uses', 30, ({ item }) => lines(item.uses.map(termLabel))),
  column('lawfulBasis', 'Article 6 lawful basis', 30, ({ item }) => (item.lawfulBasis ? LAWFUL_BASIS_LABELS[item.lawfulBasis] : ''), null, 'lawfulBasis'),
  column('legitimateInterest', 'Legitimate interest', 36, ({ item }) => item.legitimateInterest),
  column('liaReference', 'Link to legitimate interests assessment', 24, ({ item }) => item.liaReference),
  column('consentRecordReference', 'Link to record of consent', 24, ({ item }) => item.consentRecordReference)
]

type CategoryItem = StoredRecord['dataCategories'][number]
export const DATA_CATEGORY_COLUMNS: ItemColumn<CategoryItem>[] = [
  ...keyColumns<CategoryItem>(),
  column('category', 'Category of personal data', 30, ({ item }) => termLabel(item.term), '30(1)(c)'),
  column('description', 'Description', 30, ({ item }) => item.description),
  column('retention', 'Retention', 40, ({ item }) => retentionText(item.retention), '30(1)(f)'),
  column('retentionMode', 'Retention set by', 18, ({ item }) => RETENTION_MODE_LABELS[item.retention.mode]),
  column('period', 'Period', 9, ({ item }) => item.retention.period ?? ''),
  column('unit', 'Unit', 9, ({ item }) => (item.retention.period === null ? '' : item.retention.unit)),
  column('fromEvent', 'Counted from', 24, ({ item }) => item.retention.fromEvent),
  column('endAction', 'At the end', 12, ({ item }) => (item.retention.endAction === '' ? '' : RETENTION_END_ACTION_LABELS[item.retention.endAction])),
  column('criterion', 'Criterion', 30, ({ item }) => item.retention.criterion)
]

type RecipientItem = StoredRecord['recipients'][number]
export const RECIPIENT_COLUMNS: ItemColumn<RecipientItem>[] = [
  ...keyColumns<RecipientItem>(),
  column('recipient', 'Recipient', 30, ({ item }) => item.name, '30(1)(d)'),
  column('type', 'Recipient type', 16, ({ item }) => RECIPIENT_TYPE_LABELS[item.type], null, 'recipientType'),
  column('contractReference', 'Link to contract', 24, ({ item }) => item.contractReference),
  column('vendorId', 'Vendor', 16, ({ item }) => item.vendorId),
  column('notes', 'Notes', 30, ({ item }) => item.notes)
]

type TransferItem = StoredRecord['transfers'][number]
export const TRANSFER_COLUMNS: ItemColumn<TransferItem>[] = [
  ...keyColumns<TransferItem>(),
  column('recipient', 'Recipient', 26, ({ item }) => item.recipient, '30(1)(e)'),
  column('country', 'Third country or international organisation', 26, ({ item }) => destinationText(item), '30(1)(e)'),
  column('countryCode', 'Country or organisation code', 12, ({ item }) => item.countryCode),
  column('mechanism', 'Transfer mechanism', 30, ({ item }) => (item.mechanism ? TRANSFER_MECHANISM_LABELS[item.mechanism] : ''), '30(1)(e)', 'transferMechanism'),
  column('instrument', 'Transfer instrument', 36, ({ item }) => (item.instrument ? TRANSFER_INSTRUMENT_LABELS[item.instrument] : ''), null, 'transferInstrument'),
  column('sccModule', 'SCC module', 28, ({ item }) => (item.sccModule ? SCC_MODULE_LABELS[item.sccModule] : '')),
  column('derogation', 'Art. 49 derogation', 32, ({ item }) => (item.derogation ? ART49_DEROGATION_LABELS[item.derogation] : '')),
  column('documentation', 'Documentation of safeguards', 40, ({ item }) => item.documentation),
  column('tiaReference', 'Transfer impact assessment', 24, ({ item }) => item.tiaReference)
]

interface EvidenceRow {
  kind: string
  field: string
  quote: string
  note: string
  source: ExportPackSource | null
  imported: ImportedCell | null
}

const IMPORTED_KIND = 'Imported from a spreadsheet'
/** A quote from a pack without source text: never checked against the policy. */
const UNVERIFIED_KIND = 'Evidence (unverified)'

function policyDate(source: ExportPackSource): string {
  return [source.effectiveDate && `effective ${source.effectiveDate}`, source.lastUpdated && `last updated ${source.lastUpdated}`].filter(Boolean).join('; ')
}

/**
 * One row per quote (or per imported cell): the record, the field in the editor's words, and
 * where the words come from — the pack and its policy (title, date, SHA-256 of the text), or
 * the file, sheet and cell of an import — so that an auditor can find the source.
 */
export const EVIDENCE_COLUMNS: ItemColumn<EvidenceRow>[] = [
  ...keyColumns<EvidenceRow>(),
  column('kind', 'Kind', 16, ({ item }) => item.kind),
  column('field', 'Field', 26, ({ item }) => item.field),
  column('pack', 'Template pack', 18, ({ item, record }) => (item.imported ? '' : (record.origin?.packId ?? ''))),
  column('packVersion', 'Pack version', 9, ({ item, record }) => (item.imported ? '' : (record.origin?.packVersion ?? ''))),
  column('templateActivity', 'Template activity', 18, ({ item, record }) => (item.imported ? '' : (record.origin?.activityId ?? ''))),
  column('policy', 'Policy (source document)', 30, ({ item }) => item.source?.title ?? ''),
  column('policyDate', 'Policy date', 20, ({ item }) => (item.source ? policyDate(item.source) : '')),
  column('policySha256', 'SHA-256 of the policy text', 22, ({ item }) => item.source?.sha256 ?? ''),
  column('quote', 'Quote from the source (verbatim)', 60, ({ item }) => item.quote),
  column('file', 'Imported from file', 22, ({ item }) => item.imported?.file ?? ''),
  column('sheet', 'Sheet', 16, ({ item }) => item.imported?.sheet ?? ''),
  column('cell', 'Cell', 8, ({ item }) => item.imported?.cell ?? ''),
  column('heading', 'Column heading', 22, ({ item }) => item.imported?.heading ?? ''),
  column('originalText', 'Original text', 40, ({ item }) => item.imported?.text ?? ''),
  column('note', 'Note', 30, ({ item }) => item.note)
]

const OPEN_ITEM_KINDS: Record<OpenItemResolution, string> = { open: 'Open item', resolved: 'Open item (resolved)', accepted: 'Open item (accepted)' }

function evidenceRowsOf(record: StoredRecord, sources: ReadonlyMap<string, ExportPackSource>): EvidenceRow[] {
  const source = record.origin ? (sources.get(`${record.origin.packId}@${record.origin.packVersion}`) ?? null) : null
  const unknownSource =
    record.origin && !source ? `Pack ${record.origin.packId} version ${record.origin.packVersion} is not installed, so its policy is not named here` : ''
  const byQuote = (kind: string, field: string, quotes: readonly string[], note: string): EvidenceRow[] =>
    (quotes.length === 0 ? [''] : quotes).map((quote) => ({
      kind,
      field: describeFieldPath(field),
      quote,
      note: [note, unknownSource].filter(Boolean).join('\n'),
      source,
      imported: null
    }))
  return [
    ...record.evidence.flatMap((evidence) => byQuote(evidence.verified === false ? UNVERIFIED_KIND : 'Evidence', evidence.field, evidence.quotes, evidence.note)),
    ...record.openItems.flatMap((open) => byQuote(OPEN_ITEM_KINDS[open.resolution], open.field, open.quotes, open.resolution === 'accepted' ? `${open.note} — Accepted: ${open.resolutionNote}` : open.note)),
    ...record.importedFrom.map((cell) => ({
      kind: IMPORTED_KIND,
      field: cell.field === '' ? 'Kept as a note' : describeFieldPath(cell.field),
      quote: '',
      note: '',
      source: null,
      imported: cell
    }))
  ]
}

/** A vendor field as text: strings as they are, lists one per line, anything else left out. */
function vendorText(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return lines(value.filter((item): item is string => typeof item === 'string'))
  return ''
}

export const VENDOR_COLUMNS: Column<{ vendor: ExportVendor; usedBy: string }>[] = [
  column('id', 'Vendor ID', 18, ({ vendor }) => vendor.id),
  column('name', 'Vendor', 24, ({ vendor }) => vendorText(vendor.name)),
  column('legalEntities', 'Legal entities', 28, ({ vendor }) => vendorText(vendor.legalEntities)),
  column('privacyContact', 'Privacy contact', 26, ({ vendor }) => vendorText(vendor.privacyContact)),
  column('dpoContact', 'DPO contact', 26, ({ vendor }) => vendorText(vendor.dpoContact)),
  column('euRepresentative', 'EU representative', 26, ({ vendor }) => vendorText(vendor.euRepresentative)),
  column('controllerFor', 'Controller for', 28, ({ vendor }) => vendorText(vendor.controllerFor)),
  column('processorFor', 'Processor for', 28, ({ vendor }) => vendorText(vendor.processorFor)),
  column('packId', 'Template pack', 16, ({ vendor }) => vendorText(vendor.packId)),
  column('notes', 'Notes', 30, ({ vendor }) => vendorText(vendor.notes)),
  column('usedBy', 'Used by (references)', 30, ({ usedBy }) => usedBy)
]

export const DATA_COLUMNS: ColumnSpec[] = [
  { key: 'reference', header: 'Reference', width: 11, requiredByArt30: null, list: null },
  { key: 'part', header: 'Part', width: 6, requiredByArt30: null, list: null },
  { key: 'characters', header: 'Characters', width: 10, requiredByArt30: null, list: null },
  { key: 'json', header: 'Record JSON', width: 80, requiredByArt30: null, list: null }
]

export const COVER_COLUMNS: ColumnSpec[] = [
  { key: 'section', header: 'Section', width: 22, requiredByArt30: null, list: null },
  { key: 'item', header: 'Item', width: 28, requiredByArt30: null, list: null },
  { key: 'value', header: 'Value', width: 80, requiredByArt30: null, list: null }
]

/** The Data sheet's reference cell for the organisation profile's JSON, which re-import restores. */
export const ORGANISATION_DATA_REFERENCE = 'Organisation profile'

/** The Data sheet's split of a JSON text below the cell limit; `characters` lets the importer check each part. */
export function jsonChunks(json: string): Array<{ part: number; characters: number; json: string }> {
  const chunks = []
  for (let start = 0, part = 1; start < json.length || part === 1; start += MAX_CELL_CHARS, part++) {
    const slice = json.slice(start, start + MAX_CELL_CHARS)
    chunks.push({ part, characters: slice.length, json: slice })
  }
  return chunks
}

/** The Data sheet's split of one record's JSON. */
export function recordChunks(record: StoredRecord): Array<{ part: number; characters: number; json: string }> {
  return jsonChunks(JSON.stringify(record))
}

/** Records in reference order, so that two exports of the same register are identical. */
export function sortByReference(records: readonly StoredRecord[]): StoredRecord[] {
  return [...records].sort((a, b) => referenceNumber(a.reference) - referenceNumber(b.reference) || (a.reference < b.reference ? -1 : 1))
}

/** What the fingerprint hashes: the canonical JSON of the exported records, in reference order. */
export function fingerprintInput(records: readonly StoredRecord[]): string {
  return canonicalJson(sortByReference(records))
}

/** SHA-256 of the canonical JSON of the exported records (in reference order). */
export function recordsFingerprint(records: readonly StoredRecord[]): string {
  return sha256Hex(fingerprintInput(records))
}

function countBy<T extends string>(records: readonly StoredRecord[], key: (record: StoredRecord) => T, labels: Record<T, string>): Array<[string, number]> {
  return (Object.keys(labels) as T[]).map((value) => [labels[value], records.filter((record) => key(record) === value).length])
}

/** The Cover row that dates the adequacy decisions and instrument validity the findings used. */
export const TRANSFER_LAW_COVER_LABEL = enWorkbook['cover.transferLaw']

function coverRows(data: ExportData, records: StoredRecord[], locale: Locale): CellValue[][] {
  const say = (key: string) => lookupText(locale, `workbook:cover.${key}`)
  const rows: CellValue[][] = [[say('workbook'), say('format'), WORKBOOK_FORMAT_MARK]]
  const organisation = data.organisation
  const contact = (section: string, value: { name: string; address: string; email: string; phone: string }) =>
    rows.push([section, say('name'), value.name], [section, say('address'), value.address], [section, say('email'), value.email], [section, say('phone'), value.phone])
  if (organisation) {
    contact(say('controller'), organisation.controller)
    contact(say('dpo'), organisation.dpo)
    contact(say('representative'), organisation.representative)
    for (const joint of organisation.jointControllers) rows.push([say('jointController'), joint.name, lines([joint.address, joint.email, joint.phone])])
  } else {
    rows.push([say('controller'), say('name'), say('noOrganisation')])
  }
  // The export time stays ISO: the importer reads it back to tell conflicts.
  rows.push(
    [say('export'), say('exportedAt'), data.exportedAt],
    [say('export'), say('appVersion'), data.appVersion],
    [say('export'), say('filters'), data.filters || say('noFilters')],
    [say('export'), say('records'), records.length],
    [say('export'), say('transferLaw'), formatLongDate(TRANSFER_LAW_AS_OF, locale)]
  )
  const labels = <T extends string>(group: string, map: Record<T, string>) =>
    Object.fromEntries(Object.keys(map).map((key) => [key, lookupText(locale, `labels:${group}.${key}`)])) as Record<T, string>
  for (const [label, count] of countBy(records, (record) => record.role, labels('role', RECORD_ROLE_LABELS))) rows.push([say('byRole'), label, count])
  for (const [label, count] of countBy(records, (record) => record.status, labels('status', RECORD_STATUS_LABELS))) rows.push([say('byStatus'), label, count])
  rows.push([say('export'), say('fingerprint'), data.fingerprint ?? recordsFingerprint(records)])
  if (data.audit) {
    const { anchor, verification } = data.audit
    rows.push(
      [say('audit'), say('auditCount'), anchor.count],
      [say('audit'), say('auditHead'), anchor.headHash],
      [say('audit'), say('auditVerified'), verification.ok ? say('auditIntact') : `${say('auditBroken')} ${chainBreakText(verification.firstBreak)}`]
    )
  }
  return rows
}

/** The Cover's item labels in every language: the importer finds the export time and fingerprint whatever the language. */
export function coverItemLabels(item: 'exportedAt' | 'fingerprint'): string[] {
  return [...new Set((['en', 'fr', 'de'] as const).map((locale) => lookupText(locale, `workbook:cover.${item}`)))]
}

function itemLayout<T>(name: string, columns: ItemColumn<T>[], records: StoredRecord[], itemsOf: (record: StoredRecord) => T[]): SheetLayout {
  return {
    name,
    state: 'visible',
    columns,
    art30Row: columns.some((spec) => spec.requiredByArt30 !== null),
    rowCount: records.reduce((sum, record) => sum + itemsOf(record).length, 0),
    *rows() {
      for (const record of records) for (const item of itemsOf(record)) yield columns.map((spec) => spec.value({ record, item }))
    }
  }
}

function recordLayout(name: string, columns: Column<StoredRecord>[], records: StoredRecord[]): SheetLayout {
  return {
    name,
    state: 'visible',
    columns,
    art30Row: true,
    rowCount: records.length,
    *rows() {
      for (const record of records) yield columns.map((spec) => spec.value(record))
    }
  }
}

/** Only the plain ColumnSpec fields (the value functions stay here). */
function specs(columns: ColumnSpec[]): ColumnSpec[] {
  return columns.map(({ key, header, width, requiredByArt30, list }) => ({ key, header, width, requiredByArt30, list }))
}

/** A sheet's name in the export's language (Data and Lists keep theirs: machines read them). */
export function sheetName(key: keyof typeof SHEET, locale: Locale): string {
  return locale === 'en' ? SHEET[key] : lookupText(locale, `workbook:sheet.${key}`)
}

/** A detail sheet's headings in the export's language; English where the catalogue has none. */
function localised(sheet: keyof typeof SHEET, columns: ColumnSpec[], locale: Locale): ColumnSpec[] {
  if (locale === 'en') return specs(columns)
  return specs(columns).map((spec) => {
    const key = `workbook:col.${sheet}.${spec.key}`
    const header = lookupText(locale, key)
    return header === key.slice('workbook:'.length) ? spec : { ...spec, header }
  })
}

function withValues<T>(columns: ItemColumn<T>[], values: Record<string, (item: Item<T>) => CellValue>): ItemColumn<T>[] {
  return columns.map((column) => (values[column.key] ? { ...column, value: values[column.key]! } : column))
}

/** The detail sheets' labelled cells in the export's language (the English columns say them with the app's labels). */
function detailColumns(text: RecordText) {
  const { label, term } = text
  return {
    purposes: withValues(PURPOSE_COLUMNS, { uses: ({ item }) => lines(item.uses.map(term)), lawfulBasis: ({ item }) => label('lawfulBasis', item.lawfulBasis) }),
    dataCategories: withValues(DATA_CATEGORY_COLUMNS, {
      category: ({ item }) => term(item.term),
      retention: ({ item }) => text.retentionOf(item.retention),
      retentionMode: ({ item }) => label('retentionMode', item.retention.mode),
      unit: ({ item }) => (item.retention.period === null ? '' : label('retentionUnit', item.retention.unit)),
      endAction: ({ item }) => label('endAction', item.retention.endAction)
    }),
    recipients: withValues(RECIPIENT_COLUMNS, { type: ({ item }) => label('recipientType', item.type) }),
    transfers: withValues(TRANSFER_COLUMNS, {
      mechanism: ({ item }) => label('mechanism', item.mechanism),
      instrument: ({ item }) => label('instrument', item.instrument),
      sccModule: ({ item }) => label('sccModule', item.sccModule),
      derogation: ({ item }) => label('derogation', item.derogation)
    })
  }
}

/** The drop-down lists in the export's language, in the same order as the English ones (core/workbook/columns.ts `LISTS`). */
const LIST_LABEL_GROUPS: Record<ListName, [group: string, keys: readonly string[]]> = {
  role: ['role', Object.keys(RECORD_ROLE_LABELS)],
  status: ['status', Object.keys(RECORD_STATUS_LABELS)],
  lawfulBasis: ['lawfulBasis', Object.keys(LAWFUL_BASIS_LABELS)],
  transferMechanism: ['mechanism', Object.keys(TRANSFER_MECHANISM_LABELS)],
  transferInstrument: ['instrument', Object.keys(TRANSFER_INSTRUMENT_LABELS)],
  recipientType: ['recipientType', Object.keys(RECIPIENT_TYPE_LABELS)],
  dpiaRequired: ['dpiaRequired', Object.keys(DPIA_REQUIRED_LABELS)],
  dpiaStatus: ['dpiaStatus', Object.keys(DPIA_STATUS_LABELS)]
}
function listLabels(list: ListName, text: RecordText): readonly string[] {
  if (text.locale === 'en') return LISTS[list].labels
  const [group, keys] = LIST_LABEL_GROUPS[list]
  return keys.map((key) => text.label(group, key))
}

/** The English headings the `workbook` catalogue translates (`sheet.*`, `col.<sheet>.<column>`), for the catalogue tests. */
export function englishSheetTexts(): Record<string, string> {
  const texts: Record<string, string> = {}
  // Data and Lists are read by machines; the register sheets' names come with their layout.
  for (const [key, name] of Object.entries(SHEET)) if (!['data', 'lists', 'controller', 'processor'].includes(key)) texts[`sheet.${key}`] = name
  const detail: Array<[string, ColumnSpec[]]> = [
    ['purposes', PURPOSE_COLUMNS],
    ['dataCategories', DATA_CATEGORY_COLUMNS],
    ['recipients', RECIPIENT_COLUMNS],
    ['transfers', TRANSFER_COLUMNS],
    ['vendors', VENDOR_COLUMNS],
    ['evidence', EVIDENCE_COLUMNS],
    ['cover', COVER_COLUMNS]
  ]
  for (const [sheet, columns] of detail) for (const spec of columns) texts[`col.${sheet}.${spec.key}`] = spec.header
  return texts
}

/** The language of an export: the one chosen, or the layout's own. */
export function exportLocale(data: Pick<ExportData, 'layout' | 'locale'>): Locale {
  return data.locale ?? REGISTER_LAYOUTS[data.layout ?? 'ico'].locale
}

/** Every sheet of the workbook in order. Rows are generated lazily so that a streaming writer never holds them all. */
export function registerSheets(data: ExportData): SheetLayout[] {
  const layout = REGISTER_LAYOUTS[data.layout ?? 'ico']
  const locale = exportLocale(data)
  const text = recordText(locale)
  const controllerColumns = layout.controller.columns(text)
  const processorColumns = layout.processor.columns(text)
  const name = (key: keyof typeof SHEET) => sheetName(key, locale)
  const records = sortByReference(data.records)
  const controllerRecords = records.filter((record) => record.role !== 'processor')
  const processorRecords = records.filter((record) => record.role === 'processor')
  const cover = coverRows(data, records, locale)
  const usedBy = (vendorId: string) =>
    lines(records.filter((record) => record.recipients.some((recipient) => recipient.vendorId === vendorId)).map((record) => record.reference)).replace(/\n/g, ', ')
  const listLength = Math.max(...LIST_NAMES.map((list) => LISTS[list].labels.length))
  const details = locale === 'en' ? { purposes: PURPOSE_COLUMNS, dataCategories: DATA_CATEGORY_COLUMNS, recipients: RECIPIENT_COLUMNS, transfers: TRANSFER_COLUMNS } : detailColumns(text)
  const packSources = new Map((data.packs ?? []).map((source) => [`${source.id}@${source.version}`, source]))
  const organisationChunks = data.organisation ? jsonChunks(JSON.stringify(data.organisation)) : []

  const sheets: SheetLayout[] = [
    { name: name('cover'), state: 'visible', columns: localised('cover', COVER_COLUMNS, locale), art30Row: false, rowCount: cover.length, rows: () => cover },
    { ...recordLayout(layout.controller.sheet, controllerColumns, controllerRecords), columns: specs(controllerColumns) },
    { ...recordLayout(layout.processor.sheet, processorColumns, processorRecords), columns: specs(processorColumns) },
    { ...itemLayout(name('purposes'), details.purposes, records, (record) => record.purposes), columns: localised('purposes', PURPOSE_COLUMNS, locale) },
    { ...itemLayout(name('dataCategories'), details.dataCategories, records, (record) => record.dataCategories), columns: localised('dataCategories', DATA_CATEGORY_COLUMNS, locale) },
    { ...itemLayout(name('recipients'), details.recipients, records, (record) => record.recipients), columns: localised('recipients', RECIPIENT_COLUMNS, locale) },
    { ...itemLayout(name('transfers'), details.transfers, records, (record) => record.transfers), columns: localised('transfers', TRANSFER_COLUMNS, locale) },
    {
      name: name('vendors'),
      state: 'visible',
      columns: localised('vendors', VENDOR_COLUMNS, locale),
      art30Row: false,
      rowCount: data.vendors.length,
      *rows() {
        for (const vendor of data.vendors) yield VENDOR_COLUMNS.map((spec) => spec.value({ vendor, usedBy: usedBy(vendor.id) }))
      }
    },
    { ...itemLayout(name('evidence'), EVIDENCE_COLUMNS, records, (record) => evidenceRowsOf(record, packSources)), columns: localised('evidence', EVIDENCE_COLUMNS, locale) },
    ...checksSheets(data, records, locale),
    {
      name: SHEET.lists,
      state: 'hidden',
      columns: LIST_NAMES.map((list) => ({ key: list, header: LISTS[list].header, width: 30, requiredByArt30: null, list: null })),
      art30Row: false,
      rowCount: listLength,
      *rows() {
        const labels = LIST_NAMES.map((list) => listLabels(list, text))
        for (let index = 0; index < listLength; index++) yield labels.map((list) => list[index] ?? '')
      }
    },
    {
      name: SHEET.data,
      state: 'hidden',
      columns: DATA_COLUMNS,
      art30Row: false,
      rowCount: records.length,
      *rows() {
        for (const chunk of organisationChunks) yield [ORGANISATION_DATA_REFERENCE, chunk.part, chunk.characters, chunk.json]
        for (const record of records) for (const chunk of recordChunks(record)) yield [record.reference, chunk.part, chunk.characters, chunk.json]
      }
    }
  ]
  return sheets.map((sheet) => ({ ...sheet, locale }))
}
