/**
 * The template screens in French and German, in Chromium with the browser's language set
 * (`locale: 'fr-FR'`, `'de-DE'`): the template library, a pack's page, the diff a new version
 * brings (the update dialog and an earlier version's page) and the compare-and-take-over view,
 * each in the language with the GDPR's own terms, the vendor's quotes as they are, and at
 * 1280×800 nothing cut off.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RecordForm } from '@core/records/model'
import { confirmSuggestion } from '@core/records/suggestions'
import { recordFromActivity } from '@core/templates/instantiate'
import { validatePackText } from '@core/templates/validate-pack'
import { openApp, startRenderer, type RendererSession } from './browser'
import { FIRST_RUN_WORDS, setUpOrganisationIn, waitForShippedPacks } from './app-steps'
import { pageLooker } from './overflow'
import { readTables } from './stored-tables'
import { NEW_YOUTUBE_QUOTE, V2_ACTIVITY_ID, haivisionV1Text, haivisionV2 } from '../fixtures/packs/haivision-v2'

let session: RendererSession
let fixtureDir: string
beforeAll(async () => {
  session = await startRenderer()
  fixtureDir = mkdtempSync(join(tmpdir(), 'ropa-templates-i18n-'))
})
afterAll(async () => {
  await session?.close()
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true })
})

const STREAMING = 'Allowing users to stream live video on YouTube, Facebook or other platforms'
const YOUTUBE = 'Managing the services offered to users who connect a YouTube account'

/** The DPO's controller record using Haivision 1.0.0, the streaming purpose confirmed, the other suggestion undecided. */
function controllerRecord(): RecordForm {
  const validation = validatePackText(haivisionV1Text())
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems))
  const record = recordFromActivity(validation.pack, V2_ACTIVITY_ID)
  const streaming = record.suggestions!.find((suggestion) => suggestion.description === STREAMING)!
  return { ...record, ...confirmSuggestion({ purposes: record.purposes, evidence: record.evidence, suggestions: record.suggestions ?? [] }, streaming.id) }
}

type Bench = { ropaBench: { repository: { insertRecords(forms: unknown[]): Promise<Array<{ id: string; reference: string }>> } } }

