/**
 * Issue #13, core part: the catalogues (every key in English, French and German; no English
 * left in French or German), findings said in each language, the ICO / CNIL / DSK workbook
 * layouts read back cell by cell and re-imported exactly, CSV headings, the CLI and the migration.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { runChecks } from '@core/checks/run-checks'
import { generateDemoRegister, demoOrganisation } from '@core/demo/demo-register'
import { LOCALES, resolveLocale, type Locale } from '@core/i18n'
import { CATALOGUES, CORE_NAMESPACES, formatArticle, lookupText, translateMessage, untranslatedVocabulary } from '@core/i18n/catalogues'
import { createTranslator } from '@core/i18n/translator'
import { isMessageRef, type MessageParam, type MessageRef } from '@core/i18n/message'
import { readSpreadsheet } from '@core/migration/read-spreadsheet'
import { proposeMapping } from '@core/migration/propose-mapping'
import { storedRecordSchema, type StoredRecord } from '@core/records/model'
import { REGISTER_LAYOUTS, WORKBOOK_LAYOUTS } from '@core/workbook/layouts'
import { recordText } from '@core/workbook/layouts/record-text'
import { readWorkbook, recordsToImport } from '@core/workbook/read-workbook'
import { registerCsv } from '@core/workbook/register-csv'
import { englishSheetTexts, type ExportData } from '@core/workbook/register-sheets'
import { verifyWorkbook } from '@core/workbook/verify-workbook'
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'
import { ropa } from '../fixtures/run-ropa'

const TODAY = '2026-12-06'

/** Records that set off most rules: the demo register plus gaps of every kind. */
function findingRegister(): StoredRecord[] {
  const demo = generateDemoRegister(30, 7)
  const gappy = demo.slice(0, 6).map((record, index): StoredRecord => {
    const transfers = record.transfers.length > 0 ? record.transfers : [{ ...emptyTransfer, id: `t${index}` }]
    return storedRecordSchema.parse({
      ...record,
      id: `gap-${index}`,
      reference: `PA-090${index}`,
      name: index === 0 ? '' : record.name,
      role: index === 5 ? 'processor' : index === 4 ? 'joint-controller' : 'controller',
      jointControllerDetails: '',
      purposes: record.purposes.map((purpose, at) => ({ ...purpose, lawfulBasis: (['', 'a', 'f', 'f', 'a', ''] as const)[(index + at) % 6], legitimateInterest: '', liaReference: '', consentRecordReference: '' })),
      recipients: [...record.recipients, { id: `r${index}`, name: index % 2 ? '' : 'Mailer Ltd', type: index % 2 ? 'not-stated' : 'processor', contractReference: '', vendorId: '', notes: '' }],
      transfers: transfers.map((transfer) => ({
        ...transfer,
        country: ['United States', '', 'India', 'Japan', 'Canada', 'Brazil'][index]!,
        countryCode: '',
        recipient: index === 2 ? '' : 'Cloud Corp',
        mechanism: (['art45', 'art46', 'art49', 'art46', 'art45', ''] as const)[index],
        instrument: (['', 'scc-pre-2021', '', 'privacy-shield', '', ''] as const)[index],
        derogation: '',
        sccModule: '',
        tiaReference: '',
        documentation: index === 3 ? 'We rely on the Privacy Shield.' : ''
      })),
      dataCategories: record.dataCategories.map((category, at) => ({
        ...category,
        term: at === 0 && index === 1 ? 'user.health_and_medical' : at === 1 && index === 2 ? 'gdpr.criminal_offences' : category.term,
        retention: at === 0 ? { ...category.retention, mode: 'criterion', criterion: 'as long as necessary', fromEvent: '' } : { ...category.retention, mode: 'unspecified' }
      })),
      securityMeasures: index === 3 ? [] : record.securityMeasures,
      securityDescription: index === 3 ? '' : record.securityDescription,
      nextReview: index % 2 ? '2026-01-01' : '2026-12-20',
      status: 'draft',
      controllersActedFor: index === 5 ? [{ id: 'c1', name: '', contact: '', representative: '', dpo: '', processingCategories: '' }] : [],
      openItems: [{ id: `o${index}`, field: 'purposes[0].lawfulBasis', note: '', quotes: [], resolution: 'open', resolutionNote: '' }],
      origin: { packId: 'acme', packVersion: '1.0.0', activityId: 'a' }
    })
  })
  return [...demo, ...gappy]
}
const emptyTransfer = { id: 't', recipient: '', country: '', countryCode: '', mechanism: '', instrument: '', sccModule: '', derogation: '', documentation: '', tiaReference: '' }

