/** What the checks add to a workbook export: the "Findings" and "Audit trail" sheets' data. */
import { anchorOf, verifyChain, type AuditAnchor, type AuditEntry } from '../audit/audit-chain'
import type { CheckContext } from '../checks/finding'
import { runChecks } from '../checks/run-checks'
import type { StoredRecord } from '../records/model'
import type { ExportData } from './register-sheets'

/**
 * The findings about the exported records (and the organisation), as of the context's today,
 * and the audit trail: all of it for a whole-register export; for a filtered view, the entries
 * about the records in view and those about the organisation, vendors, packs and the register.
 * The Cover carries the anchor of the whole trail, even when the sheet shows part of it.
 */
export function exportChecks(
  records: readonly StoredRecord[],
  context: CheckContext,
  log: AuditEntry[],
  storedAnchor: AuditAnchor | undefined,
  wholeRegister: boolean
): Pick<ExportData, 'findings' | 'auditLog' | 'audit'> {
  const ids = new Set(records.map((record) => record.id))
  const anchor = storedAnchor ?? anchorOf(log)
  return {
    findings: runChecks(records, context),
    audit: { anchor, verification: verifyChain(log, anchor) },
    auditLog: wholeRegister ? log : log.filter((entry) => entry.entity !== 'record' || ids.has(entry.entityId))
  }
}
