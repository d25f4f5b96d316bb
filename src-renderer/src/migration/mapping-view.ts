/**
 * What the guided import's screens show about a spreadsheet, its mapping and its plan, in
 * words: record fields grouped by the Article 30 item they serve, each column's heading cell
 * and sample values, why a target was proposed, and the organisation fields a file would change.
 */
import { describeFieldPath, describeFieldValue } from '@core/records/field-names'
import type { Organisation, RecordForm } from '@core/records/model'
import {
  TARGET_FIELD_LABELS,
  TARGET_FIELDS,
  type ColumnMapping,
  type DictionaryName,
  type Mapping,
  type MappingTarget,
  type OrganisationFound,
  type SheetMapping,
  type SpreadsheetFile,
  type TargetField
} from '@core/migration/types'

export interface TargetGroup {
  label: string
  fields: TargetField[]
}

const GROUPS: Array<{ label: string; fields: readonly TargetField[] }> = [
  { label: 'Identity', fields: ['name', 'previousReference', 'description', 'businessFunction', 'owner', 'role', 'status', 'jointControllerDetails'] },
  {
    label: 'Art. 30(1)(b) Purposes and lawful basis',
    fields: ['purposes[].description', 'purposes[].lawfulBasis', 'purposes[].legitimateInterest', 'purposes[].liaReference', 'purposes[].consentRecordReference']
  },
  {
    label: 'Art. 30(1)(c) Data subjects and personal data',
    fields: ['dataSubjects', 'dataCategories[].term', 'specialCategories[].category', 'specialCategories[].condition', 'criminalOffenceData']
  },
  { label: 'Art. 30(1)(d) Recipients', fields: ['recipients[]', 'recipients[].contractReference'] },
  { label: 'Art. 30(1)(e) Transfers to third countries', fields: ['transfers[].country', 'transfers[].recipient', 'transfers[].instrument', 'transfers[].tiaReference'] },
  { label: 'Art. 30(1)(f) Retention', fields: ['dataCategories[].retention'] },
  { label: 'Art. 30(1)(g) Security measures', fields: ['securityDescription'] },
  { label: 'Art. 30(2) Processor records', fields: ['controllersActedFor[].name', 'controllersActedFor[].contact'] },
  { label: 'Source, systems, automated decisions, DPIA', fields: ['source', 'systems', 'automatedDecisionMaking', 'dpia.required', 'dpia.status', 'dpia.link'] },
  { label: 'Review', fields: ['lastReviewed', 'nextReview'] }
]

/** Every target field once, grouped by Article 30 item; any field the engine adds later lands in "Other fields". */
export function targetGroups(): TargetGroup[] {
  const grouped = new Set<TargetField>(GROUPS.flatMap((group) => group.fields))
  const others = TARGET_FIELDS.filter((field) => !grouped.has(field))
  const groups = GROUPS.map((group) => ({ label: group.label, fields: group.fields.filter((field) => (TARGET_FIELDS as readonly string[]).includes(field)) }))
  return others.length ? [...groups, { label: 'Other fields', fields: others }] : groups
}

export const targetLabel = (field: TargetField): string => TARGET_FIELD_LABELS[field] ?? field

/** The select's value for a target: `field:<path>`, `note` or `ignore`. */
export function targetChoice(target: MappingTarget): string {
  return target.kind === 'field' ? `field:${target.field}` : target.kind
}

/** The target a select choice stands for; an "Ignore" keeps the reason already typed (blank at first, which the screen asks for). */
export function targetFromChoice(choice: string, current: MappingTarget): MappingTarget | { kind: 'ignore'; reason: string } {
  if (choice === 'note') return { kind: 'note' }
  if (choice === 'ignore') return { kind: 'ignore', reason: current.kind === 'ignore' ? current.reason : '' }
  const field = choice.slice('field:'.length)
  if (!(TARGET_FIELDS as readonly string[]).includes(field)) throw new Error(`Unknown record field ${field}`)
  return { kind: 'field', field: field as TargetField }
}

