/**
 * The guided import of a legacy spreadsheet, end to end in Chromium with real IndexedDB: the
 * DPO chooses a file, adjusts the proposed mapping (a column kept as a note, one ignored with
 * a reason), saves and exports the mapping, previews every record with its findings and the
 * organisation changes, confirms, and finds the records stored with their import evidence.
 * A full disk at confirm stores nothing and says so.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditEntry } from '@core/audit/audit-chain'
import { parseMapping } from '@core/migration/propose-mapping'
import type { Organisation } from '@core/records/model'
import { LEGACY_FILE_NAME, legacyWorkbook } from '../fixtures/migration/legacy-workbook'
import { chooseFile, setUpOrganisation, waitForShippedPacks } from './app-steps'
import { seriousViolations } from './axe'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'
import { readTables, storedRecords } from './stored-tables'

const files = mkdtempSync(join(tmpdir(), 'ropa-e2e-migration-'))
let legacyPath: string
const mappingPath = join(files, 'mapping.json')
let session: RendererSession
let context: BrowserContext
let page: Page
let pageErrors: string[]

beforeAll(async () => {
  legacyPath = join(files, LEGACY_FILE_NAME)
  writeFileSync(legacyPath, await legacyWorkbook())
  session = await startRenderer()
  ;({ context, page, pageErrors } = await openApp(session))
  await setUpOrganisation(page)
})
afterAll(async () => {
  await context?.close()
  await session?.close()
  rmSync(files, { recursive: true, force: true })
})

async function openGuidedImport(): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import & export' }).click()
  await page.getByRole('link', { name: 'Import a register from a spreadsheet, step by step' }).click()
  await page.getByRole('heading', { name: 'Import a register from a spreadsheet' }).waitFor()
}

const chooseFileFor = (button: string, path: string) => chooseFile(page, button, path)

/** Leaves the guided import mid-way: the app asks first, since the mapping work would be lost. */
async function leaveImportUnderWay(): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import & export' }).click()
  await page.getByRole('dialog', { name: /^Leave the import of/ }).getByRole('button', { name: 'Leave the import' }).click()
  await page.getByRole('heading', { name: 'Import & export' }).waitFor()
}

async function chooseLegacyFile(): Promise<void> {
  await chooseFileFor('Choose a spreadsheet…', legacyPath)
  await page.getByRole('region', { name: 'Mapping of sheet Register' }).waitFor()
}

async function expectNoSeriousViolations(name: string): Promise<void> {
  // Toasts (sonner's) come and go; the page itself is what is checked here.
  await page.waitForFunction(() => document.querySelectorAll('[data-sonner-toast]').length === 0, null, { timeout: 20_000 })
  const violations = await seriousViolations(page)
  console.log(`axe ${name}: ${violations.length} serious/critical rules${violations.length ? ` — ${violations.map((violation) => `${violation.id}: ${violation.nodes.slice(0, 3).join(' | ')}`).join('; ')}` : ''}`)
  expect(violations).toEqual([])
}

/** Toasts slide in; a screenshot taken mid-slide shows them half drawn. */
async function toastsSettled(): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('[data-sonner-toast]')].every((toast) => getComputedStyle(toast).opacity === '1'))
}

/** Drops a file on the drop zone as a mouse user would, with the bytes given. */
async function dropFile(name: string, bytes: Uint8Array): Promise<void> {
  await page.getByTestId('dropzone').evaluate(
    (zone, { name, data }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(data)], name))
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    },
    { name, data: [...bytes] }
  )
}

