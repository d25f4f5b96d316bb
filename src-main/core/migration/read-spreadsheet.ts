/**
 * Reads a register kept in a spreadsheet into plain text cells: .xlsx through exceljs (after
 * the zip-bomb guard), .ods through SheetJS, .csv through papaparse with the separator and
 * the text encoding detected. Every cell becomes the text a person sees (dates as ISO dates);
 * a merged range keeps its text in its top-left cell only, and the range is listed.
 */
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import * as XLSX from '@e965/xlsx'
import { fileProblemAt, fileProblemRef, fileProblemWhere, sizeParam } from '../i18n/file-problem'
import { numberParam, type MessageParam } from '../i18n/message'
import { problemAt } from '../i18n/problem'
import { columnLetter, SHEET, WORKBOOK_FORMAT_MARK } from '../workbook/columns'
import { cellText, libraryErrorRef } from '../workbook/read-workbook'
import { checkXlsx, DEFAULT_XLSX_LIMITS } from '../workbook/xlsx-guard'
import type { MergedRange, SpreadsheetFile, SpreadsheetRead, SpreadsheetSheet } from './types'

/** No legacy register comes near these; they keep a hostile file from building a huge grid. */
export const MAX_SPREADSHEET_BYTES = DEFAULT_XLSX_LIMITS.maxFileBytes
export const MAX_GRID_CELLS = 2_000_000

export async function readSpreadsheet(fileName: string, bytes: Uint8Array): Promise<SpreadsheetRead> {
  if (bytes.length > MAX_SPREADSHEET_BYTES) return refused(fileName, 'tooLarge', { size: sizeParam(bytes.length), limit: sizeParam(MAX_SPREADSHEET_BYTES) })
  if (bytes.length === 0) return refused(fileName, 'empty')
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? ''
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
  try {
    if (extension === 'csv' || extension === 'txt') return readCsv(fileName, bytes)
    if (extension === 'ods' || (isZip && containsAscii(bytes, 'application/vnd.oasis.opendocument.spreadsheet'))) return readOds(fileName, bytes)
    if (extension === 'xlsx' || isZip) return await readXlsx(fileName, bytes)
  } catch (error) {
    return { ok: false, problems: [fileProblemAt(fileName, 'notRead', { file: fileName, detail: libraryErrorRef(error) })] }
  }
  return refused(fileName, 'unknownKind')
}

/** The file refused as a whole, for the reason `fileProblems:spreadsheet.<key>` gives. */
function refused(fileName: string, key: string, params?: Record<string, MessageParam>): SpreadsheetRead {
  return { ok: false, problems: [fileProblemAt(fileName, `spreadsheet.${key}`, { file: fileName, ...params })] }
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  // The ODF mimetype entry is stored first and uncompressed, within the first 100 bytes.
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 200)))
  return head.includes(text)
}

/** A grid with every row as long as the longest one, so that column letters line up. */
function rectangular(rows: string[][]): string[][] {
  const width = Math.max(0, ...rows.map((row) => row.length))
  return rows.map((row) => (row.length === width ? row : [...row, ...Array<string>(width - row.length).fill('')]))
}

function mergedRange(top: number, left: number, bottom: number, right: number): MergedRange {
  return { range: `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`, top, left, bottom, right }
}

