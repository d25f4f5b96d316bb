/**
 * Writes the register's sheets into an exceljs workbook. The same function serves the
 * in-memory `Workbook` (browser build) and the streaming `stream.xlsx.WorkbookWriter` (Node,
 * see src-main/export/write-workbook-stream.ts): both expose addWorksheet / addRow /
 * dataValidations, and `commit()` on rows is a no-op in memory.
 */
import ExcelJS, { type DataValidation, type Workbook, type Worksheet } from 'exceljs'
import { art30Mark, headerRowCount, registerSheets, type CellValue, type ExportData, type SheetLayout } from './register-sheets'
import { columnLetter, listRange, neutraliseCell, SHEET, type ColumnSpec } from './columns'

export type ExportProgress = (done: number, total: number) => void

/** The minimum of an exceljs workbook both writers share. */
export type WorkbookLike = Pick<Workbook, 'addWorksheet'>

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } } as const
const MARK_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4F0' } } as const
const CELL_ALIGNMENT = { wrapText: true, vertical: 'top' } as const

/** How many rows between pauses that let a streaming writer's zip output drain. */
const ROWS_BETWEEN_PAUSES = 2000

/**
 * A telephone number ("+44 20 7946 0000"): a typed string cell is never run as a formula, and
 * even retyped this could only give an arithmetic error, never call anything, so it is written
 * as it is rather than with a guard quote an auditor would see. (CSV keeps the quote: there
 * the spreadsheet parses every field.)
 */
const PHONE_NUMBER = /^\+\d[\d ()./-]*$/

/** Strings are neutralised on the way out, so no sheet can forget it; '' leaves the cell empty in both writers. */
export function safeCell(value: CellValue): CellValue | null {
  if (value === '') return null
  if (typeof value !== 'string' || PHONE_NUMBER.test(value)) return value
  return neutraliseCell(value)
}

/**
 * The streaming writer without shared strings writes a string as a formula-result cell
 * (`t="str"`), whose line breaks LibreOffice drops; an inline string (`t="inlineStr"`, what
 * exceljs writes for rich text) keeps them. Only multi-line values need it.
 */
export function keepLineBreaks(value: CellValue | null): CellValue | null | ExcelJS.CellRichTextValue {
  return typeof value === 'string' && value.includes('\n') ? { richText: [{ text: value }] } : value
}

/** Points per line of 11-pt text, and Excel's largest row height. */
const LINE_POINTS = 15
const MAX_ROW_POINTS = 409

/**
 * The height a row needs for its wrapped text. Neither exceljs nor LibreOffice sizes rows to
 * their content when a workbook is opened, so without this a multi-line cell overprints the
 * rows below it when printed. A column width unit holds about one character of body text.
 */
export function rowHeight(values: ReadonlyArray<CellValue | null>, columns: readonly ColumnSpec[]): number | undefined {
  let lines = 1
  for (let index = 0; index < values.length; index++) {
    const value = values[index]
    if (typeof value !== 'string' || value.length === 0) continue
    const perLine = Math.max(1, Math.floor(columns[index]?.width ?? 10))
    let cellLines = 0
    for (let start = 0; start <= value.length; ) {
      const end = value.indexOf('\n', start)
      const length = (end === -1 ? value.length : end) - start
      cellLines += Math.max(1, Math.ceil(length / perLine))
      if (end === -1) break
      start = end + 1
    }
    if (cellLines > lines) lines = cellLines
  }
  return lines === 1 ? undefined : Math.min(MAX_ROW_POINTS, lines * LINE_POINTS)
}

/** Column width units that fit across one landscape page at a readable scale. */
const A4_WIDTH_UNITS = 300
const A3_WIDTH_UNITS = 300

/**
 * Print setup: landscape, fitted to the width of one A4 page; a sheet too wide for that (the
 * registers) goes on A3, fitted to as many pages across as keep it readable, with the
 * reference and activity name repeated on each.
 */
export function pageSetupFor(layout: Pick<SheetLayout, 'columns' | 'art30Row'>, recordSheet: boolean): Partial<ExcelJS.PageSetup> {
  const width = layout.columns.reduce((sum, spec) => sum + spec.width, 0)
  const wide = width > A4_WIDTH_UNITS
  const pagesAcross = wide ? Math.ceil(width / A3_WIDTH_UNITS) : 1
  return {
    orientation: 'landscape',
    // 8 is A3 in OOXML (ECMA-376 §18.3.1.63); exceljs's enum does not name it.
    paperSize: (wide ? 8 : 9) as ExcelJS.PaperSize,
    fitToPage: true,
    fitToWidth: pagesAcross,
    fitToHeight: 0,
    printTitlesRow: `1:${headerRowCount(layout)}`,
    ...(pagesAcross > 1 && recordSheet ? { printTitlesColumn: 'A:B' } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 }
  }
}

