/**
 * Import & export end to end in Chromium (browser build): restore a demo register through the
 * UI, export it as .xlsx and CSV through real downloads and read them back in Node, re-import
 * the workbook, refuse bad files without touching IndexedDB, and back up / restore.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackup, serialiseBackup, type Backup } from '@core/backup/backup-format'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'
import { storedRecordSchema, type StoredRecord } from '@core/records/model'
import { SHEET } from '@core/workbook/columns'
import { CONTROLLER_COLUMNS } from '@core/workbook/register-sheets'
import { readWorkbook } from '@core/workbook/read-workbook'
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'
import { installedPackRow } from '../fixtures/templates/installed-pack'
import { exportData } from '../fixtures/workbooks/sample-register'
import { workbookWithSheet, zipOf } from '../fixtures/workbooks/zip-of'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'
import { chooseFile } from './app-steps'
import { readTables } from './stored-tables'

const HOSTILE = '=HYPERLINK("http://evil.example","click")'
const QUOTE = 'We share your email address with our payment processor to send receipts.'
const files = mkdtempSync(join(tmpdir(), 'ropa-e2e-export-'))

const vendor = {
  id: 'vendor-stripe',
  name: 'Stripe Payments Europe Ltd',
  packId: 'stripe',
  legalEntities: ['Stripe Payments Europe Ltd', 'Stripe, Inc.'],
  privacyContact: 'privacy@stripe.example',
  dpoContact: 'dpo@stripe.example',
  euRepresentative: '',
  controllerFor: ['fraud prevention'],
  processorFor: ['payment processing'],
  notes: 'DPA signed 2025-03'
}

/** A demo register with a hostile name, template evidence and a vendor, as a backup file. */
function demoBackup(): Backup {
  const records = generateDemoRegister(30, 5).map((record) => storedRecordSchema.parse(record))
  records[0] = { ...records[0]!, role: 'controller', name: HOSTILE }
  records[1] = {
    ...records[1]!,
    origin: { packId: 'stripe', packVersion: '1.2.0', activityId: 'receipts' },
    evidence: [{ field: 'purposes', quotes: [QUOTE], note: 'Section 4 of the policy' }],
    recipients: [{ id: 'r-stripe', name: 'Stripe', type: 'processor', vendorId: vendor.id, contractReference: 'DPA-7', notes: '' }]
  }
  return createBackup({
    exportedAt: '2026-04-01T09:00:00.000Z',
    appVersion: 'e2e',
    organisation: demoOrganisation(),
    userProfile: { name: 'Dana Fischer', role: 'Data Protection Officer' },
    records,
    auditLog: [],
    vendors: [vendor],
    packs: []
  })
}

/** The demo backup with one pack row (a minimal pack of your own), as JSON, after `edit` (e.g. a field removed, as an older or hand-edited file has). */
function backupWithPack(edit: (row: any) => void): unknown {
  const row = JSON.parse(JSON.stringify(installedPackRow('acme-crm', '1.0.0')))
  edit(row)
  return { ...JSON.parse(serialiseBackup(backup)), packs: [row] }
}

function writeFile(name: string, content: string | Uint8Array): string {
  const path = join(files, name)
  writeFileSync(path, content)
  return path
}

/** Every table the app stores, read straight from IndexedDB, as one string to compare. */
async function storedData(page: Page): Promise<string> {
  return JSON.stringify(await readTables(page, ['records', 'organisation', 'auditLog', 'meta', 'vendors', 'packs']))
}

function storedRecords(page: Page): Promise<StoredRecord[]> {
  return storedData(page).then((text) => (JSON.parse(text) as { records: StoredRecord[] }).records)
}

/** The automatic backups the browser host keeps in its own IndexedDB database. */
function automaticBackups(page: Page): Promise<Array<{ name: string; reason: string }>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('ropa-automatic-backups')
        open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'))
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('backups')) return resolve([])
          const request = db.transaction('backups').objectStore('backups').getAll()
          request.onsuccess = () => {
            db.close()
            resolve(request.result)
          }
        }
      })
  )
}

