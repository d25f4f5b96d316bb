/**
 * Drives the built renderer (out/renderer) in Debian's Chromium with Playwright: real
 * IndexedDB, no Electron. Never downloads a browser.
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { preview, type PreviewServer } from 'vite'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots')

export interface RendererSession {
  baseUrl: string
  browser: Browser
  close: () => Promise<void>
}

/** `root`: another checkout's built renderer (the benchmark's baseline); this one's by default. */
export async function startRenderer(root = resolve(import.meta.dirname, '../..')): Promise<RendererSession> {
  const server: PreviewServer = await preview({
    configFile: false,
    root,
    logLevel: 'silent',
    build: { outDir: 'out/renderer' },
    preview: { port: 0, host: '127.0.0.1', open: false }
  })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('preview server has no port')
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
  return {
    baseUrl: `http://127.0.0.1:${address.port}/`,
    browser,
    close: async () => {
      await browser.close()
      await new Promise<void>((done) => server.httpServer.close(() => done()))
    }
  }
}

/** A fresh browser profile (empty IndexedDB) at 1280×800, failing the test on any page error; `locale`: the browser's language (e.g. 'fr-FR'). */
export async function openApp(session: RendererSession, query = '', options: { locale?: string } = {}): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, ...(options.locale ? { locale: options.locale } : {}) })
  // tsx keeps function names with a `__name` helper that page functions would otherwise miss.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target' })
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('dialog', (dialog) => {
    pageErrors.push(`unexpected native dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  await page.goto(`${session.baseUrl}${query}`)
  return { context, page, pageErrors }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), fullPage: false })
}
