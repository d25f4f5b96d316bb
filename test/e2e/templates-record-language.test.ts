/**
 * Records made from a template in German, in Chromium with the browser's language set to de-DE
 * and real IndexedDB: the words the app writes into the record (the name's suffix, the frame of
 * the description, the open items, the recipients' notes) are German, from each perspective the
 * screen offers; the policy's words stay as they are; the record keeps its language; the
 * register and the editor show the names at 1280×800 without cutting anything off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { FIRST_RUN_WORDS, setUpOrganisationIn, waitForShippedPacks } from './app-steps'
import { openApp, startRenderer, type RendererSession } from './browser'
import { pageLooker } from './overflow'
import { readTables } from './stored-tables'

let session: RendererSession
beforeAll(async () => {
  session = await startRenderer()
})
afterAll(async () => {
  await session?.close()
})

const SUPPORT = 'Technical support and support tickets'
const CRM = 'Customer relationship management'
const NAMES = {
  controllerUsingProcessor: `${SUPPORT} (mit Haivision)`,
  processorWithSubProcessor: `${SUPPORT} (für unsere Kunden, mit Haivision als Unterauftragsverarbeiter)`,
  withIndependentController: `${CRM} (mit Haivision als eigenständigem Verantwortlichen)`
}
/** The English frame the app wrote before: none of it may reach a German record. */
const ENGLISH_FRAME = /The policy is (silent|vague)|Reference the (sub-processing|data processing) agreement|Name the clients|policy describes the activity|Our sub-processor|Sub-processor of|Its policy says|\(using |as independent controller|as sub-processor\)/

const nameField = (page: Page) => page.getByLabel('Bezeichnung der Verarbeitungstätigkeit')

/** Scrolls `target` to the top of the page and lets it paint before a screenshot. */
async function showTop(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  await target.evaluate((element) => element.scrollIntoView({ block: 'start' }))
  // Headless Chromium may paint a frame with the area above blank right after a long scroll.
  await page.waitForTimeout(300)
}

async function saveDraft(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Speichern', exact: true }).click()
  await page.getByText(/Gespeichert um/).waitFor()
}