async function download(page: Page, button: string, name: string): Promise<Uint8Array> {
  const started = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  const file = await started
  const path = join(files, name)
  await file.saveAs(path)
  return new Uint8Array(readFileSync(path))
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}

function coverValues(workbook: ExcelJS.Workbook): Map<string, unknown> {
  const values = new Map<string, unknown>()
  workbook.getWorksheet(SHEET.cover)!.eachRow((row) => values.set(`${row.getCell(1).value}/${row.getCell(2).value}`, row.getCell(3).value))
  return values
}

/** Records as the app's workbook carries them (its Data sheet), read with the core importer. */
async function workbookRecords(bytes: Uint8Array): Promise<StoredRecord[]> {
  const result = await readWorkbook(bytes, [])
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.preview.rows.map((row) => row.record!)
}

async function restoreFrom(page: Page, path: string, records: number): Promise<void> {
  await chooseFile(page, 'Restore from a backup file…', path)
  const summary = page.getByRole('region', { name: 'Backup to restore' })
  await expect.poll(() => summary.textContent()).toContain(`Records${records.toLocaleString('en-US')}`)
  await summary.getByRole('button', { name: 'Replace the register with this backup…' }).click()
  await page.getByRole('button', { name: 'Replace with the backup' }).click()
  await page.getByText(`Restored ${records.toLocaleString('en-US')} records`).waitFor()
}

let session: RendererSession
let context: BrowserContext
let page: Page
let pageErrors: string[]
const backup = demoBackup()

beforeAll(async () => {
  session = await startRenderer()
  ;({ context, page, pageErrors } = await openApp(session))
  await page.getByLabel('Your name').fill('Dana Fischer')
  await page.getByLabel('Your role').fill('Data Protection Officer')
  await page.locator('fieldset', { hasText: 'Controller — Art. 30(1)(a)' }).getByLabel('Organisation name').fill('Placeholder Ltd')
  await page.getByRole('button', { name: 'Save and open the register' }).click()
  await page.getByRole('heading', { name: 'Register of processing activities' }).waitFor()
})
afterAll(async () => {
  await context?.close()
  await session?.close()
  rmSync(files, { recursive: true, force: true })
})

