import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readFileWithLimit } from '../../src-main/files'
import { APP_ORIGIN, RENDERER_CSP, RENDERER_URL, SECURE_WEB_PREFERENCES, isAllowedRequest, isTrustedSender, originOf } from '../../src-main/security'

describe('the main process security policy', () => {
  it('allows only the app origin, inline data and, in development, the local dev server', () => {
    expect(isAllowedRequest('app://ropa/assets/index.js', undefined)).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,AAAA', undefined)).toBe(true)
    expect(isAllowedRequest('blob:app://ropa/6f1c2b1e-0000-4000-8000-000000000000', undefined)).toBe(true)
    expect(isAllowedRequest('http://127.0.0.1:5173/src/main.tsx', 'http://127.0.0.1:5173')).toBe(true)
    // Vite's hot-reload WebSocket, while developing only.
    expect(isAllowedRequest('ws://127.0.0.1:5173/?token=x', 'http://127.0.0.1:5173')).toBe(true)
    expect(isAllowedRequest('ws://127.0.0.1:5173/?token=x', undefined)).toBe(false)
    expect(isAllowedRequest('not a url', undefined)).toBe(false)
  })

  it('refuses file: URLs, other hosts on the app scheme and every network scheme', () => {
    for (const url of [
      'file:///opt/ropa/resources/app/out/renderer/index.html',
      'file:///etc/passwd',
      'app://other/index.html',
      'app://ropa:8080/index.html',
      'https://www.google-analytics.com/collect',
      'http://127.0.0.1:5173/src/main.tsx',
      'ws://evil.example/',
      'wss://evil.example/',
      'ftp://evil.example/file',
      'chrome-extension://abcdef/page.html'
    ]) {
      expect(isAllowedRequest(url, undefined), url).toBe(false)
    }
    expect(isAllowedRequest('http://127.0.0.1:5174/', 'http://127.0.0.1:5173'), 'another port').toBe(false)
    expect(isAllowedRequest('ws://127.0.0.1:5174/', 'http://127.0.0.1:5173'), 'a WebSocket on another port').toBe(false)
    expect(isAllowedRequest('wss://127.0.0.1:5173/', 'http://127.0.0.1:5173'), 'another scheme').toBe(false)
  })

  it('trusts IPC only from the app origin (scheme, host and port), whatever the path', () => {
    expect(isTrustedSender(RENDERER_URL, undefined)).toBe(true)
    expect(isTrustedSender(`${RENDERER_URL}#/records/1`, undefined)).toBe(true)
    expect(isTrustedSender('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    for (const url of [
      'file:///opt/ropa/resources/app/out/renderer/index.html',
      'file:///tmp/evil.html',
      'app://evil/index.html',
      'app://ropa.evil/index.html',
      'app://ropa:1234/index.html',
      'https://ropa/index.html',
      'https://example.com/index.html',
      ''
    ]) {
      expect(isTrustedSender(url, undefined), url).toBe(false)
    }
    // The same path on another origin was enough before; the whole origin must match now.
    expect(isTrustedSender('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isTrustedSender('https://localhost:5173/', 'http://localhost:5173')).toBe(false)
    expect(originOf('app://ropa/index.html#/x')).toBe(APP_ORIGIN)
  })

  it('isolates and sandboxes the renderer, and restricts scripts to the app itself', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false })
    expect(RENDERER_CSP).toContain("script-src 'self'")
    expect(RENDERER_CSP).toContain("default-src 'none'")
    expect(RENDERER_CSP).not.toMatch(/unsafe-eval|https?:/)
  })
})

describe('reading a picked file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ropa-files-'))

  it('reads a file under the limit', async () => {
    const path = join(folder, 'pack.json')
    writeFileSync(path, '{"a":1}')
    const result = await readFileWithLimit(path, 100)
    expect(result.status).toBe('opened')
    expect(result.status === 'opened' && new TextDecoder().decode(result.bytes)).toBe('{"a":1}')
  })

  it('refuses a file over the limit before reading it, naming its size and the limit', async () => {
    const path = join(folder, 'huge.xlsx')
    writeFileSync(path, Buffer.alloc(3 * 1024 * 1024))
    expect(await readFileWithLimit(path, 1024 * 1024)).toEqual({ status: 'refused', name: 'huge.xlsx', reason: 'huge.xlsx is 3.0 MB; the limit is 1.0 MB', reasonRef: expect.objectContaining({ key: 'fileProblems:open.tooLarge' }) })
  })

  it('refuses a folder', async () => {
    const refused = await readFileWithLimit(folder, 100)
    expect(refused.status).toBe('refused')
    expect(refused.status === 'refused' && refused.reason).toMatch(/not a regular file/)
  })
})
