/**
 * Writes the register's sheets into an exceljs workbook. The same function serves the
 * in-memory `Workbook` (browser build) and the streaming `stream.xlsx.WorkbookWriter` (Node,
 * see src-main/export/write-workbook-stream.ts): both expose addWorksheet / addRow /
 * dataValidations, and `commit()` on rows is a no-op in memory.
 */
import ExcelJS, { type DataValidation, type Workbook, type Worksheet } from 'exceljs'
import { art30Mark, headerRowCount, registerSheets, type CellValue, type ExportData, type SheetLayout } from './register-sheets'
import { columnLetter, listRange, neutraliseCell, SHEET } from './columns'

export type ExportProgress = (done: number, total: number) => void

/** The minimum of an exceljs workbook both writers share. */
export type WorkbookLike = Pick<Workbook, 'addWorksheet'>

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } } as const
const MARK_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4F0' } } as const
const CELL_ALIGNMENT = { wrapText: true, vertical: 'top' } as const

/** How many rows between pauses that let a streaming writer's zip output drain. */
const ROWS_BETWEEN_PAUSES = 2000

/** Strings are neutralised on the way out, so no sheet can forget it; '' leaves the cell empty in both writers. */
export function safeCell(value: CellValue): CellValue | null {
  if (value === '') return null
  return typeof value === 'string' ? neutraliseCell(value) : value
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
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `1:${headerRows}`
    }
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
export async function buildWorkbook(workbook: WorkbookLike, data: ExportData, onProgress?: ExportProgress): Promise<void> {
  const layouts = registerSheets(data)
  const total = exportRowTotal(layouts)
  let done = 0
  for (const layout of layouts) {
    const worksheet = addRegisterSheet(workbook, layout)
    let sheetRows = 0
    for (const values of layout.rows()) {
      worksheet.addRow(values.map(safeCell)).commit()
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
