/**
 * The Import & export page and the guided import in French and German, in Chromium with the
 * browser's language set: restore a backup, export a workbook, verify it (and an edited copy),
 * refuse a backup from a newer app, preview a workbook import, and map and preview a legacy
 * spreadsheet. What the core reports (changed cells, backup problems, import reasons) reads in
 * the language too. At 1280×800 nothing is cut off, and no English text of the page's catalogue
 * is left on screen. Screenshots: test-results/screenshots/i18n-io-<language>-*.png.
 */
import { chooseFile, FIRST_RUN_WORDS, setUpOrganisationIn } from './app-steps'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackup, serialiseBackup } from '@core/backup/backup-format'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'
import enImportExport from '@core/i18n/locales/en/importExport.json'
import enProblems from '@core/i18n/locales/en/problems'
import enRules from '@core/i18n/locales/en/rules'
import { storedRecordSchema } from '@core/records/model'
import { SHEET } from '@core/workbook/columns'
import { verifyWorkbook } from '@core/workbook/verify-workbook'
import { LEGACY_FILE_NAME, legacyWorkbook } from '../fixtures/migration/legacy-workbook'
import { openApp, screenshot, startRenderer, type RendererSession } from './browser'
import { fragmentsOnScreen, overflowing } from './overflow'

const files = mkdtempSync(join(tmpdir(), 'ropa-e2e-i18n-io-'))
let session: RendererSession
beforeAll(async () => {
  session = await startRenderer()
  writeFileSync(join(files, LEGACY_FILE_NAME), await legacyWorkbook())
  const records = generateDemoRegister(12, 4).map((record) => storedRecordSchema.parse(record))
  const backup = createBackup({ exportedAt: '2026-04-01T09:00:00.000Z', appVersion: 'e2e', organisation: demoOrganisation(), userProfile: { name: 'Dana Fischer', role: 'DPO' }, records, auditLog: [], vendors: [], packs: [] })
  writeFileSync(join(files, 'demo-backup.json'), serialiseBackup(backup))
  writeFileSync(join(files, 'newer-backup.json'), JSON.stringify({ ...JSON.parse(serialiseBackup(backup)), formatVersion: 9 }))
})
afterAll(async () => {
  await session?.close()
  rmSync(files, { recursive: true, force: true })
})

/** Every English text of the page's catalogue and of the core's problems, as fragments between placeholders, long enough to be telling. */
function englishFragments(): string[] {
  const texts: string[] = []
  const collect = (value: unknown) => {
    if (typeof value === 'string') texts.push(value)
    else if (value && typeof value === 'object') Object.values(value).forEach(collect)
  }
  collect(enImportExport)
  collect(enProblems)
  return [...new Set(texts.flatMap((text) => text.split(/\{\{[^}]*\}\}|<\/?\w+>/)).map((fragment) => fragment.trim()).filter((fragment) => fragment.length >= 14))]
}
const ENGLISH = englishFragments()

const englishOnScreen = (page: Page) => fragmentsOnScreen(page, ENGLISH)

