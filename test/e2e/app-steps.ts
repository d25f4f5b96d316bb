/** Steps that several end-to-end tests take the way a DPO would. */
import type { Page } from 'playwright-core'

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
