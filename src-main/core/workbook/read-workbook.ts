/**
 * Import from a workbook, in two shapes:
 * - the app's own workbook: records are rebuilt exactly from the hidden Data sheet, checked
 *   against the Cover's fingerprint; edits made in the visible sheets are reported, not taken;
 * - a controller register kept in a spreadsheet laid out like the UK ICO template: columns are
 *   matched by heading, list cells are split on ';' or line breaks, labels become keys, and
 *   what cannot be mapped becomes an open item on the record rather than being dropped.
 * Nothing is stored here: the result is a preview (new / update / conflict / invalid per row)
 * that the app shows before an all-or-nothing import.
 */
import ExcelJS from 'exceljs'
import { canonicalJson } from '../audit/audit-chain'
import {
  ART9_CONDITION_LABELS,
  DPIA_REQUIRED_LABELS,
  DPIA_STATUS_LABELS,
  LAWFUL_BASIS_LABELS,
  RECIPIENT_TYPE_LABELS,
  RECORD_ROLE_LABELS,
  RECORD_STATUS_LABELS,
  SECURITY_MEASURE_LABELS,
  SPECIAL_CATEGORY_LABELS,
  type LawfulBasis
} from '../records/enums'
import { parseTransferInstrumentText } from '../legal/parse-instrument-text'
import { formatReference, organisationSchema, referenceNumber, UNSTATED_INSTRUMENT, type OpenItem, type Organisation, type StoredRecord } from '../records/model'
import { safeParseStoredRecord } from '../records/validated-record'
import { emptyRecordForm, emptyRetention, newItemId } from '../records/new-record'
import { fileProblemAt, fileProblemRef } from '../i18n/file-problem'
import { inEnglish, problemAt, problemRef } from '../i18n/problem'
import { dateTimeParam, fieldPathParam, listParam, type MessageParam, type MessageRef } from '../i18n/message'
import type { Problem } from '../util/problems'
import { customTerm, VOCABULARY, type VocabularyKind } from '../vocabulary/vocabulary'
import { columnLetter, fitCell, normaliseHeading, restoreNeutralisedCell, SHEET, WORKBOOK_FORMAT_MARK } from './columns'
import { CONTROLLER_COLUMNS, coverItemLabels, ORGANISATION_DATA_REFERENCE, PROCESSOR_COLUMNS, recordsFingerprint, type CellValue } from './register-sheets'
import { ROW_HASH_HEADER } from './verification'
import { checkXlsx, DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-guard'

export type ImportRowStatus = 'new' | 'update' | 'conflict' | 'invalid'

export interface ImportPreviewRow {
  /** Where the row came from, e.g. `'Data'!A7` or `'Register'!A12`. */
  location: string
  reference: string
  name: string
  status: ImportRowStatus
  /** In English (the CLI's words); `reasonRef` says it in the interface's language where the core has a key for it. */
  reason: string
  reasonRef?: MessageRef
  /** Things the user should know that do not block the import (e.g. edits in visible cells). */
  warnings: string[]
  /** `warnings` as messages, index for index. */
  warningRefs?: MessageRef[]
  /** The record as it would be stored; null when the row is invalid. */
  record: StoredRecord | null
}

export interface ImportPreview {
  kind: 'app-workbook' | 'ico-register'
  sheet: string
  /** The export time on the Cover (app workbook only): stored records changed after it are conflicts. */
  exportedAt: string | null
  rows: ImportPreviewRow[]
  /**
   * The organisation profile the workbook was exported with (app workbook only; read exactly
   * from the hidden Data sheet), for the importer to restore after confirmation. Undefined
   * when the workbook carries none.
   */
  organisation?: Organisation
}

export type WorkbookImport = { ok: true; preview: ImportPreview } | { ok: false; problems: Problem[] }

export interface ReadWorkbookOptions {
  fileName?: string
  /** Timestamp for records created from an ICO-style sheet; defaults to now. */
  now?: string
  limits?: XlsxLimits
  /** Told as reading moves on, so that a page can say what is happening on a large file. */
  onStage?: (stage: ReadStage) => void
}

/** checking: the guard scans the zip and sheets; unpacking: exceljs builds the workbook; reading: rows become records. */
export type ReadStage = 'checking' | 'unpacking' | 'reading'

/** The header row must be within the first rows of a sheet, as in the ICO template (row 9). */
const HEADER_SEARCH_ROWS = 20
const MIN_MATCHED_HEADINGS = 3

export function cellPath(sheet: string, row: number, column = 1): string {
  return `'${sheet}'!${columnLetter(column)}${row}`
}

/** The text a person sees in a cell; a formula contributes its cached result, never itself. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return restoreNeutralisedCell(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) {
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
  }
  if ('richText' in value) return restoreNeutralisedCell(value.richText.map((run) => run.text).join(''))
  if ('hyperlink' in value) return restoreNeutralisedCell(String(value.text || value.hyperlink))
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result
    return typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean' ? String(result) : ''
  }
  return ''
}

/** Splits a list cell on ';' or line breaks. */
export function splitList(text: string): string[] {
  return text
    .split(/\r?\n|;/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

export async function readWorkbook(bytes: Uint8Array, existing: readonly StoredRecord[], options: ReadWorkbookOptions = {}): Promise<WorkbookImport> {
  const fileName = options.fileName ?? 'the workbook'
  options.onStage?.('checking')
  const guardProblems = await checkXlsx(bytes, fileName, options.limits ?? DEFAULT_XLSX_LIMITS)
  if (guardProblems.length > 0) return { ok: false, problems: guardProblems }
  options.onStage?.('unpacking')
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs's typings ask for a Node Buffer; it accepts any ArrayBuffer view (jszip).
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (error) {
    return { ok: false, problems: [problemAt(fileName, 'read.notXlsx', { file: fileName, detail: libraryErrorRef(error) })] }
  }
  options.onStage?.('reading')
  try {
    if (isAppWorkbook(workbook)) return readAppWorkbook(workbook, existing)
    return readIcoRegister(workbook, existing, fileName, options.now ?? new Date().toISOString())
  } catch (error) {
    return { ok: false, problems: [problemAt(fileName, 'read.sheetsUnreadable', { file: fileName, detail: libraryErrorRef(error) })] }
  }
}

/**
 * What a raw error from exceljs, jszip or the XML parser means for the person importing
 * ("Cannot set properties of undefined (setting 'x')" says nothing to a DPO); the original
 * text follows as a technical detail.
 */
export function libraryErrorRef(error: unknown): MessageRef {
  const raw = error instanceof Error ? error.message : String(error)
  const said = (key: string) => fileProblemRef(`library.${key}`, { detail: raw.trim() === '' ? '' : fileProblemRef('library.technicalDetail', { detail: raw.trim().slice(0, 200) }) })
  if (/end of central directory|corrupted zip|zip file|end of data|invalid (stored|code|distance|block)|unexpected end|crc32|compression/i.test(raw)) return said('damagedZip')
  if (/unclosed|unexpected close tag|invalid character|non-whitespace before first tag|text data outside of root|unmatched|attribute without value|sax/i.test(raw)) return said('badXml')
  if (/invalid (row|column) number|invalid address|out of bounds/i.test(raw)) return said('noPosition')
  if (/already merged/i.test(raw)) return said('overlappingMerges')
  if (error instanceof RangeError || /maximum call stack|invalid array length|out of memory/i.test(raw)) return said('tooLarge')
  if (error instanceof TypeError || /cannot (set|read) propert|undefined|null/i.test(raw)) return said('missingPart')
  return said('other')
}

/** Records that a confirmed import stores: new and update rows, and conflicts only when the user chose to overwrite. */
export function recordsToImport(preview: ImportPreview, options: { includeConflicts?: boolean } = {}): StoredRecord[] {
  return preview.rows
    .filter((row) => row.status === 'new' || row.status === 'update' || (options.includeConflicts === true && row.status === 'conflict'))
    .map((row) => row.record)
    .filter((record): record is StoredRecord => record !== null)
}

// ---------------------------------------------------------------- the app's own workbook

/** The Cover, whatever the export's language named it: the sheet that carries the format mark. */
function coverSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((sheet) => cellText(sheet.getCell('C2').value) === WORKBOOK_FORMAT_MARK)
}

function isAppWorkbook(workbook: ExcelJS.Workbook): boolean {
  return workbook.getWorksheet(SHEET.data) !== undefined && coverSheet(workbook) !== undefined
}

function coverValue(workbook: ExcelJS.Workbook, item: 'exportedAt' | 'fingerprint'): string {
  const cover = coverSheet(workbook)!
  const labels = coverItemLabels(item)
  for (let row = 2; row <= cover.rowCount; row++) if (labels.includes(cellText(cover.getCell(row, 2).value))) return cellText(cover.getCell(row, 3).value)
  return ''
}

/** A row that cannot be imported; `reason` in English only where the core has no key for it (a schema's own words). */
function invalidRow(location: string, reference: string, reason: string | MessageRef): ImportPreviewRow {
  const said = typeof reason === 'string' ? { reason } : { reason: inEnglish(reason), reasonRef: reason }
  return { location, reference, name: '', status: 'invalid', ...said, warnings: [], record: null }
}

function readAppWorkbook(workbook: ExcelJS.Workbook, existing: readonly StoredRecord[]): WorkbookImport {
  const data = workbook.getWorksheet(SHEET.data)!
  const exportedAt = coverValue(workbook, 'exportedAt') || null
  const fingerprint = coverValue(workbook, 'fingerprint')

  // Chunks are consecutive rows of one reference, parts 1..n.
  const entries: Array<{ row: number; reference: string; json: string; problem: MessageRef | null }> = []
  for (let row = 2; row <= data.rowCount; row++) {
    const reference = cellText(data.getCell(row, 1).value)
    if (reference === '') continue
    const part = Number(cellText(data.getCell(row, 2).value))
    const characters = Number(cellText(data.getCell(row, 3).value))
    const raw = data.getCell(row, 4).value
    // The chunk went through neutraliseCell; its known length says whether a quote was added.
    let chunk = typeof raw === 'string' ? raw : cellText(raw)
    if (chunk.length === characters + 1 && chunk.startsWith("'")) chunk = chunk.slice(1)
    const last = entries[entries.length - 1]
    if (part > 1 && last && last.reference === reference) {
      last.json += chunk
      if (chunk.length !== characters) last.problem ??= fileProblemRef('data.partLength', { part, cell: cellPath(SHEET.data, row, 4), length: chunk.length, expected: characters })
    } else {
      entries.push({ row, reference, json: chunk, problem: part === 1 ? null : fileProblemRef('data.partWithoutFirst', { part, cell: cellPath(SHEET.data, row, 2) }) })
      if (chunk.length !== characters) entries[entries.length - 1]!.problem ??= fileProblemRef('data.cellLength', { cell: cellPath(SHEET.data, row, 4), length: chunk.length, expected: characters })
    }
  }

  const organisationEntry = entries.find((entry) => entry.reference === ORGANISATION_DATA_REFERENCE)
  const organisation = organisationEntry ? readOrganisation(organisationEntry) : undefined
  if (organisation && 'problem' in organisation) return { ok: false, problems: [organisation.problem] }

  const rows: ImportPreviewRow[] = []
  // The fingerprint covers the JSON as exported, before the schema normalises anything.
  const exported: StoredRecord[] = []
  for (const entry of entries) {
    if (entry === organisationEntry) continue
    const location = cellPath(SHEET.data, entry.row, 4)
    if (entry.problem) {
      rows.push(invalidRow(location, entry.reference, fileProblemRef('data.recordDamaged', { problem: entry.problem })))
      continue
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(entry.json)
    } catch {
      rows.push(invalidRow(location, entry.reference, fileProblemRef('data.recordNotJson')))
      continue
    }
    const result = safeParseStoredRecord(parsed)
    if (!result.success) {
      rows.push(invalidRow(location, entry.reference, fileProblemRef('data.recordNotValid', { issues: issuesParam(result.error.issues, recordFieldParam) })))
      continue
    }
    exported.push(parsed as StoredRecord)
    rows.push({ location, reference: result.data.reference, name: result.data.name, warnings: [], record: result.data, ...classify(result.data, existing, exportedAt) })
  }

  if (rows.every((row) => row.status !== 'invalid') && fingerprint !== '' && recordsFingerprint(exported) !== fingerprint) {
    return {
      ok: false,
      problems: [
        problemAt(cellPath(SHEET.data, 1), 'read.dataFingerprint')
      ]
    }
  }
  addVisibleEditWarnings(workbook, rows)
  return { ok: true, preview: { kind: 'app-workbook', sheet: SHEET.data, exportedAt, rows, ...(organisation ? { organisation: organisation.organisation } : {}) } }
}

/** The organisation profile's JSON from the Data sheet; a damaged one refuses the file (it would be restored). */
function readOrganisation(entry: { row: number; json: string; problem: MessageRef | null }): { organisation: Organisation } | { problem: Problem } {
  const refuse = (key: string, params?: Record<string, MessageParam>) => ({ problem: fileProblemAt(cellPath(SHEET.data, entry.row, 4), `organisation.${key}`, params) })
  if (entry.problem) return refuse('damaged', { problem: entry.problem })
  let parsed: unknown
  try {
    parsed = JSON.parse(entry.json)
  } catch {
    return refuse('notJson')
  }
  const result = organisationSchema.safeParse(parsed)
  return result.success ? { organisation: result.data } : refuse('notValid', { issues: issuesParam(result.error.issues, organisationFieldParam) })
}

/**
 * Edits typed into the visible register sheets are not imported (the Data sheet is the
 * source); say so per row, naming the cells, so that nobody believes they were.
 */
function addVisibleEditWarnings(workbook: ExcelJS.Workbook, rows: ImportPreviewRow[]): void {
  const byReference = new Map(rows.filter((row) => row.record).map((row) => [row.reference, row]))
  for (const [sheetName, columns] of [
    [SHEET.controller, CONTROLLER_COLUMNS],
    [SHEET.processor, PROCESSOR_COLUMNS]
  ] as const) {
    const sheet = workbook.getWorksheet(sheetName)
    if (!sheet) continue
    for (let rowNumber = 3; rowNumber <= sheet.rowCount; rowNumber++) {
      const row = byReference.get(cellText(sheet.getCell(rowNumber, 1).value))
      if (!row?.record) continue
      const changed = columns
        .map((column, index) => ({ column, index, expected: displayed(fitCell(column.value(row.record!))) }))
        // XML readers turn a carriage return into a line feed: that is no edit.
        .filter(({ index, expected }) => sameLines(cellText(sheet.getCell(rowNumber, index + 1).value)) !== sameLines(expected))
        .map(({ column, index }) => `${cellPath(sheetName, rowNumber, index + 1)} (${column.header})`)
      if (changed.length > 0) {
        const warning = problemRef('read.visibleEdits', { cells: changed.join(', ') })
        row.warnings.push(inEnglish(warning))
        row.warningRefs = [...(row.warningRefs ?? []), warning]
      }
    }
  }
}

const sameLines = (text: string) => text.replace(/\r\n?/g, '\n')
const displayed = (value: CellValue): string => (typeof value === 'number' ? String(value) : value)

/** A row's status and why, in English and as its key. */
function because(status: ImportRowStatus, key: string, params?: Record<string, MessageParam>): { status: ImportRowStatus; reason: string; reasonRef: MessageRef } {
  const reasonRef = problemRef(key, params)
  return { status, reason: inEnglish(reasonRef), reasonRef }
}

function classify(record: StoredRecord, existing: readonly StoredRecord[], exportedAt: string | null): { status: ImportRowStatus; reason: string; reasonRef: MessageRef } {
  const stored = existing.find((candidate) => candidate.reference === record.reference)
  if (!stored) {
    const sameId = existing.find((candidate) => candidate.id === record.id)
    if (sameId) return because('conflict', 'read.storedUnderOtherReference', { reference: sameId.reference })
    return because('new', 'read.notInRegister', { reference: record.reference })
  }
  if (stored.id !== record.id) return because('conflict', 'read.differentActivity', { reference: record.reference, name: stored.name })
  if (canonicalJson(stored) === canonicalJson(record)) return because('update', 'read.identical')
  if (exportedAt !== null && stored.updatedAt > exportedAt) return because('conflict', 'read.changedSinceExport', { changedAt: dateTimeParam(stored.updatedAt), exportedAt: dateTimeParam(exportedAt) })
  return because('update', 'read.replaces', { changedAt: dateTimeParam(stored.updatedAt) })
}

/** What a schema refused, each field said by `fieldOf` with the schema's message, in the reader's language (at most five). */
function issuesParam(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>, fieldOf: (path: readonly string[]) => MessageParam): MessageParam {
  return listParam(issues.slice(0, 5).map((issue) => fileProblemRef('data.issue', { field: fieldOf(issue.path.map(String)), message: issue.message })), '; ')
}

/** A record's field in the editor's words. */
const recordFieldParam = (path: readonly string[]): MessageParam => (path.length > 0 ? fieldPathParam(path.join('.')) : fileProblemRef('data.wholeRecord'))

const ORGANISATION_CONTACTS = ['controller', 'dpo', 'representative']
const ORGANISATION_FIELDS = ['name', 'email', 'phone', 'address', 'regime', 'updatedAt']

/** `dpo.email` as "Data Protection Officer › E-mail"; a path the profile does not have stays as it is. */
function organisationFieldParam(path: readonly string[]): MessageParam {
  const [first, ...rest] = path
  if (first === undefined) return fileProblemRef('organisation.wholeProfile')
  let part: MessageRef | null = null
  let leaf = path
  if (ORGANISATION_CONTACTS.includes(first)) {
    part = fileProblemRef(`organisation.part.${first}`)
    leaf = rest
  } else if (first === 'jointControllers' && /^\d+$/.test(rest[0] ?? '')) {
    part = fileProblemRef('organisation.part.jointController', { number: Number(rest[0]) + 1 })
    leaf = rest.slice(1)
  }
  if (part && leaf.length === 0) return part
  const field = leaf.length === 1 && ORGANISATION_FIELDS.includes(leaf[0]!) ? fileProblemRef(`organisation.field.${leaf[0]}`) : null
  if (!field) return path.join('.')
  return part ? fileProblemRef('organisation.place', { part, field }) : field
}

// ---------------------------------------------------------------- ICO-style register

type IcoField =
  | 'reference'
  | 'name'
  | 'status'
  | 'role'
  | 'owner'
  | 'lastReviewed'
  | 'nextReview'
  | 'description'
  | 'businessFunction'
  | 'purposes'
  | 'jointController'
  | 'dataSubjects'
  | 'dataCategories'
  | 'recipients'
  | 'contracts'
  | 'countries'
  | 'safeguards'
  | 'retention'
  | 'security'
  | 'lawfulBasis'
  | 'article9'
  | 'criminalOffence'
  | 'legitimateInterests'
  | 'liaLink'
  | 'rights'
  | 'automatedDecisionMaking'
  | 'source'
  | 'consentLink'
  | 'location'
  | 'dpiaRequired'
  | 'dpiaStatus'
  | 'dpiaLink'

/** Headings of our own controller register (which follow the ICO's) plus the ICO's variants. */
const HEADING_FIELDS: Map<string, IcoField> = new Map([
  ...CONTROLLER_COLUMNS.map((column) => [normaliseHeading(column.header), column.key as IcoField] as const),
  ...(
    [
      ['ref', 'reference'],
      ['id', 'reference'],
      ['name of processing activity', 'name'],
      ['processing activity name', 'name'],
      ['activity', 'name'],
      ['name', 'name'],
      ['description', 'description'],
      ['gdpr article 6 lawful basis for processing', 'lawfulBasis'],
      ['article 6 lawful basis', 'lawfulBasis'],
      ['lawful basis', 'lawfulBasis'],
      ['article 9 condition', 'article9'],
      ['retention schedule', 'retention'],
      ['retention period', 'retention'],
      ['data subjects', 'dataSubjects'],
      ['categories of data subjects', 'dataSubjects'],
      ['recipients', 'recipients'],
      ['security measures', 'security'],
      ['third countries', 'countries'],
      ['owner', 'owner'],
      ['last reviewed', 'lastReviewed'],
      ['next review', 'nextReview']
    ] as const
  ).map(([heading, field]) => [normaliseHeading(heading), field] as const)
])

interface HeaderMatch {
  sheet: ExcelJS.Worksheet
  headerRow: number
  fields: Map<number, IcoField>
  unknown: Map<number, string>
}

function findHeader(sheet: ExcelJS.Worksheet): HeaderMatch | null {
  let best: HeaderMatch | null = null
  for (let rowNumber = 1; rowNumber <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); rowNumber++) {
    const fields = new Map<number, IcoField>()
    const unknown = new Map<number, string>()
    const row = sheet.getRow(rowNumber)
    for (let column = 1; column <= row.cellCount; column++) {
      const heading = cellText(row.getCell(column).value)
      // The app's own row hashes (verification.ts) are no record field, nor anything to keep.
      if (heading === '' || heading === ROW_HASH_HEADER) continue
      const field = HEADING_FIELDS.get(normaliseHeading(heading))
      if (field && ![...fields.values()].includes(field)) fields.set(column, field)
      else unknown.set(column, heading)
    }
    if (fields.size >= MIN_MATCHED_HEADINGS && (!best || fields.size > best.fields.size)) best = { sheet, headerRow: rowNumber, fields, unknown }
  }
  return best
}

function readIcoRegister(workbook: ExcelJS.Workbook, existing: readonly StoredRecord[], fileName: string, now: string): WorkbookImport {
  const candidates = workbook.worksheets.filter((sheet) => sheet.state === 'visible')
  const matches = candidates.map(findHeader).filter((match): match is HeaderMatch => match !== null)
  const match = matches.sort((a, b) => b.fields.size - a.fields.size)[0]
  if (!match) {
    const names = workbook.worksheets.map((sheet) => fileProblemRef('ico.sheetName', { sheet: sheet.name }))
    const sheets = names.length > 0 ? listParam(names, ', ') : fileProblemRef('ico.noSheets')
    return { ok: false, problems: [fileProblemAt(fileName, 'ico.noHeadings', { rows: HEADER_SEARCH_ROWS, sheets, minimum: MIN_MATCHED_HEADINGS })] }
  }

  const sheetName = match.sheet.name
  const usedReferences = new Set(existing.map((record) => record.reference))
  let nextNumber = Math.max(0, ...existing.map((record) => referenceNumber(record.reference)).filter(Number.isFinite))
  const seenInSheet = new Map<string, string>()
  const rows: ImportPreviewRow[] = []
  for (let rowNumber = match.headerRow + 1; rowNumber <= match.sheet.rowCount; rowNumber++) {
    const cells = new Map<IcoField, string>()
    const extras: Array<[string, string]> = []
    const row = match.sheet.getRow(rowNumber)
    for (const [column, field] of match.fields) cells.set(field, cellText(row.getCell(column).value).trim())
    for (const [column, heading] of match.unknown) {
      const value = cellText(row.getCell(column).value).trim()
      if (value !== '') extras.push([heading, value])
    }
    if ([...cells.values()].every((value) => value === '') && extras.length === 0) continue

    const location = cellPath(sheetName, rowNumber)
    let reference = cells.get('reference') ?? ''
    if (reference !== '' && seenInSheet.has(reference)) {
      rows.push(invalidRow(location, reference, fileProblemRef('ico.referenceTwice', { reference, other: seenInSheet.get(reference) ?? '' })))
      continue
    }
    if (!/^PA-\d{4,}$/.test(reference)) {
      do reference = formatReference(++nextNumber)
      while (usedReferences.has(reference))
    }
    usedReferences.add(reference)
    seenInSheet.set(reference, location)
    const columnOf = (field: IcoField) => [...match.fields].find(([, candidate]) => candidate === field)?.[0] ?? 0
    const where = (field: IcoField) => (columnOf(field) === 0 ? `row ${rowNumber} of '${sheetName}' (the sheet has no such column)` : cellPath(sheetName, rowNumber, columnOf(field)))
    const built = recordFromIcoRow(cells, extras, reference, now, where)
    if ('problem' in built) {
      rows.push(invalidRow(location, reference, built.problem))
      continue
    }
    const result = safeParseStoredRecord(built.record)
    if (!result.success) {
      const field = RECORD_FIELD_TO_ICO[String(result.error.issues[0]!.path[0] ?? '')]
      const column = field ? columnOf(field) : 0
      const issues = issuesParam(result.error.issues, recordFieldParam)
      rows.push(invalidRow(location, reference, column === 0 ? fileProblemRef('data.recordNotValid', { issues }) : fileProblemRef('ico.cellNotValid', { cell: cellPath(sheetName, rowNumber, column), issues })))
      continue
    }
    const record = result.data
    const stored = existing.find((candidate) => candidate.reference === record.reference)
    rows.push({
      location,
      reference,
      name: record.name,
      warnings: [],
      record,
      ...(stored ? because('conflict', 'read.icoExists', { reference, name: stored.name }) : because('new', 'read.icoNew', { reference }))
    })
  }
  return { ok: true, preview: { kind: 'ico-register', sheet: sheetName, exportedAt: null, rows } }
}

/** The column a record field came from, so that a schema error points at its cell. */
const RECORD_FIELD_TO_ICO: Partial<Record<string, IcoField>> = {
  purposes: 'purposes',
  dataSubjects: 'dataSubjects',
  dataCategories: 'dataCategories',
  recipients: 'recipients',
  transfers: 'countries',
  securityMeasures: 'security',
  lastReviewed: 'lastReviewed',
  nextReview: 'nextReview',
  name: 'name'
}

/** A label (or key) back to its key, ignoring case and spacing. */
function keyForLabel<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  const wanted = normaliseHeading(text)
  return (Object.keys(labels) as T[]).find((key) => normaliseHeading(labels[key]) === wanted || normaliseHeading(key) === wanted)
}

