/** What the checks add to a workbook export: the "Findings" and "Audit trail" sheets' data. */
import { verifyChain, anchorOf } from '@core/audit/audit-chain'
import { runChecks } from '@core/checks/run-checks'
import type { StoredRecord } from '@core/records/model'
import type { ExportData } from '@core/workbook/register-sheets'
import { repository } from '../app/services'

/**
 * The findings about the exported records (and the organisation), as of today, and the audit
 * trail: all of it for a whole-register export; for a filtered view, the entries about the
 * records in view and those about the organisation, vendors, packs and the register.
 */
export async function checksForExport(records: readonly StoredRecord[], wholeRegister: boolean): Promise<Pick<ExportData, 'findings' | 'auditLog' | 'audit'>> {
  const [context, log, stored] = await Promise.all([repository.checkContext(), repository.auditLog(), repository.auditAnchor()])
  const ids = new Set(records.map((record) => record.id))
  // The Cover carries the anchor of the whole trail, even when the sheet shows part of it.
  const anchor = stored ?? anchorOf(log)
  return {
    findings: runChecks(records, context),
    audit: { anchor, verification: verifyChain(log, anchor) },
    auditLog: wholeRegister ? log : log.filter((entry) => entry.entity !== 'record' || ids.has(entry.entityId))
  }
}
