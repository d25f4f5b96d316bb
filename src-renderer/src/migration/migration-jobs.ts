/**
 * What the guided import's worker does (and the page, when no worker can start): reading a
 * spreadsheet, proposing its mapping, and planning its records with their findings. Planning
 * thousands of rows takes seconds, so none of it runs on the page's thread.
 */
import { checkRecord } from '@core/checks/run-checks'
import { planImport, proposeMapping, readSpreadsheet } from '@core/migration'
import type { MigrationRequest, MigrationResults, MigrationStage } from './spreadsheet-reader-protocol'

export async function runMigrationJob<Kind extends MigrationRequest['kind']>(
  request: Extract<MigrationRequest, { kind: Kind }>,
  onStage?: (stage: MigrationStage) => void
): Promise<MigrationResults[Kind]> {
  const job = request as MigrationRequest
  let result: MigrationResults[MigrationRequest['kind']]
  if (job.kind === 'read') {
    onStage?.('reading')
    const read = await readSpreadsheet(job.fileName, job.bytes)
    if (read.ok) onStage?.('mapping')
    result = read.ok ? { ok: true, file: read.file, mapping: proposeMapping(read.file) } : read
  } else if (job.kind === 'propose') {
    onStage?.('mapping')
    result = proposeMapping(job.file, { savedMapping: job.savedMapping })
  } else {
    onStage?.('planning')
    const plan = planImport(job.file, job.mapping, { today: job.context.today })
    onStage?.('checking')
    result = { plan, findings: plan.records.map((planned) => checkRecord(planned.record, job.context)) }
  }
  return result as MigrationResults[Kind]
}
