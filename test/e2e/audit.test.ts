/**
 * Identity and the audit trail end to end in Chromium (real IndexedDB): the history and the
 * audit trail in labels, a rename recorded old → new that does not get past "separate
 * approver", the start-up warning when the newest entry is deleted behind the app's back, and
 * a restore of a backup with a broken trail that needs a second confirmation.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditEntry } from '@core/audit/audit-chain'
import { serialiseBackup, type Backup } from '@core/backup/backup-format'
import type { StoredRecord } from '@core/records/model'
import { emptyRecordForm } from '@core/records/new-record'
import { setUpOrganisation, waitForShippedPacks } from './app-steps'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'
import { readTables } from './stored-tables'

const files = mkdtempSync(join(tmpdir(), 'ropa-e2e-audit-'))
let session: RendererSession
beforeAll(async () => {
  session = await startRenderer()
})
afterAll(async () => {
  await session?.close()
  rmSync(files, { recursive: true, force: true })
})

type Bench = {
  ropaBench: {
    repository: { createRecord(form: unknown): Promise<StoredRecord>; updateRecord(id: string, form: unknown): Promise<StoredRecord> }
    backupRepository: { takeBackup(): Promise<Backup> }
  }
}

async function auditLog(page: Page): Promise<AuditEntry[]> {
  const { auditLog } = await readTables(page, ['auditLog'])
  return (auditLog as AuditEntry[]).sort((a, b) => a.seq! - b.seq!)
}

/** Deletes one stored audit entry behind the app's back, as someone with access to the files could. */
function deleteAuditEntry(page: Page, seq: number): Promise<void> {
  return page.evaluate(
    (seq) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ropa-register')
        open.onerror = () => reject(new Error(open.error?.message ?? 'IndexedDB could not be opened'))
        open.onsuccess = () => {
          const transaction = open.result.transaction('auditLog', 'readwrite')
          transaction.objectStore('auditLog').delete(seq)
          transaction.oncomplete = () => {
            open.result.close()
            resolve()
          }
          transaction.onerror = () => reject(new Error(transaction.error?.message ?? 'the deletion failed'))
        }
      }),
    seq
  )
}

