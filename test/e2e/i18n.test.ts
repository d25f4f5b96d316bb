/**
 * The app in French and German, in Chromium with the browser's language set (`locale: 'fr-FR'`,
 * `'de-DE'`): the first run follows the browser's language; the register, the editor, its
 * findings and the dashboard speak it, with the GDPR's own terms, dates and numbers in its
 * format; at 1280×800 no button, label, heading or table header is cut off. A choice made in the
 * picker outlasts a reload and wins over the browser's language.
 */
import { FIRST_RUN_WORDS } from './app-steps'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemoRegister } from '@core/demo/demo-register'
import type { StoredRecord } from '@core/records/model'
import { openApp, startRenderer, type RendererSession } from './browser'
import { pageLooker } from './overflow'

let session: RendererSession
beforeAll(async () => {
  session = await startRenderer()
})
afterAll(async () => {
  await session?.close()
})

type Bench = { ropaBench: { repository: { insertRecords(forms: unknown[]): Promise<StoredRecord[]> } } }

/** The words each language shows, the GDPR's own terms among them (see docs/i18n-glossary.md). */
const WORDS = {
  fr: {
    ...FIRST_RUN_WORDS.fr,
    welcome: 'Bienvenue',
    email: 'Courriel',
    dpo: 'Délégué à la protection des données',
    dpoName: 'Nom du DPD',
    newController: 'Nouvelle fiche (responsable du traitement)',
    activityName: 'Nom de l’activité de traitement',
    addPurpose: 'Ajouter une finalité',
    purpose: 'Finalité',
    lawfulBasis: 'Base légale — art. 6, par. 1',
    contract: 'Art. 6, par. 1, point b) Contrat',
    purposesHeading: 'Art. 30, par. 1, point b) Finalités et base légale',
    lawfulBasisFindings: 'Art. 6, par. 1',
    save: 'Enregistrer',
    savedAt: /^Enregistrée à /,
    findings: 'Constats de conformité',
    register: 'Registre',
    dashboard: 'Tableau de bord',
    roleColumn: 'Rôle',
    controllerRole: 'Responsable du traitement',
    processorRole: 'Sous-traitant',
    completeness: 'Complétude de l’art. 30',
    language: 'Langue'
  },
  de: {
    ...FIRST_RUN_WORDS.de,
    welcome: 'Willkommen',
    email: 'E-Mail',
    dpo: 'Datenschutzbeauftragter',
    dpoName: 'Name des Datenschutzbeauftragten',
    newController: 'Neuer Eintrag als Verantwortlicher',
    activityName: 'Bezeichnung der Verarbeitungstätigkeit',
    addPurpose: 'Zweck hinzufügen',
    purpose: 'Zweck',
    lawfulBasis: 'Rechtsgrundlage — Art. 6 Abs. 1',
    contract: 'Art. 6 Abs. 1 lit. b Vertrag',
    purposesHeading: 'Art. 30 Abs. 1 lit. b Zwecke und Rechtsgrundlage',
    lawfulBasisFindings: 'Art. 6 Abs. 1',
    save: 'Speichern',
    savedAt: /^Gespeichert um /,
    findings: 'Befunde zur Rechtskonformität',
    register: 'Verzeichnis',
    dashboard: 'Übersicht',
    roleColumn: 'Rolle',
    controllerRole: 'Verantwortlicher',
    processorRole: 'Auftragsverarbeiter',
    completeness: 'Vollständigkeit nach Art. 30',
    language: 'Sprache'
  }
} as const

