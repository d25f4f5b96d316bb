/**
 * The workbook export's work, done off the page in a Web Worker (export-workbook.worker.ts)
 * on the worker's own connection to the database: read the records in scope and what the
 * workbook names besides them, run the checks, and, in the browser build, write the workbook.
 * The page only sends the request and shows the stage: gathering 2,000 records and checking
 * them on the page held it for over 300 ms at a time.
 */
import type { StoredRecord } from '@core/records/model'
import { exportChecks } from '@core/workbook/export-checks'
import { fingerprintInput, packSourcesOf, type ExportData } from '@core/workbook/register-sheets'
import type { WorkbookLayoutName } from '@core/workbook/layouts/names'
import type { RegisterRepository } from '../db/register-repository'
import type { DigestWorker } from './digest-worker'

export interface ExportJobRequest {
  databaseName: string
  /** The records of the register's current view, in order; null for the whole register. */
  ids: string[] | null
  /** Named on the Cover sheet ('' for the whole register). */
  filters: string
  exportedAt: string
  appVersion: string
  /** true: the finished workbook (browser build); false: the data, for the host to write (desktop: the main process). */
  write: boolean
  /** The register sheets' model (ICO, CNIL, DSK); ICO when not given. */
  layout?: WorkbookLayoutName
}

export type ExportStage = { step: 'reading' } | { step: 'checking'; records: number } | { step: 'writing'; done: number; total: number }

export type ExportJobResult = { kind: 'workbook'; bytes: Uint8Array<ArrayBuffer>; records: number } | { kind: 'data'; data: ExportData; records: number }

export interface ExportJobOptions {
  /**
   * Starts the second worker that hashes the sheets while this one writes them (the browser
   * build's export worker); started first, so that it is ready by the time the records are read.
   * Without it, or where it cannot start, the hashes are computed in line.
   */
  startDigests?: () => DigestWorker | null
}

export async function runExportJob(repository: RegisterRepository, request: ExportJobRequest, onStage: (stage: ExportStage) => void, options: ExportJobOptions = {}): Promise<ExportJobResult> {
  const digestWorker = request.write ? (options.startDigests?.() ?? null) : null
  try {
    return await exportJob(repository, request, onStage, digestWorker)
  } finally {
    digestWorker?.stop()
  }
}

async function exportJob(repository: RegisterRepository, request: ExportJobRequest, onStage: (stage: ExportStage) => void, digestWorker: DigestWorker | null): Promise<ExportJobResult> {
  onStage({ step: 'reading' })
  // The writer's code loads while the records are read, not after.
  const writerModules = request.write ? Promise.all([import('@core/workbook/write-workbook'), import('@core/workbook/remote-digests')]) : null
  const records = request.ids === null ? await repository.allRecords() : (await repository.recordsById(request.ids)).filter((record): record is StoredRecord => record !== undefined)
  const db = repository.db
  const [organisation, vendors, packs, packArchive, context, log, anchor] = await Promise.all([
    repository.getOrganisation(),
    db.vendors.toArray(),
    db.packs.toArray(),
    db.packArchive.toArray(),
    repository.checkContext(new Date(request.exportedAt)),
    repository.auditLog(),
    repository.auditAnchor()
  ])
  onStage({ step: 'checking', records: records.length })
  // The second worker hashes the records' fingerprint while the checks run here; in line below if it cannot.
  const recordsPrint = digestWorker?.digests.text(fingerprintInput(records)).catch(() => undefined)
  const data: ExportData = {
    organisation: organisation ?? null,
    records,
    vendors,
    // Evidence names the policy (title, date, SHA-256) each quote comes from.
    packs: packSourcesOf([...packs, ...packArchive]),
    appVersion: request.appVersion,
    exportedAt: request.exportedAt,
    filters: request.filters,
    ...(request.layout ? { layout: request.layout } : {}),
    ...exportChecks(records, context, log, anchor, request.ids === null)
  }
  if (!writerModules) return { kind: 'data', data, records: records.length }
  const fingerprint = await recordsPrint
  if (fingerprint) data.fingerprint = fingerprint
  const [{ writeWorkbookBuffer }, { RemoteDigestsFailed }] = await writerModules
  const progress = (done: number, total: number) => onStage({ step: 'writing', done, total })
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = await writeWorkbookBuffer(data, progress, digestWorker ? { digests: digestWorker.digests } : {})
  } catch (error) {
    if (!(error instanceof RemoteDigestsFailed)) throw error
    // Slower, but the same workbook: a browser that cannot run the second worker still exports.
    console.warn(`${error.message}; the workbook is written again, hashed in line`)
    bytes = await writeWorkbookBuffer(data, progress)
  }
  return { kind: 'workbook', bytes, records: records.length }
}