function findingsOf(records: StoredRecord[]) {
  return runChecks(records, { organisation: null, today: TODAY, installedPackVersions: { acme: '2.0.0' } })
}

/** Every key a message uses, its nested messages' too. */
function keysOf(ref: MessageRef, keys = new Set<string>()): Set<string> {
  keys.add(ref.key.includes(':') ? ref.key : `findings:${ref.key}`)
  const visit = (param: MessageParam) => {
    if (isMessageRef(param)) keysOf(param, keys)
    else if (typeof param === 'object' && 'list' in param) param.list.forEach(visit)
  }
  Object.values(ref.params ?? {}).forEach(visit)
  return keys
}

const parameters = (text: string) => [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((match) => match[1]).sort()

/** Proper names and abbreviations that read the same in English, French and German. */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'Format', 'Description', 'Notes', 'Note', 'Version', 'Instrument', 'Action', 'Article', 'Status', 'Marketing', 'Finance', 'Name', 'Service', 'Patient', 'Prospect', 'Consultant',
  'Pseudonymisation', 'Export', 'Documentation', 'Organisation', 'Link', 'Critère', 'Module', 'Section', 'Transfert', 'Transferts', 'Page {{page}} of {{pages}}', '"{{term}}"', 'Safe Harbor', 'Rolle', 'DPO',
  '{{destination}}: {{scope}}.', '{{field}}: {{message}}', 'Opérations', 'Patienten', 'Mise à jour', 'Fonction', 'Type', 'E-Mail', 'Anbieter', 'Option', 'null', '{{text}}', '{{field}}: {{before}} → {{after}}', '{{part}} › {{field}}'
])

