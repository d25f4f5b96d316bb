/**
 * The host API for a plain browser (`npm run web`): a file input to open, a Blob download to
 * save, the workbook written in a Web Worker, and automatic backups kept in a
 * separate IndexedDB database (there is no user-data folder). Same interface as the Electron
 * preload, so the renderer does not know which it has.
 */
import Dexie, { type Table } from 'dexie'
import { automaticBackupsToRemove, newestFirst } from '@core/backup/automatic-backups'
import { failureError } from '@core/i18n/message-error'
import {
  AUTOMATIC_BACKUPS_KEPT,
  type AppInfo,
  type AutomaticBackupInfo,
  type ExportWorkbookRequest,
  type FileFilter,
  type HostApi,
  type HostProgress,
  type OpenFileRequest,
  type OpenFileResult,
  type SaveFileRequest,
  type SaveFileResult,
  type WriteAutomaticBackupRequest
} from '@core/host/host-api'
import { openFileRefusal } from '@core/i18n/file-problem'

/** Its own database, so that restoring or clearing the register never touches the copies that protect it. */
export const AUTOMATIC_BACKUP_DATABASE = 'ropa-automatic-backups'
/** Where the browser build keeps its automatic backups: the database's name, the same in every language (the page says what it is). */
const automaticBackupLocation = () => `IndexedDB ${AUTOMATIC_BACKUP_DATABASE}`

/** What a backup is, and (in its own table, so that listing never reads megabytes) what it holds. */
class AutomaticBackupDatabase extends Dexie {
  backups!: Table<AutomaticBackupInfo, string>
  contents!: Table<{ name: string; json: string }, string>
  constructor() {
    super(AUTOMATIC_BACKUP_DATABASE)
    this.version(1).stores({ backups: 'name', contents: 'name' })
  }
}


function acceptAttribute(filters: FileFilter[]): string {
  return filters.flatMap((filter) => filter.extensions.filter((extension) => extension !== '*').map((extension) => `.${extension}`)).join(',')
}

function pickFile(accept: string): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    input.addEventListener('change', () => {
      resolve(input.files?.[0])
      input.remove()
    })
    input.addEventListener('cancel', () => {
      resolve(undefined)
      input.remove()
    })
    document.body.append(input)
    input.click()
  })
}

function download(data: Uint8Array | string, suggestedName: string): SaveFileResult {
  const blob = new Blob([data as BlobPart])
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = suggestedName
  document.body.append(link)
  link.click()
  link.remove()
  // Give the download a moment to start before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return { status: 'saved', name: suggestedName }
}

export function createBrowserHost(): HostApi {
  const progressListeners = new Set<(progress: HostProgress) => void>()
  let automaticBackups: AutomaticBackupDatabase | undefined
  const backupDatabase = () => (automaticBackups ??= new AutomaticBackupDatabase())
  return {
    async getAppInfo(): Promise<AppInfo> {
      return { version: __APP_VERSION__, host: 'browser' }
    },
    async openFile(request: OpenFileRequest): Promise<OpenFileResult> {
      const file = await pickFile(acceptAttribute(request.filters))
      if (!file) return { status: 'cancelled' }
      if (file.size > request.maxBytes) return { status: 'refused', name: file.name, ...openFileRefusal(file.name, { bytes: file.size, limit: request.maxBytes }) }
      return { status: 'opened', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
    },
    async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
      return download(request.data, request.suggestedName)
    },
    async exportWorkbook(request: ExportWorkbookRequest): Promise<SaveFileResult> {
      // In a worker (which loads exceljs, the largest part of the bundle): the page stays responsive.
      const { writeWorkbookInBackground } = await import('./workbook-writer')
      const bytes = await writeWorkbookInBackground(request.data, (done, total) => {
        for (const listener of progressListeners) listener({ operation: 'export', done, total })
      })
      return download(bytes, request.suggestedName)
    },
    async writeAutomaticBackup(request: WriteAutomaticBackupRequest) {
      const db = backupDatabase()
      const takenAt = new Date().toISOString()
      const backup: AutomaticBackupInfo = { name: `${takenAt}-${request.reason}-${crypto.randomUUID().slice(0, 8)}`, takenAt, reason: request.reason, bytes: new Blob([request.json]).size }
      await db.transaction('rw', db.backups, db.contents, async () => {
        await db.backups.add(backup)
        await db.contents.add({ name: backup.name, json: request.json })
        const removed = automaticBackupsToRemove(await db.backups.toArray(), AUTOMATIC_BACKUPS_KEPT).map((old) => old.name)
        await db.backups.bulkDelete(removed)
        await db.contents.bulkDelete(removed)
      })
      return { location: automaticBackupLocation(), backup }
    },
    async listAutomaticBackups() {
      return { location: automaticBackupLocation(), backups: newestFirst(await backupDatabase().backups.toArray()) }
    },
    async readAutomaticBackup(request: { name: string }) {
      const stored = await backupDatabase().contents.get(request.name)
      if (!stored) throw failureError('noAutomaticBackup', { name: request.name, location: automaticBackupLocation() })
      return { json: stored.json }
    },
    onProgress(listener) {
      progressListeners.add(listener)
      return () => void progressListeners.delete(listener)
    }
  }
}
