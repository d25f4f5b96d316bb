/**
 * Runs the drafting assistant off the page's thread: a long policy takes a few hundred
 * milliseconds to read, which would freeze the page. Any error comes back in words.
 */
import { draftPolicy } from '@core/templates/drafting/draft-policy'
import type { DraftRequest, DraftWorkerMessage } from './draft-protocol'

const post = (message: DraftWorkerMessage) => self.postMessage(message)

self.onmessage = (event: MessageEvent<DraftRequest>) => {
  try {
    const start = performance.now()
    const draft = draftPolicy(event.data.text, event.data.vendor ? { vendor: event.data.vendor } : {})
    post({ type: 'done', result: { draft, milliseconds: performance.now() - start } })
  } catch (error) {
    post({ type: 'failed', message: `The policy could not be read: ${error instanceof Error ? error.message : String(error)}` })
  }
}

post({ type: 'started' })
