/**
 * Checks that a workbook is the one the app exported (see verification.ts for the scheme):
 * every row hash, every column hash, the heading rows, the row counts, and the Verification
 * sheet's own rows and fingerprint. Each difference is named by sheet and cell.
 */
import ExcelJS from 'exceljs'
import { problemAt } from '../i18n/problem'
import type { MessageParam } from '../i18n/message'
import type { Problem } from '../util/problems'
import { columnLetter } from './columns'
import { libraryErrorRef } from './read-workbook'
import {
  exportFingerprint,
  shortFingerprint,
  hashText,
  portableHash,
  rowHash,
  VERIFICATION_FORMAT_MARK,
  VERIFICATION_ITEMS,
  VERIFICATION_SHEET,
  type CreateHash
} from './verification'
import { checkXlsx, DEFAULT_XLSX_LIMITS } from './xlsx-guard'

export interface WorkbookVerification {
  /** True when every hash matches: the workbook is the export, cell for cell. */
  ok: boolean
  /** Each difference: `path` is the cell (`'Controller register'!D7`) or the sheet. */
  problems: Problem[]
  /** What the Verification sheet states (empty when the sheet could not be read). */
  fingerprint: string
  /**
   * The fingerprint of the whole export recomputed from the workbook as it is now (every cell
   * of every sheet it lists, see verification.ts); equal to `fingerprint` for an untouched export.
   */
  recomputedFingerprint: string
  exportedAt: string
  auditEntries: string
  auditHead: string
  sheetsChecked: number
}

const cellRef = (sheet: string, row: number, column: number) => `'${sheet}'!${columnLetter(column)}${row}`

/** The text of a cell as the hashes saw it; a formula (which the app never writes) is its formula, so it never matches. */
function rawText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return hashText(value)
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return value.toISOString()
  if ('richText' in value) return hashText(value.richText.map((run) => run.text).join(''))
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = (value as { formula?: unknown }).formula
    return `=${typeof formula === 'string' ? formula : ''}`
  }
  if ('hyperlink' in value) return hashText(String(value.text || value.hyperlink))
  return JSON.stringify(value)
}

function rowValues(sheet: ExcelJS.Worksheet, row: number, columns: number): string[] {
  const values: string[] = []
  const cells = sheet.getRow(row)
  for (let column = 1; column <= columns; column++) values.push(rawText(cells.getCell(column).value))
  return values
}

/** The last column of a row that holds anything. */
function lastUsedColumn(sheet: ExcelJS.Worksheet, row: number): number {
  let last = 0
  sheet.getRow(row).eachCell({ includeEmpty: false }, (cell, column) => {
    if (rawText(cell.value) !== '') last = Math.max(last, column)
  })
  return last
}

interface ListedSheet {
  rows: number | null
  rowsAt: number
  headings: Array<{ hash: string; at: number }>
  columns: Array<{ hash: string; at: number; header: string }>
}

/** A row of the Verification sheet (all but the fingerprint's own), by its row number. */
interface VerificationRow {
  row: number
  section: string
  item: string
}

