/**
 * Reads a legacy spreadsheet off the page's thread, so that a large or hostile file never
 * freezes the window. Any error comes back as a message naming the file, never as silence.
 */
import { readAndPropose } from './read-spreadsheet'
import type { SpreadsheetReaderMessage, SpreadsheetRequest } from './spreadsheet-reader-protocol'

const post = (message: SpreadsheetReaderMessage) => self.postMessage(message)

self.onmessage = async (event: MessageEvent<SpreadsheetRequest>) => {
  const { bytes, fileName } = event.data
  try {
    post({ type: 'done', result: await readAndPropose(fileName, bytes, (stage) => post({ type: 'stage', stage })) })
  } catch (error) {
    post({ type: 'failed', message: `${fileName} could not be read: ${error instanceof Error ? error.message : String(error)}` })
  }
}

post({ type: 'started' })
