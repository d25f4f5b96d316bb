/**
 * Node only: writes the register workbook with exceljs's streaming writer, so that a large
 * register never sits in memory as a whole workbook. Used by the main process and the CLI;
 * the layout comes from the core (core/workbook/register-sheets.ts).
 */
import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import { buildWorkbook, type ExportProgress } from '../core/workbook/write-workbook'
import { fingerprintInput, type ExportData } from '../core/workbook/register-sheets'
import { writeFileAtomically } from '../files'

/** The streaming writer fills a temporary file next to `filePath`, renamed on success: a failed export never leaves a partial workbook nor destroys an existing one. */
export async function writeWorkbookStream(filePath: string, data: ExportData, onProgress?: ExportProgress): Promise<void> {
  await writeFileAtomically(filePath, async (temporaryPath) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temporaryPath, useStyles: true, useSharedStrings: false })
    workbook.creator = 'RoPA Manager'
    workbook.created = new Date(data.exportedAt)
    // node:crypto hashes the ~40 MB of a 10,000-activity register several times faster than the portable hash.
    const fingerprint = data.fingerprint ?? createHash('sha256').update(fingerprintInput(data.records)).digest('hex')
    try {
      await buildWorkbook(workbook, { ...data, fingerprint }, onProgress, { inlineLineBreaks: true })
    } catch (error) {
      // Closes the file stream before the temporary file is removed (Windows refuses to remove an open file).
      await workbook.commit().catch(() => undefined)
      throw error
    }
    await workbook.commit()
  })
}
