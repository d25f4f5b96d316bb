/**
 * Runs the BUILT preload (out/preload/index.cjs) the way Electron's sandbox does: CommonJS with
 * a `require` that offers nothing but 'electron' (here the fake), and checks that it exposes
 * exactly the host API and forwards every call unchanged.
 */
import { readFileSync } from 'node:fs'
import { compileFunction, createContext } from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import { HOST_API_GLOBAL, HOST_METHODS, PROGRESS_CHANNEL, ipcChannel } from '@core/host/host-api'
import { BUILT_PRELOAD, ensureAppBuilt } from '../fakes/built-app'
import * as fakeElectronModule from '../fakes/electron'
import { fakeElectron, resetFakeElectron, sendToRenderer } from '../fakes/electron'

/** A sandboxed preload's require: 'electron' and nothing else (the few Node polyfills Electron adds are not needed). */
function sandboxedRequire(id: string): unknown {
  if (id === 'electron') return fakeElectronModule
  throw new Error(`a sandboxed preload cannot require "${id}"`)
}

function runPreload(): Record<string, (argument?: unknown) => unknown> {
  resetFakeElectron()
  const module = { exports: {} }
  // A context of its own, as the preload's isolated world: nothing of this test's globals leaks in.
  const run = compileFunction(readFileSync(BUILT_PRELOAD, 'utf8'), ['require', 'module', 'exports'], { parsingContext: createContext({ console }) }) as (
    require: unknown,
    module: unknown,
    exports: unknown
  ) => void
  run(sandboxedRequire, module, module.exports)
  const api = fakeElectron().exposed.get(HOST_API_GLOBAL)
  if (!api) throw new Error(`the preload exposed nothing as ${HOST_API_GLOBAL}`)
  return api as Record<string, (argument?: unknown) => unknown>
}

describe('the built preload', () => {
  beforeAll(() => ensureAppBuilt(), 120_000)

  it('runs in the sandbox, requiring nothing but electron', () => {
    expect(() => runPreload()).not.toThrow()
  })

  it('exposes exactly the host API methods and onProgress', () => {
    expect(Object.keys(runPreload()).sort()).toEqual([...HOST_METHODS, 'onProgress'].sort())
    expect([...fakeElectron().exposed.keys()]).toEqual([HOST_API_GLOBAL])
  })

  it('forwards each call unchanged to its channel, checking nothing itself', async () => {
    const api = runPreload()
    const unchecked = { title: 'x', maxBytes: undefined, anything: ['at all'] }
    for (const method of HOST_METHODS) expect(await api[method]!(unchecked)).toEqual({ answeredOn: ipcChannel(method) })
    expect(fakeElectron().invocations).toEqual(HOST_METHODS.map((method) => ({ channel: ipcChannel(method), request: unchecked })))
    expect(fakeElectron().invocations.every((call) => call.request === unchecked)).toBe(true)
  })

  it('passes progress events on without the IPC event, until unsubscribed', () => {
    const api = runPreload()
    const received: unknown[] = []
    const unsubscribe = api.onProgress!((progress: unknown) => received.push(progress)) as () => void
    sendToRenderer(PROGRESS_CHANNEL, { operation: 'export', done: 1, total: 4 })
    unsubscribe()
    sendToRenderer(PROGRESS_CHANNEL, { operation: 'export', done: 2, total: 4 })
    expect(received).toEqual([{ operation: 'export', done: 1, total: 4 }])
  })
})
