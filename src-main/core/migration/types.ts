/**
 * The migration engine's data shapes, shared by the CLI (`ropa import`) and the guided-import
 * screens. Everything here is plain data: a spreadsheet read into text cells, a mapping of
 * columns to record fields (zod-validated, so that it can be saved and reused as JSON), and an
 * import plan that the caller stores all or nothing.
 */
import type { MessageRef } from '../i18n/message'
import { z } from 'zod'
import type { Contact, ImportedCell, RecordForm } from '../records/model'
import type { Problem } from '../util/problems'

// ---------------------------------------------------------------- the spreadsheet as read

export type SpreadsheetFormat = 'xlsx' | 'ods' | 'csv'

/** A merged range, 1-based and inclusive, with its A1 form (e.g. `B3:D3`). */
export interface MergedRange {
  range: string
  top: number
  left: number
  bottom: number
  right: number
}

export interface SpreadsheetSheet {
  name: string
  /** Hidden sheets are read too (the app's Data and Lists sheets) but never proposed as a register. */
  hidden: boolean
  /**
   * Row-major text as a person sees it, `rows[r][c]` for row r+1 and column c+1; '' when empty.
   * Dates are ISO (YYYY-MM-DD, or a full ISO time when the cell has one); formulas give their result.
   */
  rows: string[][]
  merges: MergedRange[]
}

export interface SpreadsheetFile {
  fileName: string
  format: SpreadsheetFormat
  sheets: SpreadsheetSheet[]
  /** How a CSV was decoded: its separator and text encoding (null for workbooks). */
  csv: { delimiter: ';' | ',' | '\t'; encoding: 'utf-8' | 'windows-1252' } | null
  /** True for the app's own workbook (Cover mark + hidden Data sheet): it round-trips exactly through `readWorkbook` instead. */
  appWorkbookWithData: boolean
}

/** A problem of a spreadsheet: `path` is the file, sheet or cell it is in, e.g. `legacy.xlsx` or `'Register'!C4`. */
export type SpreadsheetProblem = Problem

export type SpreadsheetRead = { ok: true; file: SpreadsheetFile } | { ok: false; problems: SpreadsheetProblem[] }

// ---------------------------------------------------------------- the mapping

/**
 * The record fields a column (or a fiche label) can fill. `[]` marks a list: a cell may hold
 * several values (split on new lines, semicolons and bullets), each becoming one item.
 */
export const TARGET_FIELDS = [
  'name',
  'previousReference',
  'description',
  'businessFunction',
  'owner',
  'role',
  'status',
  'jointControllerDetails',
  'purposes[].description',
  'purposes[].lawfulBasis',
  'purposes[].legitimateInterest',
  'purposes[].liaReference',
  'purposes[].consentRecordReference',
  'purposes[].uses',
  'dataSubjects',
  'dataCategories[].term',
  'dataCategories[].retention',
  'dataCategories[].description',
  'specialCategories[].category',
  'specialCategories[].condition',
  'criminalOffenceData',
  'recipients[]',
  'recipients[].contractReference',
  'recipients[].type',
  'transfers[].country',
  'transfers[].recipient',
  'transfers[].instrument',
  'transfers[].tiaReference',
  'transfers[].documentation',
  'securityDescription',
  'source',
  'systems',
  'automatedDecisionMaking',
  'dpia.required',
  'dpia.status',
  'dpia.link',
  'lastReviewed',
  'nextReview',
  'controllersActedFor[].name',
  'controllersActedFor[].contact',
  'controllersActedFor[].processingCategories'
] as const
export type TargetField = (typeof TARGET_FIELDS)[number]

/** A readable name for every target, for messages and the mapping screen (never the path itself). */
export const TARGET_FIELD_LABELS: Record<TargetField, string> = {
  name: 'Name of the activity',
  previousReference: 'Reference in the old register',
  description: 'Description',
  businessFunction: 'Business function',
  owner: 'Owner',
  role: 'Role (controller or processor)',
  status: 'Status',
  jointControllerDetails: 'Joint controller',
  'purposes[].description': 'Purposes',
  'purposes[].lawfulBasis': 'Lawful basis (Art. 6)',
  'purposes[].legitimateInterest': 'Legitimate interest pursued',
  'purposes[].liaReference': 'Legitimate interests assessment',
  'purposes[].consentRecordReference': 'Record of consent',
  'purposes[].uses': 'Data uses',
  dataSubjects: 'Categories of data subjects',
  'dataCategories[].term': 'Categories of personal data',
  'dataCategories[].retention': 'Retention',
  'dataCategories[].description': 'Description of the data category',
  'specialCategories[].category': 'Special category data',
  'specialCategories[].condition': 'Art. 9 condition',
  criminalOffenceData: 'Criminal offence data',
  'recipients[]': 'Recipients',
  'recipients[].contractReference': 'Contracts with recipients',
  'recipients[].type': 'Recipient type',
  'transfers[].country': 'Transfer countries',
  'transfers[].recipient': 'Transfer recipients',
  'transfers[].instrument': 'Transfer safeguard',
  'transfers[].tiaReference': 'Transfer impact assessment',
  'transfers[].documentation': 'Documentation of the safeguard',
  securityDescription: 'Security measures',
  source: 'Source of the data',
  systems: 'Systems and location',
  automatedDecisionMaking: 'Automated decision-making',
  'dpia.required': 'DPIA required',
  'dpia.status': 'DPIA progress',
  'dpia.link': 'DPIA link',
  lastReviewed: 'Last reviewed',
  nextReview: 'Next review',
  'controllersActedFor[].name': 'Controllers acted for',
  'controllersActedFor[].contact': 'Controller contact details',
  'controllersActedFor[].processingCategories': 'Categories of processing for each controller'
}