describe.each(Object.entries(WORDS))('the app in %s', (language, words) => {
  it('first run, register, editor, findings and dashboard speak the browser’s language, and nothing is cut off', async () => {
    const { context, page, pageErrors } = await openApp(session, '?bench', { locale: words.locale })
    const { look, cutOff } = pageLooker(page, `i18n-${language}`)
    try {
      // First run: the browser's language, with no choice made yet.
      await page.getByRole('heading', { name: words.welcome }).waitFor()
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language)
      await expect(page.getByLabel(words.language).inputValue()).resolves.toBe(language)
      await look('first-run')
      await page.getByLabel(words.yourName).fill('Dana Fischer')
      await page.getByLabel(words.yourRole).fill('DPO')
      const controller = page.locator('fieldset', { hasText: words.controller })
      await controller.getByLabel(words.organisationName).fill('Northwind Analytics GmbH')
      await controller.getByLabel(words.email).fill('privacy@northwind.example')
      const dpo = page.locator('fieldset', { has: page.getByText(words.dpo, { exact: true }) })
      await dpo.getByLabel(words.dpoName).fill('Jonas Weber')
      await page.getByRole('button', { name: words.saveAndOpen }).click()

      // The register, with a demo register seeded through the app's repository.
      await page.getByRole('heading', { name: words.registerTitle }).waitFor()
      const demo = generateDemoRegister(40, 3).map(({ id: _id, reference: _reference, createdAt: _createdAt, updatedAt: _updatedAt, approvedBy: _approvedBy, approvedAt: _approvedAt, ...rest }) => rest)
      await page.evaluate((forms) => (window as unknown as Bench).ropaBench.repository.insertRecords(forms), demo)
      await page.locator('.table__body [role="row"]').first().waitFor()
      await page.locator('.health--pending').first().waitFor({ state: 'detached' })
      await page.getByRole('columnheader', { name: words.roleColumn }).waitFor()
      const roles = await page.locator('.table__body [role="row"] [role="cell"]:nth-child(4)').allTextContents()
      expect(roles.length).toBeGreaterThan(0)
      expect(roles.every((role) => ([words.controllerRole, words.processorRole, language === 'fr' ? 'Responsable conjoint du traitement' : 'Gemeinsam Verantwortlicher'] as string[]).includes(role))).toBe(true)
      // Dates in the interface's language: "15 janv. 2027" / "15.01.2027", never "Jan 15, 2027".
      const reviewDates = (await page.locator('.table__body [role="row"] [role="cell"]:nth-child(8)').allTextContents()).filter((text) => /\d{4}/.test(text))
      expect(reviewDates.length).toBeGreaterThan(0)
      for (const text of reviewDates) expect(text).toMatch(language === 'fr' ? /^\d{1,2} \p{L}+\.? \d{4}/u : /^\d{2}\.\d{2}\.\d{4}/)
      await look('register')

      // The editor: a new controller record with one purpose, saved; its findings.
      await page.getByRole('link', { name: words.newController }).click()
      await page.getByLabel(words.activityName).fill(language === 'fr' ? 'Gestion de la paie' : 'Lohnabrechnung')
      await page.getByRole('button', { name: words.addPurpose }).click()
      await page.getByLabel(words.purpose, { exact: true }).fill(language === 'fr' ? 'Verser les salaires' : 'Gehälter zahlen')
      await expect(page.getByLabel(words.lawfulBasis).locator('option').allTextContents()).resolves.toContain(words.contract)
      await page.getByRole('button', { name: words.save, exact: true }).click()
      await page.getByRole('status').filter({ hasText: words.savedAt }).waitFor()
      await page.getByRole('heading', { name: words.findings }).waitFor()
      // The findings themselves are said in the language: the purpose has no lawful basis yet.
      await page.locator('#findings').getByText(language === 'fr' ? /n’a pas de base légale au sens de l’article 6, paragraphe 1/ : /hat keine Rechtsgrundlage nach Art\. 6 Abs\. 1/).first().waitFor()
      // Articles cited in the language's own style, the same in the section heading, the findings panel and the workbook.
      await page.locator('#purposes-title').filter({ hasText: words.purposesHeading }).waitFor()
      await page.locator('.findings-by-article__heading', { hasText: new RegExp(`^${words.lawfulBasisFindings.replace(/[.()]/g, '\\$&')}$`) }).waitFor()
      await look('editor')
      // The sections below the first screen are drawn just after it.
      await page.locator('#transfers button').first().waitFor()
      await page.locator('#transfers').scrollIntoViewIfNeeded()
      // The transfer law's date is written out in the language too, not "6 December 2026".
      await expect(page.locator('#transfers .transfer-law-date').textContent()).resolves.toContain(language === 'fr' ? '6 décembre 2026' : '6. Dezember 2026')
      await look('editor-lower')
      // The history names the changed field and its values in the language, as the editor does.
      await page.getByLabel(words.lawfulBasis).selectOption('b')
      await page.getByRole('button', { name: words.save, exact: true }).click()
      const change = page.locator('.history__changes tr', { hasText: words.contract })
      await change.waitFor()
      await expect(change.locator('td').first().textContent()).resolves.toBe(language === 'fr' ? 'Finalité 1 › Base légale' : 'Zweck 1 › Rechtsgrundlage')
      await expect(page.locator('.history__meta strong').first().textContent()).resolves.toBe(language === 'fr' ? 'Modification' : 'Geändert')
      await change.scrollIntoViewIfNeeded()
      await look('history')

      // The dashboard.
      await page.getByRole('link', { name: words.dashboard, exact: true }).click()
      await page.getByText(words.completeness).waitFor()
      // The charts cite in the language's style too, each citation whole (not cut off with "…").
      await page.locator('.bars__label').filter({ hasText: language === 'fr' ? 'Art. 30, par. 1, point a)' : 'Art. 30 Abs. 1 lit. a' }).first().waitFor()
      const cutLabels = await page.locator('.bars__label').evaluateAll((labels) => labels.filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent))
      expect(cutLabels.filter((label) => label?.startsWith('Art.'))).toEqual([])
      await look('dashboard')

      expect(cutOff).toEqual([])
      expect(pageErrors).toEqual([])
    } finally {
      await context.close()
    }
  })
})

describe('choosing the language', () => {
  it('a choice in the picker wins over the browser’s language and outlasts a reload', async () => {
    const { context, page, pageErrors } = await openApp(session, '?bench', { locale: 'en-US' })
    try {
      await page.getByRole('heading', { name: 'Welcome' }).waitFor()
      await page.getByLabel('Language').selectOption('de')
      await page.getByRole('heading', { name: 'Willkommen' }).waitFor()
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de')
      await page.reload()
      await page.getByRole('heading', { name: 'Willkommen' }).waitFor()
      await page.getByLabel('Sprache').selectOption('fr')
      await page.getByRole('heading', { name: 'Bienvenue' }).waitFor()
      await page.reload()
      await page.getByRole('heading', { name: 'Bienvenue' }).waitFor()
      expect(pageErrors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
