/** Reads a legacy spreadsheet and proposes its mapping: what the worker runs (and the page, when no worker can start). */
import { proposeMapping, readSpreadsheet } from '@core/migration'
import type { SpreadsheetReadResult, SpreadsheetStage } from './spreadsheet-reader-protocol'

export async function readAndPropose(fileName: string, bytes: Uint8Array, onStage?: (stage: SpreadsheetStage) => void): Promise<SpreadsheetReadResult> {
  onStage?.('reading')
  const read = await readSpreadsheet(fileName, bytes)
  if (!read.ok) return read
  onStage?.('mapping')
  return { ok: true, file: read.file, mapping: proposeMapping(read.file) }
}
