import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readFileWithLimit } from '../../src-main/files'
import { RENDERER_CSP, SECURE_WEB_PREFERENCES, isAllowedRequest, isTrustedSender } from '../../src-main/security'

const INDEX_URL = 'file:///opt/ropa/resources/app/out/renderer/index.html'

describe('the main process security policy', () => {
  it('allows only the app files and, in development, the local dev server', () => {
    expect(isAllowedRequest('file:///opt/ropa/resources/app/out/renderer/assets/index.js', undefined)).toBe(true)
    expect(isAllowedRequest('https://www.google-analytics.com/collect', undefined)).toBe(false)
    expect(isAllowedRequest('http://127.0.0.1:5173/src/main.tsx', undefined)).toBe(false)
    expect(isAllowedRequest('http://127.0.0.1:5173/src/main.tsx', 'http://127.0.0.1:5173')).toBe(true)
    expect(isAllowedRequest('ws://evil.example/', 'http://127.0.0.1:5173')).toBe(false)
    expect(isAllowedRequest('not a url', undefined)).toBe(false)
  })

  it('trusts IPC only from the renderer index page', () => {
    expect(isTrustedSender(INDEX_URL, INDEX_URL, undefined)).toBe(true)
    expect(isTrustedSender(`${INDEX_URL}#/records/1`, INDEX_URL, undefined)).toBe(true)
    expect(isTrustedSender('file:///tmp/evil.html', INDEX_URL, undefined)).toBe(false)
    expect(isTrustedSender('https://example.com/', INDEX_URL, undefined)).toBe(false)
    expect(isTrustedSender('', INDEX_URL, undefined)).toBe(false)
    expect(isTrustedSender('http://localhost:5173/', INDEX_URL, 'http://localhost:5173')).toBe(true)
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
    expect(await readFileWithLimit(path, 1024 * 1024)).toEqual({ status: 'refused', name: 'huge.xlsx', reason: 'huge.xlsx is 3.0 MB; the limit is 1.0 MB' })
  })

  it('refuses a folder', async () => {
    expect(await readFileWithLimit(folder, 100)).toMatchObject({ status: 'refused', reason: expect.stringContaining('not a regular file') })
  })
})