describe('catalogues', () => {
  it('has every key of every core namespace in English, French and German, with the same parameters', () => {
    const english = { ...CATALOGUES.en.workbook, ...englishSheetTexts() }
    for (const namespace of CORE_NAMESPACES.filter((name) => name !== 'vocabulary')) {
      const en = namespace === 'workbook' ? english : CATALOGUES.en[namespace]
      for (const locale of ['fr', 'de'] as const) {
        const other = CATALOGUES[locale][namespace]
        expect(Object.keys(other).filter((key) => !(key in en)), `${locale}/${namespace}: keys English lacks`).toEqual([])
        expect(Object.keys(en).filter((key) => !(key in other)), `${locale}/${namespace}: keys missing`).toEqual([])
        for (const [key, text] of Object.entries(en)) expect(parameters(other[key] ?? ''), `${locale}/${namespace}:${key}`).toEqual(parameters(text))
      }
    }
  })

  it('leaves no English in French or German, except names that read the same', () => {
    const english = { ...CATALOGUES.en.workbook, ...englishSheetTexts() }
    const leftInEnglish: string[] = []
    for (const namespace of CORE_NAMESPACES) {
      const en = namespace === 'workbook' ? english : CATALOGUES.en[namespace]
      for (const locale of ['fr', 'de'] as const) {
        for (const [key, text] of Object.entries(CATALOGUES[locale][namespace])) {
          if (text === en[key] && !SAME_IN_EVERY_LANGUAGE.has(text)) leftInEnglish.push(`${locale}/${namespace}:${key} "${text}"`)
        }
      }
    }
    expect(leftInEnglish).toEqual([])
  })

  it('uses the GDPR\'s own terms in French and German', () => {
    expect(lookupText('fr', 'labels:role.controller')).toBe('Responsable du traitement')
    expect(lookupText('fr', 'labels:role.processor')).toBe('Sous-traitant')
    expect(lookupText('fr', 'labels:field.dpo')).toBe('Délégué à la protection des données')
    expect(lookupText('fr', 'labels:field.lawfulBasis')).toBe('Base légale')
    expect(lookupText('de', 'labels:role.controller')).toBe('Verantwortlicher')
    expect(lookupText('de', 'labels:role.processor')).toBe('Auftragsverarbeiter')
    expect(lookupText('de', 'labels:field.dpo')).toBe('Datenschutzbeauftragter')
    expect(lookupText('de', 'labels:field.lawfulBasis')).toBe('Rechtsgrundlage')
  })

  it('labels every vocabulary term in French and German; only words those languages spell as English does read the same', () => {
    for (const key of ['user', 'user.contact', 'user.contact.email', 'user.health_and_medical', 'user.location.precise', 'employee', 'customer', 'essential.service', 'marketing.advertising.profiling', 'gdpr.child']) {
      expect(lookupText('fr', `vocabulary:${key}`)).not.toBe(lookupText('en', `vocabulary:${key}`))
      expect(lookupText('de', `vocabulary:${key}`)).not.toBe(lookupText('en', `vocabulary:${key}`))
    }
    expect(lookupText('fr', 'vocabulary:custom:Paie')).toBe('Paie')
    expect(untranslatedVocabulary('fr')).toEqual([])
    expect(untranslatedVocabulary('de')).toEqual([])
    // Each of these is the French or German word, spelt as in English (docs/i18n-glossary.md, "What stays English").
    const sameAsEnglish = (locale: 'fr' | 'de') => Object.keys(CATALOGUES[locale].vocabulary).filter((key) => CATALOGUES[locale].vocabulary[key] === CATALOGUES.en.vocabulary[key])
    expect(sameAsEnglish('fr')).toEqual(['finance', 'functional.service', 'marketing', 'consultant', 'patient', 'prospect'])
    expect(sameAsEnglish('de')).toEqual(['user.name', 'marketing'])
  })

  it('cites articles as each language version of the Regulation numbers them', () => {
    expect(formatArticle('Art. 30(1)(b)', 'fr')).toBe('Art. 30, par. 1, point b)')
    expect(formatArticle('Art. 30(1)(b)', 'de')).toBe('Art. 30 Abs. 1 lit. b')
    expect(formatArticle('Art. 30(2)', 'de')).toBe('Art. 30 Abs. 2')
    expect(formatArticle('Art. 44', 'fr')).toBe('Art. 44')
    expect(formatArticle('Art. 30(1)(b)', 'en')).toBe('Art. 30(1)(b)')
  })

  it('resolves the first supported language of a preference list', () => {
    expect(resolveLocale(['fr-CA', 'en'])).toBe('fr')
    expect(resolveLocale(['es', 'de_AT'])).toBe('de')
    expect(resolveLocale(['es', 'it'])).toBe('en')
    expect(resolveLocale([])).toBe('en')
  })

  it('gives an i18next translator over the same catalogues', () => {
    const translator = createTranslator('de')
    expect(translator.t('labels:role.processor')).toBe('Auftragsverarbeiter')
    expect(translator.t('workbook:print.page', { page: 1, pages: 3 })).toBe('Seite 1 von 3')
    expect(translator.t('lawful-basis-missing', { purpose: 'Der Zweck „Lohn“' })).toBe('Der Zweck „Lohn“ hat keine Rechtsgrundlage nach Art. 6 Abs. 1.')
  })
})