describe('identity and the audit trail', () => {
  it('reads in labels, records a rename, refuses a renamed last editor, warns at start-up and asks twice before restoring a broken trail', async () => {
    const { context, page, pageErrors } = await openApp(session, '?bench')
    await setUpOrganisation(page)
    // Pack installs append audit entries in the background; the newest entry must be ours.
    await waitForShippedPacks(page)

    // A record, then an edit of its retention and lawful basis, as the repository stores them.
    const record = await page.evaluate(
      async (form) => {
        const { repository } = (window as unknown as Bench).ropaBench
        const created = await repository.createRecord(form)
        return repository.updateRecord(created.id, {
          ...created,
          status: 'in-review',
          purposes: [{ ...created.purposes[0], lawfulBasis: 'b' }],
          dataCategories: [{ ...created.dataCategories[0], retention: { ...created.dataCategories[0]!.retention, mode: 'period', period: 6, unit: 'years', fromEvent: 'end of the contract' } }]
        })
      },
      {
        ...emptyRecordForm('controller'),
        name: 'Customer orders',
        businessFunction: 'Sales',
        purposes: [{ id: 'p1', description: 'Fulfil orders', uses: [], lawfulBasis: '', legitimateInterest: '', liaReference: '', consentRecordReference: '' }],
        dataCategories: [{ id: 'c1', term: 'user.contact.email', description: '', retention: { mode: 'unspecified', period: null, unit: 'years', fromEvent: '', endAction: 'erase', criterion: '' } }],
        securityMeasures: ['access-control']
      }
    )

    // The history names fields and values as the editor does, never by stored keys.
    await page.goto(`${session.baseUrl}?bench#/records/${record.id}`)
    const history = page.locator('#history')
    await history.getByText('Data category 1 › Retention › Kind').waitFor()
    const historyText = (await history.textContent()) ?? ''
    expect(historyText).toContain('Not yet specified')
    expect(historyText).toContain('Fixed period')
    expect(historyText).toContain('Purpose 1 › Lawful basis')
    expect(historyText).toContain('Art. 6(1)(b) Contract')
    expect(historyText).toContain('by Dana Fischer')
    expect(historyText).not.toMatch(/dataCategories|retention\.mode|lawfulBasis|\bperiod\b(?! )/)
    await history.scrollIntoViewIfNeeded()
    await screenshot(page, 'audit-history-panel')

    // Renaming yourself is recorded old → new and keeps who you are.
    await page.getByRole('link', { name: 'Organisation', exact: true }).click()
    await page.getByLabel('Your name').fill('Dana Weber')
    await page.getByLabel(/Require a separate approver/).check()
    await page.getByText('Someone other than the last editor must now approve each record').waitFor()
    await page.getByRole('button', { name: 'Save organisation' }).click()
    await page.getByText('Organisation saved').waitFor()
    const renamed = (await auditLog(page)).find((entry) => entry.entity === 'user')
    expect(renamed).toMatchObject({ action: 'update', summary: 'User renamed: Dana Fischer → Dana Weber', actor: 'Dana Weber', changes: [{ field: 'name', before: 'Dana Fischer', after: 'Dana Weber' }] })
    expect(renamed!.actorId).toBe((await auditLog(page))[0]!.actorId)

    // …so "separate approver" still knows Dana made the last change.
    await page.goto(`${session.baseUrl}?bench#/records/${record.id}`)
    await page.getByRole('button', { name: 'Approve' }).click()
    const refusal = page.getByRole('alert').filter({ hasText: 'Approval refused' })
    await refusal.waitFor()
    await expect(refusal.textContent()).resolves.toContain('Dana Weber (then named Dana Fischer) made the last change to this record')
    await screenshot(page, 'audit-approval-refused')

    // The audit trail page: who, what, the anchor, and changes in labels.
    await page.getByRole('link', { name: 'Audit trail' }).first().click()
    await page.getByRole('cell', { name: 'User renamed: Dana Fischer → Dana Weber' }).waitFor()
    const anchor = page.getByTestId('audit-anchor')
    const log = await auditLog(page)
    await expect(anchor.textContent()).resolves.toContain(log.at(-1)!.hash)
    await page.locator('.audit__changes summary').nth(2).click()
    await page.getByRole('button', { name: 'Verify audit trail' }).click()
    await page.getByRole('status').filter({ hasText: 'Audit trail verified' }).waitFor()
    await screenshot(page, 'audit-trail-page')
    const intact = await page.evaluate(() => (window as unknown as Bench).ropaBench.backupRepository.takeBackup())
    expect(intact.auditAnchor).toEqual({ count: log.length, headHash: log.at(-1)!.hash })

    // The newest entry deleted behind the app's back: the next start shows a warning that stays.
    await deleteAuditEntry(page, log.at(-1)!.seq!)
    await page.reload()
    const warning = page.getByTestId('audit-trail-warning')
    await warning.waitFor()
    await expect(warning.textContent()).resolves.toMatch(/does not end where it should.*the newest entry was removed/)
    await page.getByRole('link', { name: 'Register' }).click()
    await warning.waitFor()
    await screenshot(page, 'audit-startup-warning')
    await warning.getByRole('link', { name: 'Open the Audit trail' }).click()
    await page.getByRole('heading', { name: 'Audit trail', exact: true }).waitFor()

    // The anchor the backup recorded before the deletion no longer matches: the entry is gone.
    await page.getByText('Compare with an anchor from a workbook Cover or a backup').click()
    await page.getByLabel('Entries in the whole audit trail').fill(String(intact.auditAnchor!.count))
    await page.getByLabel('SHA-256 of the newest entry (head of the chain)').fill(intact.auditAnchor!.headHash)
    await page.getByRole('button', { name: 'Compare' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'Entries are missing' }).textContent()).resolves.toContain(`records ${intact.auditAnchor!.count} entries, but the trail now has only ${intact.auditAnchor!.count - 1}`)
    await page.getByLabel('Entries in the whole audit trail').fill(String(intact.auditAnchor!.count - 1))
    await page.getByLabel('SHA-256 of the newest entry (head of the chain)').fill(log.at(-2)!.hash)
    await page.getByRole('button', { name: 'Compare' }).click()
    await page.getByRole('status').filter({ hasText: 'Matches the earlier anchor' }).waitFor()
    await screenshot(page, 'audit-compare-anchor')

    // Restoring a backup whose trail is broken asks a second time, and saying no changes nothing.
    const tampered: Backup = { ...intact, auditLog: intact.auditLog.map((entry, index) => (index === 1 ? { ...entry, summary: 'Nothing happened here' } : entry)) }
    const path = join(files, 'tampered.json')
    writeFileSync(path, serialiseBackup(tampered))
    await page.getByRole('link', { name: 'Import & export' }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Restore from a backup file…' }).click()
    await (await chooser).setFiles(path)
    const summary = page.getByRole('region', { name: 'Backup to restore' })
    await expect.poll(() => summary.textContent()).toContain('the hash chain is broken: entry 2 was altered: its content does not match its hash')
    const before = JSON.stringify(await readTables(page, ['records', 'auditLog', 'meta']))
    await summary.getByRole('button', { name: 'Replace the register with this backup…' }).click()
    await page.getByRole('button', { name: 'Replace with the backup' }).click()
    const second = page.getByRole('dialog', { name: "This backup's audit trail is broken" })
    await second.waitFor()
    await screenshot(page, 'audit-restore-second-confirmation')
    await second.getByRole('button', { name: 'Do not restore' }).click()
    await second.waitFor({ state: 'hidden' })
    expect(JSON.stringify(await readTables(page, ['records', 'auditLog', 'meta']))).toBe(before)

    await summary.getByRole('button', { name: 'Replace the register with this backup…' }).click()
    await page.getByRole('button', { name: 'Replace with the backup' }).click()
    await page.getByRole('button', { name: 'Restore with the broken audit trail' }).click()
    await page.getByText(/Restored 1 record\./).waitFor()
    const restored = await auditLog(page)
    expect(restored.at(-1)).toMatchObject({ action: 'restore', actor: 'Dana Weber' })
    expect(restored.at(-1)!.summary).toContain('its audit trail was broken and the restore was confirmed twice')
    // The restored trail is this register's history now, and the warning says where it breaks.
    await expect.poll(() => page.getByTestId('audit-trail-warning').textContent()).toContain('Audit trail broken at entry 2')

    expect(pageErrors).toEqual([])
    await context.close()
  })
})
