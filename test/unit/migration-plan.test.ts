/** planImport: records built from rows, with the evidence of every cell, notes, problems, the contact block and the content rules. */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { planImport, proposeMapping, readSpreadsheet, type ImportPlan, type SpreadsheetFile, type SpreadsheetSheet } from '@core/migration/index'
import { isoDateOf, lawfulBasisOf, recipientOf, retentionOf, splitValues } from '@core/migration/content-rules'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'

const TODAY = '2026-12-06'

function fileOf(rows: string[][], name = 'Register'): SpreadsheetFile {
  const width = Math.max(...rows.map((row) => row.length))
  const sheet: SpreadsheetSheet = { name, hidden: false, rows: rows.map((row) => [...row, ...Array<string>(width - row.length).fill('')]), merges: [] }
  return { fileName: 'legacy.xlsx', format: 'xlsx', sheets: [sheet], csv: null, appWorkbookWithData: false }
}
const plan = (file: SpreadsheetFile): ImportPlan => planImport(file, proposeMapping(file), { today: TODAY })

describe('content rules', () => {
  it('splits multi-value cells on new lines, semicolons and bullets', () => {
    expect(splitValues('• Contact details\n• Bank details; Salary\n- Pension')).toEqual(['Contact details', 'Bank details', 'Salary', 'Pension'])
  })

  it('reads free-text lawful bases in English, French and German, and nothing from text that names none or several', () => {
    expect(lawfulBasisOf('Art 6(1)(b) contract')).toBe('b')
    expect(lawfulBasisOf('Article 6.1.f')).toBe('f')
    expect(lawfulBasisOf('Art. 6 Abs. 1 lit. c DSGVO')).toBe('c')
    expect(lawfulBasisOf('legitimate interests')).toBe('f')
    expect(lawfulBasisOf('consent')).toBe('a')
    expect(lawfulBasisOf('contrat')).toBe('b')
    expect(lawfulBasisOf('Obligation légale')).toBe('c')
    expect(lawfulBasisOf('Vertrag')).toBe('b')
    expect(lawfulBasisOf('Einwilligung')).toBe('a')
    expect(lawfulBasisOf('berechtigtes Interesse')).toBe('f')
    expect(lawfulBasisOf('TBC')).toBeUndefined()
    expect(lawfulBasisOf('consent or contract')).toBeUndefined()
  })

  it('reads retention periods with the event they run from, keeping other wording as the criterion', () => {
    expect(retentionOf('3 yrs after last contact')).toMatchObject({ mode: 'period', period: 3, unit: 'years', fromEvent: 'last contact', criterion: '' })
    expect(retentionOf('6 years')).toMatchObject({ mode: 'period', period: 6, unit: 'years', fromEvent: '' })
    expect(retentionOf('5 ans après la fin du contrat')).toMatchObject({ mode: 'period', period: 5, unit: 'years', fromEvent: 'la fin du contrat' })
    expect(retentionOf('10 Jahre nach Ende des Geschäftsjahres')).toMatchObject({ mode: 'period', period: 10, unit: 'years', fromEvent: 'Ende des Geschäftsjahres' })
    expect(retentionOf('30 jours')).toMatchObject({ mode: 'period', period: 30, unit: 'days' })
    expect(retentionOf('13 mois')).toMatchObject({ mode: 'period', period: 13, unit: 'months' })
    expect(retentionOf('6 years (HMRC rule)')).toMatchObject({ mode: 'period', period: 6, criterion: '6 years (HMRC rule)' })
    expect(retentionOf('Until consent is withdrawn')).toMatchObject({ mode: 'criterion', criterion: 'Until consent is withdrawn' })
    expect(retentionOf('TBC')).toMatchObject({ mode: 'unspecified', criterion: '' })
    expect(retentionOf('2 years, then anonymise')).toMatchObject({ mode: 'period', period: 2, endAction: 'anonymise' })
  })

  it('gives a recipient a type only where the sheet states one', () => {
    expect(recipientOf('Payroll bureau (processor)', undefined)).toEqual({ name: 'Payroll bureau', type: 'processor' })
    expect(recipientOf('Cabinet comptable (sous-traitant)', undefined)).toEqual({ name: 'Cabinet comptable', type: 'processor' })
    expect(recipientOf('Steuerberater (Auftragsverarbeiter)', undefined)).toEqual({ name: 'Steuerberater', type: 'processor' })
    expect(recipientOf('Managed security provider - processor', undefined)).toEqual({ name: 'Managed security provider', type: 'processor' })
    expect(recipientOf('Social services (other controller)', undefined)).toEqual({ name: 'Social services', type: 'controller' })
    expect(recipientOf('Tax office (public authority)', undefined)).toEqual({ name: 'Tax office', type: 'public-authority' })
    expect(recipientOf('HMRC', undefined)).toEqual({ name: 'HMRC', type: 'not-stated' })
    expect(recipientOf('Police', undefined)).toEqual({ name: 'Police', type: 'not-stated' })
    expect(recipientOf('Payment processor', undefined)).toEqual({ name: 'Payment processor', type: 'not-stated' })
    expect(recipientOf('Hosting Co', 'processor')).toEqual({ name: 'Hosting Co', type: 'processor' })
  })

  it('reads dates as ISO dates, day first, and refuses impossible ones', () => {
    expect(isoDateOf('2024-03-31')).toBe('2024-03-31')
    expect(isoDateOf('31/03/2024')).toBe('2024-03-31')
    expect(isoDateOf('1.4.2024')).toBe('2024-04-01')
    expect(isoDateOf('31/02/2024')).toBeUndefined()
    expect(isoDateOf('last spring')).toBeUndefined()
  })
})

