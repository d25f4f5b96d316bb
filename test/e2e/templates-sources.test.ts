/**
 * Pack format 2 in Chromium with real IndexedDB: a pack that embeds its sources imports with
 * every quote checked and "Show in policy" opening the source the quote stands in; an invented
 * quote refuses the import with its JSON path and where it stops matching; a pack without
 * source text imports with every value marked unverified, down to the record made from it.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { setUpOrganisation } from './app-steps'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'
import { readTables, storedRecords } from './stored-tables'
import { fixturePackV2Json } from '../fixtures/packs/fixture-pack'

const SUB_PROCESSOR_LIST = 'Acme sub-processors, version 3.\n\nExample Cloud Inc. (hosting, United States)\nPayCo (payments, Ireland)\n'

let session: RendererSession
let fixtureDir: string
beforeAll(async () => {
  session = await startRenderer()
  fixtureDir = mkdtempSync(join(tmpdir(), 'ropa-packs-v2-'))
})
afterAll(async () => {
  await session?.close()
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true })
})

/** The fixture pack with a second source, a sub-processor list, and a quote only that list has. */
function packWithTwoSources(): any {
  const pack = fixturePackV2Json()
  pack.sources.push({ id: 'sub-processors', kind: 'sub-processor-list', title: 'Acme sub-processors', version: 'v3', text: SUB_PROCESSOR_LIST, sha256: createHash('sha256').update(SUB_PROCESSOR_LIST).digest('hex') })
  pack.activities[0].subProcessors[0].quotes.push('PayCo (payments, Ireland)')
  return pack
}

function writeFixture(name: string, content: object): string {
  const path = join(fixtureDir, name)
  writeFileSync(path, JSON.stringify(content, null, 2))
  return path
}

async function importFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import pack…' }).click()
  await (await chooser).setFiles(path)
}

const templateTables = (page: Page) => readTables(page, ['packs', 'packArchive', 'vendors', 'records', 'auditLog'])

