/**
 * The register as CSV: one row per activity, the same columns as the workbook's registers
 * (controller and processor columns together), UTF-8 with a BOM so that Excel detects the
 * encoding, RFC 4180 quoting and CRLF line ends, and formula neutralisation in every cell.
 */
import type { Locale } from '../i18n'
import type { StoredRecord } from '../records/model'
import { neutraliseCell } from './columns'
import { REGISTER_LAYOUTS, type WorkbookLayoutName } from './layouts'
import { recordText } from './layouts/record-text'
import { CSV_COLUMNS, sortByReference, type CellValue, type Column } from './register-sheets'

const BOM = '\uFEFF'

/** RFC 4180: quote a field that holds a comma, a quote or a line break; double inner quotes. */
export function csvField(value: CellValue): string {
  const text = typeof value === 'number' ? String(value) : neutraliseCell(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The CSV's columns in a layout: its controller register's, then the processor register's that the controller's lack. */
export function csvColumns(layout: WorkbookLayoutName = 'ico', locale?: Locale): Column<StoredRecord>[] {
  if (layout === 'ico' && (locale === undefined || locale === 'en')) return CSV_COLUMNS
  const model = REGISTER_LAYOUTS[layout]
  const text = recordText(locale ?? model.locale)
  const controller = model.controller.columns(text)
  return [...controller, ...model.processor.columns(text).filter((candidate) => !controller.some((existing) => existing.key === candidate.key))]
}

/** Headings follow the layout (ICO in English by default, CNIL in French, DSK in German); values the language. */
export function registerCsv(records: readonly StoredRecord[], options: { layout?: WorkbookLayoutName; locale?: Locale } = {}): string {
  const columns = csvColumns(options.layout, options.locale)
  const rows = [columns.map((column) => csvField(column.header)).join(',')]
  for (const record of sortByReference(records)) rows.push(columns.map((column) => csvField(column.value(record))).join(','))
  return `${BOM}${rows.join('\r\n')}\r\n`
}
