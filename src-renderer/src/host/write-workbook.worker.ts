/**
 * Writes the auditor's workbook off the page's thread (browser build) from data the page
 * already holds (host.exportWorkbook); the Import & export page's own export goes through
 * export/export-job.ts, which reads the data in its worker too. The bytes are handed back, not copied.
 */
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'
import type { WriterMessage, WriteRequest } from './workbook-writer-protocol'

const post = (message: WriterMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer })

self.onmessage = async (event: MessageEvent<WriteRequest>) => {
  try {
    const bytes = await writeWorkbookBuffer(event.data.data, (done, total) => post({ type: 'progress', done, total }))
    post({ type: 'done', bytes }, [bytes.buffer])
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
