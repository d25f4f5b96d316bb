/**
 * Drafts proposals from a policy text in a Web Worker (ui/worker-job.ts), so that the page stays
 * responsive on a long policy (Kaltura's 50,000 characters take 200–350 ms); on the page only
 * when no worker can start.
 */
import { runWorkerJob, type JobWorker, type WorkerJob } from '../ui/worker-job'
import type { DraftRequest, DraftResult, DraftWorkerMessage } from './draft-protocol'

export type DraftWorker = JobWorker<DraftRequest, DraftWorkerMessage>

const defaultWorker = (): DraftWorker => new Worker(new URL('./draft-policy.worker.ts', import.meta.url), { type: 'module', name: 'policy drafting' })

export class StoppedDrafting extends Error {}

export function draftInBackground(request: DraftRequest, createWorker: () => DraftWorker = defaultWorker): WorkerJob<DraftResult> {
  return runWorkerJob<DraftRequest, never, DraftResult>({
    createWorker,
    request,
    transfer: [],
    runOnPage: async () => {
      const { draftPolicy } = await import('@core/templates/drafting/draft-policy')
      const start = performance.now()
      const draft = draftPolicy(request.text, request.vendor ? { vendor: request.vendor } : {})
      return { draft, milliseconds: performance.now() - start }
    },
    words: {
      notStarted: (why) => `The drafting worker could not start (${why}); reading the policy on the page instead`,
      pageFailed: (message) => `Reading the policy failed: ${message}`,
      crashed: (detail) => `Reading the policy stopped unexpectedly (${detail}); nothing was proposed.`,
      unreadableAnswer: 'The proposals could not be received from the drafting worker.',
      cancelled: () => new StoppedDrafting('Stopped reading the policy')
    }
  })
}
