/**
 * The real desktop app, launched in Electron by Playwright with a user-data folder of its own
 * (ROPA_USER_DATA_DIR). Run with `npm run test:electron`, which builds the app and finds the
 * Electron binary (ROPA_ELECTRON_BINARY); without one, nothing here runs.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { RENDERER_CSP } from '../../src-main/security'
import { setUpOrganisation } from '../e2e/app-steps'
import { screenshot } from '../e2e/browser'

const ROOT = resolve(import.meta.dirname, '../..')
const ELECTRON_BINARY = process.env.ROPA_ELECTRON_BINARY

interface RunningApp {
  app: ElectronApplication
  page: Page
  pageErrors: string[]
}

const running: ElectronApplication[] = []
const userDataDirs: string[] = []

function freshUserDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ropa-electron-'))
  userDataDirs.push(dir)
  return dir
}

async function launchApp(userDataDir: string): Promise<RunningApp> {
  const { ELECTRON_RENDERER_URL: _devServer, ...env } = process.env
  const app = await _electron.launch({
    executablePath: ELECTRON_BINARY!,
    // Chromium's own sandbox cannot start as root (CI containers); the renderer stays sandboxed by the app's settings.
    args: [ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...env, ROPA_USER_DATA_DIR: userDataDir }
  })
  running.push(app)
  const page = await app.firstWindow()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.waitForLoadState('domcontentloaded')
  return { app, page, pageErrors }
}

async function closeApp(app: ElectronApplication): Promise<void> {
  running.splice(running.indexOf(app), 1)
  await app.close()
}

afterEach(async () => {
  for (const app of running.splice(0)) await app.close().catch(() => undefined)
  for (const dir of userDataDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe.skipIf(!ELECTRON_BINARY)('the desktop app in Electron', () => {
  it('opens its first window at app://ropa/index.html, served with the CSP, which the page enforces', async () => {
    const { page, pageErrors } = await launchApp(freshUserDataDir())
    expect(page.url()).toMatch(/^app:\/\/ropa\/index\.html(#.*)?$/)
    await page.getByLabel('Your name').waitFor()
    await screenshot(page, 'electron-first-run')
    const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'))
    expect(csp).toBe(RENDERER_CSP)
    // The policy is in force, not only sent: an inline script is refused.
    const inline = await page.evaluate(async () => {
      const violations: string[] = []
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective))
      const script = document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      document.head.append(script)
      await new Promise((resolve) => setTimeout(resolve, 100))
      return { ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, violations }
    })
    expect(inline).toEqual({ ran: false, violations: ['script-src-elem'] })
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
    expect(pageErrors).toEqual([])
  })

  it('denies new windows, navigation away and every network request', async () => {
    const { app, page } = await launchApp(freshUserDataDir())
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true)
    expect(await page.evaluate(() => window.open('app://ropa/index.html') === null)).toBe(true)
    expect(app.windows()).toHaveLength(1)
    const before = page.url()
    await page.evaluate(() => void (window.location.href = 'https://example.com/'))
    await page.waitForTimeout(500)
    expect(page.url()).toBe(before)
    const fetched = await page.evaluate(async () => fetch('https://example.com/').then(() => 'fetched', (error: Error) => error.name))
    expect(fetched).toBe('TypeError')
    const fileRead = await page.evaluate(async () => fetch('file:///etc/hostname').then(() => 'fetched', (error: Error) => error.name))
    expect(fileRead).toBe('TypeError')
  })

  it('keeps a record across a restart with the same user-data folder', async () => {
    const userDataDir = freshUserDataDir()
    const first = await launchApp(userDataDir)
    await setUpOrganisation(first.page)
    await first.page.getByRole('link', { name: 'New controller record' }).click()
    await first.page.getByLabel('Name of the processing activity').fill('Payroll from the desktop app')
    await first.page.getByRole('button', { name: 'Save', exact: true }).click()
    await first.page.getByRole('status').filter({ hasText: /Saved at/ }).waitFor()
    expect(first.pageErrors).toEqual([])
    await closeApp(first.app)

    const second = await launchApp(userDataDir)
    // The organisation is remembered: no first-run screen.
    await second.page.getByRole('heading', { name: 'Register of processing activities' }).waitFor()
    const row = second.page.locator('.table__body [role="row"]').filter({ hasText: 'Payroll from the desktop app' })
    await row.waitFor()
    expect(await row.textContent()).toContain('PA-0001')
    await screenshot(second.page, 'electron-after-restart')
    expect(second.pageErrors).toEqual([])
  })
})
