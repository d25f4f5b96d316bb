/**
 * Starts the export's second worker (digest-workbook.worker.ts), which computes the sheets'
 * row and column hashes while the export worker writes the workbook: the two use both cores.
 */
import { remoteDigests } from '@core/workbook/remote-digests'
import type { SheetDigests } from '@core/workbook/verification'

export interface DigestWorker {
  digests: SheetDigests
  stop(): void
}

/** The part of `Worker` this needs, so that tests can stand in for it. */
export interface DigestWorkerLike {
  onmessage: ((event: MessageEvent) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
  postMessage(message: unknown): void
  terminate(): void
}

const startWorker = (): DigestWorkerLike => new Worker(new URL('./digest-workbook.worker.ts', import.meta.url), { type: 'module', name: 'workbook hashes' })

/** null where no worker can be started from here (then the export hashes in line). */
export function startDigestWorker(create: () => DigestWorkerLike = startWorker): DigestWorker | null {
  let worker: DigestWorkerLike
  try {
    if (typeof Worker === 'undefined' && create === startWorker) return null
    worker = create()
  } catch {
    return null
  }
  const remote = remoteDigests((request) => worker.postMessage(request))
  worker.onmessage = (event) => remote.receive(event.data as Parameters<typeof remote.receive>[0])
  worker.onerror = (event) => {
    event.preventDefault()
    remote.fail(`the hashing worker stopped (${event.message || 'it could not start'})`)
  }
  worker.onmessageerror = () => remote.fail('the hashing worker\'s answer could not be received')
  return { digests: remote.digests, stop: () => worker.terminate() }
}
