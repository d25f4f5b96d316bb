/**
 * Loads the BUILT main process (out/main/index.js) against a fake Electron (test/fakes/electron.ts)
 * and checks the glue: window options, the app:// protocol, the session's lock-down, and every
 * host API handler behind its sender check and request schema.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createBackup, serialiseBackup } from '@core/backup/backup-format'
import { HOST_METHODS, PROGRESS_CHANNEL, ipcChannel } from '@core/host/host-api'
import { RENDERER_CSP } from '../../src-main/security'
import { BUILT_MAIN, BUILT_PRELOAD, BUILT_RENDERER, ensureAppBuilt } from '../fakes/built-app'
import { FakeWebContents, fakeElectron, makeAppReady, resetFakeElectron, type FakeBrowserWindow } from '../fakes/electron'
import { exportData } from '../fixtures/workbooks/sample-register'

vi.mock('electron', () => import('../fakes/electron'))

/** Imports a fresh copy of the built main process with the given environment, then makes the app ready. */
async function startMainProcess(options: { isPackaged?: boolean; env?: Record<string, string>; systemLanguages?: string[]; pageLoadError?: Error } = {}) {
  const state = resetFakeElectron({ isPackaged: options.isPackaged })
  if (options.systemLanguages) state.systemLanguages = options.systemLanguages
  if (options.pageLoadError) state.pageLoadError = options.pageLoadError
  vi.resetModules()
  const saved = { ...process.env }
  delete process.env.ELECTRON_RENDERER_URL
  delete process.env.ROPA_USER_DATA_DIR
  Object.assign(process.env, options.env)
  try {
    await import(/* @vite-ignore */ `${pathToFileURL(BUILT_MAIN).href}?run=${Math.random()}`)
  } finally {
    process.env = saved
  }
  const beforeReady = { privilegedSchemes: [...state.privilegedSchemes], sandboxEnabled: state.sandboxEnabled, windows: state.windows.length }
  await makeAppReady()
  return { state, beforeReady }
}

const windowOf = (state: ReturnType<typeof fakeElectron>): FakeBrowserWindow => {
  const window = state.windows[0]
  if (!window) throw new Error('the main process opened no window')
  return window
}

/** An IPC call as Electron delivers it: from some frame of some web contents. */
function invoke(state: ReturnType<typeof fakeElectron>, method: string, request: unknown, from: { sender: FakeWebContents; frame?: { url: string } | null }) {
  const handler = state.ipcHandlers.get(ipcChannel(method as never))
  if (!handler) throw new Error(`no handler for ${method}`)
  return Promise.resolve().then(() => handler({ sender: from.sender, senderFrame: from.frame === undefined ? from.sender.mainFrame : from.frame }, request))
}

const validBackupJson = () =>
  serialiseBackup(createBackup({ exportedAt: '2026-05-01T10:00:00.000Z', appVersion: '0.1.0', organisation: null, userProfile: null, records: [], auditLog: [], vendors: [], packs: [] }))

