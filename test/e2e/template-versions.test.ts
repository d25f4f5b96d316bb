/**
 * A new version of a vendor's policy, end to end in Chromium with real IndexedDB: the update
 * dialog's full diff and the records it affects, every kept version viewable, and the
 * compare-and-take-over screen for one record, driven from the keyboard.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { setUpOrganisation, waitForShippedPacks } from './app-steps'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'
import { seriousViolations } from './axe'
import { readTables } from './stored-tables'
import { NEW_RETENTION_QUOTE, NEW_YOUTUBE_QUOTE, OLD_YOUTUBE_QUOTE, V2_ACTIVITY_ID, haivisionV2 } from '../fixtures/packs/haivision-v2'

const STREAMING = 'Allowing users to stream live video on YouTube, Facebook or other platforms'
const YOUTUBE = 'Managing the services offered to users who connect a YouTube account'

let session: RendererSession
let fixtureDir: string
beforeAll(async () => {
  session = await startRenderer()
  fixtureDir = mkdtempSync(join(tmpdir(), 'ropa-versions-'))
})
afterAll(async () => {
  await session?.close()
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true })
})

async function importFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import pack…' }).click()
  await (await chooser).setFiles(path)
}

const storedRecords = async (page: Page): Promise<any[]> => (await readTables(page, ['records'])).records

/** Installs Haivision 1.1.0 from the library, through the update dialog. */
async function updateHaivision(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Templates' }).click()
  const file = join(fixtureDir, 'haivision-1.1.0.json')
  writeFileSync(file, haivisionV2().packText)
  await importFile(page, file)
  await page.getByRole('dialog', { name: 'Update Haivision from version 1.0.0 to 1.1.0?' }).getByRole('button', { name: 'Apply update' }).click()
  await page.getByLabel('Import result').getByText('updated Haivision pack “haivision” version 1.1.0').waitFor()
}

