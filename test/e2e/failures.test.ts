/**
 * Failures the user sees, in Chromium with real IndexedDB: a save refused by a full disk, a
 * page that cannot render, an error nobody caught; archiving that asks, undoes and restores;
 * the skip link; the favicon, and no request that fails on load.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { AuditEntry } from '@core/audit/audit-chain'
import { setUpOrganisation, waitForShippedPacks } from './app-steps'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'
import { readTables, storedRecords } from './stored-tables'

let session: RendererSession
beforeAll(async () => {
  session = await startRenderer()
})
afterAll(async () => {
  await session?.close()
})

async function newSavedRecord(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'New controller record' }).click()
  await page.getByLabel('Name of the processing activity').fill(name)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await page.getByRole('status').filter({ hasText: /Saved at/ }).waitFor()
}

/**
 * Every IndexedDB `put` in the page throws as a full disk does, until `restore()`. It waits
 * for the shipped template packs, which install in the background after setup: their writes
 * would fail too (and be told, as they should), but this test is about the user's own action.
 */
async function fillTheDisk(page: Page): Promise<{ restore: () => Promise<void> }> {
  await waitForShippedPacks(page)
  await page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back onto the prototype, where it is called as a method
    const original = IDBObjectStore.prototype.put
    Object.assign(window, { restorePut: () => (IDBObjectStore.prototype.put = original) })
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
  })
  return { restore: () => page.evaluate(() => (window as unknown as { restorePut: () => void }).restorePut()) }
}

/** Waits for the toasts to finish sliding in, so that a screenshot shows them as the user reads them. */
async function toastsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('[data-sonner-toast]')].every((toast) => getComputedStyle(toast).opacity === '1'))
}