describe('the built main process', () => {
  let state: ReturnType<typeof fakeElectron>
  let beforeReady: Awaited<ReturnType<typeof startMainProcess>>['beforeReady']
  let window: FakeBrowserWindow
  let userData: string

  beforeAll(async () => {
    ensureAppBuilt()
    userData = mkdtempSync(join(tmpdir(), 'ropa-user-data-'))
    ;({ state, beforeReady } = await startMainProcess({ env: { ROPA_USER_DATA_DIR: userData } }))
    window = windowOf(state)
  }, 120_000)

  it('registers the app:// scheme as privileged and enables the sandbox before the app is ready', () => {
    expect(beforeReady.privilegedSchemes.map((registered) => registered.scheme)).toEqual(['app'])
    expect(beforeReady.privilegedSchemes[0]?.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true })
    expect(beforeReady.sandboxEnabled).toBe(true)
    expect(beforeReady.windows).toBe(0)
    expect(state.protocolHandlers.has('app')).toBe(true)
  })

  it('opens one locked-down window at app://ropa/index.html with the built preload', () => {
    expect(state.windows).toHaveLength(1)
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: BUILT_PRELOAD
    })
    expect(existsSync(BUILT_PRELOAD)).toBe(true)
    expect(window.loadedUrls).toEqual(['app://ropa/index.html'])
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)
  })

  it('keeps its data in the folder ROPA_USER_DATA_DIR names', () => {
    expect(state.paths.get('userData')).toBe(userData)
  })

  it('serves the built renderer over app:// with the CSP header, and nothing outside it', async () => {
    const serve = state.protocolHandlers.get('app')!
    const page = await serve(new Request('app://ropa/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP)
    expect(await page.text()).toBe(readFileSync(join(BUILT_RENDERER, 'index.html'), 'utf8'))
    const script = readdirSync(join(BUILT_RENDERER, 'assets')).find((name) => name.endsWith('.js'))!
    expect((await serve(new Request(`app://ropa/assets/${script}`))).headers.get('content-type')).toMatch(/^text\/javascript/)
    for (const url of ['app://ropa/..%2fmain%2findex.js', 'app://ropa/..%2fpreload%2findex.cjs', 'app://ropa/%2e%2e%2f%2e%2e%2fpackage.json', 'app://ropa/missing.html']) {
      expect((await serve(new Request(url))).status, url).toBe(404)
    }
  })

  it('cancels every request that is not the app’s own, file: included, and adds the CSP to every response', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined
      state.beforeRequest!({ url }, (response) => (cancel = response.cancel))
      return cancel
    }
    expect(decide('app://ropa/assets/index.js')).toBe(false)
    for (const url of ['file:///etc/passwd', 'https://example.com/', 'http://127.0.0.1:5173/', 'wss://example.com/']) expect(decide(url), url).toBe(true)
    let headers: Record<string, string[]> | undefined
    state.headersReceived!({ url: 'app://ropa/index.html', responseHeaders: { 'Content-Type': ['text/html'] } }, (response) => (headers = response.responseHeaders))
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [RENDERER_CSP] })
  })

  it('turns off the spellchecker, which would download dictionaries', () => {
    expect(state.spellCheckerEnabled).toBe(false)
  })

  it('denies every permission', () => {
    let granted: boolean | undefined
    state.permissionRequestHandler!(window.webContents, 'media', (answer) => (granted = answer))
    expect(granted).toBe(false)
    expect(state.permissionCheckHandler!(window.webContents, 'clipboard-read', 'app://ropa', {})).toBe(false)
    expect(state.devicePermissionHandler!({ deviceType: 'usb', origin: 'app://ropa' })).toBe(false)
  })

  it('denies navigation, redirects, webviews and new windows', () => {
    expect(window.webContents.emitPreventable('will-navigate', 'https://example.com/')).toBe(true)
    expect(window.webContents.emitPreventable('will-redirect', 'https://example.com/')).toBe(true)
    expect(window.webContents.emitPreventable('will-attach-webview', {}, {})).toBe(true)
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })

  it('quits when the window is closed', () => {
    const quits = state.quitCalls
    state.appEvents.emit('window-all-closed')
    expect(state.quitCalls).toBe(quits + 1)
  })

  it('handles every host API method, for the app’s own top-level page', async () => {
    expect([...state.ipcHandlers.keys()].sort()).toEqual(HOST_METHODS.map(ipcChannel).sort())
    expect(await invoke(state, 'getAppInfo', undefined, { sender: window.webContents })).toEqual({ version: '0.1.0-fake', host: 'electron' })
    expect(await invoke(state, 'listAutomaticBackups', undefined, { sender: window.webContents })).toEqual({ location: join(userData, 'backups'), backups: [] })
  })

  it('refuses calls from another origin, from a subframe or from a closed frame, before doing anything', async () => {
    const foreign = new FakeWebContents()
    foreign.mainFrame.url = 'file:///tmp/evil.html'
    await expect(invoke(state, 'getAppInfo', undefined, { sender: foreign })).rejects.toThrow('Refused IPC getAppInfo from untrusted sender file:///tmp/evil.html')
    foreign.mainFrame.url = 'app://evil/index.html'
    await expect(invoke(state, 'getAppInfo', undefined, { sender: foreign })).rejects.toThrow(/Refused IPC/)
    const subframe = { url: 'app://ropa/index.html' }
    await expect(invoke(state, 'openFile', { title: 'x', filters: [], maxBytes: 10 }, { sender: window.webContents, frame: subframe })).rejects.toThrow(/Refused IPC openFile/)
    await expect(invoke(state, 'getAppInfo', undefined, { sender: window.webContents, frame: null })).rejects.toThrow(/Refused IPC/)
    expect(state.dialogCalls).toEqual([])
  })

  it('refuses a request its schema rejects before any dialog opens', async () => {
    await expect(invoke(state, 'openFile', { title: 'Import', filters: [], maxBytes: undefined }, { sender: window.webContents })).rejects.toThrow(
      /openFile was refused: the request is invalid: \$\.maxBytes/
    )
    await expect(invoke(state, 'readAutomaticBackup', { name: '../../../etc/passwd' }, { sender: window.webContents })).rejects.toThrow(/\$\.name/)
    expect(state.dialogCalls).toEqual([])
  })

  it('opens a picked file within its size limit, with the dialog on the asking window', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ropa-open-'))
    writeFileSync(join(folder, 'pack.json'), '{"id":"x"}')
    writeFileSync(join(folder, 'big.json'), 'x'.repeat(100))
    state.dialogAnswers.push({ canceled: false, filePaths: [join(folder, 'pack.json')] }, { canceled: false, filePaths: [join(folder, 'big.json')] })
    const opened = (await invoke(state, 'openFile', { title: 'Import a pack', filters: [{ name: 'Pack', extensions: ['json'] }], maxBytes: 50 }, { sender: window.webContents })) as {
      status: string
      bytes: Uint8Array
    }
    expect(opened.status).toBe('opened')
    expect(new TextDecoder().decode(opened.bytes)).toBe('{"id":"x"}')
    expect(await invoke(state, 'openFile', { title: 'Import a pack', filters: [], maxBytes: 50 }, { sender: window.webContents })).toEqual({
      status: 'refused',
      name: 'big.json',
      reason: 'big.json is 100 B; the limit is 50 B',
      reasonRef: expect.objectContaining({ key: 'fileProblems:open.tooLarge' })
    })
    expect(state.dialogCalls.at(-1)?.window).toBe(window)
    expect(await invoke(state, 'openFile', { title: 'Import', filters: [], maxBytes: 50 }, { sender: window.webContents })).toEqual({ status: 'cancelled' })
  })

  it('saves a file and exports a workbook to the picked path, reporting progress to the page', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ropa-save-'))
    state.dialogAnswers.push({ canceled: false, filePath: join(folder, 'register.csv') }, { canceled: false, filePath: join(folder, 'register.xlsx') })
    expect(await invoke(state, 'saveFile', { title: 'Export CSV', suggestedName: 'register.csv', filters: [], data: 'a,b\n' }, { sender: window.webContents })).toEqual({
      status: 'saved',
      name: join(folder, 'register.csv')
    })
    expect(readFileSync(join(folder, 'register.csv'), 'utf8')).toBe('a,b\n')
    await invoke(state, 'exportWorkbook', { data: exportData(), suggestedName: 'register.xlsx', title: 'Exporter le registre', filters: [{ name: 'Classeur Excel', extensions: ['xlsx'] }] }, { sender: window.webContents })
    expect(readFileSync(join(folder, 'register.xlsx')).subarray(0, 2).toString()).toBe('PK')
    expect(state.dialogCalls.at(-1)?.options).toMatchObject({ title: 'Exporter le registre', filters: [{ name: 'Classeur Excel', extensions: ['xlsx'] }] })
    expect(window.webContents.sent.at(-1)).toMatchObject({ channel: PROGRESS_CHANNEL, payload: { operation: 'export' } })
    expect(readdirSync(folder).sort()).toEqual(['register.csv', 'register.xlsx'])
  })

  it('writes an automatic backup only when it is a valid backup, and reads it back by name', async () => {
    await expect(invoke(state, 'writeAutomaticBackup', { json: '{"formatVersion":1}', reason: 'daily' }, { sender: window.webContents })).rejects.toThrow(/not a valid backup/)
    expect(existsSync(join(userData, 'backups'))).toBe(false)
    const json = validBackupJson()
    const written = (await invoke(state, 'writeAutomaticBackup', { json, reason: 'after-changes' }, { sender: window.webContents })) as { backup: { name: string } }
    expect(readdirSync(join(userData, 'backups'))).toEqual([written.backup.name])
    expect(await invoke(state, 'readAutomaticBackup', { name: written.backup.name }, { sender: window.webContents })).toEqual({ json })
  })
})

