/**
 * The questions asked before a restore. Replacing everything is confirmed once; a backup whose
 * audit trail is broken (an entry altered or missing, or a log that does not end at the backup's
 * own anchor) needs a second, explicit confirmation that says so, because restoring it makes
 * that broken trail this register's history.
 */
import { chainBreakText } from '@core/audit/audit-text'
import type { BackupSummary } from '../db/backup-repository'
import type { Confirm } from '../ui/confirm'

export async function confirmRestore(summary: BackupSummary, currentUserName: string | undefined, confirm: Confirm): Promise<boolean> {
  const stays = currentUserName ? ` You stay the user of this app (${currentUserName}).` : ''
  const replace = await confirm({
    title: 'Replace everything with this backup?',
    message: `The organisation, all ${summary.records.toLocaleString()} records of the backup, its audit trail, vendors and template packs replace what is stored now. A copy of the current data is kept first as an automatic backup.${stays}`,
    confirmLabel: 'Replace with the backup',
    danger: true
  })
  if (!replace || summary.auditChain.ok) return replace
  return confirm({
    title: "This backup's audit trail is broken",
    message: `Its audit trail fails verification: ${chainBreakText(summary.auditChain.firstBreak)}. If you restore it, this broken trail becomes the register's history: the app will warn about it from now on, and the trail can no longer show an auditor what happened. Restore it only if you know why it is broken (and keep the backup file).`,
    confirmLabel: 'Restore with the broken audit trail',
    cancelLabel: 'Do not restore',
    danger: true
  })
}
