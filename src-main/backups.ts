/**
 * Automatic backups in the user-data folder (Electron main process; Node only). Each is one
 * backup file as the renderer serialised it, named after the time and the reason it was
 * taken; only the newest few of each reason are kept, so that a burst of edits can never push
 * out the copy taken before a restore.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { AUTOMATIC_BACKUP_REASONS as REASONS, automaticBackupsToRemove, newestFirst } from './core/backup/automatic-backups'
import { AUTOMATIC_BACKUPS_KEPT, type AutomaticBackupInfo, type AutomaticBackupReason } from './core/host/host-api'
import { writeFileData } from './files'
// ropa-backup-2026-05-01T10-20-30-123Z-daily.json (colons are not allowed in Windows file names)
const NAME_PATTERN = /^ropa-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d+))?-([a-z-]+)\.json$/

export function automaticBackupFileName(takenAt: Date, reason: AutomaticBackupReason, sequence = 0): string {
  const stamp = takenAt.toISOString().replace(/:/g, '-').replace('.', '-')
  return `ropa-backup-${stamp}${sequence > 0 ? `-${sequence}` : ''}-${reason}.json`
}

/** The time and reason in an automatic backup's file name; null for any other file. */
export function parseAutomaticBackupFileName(name: string): { takenAt: string; reason: AutomaticBackupReason } | null {
  const match = NAME_PATTERN.exec(name)
  if (!match) return null
  const [, date, hours, minutes, seconds, millis, , reason] = match
  if (!REASONS.includes(reason as AutomaticBackupReason)) return null
  const takenAt = `${date}T${hours}:${minutes}:${seconds}.${millis}Z`
  if (Number.isNaN(Date.parse(takenAt))) return null
  return { takenAt, reason: reason as AutomaticBackupReason }
}

/** The automatic backups in `dir`, newest first; other files are ignored and a missing folder has none. */
export async function listAutomaticBackups(dir: string): Promise<AutomaticBackupInfo[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const backups: AutomaticBackupInfo[] = []
  for (const name of names) {
    const parsed = parseAutomaticBackupFileName(name)
    if (!parsed) continue
    const info = await stat(join(dir, name))
    if (info.isFile()) backups.push({ name, ...parsed, bytes: info.size })
  }
  return newestFirst(backups)
}

/** Removes all but the newest `keep` backups of each reason. */
export async function pruneAutomaticBackups(dir: string, keep: number = AUTOMATIC_BACKUPS_KEPT): Promise<string[]> {
  const removed = automaticBackupsToRemove(await listAutomaticBackups(dir), keep).map((old) => old.name)
  for (const name of removed) await rm(join(dir, name), { force: true })
  return removed
}

/**
 * Writes one automatic backup: to a temporary file first, renamed once complete, so that a
 * crash mid-write never leaves a truncated file that looks like a backup. The contents are
 * checked as a backup before this is called (the request schema in host-api.ts).
 */
export async function writeAutomaticBackup(
  dir: string,
  json: string,
  reason: AutomaticBackupReason,
  options: { now?: Date; keep?: number } = {}
): Promise<AutomaticBackupInfo> {
  if (!REASONS.includes(reason)) throw new Error(`unknown automatic backup reason "${String(reason)}"`)
  await mkdir(dir, { recursive: true })
  const now = options.now ?? new Date()
  const existing = new Set(await readdir(dir))
  let sequence = 0
  while (existing.has(automaticBackupFileName(now, reason, sequence))) sequence++
  const name = automaticBackupFileName(now, reason, sequence)
  await writeFileData(join(dir, name), json)
  await pruneAutomaticBackups(dir, options.keep ?? AUTOMATIC_BACKUPS_KEPT)
  return { name, takenAt: now.toISOString(), reason, bytes: Buffer.byteLength(json, 'utf8') }
}

/** Reads one automatic backup by name; only names that are listed are read, so no path can reach outside `dir`. */
export async function readAutomaticBackup(dir: string, name: string): Promise<string> {
  const listed = (await listAutomaticBackups(dir)).some((backup) => backup.name === name)
  if (!listed) throw new Error(`there is no automatic backup named "${name}" in ${dir}`)
  return readFile(join(dir, name), 'utf8')
}
