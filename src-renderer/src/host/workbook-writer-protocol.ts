/** The messages between the browser host and the workbook-writing worker. */
import type { ExportData } from '@core/workbook/register-sheets'

export interface WriteRequest {
  data: ExportData
}

export type WriterMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; bytes: Uint8Array } | { type: 'failed'; message: string }