export const mappingTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: z.enum(TARGET_FIELDS) }),
  /** Kept word for word in the record's notes ("Heading (Sheet!C4): text"). */
  z.object({ kind: z.literal('note') }),
  /** Not imported: the reason is shown in the summary, so nothing disappears without one. */
  z.object({ kind: z.literal('ignore'), reason: z.string().trim().min(1, 'Say why this column is ignored').max(500) })
])
export type MappingTarget = z.infer<typeof mappingTargetSchema>

/** Which heading dictionary an automatic proposal came from. */
export const DICTIONARY_NAMES = ['app', 'ico', 'english', 'cnil', 'dsk', 'saved', 'none'] as const
export type DictionaryName = (typeof DICTIONARY_NAMES)[number]

export const columnMappingSchema = z.object({
  /** Table layout: the column letter (`C`). Fiches layout: the label's cell (`A4`). */
  source: z.string().trim().min(1).max(20),
  /** The heading as shown (two-level headings as "Parent / Child"; a fiche's label). */
  heading: z.string().max(1000),
  target: mappingTargetSchema,
  /** 1 for an exact dictionary match, lower for a fuzzy one, 0 for none (kept as a note). */
  confidence: z.number().min(0).max(1).default(1),
  dictionary: z.enum(DICTIONARY_NAMES).default('saved'),
  /** The dictionary heading that matched, '' when none did. */
  matched: z.string().max(1000).default('')
})
export type ColumnMapping = z.infer<typeof columnMappingSchema>

export const sheetMappingSchema = z.object({
  sheet: z.string().min(1).max(200),
  layout: z.enum(['table', 'fiches']),
  /** Table: the (last) heading row, 1-based; data rows follow it. Fiches: 0. */
  headerRow: z.number().int().min(0),
  /** Table: the number of heading rows (2 for merged two-level headings). */
  headerRows: z.number().int().min(0).max(5).default(1),
  /** Fiches: the column holding labels and the one holding values. */
  labelColumn: z.string().max(3).default('A'),
  valueColumn: z.string().max(3).default('B'),
  /** Which Art. 30 register the sheet is: a processor register (30(2)) or a controller one. */
  role: z.enum(['controller', 'processor']).default('controller'),
  columns: z.array(columnMappingSchema)
})
export type SheetMapping = z.infer<typeof sheetMappingSchema>

export const mappingSchema = z.object({
  format: z.literal('ropa-import-mapping').default('ropa-import-mapping'),
  version: z.literal(1).default(1),
  sheets: z.array(sheetMappingSchema)
})
export type Mapping = z.infer<typeof mappingSchema>
export type MappingInput = z.input<typeof mappingSchema>

export type LayoutKind = 'table' | 'fiches'

export interface ProposeMappingOptions {
  /** A mapping saved earlier: its choices win for columns with the same sheet and heading. */
  savedMapping?: Mapping
}

// ---------------------------------------------------------------- the plan

export interface PlannedRecord {
  sheet: string
  /** The spreadsheet row (table) or the sheet itself (fiches: 0). */
  row: number
  /** `'Sheet'!A5` (table) or `'Sheet'` (fiches), for messages. */
  location: string
  record: RecordForm
  /** Things the DPO should know that did not stop the record (e.g. a lawful basis not recognised, kept in notes). */
  warnings: string[]
}

export interface PlanProblem {
  sheet: string
  row: number
  location: string
  /** Why the row cannot become a record, naming the cell and heading (English, the CLI's words). */
  reason: string
  /** `reason` as a message, for the interface's language. */
  reasonRef?: MessageRef
  /** The row's non-empty cells, so that a skipped row is still shown word for word. */
  cells: ImportedCell[]
}

export interface IgnoredCell {
  location: string
  heading: string
  reason: string
}

export interface UnmappedColumn {
  sheet: string
  source: string
  heading: string
}

export interface ImportSummary {
  rowsRead: number
  recordsMade: number
  cellsMapped: number
  cellsKeptAsNotes: number
  cellsIgnored: IgnoredCell[]
  /** Columns no dictionary recognised: kept as notes, and refused by `--strict`. */
  columnsUnmapped: UnmappedColumn[]
}

/** The organisation found in a contact block above the table (controller, DPO, representative). */
export interface OrganisationFound {
  controller: Contact
  dpo: Contact
  representative: Contact
  /** The cells the contacts were read from. */
  cells: ImportedCell[]
}

export interface ImportPlan {
  fileName: string
  records: PlannedRecord[]
  problems: PlanProblem[]
  organisation: OrganisationFound | null
  summary: ImportSummary
}

export interface PlanImportOptions {
  /** Today's date (YYYY-MM-DD), for dates that must not be in the future. */
  today: string
}
