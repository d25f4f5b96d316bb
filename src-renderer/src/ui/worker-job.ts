/**
 * One job run in a Web Worker: the stage reported as it goes, the job cancellable, a crash of
 * the worker told in words, and, only when the worker cannot start at all (a browser without
 * module workers), the job run on the page instead. The workbook import's reader and the guided
 * import's jobs both run this way; each gives its worker, its request and its own words.
 */
import type { MessageRef } from '@core/i18n/message'
import { MessageError } from '@core/i18n/message-error'

/** What a job's worker posts back; a failure says why in English and, with `ref`, in the interface's language. */
export type WorkerJobMessage<Stage, Result> = { type: 'started' } | { type: 'stage'; stage: Stage } | { type: 'done'; result: Result } | { type: 'failed'; message: string; ref?: MessageRef }

/** The part of `Worker` a job uses, so that tests can stand in for it. */
export interface JobWorker<Request, Message> {
  onmessage: ((event: MessageEvent<Message>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
  postMessage(message: Request, transfer: Transferable[]): void
  terminate(): void
}

export interface WorkerJob<Result> {
  result: Promise<Result>
  /** Stops the job; `result` then rejects with the error `words.cancelled` makes. */
  cancel(): void
}

/** What the user is told, in the job's own words. */
export interface WorkerJobWords {
  /** Logged when the worker cannot start and the page does the job. */
  notStarted: (why: string) => string
  pageFailed: (message: string) => string
  crashed: (detail: string) => string
  unreadableAnswer: string
  cancelled: () => Error
}

export interface WorkerJobOptions<Request, Stage, Result> {
  createWorker: () => JobWorker<Request, WorkerJobMessage<Stage, Result>>
  /** Sent once the worker runs, so that a worker that never starts leaves the data here for the page. */
  request: Request
  /** Handed over rather than copied (a file's bytes), so that a large file is not held twice. */
  transfer: Transferable[]
  runOnPage: () => Promise<Result>
  onStage?: (stage: Stage) => void
  words: WorkerJobWords
}

export function runWorkerJob<Request, Stage, Result>(options: WorkerJobOptions<Request, Stage, Result>): WorkerJob<Result> {
  const { onStage, words } = options
  let worker: JobWorker<Request, WorkerJobMessage<Stage, Result>> | null = null
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
    console.warn(words.notStarted(why))
    options.runOnPage().then(
      (result) => finish({ result }),
      (error: unknown) => finish({ error: new Error(words.pageFailed(error instanceof Error ? error.message : String(error))) })
    )
  }
  const result = new Promise<Result>((resolve, reject) => {
    settle = { resolve, reject }
    let started = false
    try {
      worker = options.createWorker()
    } catch (error) {
      fallBackToPage(error instanceof Error ? error.message : String(error))
      return
    }
    worker.onmessage = (event) => {
      const message = event.data
      if (message.type === 'started') {
        started = true
        worker?.postMessage(options.request, options.transfer)
      } else if (message.type === 'stage') onStage?.(message.stage)
      else if (message.type === 'done') finish({ result: message.result })
      else finish({ error: message.ref ? new MessageError(message.ref) : new Error(message.message) })
    }
    worker.onerror = (event) => {
      event.preventDefault()
      const detail = event.message || 'no reason given'
      if (!started) return fallBackToPage(detail)
      finish({ error: new Error(words.crashed(detail)) })
    }
    worker.onmessageerror = () => finish({ error: new Error(words.unreadableAnswer) })
  })
  return { result, cancel: () => finish({ error: words.cancelled() }) }
}
