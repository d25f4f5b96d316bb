/**
 * Writes the register's sheets, each row with its row hash, and the Verification sheet, into
 * the small .xlsx writer (xlsx-writer.ts) that every export uses: the browser build in a Web
 * Worker, and the desktop main process and CLI (src-main/export/write-workbook-stream.ts).
 * `addRegisterSheet` lays out the same sheet in exceljs, for the benchmark's floor (exceljs's
 * streaming writer alone on the same cells).
 */
import ExcelJS, { type DataValidation, type Workbook, type Worksheet } from 'exceljs'
import { art30Mark, exportLocale, headerRowCount, ORGANISATION_DATA_REFERENCE, recordsFingerprint, registerSheets, sheetName, type CellValue, type ExportData, type SheetLayout } from './register-sheets'
import type { Locale } from '../i18n'
import { lookupText } from '../i18n/catalogues'
import { columnLetter, fitCell, listRange, looksLikeFormula, SHEET, type ColumnSpec } from './columns'
import { XLSX_STYLE, XlsxWorkbook, type XlsxHeaderFooter, type XlsxValidation } from './xlsx-writer'
import { inlineDigests, portableHash, ROW_HASH_HEADER, rowText, shortFingerprint, verificationRows, type CreateHash, type SheetDigest, type SheetDigests } from './verification'

export type ExportProgress = (done: number, total: number) => void

/** The minimum of an exceljs workbook both writers share. */
export type WorkbookLike = Pick<Workbook, 'addWorksheet'>

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } } as const
const MARK_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4F0' } } as const
const CELL_ALIGNMENT = { wrapText: true, vertical: 'top' } as const
const HASH_FONT = { size: 8, color: { argb: 'FF7F7F7F' } } as const

/** How many rows between pauses that let the compressor catch up (and a worker post its progress). */
const ROWS_BETWEEN_PAUSES = 2000

/** A cell as written: '' leaves it empty in both writers, and a long text is cut at Excel's limit with a marker. */
export function safeCell(value: CellValue): CellValue | null {
  if (value === '') return null
  return fitCell(value)
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

/** What every printed page says: whose register, which sheet, which page, when, and which export (the fingerprint of the whole export). */
export interface PrintContext {
  organisation: string
  exportedAt: string
  fingerprint: string
  /** The language of the page texts; English when not set. */
  locale?: Locale
}

/** Header and footer text: '&' starts a code in them, so a literal one is doubled; Excel allows 255 characters. */
function headerText(text: string, limit: number): string {
  const cut = text.length > limit ? `${text.slice(0, limit - 1)}…` : text
  return cut.replace(/&/g, '&&')
}

export function headerFooterFor(sheet: string, context: PrintContext): Partial<ExcelJS.HeaderFooter> {
  const when = context.exportedAt.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, ' UTC')
  const header = `&L&B${headerText(context.organisation, 100)}&B&R${headerText(sheet, 40)}`
  const say = (key: string, params: Record<string, string>) => lookupText(context.locale ?? 'en', `workbook:print.${key}`, params)
  const footer = `&L${say('page', { page: '&P', pages: '&N' })}&C${say('exported', { when: headerText(when, 40) })}&R${say('fingerprint', { fingerprint: shortFingerprint(context.fingerprint) })}`
  return { oddHeader: header, oddFooter: footer, evenHeader: header, evenFooter: footer }
}

/**
 * Print setup: landscape, fitted to the width of one A4 page; a sheet too wide for that (the
 * registers) goes on A3, fitted to as many pages across as keep it readable, with the
 * reference and activity name repeated on each, printed across then down so that one
 * record's pages follow each other.
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
    pageOrder: 'overThenDown',
    printTitlesRow: `1:${headerRowCount(layout)}`,
    ...(pagesAcross > 1 && recordSheet ? { printTitlesColumn: 'A:B' } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 }
  }
}

function isRecordSheet(layout: SheetLayout): boolean {
  return layout.columns[0]?.key === 'reference' && layout.name !== SHEET.data
}

/** The last column of every sheet: the SHA-256 of the row's other cells (see verification.ts). */
export const ROW_HASH_COLUMN: ColumnSpec = { key: 'rowHash', header: ROW_HASH_HEADER, width: 18, requiredByArt30: null, list: null }