describe('import, export, backup and restore in the browser build', () => {
  it('restores a demo register from a backup file through the page, keeping an automatic copy of what was there', async () => {
    await page.getByRole('link', { name: 'Import & export' }).click()
    await page.getByRole('heading', { name: 'Import & export' }).waitFor()
    await restoreFrom(page, writeFile('demo-backup.json', serialiseBackup(backup)), 30)
    const stored = await storedRecords(page)
    expect(stored).toHaveLength(30)
    expect(stored.find((record) => record.reference === 'PA-0001')?.name).toBe(HOSTILE)
    expect((await automaticBackups(page)).map((entry) => entry.reason)).toEqual(['before-restore'])
    await expect.poll(() => page.getByRole('table', { name: 'Automatic backups' }).textContent()).toContain('Before a restore')
    // The organisation in the top bar is the restored one.
    await page.getByText('Example Trading Ltd').first().waitFor()
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'export-page')
    expect(pageErrors).toEqual([])
  })

  let exported: Uint8Array
  it('exports the whole register as a workbook an auditor can read, with a hostile value as text', async () => {
    exported = await download(page, 'Export workbook (.xlsx)', 'export-1.xlsx')
    const workbook = await loadWorkbook(exported)
    const cover = coverValues(workbook)
    expect(cover.get('Controller/Name')).toBe('Example Trading Ltd')
    expect(cover.get('Export/Filters applied')).toBe('None: the whole register')
    expect(cover.get('Export/Records')).toBe(30)

    const register = workbook.getWorksheet(SHEET.controller)!
    expect(register.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 1 })
    expect(register.autoFilter).toBe(`A2:AF${register.rowCount}`)
    expect(register.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ['Lists!$B$2:$B$5'] })
    const hostile = register.getCell('B3')
    expect(register.getCell('A3').value).toBe('PA-0001')
    expect(hostile.type).toBe(ExcelJS.ValueType.String)
    // Shown as typed (no apostrophe); the quote-prefix style keeps it text.
    expect(hostile.value).toBe(HOSTILE)
    expect(hostile.numFmt).toBe('@')
    // A whole row of a stored record, column by column, as labels.
    const record = backup.records.find((candidate) => candidate.role !== 'processor' && candidate.reference !== 'PA-0001')!
    const row = (() => {
      for (let index = 3; index <= register.rowCount; index++) if (register.getCell(index, 1).value === record.reference) return register.getRow(index)
      throw new Error(`${record.reference} is not on the controller register`)
    })()
    CONTROLLER_COLUMNS.forEach((column, index) => {
      const expected = column.value(record)
      expect([column.header, row.getCell(index + 1).value ?? '']).toEqual([column.header, expected])
    })

    const vendors = workbook.getWorksheet(SHEET.vendors)!
    // The shipped packs' vendors are listed too; the restored one is found by its id.
    const stripeRow = (() => {
      for (let index = 2; index <= vendors.rowCount; index++) if (vendors.getCell(index, 1).value === 'vendor-stripe') return vendors.getRow(index)
      throw new Error('vendor-stripe is not on the Vendors sheet')
    })()
    expect((stripeRow.values as unknown[]).slice(1, 5)).toEqual(['vendor-stripe', 'Stripe Payments Europe Ltd', 'Stripe Payments Europe Ltd\nStripe, Inc.', 'privacy@stripe.example'])
    expect(stripeRow.getCell(11).value).toBe('PA-0002')
    const evidence = workbook.getWorksheet(SHEET.evidence)!
    const evidenceHeadings = (evidence.getRow(1).values as unknown[]).slice(1)
    const evidenceCell = (header: string) => evidence.getRow(2).getCell(evidenceHeadings.indexOf(header) + 1).value
    expect(['Reference', 'Processing activity', 'Kind', 'Field', 'Template pack', 'Pack version', 'Template activity', 'Quote from the source (verbatim)'].map(evidenceCell)).toEqual([
      'PA-0002',
      backup.records[1]!.name,
      'Evidence',
      'Purposes',
      'stripe',
      '1.2.0',
      'receipts',
      QUOTE
    ])
    // The pack is not installed in this register: said, not invented.
    expect(evidenceCell('Note')).toBe('Section 4 of the policy\nPack stripe version 1.2.0 is not installed, so its policy is not named here')
  })

  it('exports the register as CSV with a UTF-8 byte-order mark and one row per activity', async () => {
    const csv = await download(page, 'Export CSV', 'export.csv')
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv)
    const lines = text.split('\r\n').filter(Boolean)
    expect(lines).toHaveLength(31)
    expect(lines[0]).toMatch(/^\uFEFFReference,Processing activity,Status,Role,/)
    expect(lines[1]).toMatch(/^PA-0001,"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)",/)
  })

  it('re-imports its own workbook: every row an update with nothing to change, and export → import → export keeps every field', async () => {
    const before = await storedRecords(page)
    await chooseFile(page, 'Choose a workbook…', join(files, 'export-1.xlsx'))
    const preview = page.getByRole('region', { name: 'Import preview' })
    await preview.waitFor()
    await expect.poll(() => page.locator('.import-preview .counts').textContent()).toContain('Update 30 (30 with nothing to change)')
    expect(await preview.locator('tbody tr').count()).toBe(30)
    await expect.poll(() => preview.locator('tbody tr').first().textContent()).toContain('identical to the stored record: nothing changes')
    await page.getByRole('heading', { name: /Preview of export-1\.xlsx/ }).scrollIntoViewIfNeeded()
    await page.evaluate(() => window.scrollBy(0, 280))
    await screenshot(page, 'import-preview')
    await page.getByRole('button', { name: 'Import 30 records' }).click()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByText('Imported 30 records from export-1.xlsx').waitFor()
    const after = await storedRecords(page)
    const byId = (records: StoredRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id))
    expect(byId(after)).toEqual(byId(before))

    const again = await download(page, 'Export workbook (.xlsx)', 'export-2.xlsx')
    const [first, second] = [await workbookRecords(exported), await workbookRecords(again)]
    expect(second).toHaveLength(30)
    second.forEach((record, index) => {
      for (const field of Object.keys(record) as Array<keyof StoredRecord>) expect([record.reference, field, record[field]]).toEqual([first[index]!.reference, field, first[index]![field]])
    })
  })

  it('imports an ICO-style sheet as a new activity, and exports the current view with its filters on the Cover', async () => {
    // An ICO-style sheet: one new activity.
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('RoPA')
    sheet.addRow(['Name of processing activity', 'Purpose of processing', 'Categories of individuals', 'Article 6 lawful basis', 'Retention schedule'])
    sheet.addRow(['Visitor Wi-Fi', 'Offer guests internet access', 'Visitors', 'Legitimate interests', '30 days'])
    await chooseFile(page, 'Choose a workbook…', writeFile('ico.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer())))
    await expect.poll(() => page.locator('.import-preview .counts').textContent()).toMatch(/New 1/)
    await page.getByRole('button', { name: 'Import 1 record' }).click()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByText('Imported 1 record from ico.xlsx').waitFor()
    const stored = await storedRecords(page)
    expect(stored.find((record) => record.name === 'Visitor Wi-Fi')).toMatchObject({ reference: 'PA-0031', purposes: [{ description: 'Offer guests internet access', lawfulBasis: 'f' }] })

    // The imported record (kept frozen in memory since it was validated) opens and edits like any other.
    await page.getByRole('link', { name: 'Register', exact: true }).click()
    await page.getByLabel('Search records').fill('Visitor Wi-Fi')
    await page.locator('.table__body [role="row"]').filter({ hasText: 'Visitor Wi-Fi' }).click()
    await page.getByLabel('Owner').fill('Facilities')
    await page.getByRole('button', { name: 'Add purpose' }).click()
    await page.locator('#purposes').getByLabel('Purpose', { exact: true }).last().fill('Keep the guest network secure')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: /Saved at/ }).count()).toBe(1)
    expect((await storedRecords(page)).find((record) => record.reference === 'PA-0031')).toMatchObject({
      owner: 'Facilities',
      purposes: [{ description: 'Offer guests internet access' }, { description: 'Keep the guest network secure' }]
    })
    await page.getByRole('link', { name: 'Register', exact: true }).click()
    await page.getByLabel('Search records').fill('')

    await page.getByRole('link', { name: 'Register', exact: true }).click()
    await page.getByLabel('Role').selectOption('processor')
    const processors = backup.records.filter((record) => record.role === 'processor' && record.status !== 'archived').length
    await page.getByRole('link', { name: 'Import & export' }).click()
    await page.getByRole('radio', { name: /current view/ }).check()
    await expect.poll(() => page.locator('.choice').textContent()).toContain('role: Processor; archived records left out')
    const view = await loadWorkbook(await download(page, 'Export workbook (.xlsx)', 'view.xlsx'))
    const cover = coverValues(view)
    expect(cover.get('Export/Filters applied')).toBe('Register view — role: Processor; archived records left out')
    expect(cover.get('Export/Records')).toBe(processors)
    expect(view.getWorksheet(SHEET.controller)!.rowCount).toBe(2)
    await page.getByRole('radio', { name: /whole register/ }).check()
  })

  it.each([
    ['a corrupted .xlsx', 'Choose a workbook…', () => writeFile('corrupted.xlsx', new Uint8Array(exported.slice(0, 4000))), /corrupted\.xlsx is damaged: the zip archive has no central directory/],
    ['a zip bomb', 'Choose a workbook…', () => writeFile('bomb.xlsx', zipOf('xl/worksheets/sheet1.xml', new Uint8Array(50 * 1024 * 1024))), /looks like a zip bomb/],
    ['a workbook with no recognisable headings', 'Choose a workbook…', async () => {
      const workbook = new ExcelJS.Workbook()
      workbook.addWorksheet('Shopping').addRows([['Item', 'Price'], ['Milk', 1]])
      return writeFile('shopping.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()))
    }, /no recognisable register headings .*'Shopping'/],
    ['a backup from a newer app', 'Restore from a backup file…', () => writeFile('future.json', serialiseBackup({ ...backup, formatVersion: 7 as 1 })), /made by a newer version of the app \(backup format 7/],
    ['a truncated backup', 'Restore from a backup file…', () => writeFile('truncated.json', serialiseBackup(backup).slice(0, 5000)), /the backup file is incomplete/],
    ['a backup whose pack row has an unknown role', 'Restore from a backup file…', () => writeFile('unknown-role.json', JSON.stringify(backupWithPack((row) => (row.pack.activities[0].role = 'owner')))), /\$\.packs\[0\]\.pack\.activities\[0\]\.role/]
  ])('refuses %s with a message, and stores nothing', async (_name, button, make, message) => {
    const path = await make()
    const before = await storedData(page)
    await chooseFile(page, button, path)
    const section = page.getByRole('region', { name: button.startsWith('Restore') ? 'Backup and restore' : 'Import a workbook' })
    const alert = section.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(message)
    expect(await alert.textContent()).toMatch(/nothing was (stored|changed)/)
    expect(await storedData(page)).toBe(before)
    expect(pageErrors).toEqual([])
  })

  /** Starts a timer on the page that records the longest gap between its ticks: a frozen page has long gaps. */
  async function watchPageResponsiveness(): Promise<() => Promise<number>> {
    await page.evaluate(() => {
      const state = { last: performance.now(), longest: 0, timer: 0 }
      state.timer = window.setInterval(() => {
        const now = performance.now()
        state.longest = Math.max(state.longest, now - state.last)
        state.last = now
      }, 20)
      ;(window as unknown as { __responsiveness: typeof state }).__responsiveness = state
    })
    return () =>
      page.evaluate(() => {
        const state = (window as unknown as { __responsiveness: { longest: number; timer: number } }).__responsiveness
        window.clearInterval(state.timer)
        return state.longest
      })
  }

  it('refuses a 6 KB workbook declaring 99,999,999,999 columns at once, naming the file and the problem, while the page keeps answering', async () => {
    const hostile = workbookWithSheet('<cols><col min="1" max="99999999999" width="9"/></cols><sheetData/>', 'Sheet1')
    expect(hostile.length).toBeLessThan(6 * 1024)
    const before = await storedData(page)
    const longestGap = await watchPageResponsiveness()
    const started = Date.now()
    await chooseFile(page, 'Choose a workbook…', writeFile('invoice.xlsx', hostile))
    const alert = page.getByRole('region', { name: 'Import a workbook' }).getByRole('alert')
    await alert.waitFor()
    const refusedAfter = Date.now() - started
    expect(await alert.textContent()).toMatch(/invoice\.xlsx cannot be imported; nothing was stored/)
    expect(await alert.textContent()).toMatch(/invoice\.xlsx: sheet 'Sheet1' declares columns 1 to 99,999,999,999 .*a sheet has at most 16,384 columns/)
    // The page still takes clicks: the export scope switches and switches back.
    await page.getByRole('radio', { name: /current view/ }).check()
    expect(await page.getByRole('radio', { name: /current view/ }).isChecked()).toBe(true)
    await page.getByRole('radio', { name: /whole register/ }).check()
    const gap = await longestGap()
    console.log(`hostile workbook refused in ${refusedAfter} ms (file chooser to message); longest pause of the page: ${Math.round(gap)} ms`)
    expect(refusedAfter).toBeLessThan(5000)
    expect(gap).toBeLessThan(1000)
    await alert.scrollIntoViewIfNeeded()
    await screenshot(page, 'import-hostile-refused')
    expect(await storedData(page)).toBe(before)
    expect(pageErrors).toEqual([])
  })

  it('reads a large workbook off the page: the page keeps answering while it reads, and "Stop reading" stops it with nothing stored', async () => {
    const large = await writeWorkbookBuffer(exportData(generateDemoRegister(1500, 9).map((record) => storedRecordSchema.parse(record))))
    const before = await storedData(page)
    const longestGap = await watchPageResponsiveness()
    await chooseFile(page, 'Choose a workbook…', writeFile('large.xlsx', large))
    const status = page.getByRole('status').filter({ hasText: /Checking the file|Unpacking the sheets|Reading the rows|Opening large\.xlsx/ })
    await status.waitFor()
    await page.getByRole('progressbar', { name: 'Reading large.xlsx' }).waitFor()
    await screenshot(page, 'import-reading')
    // A click during the read is answered at once.
    const clicked = Date.now()
    await page.getByRole('radio', { name: /current view/ }).check()
    const clickAnswered = Date.now() - clicked
    await page.getByRole('radio', { name: /whole register/ }).check()
    await page.getByRole('button', { name: 'Stop reading' }).click()
    await page.getByText('Stopped reading large.xlsx; nothing was stored').waitFor()
    await status.waitFor({ state: 'detached' })
    const gap = await longestGap()
    console.log(`large workbook (${Math.round(large.length / 1024)} KB): click answered in ${clickAnswered} ms while reading; longest pause of the page: ${Math.round(gap)} ms`)
    expect(gap).toBeLessThan(1000)
    expect(await storedData(page)).toBe(before)
    expect(await page.getByRole('button', { name: 'Choose a workbook…' }).isEnabled()).toBe(true)
    expect(pageErrors).toEqual([])
  })

  it('verifies an exported workbook on the page, and names the cell of an edit in a copy', async () => {
    await chooseFile(page, 'Verify a workbook…', join(files, 'export-1.xlsx'))
    const section = page.getByRole('region', { name: 'Verify a workbook' })
    await section.getByText('export-1.xlsx is unchanged since export').waitFor()
    expect(await section.textContent()).toMatch(/Fingerprint of the whole export: [0-9a-f]{64}/)
    const workbook = await loadWorkbook(exported)
    workbook.getWorksheet(SHEET.controller)!.getCell('B4').value = 'Renamed in the spreadsheet'
    await chooseFile(page, 'Verify a workbook…', writeFile('edited.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer())))
    const alert = section.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/edited\.xlsx is not the workbook as exported: 1 difference/)
    expect(await alert.textContent()).toContain("'Controller register'!B4 changed since export")
    await alert.scrollIntoViewIfNeeded()
    await screenshot(page, 'verify-workbook')
    expect(pageErrors).toEqual([])
  })

  it('shows the workbook\'s organisation profile old → new on import, and restores it with the records only when asked', async () => {
    const organisation = { ...demoOrganisation(), controller: { ...demoOrganisation().controller, name: 'Example Trading Group plc' }, dpo: { ...demoOrganisation().dpo, email: 'privacy-office@example.org' } }
    const bytes = await writeWorkbookBuffer({ ...exportData(await storedRecords(page)), organisation })
    await chooseFile(page, 'Choose a workbook…', writeFile('other-organisation.xlsx', bytes))
    const changes = page.getByRole('region', { name: 'Organisation profile in the workbook' })
    await changes.waitFor()
    const rows = await changes.locator('tbody tr').allTextContents()
    expect(rows).toEqual(['Controller: nameExample Trading LtdExample Trading Group plc', 'Data protection officer: e-maildpo@example.orgprivacy-office@example.org'])
    await changes.scrollIntoViewIfNeeded()
    await screenshot(page, 'import-organisation')
    await changes.getByRole('checkbox').check()
    await page.getByRole('button', { name: /and the organisation profile$/ }).click()
    await page.getByRole('dialog').getByText(/The organisation profile is replaced with the workbook's \(2 changes/).waitFor()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByText(/and the organisation profile from other-organisation\.xlsx/).waitFor()
    const stored = (await readTables(page, ['organisation'])) as { organisation: Array<{ controller: { name: string }; dpo: { email: string } }> }
    expect(stored.organisation[0]).toMatchObject({ controller: { name: 'Example Trading Group plc' }, dpo: { email: 'privacy-office@example.org' } })
    expect(pageErrors).toEqual([])
  })

  it('backs up, and a restore brings back exactly the data of the backup, with the state before it kept', async () => {
    const file = await download(page, 'Back up now (.json)', 'backup.json')
    await expect.poll(() => page.getByTestId('last-backup').textContent()).toMatch(/Last backup: .*today.*saved as ropa-backup-\d{4}-\d{2}-\d{2}\.json/)
    const before = await storedRecords(page)

    // Change something: delete the hostile record through the editor.
    const target = before.find((record) => record.reference === 'PA-0001')!
    await page.evaluate((id) => (window.location.hash = `#/records/${id}`), target.id)
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByRole('button', { name: 'Delete record' }).click()
    await expect.poll(async () => (await storedRecords(page)).length).toBe(before.length - 1)

    await page.getByRole('link', { name: 'Import & export' }).click()
    await restoreFrom(page, join(files, 'backup.json'), before.length)
    const after = await storedRecords(page)
    expect(after.find((record) => record.id === target.id)).toEqual(target)
    expect(after.sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sort((a, b) => a.id.localeCompare(b.id)))
    // Two restores, two copies of what was there before each.
    expect((await automaticBackups(page)).map((entry) => entry.reason)).toEqual(['before-restore', 'before-restore'])
    expect(JSON.parse(new TextDecoder().decode(file)).records).toHaveLength(before.length)
    expect(pageErrors).toEqual([])
  })

  it('restores a backup whose pack row lacks defaulted fields with the defaults filled in: the pack page shows the pack instead of going blank', async () => {
    const withPack = backupWithPack((row) => {
      delete row.sourceText
      for (const key of ['gaps', 'dataSubjects', 'dataCategories', 'recipients', 'transfers', 'subProcessors', 'specialCategories']) delete row.pack.activities[0][key]
      delete row.pack.vendor.controllerFor
    })
    await page.getByRole('link', { name: 'Import & export' }).click()
    await restoreFrom(page, writeFile('pack-without-defaults.json', JSON.stringify(withPack)), 30)
    await page.evaluate(() => (window.location.hash = '#/templates/acme-crm'))
    await page.getByRole('heading', { level: 1, name: /Acme Ltd/ }).waitFor()
    await page.getByText('Customer relationship management', { exact: true }).waitFor()
    await screenshot(page, 'pack-page-after-restore')
    expect(pageErrors).toEqual([])
  })

  it('writes a 2,000-activity workbook in a worker with progress, the page never blocked for a second', async () => {
    const large = createBackup({ ...backup, records: generateDemoRegister(2000, 11).map((record) => storedRecordSchema.parse(record)), vendors: [], packs: [] })
    await page.getByRole('link', { name: 'Import & export' }).click()
    await restoreFrom(page, writeFile('large-backup.json', serialiseBackup(large)), 2000)
    await page.evaluate(() => {
      const state = { longTasks: [] as number[] }
      new PerformanceObserver((list) => state.longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask' })
      ;(window as unknown as { __longTasks: typeof state }).__longTasks = state
    })
    const started = Date.now()
    const downloaded = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export workbook (.xlsx)' }).click()
    await page.getByRole('progressbar', { name: 'Export progress' }).waitFor()
    await screenshot(page, 'export-progress')
    const file = await downloaded
    const elapsed = Date.now() - started
    const path = join(files, 'large.xlsx')
    await file.saveAs(path)
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: { longTasks: number[] } }).__longTasks.longTasks)
    console.log(`browser export of 2,000 activities: ${elapsed} ms; long tasks on the page: ${longTasks.length} (longest ${Math.round(Math.max(0, ...longTasks))} ms)`)
    // Reading, checking and writing are off the page (written on the page it was one task of several
    // seconds). The page here is still settling after the restore of 2,000 records, on a shared machine:
    // \`npm run bench\` measures the target (no task over 100 ms) from a settled page.
    expect(Math.max(0, ...longTasks)).toBeLessThan(1000)
    const workbook = await loadWorkbook(new Uint8Array(readFileSync(path)))
    expect(workbook.getWorksheet(SHEET.cover)!.getCell('C2').value).toBe('ropa-manager workbook, format 1')
    expect(pageErrors).toEqual([])
  }, 240_000)
})
