/** Steps that several end-to-end tests take the way a DPO would. */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { readTables } from './stored-tables'

/** How many template packs ship with the app (templates/*.json). */
const SHIPPED_PACKS = 5

/**
 * The shipped packs install in the background after setup, each with its own audit entry.
 * A test that reasons about the newest audit entry waits for them first.
 */
export async function waitForShippedPacks(page: Page): Promise<void> {
  await expect.poll(async () => (await readTables(page, ['packs'])).packs.length, { timeout: 30_000 }).toBe(SHIPPED_PACKS)
}

/** The first-run screen: who is using the app and the organisation's profile. */
export async function setUpOrganisation(page: Page): Promise<void> {
  await page.getByLabel('Your name').fill('Dana Fischer')
  await page.getByLabel('Your role').fill('Data Protection Officer')
  const controller = page.locator('fieldset', { hasText: 'Controller — Art. 30(1)(a)' })
  await controller.getByLabel('Organisation name').fill('Northwind Analytics GmbH')
  await controller.getByLabel('E-mail').fill('privacy@northwind.example')
  await controller.getByLabel('Address').fill('Hafenstraße 1, 20457 Hamburg, Germany')
  const dpo = page.locator('fieldset', { hasText: 'Data Protection Officer' })
  await dpo.getByLabel('DPO name').fill('Jonas Weber')
  await dpo.getByLabel('E-mail').fill('dpo@northwind.example')
  await page.getByRole('button', { name: 'Save and open the register' }).click()
  await page.getByRole('heading', { name: 'Register of processing activities' }).waitFor()
}
