/**
 * Issue #13, the import & export screens: what the core reports to them (a verified workbook's
 * changed cells, a backup that cannot be restored, an import row's reason, a broken audit chain)
 * and the record schema's validation messages come out in the interface's language, while the
 * CLI and every `message` keep their English.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { anchorOf, chainEntry, GENESIS_HASH, verifyChain, type AuditEntry } from '@core/audit/audit-chain'
import { chainBreakRef, chainBreakText } from '@core/audit/audit-text'
import { parseBackupText } from '@core/backup/backup-format'
import { translateMessage } from '@core/i18n/catalogues'
import { setValidationLocale } from '@core/i18n/validation'
import { openItemSchema, organisationSchema, storedRecordSchema } from '@core/records/model'
import { readWorkbook } from '@core/workbook/read-workbook'
import { verifyWorkbook } from '@core/workbook/verify-workbook'
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'
import { SHEET } from '@core/workbook/columns'
import type { Problem } from '@core/util/problems'
import { exportData, loadWorkbook, sampleRecords } from '../fixtures/workbooks/sample-register'
import { ropa } from '../fixtures/run-ropa'

const said = (problem: Problem, locale: 'en' | 'fr' | 'de') => {
  expect(problem.ref, `${problem.path}: ${problem.message} carries no key`).toBeDefined()
  return translateMessage(problem.ref!, locale)
}

afterEach(() => setValidationLocale('en'))

describe('validation messages of the record schema', () => {
  const acceptedWithoutNote = { id: 'o1', field: 'retention', note: '', quotes: [], resolution: 'accepted', resolutionNote: '' }
  const issueMessages = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) => result.error?.issues.map((issue) => issue.message) ?? []

  it('are English by default (the CLI, the import, a restore in the CLI)', () => {
    expect(issueMessages(openItemSchema.safeParse(acceptedWithoutNote))).toEqual(['Say why this open item is accepted'])
  })

  it('come out in French and German once the validation language is set, as the interface does', () => {
    setValidationLocale('fr')
    expect(issueMessages(openItemSchema.safeParse(acceptedWithoutNote))).toEqual(['Indiquez pourquoi ce point ouvert est accepté'])
    const badOrganisation = organisationSchema.safeParse({ controller: { name: ' ', address: '', email: 'not-an-address', phone: '' }, dpo: {}, representative: {} })
    expect(issueMessages(badOrganisation).sort()).toEqual(['Le nom du responsable du traitement est obligatoire', 'Saisissez une adresse électronique valide, par exemple dpd@exemple.fr'])
    setValidationLocale('de')
    expect(issueMessages(openItemSchema.safeParse(acceptedWithoutNote))).toEqual(['Geben Sie an, warum dieser offene Punkt akzeptiert wird'])
    const record = { ...sampleRecords()[0]!, reference: 'X-1', nextReview: '2026-02-30' }
    expect(issueMessages(storedRecordSchema.safeParse(record)).sort()).toEqual(['Eine Kennung hat die Form PA-0001', 'Geben Sie ein gültiges Datum im Format JJJJ-MM-TT ein'])
  })

  it('follow the interface when its language changes (renderer i18n)', async () => {
    const { i18n } = await import('../../src-renderer/src/i18n/i18n')
    await i18n.changeLanguage('fr')
    try {
      expect(issueMessages(openItemSchema.safeParse(acceptedWithoutNote))).toEqual(['Indiquez pourquoi ce point ouvert est accepté'])
    } finally {
      await i18n.changeLanguage('en')
    }
    expect(issueMessages(openItemSchema.safeParse(acceptedWithoutNote))).toEqual(['Say why this open item is accepted'])
  })
})

describe('"Verify a workbook" names each change in the reader\'s language', () => {
  it('a changed cell and a changed footer: English message for the CLI, French and German for the interface', async () => {
    const bytes = await writeWorkbookBuffer(exportData())
    const workbook = await loadWorkbook(bytes)
    const sheet = workbook.getWorksheet(SHEET.controller)!
    sheet.getCell('B3').value = 'Renamed after export'
    sheet.headerFooter.oddFooter = 'no fingerprint here'
    const result = await verifyWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()))
    expect(result.ok).toBe(false)
    const cell = result.problems.find((problem) => problem.path === `'${SHEET.controller}'!B3`)!
    expect(cell.message).toMatch(/^changed since export \(row 3, column "/)
    expect(said(cell, 'en')).toBe(cell.message)
    expect(said(cell, 'fr')).toMatch(/^modifiée depuis l’export \(ligne 3, colonne « .+ »\)$/)
    expect(said(cell, 'de')).toMatch(/^seit dem Export geändert \(Zeile 3, Spalte „.+“\)$/)
    const footer = result.problems.find((problem) => problem.ref?.key === 'problems:verify.footer')!
    expect(footer.message).toContain(`the page footer of '${SHEET.controller}' does not print the fingerprint`)
    expect(said(footer, 'fr')).toContain(`le pied de page de « ${SHEET.controller} » n’imprime pas l’empreinte`)
    // Every problem the check reported can be said in French: none is left with English only.
    for (const problem of result.problems) expect(said(problem, 'fr')).not.toBe(problem.message)

    // `ropa verify` prints the same differences, in English unless --lang asks for another language.
    const dir = mkdtempSync(join(tmpdir(), 'ropa-verify-lang-'))
    const path = join(dir, 'edited.xlsx')
    writeFileSync(path, new Uint8Array(await workbook.xlsx.writeBuffer()))
    const english = await ropa(['verify', path])
    expect(english.code).toBe(1)
    expect(english.stderr).toContain(`'${SHEET.controller}'!B3: changed since export (row 3, column`)
    const french = await ropa(['verify', path, '--lang', 'fr'])
    expect(french.code).toBe(1)
    expect(french.stderr).toContain(`'${SHEET.controller}'!B3: modifiée depuis l’export (ligne 3, colonne`)
    expect((await ropa(['verify', path, '--lang', 'it'])).stderr).toContain('ropa verify: --lang must be one of en, fr, de, not "it"')
  })

  it('a file that is no workbook at all', async () => {
    const result = await verifyWorkbook(new TextEncoder().encode('Name;Purpose'), 'register.csv')
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.message).toBe('register.csv is not an .xlsx workbook (an .xlsx file is a zip archive; this one does not start like one)')
    expect(said(result.problems[0]!, 'fr')).toBe('register.csv n’est pas un classeur .xlsx (un fichier .xlsx est une archive zip ; celui-ci ne commence pas comme tel)')
  })

  it('a workbook that the app did not export', async () => {
    const foreign = new ExcelJS.Workbook()
    foreign.addWorksheet('Register').getCell('A1').value = 'Purpose'
    const result = await verifyWorkbook(new Uint8Array(await foreign.xlsx.writeBuffer()), 'register.xlsx')
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.message).toMatch(/^has no Verification sheet from this app/)
    expect(said(result.problems[0]!, 'de')).toMatch(/^enthält kein Blatt Verification aus dieser Anwendung/)
  })
})

describe('a backup that cannot be restored', () => {
  it('says why in French and German, and in English for the CLI', () => {
    const newer = parseBackupText(JSON.stringify({ formatVersion: 9 }))
    expect(newer.ok).toBe(false)
    const [problem] = newer.ok ? [] : newer.problems
    expect(problem!.message).toBe('this backup was made by a newer version of the app (backup format 9; this version reads format 1): update the app to restore it')
    expect(said(problem!, 'fr')).toBe('cette sauvegarde a été faite par une version plus récente de l’application (format de sauvegarde 9 ; cette version lit le format 1) : mettez l’application à jour pour la restaurer')
    expect(said(problem!, 'de')).toContain('neueren Version der Anwendung')

    const missing = parseBackupText(JSON.stringify({ formatVersion: 1, exportedAt: '2026-01-01T00:00:00Z', appVersion: '1', organisation: null, userProfile: null, auditLog: [], vendors: [], packs: [] }))
    const records = (missing.ok ? [] : missing.problems).find((entry) => entry.path === '$.records')!
    expect(records.message).toBe('required field "records" is missing (expected array)')
    expect(said(records, 'fr')).toBe('le champ obligatoire « records » manque (attendu : liste)')
  })
})

describe('an imported workbook\'s rows', () => {
  it('give their reason in the reader\'s language', async () => {
    const records = sampleRecords()
    const preview = await readWorkbook(await writeWorkbookBuffer(exportData(records)), records.slice(1))
    if (!preview.ok) throw new Error(preview.problems.map((problem) => problem.message).join('; '))
    const fresh = preview.preview.rows.find((row) => row.reference === records[0]!.reference)!
    expect(fresh.reason).toBe(`${records[0]!.reference} is not in the register yet`)
    expect(translateMessage(fresh.reasonRef!, 'fr')).toBe(`${records[0]!.reference} ne figure pas encore dans le registre`)
    const same = preview.preview.rows.find((row) => row.reference === records[1]!.reference)!
    expect(translateMessage(same.reasonRef!, 'de')).toBe('gleicht dem gespeicherten Eintrag: nichts ändert sich')
  })
})

describe('a broken audit chain', () => {
  function chain(length: number): AuditEntry[] {
    const entries: AuditEntry[] = []
    for (let seq = 1; seq <= length; seq++) {
      entries.push({ ...chainEntry({ at: `2026-01-0${seq}T00:00:00Z`, actor: 'Dana', entity: 'record', entityId: 'r', action: 'update', summary: `edit ${seq}`, changes: [] }, entries.at(-1)?.hash ?? GENESIS_HASH), seq })
    }
    return entries
  }

  it('says which entry and why, in English for the CLI and in French and German', () => {
    const entries = chain(3)
    const altered = entries.map((entry, index) => (index === 1 ? { ...entry, actor: 'Mallory' } : entry))
    const result = verifyChain(altered)
    if (result.ok) throw new Error('expected a break')
    expect(chainBreakText(result.firstBreak)).toBe('entry 2 was altered: its content does not match its hash')
    expect(translateMessage(chainBreakRef(result.firstBreak), 'fr')).toBe('l’entrée 2 a été altérée : son contenu ne correspond pas à son empreinte')
    expect(translateMessage(chainBreakRef(result.firstBreak), 'de')).toBe('Eintrag 2 wurde verändert: sein Inhalt passt nicht zu seinem Hash')

    const cut = verifyChain(entries.slice(0, 1), anchorOf(entries))
    if (cut.ok) throw new Error('expected a break')
    expect(chainBreakText(cut.firstBreak)).toBe('the trail has 1 entries but its anchor records 3: the newest 2 entries were removed')
    expect(translateMessage(chainBreakRef(cut.firstBreak), 'de')).toBe('das Protokoll hat 1 Einträge, sein Anker verzeichnet aber 3: die neuesten 2 Einträge wurden entfernt')
  })

  it('a break read from older data (no key) still says its English reason', () => {
    const ref = chainBreakRef({ seq: 4, index: 3, reason: 'was altered: its content does not match its hash', kind: 'hash' })
    expect(translateMessage(ref, 'fr')).toBe('l’entrée 4 was altered: its content does not match its hash')
  })
})

describe('the rules named in the register\'s and dashboard\'s finding filters', () => {
  it('the English titles are the rules\' own descriptions, and French and German name every rule', async () => {
    const { ALL_RULES } = await import('@core/checks/rules')
    const { CATALOGUES } = await import('@core/i18n/catalogues')
    expect(CATALOGUES.en.rules).toEqual(Object.fromEntries(ALL_RULES.map((rule) => [rule.id, rule.description])))
    for (const locale of ['fr', 'de'] as const) expect(Object.keys(CATALOGUES[locale].rules).sort()).toEqual(ALL_RULES.map((rule) => rule.id).sort())
  })

  it('a rule reads in the interface\'s language, its article cited as that language version does', async () => {
    const { i18n } = await import('../../src-renderer/src/i18n/i18n')
    const { ruleLabel } = await import('../../src-renderer/src/checks/register-health')
    expect(ruleLabel('lawful-basis-missing')).toBe('Each purpose names its Art. 6(1) lawful basis')
    expect(ruleLabel('review-overdue')).toBe('The record has been reviewed by its next review date — Art. 24(1)')
    await i18n.changeLanguage('fr')
    try {
      expect(ruleLabel('lawful-basis-missing')).toBe('Chaque finalité indique sa base légale au sens de l’article 6, paragraphe 1')
      expect(ruleLabel('review-overdue')).toBe('La fiche a été revue avant sa date de prochaine revue — Art. 24, par. 1')
      await i18n.changeLanguage('de')
      expect(ruleLabel('review-overdue')).toBe('Der Eintrag wurde bis zu seinem nächsten Überprüfungsdatum überprüft — Art. 24 Abs. 1')
    } finally {
      await i18n.changeLanguage('en')
    }
  })
})

describe('the guided import\'s words', () => {
  it('every record field the import can fill has a label in the catalogue, English being the engine\'s own', async () => {
    const { TARGET_FIELD_LABELS } = await import('@core/migration/types')
    const { targetKey } = await import('../../src-renderer/src/migration/mapping-view')
    const english = (await import('@core/i18n/locales/en/importExport.json')).default.guided.target as Record<string, string>
    expect(english).toEqual(Object.fromEntries(Object.entries(TARGET_FIELD_LABELS).map(([field, label]) => [targetKey(field as keyof typeof TARGET_FIELD_LABELS), label])))
  })

  it('why a column was proposed, and a planned value, in French', async () => {
    const { i18n } = await import('../../src-renderer/src/i18n/i18n')
    const { whyProposed, describeTarget } = await import('../../src-renderer/src/migration/mapping-view')
    const column = { dictionary: 'english' as const, matched: 'Retention', confidence: 0.9, target: { kind: 'field' as const, field: 'dataCategories[].retention' as const } }
    expect(whyProposed(column)).toBe("matched common English heading 'Retention' (close match, 90%)")
    await i18n.changeLanguage('fr')
    try {
      expect(whyProposed(column)).toBe('correspond à l’en-tête anglais courant « Retention » (correspondance approchée, 90 %)')
      expect(describeTarget({ kind: 'note' })).toBe('Garder en note')
      expect(describeTarget(column.target)).toBe('Délais d’effacement')
    } finally {
      await i18n.changeLanguage('en')
    }
  })
})
