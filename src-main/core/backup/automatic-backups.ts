/**
 * The keeping rule for automatic backups, shared by the Electron main process (files in the
 * user-data folder) and the browser build (IndexedDB): the newest few of each reason are kept,
 * so that a burst of edits never pushes out the copy taken before a restore.
 */
import { AUTOMATIC_BACKUP_REASONS, type AutomaticBackupInfo } from '../host/host-api'

export { AUTOMATIC_BACKUP_REASONS }

/** Newest first; equal times by name, descending. */
export function newestFirst<T extends Pick<AutomaticBackupInfo, 'takenAt' | 'name'>>(backups: readonly T[]): T[] {
  return [...backups].sort((a, b) => (a.takenAt === b.takenAt ? (a.name < b.name ? 1 : -1) : a.takenAt < b.takenAt ? 1 : -1))
}

/** The backups to remove so that at most `keep` of each reason remain. */
export function automaticBackupsToRemove<T extends Pick<AutomaticBackupInfo, 'takenAt' | 'name' | 'reason'>>(backups: readonly T[], keep: number): T[] {
  const sorted = newestFirst(backups)
  return AUTOMATIC_BACKUP_REASONS.flatMap((reason) => sorted.filter((backup) => backup.reason === reason).slice(keep))
}