describe('the built main process, packaged', () => {
  it('ignores a dev server URL from the environment, which would hand the host API to another page', async () => {
    ensureAppBuilt()
    const { state } = await startMainProcess({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' } })
    expect(windowOf(state).loadedUrls).toEqual(['app://ropa/index.html'])
    const page = new FakeWebContents()
    page.mainFrame.url = 'http://127.0.0.1:5173/'
    await expect(invoke(state, 'getAppInfo', undefined, { sender: page })).rejects.toThrow(/Refused IPC/)
  }, 120_000)

  it('uses the dev server while developing', async () => {
    const { state } = await startMainProcess({ env: { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' } })
    const window = windowOf(state)
    expect(window.loadedUrls).toEqual(['http://127.0.0.1:5173/'])
    expect(await invoke(state, 'getAppInfo', undefined, { sender: window.webContents })).toMatchObject({ host: 'electron' })
  })
})

describe('the built main process, when its page does not load', () => {
  const loadError = () => new Error("ERR_FILE_NOT_FOUND (-6) loading 'app://ropa/index.html'")

  it('says so in an error box, in the system’s first language the app speaks', async () => {
    ensureAppBuilt()
    const { state } = await startMainProcess({ systemLanguages: ['de-AT', 'en-GB'], pageLoadError: loadError() })
    await new Promise((resolve) => setImmediate(resolve))
    expect(state.errorBoxes).toEqual([
      { title: 'RoPA Manager konnte nicht starten', content: "Die Seite der App wurde nicht geladen: ERR_FILE_NOT_FOUND (-6) loading 'app://ropa/index.html'" }
    ])
  }, 120_000)

  it('in French for a French system, and in English for a system language it does not speak', async () => {
    const french = await startMainProcess({ systemLanguages: ['fr-CA'], pageLoadError: loadError() })
    await new Promise((resolve) => setImmediate(resolve))
    expect(french.state.errorBoxes.map((box) => box.title)).toEqual(['RoPA Manager n’a pas pu démarrer'])
    expect(french.state.errorBoxes[0]!.content).toMatch(/^La page de l’application ne s’est pas chargée : ERR_FILE_NOT_FOUND/)
    const other = await startMainProcess({ systemLanguages: ['ja-JP'], pageLoadError: loadError() })
    await new Promise((resolve) => setImmediate(resolve))
    expect(other.state.errorBoxes).toEqual([{ title: 'RoPA Manager could not start', content: "The app's page did not load: ERR_FILE_NOT_FOUND (-6) loading 'app://ropa/index.html'" }])
  })
})