describe('a new version of a vendor policy', () => {
  it('shows the full diff, keeps every version viewable, and brings a record up to the new version field by field', async () => {
    const { context, page, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await waitForShippedPacks(page)

    // A record made from Haivision 1.0.0's live-streaming activity, whose first data category the DPO words themselves.
    await page.goto(`${session.baseUrl}#/records/from-template/haivision/${V2_ACTIVITY_ID}`)
    await page.getByRole('radio', { name: /The vendor's activity as its policy describes it/ }).check()
    await expect.poll(() => page.getByLabel('Name of the processing activity').inputValue()).toBe('Live streaming to social media (YouTube, Facebook)')
    await page.getByLabel('Details (in your words)').first().fill('Accounts our marketing team connects')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText(/Saved at/).waitFor()
    const [made] = await storedRecords(page)
    expect(made.origin).toEqual({ packId: 'haivision', packVersion: '1.0.0', activityId: V2_ACTIVITY_ID, perspective: 'vendor-as-is' })

    // The update dialog: every change in full, with the quotes; the record measured against its version.
    await page.getByRole('link', { name: 'Templates' }).click()
    const v2 = haivisionV2()
    const file = join(fixtureDir, 'haivision-1.1.0.json')
    writeFileSync(file, v2.packText)
    await importFile(page, file)
    const dialog = page.getByRole('dialog', { name: 'Update Haivision from version 1.0.0 to 1.1.0?' })
    await dialog.getByText('0 activities added, 1 activity changed, 0 activities removed, new policy text.').waitFor()
    const changes = dialog.getByRole('table', { name: 'Changes in Live streaming to social media (YouTube, Facebook)' })
    const rowOf = (label: string) => changes.locator('tr', { has: page.getByRole('rowheader', { name: label, exact: true }) })
    expect(await rowOf('Retention').locator('td').allInnerTexts()).toEqual([
      'Changed',
      expect.stringContaining("As set by the client's documented instructions (for example contractual obligations)"),
      expect.stringContaining('2 years from the end of the contract with the client, then erase')
    ])
    expect(await rowOf('Sub-processor “Google Firebase”').locator('td').first().innerText()).toBe('Removed')
    const quoteRow = rowOf('Data category “Name” › Policy quote')
    expect(await quoteRow.locator('td').nth(1).innerText()).toBe(OLD_YOUTUBE_QUOTE)
    expect(await quoteRow.locator('td').nth(2).innerText()).toBe(NEW_YOUTUBE_QUOTE)
    // Reordered purposes are matched by id: no row says a purpose was added or removed.
    expect(await changes.locator('tr', { hasText: /Purpose “.*”$/ }).count()).toBe(0)
    expect(await dialog.innerText()).not.toMatch(/…|and \d+ more|dataCategories|\[\d\]/)
    const affected = dialog.getByRole('table', { name: 'Records made from version 1.0.0' })
    await affected.getByText(made.reference).waitFor()
    await rowOf('Retention').scrollIntoViewIfNeeded()
    await screenshot(page, 'versions-update-dialog')
    expect(await seriousViolations(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Apply update' }).click()
    await page.getByLabel('Import result').getByText('updated Haivision pack “haivision” version 1.1.0').waitFor()

    // The record relied on quotes the new version rewords: the quote changes are kept for its finding.
    await expect.poll(async () => (await storedRecords(page))[0].quoteChanges.length).toBe(5)

    // Every version is kept and viewable, the earlier one read only.
    await page.getByRole('table', { name: 'Template packs' }).getByRole('link', { name: 'Haivision' }).click()
    const versions = page.getByRole('table', { name: 'Versions of this pack' })
    await versions.getByText('Earlier version').waitFor()
    expect(await versions.locator('tbody tr td:first-child').allInnerTexts()).toEqual(['1.1.0 Installed', '1.0.0 Earlier version'])
    await versions.getByRole('link', { name: 'View version 1.0.0' }).click()
    await page.getByRole('heading', { name: /Haivision version 1\.0\.0 Earlier version, read only/ }).waitFor()
    expect(await page.getByRole('link', { name: 'New record from this activity' }).count()).toBe(0)
    await screenshot(page, 'versions-archived-version')
    // The "Updated" toast is the library's (its green text is checked elsewhere): axe looks at this page once it has gone.
    await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached', timeout: 20_000 })
    expect(await seriousViolations(page)).toEqual([])
    const streaming = page.locator(`#activity-${V2_ACTIVITY_ID}`)
    await streaming.locator('summary').first().click()
    await streaming.getByText('Google Firebase — Cloud services').waitFor()
    await page.getByRole('link', { name: '← Installed version 1.1.0' }).click()

    // The records made from the pack, each with its own version; compare the record.
    const derived = page.getByRole('table', { name: 'Records made from this pack' })
    const recordRow = derived.locator('tr', { hasText: made.reference })
    expect(await recordRow.locator('td').nth(2).innerText()).toBe('1.0.0')
    expect(await recordRow.locator('td').nth(3).innerText()).toBe('5 no longer in version 1.1.0')
    // The record's own editor says a newer version is installed and leads to the same comparison.
    await page.goto(`${session.baseUrl}#/records/${made.id}`)
    await page.getByRole('complementary', { name: 'Template origin' }).getByRole('link', { name: /Version 1\.1\.0 of this template is installed/ }).click()

    await page.getByRole('heading', { name: `Compare ${made.reference} Live streaming to social media (YouTube, Facebook) with version 1.1.0` }).waitFor()
    const fields = page.locator('fieldset.upgrade-compare__field')
    expect(await fields.locator('legend').allInnerTexts()).toEqual(['Purposes\nSame value, new quotes', 'Data categories\nChanged by you', 'Recipients'])
    const categories = page.getByRole('group', { name: 'Data categories', exact: true })
    expect(await categories.getByRole('group', { name: 'Your record now' }).innerText()).toContain('Social Data — “Accounts our marketing team connects”')
    expect(await categories.getByRole('group', { name: 'Version 1.0.0 (made from)' }).innerText()).toContain("Retention: As set by the client's documented instructions (for example contractual obligations), then (not stated)")
    expect(await categories.getByRole('group', { name: 'Version 1.1.0 (new)' }).innerText()).toContain('Retention: 2 years from the end of the contract with the client, then erase')
    await categories.getByRole('group', { name: 'Version 1.1.0 (new)' }).getByText(/Quotes? in version 1\.1\.0/).click()
    await categories.getByRole('group', { name: 'Version 1.1.0 (new)' }).getByText(NEW_RETENTION_QUOTE).waitFor()

    // From the keyboard: "Take over all unchanged by me", then keep the recipients after all, then save.
    const takeUnchanged = page.getByRole('button', { name: 'Take over all unchanged by me' })
    await takeUnchanged.focus()
    await page.keyboard.press('Enter')
    const radio = (group: string, name: RegExp) => page.getByRole('radiogroup', { name: `${group}: take over or keep` }).getByRole('radio', { name })
    expect(await radio('Purposes', /Take over/).isChecked()).toBe(true)
    expect(await radio('Data categories', /Keep/).isChecked()).toBe(true)
    expect(await radio('Recipients', /Take over/).isChecked()).toBe(true)
    await radio('Recipients', /Take over/).focus()
    await page.keyboard.press('ArrowDown')
    expect(await radio('Recipients', /Keep/).isChecked()).toBe(true)
    await page.getByRole('status').filter({ hasText: 'fields to take over' }).getByText('1 of 3 fields to take over').waitFor()
    await page.getByRole('heading', { name: /^Compare / }).scrollIntoViewIfNeeded()
    await screenshot(page, 'versions-compare')
    expect(await seriousViolations(page)).toEqual([])
    await categories.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await screenshot(page, 'versions-compare-categories')
    await page.getByRole('button', { name: `Save: bring ${made.reference} to version 1.1.0` }).focus()
    await page.keyboard.press('Enter')
    await page.getByText(`${made.reference} now follows Haivision version 1.1.0`).waitFor()
    await expect.poll(() => page.getByLabel('Name of the processing activity').inputValue()).toBe('Live streaming to social media (YouTube, Facebook)')

    const [upgraded] = await storedRecords(page)
    expect(upgraded.origin.packVersion).toBe('1.1.0')
    expect(upgraded.quoteChanges).toEqual([])
    expect(upgraded.dataCategories[0].description).toBe('Accounts our marketing team connects')
    expect(upgraded.recipients.map((recipient: any) => recipient.name)).toContain('Google Firebase')
    expect(upgraded.supersededEvidence.map((entry: any) => entry.packVersion)).toContain('1.0.0')
    expect(upgraded.supersededEvidence.flatMap((entry: any) => entry.quotes)).toContain(OLD_YOUTUBE_QUOTE)
    const { auditLog } = await readTables(page, ['auditLog'])
    expect((auditLog.at(-1) as any).summary).toBe(`${made.reference} brought from template pack haivision 1.0.0 to 1.1.0: took over Purposes; kept Data categories, Recipients`)

    await page.goto(`${session.baseUrl}#/templates/haivision`)
    await page.getByRole('table', { name: 'Records made from this pack' }).locator('tr', { hasText: made.reference }).getByText('Up to date').waitFor()
    expect(pageErrors).toEqual([])
    await context.close()
  })
})

describe('the vendor\'s suggestions when its policy changes', () => {
  it('compares the suggestions of a record made from the DPO\'s side, says what taking over does to the one already confirmed, and takes over without undoing it', async () => {
    const { context, page, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await waitForShippedPacks(page)

    // The DPO's own controller record using Haivision 1.0.0 (the default): one vendor purpose confirmed, the other left undecided.
    await page.goto(`${session.baseUrl}#/records/from-template/haivision/${V2_ACTIVITY_ID}`)
    const suggestions = page.getByRole('region', { name: "Suggestions from the vendor's policy" })
    await suggestions.getByText(STREAMING).waitFor()
    await suggestions.getByRole('button', { name: 'Confirm as our purpose' }).first().click()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText(/Saved at/).waitFor()
    const [made] = await storedRecords(page)
    expect(made.purposes.map((purpose: any) => purpose.description)).toEqual([STREAMING])
    expect(made.suggestions.map((suggestion: any) => suggestion.description)).toEqual([YOUTUBE])

    await updateHaivision(page)
    await page.goto(`${session.baseUrl}#/templates/haivision/compare/${made.id}`)
    const field = page.getByRole('group', { name: 'Vendor suggestions', exact: true })
    expect(await field.getByRole('group', { name: 'Your record now' }).innerText()).toBe(`Your record now\n\nPurpose “${YOUTUBE}”, lawful basis: not stated`)
    expect(await field.getByRole('group', { name: 'Version 1.0.0 (made from)' }).innerText()).toContain(`Purpose “${STREAMING}”, lawful basis: not stated`)
    const incoming = field.getByRole('group', { name: 'Version 1.1.0 (new)' })
    await incoming.getByText(/Quotes in version 1\.1\.0/).click()
    await incoming.getByText(NEW_YOUTUBE_QUOTE, { exact: false }).waitFor()
    // What taking over does to a suggestion the DPO already decided, said before the choice.
    const note = field.getByRole('note')
    await note.getByText(/A suggestion you already confirmed or dismissed stays decided/).waitFor()
    await note.getByText(`Purpose “${STREAMING}”, lawful basis: not stated — confirmed as your purpose; version 1.1.0 still offers it in these words`).waitFor()
    await field.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await screenshot(page, 'versions-compare-suggestions')
    // The library's "Updated" toast (its green text is checked elsewhere): axe looks at this page once it has gone.
    await page.locator('[data-sonner-toast]').first().waitFor({ state: 'detached', timeout: 20_000 })
    expect(await seriousViolations(page)).toEqual([])

    await page.getByRole('radiogroup', { name: 'Vendor suggestions: take over or keep' }).getByRole('radio', { name: /Take over/ }).check()
    await page.getByRole('button', { name: `Save: bring ${made.reference} to version 1.1.0` }).click()
    await page.getByText(`${made.reference} now follows Haivision version 1.1.0`).waitFor()
    const [upgraded] = await storedRecords(page)
    // The undecided suggestion is the new version's (its new quote); the confirmed purpose is neither offered again nor doubled.
    expect(upgraded.suggestions.map((suggestion: any) => suggestion.description)).toEqual([YOUTUBE])
    expect(upgraded.suggestions[0].quotes.join(' ')).toContain(NEW_YOUTUBE_QUOTE)
    expect(upgraded.purposes.map((purpose: any) => purpose.description)).toEqual([STREAMING])
    expect(pageErrors).toEqual([])
    await context.close()
  })
})
