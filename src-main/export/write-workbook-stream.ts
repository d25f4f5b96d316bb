/**
 * Node only: writes the register workbook for the main process and the CLI. The core's writer
 * keeps only compressed bytes (each sheet deflated as it is written), so a large register
 * never sits in memory as a whole workbook; the file is written once, complete.
 */
import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { buildWorkbook, type ExportProgress } from '../core/workbook/write-workbook'
import { fingerprintInput, type ExportData } from '../core/workbook/register-sheets'
import type { CreateHash } from '../core/workbook/verification'
import { writeFileAtomically } from '../files'

/** node:crypto's SHA-256 behind the core's hasher interface: several times faster than the portable one on ~40 MB of cells. */
export const nodeHash: CreateHash = () => {
  const hash = createHash('sha256')
  return { update: (text) => void hash.update(text, 'utf8'), digest: () => hash.digest('hex') }
}

/** Written to a temporary file next to `filePath`, renamed on success: a failed export never leaves a partial workbook nor destroys an existing one. */
export async function writeWorkbookStream(filePath: string, data: ExportData, onProgress?: ExportProgress): Promise<{ fingerprint: string }> {
  let fingerprint = ''
  await writeFileAtomically(filePath, async (temporaryPath) => {
    const recordsFingerprint = data.fingerprint ?? createHash('sha256').update(fingerprintInput(data.records)).digest('hex')
    const built = await buildWorkbook({ ...data, fingerprint: recordsFingerprint }, onProgress, { createHash: nodeHash })
    await writeFile(temporaryPath, built.bytes)
    fingerprint = built.fingerprint
  })
  return { fingerprint }
}