export async function verifyWorkbook(bytes: Uint8Array, fileName = 'the workbook', options: { createHash?: CreateHash } = {}): Promise<WorkbookVerification> {
  const createHash = options.createHash ?? portableHash
  const result: WorkbookVerification = { ok: false, problems: [], fingerprint: '', recomputedFingerprint: '', exportedAt: '', auditEntries: '', auditHead: '', sheetsChecked: 0 }
  const problem = (path: string, key: string, params?: Record<string, MessageParam>) => result.problems.push(problemAt(path, `verify.${key}`, params))
  const guard = await checkXlsx(bytes, fileName, DEFAULT_XLSX_LIMITS)
  if (guard.length > 0) return { ...result, problems: guard }
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (error) {
    problem(fileName, 'notXlsx', { detail: libraryErrorRef(error) })
    return result
  }
  // Found by its format mark: the export's language names the sheet ("Verification", "Vérification", "Prüfnachweis").
  const verification = workbook.worksheets.find((sheet) => rawText(sheet.getCell('C2').value) === VERIFICATION_FORMAT_MARK)
  if (!verification) {
    problem(fileName, 'noVerificationSheet', { sheet: VERIFICATION_SHEET })
    return result
  }

  // 1. The Verification sheet itself: each row against its row hash, then the fingerprint over those hashes.
  const listed = new Map<string, ListedSheet>()
  const rowHashes: string[] = []
  const verificationRows: VerificationRow[] = []
  /** Verification sheet row number → what the listed sheet now gives for it. */
  const nowValues = new Map<number, string>()
  let fingerprintRow = 0
  for (let row = 2; row <= verification.rowCount; row++) {
    const [section = '', item = '', value = '', stated = ''] = rowValues(verification, row, 4)
    if (section === '' && item === '' && value === '' && stated === '') continue
    if (item === VERIFICATION_ITEMS.fingerprint) {
      fingerprintRow = row
      result.fingerprint = value
      continue
    }
    rowHashes.push(stated)
    verificationRows.push({ row, section, item })
    nowValues.set(row, value)
    if (rowHash([section, item, value], createHash) !== stated) {
      problem(cellRef(verification.name, row, 3), 'verificationRowChanged', { row, sheet: verification.name, section, item, hashCell: cellRef(verification.name, row, 4) })
    }
    if (item === 'Exported at') result.exportedAt = value
    if (item === VERIFICATION_ITEMS.auditEntries) result.auditEntries = value
    if (item === VERIFICATION_ITEMS.auditHead) result.auditHead = value
    const entry = (): ListedSheet => {
      let found = listed.get(section)
      if (!found) listed.set(section, (found = { rows: null, rowsAt: row, headings: [], columns: [] }))
      return found
    }
    if (item === VERIFICATION_ITEMS.rows) Object.assign(entry(), { rows: Number(value), rowsAt: row })
    else if (/^Heading row \d+$/.test(item)) entry().headings.push({ hash: value, at: row })
    else if (/^Column [A-Z]+: /.test(item)) entry().columns.push({ hash: value, at: row, header: item.replace(/^Column [A-Z]+: /, '') })
  }
  if (fingerprintRow === 0) problem(verification.name, 'fingerprintRowLost', { sheet: verification.name, item: VERIFICATION_ITEMS.fingerprint })
  else if (exportFingerprint(rowHashes, createHash) !== result.fingerprint) {
    problem(cellRef(verification.name, fingerprintRow, 3), 'fingerprintMismatch', { sheet: verification.name })
  }

  // 2. Every sheet it lists: row count, heading rows, and each row and column hash.
  const expectedSheets = new Set([...listed.keys(), verification.name])
  for (const sheet of workbook.worksheets) {
    if (!expectedSheets.has(sheet.name)) problem(`'${sheet.name}'`, 'sheetAdded', { sheet: sheet.name })
  }
  for (const [name, expected] of listed) {
    const sheet = workbook.getWorksheet(name)
    if (!sheet) {
      problem(`'${name}'`, 'sheetMissing', { sheet: name })
      continue
    }
    result.sheetsChecked++
    const columns = expected.columns.length
    const hashColumn = columns + 1
    const headingCount = expected.headings.length
    const columnHashes = Array.from({ length: columns }, () => createHash())
    const changedRows: number[] = []
    const feed = (values: string[]) => values.forEach((value, index) => columnHashes[index]!.update(`${value.length}:${value}`))
    expected.headings.forEach((heading, index) => {
      const row = index + 1
      const values = rowValues(sheet, row, hashColumn)
      feed(values.slice(0, columns))
      const now = rowHash(values, createHash)
      nowValues.set(heading.at, now)
      if (now !== heading.hash) changedRows.push(row)
    })
    let lastRow = sheet.rowCount
    while (lastRow > headingCount && lastUsedColumn(sheet, lastRow) === 0) lastRow--
    const dataRows = Math.max(0, lastRow - headingCount)
    nowValues.set(expected.rowsAt, String(dataRows))
    if (expected.rows !== null && dataRows !== expected.rows) {
      problem(
        dataRows > expected.rows ? cellRef(name, headingCount + expected.rows + 1, 1) : `'${name}'`,
        dataRows > expected.rows ? 'rowsAdded' : 'rowsRemoved',
        { sheet: name, now: dataRows, exported: expected.rows }
      )
    }
    for (let row = headingCount + 1; row <= lastRow; row++) {
      const values = rowValues(sheet, row, hashColumn)
      feed(values.slice(0, columns))
      if (rowHash(values.slice(0, columns), createHash) !== values[columns]) changedRows.push(row)
      const used = lastUsedColumn(sheet, row)
      if (used > hashColumn) problem(cellRef(name, row, used), 'beyondLastColumn', { sheet: name, column: columnLetter(hashColumn), row })
    }
    const changedColumns = columnHashes.flatMap((hash, index) => {
      const now = hash.digest()
      nowValues.set(expected.columns[index]!.at, now)
      return now === expected.columns[index]!.hash ? [] : [index + 1]
    })
    for (const row of changedRows) {
      const heading = row <= headingCount
      if (changedColumns.length === 0) {
        problem(cellRef(name, row, hashColumn), heading ? 'headingHashChanged' : 'rowHashChanged', { row })
        continue
      }
      for (const column of changedColumns) {
        problem(cellRef(name, row, column), heading ? 'headingCellChanged' : 'cellChanged', { row, header: expected.columns[column - 1]!.header })
      }
    }
    if (changedRows.length === 0) {
      for (const column of changedColumns) {
        problem(`'${name}'!${columnLetter(column)}:${columnLetter(column)}`, 'columnChanged', { header: expected.columns[column - 1]!.header, sheet: verification.name })
      }
    }
  }

  // 3. The fingerprint of the whole export as the workbook now gives it, and the one every page footer prints.
  const recomputed = verificationRows.map(({ row, section, item }) => rowHash([section, item, nowValues.get(row) ?? ''], createHash))
  result.recomputedFingerprint = exportFingerprint(recomputed, createHash)
  if (result.recomputedFingerprint !== result.fingerprint && result.problems.length === 0) {
    problem(cellRef(verification.name, fingerprintRow, 3), 'fingerprintNow', { now: result.recomputedFingerprint, stated: result.fingerprint })
  }
  // The footer's words follow the export's language; the fingerprint's short form is what it must print.
  const footer = shortFingerprint(result.fingerprint)
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue
    for (const [part, text] of [
      ['odd', sheet.headerFooter?.oddFooter],
      ['even', sheet.headerFooter?.evenFooter]
    ] as const) {
      if (part === 'even' && !text) continue
      if (!text?.includes(footer)) problem(`'${sheet.name}'`, part === 'odd' ? 'footer' : 'evenFooter', { sheet: sheet.name, short: footer })
    }
  }
  result.ok = result.problems.length === 0
  return result
}
