/**
 * The transfer section of the record editor in Chromium: the destination picker with its
 * adequacy hint, mechanism and instrument filtered by the organisation's regime, the SCC
 * module and Art. 49 derogation when they apply, and the findings the dated law gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setUpOrganisation } from './app-steps'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'
import { storedRecords } from './stored-tables'

let session: RendererSession
beforeAll(async () => {
  session = await startRenderer()
})
afterAll(async () => {
  await session?.close()
})

describe('transfers in the record editor', () => {
  it('picks a destination, names mechanism and instrument, shows the findings of the dated law, and stores them', async () => {
    const { page, context, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await page.getByRole('link', { name: 'New controller record' }).click()
    await page.getByLabel('Name of the processing activity').fill('Customer e-mail')
    await page.getByRole('button', { name: 'Add transfer' }).press('Enter')
    const transfers = page.locator('#transfers')
    await transfers.getByText(/Transfer law as of 6 December 2026/).waitFor()
    await transfers.getByLabel('Recipient', { exact: true }).fill('Acme Mail Inc.')
    // The picker offers the ISO countries and the international organisations while the field has focus.
    expect(await page.locator('datalist option').count()).toBe(0)
    await transfers.getByLabel('Country or international organisation').focus()
    const offered = await page.locator('datalist option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))
    expect(offered.length).toBeGreaterThan(250)
    expect(offered).toEqual(expect.arrayContaining(['United States', 'India', 'European Patent Organisation']))
    // "USA" is not the list's name but names one country: it gets its code and the adequacy hint.
    await transfers.getByLabel('Country or international organisation').fill('USA')
    await transfers.getByText(/Code US\. Adequacy decision for United States of 10 July 2023: only organisations certified on the EU-US Data Privacy Framework list/).waitFor()
    // The instrument list follows the mechanism: the EU organisation is offered no IDTA.
    await transfers.getByLabel('Mechanism (Chapter V)').selectOption('art45')
    const instrumentOptions = await transfers.getByLabel('Instrument').locator('option').allTextContents()
    expect(instrumentOptions).toEqual(['Not stated yet', 'Adequacy decision', 'EU-US Data Privacy Framework', 'EU-US Privacy Shield (invalid since 16 July 2020)', 'Safe Harbor (invalid since 6 October 2015)'])
    await transfers.getByLabel('Instrument').selectOption('adequacy-decision')
    await page.getByText(/Transfer 1 to USA \(Acme Mail Inc\.\) relies on adequacy without stating that the recipient is certified/).first().waitFor()
    await transfers.getByLabel('Instrument').selectOption('privacy-shield')
    await page.getByText(/Transfer 1 to USA \(Acme Mail Inc\.\) relies on EU-US Privacy Shield, invalid since 16 July 2020/).first().waitFor()
    await transfers.getByLabel('Instrument').selectOption('eu-us-dpf')
    await expect.poll(() => page.getByText(/Privacy Shield, invalid since/).count()).toBe(0)

    // A second transfer: SCCs 2021 need a module; Art. 49 needs the derogation named.
    await page.getByRole('button', { name: 'Add transfer' }).press('Enter')
    const second = transfers.locator('.item').nth(1)
    await second.getByLabel('Recipient', { exact: true }).fill('Helpdesk Pvt Ltd')
    await second.getByLabel('Country or international organisation').fill('India')
    await second.getByLabel('Mechanism (Chapter V)').selectOption('art46')
    await second.getByLabel('Instrument').selectOption('scc-2021')
    await page.getByText('Transfer 2 to India (Helpdesk Pvt Ltd) relies on the 2021 standard contractual clauses without saying which module.').first().waitFor()
    await second.getByLabel('SCC module').selectOption('2')
    await second.getByLabel('Transfer impact assessment (reference or link)').fill('TIA-2026-07')
    await page.getByRole('button', { name: 'Add transfer' }).press('Enter')
    const third = transfers.locator('.item').nth(2)
    await third.getByLabel('Recipient', { exact: true }).fill('Travel partner')
    await third.getByLabel('Country or international organisation').fill('Narnia')
    await third.getByText('Not matched to a country code. No adequacy decision on the EU\'s list.').waitFor()
    await third.getByLabel('Mechanism (Chapter V)').selectOption('art49')
    await page.getByText('Transfer 3 to Narnia (Travel partner) relies on an Art. 49 derogation without naming which one.').first().waitFor()
    await third.getByLabel('Art. 49 derogation').selectOption('contract-with-subject')
    await expect.poll(() => page.getByText(/without naming which one/).count()).toBe(0)
    await page.locator('#transfers-title').evaluate((heading) => {
      heading.scrollIntoView({ block: 'start' })
      window.scrollBy(0, -90)
    })
    await screenshot(page, 'transfers-editor')

    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('status').filter({ hasText: /Saved at/ }).waitFor()
    const [record] = await storedRecords(page)
    expect(record!.transfers.map(({ country, countryCode, mechanism, instrument, sccModule, derogation, tiaReference }) => ({ country, countryCode, mechanism, instrument, sccModule, derogation, tiaReference }))).toEqual([
      { country: 'USA', countryCode: 'US', mechanism: 'art45', instrument: 'eu-us-dpf', sccModule: '', derogation: '', tiaReference: '' },
      { country: 'India', countryCode: 'IN', mechanism: 'art46', instrument: 'scc-2021', sccModule: '2', derogation: '', tiaReference: 'TIA-2026-07' },
      { country: 'Narnia', countryCode: '', mechanism: 'art49', instrument: 'derogation', sccModule: '', derogation: 'contract-with-subject', tiaReference: '' }
    ])
    expect(record!.transfers.every((transfer) => !('safeguard' in transfer))).toBe(true)
    expect(pageErrors).toEqual([])
    await context.close()
  })

  it("a UK organisation is offered the IDTA and the UK Addendum, and its transfers are judged by the UK's own adequacy list", async () => {
    const { page, context, pageErrors } = await openApp(session)
    await setUpOrganisation(page)
    await page.getByRole('link', { name: 'Organisation', exact: true }).click()
    await page.getByLabel('Regime for transfers').selectOption('uk')
    await page.getByRole('button', { name: 'Save organisation' }).click()
    await page.getByText('Organisation saved').waitFor()
    // The list the checks apply is shown with its sources and as-of date.
    await page.getByText(/UK adequacy regulations .*: 45 destinations, as of 6 December 2026/).click()
    await page.getByRole('cell', { name: 'Republic of Korea', exact: true }).waitFor()
    await screenshot(page, 'organisation-regime')
    await page.getByRole('link', { name: 'Register', exact: true }).click()
    await page.getByRole('link', { name: 'New controller record' }).click()
    await page.getByRole('button', { name: 'Add transfer' }).press('Enter')
    const transfers = page.locator('#transfers')
    await transfers.getByText(/Organisation's regime: UK GDPR/).waitFor()
    await transfers.getByLabel('Country or international organisation').fill('Japan')
    await transfers.getByText(/UK adequacy regulations for Japan in force from 1 January 2021: the private sector under the APPI/).waitFor()
    await transfers.getByLabel('Country or international organisation').fill('Brazil')
    await transfers.getByText(/No adequacy decision on the UK's list \(as of 6 December 2026\)/).waitFor()
    await transfers.getByLabel('Mechanism (Chapter V)').selectOption('art46')
    const options = await transfers.getByLabel('Instrument').locator('option').allTextContents()
    expect(options).toContain('UK International Data Transfer Agreement (IDTA)')
    expect(options).toContain('UK Addendum to the EU standard contractual clauses')
    expect(pageErrors).toEqual([])
    await context.close()
  })
})
