/**
 * The Electron main process: one window, locked down, and the host API handlers. Its logic
 * lives in plain functions (security.ts, files.ts) that are tested in Node.
 */
import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  HOST_METHODS,
  PROGRESS_CHANNEL,
  ipcChannel,
  type ExportWorkbookRequest,
  type HostMethods,
  type HostProgress,
  type OpenFileRequest,
  type SaveFileRequest,
  type WriteAutomaticBackupRequest
} from './core/host/host-api'
import { listAutomaticBackups, readAutomaticBackup, writeAutomaticBackup } from './backups'
import { writeWorkbookStream } from './export/write-workbook-stream'
import { readFileWithLimit, writeFileData } from './files'
import { RENDERER_CSP, SECURE_WEB_PREFERENCES, isAllowedRequest, isTrustedSender } from './security'

const devServerUrl = process.env.ELECTRON_RENDERER_URL
const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined
const rendererIndexPath = join(import.meta.dirname, '../renderer/index.html')
const rendererIndexUrl = pathToFileURL(rendererIndexPath).href

let mainWindow: BrowserWindow | null = null

const automaticBackupDir = () => join(app.getPath('userData'), 'backups')

/** Each handler gets the request and the page that sent it (for progress events). */
type Handlers = { [M in keyof HostMethods]: (request: Parameters<HostMethods[M]>[0], sender: WebContents) => ReturnType<HostMethods[M]> }

const handlers: Handlers = {
  async getAppInfo() {
    return { version: app.getVersion(), host: 'electron' }
  },
  async openFile(request: OpenFileRequest) {
    const picked = await dialog.showOpenDialog(mainWindow!, { title: request.title, filters: request.filters, properties: ['openFile'] })
    const [path] = picked.filePaths
    if (picked.canceled || path === undefined) return { status: 'cancelled' }
    return readFileWithLimit(path, request.maxBytes)
  },
  async saveFile(request: SaveFileRequest) {
    const picked = await dialog.showSaveDialog(mainWindow!, { title: request.title, defaultPath: request.suggestedName, filters: request.filters })
    if (picked.canceled || !picked.filePath) return { status: 'cancelled' }
    await writeFileData(picked.filePath, request.data)
    return { status: 'saved', name: picked.filePath }
  },
  async exportWorkbook(request: ExportWorkbookRequest, sender) {
    const picked = await dialog.showSaveDialog(mainWindow!, {
      title: 'Export the register as a workbook',
      defaultPath: request.suggestedName,
      filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }]
    })
    if (picked.canceled || !picked.filePath) return { status: 'cancelled' }
    await writeWorkbookStream(picked.filePath, request.data, (done, total) => {
      if (!sender.isDestroyed()) sender.send(PROGRESS_CHANNEL, { operation: 'export', done, total } satisfies HostProgress)
    })
    return { status: 'saved', name: picked.filePath }
  },
  async writeAutomaticBackup(request: WriteAutomaticBackupRequest) {
    const backup = await writeAutomaticBackup(automaticBackupDir(), request.json, request.reason)
    return { location: join(automaticBackupDir(), backup.name), backup }
  },
  async listAutomaticBackups() {
    return { location: automaticBackupDir(), backups: await listAutomaticBackups(automaticBackupDir()) }
  },
  async readAutomaticBackup(request: { name: string }) {
    return { json: await readAutomaticBackup(automaticBackupDir(), request.name) }
  }
}

function registerHostHandlers(): void {
  for (const method of HOST_METHODS) {
    ipcMain.handle(ipcChannel(method), (event: IpcMainInvokeEvent, request: unknown) => {
      const senderUrl = event.senderFrame?.url ?? ''
      if (!isTrustedSender(senderUrl, rendererIndexUrl, devServerOrigin) || event.senderFrame !== event.sender.mainFrame) {
        throw new Error(`Refused IPC ${method} from untrusted sender ${senderUrl}`)
      }
      return (handlers[method] as (argument: unknown, sender: WebContents) => Promise<unknown>)(request, event.sender)
    })
  }
}

function lockDownSession(): void {
  const defaultSession = session.defaultSession
  defaultSession.webRequest.onBeforeRequest((details, respond) => respond({ cancel: !isAllowedRequest(details.url, devServerOrigin) }))
  defaultSession.webRequest.onHeadersReceived((details, respond) =>
    respond({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } })
  )
  defaultSession.setPermissionRequestHandler((_contents, _permission, decide) => decide(false))
  defaultSession.setPermissionCheckHandler(() => false)
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
})

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'RoPA Manager',
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(import.meta.dirname, '../preload/index.cjs') }
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  if (devServerUrl) void mainWindow.loadURL(devServerUrl)
  else void mainWindow.loadFile(rendererIndexPath)
}

app.enableSandbox()
void app.whenReady().then(() => {
  lockDownSession()
  registerHostHandlers()
  createWindow()
})
app.on('window-all-closed', () => app.quit())
