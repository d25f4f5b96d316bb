/**
 * Drafting a pack from a policy, end to end in Chromium with real IndexedDB: paste a policy, the
 * proposals highlighted and listed, accept / reject / edit by keyboard, quote a selected passage,
 * install (validated like any import) and find the pack stored with the text embedded; open a
 * policy file and export the pack as JSON; edit an installed pack; refusals that change nothing.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { setUpOrganisation, waitForShippedPacks } from './app-steps'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'
import { readTables } from './stored-tables'
import { seriousViolations } from './axe'
import { validatePackText } from '../../src-main/core/templates/validate-pack'
import { sha256Hex } from '../../src-main/core/util/sha256'
import type { TemplatePack } from '../../src-main/core/templates/pack-schema'

const POLICY_PATH = resolve(import.meta.dirname, '../fixtures/drafting/northbeam-policy.txt')
const POLICY = readFileSync(POLICY_PATH, 'utf8')

let session: RendererSession
beforeAll(async () => {
  session = await startRenderer()
})
afterAll(async () => {
  await session?.close()
})

async function openDrafting(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Templates' }).click()
  await page.getByRole('link', { name: 'Draft a pack from a policy…' }).click()
  await page.getByRole('heading', { name: 'Draft a template pack from a policy' }).waitFor()
}

/** Selects the first occurrence of `passage` in the rendered policy text, as a mouse drag would. */
async function selectPassage(page: Page, passage: string): Promise<void> {
  await page.evaluate((passage) => {
    const container = document.querySelector('.draft-text')!
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
    const nodes: Text[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
    const whole = nodes.map((node) => node.data).join('')
    const start = whole.indexOf(passage)
    if (start < 0) throw new Error(`passage not in the text: ${passage}`)
    const end = start + passage.length
    const locate = (offset: number): [Text, number] => {
      let seen = 0
      for (const node of nodes) {
        if (offset <= seen + node.data.length) return [node, offset - seen]
        seen += node.data.length
      }
      throw new Error('offset past the text')
    }
    const range = document.createRange()
    range.setStart(...locate(start))
    range.setEnd(...locate(end))
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
    container.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
  }, passage)
}

async function storedPack(page: Page, id: string): Promise<{ pack: TemplatePack; version: string } | undefined> {
  const { packs } = await readTables(page, ['packs'])
  return (packs as Array<{ id: string; version: string; pack: TemplatePack }>).find((row) => row.id === id)
}

describe('drafting a pack from a policy', () => {
  it('proposes values from a pasted policy, takes the author’s decisions and a selected quote, and installs the pack with the text embedded', async () => {
    const { context, page, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await waitForShippedPacks(page)
    await openDrafting(page)
    await screenshot(page, 'drafting-source')

    await page.getByLabel('Policy text').fill(POLICY)
    await page.getByRole('button', { name: 'Propose values' }).click()
    await page.getByRole('heading', { name: 'Review the drafted pack' }).waitFor()

    // Proposals are highlighted in the text, each focusable, and listed by field.
    const text = page.getByRole('document', { name: 'Policy text with proposals highlighted' })
    expect(await text.locator('mark[tabindex="0"]').count()).toBeGreaterThan(10)
    const categories = page.getByRole('region', { name: /^Data categories/ })
    for (const label of ['Name', 'User Contact Email', 'Job Title', 'IP Address']) await categories.getByText(label, { exact: true }).first().waitFor()
    const subProcessors = page.getByRole('region', { name: /^Sub-processors/ })
    await subProcessors.getByText('Cloudvault', { exact: true }).waitFor()
    await page.getByRole('region', { name: /^Retention/ }).getByText('24 months (counted from: the account is closed)', { exact: true }).waitFor()
    await page.getByRole('region', { name: /^Transfers/ }).getByText('United States', { exact: true }).waitFor()
    await screenshot(page, 'drafting-review')
    expect(await seriousViolations(page)).toEqual([])

    // Keyboard: Tab onto a highlight, Enter finds it in the list; A accepts, R rejects, E edits.
    const ipMark = text.locator('mark', { hasText: 'IP address' })
    await ipMark.focus()
    await page.keyboard.press('Enter')
    const ipItem = categories.getByRole('listitem', { name: /IP Address/ })
    await expect.poll(() => ipItem.evaluate((element) => element === document.activeElement)).toBe(true)
    await page.keyboard.press('a')
    await expect.poll(() => ipItem.getAttribute('aria-label')).toMatch(/Accepted$/)
    const jobItem = categories.getByRole('listitem', { name: /Job Title/ })
    await jobItem.focus()
    await page.keyboard.press('r')
    await expect.poll(() => jobItem.getAttribute('aria-label')).toMatch(/Rejected$/)
    const usagePurpose = page.getByRole('region', { name: /^Purposes/ }).getByRole('listitem', { name: /usage data to improve/ })
    await usagePurpose.focus()
    await page.keyboard.press('e')
    await usagePurpose.getByLabel('Lawful basis').selectOption('a')
    await usagePurpose.getByRole('button', { name: 'Save and accept' }).click()
    await expect.poll(() => usagePurpose.getAttribute('aria-label')).toMatch(/Accepted$/)
    await usagePurpose.getByText('Accepted, edited').waitFor()

    // Any passage can be quoted: "Paylane" (a payment provider the rules do not name) as a sub-processor.
    await selectPassage(page, 'Paylane')
    await page.getByText('Selected: “Paylane”').waitFor()
    await page.getByLabel('Field', { exact: true }).selectOption('subProcessor')
    await page.getByRole('button', { name: 'Make quote' }).click()
    await subProcessors.getByRole('listitem', { name: /Paylane, Accepted/ }).waitFor()
    await screenshot(page, 'drafting-decisions')

    // Without a mouse: type the words to quote, find them, make the quote.
    await page.getByLabel('Or type the words to quote').fill('meeting transcription service')
    await page.keyboard.press('Enter')
    await page.getByText('Selected: “meeting transcription service”').waitFor()
    await page.getByLabel('Field', { exact: true }).selectOption('activity')
    await page.getByRole('button', { name: 'Make quote' }).click()
    await page.getByRole('region', { name: /^Activities/ }).getByRole('listitem', { name: /meeting transcription service, Accepted/ }).waitFor()
    await page.getByLabel('Or type the words to quote').fill('words that are not there')
    await page.keyboard.press('Enter')
    await page.getByRole('alert', { name: 'Drafting result' }).getByText(/is not in the policy text/).waitFor()

    await page.getByRole('button', { name: 'Accept all to review' }).click()
    await page.getByRole('button', { name: 'Install pack' }).click()
    await page.getByRole('status', { name: 'Drafting result' }).getByText(/Installed Northbeam Labs, Inc\. pack “northbeam-labs-inc-draft” version 0\.1\.0/).waitFor()
    await screenshot(page, 'drafting-installed')

    const stored = await storedPack(page, 'northbeam-labs-inc-draft')
    expect(stored?.version).toBe('0.1.0')
    const pack = stored!.pack
    expect(pack.formatVersion).toBe(2)
    expect(pack.sources[0]?.text).toBe(POLICY)
    expect(pack.sources[0]?.sha256).toBe(sha256Hex(POLICY))
    const activity = pack.activities.flatMap((entry) => entry)
    const terms = activity.flatMap((entry) => entry.dataCategories.map((category) => category.term))
    expect(terms).toContain('user.device.ip_address')
    expect(terms).not.toContain('user.job_title')
    expect(activity.flatMap((entry) => entry.subProcessors.map((processor) => processor.name))).toEqual(expect.arrayContaining(['Cloudvault', 'Paylane']))
    const improved = activity.flatMap((entry) => entry.purposes).find((purpose) => purpose.description.startsWith('We use usage data to improve'))
    expect(improved?.lawfulBasis).toBe('a')
    // Every quote is the policy's own words, as the import checker verifies.
    expect(validatePackText(JSON.stringify(pack), { sourceText: POLICY }).ok).toBe(true)
    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('opens a policy file, exports the pack as JSON, and refuses a pack without a vendor, storing nothing', async () => {
    const { context, page, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await waitForShippedPacks(page)
    await openDrafting(page)

    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Open a policy file (.txt, .md)…' }).click()
    await (await chooser).setFiles(POLICY_PATH)
    await page.getByRole('heading', { name: 'Review the drafted pack' }).waitFor()
    await page.getByRole('button', { name: 'Accept all to review' }).click()

    // Without the vendor the pack cannot stand: the reason is given and nothing is stored.
    const vendor = page.getByRole('region', { name: /^Vendor/ })
    for (const item of await vendor.getByRole('listitem').all()) {
      await item.focus()
      await page.keyboard.press('r')
    }
    const before = await readTables(page, ['packs', 'auditLog'])
    await page.getByRole('button', { name: 'Install pack' }).click()
    await page.getByRole('alert', { name: 'Drafting result' }).getByText(/no vendor accepted/).waitFor()
    expect(await readTables(page, ['packs', 'auditLog'])).toEqual(before)
    await screenshot(page, 'drafting-refused')

    await vendor.getByRole('listitem').first().focus()
    await page.keyboard.press('a')
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export JSON…' }).click()
    const file = await (await download).path()
    const exported = readFileSync(file, 'utf8')
    const checked = validatePackText(exported, { sourceText: POLICY })
    expect(checked.ok).toBe(true)
    if (checked.ok) expect(checked.pack.sources[0]?.text).toBe(POLICY)
    expect(await readTables(page, ['packs', 'auditLog'])).toEqual(before)
    expect(pageErrors).toEqual([])
    await context.close()
  })

  it('opens an installed pack in the editor with its values accepted, and installs an edited newer version after asking', async () => {
    const { context, page, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await waitForShippedPacks(page)
    await openDrafting(page)
    await page.getByRole('button', { name: /^Edit Haivision/ }).click()
    await page.getByRole('heading', { name: 'Edit pack haivision' }).waitFor()
    const subProcessors = page.getByRole('region', { name: /^Sub-processors/ })
    await subProcessors.getByRole('listitem', { name: /Microsoft Azure, Accepted/ }).first().waitFor()
    await screenshot(page, 'drafting-edit-installed')
    for (const item of await subProcessors.getByRole('listitem', { name: /Google Firebase/ }).all()) {
      await item.focus()
      await page.keyboard.press('r')
    }
    expect(await page.getByLabel('Version').inputValue()).toBe('1.1.0')
    await page.getByRole('button', { name: 'Install pack' }).click()
    await page.getByRole('dialog').getByText('Update pack haivision from 1.0.0 to 1.1.0?').waitFor()
    await page.getByRole('button', { name: 'Update the pack' }).click()
    await page.getByRole('status', { name: 'Drafting result' }).getByText(/version 1\.1\.0/).waitFor()
    const stored = await storedPack(page, 'haivision')
    expect(stored?.version).toBe('1.1.0')
    const names = stored!.pack.activities.flatMap((activity) => activity.subProcessors.map((processor) => processor.name))
    expect(names).toContain('Microsoft Azure')
    expect(names).not.toContain('Google Firebase')
    expect(pageErrors).toEqual([])
    await context.close()
  })
})
