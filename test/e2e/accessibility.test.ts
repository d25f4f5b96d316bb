/**
 * Accessibility of every page, checked with axe-core in Chromium: no serious or critical
 * violation anywhere. axe is injected with `page.evaluate`, which the app's CSP
 * (`script-src 'self'`) does not apply to; `@axe-core/playwright` wants the `playwright`
 * package's Page, not playwright-core's.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { chooseFile, setUpOrganisation } from './app-steps'
import { seriousViolations, type Violation } from './axe'
import { openApp, startRenderer, type RendererSession } from './browser'

let session: RendererSession
beforeAll(async () => {
  session = await startRenderer()
})
afterAll(async () => {
  await session?.close()
})

/** Checks the page, prints its count, and collects the violations for one assertion at the end. */
async function audit(page: Page, name: string, found: Map<string, Violation[]>): Promise<void> {
  const violations = await seriousViolations(page)
  const nodes = violations.reduce((sum, violation) => sum + violation.nodes.length, 0)
  console.log(`axe ${name}: ${violations.length} serious/critical rules, ${nodes} nodes${violations.length ? ` — ${violations.map((violation) => `${violation.id} (${violation.impact}, ${violation.nodes.length}: ${violation.nodes.slice(0, 3).join(' | ')})`).join('; ')}` : ''}`)
  found.set(name, violations)
}

describe('accessibility', () => {
  it('has no serious or critical axe violation on any page', async () => {
    const { page, context, pageErrors } = await openApp(session)
    const found = new Map<string, Violation[]>()
    await page.getByLabel('Your name').waitFor()
    await audit(page, 'setup (first run)', found)
    await setUpOrganisation(page)
    const nav = page.getByRole('navigation', { name: 'Main' })

    // A record with findings (no purpose, no data categories) and one with more filled in.
    await page.getByRole('link', { name: 'New controller record' }).click()
    await page.getByLabel('Name of the processing activity').fill('Visitor Wi-Fi')
    await page.getByRole('button', { name: 'Add transfer' }).click()
    await page.locator('#transfers').getByLabel('Recipient', { exact: true }).fill('Hotspot Inc.')
    await page.locator('#transfers').getByLabel('Country or international organisation').fill('United States')
    await page.locator('#transfers').getByLabel('Mechanism (Chapter V)').selectOption('art46')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('status').filter({ hasText: /Saved at/ }).waitFor()
    await page.getByRole('heading', { name: 'Compliance findings' }).waitFor()
    await audit(page, 'record editor (with findings)', found)

    await page.getByRole('link', { name: '← Register' }).click()
    await page.getByRole('link', { name: 'New processor record' }).click()
    await page.getByLabel('Name of the processing activity').fill('Hosting for Contoso')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('status').filter({ hasText: /Saved at/ }).waitFor()
    await page.getByRole('link', { name: '← Register' }).click()
    await expect.poll(() => page.locator('.table__body [role="row"]').count()).toBe(2)
    await audit(page, 'register (with records)', found)

    await nav.getByRole('link', { name: 'Templates' }).click()
    const library = page.getByRole('table', { name: 'Template packs' })
    await expect.poll(() => library.locator('tbody tr').count(), { timeout: 20_000 }).toBe(5)
    await audit(page, 'templates library', found)

    await library.getByRole('link', { name: 'Haivision' }).click()
    await page.getByRole('heading', { name: 'Vendor: Haivision' }).waitFor()
    const quotes = page.locator('details.quotes').first()
    await quotes.locator('summary').click()
    await quotes.getByRole('button', { name: 'Show in policy' }).first().click()
    const policy = page.getByRole('complementary', { name: 'Policy text' })
    await policy.waitFor()
    await audit(page, 'pack page (policy open)', found)
    // Escape closes the policy panel.
    await page.keyboard.press('Escape')
    await expect.poll(() => policy.count()).toBe(0)

    await nav.getByRole('link', { name: 'Vendors' }).click()
    await page.getByRole('heading', { name: 'Vendors', exact: true }).waitFor()
    await audit(page, 'vendors', found)

    await nav.getByRole('link', { name: 'Dashboard' }).click()
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor()
    await page.locator('.bars__segment').first().waitFor()
    await audit(page, 'dashboard', found)

    await nav.getByRole('link', { name: 'Audit trail' }).click()
    await page.getByRole('table', { name: 'Audit trail' }).locator('tbody tr').first().waitFor()
    await audit(page, 'audit trail', found)

    await nav.getByRole('link', { name: 'Organisation' }).click()
    await page.getByRole('heading', { name: 'Organisation' }).waitFor()
    await page.getByLabel(/Require a separate approver/).waitFor()
    await audit(page, 'organisation', found)
    // A saved change is confirmed in a toast, whose text must be as readable as the page's.
    await page.getByRole('button', { name: 'Save organisation' }).click()
    await page.locator('[data-sonner-toast][data-type="success"][data-mounted="true"]').waitFor()
    // axe skips text while it fades in; the toast takes 400 ms to become fully opaque.
    await page.waitForTimeout(600)
    await audit(page, 'organisation (success toast)', found)

    await nav.getByRole('link', { name: 'Import & export' }).click()
    await page.getByRole('heading', { name: 'Import & export' }).waitFor()
    await audit(page, 'import & export', found)
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export workbook (.xlsx)' }).click()
    const workbook = join(mkdtempSync(join(tmpdir(), 'ropa-a11y-')), 'register.xlsx')
    await (await download).saveAs(workbook)
    await chooseFile(page, 'Choose a workbook…', workbook)
    await page.getByRole('region', { name: 'Import preview' }).waitFor()
    await audit(page, 'import & export (import preview)', found)

    const failing = [...found].filter(([, violations]) => violations.length > 0).map(([name, violations]) => `${name}: ${violations.map((violation) => violation.id).join(', ')}`)
    expect(failing).toEqual([])
    expect(pageErrors).toEqual([])
    await context.close()
  })
})
