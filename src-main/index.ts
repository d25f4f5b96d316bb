/**
 * The Electron main process: one window, locked down, and the host API handlers. Its logic
 * lives in plain functions (security.ts, files.ts) that are tested in Node.
 */
import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { HOST_METHODS, ipcChannel, type HostApi, type OpenFileRequest, type SaveFileRequest } from './core/host/host-api'
import { readFileWithLimit, writeFileData } from './files'
import { RENDERER_CSP, SECURE_WEB_PREFERENCES, isAllowedRequest, isTrustedSender } from './security'

const devServerUrl = process.env.ELECTRON_RENDERER_URL
const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined
const rendererIndexPath = join(import.meta.dirname, '../renderer/index.html')
const rendererIndexUrl = pathToFileURL(rendererIndexPath).href

let mainWindow: BrowserWindow | null = null

const handlers: HostApi = {
  async getAppInfo() {
    return { version: app.getVersion(), host: 'electron' }
  },
  async openFile(request: OpenFileRequest) {
    const picked = await dialog.showOpenDialog(mainWindow!, { title: request.title, filters: request.filters, properties: ['openFile'] })
    if (picked.canceled || picked.filePaths.length === 0) return { status: 'cancelled' }
    return readFileWithLimit(picked.filePaths[0], request.maxBytes)
  },
  async saveFile(request: SaveFileRequest) {
    const picked = await dialog.showSaveDialog(mainWindow!, { title: request.title, defaultPath: request.suggestedName, filters: request.filters })
    if (picked.canceled || !picked.filePath) return { status: 'cancelled' }
    await writeFileData(picked.filePath, request.data)
    return { status: 'saved', name: picked.filePath }
  }
}

function registerHostHandlers(): void {
  for (const method of HOST_METHODS) {
    ipcMain.handle(ipcChannel(method), (event: IpcMainInvokeEvent, request: unknown) => {
      const senderUrl = event.senderFrame?.url ?? ''
      if (!isTrustedSender(senderUrl, rendererIndexUrl, devServerOrigin) || event.senderFrame !== event.sender.mainFrame) {
        throw new Error(`Refused IPC ${method} from untrusted sender ${senderUrl}`)
      }
      return (handlers[method] as (argument: unknown) => Promise<unknown>)(request)
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
