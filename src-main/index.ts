/**
 * The Electron main process: one window, locked down, and the host API handlers. Its logic
 * lives in plain functions (security.ts, protocol.ts, files.ts, backups.ts) that are tested in
 * Node; test/unit/main-process.test.ts loads this file, built, against a fake Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { join } from 'node:path'
import { resolveLocale } from './core/i18n'
import { lookupText } from './core/i18n/catalogues'
import { HOST_METHODS, PROGRESS_CHANNEL, ipcChannel, parseHostRequest, type HostMethod, type HostMethods, type HostProgress, type HostRequest } from './core/host/host-api'
import { listAutomaticBackups, readAutomaticBackup, writeAutomaticBackup } from './backups'
import { writeWorkbookStream } from './export/write-workbook-stream'
import { readFileWithLimit, writeFileData } from './files'
import { APP_SCHEME_PRIVILEGES, serveRendererFile } from './protocol'
import { APP_SCHEME, RENDERER_CSP, RENDERER_URL, SECURE_WEB_PREFERENCES, isAllowedRequest, isTrustedSender } from './security'

/** Where the app keeps its data, for a portable install or a test run; the platform's user-data folder otherwise. */
export const USER_DATA_DIR_VARIABLE = 'ROPA_USER_DATA_DIR'

// electron-vite's dev server; never honoured in a packaged app, where it would hand the host API to any page.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const devServerOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined
const rendererRoot = join(import.meta.dirname, '../renderer')

const automaticBackupDir = () => join(app.getPath('userData'), 'backups')

/** Each handler gets the checked request and the page that sent it (for dialogs and progress events). */
type Handlers = { [M in HostMethod]: (request: HostRequest<M>, sender: WebContents) => ReturnType<HostMethods[M]> }

/** Dialogs belong to the window that asked, so that they stay in front of it. */
function windowOf(sender: WebContents): BrowserWindow {
  const window = BrowserWindow.fromWebContents(sender)
  if (!window) throw new Error('the page that asked has no window any more')
  return window
}

const handlers: Handlers = {
  getAppInfo() {
    return Promise.resolve({ version: app.getVersion(), host: 'electron' })
  },
  async openFile(request, sender) {
    const picked = await dialog.showOpenDialog(windowOf(sender), { title: request.title, filters: request.filters, properties: ['openFile'] })
    const path = picked.filePaths[0]
    if (picked.canceled || path === undefined) return { status: 'cancelled' }
    return readFileWithLimit(path, request.maxBytes)
  },
  async saveFile(request, sender) {
    const picked = await dialog.showSaveDialog(windowOf(sender), { title: request.title, defaultPath: request.suggestedName, filters: request.filters })
    if (picked.canceled || !picked.filePath) return { status: 'cancelled' }
    await writeFileData(picked.filePath, request.data)
    return { status: 'saved', name: picked.filePath }
  },
  async exportWorkbook(request, sender) {
    const picked = await dialog.showSaveDialog(windowOf(sender), { title: request.title, defaultPath: request.suggestedName, filters: request.filters })
    if (picked.canceled || !picked.filePath) return { status: 'cancelled' }
    await writeWorkbookStream(picked.filePath, request.data, (done, total) => {
      if (!sender.isDestroyed()) sender.send(PROGRESS_CHANNEL, { operation: 'export', done, total } satisfies HostProgress)
    })
    return { status: 'saved', name: picked.filePath }
  },
  async writeAutomaticBackup(request) {
    const backup = await writeAutomaticBackup(automaticBackupDir(), request.json, request.reason)
    return { location: join(automaticBackupDir(), backup.name), backup }
  },
  async listAutomaticBackups() {
    return { location: automaticBackupDir(), backups: await listAutomaticBackups(automaticBackupDir()) }
  },
  async readAutomaticBackup(request) {
    return { json: await readAutomaticBackup(automaticBackupDir(), request.name) }
  }
}

/** Runs one IPC call: only from the app's own top-level page, and only with a request its schema accepts. */
async function handleHostCall<M extends HostMethod>(method: M, event: IpcMainInvokeEvent, request: unknown): Promise<unknown> {
  const frame = event.senderFrame
  const senderUrl = frame?.url ?? ''
  if (!frame || frame !== event.sender.mainFrame || !isTrustedSender(senderUrl, devServerOrigin)) {
    throw new Error(`Refused IPC ${method} from untrusted sender ${senderUrl || '(a closed frame)'}`)
  }
  const handler = handlers[method] as (checked: HostRequest<M>, sender: WebContents) => Promise<unknown>
  return handler(parseHostRequest(method, request), event.sender)
}

function registerHostHandlers(): void {
  for (const method of HOST_METHODS) ipcMain.handle(ipcChannel(method), (event, request: unknown) => handleHostCall(method, event, request))
}

/** Nothing leaves the machine: every request but the app's own is cancelled, and no permission is ever granted. */
function lockDownSession(): void {
  const defaultSession = session.defaultSession
  defaultSession.webRequest.onBeforeRequest((details, respond) => respond({ cancel: !isAllowedRequest(details.url, devServerOrigin) }))
  defaultSession.webRequest.onHeadersReceived((details, respond) =>
    respond({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } })
  )
  defaultSession.setPermissionRequestHandler((_contents, _permission, decide) => decide(false))
  defaultSession.setPermissionCheckHandler(() => false)
  defaultSession.setDevicePermissionHandler(() => false)
  // The spellchecker would fetch its dictionaries from Google's CDN.
  defaultSession.setSpellCheckerEnabled(false)
}

const userDataDir = process.env[USER_DATA_DIR_VARIABLE]
if (userDataDir) app.setPath('userData', userDataDir)

// Must happen before the app is ready: the scheme's privileges are fixed at start-up.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
})

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'RoPA Manager',
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(import.meta.dirname, '../preload/index.cjs') }
  })
  window.once('ready-to-show', () => window.show())
  window.loadURL(devServerUrl ?? RENDERER_URL).catch((error: unknown) => {
    // The page keeps the chosen language, and it did not load: say it in the system's language.
    const locale = resolveLocale(app.getPreferredSystemLanguages())
    const reason = error instanceof Error ? error.message : String(error)
    dialog.showErrorBox(lookupText(locale, 'problems:failure.appDidNotStart'), lookupText(locale, 'problems:failure.pageDidNotLoad', { reason }))
  })
}

app.enableSandbox()
void app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(request, rendererRoot))
  lockDownSession()
  registerHostHandlers()
  createWindow()
})
app.on('window-all-closed', () => app.quit())