const termByName: Record<VocabularyKind, Map<string, string>> = {
  dataCategories: new Map(),
  dataUses: new Map(),
  dataSubjects: new Map()
}
for (const kind of Object.keys(VOCABULARY) as VocabularyKind[]) {
  for (const entry of VOCABULARY[kind]) {
    termByName[kind].set(normaliseHeading(entry.name), entry.key)
    termByName[kind].set(normaliseHeading(entry.key), entry.key)
  }
}
function termFor(kind: VocabularyKind, text: string): string {
  return termByName[kind].get(normaliseHeading(text)) ?? customTerm(text)
}

export function lawfulBasisOf(text: string): LawfulBasis | undefined {
  const byLabel = keyForLabel(LAWFUL_BASIS_LABELS, text)
  if (byLabel) return byLabel
  const letter = /6\s*\(\s*1\s*\)\s*\(\s*([a-f])\s*\)/i.exec(text)?.[1]?.toLowerCase()
  if (letter) return letter as LawfulBasis
  const lower = text.toLowerCase()
  if (lower.includes('legitimate')) return 'f'
  if (lower.includes('consent')) return 'a'
  if (lower.includes('contract')) return 'b'
  if (lower.includes('legal obligation')) return 'c'
  if (lower.includes('vital')) return 'd'
  if (lower.includes('public task') || lower.includes('public interest')) return 'e'
  return undefined
}

