/**
 * The import page's way to read a workbook: in a Web Worker, with the stage reported as it
 * goes, and the reading cancellable. A crash of the worker (out of memory, a bug) is reported
 * with the file's name; only when the worker cannot start at all (a browser without module
 * workers) is the file read on the page instead, where the guard still refuses hostile files.
 */
import { t } from '../i18n/i18n'
import { getValidationLocale } from '@core/i18n/validation'
import type { StoredRecord } from '@core/records/model'
import type { ReadStage, WorkbookImport } from '@core/workbook/read-workbook'
import type { ReaderMessage, ReadRequest } from './workbook-reader-protocol'
import { runWorkerJob, type JobWorker, type WorkerJob } from '../ui/worker-job'

/** The part of `Worker` the reader uses, so that tests can stand in for it. */
export type ReaderWorker = JobWorker<ReadRequest, ReaderMessage>

/** `result` settles with the preview or the problems; it rejects (naming the file) when the reader failed, or with a CancelledRead. */
export type WorkbookReading = WorkerJob<WorkbookImport>

export class CancelledRead extends Error {}

export interface ReadOptions {
  fileName: string
  onStage?: (stage: ReadStage) => void
  createWorker?: () => ReaderWorker
  /** Used only when no worker can start. */
  readOnPage?: (bytes: Uint8Array, existing: StoredRecord[], fileName: string, onStage?: (stage: ReadStage) => void) => Promise<WorkbookImport>
}

const defaultWorker = (): ReaderWorker => new Worker(new URL('./read-workbook.worker.ts', import.meta.url), { type: 'module', name: 'workbook reader' })

const defaultReadOnPage: NonNullable<ReadOptions['readOnPage']> = async (bytes, existing, fileName, onStage) => {
  const { readWorkbook } = await import('@core/workbook/read-workbook')
  return readWorkbook(bytes, existing, { fileName, ...(onStage ? { onStage } : {}) })
}

export function readWorkbookInBackground(bytes: Uint8Array, existing: StoredRecord[], options: ReadOptions): WorkbookReading {
  const { fileName, onStage } = options
  const readOnPage = options.readOnPage ?? defaultReadOnPage
  return runWorkerJob<ReadRequest, ReadStage, WorkbookImport>({
    createWorker: options.createWorker ?? defaultWorker,
    request: { bytes, existing, fileName, validationLocale: getValidationLocale() },
    transfer: [bytes.buffer],
    runOnPage: () => readOnPage(bytes, existing, fileName, onStage),
    ...(onStage ? { onStage } : {}),
    words: {
      notStarted: (why) => t('importExport:import.reader.notStarted', { why, file: fileName }),
      pageFailed: (message) => t('importExport:import.reader.pageFailed', { message, file: fileName }),
      crashed: (detail) => t('importExport:import.reader.crashed', { detail, file: fileName }),
      unreadableAnswer: t('importExport:import.reader.unreadableAnswer', { file: fileName }),
      cancelled: () => new CancelledRead(t('importExport:import.reader.cancelled', { file: fileName }))
    }
  })
}