// ---------------------------------------------------------------- .xlsx

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<SpreadsheetRead> {
  const guardProblems = await checkXlsx(bytes, fileName)
  if (guardProblems.length > 0) return { ok: false, problems: guardProblems }
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs's typings ask for a Node Buffer; it accepts any ArrayBuffer view (jszip).
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (error) {
    return { ok: false, problems: [problemAt(fileName, 'read.notXlsx', { file: fileName, detail: libraryErrorRef(error) })] }
  }
  const sheets: SpreadsheetSheet[] = []
  for (const worksheet of workbook.worksheets) {
    const merges = Object.values((worksheet as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges).map(
      (range) => mergedRange(range.top, range.left, range.bottom, range.right)
    )
    const rows: string[][] = []
    for (let rowNumber = 1; rowNumber <= worksheet.rowCount; rowNumber++) {
      const row = worksheet.getRow(rowNumber)
      const texts: string[] = []
      for (let column = 1; column <= row.cellCount; column++) {
        const cell = row.getCell(column)
        // A merged range's other cells repeat its top-left value: keep it once.
        texts.push(cell.isMerged && cell.master !== cell ? '' : cellText(cell.value))
      }
      rows.push(texts)
    }
    sheets.push({ name: worksheet.name, hidden: worksheet.state !== 'visible', rows: rectangular(trimTrailing(rows)), merges })
  }
  // The Cover carries the format mark whatever the export's language named it (Cover, Page de garde, Deckblatt).
  const appWorkbookWithData = sheets.some((sheet) => sheet.name === SHEET.data) && sheets.some((sheet) => sheet.rows[1]?.[2] === WORKBOOK_FORMAT_MARK)
  return { ok: true, file: { fileName, format: 'xlsx', sheets, csv: null, appWorkbookWithData } }
}

function trimTrailing(rows: string[][]): string[][] {
  let last = rows.length
  while (last > 0 && rows[last - 1]!.every((text) => text === '')) last--
  return rows.slice(0, last)
}

// ---------------------------------------------------------------- .ods

function readOds(fileName: string, bytes: Uint8Array): SpreadsheetRead {
  const workbook = XLSX.read(bytes, { type: 'array', cellDates: true, cellFormula: false, cellHTML: false, sheetRows: 0 })
  const sheets: SpreadsheetSheet[] = []
  let cells = 0
  for (const [index, name] of workbook.SheetNames.entries()) {
    const sheet = workbook.Sheets[name]
    if (!sheet) continue
    const grid: string[][] = []
    for (const address of Object.keys(sheet)) {
      if (address.startsWith('!')) continue
      const cell = sheet[address] as XLSX.CellObject
      const { r, c } = XLSX.utils.decode_cell(address)
      const text = odsCellText(cell)
      if (text === '') continue
      if (++cells > MAX_GRID_CELLS) return refused(fileName, 'tooManyFilledCells', { limit: numberParam(MAX_GRID_CELLS) })
      const row = (grid[r] ??= [])
      while (row.length < c) row.push('')
      row[c] = text
    }
    const rows = Array.from({ length: grid.length }, (_, r) => Array.from({ length: grid[r]?.length ?? 0 }, (_, c) => grid[r]?.[c] ?? ''))
    const merges = (sheet['!merges'] ?? []).map((range) => mergedRange(range.s.r + 1, range.s.c + 1, range.e.r + 1, range.e.c + 1))
    const hidden = (workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0
    sheets.push({ name, hidden, rows: rectangular(rows), merges })
  }
  return { ok: true, file: { fileName, format: 'ods', sheets, csv: null, appWorkbookWithData: false } }
}

function odsCellText(cell: XLSX.CellObject): string {
  if (cell.v === undefined || cell.v === null) return ''
  if (cell.t === 'd' && cell.v instanceof Date) return isoDate(cell.v)
  if (cell.t === 'n' || cell.t === 'b') return String(cell.v)
  return String(cell.v).trim() === '' ? '' : String(cell.v)
}

/** A date cell as YYYY-MM-DD; a time of day is kept only when the cell has one. */
function isoDate(date: Date): string {
  // SheetJS gives a spreadsheet's date as that date at midnight UTC, whatever the machine's time zone.
  const iso = date.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19)
}

// ---------------------------------------------------------------- .csv

function readCsv(fileName: string, bytes: Uint8Array): SpreadsheetRead {
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8'
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    // Not valid UTF-8: Excel's "CSV" on Windows writes the ANSI code page.
    encoding = 'windows-1252'
    text = decodeWindows1252(bytes)
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const delimiter = detectDelimiter(text)
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false })
  const fatal = parsed.errors.find((error) => error.type === 'Quotes')
  if (fatal) {
    const line = fileProblemRef('csv.line', { file: fileName, line: (fatal.row ?? 0) + 1 })
    return { ok: false, problems: [fileProblemWhere(line, 'csv.quoteNotClosed', { detail: fatal.message })] }
  }
  const rows = trimTrailing(parsed.data.map((row) => row.map((cell) => cell ?? '')))
  if (rows.reduce((sum, row) => sum + row.length, 0) > MAX_GRID_CELLS) {
    return refused(fileName, 'tooManyCells', { limit: numberParam(MAX_GRID_CELLS) })
  }
  const sheetName = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'CSV'
  const file: SpreadsheetFile = { fileName, format: 'csv', sheets: [{ name: sheetName, hidden: false, rows: rectangular(rows), merges: [] }], csv: { delimiter, encoding }, appWorkbookWithData: false }
  return { ok: true, file }
}

/**
 * The separator the heading line uses most, outside quotes: Excel writes ';' where the decimal
 * mark is a comma (France, Germany), ',' elsewhere. (Papaparse's own guess needs more rows.)
 */
function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 }
  let quoted = false
  for (const character of text) {
    if (character === '"') quoted = !quoted
    else if (!quoted && (character === '\n' || character === '\r')) break
    else if (!quoted && character in counts) counts[character as keyof typeof counts]++
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t'
  return counts[';'] > counts[','] ? ';' : ','
}

/** 0x80–0x9F in Windows-1252 (€, ’, –, …); the rest is Latin-1. Node's TextDecoder reads this label as Latin-1, so it is decoded here. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : String.fromCharCode(byte)
  return text
}
