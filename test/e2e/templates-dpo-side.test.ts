/**
 * "New record from this activity" makes the DPO's record, in Chromium with real IndexedDB: the
 * choice of whose record it is (default: the DPO's controller record using the vendor), the
 * vendor as processor or other controller, and the vendor's purposes and lawful bases held as
 * suggestions that the DPO confirms with one click or dismisses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setUpOrganisation, waitForShippedPacks } from './app-steps'
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

const HOSTING = 'platform-hosting-delivery'

describe("records from a vendor's template are the DPO's records", () => {
  it("makes Kaltura's hosting (a processor activity) the DPO's controller record with Kaltura as processor, its purposes as suggestions to confirm", async () => {
    const { context, page, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await waitForShippedPacks(page)

    await page.getByRole('link', { name: 'Templates' }).click()
    await page.getByRole('table', { name: 'Template packs' }).getByRole('link', { name: 'Kaltura' }).first().click()
    const hosting = page.locator(`#activity-${HOSTING}`)
    await hosting.locator('summary').first().click()
    await hosting.getByRole('link', { name: 'New record from this activity' }).click()

    // The choice, with the DPO's own controller record chosen, each option explained.
    const choice = page.getByRole('region', { name: 'Whose record is this?' })
    await choice.waitFor()
    expect(await choice.getByRole('radio', { name: /Our controller record, using the vendor/ }).isChecked()).toBe(true)
    expect(await choice.getByRole('radio', { name: /Our processor record, with the vendor as sub-processor/ }).isChecked()).toBe(false)
    expect(await choice.innerText()).toContain("Kaltura, Inc.'s policy describes this activity with Kaltura, Inc. acting as a processor, for its customers.")
    expect(await choice.innerText()).toContain('the vendor as a recipient (your processor, or another controller where it decides for itself)')

    await expect.poll(() => page.getByLabel('Name of the processing activity').inputValue()).toBe('Platform: hosting, managing and distributing Account Owners’ media (using Kaltura, Inc.)')
    expect(await page.getByLabel('Our role', { exact: true }).inputValue()).toBe('controller')
    await screenshot(page, 'templates-perspective-choice')

    // The vendor is the first recipient, as processor, with its DPA as an open item.
    const vendorRecipient = page.locator('#recipients .item').first()
    await vendorRecipient.waitFor()
    expect(await vendorRecipient.getByLabel('Recipient', { exact: true }).inputValue()).toBe('Kaltura, Inc.')
    expect(await vendorRecipient.getByLabel('Type').inputValue()).toBe('processor')
    expect(await page.locator('#open-items').innerText()).toContain('Reference the data processing agreement with Kaltura, Inc. (Art. 28(3)).')

    // The vendor's purposes are suggestions, marked as Kaltura's; the record has no purpose of its own yet.
    const suggestions = page.getByRole('region', { name: "Suggestions from the vendor's policy" })
    expect(await suggestions.locator('li').count()).toBe(3)
    expect(await suggestions.locator('li').first().textContent()).toContain('Suggested by Kaltura, Inc.')
    expect(await page.locator('#purposes .item').count()).toBe(0)
    await expect.poll(() => page.locator('#purposes').textContent()).toContain("A purpose suggested by Kaltura, Inc.'s policy is not yet confirmed")

    // One click confirms a purpose; another dismisses one.
    await suggestions.getByRole('button', { name: 'Confirm as our purpose: the purpose “Host, store, manage and distribute video and other content for Account Owners”' }).click()
    await expect.poll(() => page.locator('#purposes .item').count()).toBe(1)
    expect(await page.locator('#purposes .item').first().getByLabel('Purpose', { exact: true }).inputValue()).toBe('Host, store, manage and distribute video and other content for Account Owners')
    expect(await page.locator('#purposes .item').first().getByLabel('Lawful basis — Art. 6(1)').inputValue()).toBe('')
    await suggestions.getByRole('button', { name: /^Dismiss the purpose “Authenticate Users.*, suggested by Kaltura, Inc\.$/ }).click()
    await expect.poll(() => suggestions.locator('li').count()).toBe(1)
    // The findings follow: the dismissed and the confirmed purposes are no longer reported as undecided.
    await expect.poll(() => page.locator('#purposes').textContent()).not.toContain('not yet confirmed: "Authenticate Users')
    expect(await page.locator('#purposes').textContent()).not.toContain('not yet confirmed: "Host, store')
    await page.locator('#purposes').scrollIntoViewIfNeeded()
    await screenshot(page, 'templates-vendor-suggestions')
    // The choice and the suggestions, like every page, pass axe without a serious or critical violation.
    expect(await seriousViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText(/Saved at/).waitFor()
    const { records } = await readTables(page, ['records'])
    expect(records).toHaveLength(1)
    const record = records[0] as any
    expect(record.origin).toEqual({ packId: 'kaltura', packVersion: expect.any(String), activityId: HOSTING, perspective: 'controller-using-vendor' })
    expect(record.purposes.map((purpose: any) => [purpose.description, purpose.lawfulBasis])).toEqual([['Host, store, manage and distribute video and other content for Account Owners', '']])
    expect(record.suggestions.map((suggestion: any) => suggestion.description)).toEqual(['Provide the services and functions Users request from the Account Owner and perform their actions and instructions on the Platform'])
    expect(record.evidence).toContainEqual(expect.objectContaining({ field: 'purposes.0', note: "Suggested by Kaltura, Inc.'s policy; confirmed as ours" }))
    expect(record.recipients[0]).toMatchObject({ name: 'Kaltura, Inc.', type: 'processor', vendorId: 'kaltura' })

    // After a reload the undecided suggestion is still offered, and the origin says how the record was made.
    await page.reload()
    await page.getByRole('complementary', { name: 'Template origin' }).getByText('as “Our controller record, using the vendor”', { exact: false }).waitFor()
    expect(await page.getByRole('region', { name: "Suggestions from the vendor's policy" }).locator('li').count()).toBe(1)

    expect(pageErrors).toEqual([])
    await context.close()
  })

  it("offers an independent controller's lawful basis apart from its purpose, and switches to a processor record with the vendor as sub-processor after asking", async () => {
    const { context, page, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await waitForShippedPacks(page)
    await page.goto(`${session.baseUrl}#/records/from-template/haivision/customer-relationship-management`)
    await expect.poll(() => page.getByLabel('Name of the processing activity').inputValue()).toBe('Customer relationship management (with Haivision as independent controller)')
    const vendorRecipient = page.locator('#recipients .item').first()
    await vendorRecipient.waitFor()
    expect(await vendorRecipient.getByLabel('Type').inputValue()).toBe('controller')

    const suggestions = page.getByRole('region', { name: "Suggestions from the vendor's policy" })
    const first = suggestions.locator('li').first()
    expect(await first.textContent()).toContain("Haivision's own lawful basis: Art. 6(1)(f) Legitimate interests")
    await first.getByRole('button', { name: /^Confirm as our purpose: / }).click()
    await expect.poll(() => page.locator('#purposes .item').count()).toBe(1)
    // The vendor's basis is now a suggestion for the confirmed purpose, not set on it.
    const basisRow = suggestions.locator('li', { hasText: 'Lawful basis for purpose 1' })
    await basisRow.waitFor()
    expect(await page.locator('#purposes .item').first().getByLabel('Lawful basis — Art. 6(1)').inputValue()).toBe('')
    await basisRow.getByRole('button', { name: /^Use as our lawful basis: the lawful basis Art\. 6\(1\)\(f\) Legitimate interests for purpose 1/ }).click()
    await expect.poll(() => page.locator('#purposes .item').first().getByLabel('Lawful basis — Art. 6(1)').inputValue()).toBe('f')
    await expect.poll(() => page.locator('#purposes').textContent()).not.toContain("A lawful basis suggested by Haivision's policy for purpose 1")
    await page.locator('#purposes').scrollIntoViewIfNeeded()
    await screenshot(page, 'templates-suggested-basis-confirmed')

    // Changing whose record it is starts the draft again, so the edits above are asked about first.
    // The radio follows the address, so it changes only once the DPO agrees to leave the draft.
    await page.getByRole('radio', { name: /Our processor record, with the vendor as sub-processor/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' })
    await dialog.getByRole('button', { name: 'Discard changes' }).click()
    await expect.poll(() => page.getByLabel('Name of the processing activity').inputValue()).toBe('Customer relationship management (for our clients, with Haivision as sub-processor)')
    expect(await page.getByLabel('Our role', { exact: true }).inputValue()).toBe('processor')
    expect(await page.getByRole('radio', { name: /Our processor record/ }).isChecked()).toBe(true)
    expect(await page.locator('#recipients .item').first().getByLabel('Type').inputValue()).toBe('processor')
    const openItems = await page.locator('#open-items').innerText()
    expect(openItems).toContain('Name the clients (controllers) you act for in this activity.')
    expect(openItems).toContain('Reference the sub-processing agreement with Haivision')
    await screenshot(page, 'templates-processor-perspective')

    expect(pageErrors).toEqual([])
    await context.close()
  })
})