/** The heading rows of a sheet, as written (without the row-hash column). */
export function headingRows(layout: Pick<SheetLayout, 'columns' | 'art30Row' | 'locale'>): Array<Array<string | null>> {
  const rows: Array<Array<string | null>> = []
  if (layout.art30Row) rows.push(layout.columns.map((spec) => safeText(art30Mark(spec, layout.locale))))
  rows.push(layout.columns.map((spec) => spec.header))
  return rows
}
const safeText = (value: string) => (value === '' ? null : value)

/** The range an autofilter covers: the heading row and every row below it, as Excel writes it. */
export function filterRange(layout: Pick<SheetLayout, 'columns' | 'art30Row' | 'rowCount'>, withRowHash: boolean): string {
  const headerRows = headerRowCount(layout)
  const lastColumn = columnLetter(layout.columns.length + (withRowHash ? 1 : 0))
  return `A${headerRows}:${lastColumn}${headerRows + Math.max(layout.rowCount, 0)}`
}

/** One sheet with its header rows, frozen panes, autofilter, widths, print setup, header and footer, and validations. */
export function addRegisterSheet(workbook: WorkbookLike, layout: SheetLayout, print?: PrintContext, withRowHash = false): Worksheet {
  const headerRows = headerRowCount(layout)
  const columns = withRowHash ? [...layout.columns, ROW_HASH_COLUMN] : layout.columns
  const worksheet = workbook.addWorksheet(layout.name, {
    state: layout.state,
    views: [{ state: 'frozen', ySplit: headerRows, xSplit: isRecordSheet(layout) ? 1 : 0 }],
    pageSetup: pageSetupFor(layout, isRecordSheet(layout)),
    ...(print && layout.state === 'visible' ? { headerFooter: headerFooterFor(layout.name, print) } : {})
  })
  worksheet.columns = columns.map((spec) => ({
    key: spec.key,
    width: spec.width,
    style: spec === ROW_HASH_COLUMN ? { alignment: CELL_ALIGNMENT, font: HASH_FONT } : { alignment: CELL_ALIGNMENT }
  }))
  worksheet.autoFilter = filterRange(layout, withRowHash)

  const [marksValues, headerValues] = layout.art30Row ? headingRows(layout) : [null, headingRows(layout)[0]!]
  if (marksValues) {
    const marks = worksheet.addRow(marksValues)
    marks.font = { italic: true, size: 9, color: { argb: 'FF1F3864' } }
    marks.fill = MARK_FILL
    marks.commit()
  }
  const header = worksheet.addRow(withRowHash ? [...headerValues, ROW_HASH_HEADER] : headerValues)
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } }
  header.fill = HEADER_FILL
  header.alignment = CELL_ALIGNMENT
  header.height = headerHeight(layout)
  header.commit()

  // Range validations exist in exceljs (one <dataValidation sqref="B3:B900">) but not in its typings.
  const validations = (worksheet as Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } }).dataValidations
  for (const validation of listValidations(layout)) {
    validations.add(validation.range, {
      type: 'list',
      allowBlank: true,
      formulae: [validation.list],
      showErrorMessage: true,
      errorTitle: validation.title,
      error: validation.error
    })
  }
  return worksheet
}

/** A drop-down from the hidden Lists sheet on each enumerated column, over the rows written. */
export function listValidations(layout: SheetLayout): XlsxValidation[] {
  if (layout.rowCount === 0) return []
  const firstRow = headerRowCount(layout) + 1
  const lastRow = headerRowCount(layout) + layout.rowCount
  return layout.columns.flatMap((spec, index) => {
    if (!spec.list) return []
    const letter = columnLetter(index + 1)
    return [{ range: `${letter}${firstRow}:${letter}${lastRow}`, list: listRange(spec.list), title: spec.header, error: `Choose a value from the list (sheet ${SHEET.lists}).` }]
  })
}

const headerHeight = (layout: Pick<SheetLayout, 'columns'>) => (layout.columns.some((spec) => spec.header.length > 60) ? 90 : 32)

