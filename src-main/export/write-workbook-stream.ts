/**
 * Node only: writes the register workbook with exceljs's streaming writer, so that a large
 * register never sits in memory as a whole workbook. Used by the main process and the CLI;
 * the layout comes from the core (core/workbook/register-sheets.ts).
 */
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { buildWorkbook, excelJsBook, finishXlsx, type ExportProgress } from '../core/workbook/write-workbook'
import { fingerprintInput, type ExportData } from '../core/workbook/register-sheets'
import type { CreateHash } from '../core/workbook/verification'
import { writeFileAtomically } from '../files'

/** node:crypto's SHA-256 behind the core's hasher interface: several times faster than the portable one on ~40 MB of cells. */
export const nodeHash: CreateHash = () => {
  const hash = createHash('sha256')
  return { update: (text) => void hash.update(text, 'utf8'), digest: () => hash.digest('hex') }
}

/** The streaming writer fills a temporary file next to `filePath`, renamed on success: a failed export never leaves a partial workbook nor destroys an existing one. */
export async function writeWorkbookStream(filePath: string, data: ExportData, onProgress?: ExportProgress): Promise<{ fingerprint: string }> {
  let fingerprint = ''
  await writeFileAtomically(filePath, async (temporaryPath) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temporaryPath, useStyles: true, useSharedStrings: false })
    workbook.creator = 'RoPA Manager'
    workbook.created = new Date(data.exportedAt)
    const recordsFingerprint = data.fingerprint ?? createHash('sha256').update(fingerprintInput(data.records)).digest('hex')
    let built
    try {
      built = await buildWorkbook(excelJsBook(workbook, { inlineLineBreaks: true }), { ...data, fingerprint: recordsFingerprint }, onProgress, { createHash: nodeHash })
    } catch (error) {
      // Closes the file stream before the temporary file is removed (Windows refuses to remove an open file).
      await workbook.commit().catch(() => undefined)
      throw error
    }
    await workbook.commit()
    // The zip is written; the quote-prefix style and the filter names are added to two small parts of it.
    await writeFile(temporaryPath, await finishXlsx(new Uint8Array(await readFile(temporaryPath)), built))
    fingerprint = built.fingerprint
  })
  return { fingerprint }
}
