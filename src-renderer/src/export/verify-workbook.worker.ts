/** Checks a workbook against its own hashes off the page's thread: a large workbook takes seconds to unpack. */
import { fileProblemRef } from '@core/i18n/file-problem'
import type { MessageRef } from '@core/i18n/message'
import { inEnglish } from '@core/i18n/problem'
import { libraryErrorRef } from '@core/workbook/read-workbook'
import { verifyWorkbook, type WorkbookVerification } from '@core/workbook/verify-workbook'

export type VerifyMessage = { type: 'done'; result: WorkbookVerification } | { type: 'failed'; message: string; ref?: MessageRef }

self.onmessage = async (event: MessageEvent<{ bytes: Uint8Array; fileName: string }>) => {
  const { bytes, fileName } = event.data
  try {
    self.postMessage({ type: 'done', result: await verifyWorkbook(bytes, fileName) } satisfies VerifyMessage)
  } catch (error) {
    const ref = fileProblemRef('notChecked', { file: fileName, detail: libraryErrorRef(error) })
    self.postMessage({ type: 'failed', message: inEnglish(ref), ref } satisfies VerifyMessage)
  }
}