export function describeTarget(target: MappingTarget): string {
  if (target.kind === 'field') return targetLabel(target.field)
  if (target.kind === 'note') return 'Keep as a note'
  return target.reason.trim() ? `Ignore (${target.reason.trim()})` : 'Ignore'
}

const DICTIONARY_WORDS: Record<DictionaryName, string> = {
  app: "this app's workbook heading",
  ico: 'ICO template heading',
  english: 'common English heading',
  cnil: 'CNIL heading',
  dsk: 'DSK heading',
  saved: 'your saved mapping for',
  none: ''
}

/** Why the engine proposed this target, e.g. "matched CNIL heading 'Finalité(s)'". */
export function whyProposed(column: Pick<ColumnMapping, 'dictionary' | 'matched' | 'confidence' | 'target'>): string {
  if (column.dictionary === 'none' || (column.matched === '' && column.dictionary !== 'saved')) {
    return column.target.kind === 'note' ? 'no known heading matched: kept as a note, so that nothing is lost' : 'no known heading matched'
  }
  const closeness = column.confidence < 1 ? ` (close match, ${Math.round(column.confidence * 100)}%)` : ''
  const matched = column.matched ? ` '${column.matched}'` : ''
  return `matched ${DICTIONARY_WORDS[column.dictionary]}${matched}${closeness}`
}

// ---------------------------------------------------------------- cells

/** `C` → 3 (1-based). */
export function columnNumber(letters: string): number {
  let number = 0
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64)
  return number
}

/** `'Sheet 1'!C3` for names that need quoting, `Sheet1!C3` otherwise. */
export function cellAddress(sheet: string, cell: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(sheet) ? `${sheet}!${cell}` : `'${sheet.replace(/'/g, "''")}'!${cell}`
}

function splitCell(cell: string): { column: string; row: number } | null {
  const match = /^([A-Za-z]+)(\d+)$/.exec(cell)
  return match ? { column: match[1]!.toUpperCase(), row: Number(match[2]) } : null
}

/** Where a column's heading (table) or a fiche's label is. */
export function headingCell(sheet: SheetMapping, column: ColumnMapping): string {
  return cellAddress(sheet.sheet, sheet.layout === 'table' ? `${column.source}${sheet.headerRow}` : column.source)
}

/** Up to `count` non-empty values under a column's heading (table), or the value next to a fiche's label. */
export function sampleValues(file: SpreadsheetFile, sheet: SheetMapping, column: ColumnMapping, count = 3): string[] {
  const rows = file.sheets.find((candidate) => candidate.name === sheet.sheet)?.rows ?? []
  if (sheet.layout === 'fiches') {
    const label = splitCell(column.source)
    const value = label ? rows[label.row - 1]?.[columnNumber(sheet.valueColumn) - 1] : undefined
    return value ? [value] : []
  }
  const index = columnNumber(column.source) - 1
  const samples: string[] = []
  for (const row of rows.slice(sheet.headerRow)) {
    const value = row[index]?.trim()
    if (value) samples.push(value)
    if (samples.length === count) break
  }
  return samples
}

/** Columns set to "Ignore" without a reason: the mapping cannot be used until each has one. */
export function ignoredWithoutReason(mapping: Mapping): Array<{ sheet: string; column: ColumnMapping }> {
  return mapping.sheets.flatMap((sheet) => sheet.columns.filter((column) => column.target.kind === 'ignore' && column.target.reason.trim() === '').map((column) => ({ sheet: sheet.sheet, column })))
}

/** The mapping with one column's target replaced by the DPO's choice. */
export function withTarget(mapping: Mapping, sheetName: string, source: string, target: MappingTarget): Mapping {
  return {
    ...mapping,
    sheets: mapping.sheets.map((sheet) =>
      sheet.sheet !== sheetName ? sheet : { ...sheet, columns: sheet.columns.map((column) => (column.source === source ? { ...column, target } : column)) }
    )
  }
}

