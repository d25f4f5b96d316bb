/**
 * Issue #13: a broken pack file imported on the template library is refused in the browser's
 * language (`locale: 'fr-FR'`, `'de-DE'`): each line says where (the place in words, then the
 * JSON path the author edits, as it is) and why, in French or German; the vendor's quote and the
 * file's own keys stay as they are. Nothing is installed, and at 1280×800 nothing is cut off.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp, startRenderer, type RendererSession } from './browser'
import { FIRST_RUN_WORDS, setUpOrganisationIn, waitForShippedPacks } from './app-steps'
import { pageLooker } from './overflow'
import { readTables } from './stored-tables'
import { fixturePackV2Json } from '../fixtures/packs/fixture-pack'

let session: RendererSession
let fixtureDir: string
beforeAll(async () => {
  session = await startRenderer()
  fixtureDir = mkdtempSync(join(tmpdir(), 'ropa-pack-problems-i18n-'))
})
afterAll(async () => {
  await session?.close()
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true })
})

const INVENTED_QUOTE = 'We use this information to sell it to anyone.'

/** The fixture pack with its shape broken: a role that is no role, a field the format does not have. */
function shapeBrokenPack(): string {
  const pack = fixturePackV2Json()
  pack.activities[0].colour = 'blue'
  pack.activities[0].role = 'owner'
  return JSON.stringify(pack, null, 2)
}

/** The fixture pack in good shape, but a quote its policy does not have and a vocabulary key misspelt. */
function contentBrokenPack(): string {
  const pack = fixturePackV2Json()
  pack.activities[0].purposes[0].quotes[0] = INVENTED_QUOTE
  pack.activities[0].dataCategories[0].term = 'user.nmae'
  return JSON.stringify(pack, null, 2)
}

/** A pack that imports with warnings: no source text (its quotes unchecked), and special-category data it does not declare. */
function packWithWarnings(): string {
  const pack = fixturePackV2Json()
  pack.sources = []
  pack.source.sha256 = createHash('sha256').update('').digest('hex')
  pack.activities[0].dataCategories[0].term = 'user.biometric'
  return JSON.stringify(pack, null, 2)
}

const WORDS = {
  fr: {
    ...FIRST_RUN_WORDS.fr,
    templates: 'Modèles',
    library: 'Bibliothèque de modèles',
    importPack: 'Importer un pack…',
    region: 'Résultat de l’import',
    invalid: (file: string) => `${file} n’est pas un pack de modèles valide. Rien n’a été importé.`,
    unchecked: /Il ne contient aucun texte source/,
    shapeLines: [
      'Activité 1 « Customer accounts » › Rôle — $.activities[0].role: valeur non valide : l’une de "controller"|"joint-controller"|"processor" était attendue ; trouvé "owner"',
      'Activité 1 « Customer accounts » › Colour — $.activities[0].colour: champ inconnu « colour » : il ne fait pas partie du format 2 des packs de modèles'
    ],
    contentLines: [
      'Activité 1 « Customer accounts » › Catégorie de données 1 › Terme — $.activities[0].dataCategories[0].term: « user.nmae » ne figure pas dans le vocabulaire (fideslang et ajouts RGPD) : vouliez-vous dire « user.name » ? Utilisez une clé de catégorie de données (`ropa templates vocabulary --search <texte>` les liste) ou « custom:<texte> »',
      `Activité 1 « Customer accounts » › Finalité 1 › Citation 1 — $.activities[0].purposes[0].quotes[0]: citation introuvable mot pour mot dans le texte de la politique (espaces normalisées) : « ${INVENTED_QUOTE} » ; les 27 premiers caractères correspondent, puis elle diffère à « sell it to anyone. »`
    ],
    warningLines: [
      'Activité 1 « Customer accounts » › Catégorie de données 1 › Terme — $.activities[0].dataCategories[0].term: « user.biometric » relève des catégories particulières de données de l’article 9 (Données biométriques aux fins d’identifier une personne physique de manière unique), mais specialCategories ne mentionne pas cette catégorie',
      'Documents sources — $.sources: le pack ne contient aucun texte source : ses citations n’ont pas été vérifiées, et ses valeurs s’affichent comme non vérifiées'
    ]
  },
  de: {
    ...FIRST_RUN_WORDS.de,
    templates: 'Vorlagen',
    library: 'Vorlagenbibliothek',
    importPack: 'Paket importieren…',
    region: 'Ergebnis des Imports',
    invalid: (file: string) => `${file} ist kein gültiges Vorlagenpaket. Es wurde nichts importiert.`,
    unchecked: /Es enthält keinen Quelltext/,
    shapeLines: [
      'Tätigkeit 1 „Customer accounts“ › Rolle — $.activities[0].role: ungültiger Wert: einer von "controller"|"joint-controller"|"processor" erwartet; gefunden wurde "owner"',
      'Tätigkeit 1 „Customer accounts“ › Colour — $.activities[0].colour: unbekanntes Feld „colour“: gehört nicht zum Format 2 der Vorlagenpakete'
    ],
    contentLines: [
      'Tätigkeit 1 „Customer accounts“ › Datenkategorie 1 › Begriff — $.activities[0].dataCategories[0].term: „user.nmae“ steht nicht im Vokabular (fideslang und DSGVO-Ergänzungen): Meinten Sie „user.name“? Verwenden Sie einen Schlüssel für Datenkategorien (`ropa templates vocabulary --search <Text>` listet sie auf) oder „custom:<Text>“',
      `Tätigkeit 1 „Customer accounts“ › Zweck 1 › Zitat 1 — $.activities[0].purposes[0].quotes[0]: Zitat im Text der Richtlinie nicht wörtlich gefunden (Leerraum vereinheitlicht): „${INVENTED_QUOTE}“; die ersten 27 Zeichen stimmen überein, dann weicht es bei „sell it to anyone.“ ab`
    ],
    warningLines: [
      'Tätigkeit 1 „Customer accounts“ › Datenkategorie 1 › Begriff — $.activities[0].dataCategories[0].term: „user.biometric“ gehört zu den besonderen Kategorien personenbezogener Daten nach Art. 9 (Biometrische Daten zur eindeutigen Identifizierung einer natürlichen Person), aber specialCategories führt sie nicht auf',
      'Quelldokumente — $.sources: das Paket enthält keinen Quelltext: Seine Zitate wurden nicht geprüft, und seine Werte erscheinen als ungeprüft'
    ]
  }
} as const

