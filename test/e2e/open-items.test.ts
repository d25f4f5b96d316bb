/**
 * Open items in the editor, in Chromium with real IndexedDB: approval is refused while one is
 * undecided (the refusal names it in words); one is accepted with a note (the note is
 * required), another marked resolved, both with the keyboard; the decision is stored and in
 * the record's history; then approval goes through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { formOfRecord, type StoredRecord } from '@core/records/model'
import { completeControllerRecord } from '../fixtures/checks/records'
import { setUpOrganisation } from './app-steps'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'
import { readTables } from './stored-tables'
import { seriousViolations } from './axe'

let session: RendererSession
beforeAll(async () => {
  session = await startRenderer()
})
afterAll(async () => {
  await session?.close()
})

type Bench = { ropaBench: { repository: { createRecord(form: unknown): Promise<StoredRecord> } } }

const ACCEPT_NOTE = 'vendor will not disclose sub-processors; accepted risk'

/** A record in review that passes every error-level check, with two open items left by its source. */
function recordWithOpenItems() {
  const form = formOfRecord(completeControllerRecord())
  return {
    ...form,
    name: 'Customer support desk',
    origin: null,
    status: 'in-review' as const,
    openItems: [
      { id: 'open-1', field: 'recipients', note: 'The policy names no sub-processors.', quotes: ['We may share data with trusted partners.'], resolution: 'open' as const, resolutionNote: '' },
      { id: 'open-2', field: 'dataCategories[0].retention', note: 'The policy is silent on retention.', quotes: [], resolution: 'open' as const, resolutionNote: '' }
    ]
  }
}

async function stored(page: Page, id: string): Promise<StoredRecord> {
  const { records } = await readTables(page, ['records'])
  return (records as StoredRecord[]).find((record) => record.id === id)!
}

describe('open items', () => {
  it('block approval until each is resolved or accepted with a note, which is stored and audited', async () => {
    const { context, page, pageErrors } = await openApp(session, '?bench')
    await setUpOrganisation(page)
    const created = await page.evaluate((form) => (window as unknown as Bench).ropaBench.repository.createRecord(form), recordWithOpenItems())
    await page.goto(`${session.baseUrl}?bench#/records/${created.id}`)
    const openItems = page.locator('#open-items')
    await openItems.getByText('2 still to decide').waitFor()

    // Approval is refused, and the refusal names each open item in the editor's words.
    await page.getByRole('button', { name: 'Approve', exact: true }).click()
    const refusal = page.getByRole('alert').filter({ hasText: 'Approval refused' })
    await refusal.waitFor()
    const reasons = await refusal.locator('li').allTextContents()
    expect(reasons).toEqual([
      'Open item not yet decided — Recipients: The policy names no sub-processors. Mark it resolved, or accept it with a note saying why.',
      'Open item not yet decided — Data category 1 › Retention: The policy is silent on retention. Mark it resolved, or accept it with a note saying why.'
    ])
    await screenshot(page, 'approval-refused-open-items')
    expect((await stored(page, created.id)).status).toBe('in-review')

    // Accepting needs a note: without one it says so and keeps the box open.
    const first = openItems.locator('li').first()
    await first.getByRole('button', { name: 'Accept with a note…' }).press('Enter')
    const noteBox = first.getByLabel('Why is the open point about Recipients accepted?')
    await expect(noteBox.evaluate((box) => box === document.activeElement)).resolves.toBe(true)
    await first.getByRole('button', { name: 'Accept', exact: true }).press('Enter')
    await first.getByText(/Say why this open item is accepted/).waitFor()
    await page.evaluate(() => document.getElementById('open-items')?.scrollIntoView({ block: 'center' }))
    await screenshot(page, 'editor-open-item-note-required')
    // The note box, its error and the buttons pass axe (no serious or critical violation).
    expect(await seriousViolations(page)).toEqual([])
    await expect(noteBox.evaluate((box) => box === document.activeElement)).resolves.toBe(true)
    // With the keyboard only: type the note, Tab to "Accept", Enter.
    await page.keyboard.type(ACCEPT_NOTE)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await first.getByText(`Why: ${ACCEPT_NOTE}`).waitFor()
    await first.getByText('Accepted', { exact: true }).waitFor()

    const second = openItems.locator('li').nth(1)
    await second.getByRole('button', { name: 'Mark resolved' }).focus()
    await page.keyboard.press('Enter')
    await second.getByText('Resolved', { exact: true }).waitFor()
    await openItems.getByText('Every open item is decided.').waitFor()
    // Nothing is stored before the DPO saves.
    expect((await stored(page, created.id)).openItems.map((item) => item.resolution)).toEqual(['open', 'open'])
    await page.keyboard.press('Control+s')
    await page.getByText(/Saved at/).waitFor()
    await page.evaluate(() => document.getElementById('open-items')?.scrollIntoView({ block: 'center' }))
    await screenshot(page, 'editor-open-item-accepted')

    const saved = await stored(page, created.id)
    expect(saved.openItems.map(({ id, resolution, resolutionNote }) => ({ id, resolution, resolutionNote }))).toEqual([
      { id: 'open-1', resolution: 'accepted', resolutionNote: ACCEPT_NOTE },
      { id: 'open-2', resolution: 'resolved', resolutionNote: '' }
    ])
    // The decision is in the audit trail, in the editor's words.
    const { auditLog } = await readTables(page, ['auditLog'])
    const entry = (auditLog as { entityId: string; action: string; changes: { field: string; before: unknown; after: unknown }[] }[]).findLast((candidate) => candidate.entityId === created.id)!
    expect(entry.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: expect.stringMatching(/^openItems\[open-1\]\.resolution$/), before: 'open', after: 'accepted' }),
        expect.objectContaining({ field: expect.stringMatching(/^openItems\[open-1\]\.resolutionNote$/), before: '', after: ACCEPT_NOTE })
      ])
    )
    const history = page.locator('#history')
    await history.getByText(/Open item 1 › Decision/).first().waitFor()
    await expect(history.textContent()).resolves.toContain('Accepted with a note')

    // Now approval goes through.
    await page.getByRole('button', { name: 'Approve', exact: true }).click()
    await page.getByText(/Approved by Dana Fischer on/).waitFor()
    expect((await stored(page, created.id)).status).toBe('approved')
    expect(pageErrors).toEqual([])
    await context.close()
  })
})