// ---------------------------------------------------------------- the planned records

export interface MappedValue {
  /** The field in the editor's words, e.g. "Purpose 1 › Lawful basis". */
  field: string
  /** The value as it will be stored, in words (labels for keys). */
  value: string
  /** Where it came from and what the cell said. */
  cell: string
  text: string
}

function valueAt(value: unknown, path: string): unknown {
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

/** A recipient reads as its name and what kind it is (never guessed, so "Not stated" shows). */
function describeItem(list: string, item: unknown): string {
  if (list === 'recipients' && item && typeof item === 'object') {
    const { name, type } = item as { name?: string; type?: string }
    return `${name ?? ''} (${describeFieldValue('recipients.0.type', type ?? '')})`
  }
  return describeFieldValue(`${list}.0`, item)
}

/**
 * The value a cell's field holds in the planned record, in words. A list target
 * (`purposes[].lawfulBasis`) fills every item the cell listed: each item's value, joined.
 */
function describeMapped(record: RecordForm, field: string): string | undefined {
  const list = /^(\w+)\[\]\.?(.*)$/.exec(field)
  if (!list) {
    const value = valueAt(record, field)
    return value === undefined ? undefined : describeFieldValue(field, value)
  }
  const [, name = '', rest = ''] = list
  const items = valueAt(record, name)
  if (!Array.isArray(items)) return undefined
  if (items.length === 0) return '(none)'
  return items.map((item) => (rest ? describeFieldValue(`${name}.0.${rest}`, valueAt(item, rest)) : describeItem(name, item))).join('; ')
}

/** The values a planned record takes from its cells, in the editor's words (notes are shown apart). */
export function mappedValues(record: RecordForm): MappedValue[] {
  return record.importedFrom
    .filter((cell) => cell.field !== '' && cell.field !== 'notes')
    .map((cell) => ({
      field: (TARGET_FIELDS as readonly string[]).includes(cell.field) ? targetLabel(cell.field as TargetField) : describeFieldPath(cell.field),
      value: describeMapped(record, cell.field) ?? cell.text,
      cell: cellAddress(cell.sheet, cell.cell),
      text: cell.text
    }))
}

// ---------------------------------------------------------------- the organisation

export type ContactPart = 'controller' | 'dpo' | 'representative'
export type ContactField = 'name' | 'address' | 'email' | 'phone'

export interface OrganisationChange {
  key: `${ContactPart}.${ContactField}`
  label: string
  current: string
  fromFile: string
}

const PART_LABELS: Record<ContactPart, string> = { controller: 'Controller', dpo: 'Data Protection Officer', representative: 'Representative' }
const FIELD_LABELS: Record<ContactField, string> = { name: 'name', address: 'address', email: 'e-mail', phone: 'phone' }

/** The contact fields where the file states something other than the stored organisation. */
export function organisationChanges(current: Organisation, found: OrganisationFound): OrganisationChange[] {
  const changes: OrganisationChange[] = []
  for (const part of Object.keys(PART_LABELS) as ContactPart[]) {
    for (const field of Object.keys(FIELD_LABELS) as ContactField[]) {
      const fromFile = found[part][field].trim()
      const stored = current[part][field]
      if (fromFile !== '' && fromFile !== stored.trim()) changes.push({ key: `${part}.${field}`, label: `${PART_LABELS[part]} ${FIELD_LABELS[field]}`, current: stored, fromFile })
    }
  }
  return changes
}

/** The organisation with the fields the DPO chose to take from the file. */
export function organisationWith(current: Organisation, changes: readonly OrganisationChange[], taken: ReadonlySet<string>): Organisation {
  const next: Organisation = { ...current, controller: { ...current.controller }, dpo: { ...current.dpo }, representative: { ...current.representative } }
  for (const change of changes) {
    if (!taken.has(change.key)) continue
    const [part, field] = change.key.split('.') as [ContactPart, ContactField]
    next[part][field] = change.fromFile
  }
  return next
}
