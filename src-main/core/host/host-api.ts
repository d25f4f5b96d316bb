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

export interface HostApi {
  getAppInfo(request?: undefined): Promise<AppInfo>
  openFile(request: OpenFileRequest): Promise<OpenFileResult>
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
}

export type HostMethod = keyof HostApi

/** Listed explicitly so that the preload exposes exactly these and the main process handles exactly these. */
export const HOST_METHODS = ['getAppInfo', 'openFile', 'saveFile'] as const satisfies readonly HostMethod[]

/** The name under which the preload exposes the API on `window`. */
export const HOST_API_GLOBAL = 'ropaHost'

export function ipcChannel(method: HostMethod): string {
  return `ropa:${method}`
}
