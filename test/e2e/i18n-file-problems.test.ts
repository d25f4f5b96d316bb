/**
 * Issue #13, refused files: in German and in French, the Import & export page and the guided
 * import refuse a hostile workbook (a sheet declaring 99,999,999,999 columns), a workbook with no
 * register headings, a damaged workbook to verify and a CSV with an unclosed quote, each saying
 * why in the interface's language, with no English sentence of the `fileProblems` catalogue left
 * on screen and nothing cut off at 1280×800. Screenshots: test-results/screenshots/i18n-files-<language>-*.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import enFileProblems from '@core/i18n/locales/en/fileProblems'
import { invalidOrganisationProfile, workbookWithOrganisationEdited } from '../fixtures/workbooks/organisation-edited'
import { workbookWithSheet } from '../fixtures/workbooks/zip-of'
import { chooseFile, FIRST_RUN_WORDS, setUpOrganisationIn } from './app-steps'
import { openApp, startRenderer, type RendererSession } from './browser'
import { fragmentsOnScreen, pageLooker } from './overflow'

const NNBSP = '\u202f'
const files = mkdtempSync(join(tmpdir(), 'ropa-e2e-i18n-files-'))
let session: RendererSession
beforeAll(async () => {
  session = await startRenderer()
  writeFileSync(join(files, 'hostile.xlsx'), workbookWithSheet('<cols><col min="1" max="99999999999" width="9"/></cols><sheetData/>', 'Verarbeitungen'))
  const shopping = new ExcelJS.Workbook()
  shopping.addWorksheet('Einkäufe').addRow(['Artikel', 'Preis'])
  writeFileSync(join(files, 'einkaeufe.xlsx'), new Uint8Array(await shopping.xlsx.writeBuffer()))
  const whole = workbookWithSheet('<sheetData/>')
  writeFileSync(join(files, 'cut.xlsx'), whole.slice(0, Math.floor(whole.length / 2)))
  writeFileSync(join(files, 'profile.xlsx'), await workbookWithOrganisationEdited(invalidOrganisationProfile))
  writeFileSync(join(files, 'legacy.csv'), 'Name;Purpose\nPayroll;Pay staff\n"Recruiting;Hire people\n')
})
afterAll(async () => {
  await session?.close()
  rmSync(files, { recursive: true, force: true })
})

/** The English sentences of the catalogue, as fragments between placeholders long enough to be telling. */
const ENGLISH = [
  ...new Set(
    Object.values(enFileProblems)
      .flatMap((text) => text.split(/\{\{[^}]*\}\}/))
      .map((fragment) => fragment.trim())
      .filter((fragment) => fragment.length >= 14)
  )
]

const englishOnScreen = (page: Page) => fragmentsOnScreen(page, ENGLISH)

const WORDS = {
  de: {
    ...FIRST_RUN_WORDS.de,
    data: 'Import und Export',
    chooseWorkbook: 'Arbeitsmappe wählen…',
    verify: 'Arbeitsmappe prüfen…',
    guided: 'Verzeichnis aus einer Tabelle Schritt für Schritt importieren',
    chooseSpreadsheet: 'Tabelle wählen…',
    hostileTitle: 'hostile.xlsx kann nicht importiert werden; nichts wurde gespeichert',
    hostile: `hostile.xlsx: das Tabellenblatt „Verarbeitungen“ gibt die Spalten 1 bis 99.999.999.999 an (<col min="1" max="99999999999">); ein Tabellenblatt hat höchstens 16.384 Spalten. Die Datei ist beschädigt oder darauf angelegt, die Anwendung abstürzen zu lassen, und wurde daher nicht gelesen`,
    noHeadings: 'keine erkennbaren Verzeichnis-Überschriften in den ersten 20 Zeilen der Blätter („Einkäufe“)',
    profileTitle: 'profile.xlsx kann nicht importiert werden; nichts wurde gespeichert',
    profileFields: ['Datenschutzbeauftragter › E-Mail: ', 'Gemeinsam Verantwortlicher 1 › Name: '],
    cutTitle: 'cut.xlsx wurde nicht geprüft',
    cut: 'cut.xlsx ist beschädigt: das Zip-Archiv hat kein zentrales Verzeichnis (wurde es abgeschnitten?)',
    csvTitle: 'legacy.csv kann nicht importiert werden; es wurde nichts gespeichert',
    csvLine: 'legacy.csv: Zeile 3',
    csv: 'ein Wert in Anführungszeichen wird nicht geschlossen (technisches Detail: Quoted field unterminated)'
  },
  fr: {
    ...FIRST_RUN_WORDS.fr,
    data: 'Import et export',
    chooseWorkbook: 'Choisir un classeur…',
    verify: 'Vérifier un classeur…',
    guided: 'Importer un registre depuis un tableur, étape par étape',
    chooseSpreadsheet: 'Choisir un tableur…',
    hostileTitle: 'hostile.xlsx ne peut pas être importé ; rien n’a été enregistré',
    hostile: `hostile.xlsx : la feuille « Verarbeitungen » déclare les colonnes 1 à 99${NNBSP}999${NNBSP}999${NNBSP}999 (<col min="1" max="99999999999">) ; une feuille compte au plus 16${NNBSP}384 colonnes. Le fichier est endommagé ou conçu pour faire planter l’application : il n’a donc pas été lu`,
    noHeadings: 'aucun en-tête de registre reconnaissable dans les 20 premières lignes des feuilles (« Einkäufe »)',
    profileTitle: 'profile.xlsx ne peut pas être importé ; rien n’a été enregistré',
    profileFields: ['Délégué à la protection des données › Courriel : ', 'Responsable conjoint 1 › Nom : '],
    cutTitle: 'cut.xlsx n’a pas été contrôlé',
    cut: 'cut.xlsx est endommagé : l’archive zip n’a pas de répertoire central (a-t-elle été tronquée ?)',
    csvTitle: 'legacy.csv ne peut pas être importé ; rien n’a été enregistré',
    csvLine: 'legacy.csv : ligne 3',
    csv: 'une valeur entre guillemets n’est pas refermée (détail technique : Quoted field unterminated)'
  }
} as const