describe('a pack with its sources embedded', () => {
  it('imports with every quote checked, and shows each quote in the source it comes from', async () => {
    const { context, page, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await page.getByRole('link', { name: 'Templates' }).click()
    await page.getByRole('table', { name: 'Template packs' }).locator('tbody tr').nth(4).waitFor()
    const result = page.getByLabel('Import result')

    // An invented quote: refused, naming the JSON path and where the quote stops matching; nothing stored.
    const invented = packWithTwoSources()
    invented.activities[0].purposes[0].quotes[0] = 'We use this information to sell it to anyone who asks.'
    const before = await templateTables(page)
    await importFile(page, writeFixture('acme-invented.json', invented))
    const alert = page.getByRole('alert').filter({ hasText: 'acme-invented.json' })
    await alert.getByText('acme-invented.json is not a valid template pack. Nothing was imported.').waitFor()
    expect(await alert.innerText()).toContain(
      'Activity 1 “Customer accounts” › Purpose 1 › Quote 1 — $.activities[0].purposes[0].quotes[0]: quote not found verbatim in any of the 2 source texts (whitespace-normalised): ' +
        '"We use this information to sell it to anyone who asks."; the first 27 characters match (in "Acme Widgets Ltd - Privacy Policy (test fixture, fictional)"), then it differs at "sell it to anyone who asks."'
    )
    await screenshot(page, 'templates-sources-refused')
    expect(await templateTables(page)).toEqual(before)

    // The same pack with its real quotes: installed, every quote found in its two sources.
    await importFile(page, writeFixture('acme-two-sources.json', packWithTwoSources()))
    await result.getByText(/installed Acme Widgets Ltd pack “acme-widgets” version 1\.0\.0 with 2 activity templates\. Every quote was found word for word in its 2 embedded sources\./).waitFor()
    await page.getByRole('table', { name: 'Template packs' }).getByRole('link', { name: 'Acme Widgets Ltd' }).click()

    const sources = page.getByRole('region', { name: 'Sources' })
    await sources.getByText('Acme sub-processors').waitFor()
    expect(await sources.innerText()).toMatch(/Sub-processor list\s+version v3 · SHA-256 [0-9a-f]{64}/)
    expect(await page.getByText('Unverified').count()).toBe(0)
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded()
    await screenshot(page, 'templates-sources-list')

    // "Show in policy" on the quote only the sub-processor list has opens that list.
    const accounts = page.locator('#activity-accounts')
    const subProcessors = accounts.locator('.tpl-value', { hasText: 'Sub-processors' })
    await subProcessors.getByText('Quotes (2)').click()
    await subProcessors.locator('.quotes__item', { hasText: 'PayCo (payments, Ireland)' }).getByRole('button', { name: 'Show in policy' }).click()
    const panel = page.getByRole('complementary', { name: 'Policy text' })
    await panel.getByText('Acme sub-processors', { exact: true }).waitFor()
    expect(await panel.locator('mark').innerText()).toBe('PayCo (payments, Ireland)')
    await screenshot(page, 'templates-sources-show-in-list')

    // And a policy quote opens the policy.
    await subProcessors.locator('.quotes__item', { hasText: 'Example Cloud Inc. to host' }).getByRole('button', { name: 'Show in policy' }).click()
    await panel.getByText('Acme Widgets Ltd - Privacy Policy (test fixture, fictional)', { exact: true }).waitFor()
    expect(await panel.locator('mark').innerText()).toBe('We use Example Cloud Inc. to host our service in the United States.')
    expect(pageErrors).toEqual([])
    await context.close()
  })
})

describe('a pack without source text', () => {
  it('imports with its values marked unverified, and the record made from it keeps its evidence as unverified', async () => {
    const { context, page, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await page.getByRole('link', { name: 'Templates' }).click()
    await page.getByRole('table', { name: 'Template packs' }).locator('tbody tr').nth(4).waitFor()

    const pack = fixturePackV2Json()
    pack.sources = []
    await importFile(page, writeFixture('acme-no-text.json', pack))
    await page.getByLabel('Import result').getByText(/It carries no source text: its quotes were not checked, so its values show as unverified\./).waitFor()
    await page.getByRole('table', { name: 'Template packs' }).getByRole('link', { name: 'Acme Widgets Ltd' }).click()
    await page.getByText(/This pack carries no source text, so its quotes were never checked against the vendor's policy/).waitFor()
    const accounts = page.locator('#activity-accounts')
    const purposes = accounts.locator('.tpl-value', { hasText: 'Purposes' })
    const summary = purposes.locator('summary', { hasText: 'Quote' }).first()
    expect(await summary.innerText()).toMatch(/Quote\s*Unverified/)
    expect(await accounts.getByRole('button', { name: 'Show in policy' }).count()).toBe(0)
    await summary.click()
    await screenshot(page, 'templates-unverified-pack')

    await accounts.getByRole('link', { name: 'New record from this activity' }).click()
    // The vendor's activity as it is, with its purposes in the record (the DPO's own side: templates-dpo-side.test.ts).
    await page.getByRole('radio', { name: /The vendor's activity as its policy describes it/ }).check()
    await expect.poll(() => page.getByLabel('Name of the processing activity').inputValue()).toBe('Customer accounts')
    const evidence = page.locator('#purposes .item').first().locator('details.evidence')
    expect(await evidence.locator('summary').innerText()).toMatch(/From template\s*Unverified\s*Show the policy's words/)
    await evidence.locator('summary').click()
    await evidence.getByText(/Unverified: the pack carried no source text/).waitFor()
    await evidence.scrollIntoViewIfNeeded()
    await screenshot(page, 'templates-unverified-evidence')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText(/Saved at/).waitFor()
    const [record] = await storedRecords(page)
    expect(record!.evidence.length).toBeGreaterThan(5)
    expect(record!.evidence.every((item) => item.verified === false)).toBe(true)
    expect(pageErrors).toEqual([])
    await context.close()
  })
})
