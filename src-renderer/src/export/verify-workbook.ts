/** "Verify a workbook": the same check as `ropa verify`, in a worker (on the page only where no worker can start). */
import type { WorkbookVerification } from '@core/workbook/verify-workbook'
import type { VerifyMessage } from './verify-workbook.worker'

export function verifyWorkbookInBackground(bytes: Uint8Array, fileName: string): Promise<WorkbookVerification> {
  let worker: Worker
  try {
    worker = new Worker(new URL('./verify-workbook.worker.ts', import.meta.url), { type: 'module', name: 'workbook check' })
  } catch {
    return import('@core/workbook/verify-workbook').then(({ verifyWorkbook }) => verifyWorkbook(bytes, fileName))
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<VerifyMessage>) => {
      worker.terminate()
      if (event.data.type === 'done') resolve(event.data.result)
      else reject(new Error(event.data.message))
    }
    worker.onerror = (event) => {
      event.preventDefault()
      worker.terminate()
      reject(new Error(`The check of ${fileName} stopped unexpectedly (${event.message || 'no reason given'}); the file may be too large or damaged`))
    }
    worker.postMessage({ bytes, fileName }, [bytes.buffer])
  })
}
