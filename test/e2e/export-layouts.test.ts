/**
 * The export page's register layout (issue #13) in Chromium: the CNIL and DSK workbooks and the
 * DSK CSV, written by the browser build's worker and downloaded, are read back in Node: sheet
 * names, register headings cell by cell, and an exact re-import from the Data sheet.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackup, serialiseBackup } from '@core/backup/backup-format'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'
import { storedRecordSchema } from '@core/records/model'
import { REGISTER_LAYOUTS } from '@core/workbook/layouts'
import { recordText } from '@core/workbook/layouts/record-text'
import { readWorkbook, recordsToImport } from '@core/workbook/read-workbook'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'

const files = mkdtempSync(join(tmpdir(), 'ropa-e2e-layouts-'))
const records = generateDemoRegister(12, 9).map((record) => storedRecordSchema.parse(record))
const backup = createBackup({ exportedAt: '2026-04-01T09:00:00.000Z', appVersion: 'e2e', organisation: demoOrganisation(), userProfile: { name: 'Dana Fischer', role: 'DPO' }, records, auditLog: [], vendors: [], packs: [] })

let session: RendererSession
let context: BrowserContext
let page: Page
let pageErrors: string[]

async function download(button: string, name: string): Promise<Uint8Array> {
  const started = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  const path = join(files, name)
  await (await started).saveAs(path)
  return new Uint8Array(readFileSync(path))
}

beforeAll(async () => {
  session = await startRenderer()
  ;({ context, page, pageErrors } = await openApp(session))
  await page.getByLabel('Your name').fill('Dana Fischer')
  await page.getByLabel('Your role').fill('Data Protection Officer')
  await page.locator('fieldset', { hasText: 'Controller — Art. 30(1)(a)' }).getByLabel('Organisation name').fill('Placeholder Ltd')
  await page.getByRole('button', { name: 'Save and open the register' }).click()
  await page.getByRole('heading', { name: 'Register of processing activities' }).waitFor()
  await page.getByRole('link', { name: 'Import & export' }).click()
  const path = join(files, 'backup.json')
  writeFileSync(path, serialiseBackup(backup))
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Restore from a backup file…' }).click()
  await (await chooser).setFiles(path)
  await page.getByRole('region', { name: 'Backup to restore' }).getByRole('button', { name: 'Replace the register with this backup…' }).click()
  await page.getByRole('button', { name: 'Replace with the backup' }).click()
  await page.getByText('Restored 12 records').waitFor()
})
afterAll(async () => {
  await context?.close()
  await session?.close()
  rmSync(files, { recursive: true, force: true })
})

describe('the export page\'s register layout', () => {
  it.each(['cnil', 'dsk'] as const)('exports the %s layout from the browser build, in its language, and it re-imports exactly', async (layout) => {
    await page.getByLabel('Register layout').selectOption(layout)
    if (layout === 'cnil') {
      await page.getByLabel('Register layout').scrollIntoViewIfNeeded()
      await screenshot(page, 'export-layout-cnil')
    }
    const bytes = await download('Export workbook (.xlsx)', `${layout}.xlsx`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const model = REGISTER_LAYOUTS[layout]
    expect(workbook.worksheets.slice(1, 3).map((sheet) => sheet.name)).toEqual([model.controller.sheet, model.processor.sheet])
    const headings = model.controller.columns(recordText(model.locale)).map((column) => column.header)
    const row = workbook.worksheets[1]!.getRow(2)
    expect(headings.map((_, index) => String(row.getCell(index + 1).value))).toEqual(headings)
    expect(workbook.worksheets[0]!.name).toBe(layout === 'cnil' ? 'Page de garde' : 'Deckblatt')
    const read = await readWorkbook(bytes, [])
    expect(read.ok && recordsToImport(read.preview).length).toBe(12)
    expect(pageErrors).toEqual([])
  })

  it('writes the CSV with the chosen layout\'s headings', async () => {
    await page.getByLabel('Register layout').selectOption('dsk')
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await download('Export CSV', 'register.csv'))
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFLfd\. Nr\.,Bezeichnung der Verarbeitungstätigkeit,/)
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(13)
  })
})
