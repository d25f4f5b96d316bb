/**
 * Compliance checks, review workflow and audit trail end to end in Chromium: a record made
 * from a shipped template pack with one gap left open shows the finding next to its field and
 * in the panel; fixing the field clears it; approval is refused while an error remains (and
 * under "separate approver" for the last editor) and allowed after; the register's health
 * column and finding filter; the dashboard; and a tampered audit entry found by "Verify".
 */
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addMonths } from '@core/checks/dates'
import { toFormFieldPath } from '@core/checks/finding'
import { checkRecord } from '@core/checks/run-checks'
import { generateDemoRegister } from '@core/demo/demo-register'
import type { RecordForm, StoredRecord } from '@core/records/model'
import { recordFromActivity } from '@core/templates/instantiate'
import { validatePackText } from '@core/templates/validate-pack'
import { SHEET } from '@core/workbook/columns'
import { setUpOrganisation } from './app-steps'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'
import { readTables } from './stored-tables'

const PACK_FILE = resolve(import.meta.dirname, '../../templates/kaltura.json')
const ACTIVITY = 'websites-business-transfer'

let session: RendererSession
beforeAll(async () => {
  session = await startRenderer()
})
afterAll(async () => {
  await session?.close()
})

/**
 * The template's draft as a DPO would have it after deciding every gap but one: retention,
 * transfers and security are filled in and those open items resolved; purpose 1's lawful
 * basis is still open. The checks must then find exactly one error, about that field.
 */
function draftWithOneGap(): { form: RecordForm; pack: ReturnType<typeof loadPack> } {
  const pack = loadPack()
  const form = recordFromActivity(pack, ACTIVITY, 'vendor-as-is')
  if (form.dataCategories.length === 0) form.dataCategories = [{ id: 'category-1', term: 'user.contact.email', description: 'Buyer contacts', retention: form.dataCategories[0]?.retention ?? { mode: 'unspecified', period: null, unit: 'years', fromEvent: '', endAction: 'erase', criterion: '' } }]
  form.dataCategories = form.dataCategories.map((category) => ({ ...category, retention: { mode: 'period', period: 6, unit: 'years', fromEvent: 'completion of the transaction', endAction: 'erase', criterion: '' } }))
  form.securityMeasures = ['encryption-in-transit', 'access-control']
  form.transfers = form.transfers.map((transfer) => ({ ...transfer, country: transfer.country || 'United States', mechanism: 'art46', instrument: 'scc-2021', sccModule: '2', tiaReference: 'TIA-2024-02', documentation: 'SCC module 2, 2024' }))
  form.recipients = form.recipients.map((recipient) => ({ ...recipient, contractReference: 'DPA-2025-07' }))
  form.purposes = form.purposes.map((purpose, index) => ({ ...purpose, lawfulBasis: index === 0 ? '' : 'f', legitimateInterest: 'Completing the sale of the business', liaReference: 'LIA-12' }))
  form.openItems = form.openItems.map((item) => ({ ...item, resolution: toFormFieldPath(item.field) !== 'purposes.0.lawfulBasis' ? 'resolved' : 'open' }))
  form.status = 'in-review'
  const errors = checkRecord(form, { organisation: null, today: '2026-01-01', installedPackVersions: { [pack.id]: pack.version } }).filter((finding) => finding.severity === 'error')
  expect(errors.map((finding) => `${finding.ruleId} ${finding.field}`)).toEqual(['lawful-basis-missing purposes.0.lawfulBasis'])
  return { form, pack }
}

function loadPack() {
  const result = validatePackText(readFileSync(PACK_FILE, 'utf8'))
  if (!result.ok) throw new Error(`the shipped pack ${PACK_FILE} does not validate`)
  return result.pack
}

type Bench = { ropaBench: { database: { packs: { put(row: unknown): Promise<unknown> } }; repository: { createRecord(form: unknown): Promise<StoredRecord>; insertRecords(forms: unknown[]): Promise<StoredRecord[]> } } }

async function installPackAndCreate(page: Page, form: RecordForm, pack: ReturnType<typeof loadPack>): Promise<StoredRecord> {
  return page.evaluate(
    async ({ form, pack }) => {
      const bench = (window as unknown as Bench).ropaBench
      await bench.database.packs.put({ id: pack.id, version: pack.version, vendorName: pack.vendor.name, origin: 'shipped', installedAt: new Date().toISOString(), pack, sourceText: '' })
      return bench.repository.createRecord(form)
    },
    { form, pack }
  )
}

async function storedRecord(page: Page, id: string): Promise<StoredRecord> {
  const { records } = await readTables(page, ['records'])
  return (records as StoredRecord[]).find((record) => record.id === id)!
}

