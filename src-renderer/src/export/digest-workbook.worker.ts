/** The second worker of the browser build's export: hashes the sheets' rows and columns while the export worker writes them (remote-digests.ts). */
import { digestServer, type DigestRequest } from '@core/workbook/remote-digests'
import { portableHash } from '@core/workbook/verification'

const serve = digestServer(portableHash)

self.onmessage = (event: MessageEvent<DigestRequest>) => {
  self.postMessage(serve(event.data))
}