describe('failures the user sees', () => {
  it('tells a save refused for a full disk, shows no "Saved", and leaves the stored record as it was', async () => {
    const { page, context, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await newSavedRecord(page, 'CCTV')
    const before = await storedRecords(page)

    await page.getByLabel('Owner').fill('Facilities')
    const disk = await fillTheDisk(page)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    const alert = page.locator('.editor').getByRole('alert').filter({ hasText: 'Could not save' })
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Could not save: the disk or browser storage is full. Free some disk space, then try again.')
    expect(await page.locator('.editor__state').textContent()).toBe('Not saved')
    expect(await page.getByText(/Saved at/).count()).toBe(0)
    // The toast tells it too, for whoever is not looking at the bar.
    await page.locator('[data-sonner-toast]').filter({ hasText: 'the disk or browser storage is full' }).waitFor()
    expect(await page.getByLabel('Owner').inputValue()).toBe('Facilities')
    await toastsSettled(page)
    await screenshot(page, 'failure-quota-editor')
    await disk.restore()
    expect(await storedRecords(page)).toEqual(before)

    // With space again, the same changes save.
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('status').filter({ hasText: /Saved at/ }).waitFor()
    expect(await alert.count()).toBe(0)
    expect((await storedRecords(page))[0]?.owner).toBe('Facilities')
    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('tells a refused archive and a refused submit too, and changes nothing', async () => {
    const { page, context, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await newSavedRecord(page, 'Visitor log')
    const before = await storedRecords(page)
    const disk = await fillTheDisk(page)

    await page.getByRole('button', { name: 'Submit for review' }).click()
    await page.locator('[data-sonner-toast]').filter({ hasText: 'Could not submit the record for review: the disk or browser storage is full' }).waitFor()
    await page.getByRole('button', { name: 'Archive' }).click()
    await page.getByRole('dialog', { name: 'Archive PA-0001?' }).getByRole('button', { name: 'Archive record' }).click()
    await page.locator('[data-sonner-toast]').filter({ hasText: 'Could not archive the record: the disk or browser storage is full' }).waitFor()
    expect(await page.getByLabel('Status').inputValue()).toBe('draft')
    await disk.restore()
    expect(await storedRecords(page)).toEqual(before)
    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('tells an import refused for a full disk, and stores none of the rows', async () => {
    // A workbook with one record, exported from one profile and imported into a fresh one.
    const exporter = await openApp(session)
    await setUpOrganisation(exporter.page)
    await newSavedRecord(exporter.page, 'Door access cards')
    await exporter.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import & export' }).click()
    const download = exporter.page.waitForEvent('download')
    await exporter.page.getByRole('button', { name: 'Export workbook (.xlsx)' }).click()
    const workbook = join(mkdtempSync(join(tmpdir(), 'ropa-failures-')), 'register.xlsx')
    await (await download).saveAs(workbook)
    await exporter.context.close()

    const { page, context, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import & export' }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Choose a workbook…' }).click()
    await (await chooser).setFiles(workbook)
    await page.getByRole('region', { name: 'Import preview' }).waitFor()
    const disk = await fillTheDisk(page)
    await page.getByRole('button', { name: 'Import 1 record' }).click()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const problem = page.getByRole('alert').filter({ hasText: 'The import failed; nothing was stored' })
    await problem.waitFor()
    expect(await problem.textContent()).toContain('the disk or browser storage is full. Free some disk space, then try again')
    await disk.restore()
    expect(await storedRecords(page)).toEqual([])
    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('archives only after asking, offers Undo, and restores an archived record to draft, each step in the history', async () => {
    const { page, context, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await newSavedRecord(page, 'Staff canteen')

    await page.getByRole('button', { name: 'Archive' }).click()
    const dialog = page.getByRole('dialog', { name: 'Archive PA-0001?' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('“Staff canteen” leaves the active register')
    await screenshot(page, 'archive-confirm')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await page.getByLabel('Status').inputValue()).toBe('draft')
    expect((await storedRecords(page))[0]?.status).toBe('draft')

    await page.getByRole('button', { name: 'Archive' }).click()
    await dialog.getByRole('button', { name: 'Archive record' }).click()
    await expect.poll(() => page.getByLabel('Status').inputValue()).toBe('archived')
    expect((await storedRecords(page))[0]?.status).toBe('archived')
    const toast = page.locator('[data-sonner-toast]').filter({ hasText: 'PA-0001 archived' })
    await toast.waitFor()
    await toastsSettled(page)
    await screenshot(page, 'archive-undo-toast')
    await toast.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => page.getByLabel('Status').inputValue()).toBe('draft')
    await expect.poll(async () => (await storedRecords(page))[0]?.status).toBe('draft')

    // Archived again, and this time restored later from the editor.
    await page.getByRole('button', { name: 'Archive' }).click()
    await dialog.getByRole('button', { name: 'Archive record' }).click()
    await page.getByRole('button', { name: 'Restore to draft' }).click()
    await expect.poll(() => page.getByLabel('Status').inputValue()).toBe('draft')
    await expect.poll(async () => (await storedRecords(page))[0]?.status).toBe('draft')
    await page.getByRole('button', { name: 'Archive' }).waitFor()

    const audit = (await readTables(page, ['auditLog'])).auditLog as AuditEntry[]
    const statusChanges = audit
      .filter((entry) => entry.entity === 'record' && entry.action === 'update')
      .flatMap((entry) => entry.changes.filter((change) => change.field === 'status').map((change) => `${String(change.before)}→${String(change.after)}`))
    expect(statusChanges).toEqual(['draft→archived', 'archived→draft', 'draft→archived', 'archived→draft'])
    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('shows a page that fails to render as an error with "Try again" and the way back, and the rest of the app keeps working', async () => {
    const { page, context, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    // An audit entry damaged on disk (its list of changes gone) is something the audit page cannot draw.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('ropa-register')
          open.onsuccess = () => {
            const transaction = open.result.transaction('auditLog', 'readwrite')
            const store = transaction.objectStore('auditLog')
            const cursor = store.openCursor()
            cursor.onsuccess = () => {
              if (cursor.result) cursor.result.update({ ...cursor.result.value, changes: null })
            }
            transaction.oncomplete = () => {
              open.result.close()
              resolve()
            }
            transaction.onerror = () => reject(transaction.error ?? new Error('the audit entry could not be changed'))
          }
        })
    )
    await page.getByRole('link', { name: 'Audit trail' }).click()
    const failure = page.getByRole('alert').filter({ hasText: 'This page could not be shown' })
    await failure.waitFor()
    expect(await failure.textContent()).toContain('Something went wrong while showing it:')
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true)
    await screenshot(page, 'failure-route-boundary')

    await failure.getByRole('button', { name: 'Try again' }).click()
    await failure.waitFor()
    await failure.getByRole('button', { name: 'Back to the register' }).click()
    await page.getByRole('heading', { name: 'Register of processing activities' }).waitFor()
    expect(await failure.count()).toBe(0)
    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('tells the user about an error nobody caught', async () => {
    const { page, context, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await page.evaluate(() => {
      setTimeout(() => void Promise.reject(new Error('The background task failed')))
    })
    await page.locator('[data-sonner-toast]').filter({ hasText: 'Something went wrong: The background task failed.' }).waitFor()
    // Still reported to the console as well: it is not swallowed.
    expect(pageErrors).toEqual(['The background task failed'])
    await context.close()
  })

  it('has a skip link first in the tab order, visible when focused, and loads without a failed request', async () => {
    const { page, context, pageErrors } = await openApp(session)
    const failedRequests: string[] = []
    page.on('response', (response) => {
      if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`)
    })
    await setUpOrganisation(page)
    await page.reload()
    await page.getByRole('heading', { name: 'Register of processing activities' }).waitFor()
    // Headless Chromium asks for no icon by itself; the one the page names must load.
    const icon = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href
      if (!href) return null
      const response = await fetch(href)
      return { status: response.status, type: response.headers.get('content-type') }
    })
    expect(icon?.status).toBe(200)
    expect(icon?.type).toContain('image/svg+xml')

    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to main content' })
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true)
    const box = await skip.boundingBox()
    expect(box && box.y >= 0 && box.height > 10).toBe(true)
    await screenshot(page, 'skip-link-focused')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content')
    expect(page.url()).toMatch(/#\/?$|\/$/)
    // The next Tab lands in the page, past the navigation.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('nav[aria-label="Main"]') === null)).toBe(true)
    expect(failedRequests).toEqual([])
    expect(pageErrors).toEqual([])
    await context.close()
  })
})