const WORDS = {
  fr: {
    ...FIRST_RUN_WORDS.fr,
    data: 'Import et export',
    restoreFromFile: 'Restaurer depuis un fichier de sauvegarde…',
    summary: 'Sauvegarde à restaurer',
    records: 'Fiches12',
    replace: 'Remplacer le registre par cette sauvegarde…',
    replaceConfirm: 'Remplacer par la sauvegarde',
    restored: '12 fiches restaurées',
    exportWorkbook: 'Exporter le classeur (.xlsx)',
    exported: '12 fiches exportées dans',
    verify: 'Vérifier un classeur…',
    verifyRegion: 'Vérifier un classeur',
    unchanged: 'export.xlsx n’a pas été modifié depuis l’export',
    differences: 'edited.xlsx n’est pas le classeur tel qu’exporté : 1 différence',
    changedCell: `'${SHEET.controller}'!B4 modifiée depuis l’export (ligne 4, colonne`,
    cannotRestore: 'newer-backup.json ne peut pas être restauré ; rien n’a été modifié',
    newer: 'cette sauvegarde a été faite par une version plus récente de l’application',
    chooseWorkbook: 'Choisir un classeur…',
    previewOf: 'Aperçu de export.xlsx',
    identical: 'identique à la fiche enregistrée : rien ne change',
    cancel: 'Annuler',
    guided: 'Importer un registre depuis un tableur, étape par étape',
    chooseSpreadsheet: 'Choisir un tableur…',
    previewRecords: 'Aperçu des fiches',
    register: 'Registre',
    leaveImport: 'Quitter l’import',
    organisation: 'Organisme',
    saveOrganisation: 'Enregistrer l’organisme',
    controllerNameRequired: 'Le nom du responsable du traitement est obligatoire',
    dashboard: 'Tableau de bord',
    auditTrail: 'Journal d’audit',
    restoredEntry: 'Registre restauré à partir d’une sauvegarde faite le 1er avril 2026 à 09:00 UTC (12 fiches, 0 entrée du journal d’audit)',
    completeness: 'Complétude de l’art. 30'
  },
  de: {
    ...FIRST_RUN_WORDS.de,
    data: 'Import und Export',
    restoreFromFile: 'Aus einer Sicherungsdatei wiederherstellen…',
    summary: 'Wiederherzustellende Sicherung',
    records: 'Einträge12',
    replace: 'Verzeichnis durch diese Sicherung ersetzen…',
    replaceConfirm: 'Durch die Sicherung ersetzen',
    restored: '12 Einträge wiederhergestellt',
    exportWorkbook: 'Arbeitsmappe exportieren (.xlsx)',
    exported: '12 Einträge nach',
    verify: 'Arbeitsmappe prüfen…',
    verifyRegion: 'Arbeitsmappe prüfen',
    unchanged: 'export.xlsx ist seit dem Export unverändert',
    differences: 'edited.xlsx ist nicht die Arbeitsmappe, wie sie exportiert wurde: 1 Abweichung',
    changedCell: `'${SHEET.controller}'!B4 seit dem Export geändert (Zeile 4, Spalte`,
    cannotRestore: 'newer-backup.json kann nicht wiederhergestellt werden; nichts wurde geändert',
    newer: 'diese Sicherung wurde mit einer neueren Version der Anwendung erstellt',
    chooseWorkbook: 'Arbeitsmappe wählen…',
    previewOf: 'Vorschau von export.xlsx',
    identical: 'gleicht dem gespeicherten Eintrag: nichts ändert sich',
    cancel: 'Abbrechen',
    guided: 'Verzeichnis aus einer Tabelle Schritt für Schritt importieren',
    chooseSpreadsheet: 'Tabelle wählen…',
    previewRecords: 'Vorschau der Einträge',
    register: 'Verzeichnis',
    leaveImport: 'Import verlassen',
    organisation: 'Organisation',
    saveOrganisation: 'Organisation speichern',
    controllerNameRequired: 'Der Name des Verantwortlichen ist erforderlich',
    dashboard: 'Übersicht',
    auditTrail: 'Prüfprotokoll',
    restoredEntry: 'Verzeichnis aus einer Sicherung vom 1. April 2026, 09:00 UTC wiederhergestellt (12 Einträge, 0 Einträge im Prüfprotokoll)',
    completeness: 'Vollständigkeit nach Art. 30'
  }
} as const

