/** Steps that several end-to-end tests take the way a DPO would. */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { readTables } from './stored-tables'

/** Clicks the button that opens a file chooser and picks `path` in it. */
export async function chooseFile(page: Page, button: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: button }).click()
  await (await chooser).setFiles(path)
}

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

/** The first-run screen's words in French and German, as the tests that run the app in those languages look for them. */
export const FIRST_RUN_WORDS = {
  fr: {
    locale: 'fr-FR',
    yourName: 'Votre nom',
    yourRole: 'Votre fonction',
    controller: 'Responsable du traitement — art. 30, par. 1, point a)',
    organisationName: 'Nom de l’organisme',
    saveAndOpen: 'Enregistrer et ouvrir le registre',
    registerTitle: 'Registre des activités de traitement'
  },
  de: {
    locale: 'de-DE',
    yourName: 'Ihr Name',
    yourRole: 'Ihre Funktion',
    controller: 'Verantwortlicher — Art. 30 Abs. 1 lit. a',
    organisationName: 'Name der Organisation',
    saveAndOpen: 'Speichern und Verzeichnis öffnen',
    registerTitle: 'Verzeichnis von Verarbeitungstätigkeiten'
  }
} as const
export type FirstRunWords = (typeof FIRST_RUN_WORDS)[keyof typeof FIRST_RUN_WORDS]

/** The first run in French or German: the least the register needs, then the register. */
export async function setUpOrganisationIn(page: Page, words: FirstRunWords): Promise<void> {
  await page.getByLabel(words.yourName).fill('Dana Fischer')
  await page.getByLabel(words.yourRole).fill('DPO')
  await page.locator('fieldset', { hasText: words.controller }).getByLabel(words.organisationName).fill('Northwind Analytics GmbH')
  await page.getByRole('button', { name: words.saveAndOpen }).click()
  await page.getByRole('heading', { name: words.registerTitle }).waitFor()
}
