/**
 * Runs the guided import's jobs off the page's thread, so that a large or hostile file never
 * freezes the window. Any error comes back as a message naming the file, never as silence.
 */
import { fileProblemRef } from '@core/i18n/file-problem'
import { inEnglish } from '@core/i18n/problem'
import { setValidationLocale } from '@core/i18n/validation'
import { runMigrationJob } from './migration-jobs'
import type { MigrationRequest, MigrationWorkerMessage } from './spreadsheet-reader-protocol'

const post = (message: MigrationWorkerMessage) => self.postMessage(message)

self.onmessage = async (event: MessageEvent<MigrationRequest>) => {
  const request = event.data
  if (request.validationLocale) setValidationLocale(request.validationLocale)
  const fileName = request.kind === 'read' ? request.fileName : request.file.fileName
  try {
    post({ type: 'done', result: await runMigrationJob(request, (stage) => post({ type: 'stage', stage })) })
  } catch (error) {
    const ref = fileProblemRef(request.kind === 'read' ? 'notRead' : 'notPlanned', { file: fileName, detail: error instanceof Error ? error.message : String(error) })
    post({ type: 'failed', message: inEnglish(ref), ref })
  }
}

post({ type: 'started' })
