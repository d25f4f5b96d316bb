/**
 * What the guided import's screens show about a spreadsheet, its mapping and its plan, in
 * words: record fields grouped by the Article 30 item they serve, each column's heading cell
 * and sample values, why a target was proposed, and the organisation fields a file would change.
 */
import { fieldInWords, valueInWords } from '../i18n/findings'
import { i18n, t } from '../i18n/i18n'
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

type GroupId = 'identity' | 'purposes' | 'subjects' | 'recipients' | 'transfers' | 'retention' | 'security' | 'processor' | 'other' | 'review'
const GROUPS: Array<{ id: GroupId; fields: readonly TargetField[] }> = [
  { id: 'identity', fields: ['name', 'previousReference', 'description', 'businessFunction', 'owner', 'role', 'status', 'jointControllerDetails'] },
  {
    id: 'purposes',
    fields: ['purposes[].description', 'purposes[].lawfulBasis', 'purposes[].legitimateInterest', 'purposes[].liaReference', 'purposes[].consentRecordReference']
  },
  {
    id: 'subjects',
    fields: ['dataSubjects', 'dataCategories[].term', 'specialCategories[].category', 'specialCategories[].condition', 'criminalOffenceData']
  },
  { id: 'recipients', fields: ['recipients[]', 'recipients[].contractReference'] },
  { id: 'transfers', fields: ['transfers[].country', 'transfers[].recipient', 'transfers[].instrument', 'transfers[].tiaReference'] },
  { id: 'retention', fields: ['dataCategories[].retention'] },
  { id: 'security', fields: ['securityDescription'] },
  { id: 'processor', fields: ['controllersActedFor[].name', 'controllersActedFor[].contact'] },
  { id: 'other', fields: ['source', 'systems', 'automatedDecisionMaking', 'dpia.required', 'dpia.status', 'dpia.link'] },
  { id: 'review', fields: ['lastReviewed', 'nextReview'] }
]

/** Every target field once, grouped by Article 30 item; any field the engine adds later lands in "Other fields". */
export function targetGroups(): TargetGroup[] {
  const grouped = new Set<TargetField>(GROUPS.flatMap((group) => group.fields))
  const others = TARGET_FIELDS.filter((field) => !grouped.has(field))
  const groups = GROUPS.map((group) => ({ label: t(`importExport:guided.groups.${group.id}`), fields: group.fields.filter((field) => (TARGET_FIELDS as readonly string[]).includes(field)) }))
  return others.length ? [...groups, { label: t('importExport:guided.groups.otherFields'), fields: others }] : groups
}

/** `purposes[].lawfulBasis` → `purposes_lawfulBasis`: the field's key in the catalogue (`guided.target.*`). */
export const targetKey = (field: TargetField): string => field.replace(/\[\]/g, '').replace(/\./g, '_')

/** A record field the import can fill, in the interface's language (English: the migration engine's own label). */
export function targetLabel(field: TargetField): string {
  const key = `importExport:guided.target.${targetKey(field)}`
  return i18n.exists(key) ? (t as (key: string) => string)(key) : (TARGET_FIELD_LABELS[field] ?? field)
}

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
  if (target.kind === 'note') return t('importExport:guided.keepAsNote')
  return target.reason.trim() ? t('importExport:guided.ignoreBecause', { reason: target.reason.trim() }) : t('importExport:guided.ignore')
}

const dictionaryWords = (dictionary: Exclude<DictionaryName, 'none'>): string => t(`importExport:guided.dictionary.${dictionary}`)

/** Why the engine proposed this target, e.g. "matched CNIL heading 'Finalité(s)'". */
export function whyProposed(column: Pick<ColumnMapping, 'dictionary' | 'matched' | 'confidence' | 'target'>): string {
  if (column.dictionary === 'none' || (column.matched === '' && column.dictionary !== 'saved')) {
    return column.target.kind === 'note' ? t('importExport:guided.noMatchNote') : t('importExport:guided.noMatch')
  }
  const closeness = column.confidence < 1 ? t('importExport:guided.closeMatch', { percent: Math.round(column.confidence * 100) }) : ''
  const heading = column.matched ? t('importExport:guided.matchedHeading', { heading: column.matched }) : ''
  return t('importExport:guided.matched', { dictionary: dictionaryWords(column.dictionary), heading }) + closeness
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
    return `${name ?? ''} (${valueInWords('recipients.0.type', type ?? '')})`
  }
  return valueInWords(`${list}.0`, item)
}

/**
 * The value a cell's field holds in the planned record, in words. A list target
 * (`purposes[].lawfulBasis`) fills every item the cell listed: each item's value, joined.
 */
function describeMapped(record: RecordForm, field: string): string | undefined {
  const list = /^(\w+)\[\]\.?(.*)$/.exec(field)
  if (!list) {
    const value = valueAt(record, field)
    return value === undefined ? undefined : valueInWords(field, value)
  }
  const [, name = '', rest = ''] = list
  const items = valueAt(record, name)
  if (!Array.isArray(items)) return undefined
  if (items.length === 0) return t('importExport:guided.none')
  return items.map((item) => (rest ? valueInWords(`${name}.0.${rest}`, valueAt(item, rest)) : describeItem(name, item))).join('; ')
}

/** The values a planned record takes from its cells, in the editor's words (notes are shown apart). */
export function mappedValues(record: RecordForm): MappedValue[] {
  return record.importedFrom
    .filter((cell) => cell.field !== '' && cell.field !== 'notes')
    .map((cell) => ({
      field: (TARGET_FIELDS as readonly string[]).includes(cell.field) ? targetLabel(cell.field as TargetField) : fieldInWords(cell.field),
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

const CONTACT_PARTS: readonly ContactPart[] = ['controller', 'dpo', 'representative']
const CONTACT_FIELDS: readonly ContactField[] = ['name', 'address', 'email', 'phone']

/** The contact fields where the file states something other than the stored organisation. */
export function organisationChanges(current: Organisation, found: OrganisationFound): OrganisationChange[] {
  const changes: OrganisationChange[] = []
  for (const part of CONTACT_PARTS) {
    for (const field of CONTACT_FIELDS) {
      const fromFile = found[part][field].trim()
      const stored = current[part][field]
      if (fromFile !== '' && fromFile !== stored.trim()) changes.push({ key: `${part}.${field}`, label: t('importExport:guided.organisationChange', { part: t(`importExport:guided.contact.${part}`), field: t(`importExport:guided.contactField.${field}`) }), current: stored, fromFile })
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