/** The words each language shows on the template screens (the first-run screen's, to get there). */
const WORDS = {
  fr: {
    ...FIRST_RUN_WORDS.fr,
    templates: 'Modèles',
    library: 'Bibliothèque de modèles',
    packsTable: 'Packs de modèles',
    headers: ['Fournisseur', 'Pack de modèles', 'Version', 'Date de la politique', 'Activités', 'Origine', 'Actions'],
    shipped: 'Fourni avec l’application',
    importPack: 'Importer un pack…',
    updateTitle: 'Mettre à jour Haivision de la version 1.0.0 à la version 1.1.0 ?',
    summary: '0 activité ajoutée, 1 activité modifiée, 0 activité supprimée, nouveau texte de politique.',
    changesIn: 'Modifications de Live streaming to social media (YouTube, Facebook)',
    retention: 'Conservation',
    changed: 'Modifié',
    removedSubProcessor: 'Sous-traitant ultérieur « Google Firebase »',
    removed: 'Supprimé',
    affected: 'Fiches créées à partir de la version 1.0.0',
    apply: 'Appliquer la mise à jour',
    updated: 'pack Haivision « haivision » version 1.1.0 mis à jour',
    versionsTable: 'Versions de ce pack',
    processorBadge: 'Sous-traitant',
    activityTemplates: 'Modèles d’activité',
    derivedTable: 'Fiches créées à partir de ce pack',
    compareLink: 'Comparer avec la version 1.1.0',
    viewEarlier: 'Voir la version 1.0.0',
    earlierHeading: /Haivision version 1\.0\.0 Version antérieure, en lecture seule/,
    whatChanged: 'Ce qui a changé de la version 1.0.0 à la version 1.1.0',
    compareTitle: /^Comparer PA-\d+ .* avec la version 1\.1\.0$/,
    suggestionsField: 'Suggestions du fournisseur',
    now: 'Votre fiche actuellement',
    newVersion: 'Version 1.1.0 (nouvelle)',
    currentSuggestion: `Finalité « ${YOUTUBE} », base légale : non indiquée`,
    decided: `Finalité « ${STREAMING} », base légale : non indiquée — confirmée comme votre finalité ; la version 1.1.0 la propose toujours dans ces termes`,
    takeOverGroup: 'Suggestions du fournisseur : reprendre ou conserver',
    takeOver: /Reprendre la version 1\.1\.0/,
    save: /^Enregistrer : passer PA-\d+ à la version 1\.1\.0$/,
    saved: /suit désormais Haivision version 1\.1\.0/
  },
  de: {
    ...FIRST_RUN_WORDS.de,
    templates: 'Vorlagen',
    library: 'Vorlagenbibliothek',
    packsTable: 'Vorlagenpakete',
    headers: ['Anbieter', 'Paket', 'Version', 'Stand der Richtlinie', 'Tätigkeiten', 'Herkunft', 'Aktionen'],
    shipped: 'Mitgeliefert',
    importPack: 'Paket importieren…',
    updateTitle: 'Haivision von Version 1.0.0 auf 1.1.0 aktualisieren?',
    summary: '0 Tätigkeiten hinzugefügt, 1 Tätigkeit geändert, 0 Tätigkeiten entfernt, neuer Richtlinientext.',
    changesIn: 'Änderungen in Live streaming to social media (YouTube, Facebook)',
    retention: 'Speicherdauer',
    changed: 'Geändert',
    removedSubProcessor: 'Unterauftragsverarbeiter „Google Firebase“',
    removed: 'Entfernt',
    affected: 'Aus Version 1.0.0 erstellte Einträge',
    apply: 'Aktualisierung anwenden',
    updated: 'Haivision-Paket „haivision“ Version 1.1.0 aktualisiert',
    versionsTable: 'Versionen dieses Pakets',
    processorBadge: 'Auftragsverarbeiter',
    activityTemplates: 'Tätigkeitsvorlagen',
    derivedTable: 'Aus diesem Paket erstellte Einträge',
    compareLink: 'Mit Version 1.1.0 vergleichen',
    viewEarlier: 'Version 1.0.0 ansehen',
    earlierHeading: /Haivision Version 1\.0\.0 Frühere Version, schreibgeschützt/,
    whatChanged: 'Was sich von Version 1.0.0 zu Version 1.1.0 geändert hat',
    compareTitle: /^PA-\d+ .* mit Version 1\.1\.0 vergleichen$/,
    suggestionsField: 'Vorschläge des Anbieters',
    now: 'Ihr Eintrag jetzt',
    newVersion: 'Version 1.1.0 (neu)',
    currentSuggestion: `Zweck „${YOUTUBE}“, Rechtsgrundlage: nicht angegeben`,
    decided: `Zweck „${STREAMING}“, Rechtsgrundlage: nicht angegeben — als Ihr Zweck bestätigt; Version 1.1.0 bietet ihn weiterhin mit diesem Wortlaut an`,
    takeOverGroup: 'Vorschläge des Anbieters: übernehmen oder beibehalten',
    takeOver: /Version 1\.1\.0 übernehmen/,
    save: /^Speichern: PA-\d+ auf Version 1\.1\.0 bringen$/,
    saved: /folgt jetzt Haivision Version 1\.1\.0/
  }
} as const

