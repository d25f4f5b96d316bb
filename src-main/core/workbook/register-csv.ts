/**
 * The register as CSV: one row per activity, the same columns as the workbook's registers
 * (controller and processor columns together), UTF-8 with a BOM so that Excel detects the
 * encoding, RFC 4180 quoting and CRLF line ends, and formula neutralisation in every cell.
 */
import type { StoredRecord } from '../records/model'
import { neutraliseCell } from './columns'
import { CSV_COLUMNS, sortByReference, type CellValue } from './register-sheets'

const BOM = '\uFEFF'

/** RFC 4180: quote a field that holds a comma, a quote or a line break; double inner quotes. */
export function csvField(value: CellValue): string {
  const text = typeof value === 'number' ? String(value) : neutraliseCell(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function registerCsv(records: readonly StoredRecord[]): string {
  const rows = [CSV_COLUMNS.map((column) => csvField(column.header)).join(',')]
  for (const record of sortByReference(records)) rows.push(CSV_COLUMNS.map((column) => csvField(column.value(record))).join(','))
  return `${BOM}${rows.join('\r\n')}\r\n`
}
