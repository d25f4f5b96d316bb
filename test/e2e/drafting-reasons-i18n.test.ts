/**
 * The drafting assistant's own words in French, in Chromium with the browser's language set: each
 * proposal's reason (the policy's words in it kept as they are), the warning that a retention rule
 * was left out, and the notes the drafted pack carries, written in the author's language and shown
 * on the installed pack's page; at 1280×800 nothing cut off.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIRST_RUN_WORDS, setUpOrganisationIn, waitForShippedPacks } from './app-steps'
import { openApp, startRenderer, type RendererSession } from './browser'
import { pageLooker } from './overflow'
import { readTables } from './stored-tables'
import type { TemplatePack } from '../../src-main/core/templates/pack-schema'

/** Haivision's policy, as shipped: reasons of many kinds, a transfer safeguard without a country, two retention rules under one activity. */
const POLICY = readFileSync('/work/shared/policies/002_4069c1d18fbcf1df.txt', 'utf8')

let session: RendererSession
beforeAll(async () => {
  session = await startRenderer()
})
afterAll(async () => {
  await session?.close()
})

/** Words of the English reasons and notes: none may be left on the French screen outside the policy's quoted words. */
const ENGLISH_REASON = /\b(?:names|says|states|listed under|a heading|data is shared|in a sentence|the policy does not say|legal entity|no lawful basis|found nothing|accepted none|keeps one retention rule|was left out)\b/

describe('the drafting assistant in French', () => {
  it('gives its reasons, its warning and the drafted pack’s notes in French', async () => {
    const { context, page, pageErrors } = await openApp(session, '', { locale: 'fr-FR' })
    const { look, cutOff } = pageLooker(page, 'drafting-reasons-fr')
    await setUpOrganisationIn(page, FIRST_RUN_WORDS.fr)
    await waitForShippedPacks(page)
    await page.goto(`${session.baseUrl}#/templates/draft`)
    await page.getByRole('heading', { name: 'Rédiger un pack de modèles à partir d’une politique' }).waitFor()
    await page.getByLabel('Texte du document').fill(POLICY)
    await page.getByRole('button', { name: 'Proposer des valeurs' }).click()
    await page.getByRole('heading', { name: 'Relire le pack rédigé' }).waitFor()

    // Each proposal says why in French; the policy's words inside stay in English, as the policy wrote them.
    const reasonIn = (region: RegExp) => page.getByRole('region', { name: region }).locator('.draft-item__why')
    await reasonIn(/^Fournisseur \(entité juridique\)/).getByText('une entité juridique qui porte le nom du fournisseur', { exact: true }).first().waitFor()
    await reasonIn(/^Transferts/).getByText('nomme une garantie pour le transfert sans nommer de pays', { exact: true }).first().waitFor()
    await reasonIn(/^Destinataires/).getByText('des données sont communiquées à « service providers » ; la politique ne dit pas à quel titre', { exact: true }).first().waitFor()
    await reasonIn(/^Finalités et bases légales/).getByText('dit à quoi servent les données ; indique la base légale : intérêts légitimes', { exact: true }).first().waitFor()
    await reasonIn(/^Sous-traitants ultérieurs/).getByText('un prestataire nommé dans une phrase sur les prestataires : « YouTube »', { exact: true }).first().waitFor()
    await reasonIn(/^Conservation/).getByText('dit combien de temps les données sont conservées, sans durée fixe', { exact: true }).first().waitFor()
    const reasons = await page.locator('.draft-item__why').allTextContents()
    expect(reasons.length).toBeGreaterThan(20)
    expect(reasons.filter((reason) => ENGLISH_REASON.test(reason.replace(/«[^»]*»/g, '')))).toEqual([])
    await page.getByRole('region', { name: /^Transferts/ }).scrollIntoViewIfNeeded()
    await look('review')
    await page.getByRole('region', { name: /^Finalités et bases légales/ }).scrollIntoViewIfNeeded()
    await look('review-purposes')

    // Installed: the retention rule left out is said in French, at its activity's field (\s: French no-break spaces, which regular expressions do not fold).
    await page.getByRole('button', { name: 'Accepter toutes celles à examiner' }).click()
    await page.getByRole('button', { name: 'Installer le pack' }).click()
    const outcome = page.getByRole('status', { name: 'Résultat de la rédaction' })
    await outcome.waitFor()
    await outcome
      .getByText(/^\(e\.g\., to create, share, analyze and distribute media content such as video\) › Conservation : une activité n’a qu’une règle de conservation\s; «\sIn some cases, .+\s» a été omis\s: placez-le dans une activité à part pour le garder$/)
      .waitFor()
    await look('installed')

    // The pack's notes are written in the author's language and stored so.
    const { packs } = await readTables(page, ['packs'])
    const stored = (packs as Array<{ id: string; pack: TemplatePack }>).find((row) => row.id === 'haivision-systems-inc-draft')
    expect(stored).toBeDefined()
    const notes = stored!.pack.activities.flatMap((activity) => activity.gaps.map((gap) => gap.note))
    expect(notes).toContain('L’assistant de rédaction n’a rien trouvé dans la politique sur la durée de conservation des données\u00a0; l’auteur n’a rien accepté. Vérifiez la politique.')
    expect(notes.filter((note) => ENGLISH_REASON.test(note))).toEqual([])
    expect(stored!.pack.activities.flatMap((activity) => activity.transfers.map((transfer) => transfer.country))).toContain('Non indiqué dans la politique')

    // And the pack's page shows them.
    await outcome.getByRole('link', { name: 'Ouvrir le pack' }).click()
    const summary = page.locator('summary.activity__summary', { hasText: 'Managing support tickets' })
    const activity = page.locator('details', { has: summary })
    if ((await activity.getAttribute('open')) === null) await summary.click()
    const gaps = activity.getByRole('group', { name: 'Points ouverts de Managing support tickets' })
    await gaps.getByText(/: L’assistant de rédaction n’a rien trouvé dans la politique sur la durée de conservation des données\s; l’auteur n’a rien accepté\. Vérifiez la politique\.$/).waitFor()
    await gaps
      .getByText(/: La politique ne dit pas si Haivision Systems, Inc\. agit en tant que responsable du traitement ou sous-traitant\s; le brouillon le considère comme responsable du traitement/)
      .waitFor()
    await gaps.scrollIntoViewIfNeeded()
    await look('pack-notes')

    expect(cutOff).toEqual([])
    expect(pageErrors).toEqual([])
    await context.close()
  })
})