describe('findings in three languages', () => {
  const findings = findingsOf(findingRegister())

  it('covers most rules, each finding with a message key its English message is said from', () => {
    const rules = new Set(findings.map((finding) => finding.ruleId))
    expect(rules.size).toBeGreaterThanOrEqual(20)
    for (const finding of findings) {
      expect(translateMessage(finding.messageRef, 'en')).toBe(finding.message)
      expect(translateMessage(finding.fixRef, 'en')).toBe(finding.fix)
    }
  })

  it('says every finding and fix in French and German from keys all three catalogues have, with no parameter left unfilled', () => {
    for (const finding of findings) {
      for (const key of [...keysOf(finding.messageRef), ...keysOf(finding.fixRef)]) {
        const [namespace, name] = key.split(/:(.*)/s) as ['findings' | 'labels' | 'vocabulary', string]
        if (namespace === 'vocabulary' || (namespace as string) === 'fieldPath') continue
        for (const locale of LOCALES) expect(CATALOGUES[locale][namespace][name], `${locale} ${key}`).toBeDefined()
      }
      for (const locale of ['fr', 'de'] as const) {
        const message = translateMessage(finding.messageRef, locale)
        const fix = translateMessage(finding.fixRef, locale)
        expect(message).not.toMatch(/\{\{|\}\}/)
        expect(fix).not.toMatch(/\{\{|\}\}/)
        expect(message, finding.ruleId).not.toBe(finding.message)
        expect(fix, finding.ruleId).not.toBe(finding.fix)
      }
    }
  })

  it('says a finding\'s parts in the reader\'s language: item names, labels and dates', () => {
    const lawful = findings.find((finding) => finding.ruleId === 'lawful-basis-missing')!
    expect(translateMessage(lawful.messageRef, 'fr')).toMatch(/^La finalité .* n’a pas de base légale au sens de l’article 6, paragraphe 1\.$/)
    expect(translateMessage(lawful.messageRef, 'de')).toMatch(/^(Der Zweck „.*“|Zweck \d+ \(noch ohne Beschreibung\)) hat keine Rechtsgrundlage nach Art\. 6 Abs\. 1\.$/)
    const invalid = findings.find((finding) => finding.ruleId === 'transfer-instrument-invalid')!
    expect(translateMessage(invalid.messageRef, 'de')).toContain('„Vor 2021 erlassene Standardvertragsklauseln“')
    expect(translateMessage(invalid.messageRef, 'fr')).toContain('27 décembre 2022')
    const overdue = findings.find((finding) => finding.ruleId === 'review-overdue' && finding.reference === 'PA-0901')!
    expect(overdue.message).toBe('The review was due on 2026-01-01.')
    expect(translateMessage(overdue.messageRef, 'fr')).toBe('La revue était prévue le 01/01/2026.')
    expect(translateMessage(overdue.messageRef, 'de')).toBe('Die Überprüfung war am 01.01.2026 fällig.')
    const special = findings.find((finding) => finding.ruleId === 'special-category-condition')!
    expect(translateMessage(special.messageRef, 'de')).toContain('„Gesundheitsdaten“')
  })
})

// ---------------------------------------------------------------- workbook layouts

function layoutExport(layout: 'ico' | 'cnil' | 'dsk', locale?: Locale): ExportData {
  const records = findingRegister()
  return {
    organisation: demoOrganisation(),
    records,
    vendors: [{ id: 'stripe', name: 'Stripe' }],
    appVersion: '0.1.0-test',
    exportedAt: '2026-12-06T09:30:00.000Z',
    filters: '',
    layout,
    ...(locale ? { locale } : {}),
    findings: findingsOf(records)
  }
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}
const text = (cell: ExcelJS.Cell) => (cell.value === null || cell.value === undefined ? '' : typeof cell.value === 'object' && 'richText' in cell.value ? cell.value.richText.map((run) => run.text).join('') : String(cell.value))
const rowTexts = (sheet: ExcelJS.Worksheet, row: number, count: number) => Array.from({ length: count }, (_, index) => text(sheet.getRow(row).getCell(index + 1)))