describe.each(Object.entries(WORDS))('Import & export in %s', (language, words) => {
  it('restores, exports, verifies, refuses and previews in the interface’s language, with nothing cut off and no English left', async () => {
    const { context, page, pageErrors } = await openApp(session, '', { locale: words.locale })
    const findings: string[] = []
    const look = async (name: string) => {
      await page.waitForFunction(() => [...document.querySelectorAll('[data-sonner-toast]')].every((toast) => getComputedStyle(toast).opacity === '1'))
      await screenshot(page, `i18n-io-${language}-${name}`)
      findings.push(...(await overflowing(page)).map((problem) => `${name}: cut off: ${problem}`))
      findings.push(...(await englishOnScreen(page)).map((fragment) => `${name}: English: "${fragment}"`))
    }
    const choose = (button: string, path: string) => chooseFile(page, button, path)
    try {
      await setUpOrganisationIn(page, words)
      await page.getByRole('link', { name: words.data, exact: true }).click()
      await page.getByRole('heading', { name: words.data, level: 1 }).waitFor()
      await look('page')

      // Restore a backup: its summary, the confirmation, the toast.
      await choose(words.restoreFromFile, join(files, 'demo-backup.json'))
      const summary = page.getByRole('region', { name: words.summary })
      await expect.poll(() => summary.textContent()).toContain(words.records)
      await summary.scrollIntoViewIfNeeded()
      await look('restore-summary')
      await summary.getByRole('button', { name: words.replace }).click()
      await page.getByRole('dialog').waitFor()
      await look('restore-confirm')
      await page.getByRole('button', { name: words.replaceConfirm }).click()
      await page.getByText(words.restored).waitFor()

      // Export the workbook: a real download the core verifies, and the toast.
      const download = page.waitForEvent('download')
      await page.getByRole('button', { name: words.exportWorkbook }).click()
      const exportedPath = join(files, `export-${language}.xlsx`)
      await (await download).saveAs(exportedPath)
      await page.getByText(words.exported).waitFor()
      await page.evaluate(() => window.scrollTo(0, 0))
      await look('exported')
      const exported = new Uint8Array(readFileSync(exportedPath))
      expect((await verifyWorkbook(exported)).ok).toBe(true)
      writeFileSync(join(files, 'export.xlsx'), exported)

      // Verify it, then a copy with one cell edited: the change named by sheet and cell, in the language.
      const section = page.getByRole('region', { name: words.verifyRegion })
      await choose(words.verify, join(files, 'export.xlsx'))
      await section.getByText(words.unchanged).waitFor()
      await section.scrollIntoViewIfNeeded()
      await look('verified')
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(exported as unknown as ArrayBuffer)
      workbook.getWorksheet(SHEET.controller)!.getCell('B4').value = 'Renamed in the spreadsheet'
      writeFileSync(join(files, 'edited.xlsx'), new Uint8Array(await workbook.xlsx.writeBuffer()))
      await choose(words.verify, join(files, 'edited.xlsx'))
      const alert = section.getByRole('alert')
      await alert.waitFor()
      expect(await alert.textContent()).toContain(words.differences)
      expect(await alert.textContent()).toContain(words.changedCell)
      await alert.scrollIntoViewIfNeeded()
      await look('verify-differences')

      // A backup from a newer app is refused, saying why.
      await choose(words.restoreFromFile, join(files, 'newer-backup.json'))
      const refusal = page.getByRole('alert').filter({ hasText: words.cannotRestore })
      await refusal.waitFor()
      expect(await refusal.textContent()).toContain(words.newer)
      await refusal.scrollIntoViewIfNeeded()
      await look('restore-refused')

      // Import the exported workbook again: every row is the stored record, said in the language.
      await choose(words.chooseWorkbook, join(files, 'export.xlsx'))
      const preview = page.getByRole('heading', { name: words.previewOf })
      await preview.waitFor()
      expect(await page.locator('.import-preview').textContent()).toContain(words.identical)
      await preview.scrollIntoViewIfNeeded()
      await look('import-preview')
      await page.locator('.import-preview').getByRole('button', { name: words.cancel }).click()

      // The guided import of a legacy spreadsheet: the mapping and the preview.
      await page.getByRole('link', { name: words.guided }).click()
      await choose(words.chooseSpreadsheet, join(files, LEGACY_FILE_NAME))
      await page.getByRole('button', { name: words.previewRecords }).waitFor()
      await look('migration-mapping')
      await page.getByRole('button', { name: words.previewRecords }).click()
      await page.locator('article').first().waitFor()
      await page.evaluate(() => window.scrollTo(0, 0))
      await look('migration-preview')

      // The register's finding filter names each rule in the language, never by its English description.
      await page.getByRole('navigation').getByRole('link', { name: words.register, exact: true }).click()
      // Leaving the guided import before importing asks first (nothing is stored either way).
      await page.getByRole('dialog').getByRole('button', { name: words.leaveImport }).click()
      await page.getByRole('heading', { name: words.registerTitle }).waitFor()
      await page.locator('.health--pending').first().waitFor({ state: 'detached' })
      const ruleOptions = await page.locator('.filter--finding optgroup').nth(1).locator('option').allTextContents()
      expect(ruleOptions.length).toBeGreaterThan(0)
      const englishRules = Object.values(enRules).map((text) => text.replace(/\.$/, ''))
      expect(ruleOptions.filter((option) => englishRules.some((rule) => option.startsWith(rule)))).toEqual([])
      await look('register')

      // The organisation's controller name left empty: the schema's own message, in the language.
      await page.getByRole('navigation').getByRole('link', { name: words.organisation, exact: true }).click()
      const controllerName = page.locator('fieldset', { hasText: words.controller }).getByLabel(words.organisationName)
      await controllerName.fill('')
      await page.getByRole('button', { name: words.saveOrganisation }).click()
      await page.getByText(words.controllerNameRequired).first().waitFor()
      await look('organisation-required')

      // The restore's audit entry says when the backup was made as the language writes it, not as a raw timestamp.
      await page.getByRole('navigation').getByRole('link', { name: words.auditTrail, exact: true }).click()
      const auditTable = page.getByRole('table', { name: words.auditTrail })
      await auditTable.waitFor()
      // The rows arrive after the table: wait for them.
      await expect.poll(() => auditTable.locator('tbody tr td:nth-child(6)').allTextContents()).toContain(words.restoredEntry)
      await auditTable.getByText(words.restoredEntry).scrollIntoViewIfNeeded()
      await look('audit-restore')

      await page.getByRole('navigation').getByRole('link', { name: words.dashboard, exact: true }).click()
      await page.getByText(words.completeness).first().waitFor()
      await look('dashboard')

      expect(findings).toEqual([])
      expect(pageErrors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