/** "6 years from the end of the contract, then erase", "<criterion> (counted from <event>), then review"; other text becomes a criterion. */
export function retentionOf(text: string): StoredRecord['dataCategories'][number]['retention'] {
  const retention = emptyRetention()
  const trimmed = text.trim()
  if (trimmed === '' || /^not yet specified$/i.test(trimmed)) return retention
  let rest = trimmed
  const then = /,\s*then\s+(erase|anonymise|anonymize|review|\(not stated\))\s*\.?$/i.exec(rest)
  if (then?.[1]?.startsWith('(')) {
    retention.endAction = ''
    rest = rest.slice(0, then.index)
  } else if (then) {
    retention.endAction = then[1]!.toLowerCase().startsWith('anonymi') ? 'anonymise' : (then[1]!.toLowerCase() as 'erase' | 'review')
    rest = rest.slice(0, then.index)
  }
  const period = /^(\d{1,3})\s*(day|month|year)s?\b(?:\s+(?:from|after)\s+(.+))?$/i.exec(rest)
  if (period && Number(period[1]) > 0) {
    return { ...retention, mode: 'period', period: Number(period[1]), unit: `${period[2]!.toLowerCase()}s` as 'days' | 'months' | 'years', fromEvent: period[3]?.trim() ?? '' }
  }
  const counted = /\s*\(counted from (.+)\)$/i.exec(rest)
  if (counted) return { ...retention, mode: 'criterion', criterion: rest.slice(0, counted.index), fromEvent: counted[1]!.trim() }
  return { ...retention, mode: 'criterion', criterion: rest }
}

