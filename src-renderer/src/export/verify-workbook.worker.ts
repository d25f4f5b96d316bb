/** Checks a workbook against its own hashes off the page's thread: a large workbook takes seconds to unpack. */
import { describeLibraryError } from '@core/workbook/read-workbook'
import { verifyWorkbook, type WorkbookVerification } from '@core/workbook/verify-workbook'

export type VerifyMessage = { type: 'done'; result: WorkbookVerification } | { type: 'failed'; message: string }

self.onmessage = async (event: MessageEvent<{ bytes: Uint8Array; fileName: string }>) => {
  const { bytes, fileName } = event.data
  try {
    self.postMessage({ type: 'done', result: await verifyWorkbook(bytes, fileName) } satisfies VerifyMessage)
  } catch (error) {
    self.postMessage({ type: 'failed', message: `${fileName} could not be checked: ${describeLibraryError(error)}` } satisfies VerifyMessage)
  }
}