function isRecordSheet(layout: SheetLayout): boolean {
  return layout.columns[0]?.key === 'reference' && layout.name !== SHEET.data
}

/** One sheet with its header rows, frozen panes, autofilter, widths, print setup and validations. */
export function addRegisterSheet(workbook: WorkbookLike, layout: SheetLayout): Worksheet {
  const headerRows = headerRowCount(layout)
  const lastColumn = columnLetter(layout.columns.length)
  const worksheet = workbook.addWorksheet(layout.name, {
    state: layout.state,
    views: [{ state: 'frozen', ySplit: headerRows, xSplit: isRecordSheet(layout) ? 1 : 0 }],
    pageSetup: pageSetupFor(layout, isRecordSheet(layout))
  })
  worksheet.columns = layout.columns.map((spec) => ({ key: spec.key, width: spec.width, style: { alignment: CELL_ALIGNMENT } }))
  worksheet.autoFilter = `A${headerRows}:${lastColumn}${headerRows}`

  if (layout.art30Row) {
    const marks = worksheet.addRow(layout.columns.map((spec) => safeCell(art30Mark(spec))))
    marks.font = { italic: true, size: 9, color: { argb: 'FF1F3864' } }
    marks.fill = MARK_FILL
    marks.commit()
  }
  const header = worksheet.addRow(layout.columns.map((spec) => spec.header))
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } }
  header.fill = HEADER_FILL
  header.alignment = CELL_ALIGNMENT
  header.height = layout.columns.some((spec) => spec.header.length > 60) ? 90 : 32
  header.commit()

  const firstRow = headerRows + 1
  const lastRow = headerRows + layout.rowCount
  // Range validations exist in exceljs (one <dataValidation sqref="B3:B900">) but not in its typings.
  const validations = (worksheet as Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } }).dataValidations
  if (layout.rowCount > 0) {
    layout.columns.forEach((spec, index) => {
      if (!spec.list) return
      const letter = columnLetter(index + 1)
      validations.add(`${letter}${firstRow}:${letter}${lastRow}`, {
        type: 'list',
        allowBlank: true,
        formulae: [listRange(spec.list)],
        showErrorMessage: true,
        errorTitle: spec.header,
        error: `Choose a value from the list (sheet ${SHEET.lists}).`
      })
    })
  }
  return worksheet
}

/** Total rows the writers will report progress against. */
export function exportRowTotal(layouts: readonly SheetLayout[]): number {
  return layouts.reduce((sum, layout) => sum + layout.rowCount, 0)
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * Adds every sheet of the register to `workbook`. With a streaming writer, rows are committed
 * as they are written and the caller commits the workbook afterwards.
 */
export async function buildWorkbook(workbook: WorkbookLike, data: ExportData, onProgress?: ExportProgress, options: { inlineLineBreaks?: boolean } = {}): Promise<void> {
  const layouts = registerSheets(data)
  const total = exportRowTotal(layouts)
  let done = 0
  for (const layout of layouts) {
    const worksheet = addRegisterSheet(workbook, layout)
    let sheetRows = 0
    // The hidden sheets are for machines: their rows keep the default height.
    const sized = layout.state === 'visible'
    for (const values of layout.rows()) {
      const cells = values.map(safeCell)
      const row = worksheet.addRow(options.inlineLineBreaks ? cells.map(keepLineBreaks) : cells)
      const height = sized ? rowHeight(cells, layout.columns) : undefined
      if (height !== undefined) row.height = height
      row.commit()
      sheetRows++
      // The Data sheet may hold more than one row per record; progress counts records there.
      if (layout.name !== SHEET.data || values[1] === 1) done = Math.min(total, done + 1)
      if (sheetRows % ROWS_BETWEEN_PAUSES === 0) {
        onProgress?.(done, total)
        await pause()
      }
    }
    ;(worksheet as Worksheet & { commit?: () => void }).commit?.()
    onProgress?.(done, total)
  }
}

/** The in-memory route (browser build): the whole workbook as .xlsx bytes. */
export async function writeWorkbookBuffer(data: ExportData, onProgress?: ExportProgress): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'RoPA Manager'
  workbook.created = new Date(data.exportedAt)
  await buildWorkbook(workbook, data, onProgress)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
