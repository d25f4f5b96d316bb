/**
 * A fake of the parts of the `electron` module the main process uses, for loading the built
 * main process (out/main/index.js) in Node. It records what the main process asks for and,
 * like Electron, refuses calls made at the wrong time: schemes can only be made privileged
 * before the app is ready, and protocol handlers and the session only exist after it.
 *
 * The state lives on globalThis, so that every copy of this module (vi.resetModules) shares it.
 */
import { EventEmitter } from 'node:events'

type Listener = (...args: never[]) => unknown

export interface FakeFrame {
  url: string
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { url: '' }
  readonly sent: Array<{ channel: string; payload: unknown }> = []
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null
  destroyed = false
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload })
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** Emits an Electron-style event and tells whether a listener called preventDefault(). */
  emitPreventable(name: string, ...args: unknown[]): boolean {
    let prevented = false
    this.emit(name, { preventDefault: () => void (prevented = true) }, ...args)
    return prevented
  }
}

interface DialogAnswer {
  canceled: boolean
  filePaths?: string[]
  filePath?: string
}

interface FakeState {
  ready: boolean
  resolveReady: () => void
  whenReady: Promise<void>
  isPackaged: boolean
  sandboxEnabled: boolean
  quitCalls: number
  paths: Map<string, string>
  appEvents: EventEmitter
  windows: FakeBrowserWindow[]
  ipcHandlers: Map<string, (event: unknown, request: unknown) => unknown>
  privilegedSchemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>
  protocolHandlers: Map<string, (request: Request) => Response | Promise<Response>>
  beforeRequest: ((details: { url: string }, respond: (response: { cancel?: boolean }) => void) => void) | null
  headersReceived: ((details: { url: string; responseHeaders?: Record<string, string[]> }, respond: (response: { responseHeaders?: Record<string, string[]> }) => void) => void) | null
  permissionRequestHandler: ((contents: unknown, permission: string, decide: (granted: boolean) => void) => void) | null
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null
  spellCheckerEnabled: boolean
  /** What a preload exposed with contextBridge, by global name. */
  exposed: Map<string, unknown>
  invocations: Array<{ channel: string; request: unknown }>
  rendererListeners: Map<string, Set<(event: unknown, ...args: unknown[]) => void>>
  dialogAnswers: DialogAnswer[]
  dialogCalls: Array<{ kind: 'open' | 'save'; window: unknown; options: Record<string, unknown> }>
  errorBoxes: Array<{ title: string; content: string }>
  /** What app.getPreferredSystemLanguages() answers. */
  systemLanguages: string[]
  /** When set, a window's loadURL fails with it, as when the page cannot be served. */
  pageLoadError: Error | null
}

const STATE_KEY = Symbol.for('ropa.fakeElectron')

function freshState(): FakeState {
  let resolveReady!: () => void
  const whenReady = new Promise<void>((resolve) => (resolveReady = resolve))
  return {
    ready: false,
    resolveReady,
    whenReady,
    isPackaged: false,
    sandboxEnabled: false,
    quitCalls: 0,
    paths: new Map([['userData', '/nonexistent/fake-electron-user-data']]),
    appEvents: new EventEmitter(),
    windows: [],
    ipcHandlers: new Map(),
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    beforeRequest: null,
    headersReceived: null,
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    devicePermissionHandler: null,
    // As in Electron: on until the app turns it off.
    spellCheckerEnabled: true,
    exposed: new Map(),
    invocations: [],
    rendererListeners: new Map(),
    dialogAnswers: [],
    dialogCalls: [],
    errorBoxes: [],
    systemLanguages: ['en-US'],
    pageLoadError: null
  }
}

/** The current fake's state, for the test to drive and inspect. */
export function fakeElectron(): FakeState {
  const holder = globalThis as unknown as Record<symbol, FakeState | undefined>
  return (holder[STATE_KEY] ??= freshState())
}

/** Starts over: a new app that is not ready yet, no windows, nothing registered. */
export function resetFakeElectron(options: { isPackaged?: boolean } = {}): FakeState {
  const holder = globalThis as unknown as Record<symbol, FakeState | undefined>
  holder[STATE_KEY] = { ...freshState(), isPackaged: options.isPackaged ?? false }
  return fakeElectron()
}

/** Emits `ready`: runs what the main process queued on app.whenReady(). */
export async function makeAppReady(): Promise<void> {
  const state = fakeElectron()
  state.ready = true
  state.resolveReady()
  await state.whenReady
  // Lets the .then() callbacks chained on whenReady() run.
  await new Promise((resolve) => setImmediate(resolve))
}

function requireReady(what: string): void {
  if (!fakeElectron().ready) throw new Error(`${what} cannot be used before the app is ready`)
}

