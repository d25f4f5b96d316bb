/** What an export contains: the whole register or the register's current view, as plain data for the host's writer. */
import { LAWFUL_BASIS_LABELS, RECORD_ROLE_LABELS, RECORD_STATUS_LABELS } from '@core/records/enums'
import type { StoredRecord } from '@core/records/model'
import { filterRows, type RegisterFilter } from '@core/records/register-index'
import type { ExportData, ExportVendor } from '@core/workbook/register-sheets'
import { registerStore, repository } from '../app/services'
import { checksForExport } from '../checks/checks-services'

export type ExportScope = 'all' | 'view'

/** The register's filters in words; '' when nothing is filtered out. */
export function describeFilter(filter: RegisterFilter): string {
  const parts: string[] = []
  if (filter.text.trim()) parts.push(`search “${filter.text.trim()}”`)
  if (filter.role) parts.push(`role: ${RECORD_ROLE_LABELS[filter.role]}`)
  if (filter.status) parts.push(`status: ${RECORD_STATUS_LABELS[filter.status]}`)
  if (filter.lawfulBasis) parts.push(`lawful basis: ${LAWFUL_BASIS_LABELS[filter.lawfulBasis]}`)
  if (filter.businessFunction) parts.push(`business function: ${filter.businessFunction}`)
  if (filter.transferCountry) parts.push(`transfer country: ${filter.transferCountry}`)
  if (filter.recipient) parts.push(`recipient: ${filter.recipient}`)
  if (!filter.status && !filter.includeArchived) parts.push('archived records left out')
  return parts.join('; ')
}

/** The records in scope, in full, read from the database (the register list holds only summaries). */
export async function recordsInScope(scope: ExportScope, filter: RegisterFilter): Promise<StoredRecord[]> {
  if (scope === 'all') return repository.db.records.toArray()
  await registerStore.load()
  const ids = filterRows(registerStore.getSnapshot().rows, filter).map((row) => row.id)
  const records = await repository.db.records.bulkGet(ids)
  return records.filter((record): record is StoredRecord => record !== undefined)
}

export async function exportDataFor(scope: ExportScope, filter: RegisterFilter, records: StoredRecord[]): Promise<ExportData> {
  const [organisation, vendors] = await Promise.all([repository.getOrganisation(), repository.db.vendors.toArray()])
  return {
    organisation: organisation ?? null,
    records,
    vendors: vendors as unknown as ExportVendor[],
    appVersion: __APP_VERSION__,
    exportedAt: new Date().toISOString(),
    // Named on the Cover sheet; the view with no filters at all still says it is a view.
    filters: scope === 'view' ? `Register view — ${describeFilter(filter) || 'no filters'}` : '',
    ...(await checksForExport(records, scope === 'all'))
  }
}

/** e.g. "ropa-register-2026-05-01.xlsx" */
export function datedFileName(stem: string, extension: string, at = new Date()): string {
  return `${stem}-${at.toISOString().slice(0, 10)}.${extension}`
}
