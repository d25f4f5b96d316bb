import type { ExportData } from '../workbook/register-sheets'

/**
 * The one typed contract between the renderer and whatever hosts it. The Electron preload
 * forwards each method over IPC (channel `ropa:<method>`); the browser build implements the
 * same interface with a file input and a Blob download. Every method takes one
 * structured-cloneable argument and returns a promise.
 */

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface AppInfo {
  version: string
  host: 'electron' | 'browser'
}

export interface OpenFileRequest {
  title: string
  filters: FileFilter[]
  /** Files larger than this are refused before being read. */
  maxBytes: number
}

export type OpenFileResult =
  | { status: 'opened'; name: string; bytes: Uint8Array }
  | { status: 'cancelled' }
  | { status: 'refused'; name: string; reason: string }

export interface SaveFileRequest {
  title: string
  suggestedName: string
  filters: FileFilter[]
  data: Uint8Array | string
}

export type SaveFileResult = { status: 'saved'; name: string } | { status: 'cancelled' }

export interface ExportWorkbookRequest {
  /** Plain data: the host writes the workbook (Electron: the streaming writer in the main process). */
  data: ExportData
  suggestedName: string
}

/** Progress of a long host operation, sent from the host to the renderer while it runs. */
export interface HostProgress {
  operation: 'export'
  done: number
  total: number
}

export interface WriteAutomaticBackupRequest {
  /** The serialised backup (backup-format.ts). */
  json: string
  /** Why it was taken, written into the file name: e.g. 'before-restore', 'daily', 'after-changes'. */
  reason: AutomaticBackupReason
}

export type AutomaticBackupReason = 'before-restore' | 'daily' | 'after-changes'

export interface AutomaticBackupInfo {
  /** File name (Electron) or key (browser), newest first in lists. */
  name: string
  takenAt: string
  reason: AutomaticBackupReason
  bytes: number
}

export interface AutomaticBackupList {
  /** Where they are kept, for the user: a folder (Electron) or "this browser's storage". */
  location: string
  backups: AutomaticBackupInfo[]
}

/** The request/response methods, each forwarded over IPC as `ropa:<method>`. */
export interface HostMethods {
  getAppInfo(request?: undefined): Promise<AppInfo>
  openFile(request: OpenFileRequest): Promise<OpenFileResult>
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
  /** Asks where to save, then writes the register workbook there, reporting progress through onProgress. */
  exportWorkbook(request: ExportWorkbookRequest): Promise<SaveFileResult>
  /** Keeps a backup where the user need not think about it (the user-data folder); the oldest beyond a limit are removed. */
  writeAutomaticBackup(request: WriteAutomaticBackupRequest): Promise<{ location: string; backup: AutomaticBackupInfo }>
  listAutomaticBackups(request?: undefined): Promise<AutomaticBackupList>
  readAutomaticBackup(request: { name: string }): Promise<{ json: string }>
}

/** Events from the host: subscribe with a listener, get back the function that unsubscribes. */
export interface HostEvents {
  onProgress(listener: (progress: HostProgress) => void): () => void
}

export type HostApi = HostMethods & HostEvents

export type HostMethod = keyof HostMethods

/** Listed explicitly so that the preload exposes exactly these and the main process handles exactly these. */
export const HOST_METHODS = [
  'getAppInfo',
  'openFile',
  'saveFile',
  'exportWorkbook',
  'writeAutomaticBackup',
  'listAutomaticBackups',
  'readAutomaticBackup'
] as const satisfies readonly HostMethod[]

// Fails to compile if a method of HostMethods is missing from HOST_METHODS.
const everyMethodListed: Exclude<HostMethod, (typeof HOST_METHODS)[number]> extends never ? true : never = true
void everyMethodListed

/** The channel on which the main process sends HostProgress events. */
export const PROGRESS_CHANNEL = 'ropa:event:progress'

/** How many automatic backups are kept; older ones are removed as new ones are written. */
export const AUTOMATIC_BACKUPS_KEPT = 10

/** The name under which the preload exposes the API on `window`. */
export const HOST_API_GLOBAL = 'ropaHost'

export function ipcChannel(method: HostMethod): string {
  return `ropa:${method}`
}
