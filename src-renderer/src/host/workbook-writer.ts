/**
 * The browser build's workbook export: written in a Web Worker with progress, so that the
 * page never freezes. Where no module worker can start, it is written on the page instead
 * (slower to respond, same bytes); a worker that fails says why.
 */
import type { ExportData } from '@core/workbook/register-sheets'
import type { WriterMessage, WriteRequest } from './workbook-writer-protocol'
import { failureError } from '@core/i18n/message-error'
import { msg } from '@core/i18n/message'

export function writeWorkbookInBackground(data: ExportData, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./write-workbook.worker.ts', import.meta.url), { type: 'module', name: 'workbook writer' })
    } catch (error) {
      console.warn(`The workbook writer could not start (${error instanceof Error ? error.message : String(error)}); writing on the page instead`)
      import('@core/workbook/write-workbook').then(({ writeWorkbookBuffer }) => writeWorkbookBuffer(data, onProgress)).then(resolve, reject)
      return
    }
    worker.onmessage = (event: MessageEvent<WriterMessage>) => {
      const message = event.data
      if (message.type === 'progress') return onProgress(message.done, message.total)
      worker.terminate()
      if (message.type === 'done') resolve(message.bytes)
      else reject(failureError('workbookNotWritten', { reason: message.message }))
    }
    worker.onerror = (event) => {
      event.preventDefault()
      worker.terminate()
      reject(failureError('workbookWriterStopped', { reason: event.message || msg('problems:failure.noReasonGiven') }))
    }
    worker.postMessage({ data } satisfies WriteRequest)
  })
}