describe('guided import of a legacy spreadsheet', () => {
  it('maps, previews and imports a legacy register all at once, each record keeping the cells it came from', async () => {
    await openGuidedImport()
    await expectNoSeriousViolations('guided import, choose')
    await chooseLegacyFile()

    // Each column: its heading cell, samples, and why its target was proposed.
    const mapping = page.getByRole('region', { name: 'Mapping of sheet Register' })
    const retention = mapping.getByRole('row').filter({ hasText: 'Register!G7' })
    expect(await retention.textContent()).toContain('6 years after employment ends')
    expect(await retention.textContent()).toContain("Retention: matched common English heading 'Retention'")
    expect(await page.getByLabel('Import “Retention” as').inputValue()).toBe('field:dataCategories[].retention')
    expect(await mapping.getByRole('row').filter({ hasText: 'Register!J7' }).textContent()).toContain('Keep as a note: no known heading matched: kept as a note, so that nothing is lost')

    // The DPO keeps the retention column as a note, and ignores the internal code, which asks why.
    await page.getByLabel('Import “Retention” as').selectOption('note')
    await page.getByLabel('Import “Internal code” as').selectOption('ignore')
    const next = page.getByRole('button', { name: 'Preview the records' })
    expect(await next.isDisabled()).toBe(true)
    expect(await page.getByRole('alert').filter({ hasText: 'Say why “Internal code” (Register) is ignored' }).count()).toBe(1)
    await page.getByLabel('Why is “Internal code” ignored? (required)').fill('internal cost-centre code, not register content')
    expect(await next.isDisabled()).toBe(false)

    // Saved under a name for the next file, and exported for the CLI's --mapping.
    await page.getByLabel('Mapping name').fill('Northwind 2021')
    await page.getByRole('button', { name: 'Save mapping' }).click()
    await page.getByText('Mapping saved as “Northwind 2021”').first().waitFor()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export mapping (.json)' }).click()
    await (await download).saveAs(mappingPath)
    const exported = parseMapping(JSON.parse(readFileSync(mappingPath, 'utf8')))
    if (!exported.ok) throw new Error(JSON.stringify(exported.problems))
    const columns = new Map(exported.mapping.sheets[0]!.columns.map((column) => [column.heading, column.target]))
    expect(columns.get('Internal code')).toEqual({ kind: 'ignore', reason: 'internal cost-centre code, not register content' })
    expect(columns.get('Retention')).toEqual({ kind: 'note' })
    expect(columns.get('Processing activity')).toEqual({ kind: 'field', field: 'name' })

    await mapping.evaluate((region) => region.scrollTo(0, 0))
    await page.evaluate(() => window.scrollTo(0, 0))
    await toastsSettled()
    await screenshot(page, 'migration-mapping')
    await expectNoSeriousViolations('guided import, mapping')

    // The preview: every record in words, its notes and findings, the row that cannot be a record, and the summary.
    await next.click()
    const records = page.getByRole('region', { name: 'Records to import' })
    await records.waitFor()
    const summary = page.getByRole('status', { name: 'Import summary' })
    expect(await summary.textContent()).toContain('2 records made from 3 rows read')
    expect(await summary.textContent()).toMatch(/2\s*ignored/)
    const skipped = page.getByRole('region', { name: 'Rows that cannot become records' })
    expect(await skipped.textContent()).toContain("'Register'!A10")
    expect(await skipped.textContent()).toContain('no name of the activity')
    expect(await skipped.textContent()).toContain('Half-finished row')
    const payroll = records.getByRole('article', { name: "'Register'!A8: Payroll" })
    const payrollText = await payroll.textContent()
    expect(payrollText).toContain('Reference in the old registerNW-01')
    expect(payrollText).toContain('Art. 6(1)(c) Legal obligation')
    expect(payrollText).toContain('HMRC (Not stated); PayCo GmbH (Processor)')
    expect(payrollText).toContain('Retention (Register!G8): 6 years after employment ends')
    expect(payrollText).not.toContain('X-17')
    expect(payrollText).toMatch(/\d+ findings? once imported/)

    // The contact block differs from the stored organisation: old → new, kept unless taken.
    const organisation = page.getByRole('group', { name: 'The file has a contact block that differs from your organisation profile' })
    const dpoEmail = organisation.getByRole('row').filter({ hasText: 'Data Protection Officer e-mail' })
    expect(await dpoEmail.textContent()).toContain('dpo@northwind.example')
    expect(await dpoEmail.textContent()).toContain('dpo-office@northwind.example')
    await dpoEmail.getByLabel('Take from file').check()
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'migration-preview')
    await expectNoSeriousViolations('guided import, preview')

    await page.getByRole('button', { name: 'Continue to confirm' }).click()
    await expectNoSeriousViolations('guided import, confirm')
    await page.getByRole('button', { name: 'Import 2 records' }).click()
    await page.getByRole('status').filter({ hasText: `Imported 2 records from ${LEGACY_FILE_NAME} as PA-0001–PA-0002, all drafts.` }).waitFor()
    await expectNoSeriousViolations('guided import, done')

    // Stored exactly as previewed: drafts at revision 1, with their previous reference, notes and evidence.
    const stored = (await storedRecords(page)).sort((a, b) => a.reference.localeCompare(b.reference))
    expect(stored.map((record) => [record.reference, record.name, record.previousReference, record.status, record.revision])).toEqual([
      ['PA-0001', 'Payroll', 'NW-01', 'draft', 1],
      ['PA-0002', 'Newsletter', 'NW-02', 'draft', 1]
    ])
    const storedPayroll = stored[0]!
    expect(storedPayroll.notes).toContain('Retention (Register!G8): 6 years after employment ends')
    expect(storedPayroll.dataCategories.map((category) => category.retention.mode)).toEqual(['unspecified', 'unspecified'])
    expect(storedPayroll.recipients.map((recipient) => [recipient.name, recipient.type])).toEqual([
      ['HMRC', 'not-stated'],
      ['PayCo GmbH', 'processor']
    ])
    expect(storedPayroll.importedFrom).toContainEqual({ file: LEGACY_FILE_NAME, sheet: 'Register', cell: 'C8', heading: 'Purpose', text: 'Pay salaries; Tax returns', field: 'purposes[].description' })
    expect(JSON.stringify(stored)).not.toContain('X-17')
    const tables = await readTables(page, ['auditLog', 'organisation'])
    const summaries = (tables.auditLog as AuditEntry[]).map((entry) => entry.summary)
    expect(summaries).toContain(`Imported 2 records from ${LEGACY_FILE_NAME} (PA-0001–PA-0002)`)
    expect(summaries).toContain(`Organisation profile updated from ${LEGACY_FILE_NAME}`)
    const storedOrganisation = tables.organisation[0] as Organisation
    expect(storedOrganisation.dpo.email).toBe('dpo-office@northwind.example')
    // Not taken: stays as it was.
    expect(storedOrganisation.controller.phone).toBe('')

    // The editor shows the previous reference, the notes and where each value came from.
    await page.getByRole('link', { name: 'Open PA-0001' }).click()
    await page.getByLabel('Previous reference').waitFor()
    expect(await page.getByLabel('Previous reference').inputValue()).toBe('NW-01')
    expect(await page.locator('#notes').getByLabel('Notes').inputValue()).toContain('Comments (Register!I8): Reviewed by HR in 2021')
    const purposes = page.locator('#purposes')
    await purposes.getByText('Show the spreadsheet cell').click()
    await purposes.getByText(`From ${LEGACY_FILE_NAME}, sheet Register, cell C8 (heading 'Purpose'): 'Pay salaries; Tax returns'`).waitFor()
    const identity = page.locator('#identity')
    await identity.getByText('Show the spreadsheet cell').first().click()
    await identity.getByText(`From ${LEGACY_FILE_NAME}, sheet Register, cell B8 (heading 'Processing activity'): 'Payroll'`).waitFor()
    expect(await page.getByRole('complementary', { name: 'Import origin' }).textContent()).toContain(`Imported from ${LEGACY_FILE_NAME}`)
    await purposes.scrollIntoViewIfNeeded()
    await screenshot(page, 'migration-editor-evidence')

    // The register's search finds a record by its old reference.
    await page.getByRole('link', { name: '← Register' }).click()
    await page.getByLabel('Search records').fill('NW-02')
    await expect.poll(async () => page.getByRole('table', { name: 'Register' }).getByRole('row').count()).toBe(2)
    expect(await page.getByRole('table', { name: 'Register' }).textContent()).toContain('Newsletter (was NW-02)')
    expect(pageErrors).toEqual([])
  })

  it('reuses the saved mapping, and stores nothing at all when the disk is full at confirm', async () => {
    await waitForShippedPacks(page)
    const before = JSON.stringify(await readTables(page, ['records', 'organisation', 'auditLog', 'meta']))
    await openGuidedImport()
    await chooseLegacyFile()
    // The saved mapping brings back the DPO's choices.
    await page.getByLabel('Saved mappings', { exact: true }).selectOption('Northwind 2021')
    await page.getByRole('button', { name: 'Apply saved mapping' }).click()
    await expect.poll(() => page.getByLabel('Import “Internal code” as').inputValue(), { timeout: 15_000 }).toBe('ignore')
    expect(await page.getByLabel('Why is “Internal code” ignored? (required)').inputValue()).toBe('internal cost-centre code, not register content')
    expect(await page.getByLabel('Import “Retention” as').inputValue()).toBe('note')
    // So does the exported file (as the CLI's --mapping reads it); a file that is not a mapping is refused by name.
    await page.getByLabel('Import “Retention” as').selectOption('field:dataCategories[].retention')
    const notMapping = join(files, 'not-a-mapping.json')
    writeFileSync(notMapping, '{"sheets": 3}')
    await chooseFileFor('Load a mapping file…', notMapping)
    await page.getByRole('alert').filter({ hasText: 'not-a-mapping.json is not a mapping; nothing was changed' }).waitFor()
    expect(await page.getByLabel('Import “Retention” as').inputValue()).toBe('field:dataCategories[].retention')
    await chooseFileFor('Load a mapping file…', mappingPath)
    await expect.poll(() => page.getByLabel('Import “Retention” as').inputValue(), { timeout: 15_000 }).toBe('note')
    await page.getByRole('button', { name: 'Preview the records' }).click()
    await page.getByRole('region', { name: 'Records to import' }).waitFor()
    await page.getByRole('button', { name: 'Continue to confirm' }).click()

    await page.evaluate(() => {
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
      const prototype = IDBObjectStore.prototype
      // eslint-disable-next-line @typescript-eslint/unbound-method -- put back onto the prototype, where they are called as methods
      const original = { add: prototype.add, put: prototype.put }
      Object.assign(window, { restoreDisk: () => Object.assign(prototype, original) })
      Object.assign(prototype, { add: full, put: full })
    })
    await page.getByRole('button', { name: 'Import 2 records' }).click()
    const problem = page.getByRole('alert').filter({ hasText: 'The import failed; nothing was stored' })
    await problem.waitFor()
    expect(await problem.textContent()).toContain('the disk or browser storage is full')
    await page.evaluate(() => (window as unknown as { restoreDisk: () => void }).restoreDisk())
    expect(JSON.stringify(await readTables(page, ['records', 'organisation', 'auditLog', 'meta']))).toBe(before)
    // Still on the confirm step, ready to try again.
    expect(await page.getByRole('button', { name: 'Import 2 records' }).isEnabled()).toBe(true)
    await leaveImportUnderWay()
    expect(pageErrors).toEqual([])
  })

  it('reads a dropped CSV in Windows-1252, and names the file when a dropped file cannot be read', async () => {
    const before = await storedRecords(page)
    await openGuidedImport()
    await dropFile('notes.txt', new TextEncoder().encode('not a spreadsheet'))
    await page.getByRole('alert').filter({ hasText: 'notes.txt is not a spreadsheet this import reads: choose an .xlsx, .ods or .csv file' }).waitFor()
    await dropFile('broken.xlsx', new TextEncoder().encode('this is not a zip'))
    const broken = page.getByRole('alert').filter({ hasText: 'broken.xlsx cannot be imported; nothing was stored' })
    await broken.waitFor()
    expect(await broken.textContent()).toContain('broken.xlsx')
    await dropFile('adherents.csv', new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/legacy/adherents-windows1252.csv'))))
    const mapping = page.getByRole('region', { name: 'Mapping of sheet adherents' })
    await mapping.waitFor()
    expect(await mapping.getByRole('row').filter({ hasText: 'Durées de conservation' }).textContent()).toContain('3 ans après la fin de l’adhésion')
    expect(await mapping.getByRole('row').filter({ hasText: 'Finalité(s) du traitement' }).textContent()).toContain("matched CNIL heading")
    // Fiches: one activity per sheet, picked sheet by sheet, the layout explained.
    await page.getByRole('button', { name: 'Choose another file' }).click()
    await dropFile('cnil-fiches.ods', new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/legacy/cnil-fiches.ods'))))
    await page.getByRole('region', { name: 'Mapping of sheet Fiche 1 - Paie' }).waitFor()
    expect(await page.getByText('is a fiche: one processing activity on the sheet').textContent()).toContain('labels in column A and their values in column B')
    await page.getByLabel('Sheet', { exact: true }).selectOption('Fiche 2 - Prospection')
    await page.getByRole('region', { name: 'Mapping of sheet Fiche 2 - Prospection' }).waitFor()
    await page.getByLabel('Import sheet “Fiche 2 - Prospection”').uncheck()
    await page.getByRole('button', { name: 'Preview the records' }).click()
    expect(await page.getByRole('status', { name: 'Import summary' }).textContent()).toContain('Sheets you chose not to import: “Fiche 2 - Prospection”')
    expect(await page.getByRole('region', { name: 'Records to import' }).getByRole('article').count()).toBe(1)
    // Reading and mapping store nothing.
    expect(await storedRecords(page)).toEqual(before)
    await leaveImportUnderWay()
    expect(pageErrors).toEqual([])
  })

  it('asks before leaving an import under way, keeps the mapping on "Stay", and leaves with nothing stored', async () => {
    const before = await storedRecords(page)
    await openGuidedImport()
    await chooseLegacyFile()
    await page.getByLabel('Import “Retention” as').selectOption('note')
    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByRole('link', { name: 'Register' }).click()
    const dialog = page.getByRole('dialog', { name: `Leave the import of ${LEGACY_FILE_NAME}?` })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Nothing has been imported')
    await screenshot(page, 'migration-leave-dialog')
    await dialog.getByRole('button', { name: 'Stay' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(await page.getByLabel('Import “Retention” as').inputValue()).toBe('note')
    await nav.getByRole('link', { name: 'Register' }).click()
    await dialog.getByRole('button', { name: 'Leave the import' }).click()
    await page.getByRole('heading', { name: 'Register of processing activities' }).waitFor()
    expect(await storedRecords(page)).toEqual(before)
    expect(pageErrors).toEqual([])
  })
})