describe('planning an import', () => {
  const register = fileOf([
    ['Ref', 'Name', 'Purpose', 'Lawful basis', 'Data categories', 'Retention', 'Recipients', 'Country', 'Safeguard', 'Risk rating', 'Comments'],
    ['NCT-1', 'Volunteers', 'Recruiting; DBS checks', 'Art 6(1)(b) contract', 'Contact details; Criminal records', '3 yrs after last contact', 'HMRC; Police; Payroll Co (processor)', 'USA', 'EU-US Data Privacy Framework', 'High', 'Check with HR'],
    [],
    ['NCT-2', '', '', 'consent', 'Email address', '', '', '', '', '', ''],
    ['NCT-3', 'Donations', 'Gift Aid', 'maybe contract', '', 'forever-ish', '', 'Narnia', 'a handshake', '', '']
  ])

  it('builds each record with its references, purposes and bases, categories with retention, recipients and transfers', () => {
    const { records } = plan(register)
    const volunteers = records[0]!.record
    expect(records[0]).toMatchObject({ sheet: 'Register', row: 2, location: "'Register'!A2" })
    expect(volunteers).toMatchObject({ name: 'Volunteers', previousReference: 'NCT-1', role: 'controller', status: 'draft' })
    expect(volunteers.purposes.map((purpose) => [purpose.description, purpose.lawfulBasis])).toEqual([
      ['Recruiting', 'b'],
      ['DBS checks', 'b']
    ])
    expect(volunteers.dataCategories.map((category) => [category.term, category.retention.mode, category.retention.period, category.retention.fromEvent])).toEqual([
      ['custom:Contact details', 'period', 3, 'last contact'],
      ['custom:Criminal records', 'period', 3, 'last contact']
    ])
    expect(volunteers.recipients.map((recipient) => [recipient.name, recipient.type])).toEqual([
      ['HMRC', 'not-stated'],
      ['Police', 'not-stated'],
      ['Payroll Co', 'processor']
    ])
    expect(volunteers.transfers).toEqual([
      expect.objectContaining({ country: 'USA', countryCode: 'US', recipient: '', mechanism: 'art45', instrument: 'eu-us-dpf', documentation: 'EU-US Data Privacy Framework' })
    ])
  })

  it('records the evidence of every non-empty cell, and keeps unmapped cells as "Heading (Sheet!C4): text" notes', () => {
    const volunteers = plan(register).records[0]!.record
    expect(volunteers.importedFrom).toHaveLength(11)
    expect(volunteers.importedFrom[3]).toEqual({ file: 'legacy.xlsx', sheet: 'Register', cell: 'D2', heading: 'Lawful basis', text: 'Art 6(1)(b) contract', field: 'purposes[].lawfulBasis' })
    expect(volunteers.importedFrom[9]).toEqual({ file: 'legacy.xlsx', sheet: 'Register', cell: 'J2', heading: 'Risk rating', text: 'High', field: 'notes' })
    expect(volunteers.notes).toBe('Risk rating (Register!J2): High\nComments (Register!K2): Check with HR')
  })

  it('keeps what it cannot read in the notes with a warning, never guessing a value', () => {
    const donations = plan(register).records.find((planned) => planned.record.name === 'Donations')!
    expect(donations.record.purposes).toEqual([expect.objectContaining({ description: 'Gift Aid', lawfulBasis: 'b' })])
    expect(donations.record.transfers).toEqual([expect.objectContaining({ country: 'Narnia', countryCode: '', recipient: '', mechanism: '', instrument: '', documentation: 'a handshake' })])
    expect(donations.record.notes).toContain('Retention (Register!F5): forever-ish')
    expect(donations.record.dataCategories).toEqual([])
    expect(donations.warnings).toEqual([
      `'Register'!F5 ("Retention"): a retention period with no data category to give it to; kept in the record's notes`,
      `'Register'!H5 ("Country"): transfer to Narnia: the safeguard "a handshake" is not one the app recognises; kept as the transfer's documentation, its mechanism left blank`
    ])
  })

  it('lists a row that cannot become a record, with its reason and its cells, and counts everything', () => {
    const result = plan(register)
    expect(result.problems).toEqual([
      {
        sheet: 'Register',
        row: 4,
        location: "'Register'!A4",
        reason: 'no name of the activity (column "Name" is empty) and no purpose to name it by',
        reasonRef: { key: 'problems:import.noName', params: { heading: 'Name' } },
        cells: [
          expect.objectContaining({ cell: 'A4', text: 'NCT-2', field: 'previousReference' }),
          expect.objectContaining({ cell: 'D4', text: 'consent' }),
          expect.objectContaining({ cell: 'E4', text: 'Email address' })
        ]
      }
    ])
    expect(result.summary).toEqual({
      rowsRead: 3,
      recordsMade: 2,
      cellsMapped: 16,
      cellsKeptAsNotes: 2,
      cellsIgnored: [],
      columnsUnmapped: [{ sheet: 'Register', source: 'J', heading: 'Risk rating' }]
    })
  })

  it('reads the contact block above the table as the organisation, with the cells it came from', () => {
    const withContacts = fileOf([
      ['Our register'],
      ['', 'Name', 'Address', 'Email', 'Telephone'],
      ['Name and contact details of our organisation', 'Acme Ltd', '1 High St, Leeds', 'info@acme.example', '0113 496 0000'],
      ['Data protection officer', 'Jo Bloggs', '', 'dpo@acme.example', ''],
      ['Representative:', 'Acme EU BV', 'Amsterdam'],
      [],
      ['Name', 'Purpose', 'Data subjects'],
      ['Payroll', 'Pay staff', 'Employees']
    ])
    const { organisation } = plan(withContacts)
    expect(organisation).toMatchObject({
      controller: { name: 'Acme Ltd', address: '1 High St, Leeds', email: 'info@acme.example', phone: '0113 496 0000' },
      dpo: { name: 'Jo Bloggs', address: '', email: 'dpo@acme.example', phone: '' },
      representative: { name: 'Acme EU BV', address: 'Amsterdam', email: '', phone: '' }
    })
    expect(organisation!.cells).toContainEqual({ file: 'legacy.xlsx', sheet: 'Register', cell: 'D4', heading: 'Data protection officer', text: 'dpo@acme.example', field: 'organisation.dpo.email' })
  })

  it('imports an approved row as a draft (approval is given in the app) and says so', () => {
    const result = plan(fileOf([
      ['Name', 'Purpose', 'Status', 'Data subjects'],
      ['Payroll', 'Pay staff', 'Approved', 'Employees']
    ]))
    expect(result.records[0]!.record.status).toBe('draft')
    expect(result.records[0]!.warnings[0]).toMatch(/'Register'!C2 \("Status"\): an approval is given in the app/)
  })
})

