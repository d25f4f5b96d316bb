/**
 * Drafting a pack from a policy, end to end in Chromium with real IndexedDB: paste a policy, the
 * proposals highlighted and listed, accept / reject / edit by keyboard, quote a selected passage,
 * install (validated like any import) and find the pack stored with the text embedded; open a
 * policy file and export the pack as JSON; edit an installed pack; refusals that change nothing.
 * Several documents (a sub-processor list beside the policy) as tabs, a quote made by keyboard
 * only, each quote stored and verified in its own document, reopened with both, removing one
 * only after saying what depends on it; the screen in French and German, nothing cut off.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { setUpOrganisation, waitForShippedPacks } from './app-steps'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'
import { pageLooker } from './overflow'
import { readTables } from './stored-tables'
import { seriousViolations } from './axe'
import { validatePackText } from '../../src-main/core/templates/validate-pack'
import { sha256Hex } from '../../src-main/core/util/sha256'
import type { TemplatePack } from '../../src-main/core/templates/pack-schema'

const POLICY_PATH = resolve(import.meta.dirname, '../fixtures/drafting/northbeam-policy.txt')
const POLICY = readFileSync(POLICY_PATH, 'utf8')
const LIST_PATH = resolve(import.meta.dirname, '../fixtures/drafting/northbeam-subprocessors.txt')
const LIST = readFileSync(LIST_PATH, 'utf8')

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

    await page.getByLabel('Document text').fill(POLICY)
    await page.getByRole('button', { name: 'Propose values' }).click()
    await page.getByRole('heading', { name: 'Review the drafted pack' }).waitFor()

    // Proposals are highlighted in the text, each focusable, and listed by field.
    const text = page.getByRole('application', { name: 'Text of “Northbeam Privacy Policy”, proposals highlighted' })
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
    await page.getByRole('alert', { name: 'Drafting result' }).getByText(/is not in “Northbeam Privacy Policy”/).waitFor()

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
    await page.getByRole('button', { name: 'Open a file (.txt, .md)…' }).click()
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
    expect(await page.getByLabel('Pack version').inputValue()).toBe('1.1.0')
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

/** The text of the live region that says what is selected for quoting. */
const selectedNow = (page: Page) => page.locator('.draft-quote-bar__selection').textContent()