const SHEETS: Record<'ico' | 'cnil' | 'dsk', string[]> = {
  ico: ['Cover', 'Controller register', 'Processor register', 'Purposes', 'Data categories', 'Recipients', 'Transfers', 'Vendors', 'Evidence', 'Findings', 'Lists', 'Data', 'Verification'],
  cnil: ['Page de garde', 'Registre des traitements', 'Registre sous-traitant', 'Finalités', 'Catégories de données', 'Destinataires', 'Transferts', 'Fournisseurs', 'Preuves', 'Constats', 'Lists', 'Data', 'Vérification'],
  dsk: ['Deckblatt', 'Verzeichnis Verantwortlicher', 'Verzeichnis Auftragsverarbeiter', 'Zwecke', 'Datenkategorien', 'Empfänger', 'Übermittlungen', 'Anbieter', 'Nachweise', 'Feststellungen', 'Lists', 'Data', 'Prüfnachweis']
}

describe.each(WORKBOOK_LAYOUTS)('the %s layout', (layout) => {
  const data = layoutExport(layout)
  const built = writeWorkbookBuffer(data)

  it('names its sheets in its language and heads the registers with the regulator\'s columns, cell by cell', async () => {
    const workbook = await load(await built)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(SHEETS[layout])
    const model = REGISTER_LAYOUTS[layout]
    const text_ = recordText(model.locale)
    for (const [sheetIndex, part] of [[1, model.controller], [2, model.processor]] as const) {
      const sheet = workbook.worksheets[sheetIndex]!
      const columns = part.columns(text_)
      expect(sheet.name).toBe(part.sheet)
      expect(rowTexts(sheet, 2, columns.length + 1)).toEqual([...columns.map((column) => column.header), 'Row SHA-256'])
      const marks = rowTexts(sheet, 1, columns.length)
      columns.forEach((column, index) => expect(marks[index]).toBe(column.requiredByArt30 ? lookupText(model.locale, 'workbook:art30.required', { article: formatArticle(`Art. ${column.requiredByArt30}`, model.locale) }) : ''))
    }
  })

  it('re-imports exactly from its Data sheet, and verifies', async () => {
    const bytes = await built
    const read = await readWorkbook(bytes, [])
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.preview.exportedAt).toBe(data.exportedAt)
    expect(recordsToImport(read.preview)).toEqual([...data.records].sort((a, b) => (a.reference < b.reference ? -1 : 1)).sort((a, b) => Number(a.reference.slice(3)) - Number(b.reference.slice(3))))
    expect(read.preview.organisation).toEqual(data.organisation)
    const verified = await verifyWorkbook(bytes)
    expect(verified.problems).toEqual([])
    expect(verified.ok).toBe(true)
  })
})