type BuiltRecord = { record: StoredRecord } | { problem: string }

function recordFromIcoRow(cells: Map<IcoField, string>, extras: Array<[string, string]>, reference: string, now: string, where: (field: IcoField) => string): BuiltRecord {
  const get = (field: IcoField) => cells.get(field) ?? ''
  const list = (field: IcoField) => splitList(get(field))
  const openItems: OpenItem[] = []
  const note = (field: string, text: string) => openItems.push({ id: newItemId(), field, note: text, quotes: [], resolution: 'open', resolutionNote: '' })
  const form = emptyRecordForm()

  form.businessFunction = get('businessFunction')
  form.description = get('description')
  form.owner = get('owner')
  form.jointControllerDetails = get('jointController')
  form.role = keyForLabel(RECORD_ROLE_LABELS, get('role')) ?? (form.jointControllerDetails ? 'joint-controller' : 'controller')
  form.status = keyForLabel(RECORD_STATUS_LABELS, get('status')) ?? 'draft'
  form.source = get('source')
  form.systems = get('location')

  form.purposes = list('purposes').map((description) => ({ id: newItemId(), description, uses: [], lawfulBasis: '', legitimateInterest: '', liaReference: '', consentRecordReference: '' }))
  // 'Not yet given' is what the export writes for a purpose without a basis: a blank, not an error.
  const bases = list('lawfulBasis').map((text) => ({ text, basis: /^not yet given$/i.test(text) ? ('' as const) : lawfulBasisOf(text) }))
  for (const { text, basis } of bases) if (basis === undefined) note('purposes', `Lawful basis not recognised (${where('lawfulBasis')}): "${text}"`)
  const known = bases.flatMap(({ basis }) => (basis === undefined ? [] : [basis]))
  if (known.length === 1) for (const purpose of form.purposes) purpose.lawfulBasis = known[0]!
  else if (known.length === form.purposes.length) form.purposes.forEach((purpose, index) => (purpose.lawfulBasis = known[index]!))
  else if (known.length > 0) note('purposes', `Lawful bases listed (${where('lawfulBasis')}): ${bases.map(({ text }) => text).join('; ')}: give each purpose its basis`)

  const distribute = (field: IcoField, basis: LawfulBasis, assign: (purpose: (typeof form.purposes)[number], value: string) => void) => {
    const values = list(field)
    const targets = form.purposes.filter((purpose) => purpose.lawfulBasis === basis)
    if (values.length === 0) return
    if (values.length === targets.length) targets.forEach((purpose, index) => assign(purpose, values[index]!))
    else if (values.length === 1 && targets.length > 0) targets.forEach((purpose) => assign(purpose, values[0]!))
    else note('purposes', `Not matched to a purpose (${where(field)}): ${values.join('; ')}`)
  }
  distribute('legitimateInterests', 'f', (purpose, value) => (purpose.legitimateInterest = value))
  distribute('liaLink', 'f', (purpose, value) => (purpose.liaReference = value))
  distribute('consentLink', 'a', (purpose, value) => (purpose.consentRecordReference = value))

  form.dataSubjects = list('dataSubjects').map((text) => termFor('dataSubjects', text))
  form.dataCategories = list('dataCategories').map((text) => ({ id: newItemId(), term: termFor('dataCategories', text), description: '', retention: emptyRetention() }))
  const retentionLines = list('retention')
  const unmatchedRetention: string[] = []
  for (const line of retentionLines) {
    const separator = line.indexOf(':')
    const label = separator > 0 ? line.slice(0, separator) : ''
    const category = form.dataCategories.find((candidate) => label !== '' && candidate.term === termFor('dataCategories', label))
    if (category) category.retention = retentionOf(line.slice(separator + 1))
    else unmatchedRetention.push(line)
  }
  if (unmatchedRetention.length === 1 && retentionLines.length === 1) for (const category of form.dataCategories) category.retention = retentionOf(unmatchedRetention[0]!)
  else if (unmatchedRetention.length > 0) note('dataCategories', `Retention not matched to a category (${where('retention')}): ${unmatchedRetention.join('; ')}`)

  form.recipients = list('recipients').map((line) => {
    const typed = /^(.*)\(([^()]+)\)\s*$/.exec(line)
    const type = typed ? keyForLabel(RECIPIENT_TYPE_LABELS, typed[2]!) : undefined
    return { id: newItemId(), name: type ? typed![1]!.trim() : line, type: type ?? 'not-stated', vendorId: '', contractReference: '', notes: '' }
  })
  for (const line of list('contracts')) {
    const separator = line.indexOf(':')
    const recipient = separator > 0 ? form.recipients.find((candidate) => candidate.name === line.slice(0, separator).trim()) : undefined
    if (recipient) recipient.contractReference = line.slice(separator + 1).trim()
    else if (form.recipients.length === 1) form.recipients[0]!.contractReference = line
    else note('recipients', `Contract not matched to a recipient (${where('contracts')}): ${line}`)
  }

  const safeguardLines = list('safeguards')
  const countries = list('countries')
  const transfers: StoredRecord['transfers'] = []
  const notStated = (text: string) => (/^not stated$/i.test(text.trim()) ? '' : text.trim())
  for (const [index, line] of countries.entries()) {
    const named = /^(.*)\(([^()]+)\)\s*$/.exec(line)
    const country = notStated(named ? named[1]! : line)
    const recipient = notStated(named ? named[2]! : '')
    const forCountry = safeguardLines.find((candidate) => candidate.toLowerCase().startsWith(`${(named ? named[1]!.trim() : line).toLowerCase()}:`))
    const text = forCountry ? forCountry.slice(forCountry.indexOf(':') + 1).trim() : safeguardLines.length === countries.length ? safeguardLines[index]! : safeguardLines.length === 1 ? safeguardLines[0]! : ''
    const [instrumentText = '', documentation = ''] = text.split(/\s+—\s+/, 2)
    const parsed = parseTransferInstrumentText(instrumentText)
    const transferName = `Transfer ${index + 1}${country ? ` to ${country}` : ''}`
    if (instrumentText !== '' && parsed.mechanism === '' && !/^not stated$/i.test(instrumentText)) {
      note(`transfers.${index}.mechanism`, `${transferName}: safeguard not recognised (${where('safeguards')}): "${instrumentText}"; it is kept in the documentation. Choose the mechanism.`)
    }
    // Words the fields cannot hold ("SCCs + TIA" says SCCs, not which) stay in the documentation.
    const kept = parsed.instrument === '' && !/^not stated$/i.test(instrumentText) ? instrumentText : ''
    transfers.push({
      id: newItemId(),
      recipient,
      country,
      documentation: [kept, documentation].filter((part) => part !== '').join(' — '),
      ...UNSTATED_INSTRUMENT,
      mechanism: parsed.mechanism,
      instrument: parsed.instrument,
      sccModule: parsed.sccModule,
      derogation: parsed.derogation
    })
  }
  form.transfers = transfers

  const securityText: string[] = []
  for (const line of splitList(get('security'))) {
    const measure = keyForLabel(SECURITY_MEASURE_LABELS, line)
    if (measure) form.securityMeasures.push(measure)
    else securityText.push(line)
  }
  form.securityDescription = securityText.join('\n')

  for (const line of list('article9')) {
    const separator = line.indexOf(':')
    const category = separator > 0 ? keyForLabel(SPECIAL_CATEGORY_LABELS, line.slice(0, separator)) : undefined
    if (category) {
      form.specialCategories.push({ id: newItemId(), category, condition: keyForLabel(ART9_CONDITION_LABELS, line.slice(separator + 1)) ?? '', notes: '' })
    } else note('specialCategories', `Article 9 condition not matched to a special category (${where('article9')}): ${line}`)
  }
  const criminal = get('criminalOffence')
  if (/^yes/i.test(criminal)) form.criminalOffenceData = { processed: true, basis: criminal.replace(/^yes\s*:?\s*/i, '') }

  const automated = splitList(get('automatedDecisionMaking'))
  if (automated.length > 0 && !/^no\b/i.test(automated[0]!)) {
    form.automatedDecisionMaking = { exists: true, description: (/^yes$/i.test(automated[0]!) ? automated.slice(1) : automated).join('\n') }
  }
  form.dpia = {
    required: keyForLabel(DPIA_REQUIRED_LABELS, get('dpiaRequired')) ?? 'unknown',
    status: keyForLabel(DPIA_STATUS_LABELS, get('dpiaStatus')) ?? '',
    link: get('dpiaLink')
  }
  if (get('dpiaStatus') !== '' && form.dpia.status === '') note('dpia', `DPIA progress not recognised (${where('dpiaStatus')}): ${get('dpiaStatus')}`)

  for (const field of ['lastReviewed', 'nextReview'] as const) {
    const value = get(field)
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) form[field] = value
    else if (value !== '') note(field, `Not a date in the form YYYY-MM-DD (${where(field)}): ${value}`)
  }
  // 'rights' is derived from the lawful bases on export, so it is not read back.
  for (const [heading, value] of extras) note('import', `Column "${heading}" has no place in the record; its value was: ${value}`)

  form.name = get('name') || form.purposes[0]?.description || form.businessFunction || `Imported activity ${reference}`
  form.openItems = openItems
  return { record: { ...form, id: newItemId(), reference, createdAt: now, updatedAt: now, approvedBy: '', approvedAt: '', revision: 1 } }
}