/** Edits one stored audit entry behind the app's back, as someone with access to the files could. */
function tamperWithAuditEntry(page: Page, seq: number, summary: string): Promise<void> {
  return page.evaluate(
    ({ seq, summary }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ropa-register')
        open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'))
        open.onsuccess = () => {
          const store = open.result.transaction('auditLog', 'readwrite').objectStore('auditLog')
          const get = store.get(seq)
          get.onsuccess = () => {
            const put = store.put({ ...get.result, summary })
            put.onsuccess = () => {
              open.result.close()
              resolve()
            }
            put.onerror = () => reject(put.error ?? new Error('IndexedDB request failed'))
          }
        }
      }),
    { seq, summary }
  )
}

describe('compliance checks, review and audit trail', () => {
  it('shows a template gap as a finding, clears it when fixed, gates approval, and detects a tampered audit trail', async () => {
    const { context, page, pageErrors } = await openApp(session, '?bench')
    await setUpOrganisation(page)
    const { form, pack } = draftWithOneGap()
    const created = await installPackAndCreate(page, form, pack)
    await page.goto(`${session.baseUrl}?bench#/records/${created.id}`)

    // The gap shows in the panel and next to the field (inside purpose 1).
    const panel = page.locator('#findings')
    const lawfulBasisFinding = panel.getByRole('button', { name: /Purpose 1 › Lawful basis.*has no Art\. 6\(1\) lawful basis/ })
    await lawfulBasisFinding.waitFor()
    await expect(panel.getByText('1 error', { exact: true }).isVisible()).resolves.toBe(true)
    // The open item the template left shows too, as a warning, until the DPO marks it resolved.
    await panel.getByRole('button', { name: /Purpose 1 › Lawful basis.*Open point from the template/ }).waitFor()
    const purposeItem = page.locator('#purposes .item').first()
    await expect(purposeItem.locator('.finding-note--error').textContent()).resolves.toMatch(/lawful basis/i)
    await screenshot(page, 'editor-findings')

    // Approval is refused while the error remains, and says why; nothing is stored.
    await page.getByRole('button', { name: 'Approve' }).click()
    const refusal = page.getByRole('alert').filter({ hasText: 'Approval refused' })
    await refusal.waitFor()
    await expect(refusal.textContent()).resolves.toContain('Art. 6(1)')
    // The open item the template left blocks approval too, named in words.
    await expect(refusal.textContent()).resolves.toContain('Open item not yet decided — Purpose 1 › Lawful basis')
    expect((await storedRecord(page, created.id)).status).toBe('in-review')

    // Clicking the finding focuses its field; choosing a basis clears the error.
    await lawfulBasisFinding.click()
    const focusedName = await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)
    expect(focusedName).toBe('purposes.0.lawfulBasis')
    await page.locator('#purposes').getByLabel('Lawful basis — Art. 6(1)').first().selectOption('b')
    await lawfulBasisFinding.waitFor({ state: 'detached' })
    await expect(purposeItem.locator('.finding-note--error').count()).resolves.toBe(0)
    // The basis is decided, so the open item about it is resolved.
    const markResolved = page.locator('#open-items').getByRole('button', { name: 'Mark resolved' })
    while ((await markResolved.count()) > 0) await markResolved.first().click()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText(/Saved at/).waitFor()

    // With "separate approver" on, the last editor (Dana) may not approve her own change.
    await page.getByRole('link', { name: 'Organisation', exact: true }).click()
    await page.getByLabel(/Require a separate approver/).check()
    await page.getByText('Someone other than the last editor must now approve each record').waitFor()
    await page.goto(`${session.baseUrl}?bench#/records/${created.id}`)
    await page.getByRole('button', { name: 'Approve' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Approval refused' }).textContent()).resolves.toContain('Dana Fischer made the last change')
    expect((await storedRecord(page, created.id)).status).toBe('in-review')

    // Without it, approval goes through: who, when, and the next review 12 months on.
    await page.getByRole('link', { name: 'Organisation', exact: true }).click()
    await page.getByLabel(/Require a separate approver/).uncheck()
    await page.getByText('The last editor may now approve a record').waitFor()
    await page.goto(`${session.baseUrl}?bench#/records/${created.id}`)
    await page.getByRole('button', { name: 'Approve' }).click()
    await page.getByText(/Approved by Dana Fischer on/).waitFor()
    const approved = await storedRecord(page, created.id)
    const today = await page.evaluate(() => {
      const now = new Date()
      return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
    })
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Dana Fischer', lastReviewed: today, nextReview: addMonths(today, 12) })
    expect(approved.approvedAt.slice(0, 4)).toBe(today.slice(0, 4))

    // An edit after approval is saved and sends the record back to review, which the page says.
    await page.getByLabel('Owner').fill('Head of HR, after approval')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText(`Changed after approval: ${created.reference} is back in review and needs approving again.`).waitFor()
    expect((await storedRecord(page, created.id)).status).toBe('in-review')

    // The register: more records of mixed health, the health column and the finding filter.
    const demo = generateDemoRegister(60, 7).map(({ id: _id, reference: _reference, createdAt: _createdAt, updatedAt: _updatedAt, approvedBy: _approvedBy, approvedAt: _approvedAt, ...rest }) => rest)
    await page.evaluate((forms) => (window as unknown as Bench).ropaBench.repository.insertRecords(forms), demo)
    await page.getByRole('link', { name: '← Register' }).click()
    await page.locator('.counts', { hasText: 'of 61 records' }).waitFor()
    await page.locator('.health--pending').first().waitFor({ state: 'detached' })
    const approvedRow = page.getByRole('row').filter({ hasText: created.reference })
    await expect(approvedRow.getByLabel(/^Health: /).getAttribute('aria-label')).resolves.toMatch(/^Health: (Warnings|Notes|No findings)/)
    const healthLabels = await page.locator('.table__body [aria-label^="Health: "]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label')))
    expect(healthLabels.some((label) => label?.startsWith('Health: Errors'))).toBe(true)
    const shownBefore = Number((await page.locator('.counts strong').textContent())?.replace(/\D/g, ''))
    await page.getByLabel('Finding', { exact: true }).selectOption('severity:error')
    const withErrors = Number((await page.locator('.counts strong').textContent())?.replace(/\D/g, ''))
    expect(withErrors).toBeGreaterThan(0)
    expect(withErrors).toBeLessThan(shownBefore)
    const filteredLabels = await page.locator('.table__body [aria-label^="Health: "]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label')))
    expect(filteredLabels.every((label) => label?.startsWith('Health: Errors'))).toBe(true)
    await expect(page.getByRole('row').filter({ hasText: created.reference }).count()).resolves.toBe(0)
    await page.getByLabel('Finding', { exact: true }).selectOption('')
    await page.reload() // clears the toasts of the steps before
    await page.locator('.health--pending').first().waitFor({ state: 'detached' })
    await page.locator('.health--error').first().waitFor()
    await screenshot(page, 'register-health')

    // The dashboard, once the shipped packs (and their vendors) are installed by a visit to the templates.
    await page.getByRole('link', { name: 'Templates' }).click()
    await expect.poll(() => page.evaluate(() => (window as unknown as { ropaBench: { database: { vendors: { count(): Promise<number> } } } }).ropaBench.database.vendors.count())).toBeGreaterThan(0)
    await page.getByRole('link', { name: 'Dashboard' }).click()
    await page.getByRole('heading', { name: 'Records by role and status' }).waitFor()
    await expect(page.locator('.tile', { hasText: 'Active records' }).locator('.tile__value').textContent()).resolves.toMatch(/^\d+$/)
    await page.locator('.bars__segment').first().waitFor()
    await screenshot(page, 'dashboard')

    // The audit trail verifies, then a stored entry is altered and the break is shown.
    await page.getByRole('link', { name: 'Audit trail' }).first().click()
    await page.getByRole('button', { name: 'Verify audit trail' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Audit trail verified' }).textContent()).resolves.toMatch(/All \d+ entries are intact/)
    const entries = Number((await page.getByRole('status').filter({ hasText: 'Audit trail verified' }).textContent())?.match(/All (\d+) entries/)?.[1])

    // The app's workbook export carries the findings and the audit trail as sheets.
    await page.getByRole('link', { name: 'Import & export' }).click()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export workbook (.xlsx)' }).click()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(readFileSync((await (await download).path())) as unknown as ArrayBuffer)
    expect(workbook.getWorksheet(SHEET.auditTrail)!.rowCount).toBe(entries + 1)
    const findingRows: string[] = []
    workbook.getWorksheet(SHEET.findings)!.eachRow((row) => findingRows.push(`${String(row.getCell(1).value)} ${String(row.getCell(8).value)}`))
    expect(findingRows.length).toBeGreaterThan(1)
    expect(findingRows).not.toContain(`${created.reference} lawful-basis-missing`)
    await page.getByRole('link', { name: 'Audit trail' }).first().click()

    await tamperWithAuditEntry(page, 3, 'Nothing happened here')
    await page.getByRole('button', { name: 'Verify audit trail' }).click()
    const broken = page.getByRole('main').getByRole('alert').filter({ hasText: 'Audit trail broken at entry 3' })
    await broken.waitFor()
    // The warning under the top bar follows the verification, on every page until it is fixed.
    await page.getByTestId('audit-trail-warning').filter({ hasText: 'Audit trail broken at entry 3' }).waitFor()
    await expect(broken.textContent()).resolves.toContain('does not match its hash')
    await expect(page.locator('tr[aria-current="true"] td').first().textContent()).resolves.toBe('3')
    await screenshot(page, 'audit-verify-broken')

    expect(pageErrors).toEqual([])
    await context.close()
  })
})