describe('a record made from a template in German', () => {
  it('is written in German from every perspective, keeps its language, and reads in German in the register and the editor', async () => {
    const { context, page, pageErrors } = await openApp(session, '', { locale: 'de-DE' })
    const { look, cutOff } = pageLooker(page, 'record-text-de')
    try {
      await setUpOrganisationIn(page, FIRST_RUN_WORDS.de)
      await waitForShippedPacks(page)

      // The DPO's controller record using Haivision (a processor activity), the way a DPO gets there.
      await page.getByRole('link', { name: 'Vorlagen', exact: true }).click()
      await page.getByRole('table', { name: 'Vorlagenpakete' }).getByRole('link', { name: 'Haivision' }).click()
      const activity = page.locator('#activity-technical-support')
      // The first activity of a pack opens already.
      if (!(await activity.evaluate((details) => (details as HTMLDetailsElement).open))) await activity.locator('summary').first().click()
      await activity.getByRole('link', { name: 'Neuer Eintrag aus dieser Tätigkeit' }).click()
      await page.getByRole('region', { name: 'Wessen Eintrag ist das?' }).waitFor()
      await expect.poll(() => nameField(page).inputValue()).toBe(NAMES.controllerUsingProcessor)
      expect(await page.getByLabel('Beschreibung', { exact: true }).inputValue()).toMatch(/^Die Richtlinie von Haivision beschreibt die Tätigkeit so: Identification, electronic and communication data/)
      const openItems = page.locator('#open-items')
      const controllerItems = await openItems.innerText()
      expect(controllerItems).toContain('Verweisen Sie auf den Auftragsverarbeitungsvertrag mit Haivision (Art. 28 Abs. 3).')
      // The frame is German; the pack's own note after it is the pack's words, as written.
      expect(controllerItems).toContain('Die Richtlinie schweigt: Haivision acts as processor here; the client (controller) is responsible for the lawful basis.')
      expect(controllerItems).toContain('Die Richtlinie sagt, wie lange die Daten aufbewahrt werden, aber nicht, was danach mit ihnen geschieht')
      expect(controllerItems).not.toMatch(ENGLISH_FRAME)
      // Confirming the vendor's purpose leaves evidence whose note is in the record's language too.
      await page.getByRole('region', { name: 'Vorschläge aus der Richtlinie des Anbieters' }).getByRole('button', { name: /^Als unseren Zweck bestätigen/ }).first().click()
      await expect.poll(() => page.locator('#purposes .item').count()).toBe(1)
      await showTop(page, nameField(page))
      await look('controller-editor')
      await showTop(page, openItems)
      await look('controller-open-items')
      await saveDraft(page)

      // The processor record with Haivision as sub-processor, the other choice the screen offers.
      await page.goto(`${session.baseUrl}#/records/from-template/haivision/technical-support`)
      await page.getByRole('radio', { name: /Unser Eintrag als Auftragsverarbeiter, mit dem Anbieter als Unterauftragsverarbeiter/ }).click()
      await expect.poll(() => nameField(page).inputValue()).toBe(NAMES.processorWithSubProcessor)
      const processorItems = await openItems.innerText()
      expect(processorItems).toContain('Nennen Sie die Kunden (Verantwortlichen), in deren Auftrag Sie bei dieser Tätigkeit handeln.')
      expect(processorItems).toContain('Verweisen Sie auf den Unterauftragsverarbeitungsvertrag mit Haivision und auf die Genehmigung Ihrer Kunden, ihn in Anspruch zu nehmen (Art. 28 Abs. 2 und 4).')
      expect(processorItems).not.toMatch(ENGLISH_FRAME)
      await showTop(page, openItems)
      await look('processor-open-items')
      await saveDraft(page)

      // An activity where Haivision decides for itself: another controller.
      await page.goto(`${session.baseUrl}#/records/from-template/haivision/customer-relationship-management`)
      await expect.poll(() => nameField(page).inputValue()).toBe(NAMES.withIndependentController)
      await saveDraft(page)

      // What is stored: German texts, the language on the origin, the quotes as the policy says them.
      const { records } = await readTables(page, ['records'])
      const stored = records as Array<{ reference: string; name: string; origin: { locale?: string; perspective: string }; recipients: Array<{ notes: string }>; openItems: Array<{ note: string }>; evidence: Array<{ note: string; quotes: string[] }> }>
      // In the order they were made (the table is keyed by random ids).
      stored.sort((a, b) => a.reference.localeCompare(b.reference))
      expect(stored.map((record) => [record.name, record.origin.perspective, record.origin.locale])).toEqual([
        [NAMES.controllerUsingProcessor, 'controller-using-vendor', 'de'],
        [NAMES.processorWithSubProcessor, 'processor-with-vendor-as-sub-processor', 'de'],
        [NAMES.withIndependentController, 'controller-using-vendor', 'de']
      ])
      expect(stored[1]!.recipients[0]!.notes).toBe('Unser Unterauftragsverarbeiter')
      expect(stored[0]!.recipients[1]!.notes).toBe('Unterauftragsverarbeiter von Haivision; Dienst: Cloud services')
      expect(stored[2]!.recipients[0]!.notes).toBe('Laut seiner Richtlinie handelt er bei dieser Tätigkeit als Verantwortlicher')
      expect(stored[0]!.evidence.find((entry) => entry.note === 'Rolle von Haivision')!.quotes.length).toBeGreaterThan(0)
      expect(stored[0]!.evidence.find((entry) => entry.note === 'Vorgeschlagen in der Richtlinie von Haivision; von uns übernommen')!.quotes.length).toBeGreaterThan(0)
      for (const record of stored) for (const item of record.openItems) expect(item.note).not.toMatch(ENGLISH_FRAME)

      // The register: the German names next to each other, nothing cut off.
      await page.getByRole('link', { name: 'Verzeichnis', exact: true }).click()
      await page.getByRole('heading', { name: FIRST_RUN_WORDS.de.registerTitle }).waitFor()
      for (const name of Object.values(NAMES)) await page.getByText(name, { exact: true }).waitFor()
      // The column cuts a long name short, so the full name is on hover.
      expect(await page.getByRole('cell', { name: NAMES.processorWithSubProcessor, exact: true }).getAttribute('title')).toBe(NAMES.processorWithSubProcessor)
      await look('register')

      // Opened again from the register, the editor shows what was stored.
      await page.getByText(NAMES.processorWithSubProcessor, { exact: true }).click()
      await expect.poll(() => nameField(page).inputValue()).toBe(NAMES.processorWithSubProcessor)
      expect(await page.getByLabel('Beschreibung', { exact: true }).inputValue()).toMatch(/^Die Richtlinie von Haivision beschreibt die Tätigkeit so: /)
      await showTop(page, nameField(page))
      await look('reopened')
      await showTop(page, openItems)
      expect(await openItems.innerText()).toContain('Nennen Sie die Kunden (Verantwortlichen), in deren Auftrag Sie bei dieser Tätigkeit handeln.')
      await look('reopened-open-items')

      expect(cutOff).toEqual([])
      expect(pageErrors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