describe('workbook texts in French and German', () => {
  it('writes the CNIL layout\'s Cover, Findings, values and print texts in French, dates as French dates where people read them', async () => {
    const data = layoutExport('cnil')
    const workbook = await load(await writeWorkbookBuffer(data))
    const cover = workbook.getWorksheet('Page de garde')!
    expect(rowTexts(cover, 1, 3)).toEqual(['Rubrique', 'Élément', 'Valeur'])
    expect(rowTexts(cover, 3, 3)).toEqual(['Responsable du traitement', 'Nom', 'Example Trading Ltd'])
    const exported = [...Array(cover.rowCount).keys()].map((index) => rowTexts(cover, index + 1, 3)).find((row) => row[1] === 'Exporté le')
    expect(exported?.[2]).toBe('2026-12-06T09:30:00.000Z')
    const findings = workbook.getWorksheet('Constats')!
    expect(rowTexts(findings, 1, 8)).toEqual(['N° / REF', 'Traitement', 'Gravité', 'Article', 'Champ', 'Constat', 'Que faire', 'Règle'])
    const rows = [...Array(findings.rowCount - 1).keys()].map((index) => rowTexts(findings, index + 2, 8))
    const overdue = rows.find((row) => row[7] === 'review-overdue' && row[0] === 'PA-0901')!
    expect(overdue.slice(2, 7)).toEqual(['Avertissement', 'Art. 24, par. 1', 'Prochaine revue', 'La revue était prévue le 01/01/2026.', expect.stringMatching(/^Revoyez la fiche/)])
    const register = workbook.getWorksheet('Registre des traitements')!
    const headings = rowTexts(register, 2, 20)
    const row = [...Array(register.rowCount).keys()].map((index) => rowTexts(register, index + 1, 20)).find((cells) => cells[0] === 'PA-0901')!
    expect(row[headings.indexOf('Statut')]).toMatch(/^(Brouillon|En revue|Approuvée|Archivée)$/)
    expect(row[headings.indexOf('Prochaine revue')]).toBe('01/01/2026')
    // The detail sheets and the drop-down lists say the stored values' labels in French too.
    const purposes = workbook.getWorksheet('Finalités')!
    const bases = [...Array(purposes.rowCount - 2).keys()].map((index) => text(purposes.getRow(index + 3).getCell(5))).filter(Boolean)
    expect(bases.length).toBeGreaterThan(0)
    for (const basis of bases) expect(basis).toMatch(/^Art\. 6, par\. 1, point [a-f]\) /)
    const transfers = workbook.getWorksheet('Transferts')!
    const mechanisms = [...Array(transfers.rowCount - 2).keys()].map((index) => text(transfers.getRow(index + 3).getCell(6))).filter(Boolean)
    expect(mechanisms.length).toBeGreaterThan(0)
    for (const mechanism of mechanisms) expect(['Décision d’adéquation (art. 45)', 'Garanties appropriées (art. 46)', 'Règles d’entreprise contraignantes (art. 47)', 'Dérogation pour une situation particulière (art. 49)']).toContain(mechanism)
    const lists = workbook.getWorksheet('Lists')!
    expect(rowTexts(lists, 2, 3)).toEqual(['Responsable du traitement', 'Brouillon', 'Art. 6, par. 1, point a) Consentement'])
    expect(register.headerFooter.oddFooter).toContain('Page &P sur &N')
    expect(register.headerFooter.oddFooter).toContain('Exporté le')
  })

  it('writes the DSK layout\'s sheets in German; --lang style override keeps the DSK columns and says the rest in English', async () => {
    const german = await load(await writeWorkbookBuffer(layoutExport('dsk')))
    expect(rowTexts(german.getWorksheet('Feststellungen')!, 1, 3)).toEqual(['Lfd. Nr.', 'Verarbeitungstätigkeit', 'Schweregrad'])
    expect(rowTexts(german.getWorksheet('Zwecke')!, 2, 3)).toEqual(['Lfd. Nr.', 'Verarbeitungstätigkeit', 'Zweck'])
    const english = await load(await writeWorkbookBuffer(layoutExport('dsk', 'en')))
    expect(english.worksheets.map((sheet) => sheet.name).slice(0, 4)).toEqual(['Cover', 'Verzeichnis Verantwortlicher', 'Verzeichnis Auftragsverarbeiter', 'Purposes'])
    expect(rowTexts(english.getWorksheet('Verzeichnis Verantwortlicher')!, 1, 7)[5]).toBe('Required: Art. 30(1)(a)')
  })
})

describe('CSV headings', () => {
  it('follow the layout: ICO in English, CNIL in French, DSK in German', () => {
    const records = findingRegister()
    const firstLine = (csv: string) => csv.slice(1).split('\r\n')[0]!
    expect(firstLine(registerCsv(records))).toMatch(/^Reference,Processing activity,Status,/)
    expect(firstLine(registerCsv(records, { layout: 'cnil' }))).toMatch(/^N° \/ REF,Nom \/ sigle du traitement,Date de création,Mise à jour,Statut,/)
    expect(firstLine(registerCsv(records, { layout: 'dsk' }))).toMatch(/^Lfd\. Nr\.,Bezeichnung der Verarbeitungstätigkeit,Status,Verantwortliche Fachabteilung,/)
    expect(registerCsv(records, { layout: 'dsk' }).split('\r\n').filter(Boolean)).toHaveLength(records.length + 1)
  })
})