/** The small writer as the build's target: each sheet's header and footer are added when the workbook is finished. */
function xlsxSheetFor(workbook: XlsxWorkbook, layout: SheetLayout, withRowHash: boolean) {
  const setup = pageSetupFor(layout, isRecordSheet(layout))
  const sheet = workbook.addSheet({
    name: layout.name,
    hidden: layout.state !== 'visible',
    columns: [...layout.columns.map((spec) => ({ width: spec.width, style: XLSX_STYLE.body })), ...(withRowHash ? [{ width: ROW_HASH_COLUMN.width, style: XLSX_STYLE.hash }] : [])],
    rowCount: headerRowCount(layout) + layout.rowCount,
    frozen: { rows: headerRowCount(layout), columns: isRecordSheet(layout) ? 1 : 0 },
    autoFilter: filterRange(layout, withRowHash),
    validations: listValidations(layout),
    page: {
      paperSize: setup.paperSize ?? 9,
      fitToWidth: setup.fitToWidth ?? 1,
      pageOrder: 'overThenDown',
      titleRows: setup.printTitlesRow ?? '1:1',
      titleColumns: setup.printTitlesColumn ?? null,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25, ...setup.margins }
    }
  })
  const [marks, header] = layout.art30Row ? headingRows(layout) : [null, headingRows(layout)[0]!]
  if (marks) sheet.addRow(withRowHash ? [...marks, null] : marks, XLSX_STYLE.marks, undefined)
  sheet.addRow(withRowHash ? [...header, ROW_HASH_HEADER] : header, XLSX_STYLE.header, headerHeight(layout))
  return sheet
}