describe("the app's own workbook without its hidden Data sheet", () => {
  it('imports both registers and joins the detail sheets by reference', async () => {
    const records = generateDemoRegister(6, 2)
    const exported = await writeWorkbookBuffer({ organisation: demoOrganisation(), records, vendors: [], appVersion: 'test', exportedAt: '2025-01-01T00:00:00.000Z', filters: '' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(exported as unknown as ArrayBuffer)
    workbook.removeWorksheet(workbook.getWorksheet('Data')!.id)
    const read = await readSpreadsheet('register.xlsx', new Uint8Array((await workbook.xlsx.writeBuffer())))
    if (!read.ok) throw new Error(JSON.stringify(read.problems))
    expect(read.file.appWorkbookWithData).toBe(false)
    const result = plan(read.file)

    expect(result.problems).toEqual([])
    expect(result.records.map((planned) => planned.sheet).sort()).toEqual([...records.map((record) => (record.role === 'processor' ? 'Processor register' : 'Controller register'))].sort())
    for (const original of records) {
      const imported = result.records.find((planned) => planned.record.previousReference === original.reference)!.record
      expect(imported.name).toBe(original.name)
      expect(imported.role).toBe(original.role)
      expect(imported.purposes.map((purpose) => [purpose.description, purpose.lawfulBasis, purpose.uses])).toEqual(original.purposes.map((purpose) => [purpose.description, purpose.lawfulBasis, purpose.uses]))
      expect(imported.dataCategories.map((category) => [category.term, category.retention])).toEqual(original.dataCategories.map((category) => [category.term, category.retention]))
      expect(imported.recipients.map((recipient) => [recipient.name, recipient.type, recipient.contractReference])).toEqual(original.recipients.map((recipient) => [recipient.name, recipient.type, recipient.contractReference]))
      const transferOf = (transfer: (typeof original.transfers)[number]) => [transfer.country, transfer.countryCode, transfer.recipient, transfer.mechanism, transfer.instrument, transfer.sccModule, transfer.derogation, transfer.documentation]
      expect(imported.transfers.map(transferOf)).toEqual(original.transfers.map(transferOf))
      expect(imported.controllersActedFor.map((controller) => controller.name)).toEqual(original.controllersActedFor.map((controller) => controller.name))
    }
    // The retention columns that repeat "Retention" are ignored with a reason, not dropped silently.
    expect(result.summary.cellsIgnored[0]).toMatchObject({ heading: 'Retention set by', reason: expect.stringMatching(/repeats the Retention column/) })
  })
})
