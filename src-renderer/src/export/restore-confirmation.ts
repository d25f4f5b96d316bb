/**
 * The questions asked before a restore. Replacing everything is confirmed once; a backup whose
 * audit trail is broken (an entry altered or missing, or a log that does not end at the backup's
 * own anchor) needs a second, explicit confirmation that says so, because restoring it makes
 * that broken trail this register's history.
 */
import type { BackupSummary } from '../db/backup-repository'
import { t } from '../i18n/i18n'
import { chainBreakIn } from '../i18n/messages'
import type { Confirm } from '../ui/confirm'
import { formatNumber } from '../ui/numbers'

export async function confirmRestore(summary: BackupSummary, currentUserName: string | undefined, confirm: Confirm): Promise<boolean> {
  const stays = currentUserName ? ` ${t('importExport:backup.confirm.youStay', { name: currentUserName })}` : ''
  const replace = await confirm({
    title: t('importExport:backup.confirm.title'),
    message: `${t('importExport:backup.confirm.message', { count: summary.records, n: formatNumber(summary.records) })}${stays}`,
    confirmLabel: t('importExport:backup.confirm.label'),
    danger: true
  })
  if (!replace || summary.auditChain.ok) return replace
  return confirm({
    title: t('importExport:backup.confirm.brokenTitle'),
    message: t('importExport:backup.confirm.brokenMessage', { why: chainBreakIn(summary.auditChain.firstBreak) }),
    confirmLabel: t('importExport:backup.confirm.brokenLabel'),
    cancelLabel: t('importExport:backup.confirm.brokenCancel'),
    danger: true
  })
}
