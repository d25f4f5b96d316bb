/** What the drafting page asks its worker and what comes back (see draft-policy.worker.ts). */
import type { Draft } from '@core/templates/drafting/proposal'
import type { WorkerJobMessage } from '../ui/worker-job'

export interface DraftRequest {
  text: string
  vendor?: string
}

export interface DraftResult {
  draft: Draft
  /** How long the extraction took in the worker, shown to the author. */
  milliseconds: number
}

export type DraftWorkerMessage = WorkerJobMessage<never, DraftResult>
