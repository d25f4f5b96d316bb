/**
 * What the register list needs of each record, and the search, filters, sort and counts
 * over it. Pure and in memory, so that a keystroke never touches the database.
 */
import { LAWFUL_BASIS_LABELS, RECIPIENT_TYPE_LABELS, RECORD_ROLE_LABELS, RECORD_STATUS_LABELS, TRANSFER_INSTRUMENT_LABELS, TRANSFER_MECHANISM_LABELS, type LawfulBasis, type RecordRole, type RecordStatus } from './enums'
import { referenceNumber, type StoredRecord } from './model'
import { termLabel } from '../vocabulary/vocabulary'

export interface RegisterRow {
  id: string
  reference: string
  referenceNumber: number
  /** The reference in the DPO's earlier register (a migrated spreadsheet); '' when none. */
  previousReference: string
  name: string
  role: RecordRole
  status: RecordStatus
  businessFunction: string
  lawfulBases: LawfulBasis[]
  transferCountries: string[]
  recipientNames: string[]
  nextReview: string
  updatedAt: string
  /** Every text of the record, with labels for stored keys, lower-cased. */
  searchText: string
}

/** Collects every string in a value, depth first. */
function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') {
    if (value !== '') into.push(value)
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, into)
  } else if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) collectStrings(inner, into)
  }
}

function labelsOf(record: StoredRecord): string[] {
  return [
    RECORD_ROLE_LABELS[record.role],
    RECORD_STATUS_LABELS[record.status],
    ...record.purposes.flatMap((purpose) => [purpose.lawfulBasis ? LAWFUL_BASIS_LABELS[purpose.lawfulBasis] : '', ...purpose.uses.map(termLabel)]),
    ...record.dataSubjects.map(termLabel),
    ...record.dataCategories.map((category) => termLabel(category.term)),
    ...record.recipients.map((recipient) => RECIPIENT_TYPE_LABELS[recipient.type]),
    ...record.transfers.flatMap((transfer) => [transfer.mechanism ? TRANSFER_MECHANISM_LABELS[transfer.mechanism] : '', transfer.instrument ? TRANSFER_INSTRUMENT_LABELS[transfer.instrument] : ''])
  ]
}

const unique = <T>(values: T[]): T[] => [...new Set(values)]

export function toRegisterRow(record: StoredRecord): RegisterRow {
  const texts: string[] = []
  // Import evidence is searched by what its cells said, not by where they were: every migrated
  // record names the same file, sheet and headings, which would make them all match.
  const { importedFrom, ...fields } = record
  collectStrings(fields, texts)
  for (const cell of importedFrom ?? []) if (cell.text !== '') texts.push(cell.text)
  return {
    id: record.id,
    reference: record.reference,
    referenceNumber: referenceNumber(record.reference),
    previousReference: record.previousReference ?? '',
    name: record.name,
    role: record.role,
    status: record.status,
    businessFunction: record.businessFunction,
    lawfulBases: unique(record.purposes.map((purpose) => purpose.lawfulBasis).filter((basis): basis is LawfulBasis => basis !== '')),
    transferCountries: unique(record.transfers.map((transfer) => transfer.country.trim()).filter(Boolean)),
    recipientNames: unique(record.recipients.map((recipient) => recipient.name.trim()).filter(Boolean)),
    nextReview: record.nextReview,
    updatedAt: record.updatedAt,
    searchText: [...texts, ...labelsOf(record)].join('\n').toLowerCase()
  }
}

export interface RegisterFilter {
  text: string
  role: RecordRole | ''
  status: RecordStatus | ''
  lawfulBasis: LawfulBasis | ''
  businessFunction: string
  transferCountry: string
  recipient: string
  /** Archived records are hidden unless asked for or filtered by status. */
  includeArchived: boolean
}

export const EMPTY_FILTER: RegisterFilter = {
  text: '',
  role: '',
  status: '',
  lawfulBasis: '',
  businessFunction: '',
  transferCountry: '',
  recipient: '',
  includeArchived: false
}

export function matchesFilter(row: RegisterRow, filter: RegisterFilter, tokens: string[]): boolean {
  if (filter.role && row.role !== filter.role) return false
  if (filter.status ? row.status !== filter.status : !filter.includeArchived && row.status === 'archived') return false
  if (filter.lawfulBasis && !row.lawfulBases.includes(filter.lawfulBasis)) return false
  if (filter.businessFunction && row.businessFunction !== filter.businessFunction) return false
  if (filter.transferCountry && !row.transferCountries.includes(filter.transferCountry)) return false
  if (filter.recipient && !row.recipientNames.includes(filter.recipient)) return false
  return tokens.every((token) => row.searchText.includes(token))
}

/** Search words: every one must appear somewhere in the record. */
export function searchTokens(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean)
}

export function filterRows(rows: readonly RegisterRow[], filter: RegisterFilter): RegisterRow[] {
  const tokens = searchTokens(filter.text)
  return rows.filter((row) => matchesFilter(row, filter, tokens))
}

export type SortColumn = 'reference' | 'name' | 'role' | 'status' | 'businessFunction' | 'nextReview' | 'updatedAt'
export interface RegisterSort {
  column: SortColumn
  direction: 'asc' | 'desc'
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

export function sortRows(rows: RegisterRow[], sort: RegisterSort): RegisterRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1
  const compare =
    sort.column === 'reference'
      ? (a: RegisterRow, b: RegisterRow) => a.referenceNumber - b.referenceNumber
      : (a: RegisterRow, b: RegisterRow) => {
          const left = a[sort.column]
          const right = b[sort.column]
          // Blank values sort last whichever the direction, so that "next review" shows real dates first.
          if (left === '' || right === '') return left === right ? 0 : left === '' ? 1 : -1
          return sign * collator.compare(left, right) || a.referenceNumber - b.referenceNumber
        }
  return [...rows].sort(sort.column === 'reference' ? (a, b) => sign * compare(a, b) : compare)
}

/** Distinct values of a field across rows, for the filter drop-downs. */
export function distinctValues(rows: readonly RegisterRow[], pick: (row: RegisterRow) => string | string[]): string[] {
  const values = new Set<string>()
  for (const row of rows) {
    const picked = pick(row)
    for (const value of Array.isArray(picked) ? picked : [picked]) if (value) values.add(value)
  }
  return [...values].sort(collator.compare)
}

export function countBy<K extends string>(rows: readonly RegisterRow[], pick: (row: RegisterRow) => K): Record<K, number> {
  const counts = {} as Record<K, number>
  for (const row of rows) counts[pick(row)] = (counts[pick(row)] ?? 0) + 1
  return counts
}
