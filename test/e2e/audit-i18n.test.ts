/**
 * The audit trail's own words in French, in Chromium with the browser's language set to fr-FR:
 * a record created, edited and submitted, an approval refused (its reasons in French), the
 * record's history and the Audit trail page, each summary said from the key stored with the
 * entry; the English text stays stored beside it. At 1280×800 nothing is cut off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, startRenderer, type RendererSession } from './browser'
import { FIRST_RUN_WORDS, setUpOrganisationIn, waitForShippedPacks } from './app-steps'
import { pageLooker } from './overflow'
import { readTables } from './stored-tables'

let session: RendererSession
beforeAll(async () => {
  session = await startRenderer()
})
afterAll(async () => {
  await session?.close()
})

describe('the audit trail in French', () => {
  it('says what each entry did in French on the record\'s history, the refusal banner and the Audit trail page', async () => {
    const { context, page, pageErrors } = await openApp(session, '', { locale: FIRST_RUN_WORDS.fr.locale })
    const { look, cutOff } = pageLooker(page, 'audit-i18n-fr')
    try {
      await setUpOrganisationIn(page, FIRST_RUN_WORDS.fr)
      await waitForShippedPacks(page)

      // A record created, then edited.
      await page.getByRole('link', { name: 'Nouvelle fiche (responsable du traitement)' }).click()
      await page.getByLabel('Nom de l’activité de traitement').fill('Gestion de la paie')
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
      await page.getByRole('status').filter({ hasText: /^Enregistrée à / }).waitFor()
      await page.getByLabel('Nom de l’activité de traitement').fill('Gestion de la paie et des congés')
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
      await page.locator('.history__changes').first().waitFor()

      // Submitted for review, then approval refused: each reason in French.
      await page.getByRole('button', { name: 'Soumettre pour revue' }).click()
      await page.getByRole('button', { name: 'Approuver' }).click()
      const refusal = page.locator('.approval-refused')
      await refusal.waitFor()
      const reasons = await refusal.locator('li').allTextContents()
      expect(reasons.length).toBeGreaterThan(0)
      for (const reason of reasons) expect(reason).not.toMatch(/\b(the|has no|Purpose|Organisation profile|Open item)\b/)
      expect(reasons.some((reason) => /^Art\. 30, par\. 1, point b\) : /.test(reason))).toBe(true)
      await look('refused')

      // The record's history: the creation said in French, not as stored in English.
      const created = page.locator('.history__entry', { has: page.locator('.history__meta strong', { hasText: 'Création' }) })
      await expect(created.locator('.history__summary').textContent()).resolves.toBe('PA-0001 créée')
      await created.scrollIntoViewIfNeeded()
      await look('history')

      // The English text is stored beside the key, as older readers and the CLI read it.
      const { auditLog } = await readTables(page, ['auditLog'])
      const recordEntries = (auditLog as Array<{ entity: string; summary: string; summaryRef?: { key: string } }>).filter((entry) => entry.entity === 'record')
      expect(recordEntries.map((entry) => [entry.summary, entry.summaryRef?.key])).toEqual([
        ['PA-0001 created', 'audit:record.created'],
        ['PA-0001 edited', 'audit:record.edited'],
        ['PA-0001 edited', 'audit:record.edited']
      ])

      // The Audit trail page: every summary in French, newest first.
      await page.getByRole('link', { name: 'Journal d’audit', exact: true }).click()
      const table = page.getByRole('table', { name: 'Journal d’audit' })
      await table.waitFor()
      const summaries = await table.locator('tbody tr td:nth-child(6)').allTextContents()
      expect(summaries.slice(0, 3)).toEqual(['PA-0001 modifiée', 'PA-0001 modifiée', 'PA-0001 créée'])
      expect(summaries).toContain('Profil de l’organisme créé')
      expect(summaries.filter((summary) => summary.startsWith('Pack de modèles '))).toHaveLength(5)
      expect(summaries.find((summary) => summary.startsWith('Pack de modèles '))).toMatch(/^Pack de modèles [\w-]+ [\d.]+ installé \(fourni avec l’application, \d+ activités?\)$/)
      for (const summary of summaries) expect(summary).not.toMatch(/\b(created|edited|installed|registered|Template pack|Vendor)\b/)
      await look('audit-page')

      expect(cutOff).toEqual([])
      expect(pageErrors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
