/**
 * One record open in two tabs of the same browser profile (so they share IndexedDB), as a
 * DPO with two windows of the desktop app would have it: a save based on a stale revision
 * is refused and the stored data stays as it was; the DPO compares, then keeps their own
 * version on purpose (audited); a tab without unsaved changes follows saves made elsewhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { AuditEntry } from '@core/audit/audit-chain'
import type { StoredRecord } from '@core/records/model'
import { setUpOrganisation } from './app-steps'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'
import { readTables } from './stored-tables'

let session: RendererSession
beforeAll(async () => {
  session = await startRenderer()
})
afterAll(async () => {
  await session?.close()
})

async function storedRecord(page: Page): Promise<StoredRecord> {
  const records = (await readTables(page, ['records'])).records as StoredRecord[]
  expect(records).toHaveLength(1)
  return records[0]!
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click()
}

async function expectSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('status').filter({ hasText: /Saved at/ }).count()).toBe(1)
}

describe('the same record open in two tabs', () => {
  it('refuses the stale save, shows what differs, keeps the other tab\'s change until the DPO overwrites it on purpose, and follows saves made elsewhere', async () => {
    const { context, page: tabA, pageErrors } = await openApp(session)
    await setUpOrganisation(tabA)
    await tabA.getByRole('link', { name: 'New controller record' }).click()
    await tabA.getByLabel('Name of the processing activity').fill('Payroll')
    await save(tabA)
    await expectSaved(tabA)
    const recordUrl = tabA.url()
    const created = await storedRecord(tabA)
    expect(created.revision).toBe(1)

    const tabB = await context.newPage()
    tabB.on('pageerror', (error) => pageErrors.push(error.message))
    await tabB.goto(recordUrl)
    await expect.poll(() => tabB.getByLabel('Name of the processing activity').inputValue()).toBe('Payroll')

    // B starts editing revision 1; A saves a different change and submits the record for review.
    await tabB.getByLabel('Description').first().fill('Written in tab B')
    await tabA.getByLabel('Owner').fill('Head of HR (tab A)')
    await save(tabA)
    await expectSaved(tabA)
    await tabA.getByRole('button', { name: 'Submit for review' }).click()
    await expect.poll(async () => (await storedRecord(tabA)).status).toBe('in-review')
    const afterA = await storedRecord(tabA)
    expect(afterA).toMatchObject({ owner: 'Head of HR (tab A)', description: '', status: 'in-review', revision: 3 })

    // B, with unsaved changes, is told the record changed elsewhere, without losing its edit.
    const notice = tabB.locator('.stale-notice')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('PA-0001 was changed elsewhere (now revision 3) while you were editing revision 1')
    expect(await tabB.getByLabel('Description').first().inputValue()).toBe('Written in tab B')
    await screenshot(tabB, 'concurrency-changed-elsewhere-notice')

    // B saves anyway: refused, nothing stored, and a dialog says why and what can be done.
    await save(tabB)
    const dialog = tabB.getByRole('dialog', { name: 'Not saved: PA-0001 was changed elsewhere' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Your save was refused so that it would not silently undo that change; nothing was saved.')
    expect(await storedRecord(tabA)).toEqual(afterA)
    await screenshot(tabB, 'concurrency-stale-save-dialog')

    // Compare: field in words, B's value, the stored value.
    await dialog.getByRole('button', { name: 'Compare changes' }).click()
    const rows = dialog.locator('table tbody tr')
    await rows.first().waitFor()
    const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent)))
    expect(table).toEqual([
      ['Description', 'Written in tab B', '(empty)'],
      ['Owner', '(empty)', 'Head of HR (tab A)'],
      ['Status', 'Draft', 'In review']
    ])
    await screenshot(tabB, 'concurrency-compare-view')

    // B keeps its version on purpose: stored, and the audit trail names the revision it overwrote.
    await dialog.getByRole('button', { name: 'Keep mine (overwrite revision 3)' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expectSaved(tabB)
    const afterB = await storedRecord(tabA)
    expect(afterB).toMatchObject({ description: 'Written in tab B', owner: '', revision: 4 })
    const audit = (await readTables(tabA, ['auditLog'])).auditLog as AuditEntry[]
    expect(audit.at(-1)).toMatchObject({ action: 'update', summary: 'PA-0001 edited, overwriting revision 3 (changed elsewhere)' })

    // A has no unsaved changes: it shows B's version as soon as it is stored, with no reload.
    await expect.poll(() => tabA.getByLabel('Description').first().inputValue()).toBe('Written in tab B')
    await expect.poll(() => tabA.getByLabel('Owner').inputValue()).toBe('')
    // And A's next save is based on revision 4, so it goes through.
    await tabA.getByLabel('Owner').fill('Head of HR')
    await save(tabA)
    await expectSaved(tabA)
    expect(await storedRecord(tabA)).toMatchObject({ owner: 'Head of HR', description: 'Written in tab B', revision: 5 })
    expect(pageErrors).toEqual([])
    await context.close()
  })
})
