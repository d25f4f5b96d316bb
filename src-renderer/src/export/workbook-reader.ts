/**
 * The import page's way to read a workbook: in a Web Worker, with the stage reported as it
 * goes, and the reading cancellable. A crash of the worker (out of memory, a bug) is reported
 * with the file's name; only when the worker cannot start at all (a browser without module
 * workers) is the file read on the page instead, where the guard still refuses hostile files.
 */
import type { StoredRecord } from '@core/records/model'
import type { ReadStage, WorkbookImport } from '@core/workbook/read-workbook'
import type { ReaderMessage, ReadRequest } from './workbook-reader-protocol'

/** The part of `Worker` the reader uses, so that tests can stand in for it. */
export interface ReaderWorker {
  onmessage: ((event: MessageEvent<ReaderMessage>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
  postMessage(message: ReadRequest, transfer: Transferable[]): void
  terminate(): void
}

export interface WorkbookReading {
  /** Settles with the preview or the problems; rejects (with a message naming the file) when the reader failed. */
  result: Promise<WorkbookImport>
  /** Stops reading; `result` then rejects with a CancelledRead. */
  cancel(): void
}

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
  let worker: ReaderWorker | null = null
  let settle: { resolve: (result: WorkbookImport) => void; reject: (error: Error) => void } | null = null
  const finish = (outcome: { result: WorkbookImport } | { error: Error }) => {
    worker?.terminate()
    worker = null
    const current = settle
    settle = null
    if (!current) return
    if ('result' in outcome) current.resolve(outcome.result)
    else current.reject(outcome.error)
  }
  const fallBackToPage = (why: string) => {
    worker?.terminate()
    worker = null
    console.warn(`The workbook reader could not start (${why}); reading ${fileName} on the page instead`)
    readOnPage(bytes, existing, fileName, onStage).then(
      (result) => finish({ result }),
      (error: unknown) => finish({ error: new Error(`${fileName} could not be read: ${error instanceof Error ? error.message : String(error)}`) })
    )
  }

  const result = new Promise<WorkbookImport>((resolve, reject) => {
    settle = { resolve, reject }
    let started = false
    try {
      worker = (options.createWorker ?? defaultWorker)()
    } catch (error) {
      fallBackToPage(error instanceof Error ? error.message : String(error))
      return
    }
    worker.onmessage = (event) => {
      const message = event.data
      if (message.type === 'started') {
        started = true
        // Sent once the worker runs, so that a worker that never starts leaves the bytes here for the page to read.
        // They are handed over, not copied: a 60 MB file is not held twice.
        worker?.postMessage({ bytes, existing, fileName }, [bytes.buffer])
      } else if (message.type === 'stage') onStage?.(message.stage)
      else if (message.type === 'done') finish({ result: message.result })
      else finish({ error: new Error(message.message) })
    }
    worker.onerror = (event) => {
      event.preventDefault()
      const detail = event.message || 'no reason given'
      if (!started) return fallBackToPage(detail)
      finish({ error: new Error(`The workbook reader stopped unexpectedly while reading ${fileName} (${detail}). The file may be too large or damaged; nothing was stored.`) })
    }
    worker.onmessageerror = () => finish({ error: new Error(`The workbook reader's answer for ${fileName} could not be received; nothing was stored.`) })
  })
  return { result, cancel: () => finish({ error: new CancelledRead(`Reading ${fileName} was cancelled`) }) }
}
