/** "Verify a workbook": the same check as `ropa verify`, in a worker (on the page only where no worker can start). */
import type { WorkbookVerification } from '@core/workbook/verify-workbook'
import { MessageError } from '@core/i18n/message-error'
import { t } from '../i18n/i18n'
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
      else reject(event.data.ref ? new MessageError(event.data.ref) : new Error(event.data.message))
    }
    worker.onerror = (event) => {
      event.preventDefault()
      worker.terminate()
      reject(new Error(t('importExport:verify.crashed', { file: fileName, why: event.message || t('importExport:verify.noReason') })))
    }
    worker.postMessage({ bytes, fileName }, [bytes.buffer])
  })
}
