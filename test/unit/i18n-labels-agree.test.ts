/**
 * Issue #13: a stored value and a citation read the same on the screen, in the workbook, in the
 * CLI and in the findings, in English, French and German. The interface's `labels` namespace is
 * made from the core's one catalogue; these tests compare what each side says, value by value,
 * and read the workbook back cell by cell.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { runChecks } from '@core/checks/run-checks'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'
import { LOCALES, type Locale } from '@core/i18n'
import { CATALOGUES, formatArticle, labelIn, termLabelIn, translateMessage } from '@core/i18n/catalogues'
import { ENUM_LABEL_GROUPS, type EnumLabelMapName } from '@core/i18n/enum-labels'
import { LABEL_GROUPS } from '@core/i18n/locales/en/labels'
import * as enums from '@core/records/enums'
import { art9ConditionOf, lawfulBasisOf, specialCategoryOf } from '@core/migration/content-rules'
import { LIST_NAMES, type ListName } from '@core/workbook/columns'
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'
import { articleHeadingIn, articleInWords, auditActionInWords, fieldInWords, findingMessage, valueInWords } from '../../src-renderer/src/i18n/findings'
import { i18n } from '../../src-renderer/src/i18n/i18n'
import { enumLabel, enumLabels } from '../../src-renderer/src/i18n/labels'
import { UI_CATALOGUES } from '../../src-renderer/src/i18n/catalogues'
import { ropa } from '../fixtures/run-ropa'

const TODAY = '2026-12-06'
const labelMaps = Object.keys(ENUM_LABEL_GROUPS) as EnumLabelMapName[]

afterAll(async () => {
  await i18n.changeLanguage('en')
})

/** The enumeration each column of the workbook's Lists sheet offers. */
const LIST_ENUMS: Record<ListName, EnumLabelMapName> = {
  role: 'RECORD_ROLE_LABELS',
  status: 'RECORD_STATUS_LABELS',
  lawfulBasis: 'LAWFUL_BASIS_LABELS',
  transferMechanism: 'TRANSFER_MECHANISM_LABELS',
  transferInstrument: 'TRANSFER_INSTRUMENT_LABELS',
  recipientType: 'RECIPIENT_TYPE_LABELS',
  dpiaRequired: 'DPIA_REQUIRED_LABELS',
  dpiaStatus: 'DPIA_STATUS_LABELS'
}

function exportIn(locale: Locale) {
  const records = generateDemoRegister(12, 5)
  const findings = runChecks(records, { organisation: null, today: TODAY, installedPackVersions: {} })
  return { records, findings, bytes: writeWorkbookBuffer({ organisation: demoOrganisation(), records, vendors: [], appVersion: '0.1.0-test', exportedAt: '2026-12-06T09:30:00.000Z', filters: '', locale, findings }) }
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}
const cellText = (cell: ExcelJS.Cell): string => (cell.value === null || cell.value === undefined ? '' : String(cell.value))
function columnTexts(sheet: ExcelJS.Worksheet, column: number, fromRow: number): string[] {
  const texts: string[] = []
  for (let row = fromRow; row <= sheet.rowCount; row++) texts.push(cellText(sheet.getRow(row).getCell(column)))
  while (texts.at(-1) === '') texts.pop()
  return texts
}

