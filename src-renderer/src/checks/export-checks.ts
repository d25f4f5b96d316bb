/** What the checks add to a workbook export: the "Findings" and "Audit trail" sheets' data. */
import { runChecks } from '@core/checks/run-checks'
import type { StoredRecord } from '@core/records/model'
import type { ExportData } from '@core/workbook/register-sheets'
import { database, repository } from '../app/services'
import { loadCheckContext } from './check-context'

/**
 * The findings about the exported records (and the organisation), as of today, and the audit
 * trail: all of it for a whole-register export; for a filtered view, the entries about the
 * records in view and those about the organisation, vendors, packs and the register.
 */
export async function checksForExport(records: readonly StoredRecord[], wholeRegister: boolean): Promise<Pick<ExportData, 'findings' | 'auditLog'>> {
  const [context, log] = await Promise.all([loadCheckContext(database, repository), database.auditLog.orderBy('seq').toArray()])
  const ids = new Set(records.map((record) => record.id))
  return {
    findings: runChecks(records, context),
    auditLog: wholeRegister ? log : log.filter((entry) => entry.entity !== 'record' || ids.has(entry.entityId))
  }
}