describe('the migration recognises the exported layouts', () => {
  it.each(['cnil', 'dsk'] as const)('maps every register column of a %s export without its Data sheet', async (layout) => {
    const workbook = await load(await writeWorkbookBuffer(layoutExport(layout)))
    workbook.removeWorksheet(workbook.getWorksheet('Data')!.id)
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const read = await readSpreadsheet(`${layout}.xlsx`, bytes)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.file.appWorkbookWithData).toBe(false)
    const mapping = proposeMapping(read.file)
    for (const part of [REGISTER_LAYOUTS[layout].controller, REGISTER_LAYOUTS[layout].processor]) {
      const sheet = mapping.sheets.find((candidate) => candidate.sheet === part.sheet)!
      const unmapped = sheet.columns.filter((column) => column.target.kind !== 'field' && column.heading !== 'Row SHA-256' && column.heading !== 'Date de création')
      expect(unmapped.map((column) => column.heading)).toEqual([])
      expect(sheet.columns.every((column) => column.target.kind !== 'field' || column.dictionary === layout || column.dictionary === 'app' || column.confidence === 1)).toBe(true)
    }
  })

  it.each(['cnil', 'dsk'] as const)('knows a %s export with its Data sheet as the app\'s own workbook', async (layout) => {
    const read = await readSpreadsheet(`${layout}.xlsx`, await writeWorkbookBuffer(layoutExport(layout)))
    expect(read.ok && read.file.appWorkbookWithData).toBe(true)
  })
})

describe('ropa export --layout / --lang and ropa check --lang', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ropa-i18n-'))

  it('writes each layout, which imports back exactly; check says the findings in French', async () => {
    const backupPath = join(dir, 'demo.json')
    expect(await ropa(['demo', '-o', backupPath, '--activities', '8', '--seed', '2'])).toMatchObject({ code: 0 })
    const original = JSON.parse(readFileSync(backupPath, 'utf8')) as { records: StoredRecord[] }
    for (const layout of WORKBOOK_LAYOUTS) {
      const xlsx = join(dir, `${layout}.xlsx`)
      const result = await ropa(['export', backupPath, '-o', xlsx, '--layout', layout])
      expect(result).toMatchObject({ code: 0, stderr: '' })
      expect(result.stdout).toBe(`wrote ${xlsx}: 8 activities${layout === 'ico' ? '' : ` (${layout} layout, ${REGISTER_LAYOUTS[layout].locale})`}\n`)
      const workbook = await load(new Uint8Array(readFileSync(xlsx)))
      expect(workbook.worksheets[1]!.name).toBe(REGISTER_LAYOUTS[layout].controller.sheet)
      const back = join(dir, `${layout}.json`)
      expect(await ropa(['import', xlsx, '-o', back])).toMatchObject({ code: 0 })
      expect((JSON.parse(readFileSync(back, 'utf8')) as { records: StoredRecord[] }).records).toEqual(original.records)
    }
    const french = await ropa(['export', backupPath, '-o', join(dir, 'ico-fr.xlsx'), '--lang', 'fr'])
    expect(french.stdout).toContain('(ico layout, fr)')
    const checked = await ropa(['check', backupPath, '--lang', 'fr', '--today', TODAY])
    expect(checked.stdout).toMatch(/Que faire : |Que faire: /)
    expect(checked.stdout).not.toContain('Fix:')
    expect(checked.stdout).toContain('Par article :')
    expect(checked.stdout).toMatch(/Complétude des éléments exigés par l’article 30 : \d+%\./)
  })

  it('refuses an unknown layout or language, writing nothing', async () => {
    const backupPath = join(dir, 'demo2.json')
    writeFileSync(backupPath, readFileSync(join(dir, 'demo.json')))
    const bad = await ropa(['export', backupPath, '-o', join(dir, 'bad.xlsx'), '--layout', 'aepd'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('--layout must be one of ico, cnil, dsk, not "aepd"')
    expect((await ropa(['export', backupPath, '-o', join(dir, 'bad.xlsx'), '--lang', 'es'])).stderr).toContain('--lang must be one of en, fr, de')
    expect((await ropa(['check', backupPath, '--lang', 'es'])).code).toBe(2)
    expect(() => readFileSync(join(dir, 'bad.xlsx'))).toThrow()
  })
})
