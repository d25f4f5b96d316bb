/** Runs the workbook export (export-job.ts) off the page's thread; the finished workbook's bytes are handed back, not copied. */
import { openRegisterRepository, type RegisterRepository } from '../db/register-repository'
import type { WorkerJobMessage } from '../ui/worker-job'
import { startDigestWorker } from './digest-worker'
import { runExportJob, type ExportJobRequest, type ExportJobResult, type ExportStage } from './export-job'

export type ExportWorkerMessage = WorkerJobMessage<ExportStage, ExportJobResult>

const post = (message: ExportWorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer })
let repository: RegisterRepository | null = null

self.onmessage = async (event: MessageEvent<ExportJobRequest>) => {
  try {
    repository ??= openRegisterRepository(event.data.databaseName)
    const result = await runExportJob(repository, event.data, (stage) => post({ type: 'stage', stage }), { startDigests: () => startDigestWorker() })
    post({ type: 'done', result }, result.kind === 'workbook' ? [result.bytes.buffer] : [])
  } catch (error) {
    post({ type: 'failed', message: `the workbook could not be written: ${error instanceof Error ? error.message : String(error)}` })
  } finally {
    repository?.db.close()
    repository = null
  }
}

post({ type: 'started' })
