/** What an export contains: the whole register or the register's current view; the export itself runs in a worker. */
import { LAWFUL_BASIS_LABELS, RECORD_ROLE_LABELS, RECORD_STATUS_LABELS } from '@core/records/enums'
import type { StoredRecord } from '@core/records/model'
import { filterRows, type RegisterFilter } from '@core/records/register-index'
import { registerStore, repository } from '../app/services'
import { runWorkerJob, type JobWorker } from '../ui/worker-job'
import { runExportJob, type ExportJobRequest, type ExportJobResult, type ExportStage } from './export-job'
import type { ExportWorkerMessage } from './export-workbook.worker'
import type { WorkbookLayoutName } from '@core/workbook/layouts/names'

export type ExportScope = 'all' | 'view'

/** The register's filters in words; '' when nothing is filtered out. */
export function describeFilter(filter: RegisterFilter): string {
  const parts: string[] = []
  if (filter.text.trim()) parts.push(`search “${filter.text.trim()}”`)
  if (filter.role) parts.push(`role: ${RECORD_ROLE_LABELS[filter.role]}`)
  if (filter.status) parts.push(`status: ${RECORD_STATUS_LABELS[filter.status]}`)
  if (filter.lawfulBasis) parts.push(`lawful basis: ${LAWFUL_BASIS_LABELS[filter.lawfulBasis]}`)
  if (filter.businessFunction) parts.push(`business function: ${filter.businessFunction}`)
  if (filter.transferCountry) parts.push(`transfer country: ${filter.transferCountry}`)
  if (filter.recipient) parts.push(`recipient: ${filter.recipient}`)
  if (!filter.status && !filter.includeArchived) parts.push('archived records left out')
  return parts.join('; ')
}

/** The ids of the register's current view, in its order; null for the whole register (read by the export itself). */
export async function idsInScope(scope: ExportScope, filter: RegisterFilter): Promise<string[] | null> {
  if (scope === 'all') return null
  await registerStore.load()
  return filterRows(registerStore.getSnapshot().rows, filter).map((row) => row.id)
}

/** The records in scope, in full, read from the database (the register list holds only summaries). */
export async function recordsInScope(scope: ExportScope, filter: RegisterFilter): Promise<StoredRecord[]> {
  const ids = await idsInScope(scope, filter)
  if (ids === null) return repository.allRecords()
  return (await repository.recordsById(ids)).filter((record): record is StoredRecord => record !== undefined)
}

const exportWorker = (): JobWorker<ExportJobRequest, ExportWorkerMessage> => new Worker(new URL('./export-workbook.worker.ts', import.meta.url), { type: 'module', name: 'workbook export' })

/**
 * The workbook export, in a Web Worker (export-job.ts): the page sends the request and shows
 * each stage. Only where no worker can start does the page do the same work itself.
 */
export function exportInBackground(scope: ExportScope, filter: RegisterFilter, ids: string[] | null, write: boolean, onStage: (stage: ExportStage) => void, layout: WorkbookLayoutName = 'ico', createWorker = exportWorker): Promise<ExportJobResult> {
  const request: ExportJobRequest = {
    databaseName: repository.db.name,
    ids,
    // Named on the Cover sheet; the view with no filters at all still says it is a view.
    filters: scope === 'view' ? `Register view — ${describeFilter(filter) || 'no filters'}` : '',
    exportedAt: new Date().toISOString(),
    appVersion: __APP_VERSION__,
    write,
    layout
  }
  return runWorkerJob<ExportJobRequest, ExportStage, ExportJobResult>({
    createWorker,
    request,
    transfer: [],
    runOnPage: () => runExportJob(repository, request, onStage),
    onStage,
    words: {
      notStarted: (why) => `The workbook export could not start its worker (${why}); exporting on the page instead`,
      pageFailed: (message) => `the workbook could not be written: ${message}`,
      crashed: (detail) => `the workbook export stopped unexpectedly (${detail}); nothing was saved`,
      unreadableAnswer: 'the workbook export\'s answer could not be received; nothing was saved',
      cancelled: () => new Error('the workbook export was cancelled; nothing was saved')
    }
  }).result
}

/** e.g. "ropa-register-2026-05-01.xlsx" */
export function datedFileName(stem: string, extension: string, at = new Date()): string {
  return `${stem}-${at.toISOString().slice(0, 10)}.${extension}`
}