describe('one label catalogue', () => {
  it('covers every enumeration of core/records/enums.ts, and in English says exactly its labels', () => {
    const maps = Object.fromEntries(Object.entries(enums).filter(([name]) => name.endsWith('_LABELS')))
    expect(UI_CATALOGUES.en.labels).toEqual(maps)
  })

  it.each(LOCALES)('the screen names every enumerated value as the core does (workbook, CLI, findings) in %s', async (locale) => {
    await i18n.changeLanguage(locale)
    const differ: string[] = []
    for (const name of labelMaps) {
      const group = ENUM_LABEL_GROUPS[name]
      for (const key of Object.keys(enums[name])) {
        const screen = enumLabel(name, key)
        const core = labelIn(locale, group, key)
        if (screen !== core) differ.push(`${name}.${key}: screen "${screen}", core "${core}"`)
      }
    }
    expect(differ).toEqual([])
  })

  it.each(LOCALES)('the workbook\'s drop-down lists in %s hold the screen\'s labels, cell by cell', async (locale) => {
    await i18n.changeLanguage(locale)
    const workbook = await load(await exportIn(locale).bytes)
    const lists = workbook.getWorksheet('Lists')!
    LIST_NAMES.forEach((list, index) => {
      expect(columnTexts(lists, index + 1, 2), `${locale} ${list}`).toEqual(Object.values(enumLabels(LIST_ENUMS[list])))
    })
  })

  it.each(LOCALES)('the import reads back every lawful basis, Art. 9(2) condition and special category the workbook writes in %s', (locale) => {
    const misread: string[] = []
    const readers = { lawfulBasis: lawfulBasisOf, art9: art9ConditionOf, specialCategory: specialCategoryOf } as const
    for (const [group, read] of Object.entries(readers)) {
      for (const key of Object.keys(LABEL_GROUPS[group as keyof typeof readers])) {
        const label = labelIn(locale, group, key)
        if (read(label) !== key) misread.push(`${group}.${key} "${label}" → ${read(label)}`)
      }
    }
    expect(misread).toEqual([])
  })

  it.each(LOCALES)('the history and the compare dialog name fields and values in %s as the editor and the workbook do', async (locale) => {
    await i18n.changeLanguage(locale)
    const fields: Array<[string, EnumLabelMapName]> = [
      ['role', 'RECORD_ROLE_LABELS'],
      ['status', 'RECORD_STATUS_LABELS'],
      ['purposes[p1].lawfulBasis', 'LAWFUL_BASIS_LABELS'],
      ['dataCategories[c1].retention.mode', 'RETENTION_MODE_LABELS'],
      ['dataCategories[c1].retention.unit', 'RETENTION_UNIT_LABELS'],
      ['dataCategories[c1].retention.endAction', 'RETENTION_END_ACTION_LABELS'],
      ['specialCategories[s1].category', 'SPECIAL_CATEGORY_LABELS'],
      ['specialCategories[s1].condition', 'ART9_CONDITION_LABELS'],
      ['recipients[r1].type', 'RECIPIENT_TYPE_LABELS'],
      ['transfers[t1].mechanism', 'TRANSFER_MECHANISM_LABELS'],
      ['transfers[t1].instrument', 'TRANSFER_INSTRUMENT_LABELS'],
      ['transfers[t1].sccModule', 'SCC_MODULE_LABELS'],
      ['transfers[t1].derogation', 'ART49_DEROGATION_LABELS'],
      ['transfers[t1].safeguard', 'SAFEGUARD_LABELS'],
      ['securityMeasures', 'SECURITY_MEASURE_LABELS'],
      ['dpia.required', 'DPIA_REQUIRED_LABELS'],
      ['dpia.status', 'DPIA_STATUS_LABELS'],
      ['origin.perspective', 'RECORD_PERSPECTIVE_LABELS']
    ]
    const differ: string[] = []
    for (const [path, name] of fields) {
      for (const key of Object.keys(enums[name])) if (valueInWords(path, key) !== enumLabel(name, key)) differ.push(`${path} ${key}: "${valueInWords(path, key)}" vs "${enumLabel(name, key)}"`)
    }
    expect(differ).toEqual([])
    expect(valueInWords('dataCategories[c1].term', 'user.contact.email')).toBe(termLabelIn('user.contact.email', locale))
    expect(valueInWords('criminalOffenceData.processed', true)).toBe(CATALOGUES[locale].labels.yes)
    expect(fieldInWords('purposes[p1].lawfulBasis', () => 0)).toBe(`${CATALOGUES[locale].labels['item.purposes']} 1 › ${CATALOGUES[locale].labels['field.lawfulBasis']}`)
    expect(auditActionInWords('update')).toBe(labelIn(locale, 'auditAction', 'update'))
    expect(auditActionInWords('renamed-in-a-later-version')).toBe('renamed-in-a-later-version')
    if (locale !== 'en') {
      expect(auditActionInWords('update')).not.toBe('Edited')
      expect(valueInWords('purposes[p1]', { id: 'p1', description: 'Paie', lawfulBasis: 'b' })).toContain(enumLabel('LAWFUL_BASIS_LABELS', 'b'))
      expect(valueInWords('notes', '')).not.toBe('(empty)')
    }
  })

  it('a finding names a value with the screen\'s label', async () => {
    const records = generateDemoRegister(4, 1)
    const record = { ...records[0]!, transfers: [{ id: 't', recipient: 'Cloud Corp', country: 'India', countryCode: 'IN', mechanism: 'art46' as const, instrument: 'scc-pre-2021' as const, sccModule: '' as const, derogation: '' as const, documentation: '', tiaReference: 'TIA-1' }] }
    const invalid = runChecks([record], { organisation: null, today: TODAY, installedPackVersions: {} }).find((finding) => finding.ruleId === 'transfer-instrument-invalid')!
    for (const locale of LOCALES) {
      await i18n.changeLanguage(locale)
      expect(findingMessage(invalid)).toBe(translateMessage(invalid.messageRef, locale))
      expect(findingMessage(invalid)).toContain(enumLabel('TRANSFER_INSTRUMENT_LABELS', 'scc-pre-2021'))
    }
  })
})