describe.each(Object.entries(WORDS))('the template screens in %s', (language, words) => {
  it('library, pack page, version diff and compare view speak the browser’s language, and nothing is cut off', async () => {
    const { context, page, pageErrors } = await openApp(session, '?bench', { locale: words.locale })
    const { look, cutOff } = pageLooker(page, `templates-${language}`)
    try {
      await setUpOrganisationIn(page, words)
      await waitForShippedPacks(page)
      const [made] = await page.evaluate((form) => (window as unknown as Bench).ropaBench.repository.insertRecords([form]), controllerRecord())

      // The library.
      await page.getByRole('link', { name: words.templates, exact: true }).click()
      await page.getByRole('heading', { name: words.library }).waitFor()
      const packs = page.getByRole('table', { name: words.packsTable })
      expect((await packs.locator('thead th').allTextContents()).map((text) => text.trim())).toEqual(words.headers)
      await packs.getByText(words.shipped).first().waitFor()
      await look('library')

      // A new version: the update dialog's diff in the language, the vendor's words as they are.
      const file = join(fixtureDir, `haivision-1.1.0-${language}.json`)
      writeFileSync(file, haivisionV2().packText)
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: words.importPack }).click()
      await (await chooser).setFiles(file)
      const dialog = page.getByRole('dialog', { name: words.updateTitle })
      await dialog.getByText(words.summary).waitFor()
      const changes = dialog.getByRole('table', { name: words.changesIn })
      const rowOf = (label: string) => changes.locator('tr', { has: page.getByRole('rowheader', { name: label, exact: true }) })
      expect(await rowOf(words.retention).locator('td').first().innerText()).toBe(words.changed)
      expect(await rowOf(words.removedSubProcessor).locator('td').first().innerText()).toBe(words.removed)
      await dialog.getByRole('table', { name: words.affected }).getByText(made!.reference).waitFor()
      expect(await dialog.innerText()).not.toMatch(/\b(Added|Removed|Changed|Field|Before|After|Policy quote|Records this update affects)\b/)
      await look('update-dialog')
      await dialog.getByRole('button', { name: words.apply }).click()
      await page.getByText(words.updated).first().waitFor()

      // The pack's page.
      await packs.getByRole('link', { name: 'Haivision' }).click()
      await page.getByRole('heading', { name: words.activityTemplates }).waitFor()
      await page.locator(`#activity-${V2_ACTIVITY_ID} summary`).first().getByText(words.processorBadge, { exact: true }).waitFor()
      await page.getByRole('table', { name: words.versionsTable }).waitFor()
      await look('pack')
      await page.getByRole('table', { name: words.derivedTable }).scrollIntoViewIfNeeded()
      await look('pack-lower')

      // An earlier version, with what changed since.
      await page.getByRole('link', { name: words.viewEarlier }).click()
      await page.getByRole('heading', { name: words.earlierHeading }).waitFor()
      await page.getByText(words.whatChanged).click()
      await page.getByRole('table', { name: words.changesIn }).scrollIntoViewIfNeeded()
      await look('earlier-version-diff')

      // The compare view, the vendor's suggestions with the one already confirmed.
      await page.goto(`${session.baseUrl}?bench#/templates/haivision`)
      await page.getByRole('table', { name: words.derivedTable }).getByRole('link', { name: words.compareLink }).click()
      await page.getByRole('heading', { name: words.compareTitle }).waitFor()
      await look('compare')
      const field = page.getByRole('group', { name: words.suggestionsField, exact: true })
      expect(await field.getByRole('group', { name: words.now }).innerText()).toContain(words.currentSuggestion)
      await field.getByRole('note').getByText(words.decided).waitFor()
      const incoming = field.getByRole('group', { name: words.newVersion })
      await incoming.locator('summary').click()
      await incoming.getByText(NEW_YOUTUBE_QUOTE, { exact: false }).waitFor()
      await field.evaluate((element) => element.scrollIntoView({ block: 'start' }))
      await look('compare-suggestions')
      await page.getByRole('radiogroup', { name: words.takeOverGroup }).getByRole('radio', { name: words.takeOver }).check()
      await page.getByRole('button', { name: words.save }).click()
      await page.getByText(words.saved).first().waitFor()
      const { records } = await readTables(page, ['records'])
      const upgraded = (records as Array<{ id: string; suggestions: Array<{ description: string }>; purposes: Array<{ description: string }> }>).find((record) => record.id === made!.id)!
      expect(upgraded.suggestions.map((suggestion) => suggestion.description)).toEqual([YOUTUBE])
      expect(upgraded.purposes.map((purpose) => purpose.description)).toEqual([STREAMING])

      expect(cutOff).toEqual([])
      expect(pageErrors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
