/**
 * The guided import's way to run its jobs (read, propose, plan): in a Web Worker, with the
 * stage reported as it goes and the job cancellable (the same pattern as the workbook
 * import's reader). A crash of the worker is reported with the file's name; only when the
 * worker cannot start at all does the job run on the page instead.
 */
import type { MigrationRequest, MigrationResults, MigrationStage, MigrationWorkerMessage } from './spreadsheet-reader-protocol'

/** The part of `Worker` the runner uses, so that tests can stand in for it. */
export interface MigrationWorker {
  onmessage: ((event: MessageEvent<MigrationWorkerMessage>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
  postMessage(message: MigrationRequest, transfer: Transferable[]): void
  terminate(): void
}

export interface BackgroundJob<Result> {
  result: Promise<Result>
  /** Stops the job; `result` then rejects with a StoppedJob. */
  cancel(): void
}

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
  const doing = job.kind === 'read' ? 'reading' : job.kind === 'plan' ? 'planning the records of' : 'mapping'
  // Only the file's bytes are handed over rather than copied: a large file is not held twice.
  const transfer = job.kind === 'read' ? [job.bytes.buffer] : []
  let worker: MigrationWorker | null = null
  let settle: { resolve: (result: Result) => void; reject: (error: Error) => void } | null = null
  const finish = (outcome: { result: Result } | { error: Error }) => {
    worker?.terminate()
    worker = null
    const current = settle
    settle = null
    if (!current) return
    if ('result' in outcome) current.resolve(outcome.result)
    else current.reject(outcome.error)
  }
  const fallBackToPage = (why: string) => {
    worker?.terminate()
    worker = null
    console.warn(`The spreadsheet import's worker could not start (${why}); ${doing} ${fileName} on the page instead`)
    ;(options.runOnPage ?? defaultRunOnPage)(request, onStage).then(
      (result) => finish({ result: result as Result }),
      (error: unknown) => finish({ error: new Error(`${doing.replace(/^./, (first) => first.toUpperCase())} ${fileName} failed: ${error instanceof Error ? error.message : String(error)}`) })
    )
  }
  const result = new Promise<Result>((resolve, reject) => {
    settle = { resolve, reject }
    let started = false
    try {
      worker = (options.createWorker ?? defaultWorker)()
    } catch (error) {
      fallBackToPage(error instanceof Error ? error.message : String(error))
      return
    }
    worker.onmessage = (event) => {
      const message = event.data
      if (message.type === 'started') {
        started = true
        worker?.postMessage(request, transfer)
      } else if (message.type === 'stage') onStage?.(message.stage)
      else if (message.type === 'done') finish({ result: message.result as Result })
      else finish({ error: new Error(message.message) })
    }
    worker.onerror = (event) => {
      event.preventDefault()
      const detail = event.message || 'no reason given'
      if (!started) return fallBackToPage(detail)
      finish({ error: new Error(`The spreadsheet import stopped unexpectedly while ${doing} ${fileName} (${detail}). The file may be too large or damaged; nothing was stored.`) })
    }
    worker.onmessageerror = () => finish({ error: new Error(`The spreadsheet import's answer for ${fileName} could not be received; nothing was stored.`) })
  })
  return { result, cancel: () => finish({ error: new StoppedJob(`Stopped ${doing} ${fileName}`) }) }
}
