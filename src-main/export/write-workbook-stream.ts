/**
 * Node only: writes the register workbook with exceljs's streaming writer, so that a large
 * register never sits in memory as a whole workbook. Used by the main process and the CLI;
 * the layout comes from the core (core/workbook/register-sheets.ts).
 */
import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import { buildWorkbook, type ExportProgress } from '../core/workbook/write-workbook'
import { fingerprintInput, type ExportData } from '../core/workbook/register-sheets'

export async function writeWorkbookStream(filePath: string, data: ExportData, onProgress?: ExportProgress): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useStyles: true, useSharedStrings: false })
  workbook.creator = 'RoPA Manager'
  workbook.created = new Date(data.exportedAt)
  // node:crypto hashes the ~40 MB of a 10,000-activity register several times faster than the portable hash.
  const fingerprint = data.fingerprint ?? createHash('sha256').update(fingerprintInput(data.records)).digest('hex')
  await buildWorkbook(workbook, { ...data, fingerprint }, onProgress, { inlineLineBreaks: true })
  await workbook.commit()
}
