/** The messages between the guided import and the spreadsheet-reading worker. */
import type { Mapping, SpreadsheetFile, SpreadsheetProblem } from '@core/migration/types'

export interface SpreadsheetRequest {
  bytes: Uint8Array
  fileName: string
}

export type SpreadsheetStage = 'reading' | 'mapping'

/** The file as read and the mapping proposed for it, or the problems that stopped the reading. */
export type SpreadsheetReadResult = { ok: true; file: SpreadsheetFile; mapping: Mapping } | { ok: false; problems: SpreadsheetProblem[] }

export type SpreadsheetReaderMessage =
  /** Sent once the worker's code has loaded: an error after it is a crash, not a failure to start. */
  | { type: 'started' }
  | { type: 'stage'; stage: SpreadsheetStage }
  | { type: 'done'; result: SpreadsheetReadResult }
  | { type: 'failed'; message: string }