/** Total rows the writers will report progress against. */
export function exportRowTotal(layouts: readonly SheetLayout[]): number {
  return layouts.reduce((sum, layout) => sum + layout.rowCount, 0)
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export interface BuildOptions {
  /** SHA-256 for the row and column hashes; the portable one unless the host has a faster one. */
  createHash?: CreateHash
  /** Where the sheets' row and column hashes are computed: here with `createHash` unless given (the browser build: a second worker). */
  digests?: SheetDigests
}

/**
 * Rows go to the digests in blocks of about this many characters of text: few enough messages
 * when the digests are computed on another thread, and little held while a block waits.
 */
const DIGEST_BLOCK_CHARACTERS = 128 * 1024
/** Blocks handed to the digests ahead of the one being written, so that the writer seldom waits for hashes. */
const BLOCKS_AHEAD = 2

/** A row built, waiting for its row hash before it is written. */
interface WaitingRow {
  cells: Array<CellValue | null>
  height: number | undefined
  quoted: ReadonlySet<number>
  /** Whether the row counts towards progress (the Data sheet's rows after a record's first do not). */
  counted: boolean
}

/** The finished workbook, and the fingerprint of the whole export its Verification sheet and every footer state. */
export interface BuiltWorkbook {
  bytes: Uint8Array<ArrayBuffer>
  fingerprint: string
}

const NONE_QUOTED: ReadonlySet<number> = new Set()
const quotedCells = (cells: ReadonlyArray<CellValue | null>): ReadonlySet<number> => {
  let quoted: Set<number> | null = null
  for (let index = 0; index < cells.length; index++) {
    const value = cells[index]
    if (typeof value === 'string' && looksLikeFormula(value)) (quoted ??= new Set()).add(index)
  }
  return quoted ?? NONE_QUOTED
}

/**
 * Writes every sheet of the register, each row ending with its row hash, and the Verification
 * sheet last; then, the fingerprint of the whole export known (verification.ts says what it
 * covers), every visible sheet's header and footer, and the file.
 */
export async function buildWorkbook(data: ExportData, onProgress?: ExportProgress, options: BuildOptions = {}): Promise<BuiltWorkbook> {
  const createHash = options.createHash ?? portableHash
  const recordsPrint = data.fingerprint ?? recordsFingerprint(data.records)
  const layouts = registerSheets({ ...data, fingerprint: recordsPrint })
  const workbook = new XlsxWorkbook({ creator: 'RoPA Manager', created: data.exportedAt })
  const locale = exportLocale(data)
  const total = exportRowTotal(layouts)
  const filterRanges = new Map<number, string>()
  const digests = options.digests ?? inlineDigests(createHash)
  const sheetDigests: Array<Promise<SheetDigest>> = []
  let done = 0
  for (const [sheetIndex, layout] of layouts.entries()) {
    const sheet = xlsxSheetFor(workbook, layout, true)
    filterRanges.set(sheetIndex, `'${layout.name}'!${absolute(filterRange(layout, true))}`)
    const sheetId = digests.open(layout.name, layout.columns.map((spec) => spec.header))
    const headings = headingRows(layout)
    // Only the last heading row names the row-hash column; the Art. 30 marks row leaves it empty.
    digests.headings(sheetId, headings.map((heading, index) => rowText([...heading, index === headings.length - 1 ? ROW_HASH_HEADER : null])))
    const blocks: Array<{ rows: WaitingRow[]; hashes: Promise<string[]> }> = []
    let rows: WaitingRow[] = []
    let texts: string[] = []
    let characters = 0
    const handOver = () => {
      if (rows.length === 0) return
      const hashes = digests.rows(sheetId, texts)
      // A failure shows where the block is written; this keeps it from being reported as unhandled meanwhile.
      hashes.catch(() => undefined)
      blocks.push({ rows, hashes })
      rows = []
      texts = []
      characters = 0
    }
    let sheetRows = 0
    let pausedAt = 0
    const writeBlock = async () => {
      const block = blocks.shift()!
      const hashes = await block.hashes
      block.rows.forEach((row, index) => {
        row.cells.push(hashes[index]!)
        sheet.addRow(row.cells, null, row.height, row.quoted)
        if (row.counted) done = Math.min(total, done + 1)
      })
      sheetRows += block.rows.length
      if (sheetRows - pausedAt >= ROWS_BETWEEN_PAUSES) {
        pausedAt = sheetRows
        onProgress?.(done, total)
        await Promise.all([sheet.ready(), pause()])
      }
    }
    // The hidden sheets are for machines: their rows keep the default height.
    const sized = layout.state === 'visible'
    for (const values of layout.rows()) {
      const cells = values.map(safeCell)
      const text = rowText(cells)
      // The Data sheet may hold more than one row per record; progress counts records there.
      const counted = layout.name !== SHEET.data || (values[1] === 1 && values[0] !== ORGANISATION_DATA_REFERENCE)
      rows.push({ cells, height: sized ? rowHeight(cells, layout.columns) : undefined, quoted: quotedCells(cells), counted })
      texts.push(text)
      characters += text.length
      if (characters >= DIGEST_BLOCK_CHARACTERS) {
        handOver()
        if (blocks.length > BLOCKS_AHEAD) await writeBlock()
      }
    }
    handOver()
    while (blocks.length > 0) await writeBlock()
    const digest = digests.close(sheetId)
    digest.catch(() => undefined)
    sheetDigests.push(digest)
    onProgress?.(done, total)
  }

  const audit = data.audit ? { count: data.audit.anchor.count, headHash: data.audit.anchor.headHash } : null
  const verification = verificationRows({ exportedAt: data.exportedAt, recordsFingerprint: recordsPrint, audit }, await Promise.all(sheetDigests), createHash)
  const verificationSheet = sheetName('verification', locale)
  const columns = VERIFICATION_COLUMNS.map((spec) => (spec.key === 'rowHash' ? spec : { ...spec, header: lookupText(locale, `workbook:verification.${spec.key}`) }))
  const layout: SheetLayout = { name: verificationSheet, state: 'visible', columns, art30Row: false, rowCount: verification.rows.length, rows: () => verification.rows }
  const sheet = xlsxSheetFor(workbook, layout, false)
  filterRanges.set(layouts.length, `'${verificationSheet}'!${absolute(filterRange(layout, false))}`)
  for (const values of verification.rows) {
    const cells = values.map(safeCell)
    sheet.addRow(cells, null, undefined, quotedCells(cells))
  }
  const print: PrintContext = {
    organisation: data.organisation?.controller.name || lookupText(locale, 'workbook:print.noOrganisation'),
    exportedAt: data.exportedAt,
    fingerprint: verification.fingerprint,
    locale
  }
  const headerFooter = (options: { name: string; hidden: boolean }): XlsxHeaderFooter | null => {
    if (options.hidden) return null
    const text = headerFooterFor(options.name, print)
    return { header: text.oddHeader ?? '', footer: text.oddFooter ?? '' }
  }
  return { bytes: await workbook.bytes(headerFooter, filterRanges), fingerprint: verification.fingerprint }
}

export const VERIFICATION_COLUMNS: ColumnSpec[] = [
  { key: 'section', header: 'Section', width: 24, requiredByArt30: null, list: null },
  { key: 'item', header: 'Item', width: 44, requiredByArt30: null, list: null },
  { key: 'value', header: 'Value', width: 70, requiredByArt30: null, list: null },
  { key: 'rowHash', header: ROW_HASH_HEADER, width: 18, requiredByArt30: null, list: null }
]

/** `A2:C9` → `$A$2:$C$9` */
function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')
}

/** The whole workbook as .xlsx bytes. */
export async function writeWorkbookBuffer(data: ExportData, onProgress?: ExportProgress, options: BuildOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  return (await buildWorkbook(data, onProgress, options)).bytes
}
