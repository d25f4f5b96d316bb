/**
 * What an audit entry says it did, as a catalogue key of the `audit` namespace with its
 * parameters: stored with the entry beside its English text (which older readers, search and the
 * CLI read), so that the screens and the workbook say it in the reader's language. The approval
 * gate's refusals come from the same namespace.
 */
import type { Locale } from '../i18n'
import { translateMessage } from '../i18n/catalogues'
import { dateTimeParam, fieldPathParam, listParam, msg, type MessageParam, type MessageRef } from '../i18n/message'
import { formatReference } from '../records/model'
import type { AuditEntryContent } from './audit-chain'

/** A key of the `audit` catalogue with its parameters. */
export const auditRef = (key: string, params?: Record<string, MessageParam>): MessageRef => msg(`audit:${key}`, params)

/** A citation in the stored English form (`Art. 30(1)(b)`), said in the style of the reader's language version. */
export const articleParam = (article: string): MessageRef => ({ key: `article:${article}` })

/** An entry's summary in one language: from its key when it has one, else as stored (entries written before keys, in English). */
export function auditSummaryIn(entry: Pick<AuditEntryContent, 'summary' | 'summaryRef'>, locale: Locale): string {
  return entry.summaryRef ? translateMessage(entry.summaryRef, locale) : entry.summary
}

/** "N records added (PA-0003–PA-0005)": records stored at once with references from `firstNumber` on. */
export function recordsAddedRef(count: number, firstNumber: number): MessageRef {
  return count === 0 ? auditRef('records.added', { count }) : auditRef('records.addedRange', { count, ...referenceRange(firstNumber, count) })
}

/** "Imported N records from file.xlsx (PA-0003–PA-0005)" */
export function recordsImportedFromFileRef(count: number, file: string, firstNumber: number): MessageRef {
  return count === 0 ? auditRef('records.importedFromFile', { count, file }) : auditRef('records.importedFromFileRange', { count, file, ...referenceRange(firstNumber, count) })
}

const referenceRange = (firstNumber: number, count: number) => ({ first: formatReference(firstNumber), last: formatReference(firstNumber + count - 1) })

/** "Register restored from a backup made at …", saying when its audit trail was broken. */
export function backupRestoredRef(exportedAt: string, records: number, entries: number, chainIntact: boolean): MessageRef {
  const counts = { records: auditRef('backup.records', { count: records }), entries: auditRef('backup.entries', { count: entries }) }
  return auditRef(chainIntact ? 'backup.restored' : 'backup.restoredBroken', { exportedAt: dateTimeParam(exportedAt), ...counts })
}

/** How a pack version came to be installed: shipped with the app, imported from a file, or the organisation's own. */
export const packOriginParam = (origin: string): MessageRef => auditRef(`origin.${origin}`)

/** What a pack update changes, counted: "1 activity added, 0 activities changed, 0 activities removed, new policy text". */
export function packChangesParam(diff: { added: readonly unknown[]; changed: readonly unknown[]; removed: readonly unknown[]; vendorChanges: readonly unknown[]; policyTextChanged: boolean }): MessageParam {
  const parts: MessageParam[] = [
    auditRef('pack.activitiesAdded', { count: diff.added.length }),
    auditRef('pack.activitiesChanged', { count: diff.changed.length }),
    auditRef('pack.activitiesRemoved', { count: diff.removed.length })
  ]
  if (diff.vendorChanges.length > 0) parts.push(auditRef('pack.vendorChanged'))
  if (diff.policyTextChanged) parts.push(auditRef('pack.newPolicyText'))
  return listParam(parts, ', ')
}

/** The fields an upgrade took over or kept, in the editor's words, or "nothing". */
export function upgradeFieldsParam(fields: readonly string[]): MessageParam {
  return fields.length === 0 ? auditRef('record.upgradedNothing') : listParam(fields.map(fieldPathParam), ', ')
}
