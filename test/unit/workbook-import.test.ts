import { translateMessage } from '@core/i18n/catalogues'
import { zipOf } from '../fixtures/workbooks/zip-of'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { StoredRecord } from '@core/records/model'
import { SHEET } from '@core/workbook/columns'
import { readWorkbook, recordsToImport, type ImportPreview } from '@core/workbook/read-workbook'
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'
import { checkXlsxContainer, DEFAULT_XLSX_LIMITS } from '@core/workbook/xlsx-guard'
import { exportData, loadWorkbook, sampleRecords } from '../fixtures/workbooks/sample-register'

async function preview(bytes: Uint8Array, existing: StoredRecord[] = []): Promise<ImportPreview> {
  const result = await readWorkbook(bytes, existing, { now: '2025-10-01T00:00:00.000Z' })
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.preview
}

async function resave(bytes: Uint8Array, edit: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = await loadWorkbook(bytes)
  edit(workbook)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

// Each test writes and reads whole workbooks: seconds on a busy machine, beyond the 5 s default.
describe('re-importing the app\'s own workbook', { timeout: 30_000 }, () => {
  it('gives back the same records field by field, and exporting them again gives the same content', async () => {
    const records = sampleRecords()
    const first = await writeWorkbookBuffer(exportData(records))
    const imported = await preview(first)
    expect(imported.kind).toBe('app-workbook')
    expect(imported.rows.map((row) => row.status)).toEqual(records.map(() => 'new'))
    const back = recordsToImport(imported)
    expect(back).toHaveLength(records.length)
    for (const original of records) {
      const copy = back.find((record) => record.reference === original.reference)!
      for (const field of Object.keys(original) as Array<keyof StoredRecord>) expect(copy[field], `${original.reference}.${field}`).toEqual(original[field])
    }
    const second = await loadWorkbook(await writeWorkbookBuffer(exportData(back)))
    const firstBook = await loadWorkbook(first)
    for (const sheet of firstBook.worksheets) {
      const again = second.getWorksheet(sheet.name)!
      expect(again.rowCount, sheet.name).toBe(sheet.rowCount)
      sheet.eachRow((row, number) => expect(again.getRow(number).values, `${sheet.name} row ${number}`).toEqual(row.values))
    }
  })

  it('classifies rows against the stored register: new, update, and conflicts', async () => {
    const records = sampleRecords()
    const bytes = await writeWorkbookBuffer(exportData(records))
    const existing = [
      records[0]!, // identical
      { ...records[1]!, name: 'Renamed in the app later', updatedAt: '2025-09-02T08:00:00.000Z' }, // changed after the export
      { ...records[4]!, id: 'someone-else' }, // same reference, different activity
      { ...records[5]!, name: 'Older wording', updatedAt: '2025-08-01T00:00:00.000Z' } // changed before the export
    ]
    const rows = new Map((await preview(bytes, existing)).rows.map((row) => [row.reference, row]))
    expect(rows.get('PA-0001')).toMatchObject({ status: 'update', reason: expect.stringMatching(/identical/) })
    expect(rows.get('PA-0002')).toMatchObject({ status: 'conflict', reason: expect.stringMatching(/^changed in the app on 2 September 2025, 08:00 UTC, after this workbook was exported \(\d{1,2} \w+ \d{4}, \d\d:\d\d UTC\)/) })
    expect(translateMessage(rows.get('PA-0002')!.reasonRef!, 'de')).toMatch(/^in der Anwendung am 2\. September 2025, 08:00 UTC geändert, nach dem Export dieser Arbeitsmappe \(\d{1,2}\. \S+ \d{4}, \d\d:\d\d UTC\)/)
    expect(rows.get('PA-0005')).toMatchObject({ status: 'conflict', reason: expect.stringMatching(/different activity/) })
    expect(rows.get('PA-0006')).toMatchObject({ status: 'update', reason: 'replaces the stored version (last changed 1 August 2025, 00:00 UTC)' })
    expect(translateMessage(rows.get('PA-0006')!.reasonRef!, 'fr')).toBe('remplace la version enregistrée (dernière modification le 1er août 2025 à 00:00 UTC)')
    expect(rows.get('PA-0007')).toMatchObject({ status: 'new' })
    const preview2 = await preview(bytes, existing)
    expect(recordsToImport(preview2).map((record) => record.reference)).not.toContain('PA-0002')
    expect(recordsToImport(preview2, { includeConflicts: true }).map((record) => record.reference)).toContain('PA-0002')
  })

  it('warns, naming the cell, when a visible register cell was edited in the spreadsheet', async () => {
    const bytes = await resave(await writeWorkbookBuffer(exportData()), (workbook) => {
      workbook.getWorksheet(SHEET.controller)!.getCell('F4').value = 'A purpose typed in Excel'
    })
    const row = (await preview(bytes)).rows.find((candidate) => candidate.reference === 'PA-0002')!
    expect(row.status).toBe('new')
    expect(row.warnings).toEqual([expect.stringContaining("'Controller register'!F4 (Purpose of processing)")])
  })

  it('refuses a workbook whose hidden Data sheet no longer matches the Cover fingerprint', async () => {
    const bytes = await resave(await writeWorkbookBuffer(exportData()), (workbook) => {
      const data = workbook.getWorksheet(SHEET.data)!
      // Row 2 holds the organisation profile; row 3 the first record.
      const json = String(data.getCell('D3').value).replace('"systems":"', '"systems":"Tampered ')
      data.getCell('D3').value = json
      data.getCell('C3').value = json.length
    })
    const result = await readWorkbook(bytes, [])
    expect(result).toMatchObject({ ok: false, problems: [{ path: "'Data'!A1", message: expect.stringMatching(/does not match the SHA-256 fingerprint/) }] })
  })

  it('marks a row invalid, naming the Data cell, when its JSON was damaged', async () => {
    const bytes = await resave(await writeWorkbookBuffer(exportData()), (workbook) => {
      const data = workbook.getWorksheet(SHEET.data)!
      data.getCell('D4').value = String(data.getCell('D4').value).slice(0, 100)
    })
    const rows = (await preview(bytes)).rows
    expect(rows[1]).toMatchObject({ status: 'invalid', location: "'Data'!D4", reason: expect.stringMatching(/damaged: 'Data'!D4 has 100 characters/) })
  })
})

async function icoWorkbook(rows: Array<Record<string, string | Date>>, extraHeadings: string[] = []): Promise<Uint8Array> {
  const headings = [
    'Business function',
    'PURPOSE OF PROCESSING',
    'Name and contact details of joint controller  (if applicable)',
    'Categories of individuals',
    'Categories of personal data',
    'Categories of recipients',
    'Link to contract with processor',
    'Names of third countries or international organisations that personal data are transferred to (if applicable)',
    'Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)',
    'Retention schedule (if possible)',
    'General description of technical and organisational security measures (if possible)',
    'Article 6 lawful basis for processing personal data',
    'Legitimate interests for the processing (if applicable)',
    'Link to record of legitimate interests assessment (if applicable)',
    'Next review',
    ...extraHeadings
  ]
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Guidance').getCell('A1').value = 'How to use this template'
  const sheet = workbook.addWorksheet('Controller')
  sheet.getCell('A1').value = 'Controller documentation'
  sheet.getCell('A3').value = 'Name'
  sheet.getCell('B3').value = 'Example Ltd'
  sheet.getRow(9).values = headings
  rows.forEach((row, index) => (sheet.getRow(10 + index).values = headings.map((heading) => row[heading] ?? '')))
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

describe('importing a register kept in the ICO controller template layout', () => {
  it('finds the heading row, matches headings loosely and maps cells to record fields', async () => {
    const bytes = await icoWorkbook(
      [
        {
          'Business function': 'HR',
          'PURPOSE OF PROCESSING': 'Pay staff; Prevent fraud',
          'Categories of individuals': 'Employee\nJob applicants',
          'Categories of personal data': 'Name; User Contact Email',
          'Categories of recipients': 'Payroll Co (Processor); HMRC',
          'Link to contract with processor': 'Payroll Co: DPA-7',
          'Names of third countries or international organisations that personal data are transferred to (if applicable)': 'United States (Payroll Co)',
          'Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)': 'Standard contractual clauses',
          'Retention schedule (if possible)': '6 years from the end of employment',
          'General description of technical and organisational security measures (if possible)': 'Encryption at rest\nBadge access to the office',
          'Article 6 lawful basis for processing personal data': 'Contract; Legitimate interests',
          'Legitimate interests for the processing (if applicable)': 'Protecting the company from fraud',
          'Link to record of legitimate interests assessment (if applicable)': 'LIA-12',
          'Next review': new Date(Date.UTC(2026, 2, 31)),
          'Breach log': 'none so far'
        }
      ],
      ['Breach log']
    )
    const result = await preview(bytes)
    expect(result).toMatchObject({ kind: 'ico-register', sheet: 'Controller' })
    expect(result.rows).toHaveLength(1)
    const [row] = result.rows
    expect(row).toMatchObject({ status: 'new', reference: 'PA-0001', location: "'Controller'!A10" })
    const record = row!.record!
    expect(record.name).toBe('Pay staff')
    expect(record.purposes.map((purpose) => [purpose.description, purpose.lawfulBasis, purpose.legitimateInterest, purpose.liaReference])).toEqual([
      ['Pay staff', 'b', '', ''],
      ['Prevent fraud', 'f', 'Protecting the company from fraud', 'LIA-12']
    ])
    expect(record.dataSubjects).toEqual(['employee', 'custom:Job applicants'])
    expect(record.dataCategories.map((category) => category.term)).toEqual(['user.name', 'user.contact.email'])
    expect(record.dataCategories[0]!.retention).toMatchObject({ mode: 'period', period: 6, unit: 'years', fromEvent: 'the end of employment' })
    expect(record.recipients.map((recipient) => [recipient.name, recipient.type, recipient.contractReference])).toEqual([
      ['Payroll Co', 'processor', 'DPA-7'],
      // The sheet does not say what HMRC is: not stated, never guessed as a processor.
      ['HMRC', 'not-stated', '']
    ])
    // "Standard contractual clauses" does not say which set: Art. 46, instrument not stated, the words kept.
    expect(record.transfers).toMatchObject([{ country: 'United States', countryCode: 'US', recipient: 'Payroll Co', mechanism: 'art46', instrument: '', documentation: 'Standard contractual clauses' }])
    expect(record.securityMeasures).toEqual(['encryption-at-rest'])
    expect(record.securityDescription).toBe('Badge access to the office')
    expect(record.nextReview).toBe('2026-03-31')
    expect(record.openItems.map((item) => item.note)).toEqual(['Column "Breach log" has no place in the record; its value was: none so far'])
  })

  it('imports a transfer whose safeguard is not stated or not recognised, with an open item naming the cell; numbers new rows after the stored ones', async () => {
    const bytes = await icoWorkbook([
      { 'PURPOSE OF PROCESSING': 'Newsletter', 'Names of third countries or international organisations that personal data are transferred to (if applicable)': 'India' },
      {
        'PURPOSE OF PROCESSING': 'Events',
        'Names of third countries or international organisations that personal data are transferred to (if applicable)': 'Narnia (Lion Ltd)',
        'Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)': 'see contract folder'
      }
    ])
    const existing = sampleRecords().slice(0, 3)
    const rows = (await preview(bytes, existing)).rows
    expect(rows.map((row) => [row.status, row.reference])).toEqual([
      ['new', 'PA-0004'],
      ['new', 'PA-0005']
    ])
    expect(rows[0]!.record!.transfers).toMatchObject([{ country: 'India', countryCode: 'IN', recipient: '', mechanism: '', instrument: '', documentation: '' }])
    expect(rows[1]!.record!.transfers).toMatchObject([{ country: 'Narnia', countryCode: '', recipient: 'Lion Ltd', mechanism: '', documentation: 'see contract folder' }])
    expect(rows[1]!.record!.openItems.map((item) => [item.field, item.note])).toContainEqual([
      'transfers.0.mechanism',
      `Transfer 1 to Narnia: safeguard not recognised ('Controller'!I11): "see contract folder"; it is kept in the documentation. Choose the mechanism.`
    ])
  })

  it('imports every row of an ICO register whose safeguards read "EU-US Data Privacy Framework"', async () => {
    const countries = 'Names of third countries or international organisations that personal data are transferred to (if applicable)'
    const safeguards = 'Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)'
    const rows = await preview(
      await icoWorkbook(
        ['Payroll', 'Recruitment', 'Marketing', 'Customer support', 'IT security'].map((purpose) => ({
          'PURPOSE OF PROCESSING': purpose,
          [countries]: 'USA (Acme Inc.)',
          [safeguards]: 'EU-US Data Privacy Framework'
        }))
      )
    )
    expect(rows.rows.map((row) => row.status)).toEqual(['new', 'new', 'new', 'new', 'new'])
    for (const row of rows.rows) {
      expect(row.record!.transfers).toMatchObject([{ country: 'USA', countryCode: 'US', recipient: 'Acme Inc.', mechanism: 'art45', instrument: 'eu-us-dpf', documentation: '' }])
    }
  })

  it('re-imports the app\'s own register sheet when the hidden Data sheet is gone', async () => {
    const records = sampleRecords()
    const bytes = await resave(await writeWorkbookBuffer(exportData(records)), (workbook) => workbook.removeWorksheet(workbook.getWorksheet(SHEET.data)!.id))
    const result = await preview(bytes, [])
    expect(result.kind).toBe('ico-register')
    expect(result.sheet).toBe(SHEET.controller)
    const row = result.rows.find((candidate) => candidate.reference === 'PA-0005')!
    const original = records[4]!
    expect(row.record!.name).toBe(original.name)
    expect(row.record!.purposes.map((purpose) => [purpose.description, purpose.lawfulBasis])).toEqual(original.purposes.map((purpose) => [purpose.description, purpose.lawfulBasis]))
    expect(row.record!.dataCategories.map((category) => [category.term, category.retention])).toEqual(original.dataCategories.map((category) => [category.term, category.retention]))
    const instrumentOf = ({ country, countryCode, recipient, mechanism, instrument, sccModule, derogation, documentation }: (typeof original.transfers)[number]) => ({ country, countryCode, recipient, mechanism, instrument, sccModule, derogation, documentation })
    expect(row.record!.transfers.map(instrumentOf)).toEqual(original.transfers.map(instrumentOf))
    // The hostile name came back as the original text, not with the protective quote.
    expect(result.rows.find((candidate) => candidate.reference === 'PA-0001')!.record!.name).toBe(records[0]!.name)
  })
})

describe('bad workbook input', () => {
  it('refuses a corrupted .xlsx with a clear message', async () => {
    const good = await writeWorkbookBuffer(exportData())
    const cut = await readWorkbook(good.slice(0, Math.floor(good.length / 2)), [], { fileName: 'register.xlsx' })
    expect(cut).toMatchObject({ ok: false, problems: [{ path: 'register.xlsx', message: expect.stringMatching(/register.xlsx is damaged: the zip archive has no central directory/) }] })
    const text = await readWorkbook(new TextEncoder().encode('Reference,Name\nPA-0001,Payroll\n'), [], { fileName: 'register.xlsx' })
    expect(text).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/not an .xlsx workbook/) }] })
    const scrambled = good.slice()
    for (let index = 100; index < 2000; index++) scrambled[index] = (scrambled[index]! * 7 + 13) & 0xff
    const damaged = await readWorkbook(scrambled, [], { fileName: 'register.xlsx' })
    // The content check meets the scrambled bytes before exceljs does, and names the zip entry.
    expect(damaged).toMatchObject({ ok: false, problems: [{ path: 'register.xlsx', message: expect.stringMatching(/^register\.xlsx is damaged: zip entry "[^"]+" has no local header/) }] })
  })

  it('refuses a zip bomb before inflating it, and a file over the size limit', async () => {
    const bomb = zipOf('xl/worksheets/sheet1.xml', new Uint8Array(50 * 1024 * 1024))
    expect(bomb.length).toBeLessThan(200_000)
    const result = await readWorkbook(bomb, [], { fileName: 'bomb.xlsx' })
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'bomb.xlsx', message: expect.stringMatching(/looks like a zip bomb: entry "xl\/worksheets\/sheet1.xml" inflates/) }] })
    const huge = new Uint8Array(100 * 1024 * 1024)
    huge.set([0x50, 0x4b, 3, 4])
    expect(checkXlsxContainer(huge, 'huge.xlsx')).toEqual([expect.objectContaining({ path: 'huge.xlsx', message: expect.stringMatching(/huge.xlsx is 100 MB .* over the limit of 60 MB/) })])
    const many = checkXlsxContainer(zipOf('a.xml', new Uint8Array(1000)), 'x.xlsx', { ...DEFAULT_XLSX_LIMITS, maxFileBytes: 1e9, maxUncompressedBytes: 500, maxRatio: 1e6, maxEntries: 10 })
    expect(many[0]!.message).toMatch(/would unpack to more than 500 bytes/)
  })

  it('refuses a workbook with no recognisable headings, naming its sheets', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Shopping')
    sheet.addRow(['Item', 'Price'])
    sheet.addRow(['Milk', 1])
    const result = await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), [], { fileName: 'list.xlsx' })
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'list.xlsx', message: expect.stringMatching(/no recognisable register headings in the first 20 rows of any sheet \(sheets: 'Shopping'\)/) }] })
  })
})
