/**
 * The guided import's way to read a spreadsheet: in a Web Worker, with the stage reported as
 * it goes and the reading cancellable (the same pattern as the workbook import's reader). A
 * crash of the worker is reported with the file's name; only when the worker cannot start at
 * all is the file read on the page instead.
 */
import type { SpreadsheetReaderMessage, SpreadsheetReadResult, SpreadsheetRequest, SpreadsheetStage } from './spreadsheet-reader-protocol'

/** The part of `Worker` the reader uses, so that tests can stand in for it. */
export interface SpreadsheetWorker {
  onmessage: ((event: MessageEvent<SpreadsheetReaderMessage>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
  postMessage(message: SpreadsheetRequest, transfer: Transferable[]): void
  terminate(): void
}

export interface SpreadsheetReading {
  result: Promise<SpreadsheetReadResult>
  /** Stops reading; `result` then rejects with a StoppedReading. */
  cancel(): void
}

export class StoppedReading extends Error {}

export interface SpreadsheetReadOptions {
  fileName: string
  onStage?: (stage: SpreadsheetStage) => void
  createWorker?: () => SpreadsheetWorker
  /** Used only when no worker can start. */
  readOnPage?: (fileName: string, bytes: Uint8Array, onStage?: (stage: SpreadsheetStage) => void) => Promise<SpreadsheetReadResult>
}

const defaultWorker = (): SpreadsheetWorker => new Worker(new URL('./read-spreadsheet.worker.ts', import.meta.url), { type: 'module', name: 'spreadsheet reader' })

const defaultReadOnPage: NonNullable<SpreadsheetReadOptions['readOnPage']> = async (fileName, bytes, onStage) => (await import('./read-spreadsheet')).readAndPropose(fileName, bytes, onStage)

export function readSpreadsheetInBackground(bytes: Uint8Array, options: SpreadsheetReadOptions): SpreadsheetReading {
  const { fileName, onStage } = options
  let worker: SpreadsheetWorker | null = null
  let settle: { resolve: (result: SpreadsheetReadResult) => void; reject: (error: Error) => void } | null = null
  const finish = (outcome: { result: SpreadsheetReadResult } | { error: Error }) => {
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
    console.warn(`The spreadsheet reader could not start (${why}); reading ${fileName} on the page instead`)
    ;(options.readOnPage ?? defaultReadOnPage)(fileName, bytes, onStage).then(
      (result) => finish({ result }),
      (error: unknown) => finish({ error: new Error(`${fileName} could not be read: ${error instanceof Error ? error.message : String(error)}`) })
    )
  }
  const result = new Promise<SpreadsheetReadResult>((resolve, reject) => {
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
        // Handed over, not copied: a large file is not held twice.
        worker?.postMessage({ bytes, fileName }, [bytes.buffer])
      } else if (message.type === 'stage') onStage?.(message.stage)
      else if (message.type === 'done') finish({ result: message.result })
      else finish({ error: new Error(message.message) })
    }
    worker.onerror = (event) => {
      event.preventDefault()
      const detail = event.message || 'no reason given'
      if (!started) return fallBackToPage(detail)
      finish({ error: new Error(`The spreadsheet reader stopped unexpectedly while reading ${fileName} (${detail}). The file may be too large or damaged; nothing was stored.`) })
    }
    worker.onmessageerror = () => finish({ error: new Error(`The spreadsheet reader's answer for ${fileName} could not be received; nothing was stored.`) })
  })
  return { result, cancel: () => finish({ error: new StoppedReading(`Reading ${fileName} was stopped`) }) }
}
