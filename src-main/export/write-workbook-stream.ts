/**
 * Node only: writes the register workbook with exceljs's streaming writer, so that a large
 * register never sits in memory as a whole workbook. Used by the main process and the CLI;
 * the layout comes from the core (core/workbook/register-sheets.ts).
 */
import ExcelJS from 'exceljs'
import { buildWorkbook, type ExportProgress } from '../core/workbook/write-workbook'
import type { ExportData } from '../core/workbook/register-sheets'

export async function writeWorkbookStream(filePath: string, data: ExportData, onProgress?: ExportProgress): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useStyles: true, useSharedStrings: false })
  workbook.creator = 'RoPA Manager'
  workbook.created = new Date(data.exportedAt)
  await buildWorkbook(workbook, data, onProgress)
  await workbook.commit()
}
