/**
 * Template packs end to end in Chromium with real IndexedDB: a record made from a shipped
 * pack's activity (pre-filled values, their quotes, open items, origin kept across reload),
 * vendors, pack import (new, same version, newer with its change summary and affected records)
 * and every kind of bad pack file, each leaving the database exactly as it was.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { setUpOrganisation } from './app-steps'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'
import { readTables } from './stored-tables'

const HAIVISION_TEXT = readFileSync(resolve(import.meta.dirname, '../../templates/haivision.json'), 'utf8')
const CRM = 'customer-relationship-management'

let session: RendererSession
let fixtureDir: string
beforeAll(async () => {
  session = await startRenderer()
  fixtureDir = mkdtempSync(join(tmpdir(), 'ropa-packs-'))
})
afterAll(async () => {
  await session?.close()
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true })
})

function haivisionCopy(version: string): any {
  const pack = JSON.parse(HAIVISION_TEXT)
  pack.id = 'haivision-copy'
  pack.version = version
  return pack
}

function writeFixture(name: string, content: string | object): string {
  const path = join(fixtureDir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  return path
}

type Tables = Record<'packs' | 'packArchive' | 'vendors' | 'records' | 'auditLog', unknown[]>

/** The template-related tables straight from IndexedDB, bypassing the app. */
function readTemplateTables(page: Page): Promise<Tables> {
  return readTables(page, ['packs', 'packArchive', 'vendors', 'records', 'auditLog'])
}

async function importFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import pack…' }).click()
  await (await chooser).setFiles(path)
}

