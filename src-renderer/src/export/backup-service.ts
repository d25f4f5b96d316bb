/**
 * The backup repository for the app, and automatic backups: in Electron one is written to the
 * user-data folder at start (once a day) and a little while after the register changes; in
 * the browser the automatic copies (taken before each restore) stay in their own IndexedDB
 * database, and the register page reminds the DPO to save a backup file.
 */
import { parseBackupText, serialiseBackup, type BackupParse } from '@core/backup/backup-format'
import { problemAt } from '@core/i18n/problem'
import type { AutomaticBackupInfo, AutomaticBackupReason } from '@core/host/host-api'
import { database, repository } from '../app/services'
import { BackupRepository, type LastBackup } from '../db/backup-repository'
import { onTableChanges } from '../db/change-events'
import { host } from '../host/host'

export const backupRepository = new BackupRepository(database, repository, __APP_VERSION__)

/** A backup older than this gets a reminder on the register page. */
export const BACKUP_REMINDER_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000
/** Quiet time after the last change before an automatic backup is written (Electron). */
const AFTER_CHANGES_DELAY_MS = 60_000

export async function takeAutomaticBackup(reason: AutomaticBackupReason): Promise<{ location: string; backup: AutomaticBackupInfo }> {
  const json = serialiseBackup(await backupRepository.takeBackup())
  const written = await host.writeAutomaticBackup({ json, reason })
  // A file in the user-data folder survives a lost browser profile; a copy inside the browser does not.
  if ((await host.getAppInfo()).host === 'electron') await backupRepository.markBackupTaken({ at: written.backup.takenAt, kind: 'automatic', location: written.location })
  return written
}

/** Bytes from a file or an automatic backup, checked completely before anything is replaced. */
export function parseBackupBytes(bytes: Uint8Array): BackupParse {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, problems: [problemAt('$', 'backup.notUtf8')] }
  }
  return parseBackupText(text)
}

export function backupAgeDays(last: LastBackup | undefined, now = new Date()): number | null {
  return last ? Math.floor((now.getTime() - Date.parse(last.at)) / DAY_MS) : null
}

let started = false

/** Electron only: a daily backup at start, and one a minute after the register last changed. */
export async function startAutomaticBackups(): Promise<void> {
  if (started || (await host.getAppInfo()).host !== 'electron') return
  started = true
  const report = (error: unknown) => console.error('automatic backup failed', error)
  let timer: ReturnType<typeof setTimeout> | undefined
  // Every change to the register's content appends to the audit trail: that is the signal.
  onTableChanges(database, ['auditLog'], () => {
    clearTimeout(timer)
    timer = setTimeout(() => void takeAutomaticBackup('after-changes').catch(report), AFTER_CHANGES_DELAY_MS)
  })
  const { backups } = await host.listAutomaticBackups()
  const newestDaily = backups.find((backup) => backup.reason === 'daily')
  const hasData = (await repository.getOrganisation()) !== undefined
  if (hasData && (!newestDaily || Date.now() - Date.parse(newestDaily.takenAt) > DAY_MS)) await takeAutomaticBackup('daily').catch(report)
}
