/** What an export contains: the whole register or the register's current view; the export itself runs in a worker. */
import type { StoredRecord } from '@core/records/model'
import { filterRows, type RegisterFilter } from '@core/records/register-index'
import { registerStore, repository } from '../app/services'
import { t } from '../i18n/i18n'
import { enumLabel } from '../i18n/labels'
import { runWorkerJob, type JobWorker } from '../ui/worker-job'
import { runExportJob, type ExportJobRequest, type ExportJobResult, type ExportStage } from './export-job'
import type { ExportWorkerMessage } from './export-workbook.worker'
import type { WorkbookLayoutName } from '@core/workbook/layouts/names'

export type ExportScope = 'all' | 'view'

/** The register's filters in words, in the interface's language; '' when nothing is filtered out. */
export function describeFilter(filter: RegisterFilter): string {
  const parts: string[] = []
  const part = (key: 'role' | 'status' | 'lawfulBasis' | 'businessFunction' | 'transferCountry' | 'recipient', value: string) => parts.push(t(`importExport:export.filter.${key}`, { value }))
  if (filter.text.trim()) parts.push(t('importExport:export.filter.search', { text: filter.text.trim() }))
  if (filter.role) part('role', enumLabel('RECORD_ROLE_LABELS', filter.role))
  if (filter.status) part('status', enumLabel('RECORD_STATUS_LABELS', filter.status))
  if (filter.lawfulBasis) part('lawfulBasis', enumLabel('LAWFUL_BASIS_LABELS', filter.lawfulBasis))
  if (filter.businessFunction) part('businessFunction', filter.businessFunction)
  if (filter.transferCountry) part('transferCountry', filter.transferCountry)
  if (filter.recipient) part('recipient', filter.recipient)
  if (!filter.status && !filter.includeArchived) parts.push(t('importExport:export.filter.archivedLeftOut'))
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
    filters: scope === 'view' ? t('importExport:export.coverView', { filters: describeFilter(filter) || t('importExport:export.noFilters') }) : '',
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
      notStarted: (why) => t('importExport:export.worker.notStarted', { why }),
      pageFailed: (message) => t('importExport:export.worker.pageFailed', { message }),
      crashed: (detail) => t('importExport:export.worker.crashed', { detail }),
      unreadableAnswer: t('importExport:export.worker.unreadableAnswer'),
      cancelled: () => new Error(t('importExport:export.worker.cancelled'))
    }
  }).result
}

/** e.g. "ropa-register-2026-05-01.xlsx" */
export function datedFileName(stem: string, extension: string, at = new Date()): string {
  return `${stem}-${at.toISOString().slice(0, 10)}.${extension}`
}