describe('records from templates', () => {
  it('pre-fills a record from Haivision’s CRM activity with its evidence and open items, and keeps its origin', async () => {
    const { context, page, pageErrors } = await openApp(session)
    await setUpOrganisation(page)

    await page.getByRole('link', { name: 'Templates' }).click()
    const library = page.getByRole('table', { name: 'Template packs' })
    // The shipped packs install in the background after setup (their quotes are checked against the policy texts): slow on a busy machine.
    await expect.poll(() => library.locator('tbody tr').count(), { timeout: 20_000 }).toBe(5)
    for (const vendor of ['Haivision', 'Harmonic', 'Kaltura', 'TensorOpera', 'First Resonance']) await library.getByRole('link', { name: vendor }).first().waitFor()
    const haivisionRow = library.locator('tr', { hasText: 'haivision' })
    expect(await haivisionRow.locator('td').nth(3).innerText()).toBe(new Intl.DateTimeFormat(await page.evaluate(() => navigator.language), { dateStyle: 'medium' }).format(new Date(2022, 4, 28)))
    expect(await haivisionRow.locator('td').nth(5).innerText()).toBe('Shipped')
    await screenshot(page, 'templates-library')

    // The pack page: vendor card, the CRM activity, a quote shown in the policy text.
    await library.getByRole('link', { name: 'Haivision' }).click()
    await page.getByRole('heading', { name: 'Vendor: Haivision' }).waitFor()
    const crm = page.locator(`#activity-${CRM}`)
    await crm.locator('summary').first().click()
    const purposes = crm.locator('.tpl-value', { hasText: 'Purposes' })
    await purposes.getByText('Quotes (2)').click()
    const quote = 'Customer relationship management (e.g., to track transactions, licenses, purchases, and opportunities)'
    await purposes.getByText(quote).waitFor()
    await purposes.locator('.quotes__item', { hasText: quote }).getByRole('button', { name: 'Show in policy' }).click()
    const mark = page.getByRole('complementary', { name: 'Policy text' }).locator('mark')
    expect((await mark.innerText()).replace(/\s+/g, ' ')).toBe(quote)
    expect(await mark.isVisible()).toBe(true)
    await expect.poll(() => mark.evaluate((element) => { const box = element.getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight })).toBe(true)
    const gaps = crm.getByRole('group', { name: /Open points/ })
    expect(await gaps.locator('li').count()).toBeGreaterThan(0)
    await screenshot(page, 'templates-pack')

    // New record from the activity: pre-filled, evidence on demand, open items listed.
    await crm.getByRole('link', { name: 'New record from this activity' }).click()
    // The vendor's activity as its policy describes it (the DPO's own side is tested in templates-dpo-side.test.ts).
    await page.getByRole('radio', { name: /The vendor's activity as its policy describes it/ }).check()
    await expect.poll(() => page.getByLabel('Name of the processing activity').inputValue()).toBe('Customer relationship management')
    await page.getByRole('complementary', { name: 'Template origin' }).getByText('haivision').waitFor()
    const firstPurpose = page.locator('#purposes .item').first()
    expect(await firstPurpose.getByLabel('Purpose', { exact: true }).inputValue()).toBe('Customer relationship management (tracking transactions, licences, purchases and opportunities)')
    expect(await firstPurpose.getByLabel('Lawful basis — Art. 6(1)').inputValue()).toBe('f')
    expect(await page.getByLabel('Legitimate interest pursued').first().inputValue()).toBe('Managing the relationship with clients and identifying opportunities')
    const evidence = firstPurpose.locator('details.evidence')
    await evidence.locator('summary').click()
    await evidence.getByText(quote).waitFor()
    expect(await evidence.locator('blockquote').count()).toBe(2)
    const openItems = page.locator('#open-items li')
    expect(await openItems.count()).toBeGreaterThan(0)
    expect(await page.locator('#open-items').innerText()).toMatch(/The policy is (silent|vague)/)
    const openItemCount = await openItems.count()
    await evidence.scrollIntoViewIfNeeded()
    await screenshot(page, 'templates-prefilled-editor')

    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText(/Saved at/).waitFor()
    await page.reload()
    await expect.poll(() => page.getByLabel('Name of the processing activity').inputValue()).toBe('Customer relationship management')
    await page.getByRole('complementary', { name: 'Template origin' }).getByText(CRM).waitFor()
    expect(await page.locator('#open-items li').count()).toBe(openItemCount)
    const { records } = await readTemplateTables(page)
    expect(records).toHaveLength(1)
    expect((records[0] as any).origin).toEqual({ packId: 'haivision', packVersion: '1.0.0', activityId: CRM, perspective: 'vendor-as-is' })
    expect((records[0] as any).evidence.length).toBeGreaterThan(0)

    // Save as template: into the organisation's own pack.
    await page.getByRole('button', { name: 'Save as template' }).click()
    await page.getByText(/Saved as template “customer-relationship-management” in pack Northwind Analytics GmbH/).waitFor()
    const stored = await readTemplateTables(page)
    expect(stored.packs.some((pack: any) => pack.id === 'northwind-analytics-gmbh' && pack.origin === 'user')).toBe(true)

    // Vendors: Haivision is used by the record; a recipient picked as a vendor counts too.
    await page.getByRole('link', { name: 'Vendors' }).click()
    const vendors = page.getByRole('table', { name: 'Vendors' })
    await expect.poll(() => vendors.locator('tr', { hasText: 'Haivision' }).locator('td').last().innerText()).toBe('1')
    expect(await vendors.locator('tr', { hasText: 'Kaltura' }).locator('td').last().innerText()).toBe('0')
    await vendors.getByRole('link', { name: 'Haivision', exact: true }).click()
    await page.getByRole('table', { name: 'Records that use Haivision' }).getByRole('link', { name: 'Customer relationship management' }).click()
    const firstRecipient = page.locator('#recipients .item').first()
    await firstRecipient.getByLabel('Vendor').selectOption({ label: 'Kaltura, Inc.' })
    expect(await firstRecipient.getByLabel('Recipient', { exact: true }).inputValue()).toBe('Kaltura, Inc.')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText(/Saved at/).waitFor()
    await page.getByRole('link', { name: 'Vendors' }).click()
    await expect.poll(() => vendors.locator('tr', { hasText: 'Kaltura' }).locator('td').last().innerText()).toBe('1')

    expect(pageErrors).toEqual([])
    await context.close()
  })
})

describe('pack import', () => {
  it('installs a new pack, says so for the same version, shows a newer version’s changes and affected records, and refuses bad files', async () => {
    const { context, page, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await page.getByRole('link', { name: 'Templates' }).click()
    await page.getByRole('table', { name: 'Template packs' }).locator('tbody tr').nth(4).waitFor()
    const result = page.getByLabel('Import result')

    await importFile(page, writeFixture('haivision-copy-1.0.0.json', haivisionCopy('1.0.0')))
    await result.getByText('installed Haivision pack “haivision-copy” version 1.0.0').waitFor()
    // The list follows the database live: the new row may land a moment after the message.
    await expect.poll(() => page.getByRole('table', { name: 'Template packs' }).locator('tbody tr').count()).toBe(6)

    // A record made from the imported pack, to be affected by the newer version.
    await page.goto(`${session.baseUrl}#/records/from-template/haivision-copy/${CRM}/vendor-as-is`)
    await expect.poll(() => page.getByLabel('Name of the processing activity').inputValue()).toBe('Customer relationship management')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText(/Saved at/).waitFor()
    await page.getByRole('link', { name: 'Templates' }).click()

    let before = await readTemplateTables(page)
    await importFile(page, join(fixtureDir, 'haivision-copy-1.0.0.json'))
    await result.getByText('version 1.0.0 is already installed, nothing changed.').waitFor()
    expect(await readTemplateTables(page)).toEqual(before)

    const newer = haivisionCopy('1.1.0')
    const crm = newer.activities.find((activity: any) => activity.id === CRM)
    crm.name = 'Customer relationship management and renewals'
    crm.purposes[0].lawfulBasis = 'b'
    newer.activities.push({ ...crm, id: 'webinars', name: 'Webinars' })
    await importFile(page, writeFixture('haivision-copy-1.1.0.json', newer))
    const dialog = page.getByRole('dialog', { name: /Update Haivision from version 1.0.0 to 1.1.0/ })
    await dialog.getByText('1 activity added, 1 activity changed, 0 activities removed').waitFor()
    await dialog.getByText('Webinars').waitFor()
    await dialog.getByText(/changed name: Customer relationship management → Customer relationship management and renewals/).waitFor()
    await dialog.getByText(/lawfulBasis: f → b/).waitFor()
    const affected = dialog.getByRole('table', { name: 'Affected records' })
    await affected.getByText('PA-0001').waitFor()
    expect(await affected.locator('tbody tr').count()).toBe(1)
    await screenshot(page, 'templates-import-diff')
    expect(await readTemplateTables(page)).toEqual(before)
    await dialog.getByRole('button', { name: 'Apply update' }).click()
    await result.getByText('updated Haivision pack “haivision-copy” version 1.1.0').waitFor()
    const updated = await readTemplateTables(page)
    expect(updated.packArchive.map((pack: any) => `${pack.id}@${pack.version}`)).toEqual(['haivision-copy@1.0.0'])
    expect(updated.auditLog.at(-1)).toMatchObject({ entity: 'pack', entityId: 'haivision-copy', action: 'update' })

    // An older version is refused.
    before = await readTemplateTables(page)
    await importFile(page, join(fixtureDir, 'haivision-copy-1.0.0.json'))
    await result.getByText(/older than the installed version 1.1.0/).waitFor()
    expect(await readTemplateTables(page)).toEqual(before)

    const withQuote = haivisionCopy('2.0.0')
    withQuote.activities[0].purposes[0].quotes[0] = 'Haivision never keeps any data at all.'
    const duplicateIds = haivisionCopy('2.0.0')
    duplicateIds.activities[1].id = duplicateIds.activities[0].id
    const missingVendor = haivisionCopy('2.0.0')
    delete missingVendor.vendor
    const bigString = haivisionCopy('2.0.0')
    bigString.activities[0].description = 'x'.repeat(2 * 1024 * 1024)
    const badFiles: Array<[string, string | object, RegExp]> = [
      ['not-json.json', '{ "formatVersion": 1, "id": ', /\$: invalid JSON at line 1, column \d+/],
      ['format-3.json', { ...haivisionCopy('2.0.0'), formatVersion: 3 }, /\$\.formatVersion: formatVersion 3 is newer than this app supports/],
      ['missing-vendor.json', missingVendor, /\$\.vendor: required field "vendor" is missing/],
      ['duplicate-ids.json', duplicateIds, /\$\.activities\[1\]\.id: duplicate activity id/],
      ['big-string.json', bigString, /\$\.activities\[0\]\.description: .*(longer|characters)/],
      ['over-5mb.json', { ...haivisionCopy('2.0.0'), padding: 'x'.repeat(5 * 1024 * 1024 + 10) }, /over-5mb\.json is 5\.\d MB; the limit is 5\.0 MB/],
      ['proto.json', HAIVISION_TEXT.replace('"formatVersion": 2,', '"formatVersion": 2, "__proto__": { "polluted": true },'), /\$\.__proto__: .*__proto__/],
      ['bad-quote.json', withQuote, /\$\.activities\[0\]\.purposes\[0\]\.quotes\[0\]: quote not found verbatim in the policy text/]
    ]
    for (const [name, content, message] of badFiles) {
      before = await readTemplateTables(page)
      await importFile(page, writeFixture(name, content))
      const alert = page.getByRole('alert').filter({ hasText: name })
      await alert.waitFor()
      expect(await alert.innerText(), name).toMatch(message)
      expect(await readTemplateTables(page), name).toEqual(before)
    }
    expect(pageErrors).toEqual([])
    await context.close()
  })
})