/** English a refusal would say, none of which may be left on the screen. */
const ENGLISH = /\b(Activity \d|Purpose \d|Quote \d|unknown field|Invalid option|not found verbatim|is not in the vocabulary|did you mean|is not a valid template pack)\b/

async function importFile(page: Page, words: (typeof WORDS)[keyof typeof WORDS], name: string, text: string): Promise<string[]> {
  const file = join(fixtureDir, name)
  writeFileSync(file, text)
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: words.importPack }).click()
  await (await chooser).setFiles(file)
  const outcome = page.getByRole('alert', { name: words.region })
  await outcome.getByText(words.invalid(name)).waitFor()
  expect(await outcome.innerText()).not.toMatch(ENGLISH)
  return (await outcome.locator('li').allInnerTexts()).map((line) => line.trim())
}

describe.each(Object.entries(WORDS))('a broken pack refused in %s', (language, words) => {
  it('says where and why in the browser’s language, installs nothing, and nothing is cut off', async () => {
    const { context, page, pageErrors } = await openApp(session, '', { locale: words.locale })
    const { look, cutOff } = pageLooker(page, `pack-problems-${language}`)
    try {
      await setUpOrganisationIn(page, words)
      await waitForShippedPacks(page)
      await page.getByRole('link', { name: words.templates, exact: true }).click()
      await page.getByRole('heading', { name: words.library }).waitFor()

      expect(await importFile(page, words, `acme-shape-${language}.json`, shapeBrokenPack())).toEqual(words.shapeLines)
      await look('shape')
      expect(await importFile(page, words, `acme-content-${language}.json`, contentBrokenPack())).toEqual(words.contentLines)
      await look('content')

      // Refused: only the shipped packs are stored.
      expect((await readTables(page, ['packs'])).packs.map((pack) => (pack as { id: string }).id)).not.toContain(fixturePackV2Json().id)

      // A pack that imports, with what it should fix: the warnings in the language, the activity named.
      writeFileSync(join(fixtureDir, `acme-warnings-${language}.json`), packWithWarnings())
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: words.importPack }).click()
      await (await chooser).setFiles(join(fixtureDir, `acme-warnings-${language}.json`))
      const installed = page.getByRole('status', { name: words.region })
      await installed.getByText(words.unchecked).waitFor()
      expect((await installed.locator('li').allInnerTexts()).map((line) => line.trim())).toEqual(words.warningLines)
      await look('warnings')
      await expect.poll(async () => (await readTables(page, ['packs'])).packs.map((pack) => (pack as { id: string }).id)).toContain(fixturePackV2Json().id)
      expect(cutOff).toEqual([])
      expect(pageErrors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
