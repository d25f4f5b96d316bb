/** The messages between the import page and the workbook-reading worker. */
import type { Locale } from '@core/i18n'
import type { MessageRef } from '@core/i18n/message'
import type { StoredRecord } from '@core/records/model'
import type { ReadStage, WorkbookImport } from '@core/workbook/read-workbook'

export interface ReadRequest {
  bytes: Uint8Array
  existing: StoredRecord[]
  fileName: string
  /** The language of the schema's validation messages (an invalid row's reason): the interface's. */
  validationLocale?: Locale
}

export type ReaderMessage =
  /** Sent once the worker's code has loaded: an error after it is a crash, not a failure to start. */
  | { type: 'started' }
  | { type: 'stage'; stage: ReadStage }
  | { type: 'done'; result: WorkbookImport }
  | { type: 'failed'; message: string; ref?: MessageRef }
