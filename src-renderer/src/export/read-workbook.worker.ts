/**
 * Reads a workbook off the page's thread, so that a large or hostile file never freezes the
 * window (and unsaved edits with it). Any error comes back as a message, never as silence.
 */
import { fileProblemRef } from '@core/i18n/file-problem'
import { inEnglish } from '@core/i18n/problem'
import { libraryErrorRef, readWorkbook } from '@core/workbook/read-workbook'
import { setValidationLocale } from '@core/i18n/validation'
import type { ReaderMessage, ReadRequest } from './workbook-reader-protocol'

const post = (message: ReaderMessage) => self.postMessage(message)

self.onmessage = async (event: MessageEvent<ReadRequest>) => {
  const { bytes, existing, fileName, validationLocale } = event.data
  // A worker has its own module state: it says validation messages in the page's language only when told.
  if (validationLocale) setValidationLocale(validationLocale)
  try {
    const result = await readWorkbook(bytes, existing, { fileName, onStage: (stage) => post({ type: 'stage', stage }) })
    post({ type: 'done', result })
  } catch (error) {
    const ref = fileProblemRef('notRead', { file: fileName, detail: libraryErrorRef(error) })
    post({ type: 'failed', message: inEnglish(ref), ref })
  }
}

post({ type: 'started' })
