/**
 * The guided import's way to run its jobs (read, propose, plan): in a Web Worker, with the
 * stage reported as it goes and the job cancellable (ui/worker-job.ts, as the workbook
 * import's reader). A crash of the worker is reported with the file's name; only when the
 * worker cannot start at all does the job run on the page instead.
 */
import { getValidationLocale } from '@core/i18n/validation'
import { t as translate } from '../i18n/i18n'
import type { MigrationRequest, MigrationResults, MigrationStage, MigrationWorkerMessage } from './spreadsheet-reader-protocol'
import { runWorkerJob, type JobWorker, type WorkerJob } from '../ui/worker-job'

/** The part of `Worker` the runner uses, so that tests can stand in for it. */
export type MigrationWorker = JobWorker<MigrationRequest, MigrationWorkerMessage>

/** `cancel()` makes `result` reject with a StoppedJob. */
export type BackgroundJob<Result> = WorkerJob<Result>

export class StoppedJob extends Error {}

export interface JobOptions {
  onStage?: (stage: MigrationStage) => void
  createWorker?: () => MigrationWorker
  /** Used only when no worker can start. */
  runOnPage?: (request: MigrationRequest, onStage?: (stage: MigrationStage) => void) => Promise<unknown>
}

const defaultWorker = (): MigrationWorker => new Worker(new URL('./read-spreadsheet.worker.ts', import.meta.url), { type: 'module', name: 'spreadsheet import' })

const defaultRunOnPage: NonNullable<JobOptions['runOnPage']> = async (request, onStage) => (await import('./migration-jobs')).runMigrationJob(request, onStage)

export function runInBackground<Kind extends MigrationRequest['kind']>(request: Extract<MigrationRequest, { kind: Kind }>, options: JobOptions = {}): BackgroundJob<MigrationResults[Kind]> {
  type Result = MigrationResults[Kind]
  const { onStage } = options
  const job: MigrationRequest = request
  const fileName = job.kind === 'read' ? job.fileName : job.file.fileName
  const doing = translate(`migration.job.doing.${job.kind}`, { name: fileName })
  // Only the file's bytes are handed over rather than copied: a large file is not held twice.
  const transfer = job.kind === 'read' ? [job.bytes.buffer] : []
  return runWorkerJob<MigrationRequest, MigrationStage, Result>({
    createWorker: (options.createWorker ?? defaultWorker),
    request: { ...request, validationLocale: getValidationLocale() },
    transfer,
    runOnPage: async () => (await (options.runOnPage ?? defaultRunOnPage)(request, onStage)) as Result,
    ...(onStage ? { onStage } : {}),
    words: {
      // Logged, not shown: in English, as the console's other messages.
      notStarted: (why) => `The spreadsheet import's worker could not start (${why}); the ${job.kind} job for ${fileName} runs on the page instead`,
      pageFailed: (message) => translate(`migration.job.failed.${job.kind}`, { name: fileName, message }),
      crashed: (detail) => translate('migration.job.crashed', { doing, detail }),
      unreadableAnswer: translate('migration.job.unreadableAnswer', { name: fileName }),
      // ChooseStep and PreviewStep say that the job was stopped in their own words.
      cancelled: () => new StoppedJob(`Stopped ${doing}`)
    }
  })
}
