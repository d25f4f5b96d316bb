import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rendererFileFor, serveRendererFile } from '../../src-main/protocol'
import { RENDERER_CSP } from '../../src-main/security'

/** A renderer folder, with secrets beside it that no app:// URL may reach. */
function rendererFolder(): string {
  const base = mkdtempSync(join(tmpdir(), 'ropa-protocol-'))
  const root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>RoPA</title>')
  writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'notes.unknown'), 'no type')
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer folder')
  // Shares the folder's name as a prefix: a plain startsWith(root) would let it through.
  mkdirSync(join(base, 'renderer-private'))
  writeFileSync(join(base, 'renderer-private', 'secret.txt'), 'beside the renderer folder')
  return root
}

const get = (url: string) => ({ url, method: 'GET' })

describe('the app:// protocol', () => {
  const root = rendererFolder()

  it('serves the renderer files with their type and the CSP header', async () => {
    const page = await serveRendererFile(get('app://ropa/index.html'), root)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP)
    expect(await page.text()).toContain('<title>RoPA</title>')
    const script = await serveRendererFile(get('app://ropa/assets/index.js?v=1#x'), root)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log(1)')
    expect(await (await serveRendererFile(get('app://ropa/'), root)).text()).toContain('<title>RoPA</title>')
  })

  it('answers 404, with the CSP header, for anything outside the renderer folder, however it is spelt', async () => {
    for (const url of [
      'app://ropa/../secret.txt',
      'app://ropa/%2e%2e/secret.txt',
      'app://ropa/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://ropa/..%2fsecret.txt',
      'app://ropa/..%5csecret.txt',
      'app://ropa/%2e%2e%2frenderer-private%2fsecret.txt',
      'app://ropa/%252e%252e/secret.txt',
      'app://ropa/index.html%00.js',
      'app://ropa/%E0%A4%A',
      'app://ropa/missing.js',
      'app://ropa/assets',
      'app://ropa/assets/notes.unknown',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://ropa/index.html'
    ]) {
      const response = await serveRendererFile(get(url), root)
      expect(response.status, url).toBe(404)
      expect(response.headers.get('content-security-policy'), url).toBe(RENDERER_CSP)
      expect(await response.text(), url).not.toMatch(/outside|beside/)
    }
  })

  it('resolves only paths under the folder', () => {
    expect(rendererFileFor('app://ropa/assets/index.js', root)).toBe(join(root, 'assets', 'index.js'))
    // The URL parser already folds a leading `..` (plain or %2e%2e) into the root.
    expect(rendererFileFor('app://ropa/%2e%2e/secret.txt', root)).toBe(join(root, 'secret.txt'))
    // An encoded slash survives the parser and is decoded here, so the folder check must catch it.
    expect(rendererFileFor('app://ropa/assets/..%2f..%2fsecret.txt', root)).toBeNull()
    expect(rendererFileFor('app://ropa/..%2f..%2fetc%2fpasswd', root)).toBeNull()
  })

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serveRendererFile({ url: 'app://ropa/index.html', method: 'POST' }, root)).status).toBe(405)
    const head = await serveRendererFile({ url: 'app://ropa/index.html', method: 'HEAD' }, root)
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