export const app = {
  get isPackaged() {
    return fakeElectron().isPackaged
  },
  getVersion: () => '0.1.0-fake',
  getPreferredSystemLanguages: () => [...fakeElectron().systemLanguages],
  getPath(name: string): string {
    const path = fakeElectron().paths.get(name)
    if (path === undefined) throw new Error(`Failed to get '${name}' path`)
    return path
  },
  setPath(name: string, path: string): void {
    fakeElectron().paths.set(name, path)
  },
  whenReady: () => fakeElectron().whenReady,
  isReady: () => fakeElectron().ready,
  enableSandbox(): void {
    if (fakeElectron().ready) throw new Error('app.enableSandbox() can only be called before app is ready')
    fakeElectron().sandboxEnabled = true
  },
  on(event: string, listener: Listener) {
    fakeElectron().appEvents.on(event, listener as (...args: unknown[]) => void)
    return app
  },
  once(event: string, listener: Listener) {
    fakeElectron().appEvents.once(event, listener as (...args: unknown[]) => void)
    return app
  },
  quit(): void {
    fakeElectron().quitCalls++
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents()
  readonly loadedUrls: string[] = []
  visible = false
  constructor(readonly options: Record<string, unknown>) {
    super()
    requireReady('BrowserWindow')
    fakeElectron().windows.push(this)
    // As in Electron, every new web contents is announced on the app.
    fakeElectron().appEvents.emit('web-contents-created', { preventDefault() {} }, this.webContents)
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return fakeElectron().windows.find((window) => window.webContents === contents) ?? null
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return [...fakeElectron().windows]
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url)
    const failure = fakeElectron().pageLoadError
    // As in Electron, a page that fails to load rejects with the navigation error.
    if (failure) return Promise.reject(failure)
    this.webContents.mainFrame.url = url
    return Promise.resolve()
  }
  loadFile(path: string): Promise<void> {
    return this.loadURL(`file://${path}`)
  }
  show(): void {
    this.visible = true
  }
}
export { FakeBrowserWindow as BrowserWindow }

export const ipcMain = {
  handle(channel: string, handler: (event: unknown, request: unknown) => unknown): void {
    const handlers = fakeElectron().ipcHandlers
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    handlers.set(channel, handler)
  }
}

export const protocol = {
  registerSchemesAsPrivileged(schemes: FakeState['privilegedSchemes']): void {
    if (fakeElectron().ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    fakeElectron().privilegedSchemes.push(...schemes)
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    requireReady('protocol.handle')
    fakeElectron().protocolHandlers.set(scheme, handler)
  }
}

const defaultSession = {
  webRequest: {
    onBeforeRequest(listener: FakeState['beforeRequest']): void {
      fakeElectron().beforeRequest = listener
    },
    onHeadersReceived(listener: FakeState['headersReceived']): void {
      fakeElectron().headersReceived = listener
    }
  },
  setPermissionRequestHandler(handler: FakeState['permissionRequestHandler']): void {
    fakeElectron().permissionRequestHandler = handler
  },
  setPermissionCheckHandler(handler: FakeState['permissionCheckHandler']): void {
    fakeElectron().permissionCheckHandler = handler
  },
  setDevicePermissionHandler(handler: FakeState['devicePermissionHandler']): void {
    fakeElectron().devicePermissionHandler = handler
  },
  setSpellCheckerEnabled(enabled: boolean): void {
    fakeElectron().spellCheckerEnabled = enabled
  }
}

export const session = {
  get defaultSession() {
    requireReady('session')
    return defaultSession
  }
}

function answerDialog(kind: 'open' | 'save', window: unknown, options: Record<string, unknown>): Promise<DialogAnswer> {
  const state = fakeElectron()
  state.dialogCalls.push({ kind, window, options })
  return Promise.resolve(state.dialogAnswers.shift() ?? { canceled: true, filePaths: [] })
}

export const dialog = {
  showOpenDialog: (window: unknown, options: Record<string, unknown>) => answerDialog('open', window, options).then((answer) => ({ canceled: answer.canceled, filePaths: answer.filePaths ?? [] })),
  showSaveDialog: (window: unknown, options: Record<string, unknown>) => answerDialog('save', window, options).then((answer) => ({ canceled: answer.canceled, filePath: answer.filePath ?? '' })),
  showErrorBox(title: string, content: string): void {
    fakeElectron().errorBoxes.push({ title, content })
  }
}

// The preload's side: what a sandboxed preload may use.
export const contextBridge = {
  exposeInMainWorld(name: string, api: unknown): void {
    const exposed = fakeElectron().exposed
    if (exposed.has(name)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${name}`)
    exposed.set(name, api)
  }
}

export const ipcRenderer = {
  invoke(channel: string, request: unknown): Promise<unknown> {
    fakeElectron().invocations.push({ channel, request })
    return Promise.resolve({ answeredOn: channel })
  },
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    const listeners = fakeElectron().rendererListeners
    listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener))
    return ipcRenderer
  },
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    fakeElectron().rendererListeners.get(channel)?.delete(listener)
    return ipcRenderer
  }
}

/** Delivers a message from the main process to the preload's listeners on `channel`. */
export function sendToRenderer(channel: string, ...args: unknown[]): void {
  for (const listener of fakeElectron().rendererListeners.get(channel) ?? []) listener({ sender: 'ipcRenderer' }, ...args)
}

export default { app, BrowserWindow: FakeBrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, protocol, session }