describe('one citation style', () => {
  it('cites as each language version of the Regulation does, in its short form', () => {
    expect(formatArticle('Art. 30(1)(b)', 'fr')).toBe('Art. 30, par. 1, point b)')
    expect(formatArticle('Art. 30(1)(b)', 'de')).toBe('Art. 30 Abs. 1 lit. b')
    expect(formatArticle('Art. 30(1)(c)(f)', 'fr')).toBe('Art. 30, par. 1, points c) et f)')
    expect(formatArticle('Art. 30(2)(a)(b)', 'de')).toBe('Art. 30 Abs. 2 lit. a und b')
    expect(formatArticle('Art. 49(1), second subparagraph', 'fr')).toBe('Art. 49, par. 1, deuxième alinéa')
    expect(formatArticle('Art. 49(1), second subparagraph', 'de')).toBe('Art. 49 Abs. 1 Unterabs. 2')
    expect(formatArticle('Art. 9, 10', 'fr')).toBe('Art. 9 et 10')
    expect(formatArticle('Art. 9, 10', 'de')).toBe('Art. 9 und 10')
    expect(formatArticle('Art. 44', 'fr')).toBe('Art. 44')
    expect(formatArticle('Art. 30(1)(b)', 'en')).toBe('Art. 30(1)(b)')
  })

  it.each(LOCALES)('the findings panel cites a finding\'s article as the workbook\'s Findings sheet does, in %s', async (locale) => {
    await i18n.changeLanguage(locale)
    const { findings, bytes } = exportIn(locale)
    const sheet = (await load(await bytes)).worksheets.find((candidate) => cellText(candidate.getRow(1).getCell(8)) === CATALOGUES[locale].workbook['findings.rule'])!
    expect(sheet).toBeDefined()
    const rows = new Map<string, string>()
    for (let row = 2; row <= sheet.rowCount; row++) rows.set(`${cellText(sheet.getRow(row).getCell(1))} ${cellText(sheet.getRow(row).getCell(8))}`, cellText(sheet.getRow(row).getCell(4)))
    const sample = findings.filter((finding) => finding.reference)
    expect(sample.length).toBeGreaterThan(10)
    for (const finding of sample) {
      const inWorkbook = rows.get(`${finding.reference} ${finding.ruleId}`)
      expect(inWorkbook, `${finding.reference} ${finding.ruleId}`).toBe(articleInWords(finding.article))
      expect(articleHeadingIn(finding.article).startsWith(articleInWords(finding.article))).toBe(true)
    }
  })

  it('the panel\'s group headings cite in the language\'s style, with the title in that language', async () => {
    await i18n.changeLanguage('fr')
    expect(articleHeadingIn('Art. 30(1)(b)')).toBe('Art. 30, par. 1, point b) Finalités du traitement')
    await i18n.changeLanguage('de')
    expect(articleHeadingIn('Art. 30(2)(c)')).toBe('Art. 30 Abs. 2 lit. c Übermittlungen an Drittländer')
    await i18n.changeLanguage('en')
    expect(articleHeadingIn('Art. 30(1)(b)')).toBe('Art. 30(1)(b) Purposes of the processing')
  })

  it.each(['fr', 'de'] as const)('ropa check --lang %s heads each article group as the findings panel does: citation and title in that language', async (locale) => {
    const backup = join(mkdtempSync(join(tmpdir(), 'ropa-cite-')), 'demo.json')
    expect((await ropa(['demo', '-o', backup, '--activities', '12', '--seed', '5'])).code).toBe(0)
    const json = JSON.parse((await ropa(['check', backup, '--json', '--today', TODAY])).stdout) as { summary: { byArticle: Record<string, unknown> } }
    const articles = Object.keys(json.summary.byArticle)
    expect(articles.length).toBeGreaterThan(1)
    const printed = (await ropa(['check', backup, '--lang', locale, '--today', TODAY])).stdout
    const headings = new Set(printed.split('\n').filter((line) => /^ {2}\S/.test(line) && !line.includes(':')).map((line) => line.trim()))
    await i18n.changeLanguage(locale)
    expect(headings).toEqual(new Set(articles.map((article) => articleHeadingIn(article))))
    // An Art. 30 item is headed with its title in the language, as in English.
    const item = articles.find((article) => article.startsWith('Art. 30('))!
    expect(headings).toContain(`${articleInWords(item)} ${labelIn(locale, 'article', item)}`)
    expect(labelIn(locale, 'article', item)).not.toBe(labelIn('en', 'article', item))
  })

  it('no French or German text cites in the English style ("Art. 6(1)(a)") or with "§"', () => {
    const english = /\b\d+\(\d+\)(\([a-z]\))*/
    const offenders: string[] = []
    for (const locale of ['fr', 'de'] as const) {
      const texts: Array<[string, string]> = []
      for (const [namespace, catalogue] of Object.entries(CATALOGUES[locale])) for (const [key, text] of Object.entries(catalogue)) texts.push([`${namespace}:${key}`, text])
      const flatten = (value: unknown, path: string): void => {
        if (typeof value === 'string') texts.push([path, value])
        else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) flatten(inner, `${path}.${key}`)
      }
      flatten(UI_CATALOGUES[locale].ui, 'ui')
      flatten(UI_CATALOGUES[locale].labels, 'labels')
      // And the findings as said, their parameters (labels, field names) filled in.
      for (const finding of exportIn(locale).findings) texts.push([`finding ${finding.ruleId}`, `${translateMessage(finding.messageRef, locale)} ${translateMessage(finding.fixRef, locale)}`])
      for (const [where, text] of texts) if (english.test(text) || text.includes('§')) offenders.push(`${locale} ${where}: ${text}`)
    }
    expect(offenders).toEqual([])
  })
})