describe.each(Object.entries(WORDS))('refused files in %s', (language, words) => {
  it('says why each file was not read in the interface’s language, with nothing cut off and no English left', async () => {
    const { context, page, pageErrors } = await openApp(session, '', { locale: words.locale })
    const { look, cutOff } = pageLooker(page, `i18n-files-${language}`)
    const english: string[] = []
    const lookAt = async (name: string, alert: ReturnType<Page['getByRole']>) => {
      await alert.scrollIntoViewIfNeeded()
      await look(name)
      english.push(...(await englishOnScreen(page)).map((fragment) => `${name}: "${fragment}"`))
    }
    const choose = (button: string, path: string) => chooseFile(page, button, path)
    try {
      await setUpOrganisationIn(page, words)
      await page.getByRole('link', { name: words.data, exact: true }).click()
      await page.getByRole('heading', { name: words.data, level: 1 }).waitFor()

      // A workbook built to freeze the app: refused before it is unpacked, the sheet named as typed.
      await choose(words.chooseWorkbook, join(files, 'hostile.xlsx'))
      const hostile = page.getByRole('alert').filter({ hasText: words.hostileTitle })
      await hostile.waitFor()
      expect(await hostile.textContent()).toContain(words.hostile)
      await lookAt('hostile-workbook', hostile)

      // A spreadsheet without the register's headings.
      await choose(words.chooseWorkbook, join(files, 'einkaeufe.xlsx'))
      const noHeadings = page.getByRole('alert').filter({ hasText: words.noHeadings })
      await noHeadings.waitFor()
      await lookAt('no-headings', noHeadings)

      // The app's own workbook whose organisation profile was edited by hand: each field named as the Organisation page names it.
      await choose(words.chooseWorkbook, join(files, 'profile.xlsx'))
      const profile = page.getByRole('alert').filter({ hasText: words.profileTitle })
      await profile.waitFor()
      const profileText = (await profile.textContent()) ?? ''
      for (const field of words.profileFields) expect(profileText).toContain(field)
      expect(profileText).not.toMatch(/dpo\.email|jointControllers/)
      await lookAt('organisation-profile', profile)

      // "Verify a workbook" with a file cut short: not checked, and why.
      await choose(words.verify, join(files, 'cut.xlsx'))
      const cut = page.getByRole('alert').filter({ hasText: words.cutTitle })
      await cut.waitFor()
      expect(await cut.textContent()).toContain(words.cut)
      await lookAt('verify-damaged', cut)

      // The guided import: a CSV whose quote is never closed, the line said in the language.
      await page.getByRole('link', { name: words.guided }).click()
      await choose(words.chooseSpreadsheet, join(files, 'legacy.csv'))
      const csv = page.getByRole('alert').filter({ hasText: words.csvTitle })
      await csv.waitFor()
      expect(await csv.locator('li').first().textContent()).toBe(`${words.csvLine} ${words.csv}`)
      await lookAt('csv-quote', csv)

      expect(english).toEqual([])
      expect(cutOff).toEqual([])
      expect(pageErrors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