describe('a pack from several documents', () => {
  it('adds a sub-processor list as a second tab, quotes it by keyboard only, installs both documents, and reopens with both', async () => {
    const { context, page, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await waitForShippedPacks(page)
    await openDrafting(page)
    await page.getByLabel('Document text').fill(POLICY)
    await page.getByRole('button', { name: 'Propose values' }).click()
    await page.getByRole('heading', { name: 'Review the drafted pack' }).waitFor()
    await page.getByRole('button', { name: 'Accept all to review' }).click()

    // A second document: the vendor's sub-processor list, opened as a file, with its version.
    await page.getByRole('button', { name: 'Add a document…' }).click()
    const adding = page.getByRole('region', { name: 'Add a document' })
    expect(await adding.getByLabel('Kind of document').inputValue()).toBe('sub-processor-list')
    await adding.getByLabel('Version').fill('Version 3')
    const chooser = page.waitForEvent('filechooser')
    await adding.getByRole('button', { name: 'Open a file (.txt, .md)…' }).click()
    await (await chooser).setFiles(LIST_PATH)
    await adding.waitFor({ state: 'detached' })
    const tabs = page.getByRole('tablist', { name: 'Documents of the pack' }).getByRole('tab')
    expect(await tabs.count()).toBe(2)
    const policyTab = tabs.filter({ hasText: 'Northbeam Privacy Policy' })
    const listTab = tabs.filter({ hasText: 'Northbeam sub-processors' })
    expect(await listTab.getAttribute('aria-selected')).toBe('true')
    await listTab.getByText('Sub-processor list').waitFor()
    await screenshot(page, 'drafting-two-sources')
    expect(await seriousViolations(page)).toEqual([])

    // The tabs by keyboard: arrows move between them, only the chosen one is in the Tab order.
    await listTab.focus()
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => policyTab.getAttribute('aria-selected')).toBe('true')
    expect(await policyTab.evaluate((element) => element === document.activeElement)).toBe(true)
    expect(await listTab.getAttribute('tabindex')).toBe('-1')
    await page.getByRole('application', { name: 'Text of “Northbeam Privacy Policy”, proposals highlighted' }).waitFor()
    await page.keyboard.press('End')
    await expect.poll(() => listTab.getAttribute('aria-selected')).toBe('true')

    // A quote by keyboard only: the field chosen, then in the text ↓ sentence by sentence, Shift+← to drop words, Enter.
    await page.keyboard.press('Tab') // from the tab to "Add a document…"
    const field = page.getByLabel('Field', { exact: true })
    await field.focus()
    await field.selectOption('subProcessor')
    const listText = page.getByRole('application', { name: 'Text of “Northbeam sub-processors”, proposals highlighted' })
    await page.keyboard.press('Tab') // the words to find
    await page.keyboard.press('Tab') // the text itself (Find and Make quote are disabled with nothing selected)
    expect(await listText.evaluate((element) => element === document.activeElement)).toBe(true)
    expect(await listText.getAttribute('aria-describedby')).toBe('draft-keys')
    await page.getByText('move its end by a word').waitFor()
    await page.keyboard.press('ArrowDown')
    expect(await selectedNow(page)).toBe('Selected: “Northbeam sub-processors”')
    for (let step = 0; step < 10 && !(await selectedNow(page))?.includes('Transcribo'); step += 1) await page.keyboard.press('ArrowDown')
    expect(await selectedNow(page)).toBe('Selected: “Transcribo GmbH - speech-to-text processing - Germany”')
    for (let step = 0; step < 5; step += 1) await page.keyboard.press('Shift+ArrowLeft')
    expect(await selectedNow(page)).toBe('Selected: “Transcribo GmbH”')
    // The browser's own selection shows it, in the text of the list.
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Transcribo GmbH')
    await screenshot(page, 'drafting-keyboard-quote')
    await page.keyboard.press('Enter')
    const subProcessors = page.getByRole('region', { name: /^Sub-processors/ })
    const transcribo = subProcessors.getByRole('listitem', { name: /^Sub-processors: Transcribo GmbH, Accepted$/ })
    await transcribo.waitFor()
    await transcribo.getByText('From: Northbeam sub-processors').waitFor()
    expect(await selectedNow(page)).toBe('Select a passage in the text to quote it.')

    await page.getByRole('button', { name: 'Install pack' }).click()
    const result = page.getByRole('status', { name: 'Drafting result' })
    await result.getByText(/Installed Northbeam Labs, Inc\. pack “northbeam-labs-inc-draft” version 0\.1\.0/).waitFor()
    await result.getByText('Every quote was checked against the 2 documents embedded in the pack, each in its own.').waitFor()

    const stored = await storedPack(page, 'northbeam-labs-inc-draft')
    const pack = stored!.pack
    expect(pack.sources.map((source) => [source.id, source.kind, source.title, source.version, source.sha256])).toEqual([
      ['privacy-policy', 'privacy-policy', 'Northbeam Privacy Policy', undefined, sha256Hex(POLICY)],
      ['sub-processor-list', 'sub-processor-list', 'Northbeam sub-processors', 'Version 3', sha256Hex(LIST)]
    ])
    expect(pack.sources[1]?.text).toBe(LIST)
    const quoted = pack.activities.flatMap((activity) => activity.subProcessors).find((processor) => processor.name === 'Transcribo GmbH')
    expect(quoted?.quotes).toEqual(['Transcribo GmbH'])
    expect(POLICY.includes('Transcribo')).toBe(false)
    // As the import checks it: every quote verbatim in the embedded documents, the list's in the list.
    const checked = validatePackText(JSON.stringify(pack))
    expect(checked.ok && checked.quotesChecked).toBe(true)
    const withoutList = validatePackText(JSON.stringify({ ...pack, sources: pack.sources.slice(0, 1) }))
    expect(withoutList.ok ? [] : withoutList.problems.map((problem) => problem.message)).toContainEqual(expect.stringMatching(/"Transcribo GmbH"/))

    // Reopened for editing: both documents, each value in its own.
    await page.getByRole('button', { name: 'Start again' }).click()
    await page.getByRole('button', { name: /^Edit Northbeam Labs, Inc\. \(northbeam-labs-inc-draft 0\.1\.0\)$/ }).click()
    await page.getByRole('heading', { name: 'Edit pack northbeam-labs-inc-draft' }).waitFor()
    expect(await tabs.allTextContents()).toEqual([expect.stringMatching(/^Privacy policyNorthbeam Privacy Policy\d+ proposals$/), expect.stringMatching(/^Sub-processor listNorthbeam sub-processors\d+ proposals?$/)])
    expect(await page.locator('.banner--error').count()).toBe(0)
    const reopened = subProcessors.getByRole('listitem', { name: /^Sub-processors: Transcribo GmbH, Accepted$/ })
    await reopened.getByText('From: Northbeam sub-processors').waitFor()
    // "Show in text" opens the list's tab at its highlight.
    await reopened.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => listTab.getAttribute('aria-selected')).toBe('true')
    const mark = listText.locator('mark', { hasText: 'Transcribo GmbH' })
    await expect.poll(() => mark.evaluate((element) => element === document.activeElement)).toBe(true)
    await screenshot(page, 'drafting-reopened-two-sources')

    // Removing a document that proposals rely on asks first, saying how many.
    await page.getByRole('button', { name: 'Remove this document' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('Remove “Northbeam sub-processors”?').waitFor()
    const message = (await dialog.textContent()) ?? ''
    const [, total, accepted] = /(\d+) proposals? comes? from this document \((\d+) accepted\)/.exec(message) ?? []
    expect(Number(total)).toBeGreaterThanOrEqual(1)
    expect(Number(accepted)).toBeGreaterThanOrEqual(1)
    await screenshot(page, 'drafting-remove-source')
    await dialog.getByRole('button', { name: 'Keep it' }).click()
    expect(await tabs.count()).toBe(2)
    await page.getByRole('button', { name: 'Remove this document' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Remove the document and its proposals' }).click()
    await expect.poll(() => tabs.count()).toBe(1)
    expect(await subProcessors.getByRole('listitem', { name: /Transcribo/ }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Remove this document' }).count()).toBe(0)

    // A document can join without the assistant's proposals, to quote from by hand; it then goes without asking.
    await page.getByRole('button', { name: 'Add a document…' }).click()
    const another = page.getByRole('region', { name: 'Add a document' })
    await another.getByLabel('Kind of document').selectOption('dpa')
    await another.getByLabel('Document title').fill('Northbeam DPA')
    await another.getByLabel('Document text').fill('Northbeam processes customer data only on documented instructions.')
    await another.getByRole('button', { name: 'Add without proposals' }).click()
    await expect.poll(() => tabs.allTextContents()).toEqual([expect.stringMatching(/^Privacy policy/), 'Data processing agreementNorthbeam DPA0 proposals'])
    await page.getByRole('button', { name: 'Remove this document' }).click()
    await expect.poll(() => tabs.count()).toBe(1)
    expect(await page.getByRole('dialog').isVisible()).toBe(false)
    expect(pageErrors).toEqual([])
    await context.close()
  })
})

/** The screens' words in each language, the GDPR's own terms among them (docs/i18n-glossary.md). */
const LANGUAGES = {
  fr: {
    locale: 'fr-FR',
    setUp: { name: 'Votre nom', role: 'Votre fonction', controller: 'Responsable du traitement — art. 30, par. 1, point a)', organisation: 'Nom de l’organisme', email: 'Courriel', dpo: 'Délégué à la protection des données', dpoName: 'Nom du DPD', save: 'Enregistrer et ouvrir le registre', register: 'Registre des activités de traitement' },
    heading: 'Rédiger un pack de modèles à partir d’une politique',
    text: 'Texte du document',
    propose: 'Proposer des valeurs',
    review: 'Relire le pack rédigé',
    subProcessors: /^Sous-traitants ultérieurs/,
    purposes: /^Finalités et bases légales/,
    role: 'Rôle (responsable du traitement ou sous-traitant)',
    pending: 'À examiner',
    pane: 'Texte de « Northbeam Privacy Policy », propositions surlignées',
    add: 'Ajouter un document…',
    addHeading: 'Ajouter un document',
    kind: 'Nature du document',
    subProcessorList: 'Liste des sous-traitants ultérieurs',
    keys: 'déplacer sa fin d’un mot',
    selected: 'Sélection : « Northbeam Privacy Policy »',
    retention: '24 mois (à compter de : the account is closed)',
    lawfulBasis: 'Base légale',
    contract: 'Art. 6, par. 1, point b) Contrat',
    cancel: 'Annuler',
    acceptAll: 'Accepter toutes celles à examiner',
    vendor: /^Fournisseur \(entité juridique\)/,
    install: 'Installer le pack',
    noVendor: /^Fournisseur \(entité juridique\) : aucun fournisseur accepté : acceptez la phrase qui nomme le fournisseur/
  },
  de: {
    locale: 'de-DE',
    setUp: { name: 'Ihr Name', role: 'Ihre Funktion', controller: 'Verantwortlicher — Art. 30 Abs. 1 lit. a', organisation: 'Name der Organisation', email: 'E-Mail', dpo: 'Datenschutzbeauftragter', dpoName: 'Name des Datenschutzbeauftragten', save: 'Speichern und Verzeichnis öffnen', register: 'Verzeichnis von Verarbeitungstätigkeiten' },
    heading: 'Vorlagenpaket aus einer Datenschutzerklärung entwerfen',
    text: 'Text des Dokuments',
    propose: 'Werte vorschlagen',
    review: 'Entworfenes Paket prüfen',
    subProcessors: /^Unterauftragsverarbeiter/,
    purposes: /^Zwecke und Rechtsgrundlagen/,
    role: 'Rolle (Verantwortlicher oder Auftragsverarbeiter)',
    pending: 'Zu prüfen',
    pane: 'Text von „Northbeam Privacy Policy“, Vorschläge hervorgehoben',
    add: 'Dokument hinzufügen…',
    addHeading: 'Dokument hinzufügen',
    kind: 'Art des Dokuments',
    subProcessorList: 'Liste der Unterauftragsverarbeiter',
    keys: 'Ende um ein Wort verschieben',
    selected: 'Markiert: „Northbeam Privacy Policy“',
    retention: '24 Monate (ab: the account is closed)',
    lawfulBasis: 'Rechtsgrundlage',
    contract: 'Art. 6 Abs. 1 lit. b Vertrag',
    cancel: 'Abbrechen',
    acceptAll: 'Alle offenen übernehmen',
    vendor: /^Anbieter \(juristische Person\)/,
    install: 'Paket installieren',
    noVendor: /^Anbieter \(juristische Person\): kein Anbieter übernommen: Übernehmen Sie den Satz/
  }
} as const

describe.each(Object.entries(LANGUAGES))('the drafting screens in %s', (language, words) => {
  it('speak the browser’s language, field labels and legal terms included, with nothing cut off at 1280×800', async () => {
    const { context, page, pageErrors } = await openApp(session, '', { locale: words.locale })
    const { look, cutOff } = pageLooker(page, `drafting-${language}`)
    await page.getByLabel(words.setUp.name).fill('Dana Fischer')
    await page.getByLabel(words.setUp.role).fill('DPO')
    const controller = page.locator('fieldset', { hasText: words.setUp.controller })
    await controller.getByLabel(words.setUp.organisation).fill('Northwind Analytics GmbH')
    await controller.getByLabel(words.setUp.email).fill('privacy@northwind.example')
    await page.locator('fieldset', { has: page.getByText(words.setUp.dpo, { exact: true }) }).getByLabel(words.setUp.dpoName).fill('Jonas Weber')
    await page.getByRole('button', { name: words.setUp.save }).click()
    await page.getByRole('heading', { name: words.setUp.register }).waitFor()
    await waitForShippedPacks(page)
    await page.goto(`${session.baseUrl}#/templates/draft`)
    await page.getByRole('heading', { name: words.heading }).waitFor()
    await look('source')

    await page.getByLabel(words.text).fill(POLICY)
    await page.getByRole('button', { name: words.propose }).click()
    await page.getByRole('heading', { name: words.review }).waitFor()
    await page.getByRole('region', { name: words.subProcessors }).getByRole('listitem').first().waitFor()
    await page.getByRole('region', { name: words.purposes }).waitFor()
    await page.getByRole('heading', { name: words.role }).waitFor()
    await page.getByRole('region', { name: words.purposes }).getByText(words.pending).first().waitFor()
    // Enumerations in the language: the retention's unit.
    await page.getByText(words.retention, { exact: true }).waitFor()
    const pane = page.getByRole('application', { name: words.pane })
    await page.getByText(words.keys).waitFor()
    await pane.focus()
    await page.keyboard.press('ArrowDown')
    expect(await selectedNow(page)).toBe(words.selected)
    await look('review')
    expect(await seriousViolations(page)).toEqual([])
    // The proposal editor, its lawful bases in the Regulation's words.
    const purpose = page.getByRole('region', { name: words.purposes }).getByRole('listitem').first()
    await purpose.focus()
    await page.keyboard.press('e')
    await expect(purpose.getByLabel(words.lawfulBasis).locator('option').allTextContents()).resolves.toContain(words.contract)
    await purpose.scrollIntoViewIfNeeded()
    await look('editor')
    await purpose.getByRole('button', { name: words.cancel }).click()

    // A pack that cannot be made says why in the language too, the field by its translated name.
    await page.getByRole('button', { name: words.acceptAll }).click()
    for (const item of await page.getByRole('region', { name: words.vendor }).getByRole('listitem').all()) {
      await item.focus()
      await page.keyboard.press('r')
    }
    await page.getByRole('button', { name: words.install }).click()
    await page.getByRole('alert').getByText(words.noVendor).waitFor()
    await look('refused')

    await page.getByRole('button', { name: words.add }).click()
    const adding = page.getByRole('region', { name: words.addHeading })
    await expect(adding.getByLabel(words.kind).locator('option:checked').textContent()).resolves.toBe(words.subProcessorList)
    await look('add-source')
    await adding.getByLabel(words.text).fill(LIST)
    await adding.getByRole('button', { name: words.propose }).click()
    await adding.waitFor({ state: 'detached' })
    await page.getByRole('tab', { name: new RegExp(words.subProcessorList) }).waitFor()
    await page.evaluate(() => window.scrollTo(0, 0))
    await look('two-sources')
    await page.locator('.draft-side').evaluate((element) => element.scrollTo(0, element.scrollHeight))
    await page.getByRole('region', { name: words.subProcessors }).scrollIntoViewIfNeeded()
    await look('proposals')

    expect(cutOff).toEqual([])
    expect(pageErrors).toEqual([])
    await context.close()
  })
})
