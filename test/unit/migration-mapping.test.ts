/** Finding the register in a sheet and proposing, per column, the field it fills; saved mappings. */
import { describe, expect, it } from 'vitest'
import { detectLayout, parseMapping, proposeMapping } from '@core/migration/index'
import { findTableHeader, matchHeading } from '@core/migration/propose-mapping'
import type { MergedRange, SpreadsheetFile, SpreadsheetSheet } from '@core/migration/types'

function sheet(name: string, rows: string[][], merges: MergedRange[] = []): SpreadsheetSheet {
  const width = Math.max(...rows.map((row) => row.length))
  return { name, hidden: false, rows: rows.map((row) => [...row, ...Array<string>(width - row.length).fill('')]), merges }
}
const fileOf = (...sheets: SpreadsheetSheet[]): SpreadsheetFile => ({ fileName: 'register.xlsx', format: 'xlsx', sheets, csv: null, appWorkbookWithData: false })
const targets = (file: SpreadsheetFile) =>
  proposeMapping(file).sheets[0]!.columns.map((column) => [column.heading, column.target.kind === 'field' ? column.target.field : column.target.kind])

describe('heading dictionaries', () => {
  it('know the ICO, CNIL and DSK headings, whatever the case, accents and punctuation', () => {
    expect(matchHeading('Purpose of processing')).toMatchObject({ entry: { dictionary: 'app', target: 'purposes[].description' }, confidence: 1 })
    expect(matchHeading('FINALITE(S) DU TRAITEMENT')).toMatchObject({ entry: { dictionary: 'cnil', target: 'purposes[].description' }, confidence: 1 })
    expect(matchHeading('Durées de conservation')?.entry.target).toBe('dataCategories[].retention')
    expect(matchHeading('Transferts hors UE')?.entry.target).toBe('transfers[].country')
    expect(matchHeading('Kategorien betroffener Personen')?.entry).toMatchObject({ dictionary: 'dsk', target: 'dataSubjects' })
    expect(matchHeading('Übermittlungen in Drittländer')?.entry.target).toBe('transfers[].country')
    expect(matchHeading('Technische und organisatorische Massnahmen')?.entry.target).toBe('securityDescription')
    expect(matchHeading('Löschfristen')?.entry.target).toBe('dataCategories[].retention')
    expect(matchHeading('Rechtsgrundlage')?.entry.target).toBe('purposes[].lawfulBasis')
    expect(matchHeading('Sous-finalité 2')?.entry.target).toBe('purposes[].description')
  })

  it('match a near miss with less confidence, and nothing for an unknown or short heading', () => {
    const typo = matchHeading('Catgories of personel data')
    expect(typo?.entry.target).toBe('dataCategories[].term')
    expect(typo?.confidence).toBeGreaterThan(0.8)
    expect(typo?.confidence).toBeLessThan(1)
    expect(matchHeading('Risk rating')).toBeNull()
    expect(matchHeading('IDs')).toBeNull()
  })
})

describe('finding the header row', () => {
  it('skips a title row, a contact block and blank rows', () => {
    const register = sheet('Register', [
      ['Records of processing'],
      [],
      ['Controller', 'Acme Ltd', 'acme@example.org'],
      ['DPO', 'Jo Bloggs'],
      [],
      ['Name', 'Purpose', 'Data subjects', 'Data categories', 'Risk rating'],
      ['Payroll', 'Pay staff', 'Employees', 'Bank details', 'Low']
    ])
    expect(findTableHeader(register)).toMatchObject({ headerRow: 6, headerRows: 1 })
    expect(detectLayout(register)).toBe('table')
    expect(targets(fileOf(register))).toEqual([
      ['Name', 'name'],
      ['Purpose', 'purposes[].description'],
      ['Data subjects', 'dataSubjects'],
      ['Data categories', 'dataCategories[].term'],
      ['Risk rating', 'note']
    ])
    const risk = proposeMapping(fileOf(register)).sheets[0]!.columns[4]!
    expect(risk).toMatchObject({ confidence: 0, dictionary: 'none', matched: '' })
  })

  it('combines merged two-level headings as "Parent / Child" and matches the child', () => {
    const register = sheet(
      'Register',
      [
        ['Activity', '', 'Purpose', 'Transfers', ''],
        ['Ref', 'Name', '', 'Country', 'Safeguard'],
        ['A-1', 'Payroll', 'Pay staff', 'USA', 'SCCs']
      ],
      [
        { range: 'A1:B1', top: 1, left: 1, bottom: 1, right: 2 },
        { range: 'C1:C2', top: 1, left: 3, bottom: 2, right: 3 },
        { range: 'D1:E1', top: 1, left: 4, bottom: 1, right: 5 }
      ]
    )
    expect(findTableHeader(register)).toMatchObject({ headerRow: 2, headerRows: 2 })
    expect(targets(fileOf(register))).toEqual([
      ['Activity / Ref', 'previousReference'],
      ['Activity / Name', 'name'],
      ['Purpose', 'purposes[].description'],
      ['Transfers / Country', 'transfers[].country'],
      ['Transfers / Safeguard', 'transfers[].instrument']
    ])
  })

  it('tells a CNIL fiche (label / value rows) from a table', () => {
    const fiche = sheet('Fiche 1', [
      ['Intitulé du traitement', 'Paie'],
      ['Finalité principale', 'Calcul des salaires'],
      ['Base légale', 'Obligation légale'],
      ['Catégories de personnes concernées', 'Salariés']
    ])
    expect(detectLayout(fiche)).toBe('fiches')
    const mapping = proposeMapping(fileOf(fiche))
    expect(mapping.sheets[0]).toMatchObject({ layout: 'fiches', headerRow: 0 })
    expect(mapping.sheets[0]!.columns.map((column) => [column.source, column.target])).toEqual([
      ['A1', { kind: 'field', field: 'name' }],
      ['A2', { kind: 'field', field: 'purposes[].description' }],
      ['A3', { kind: 'field', field: 'purposes[].lawfulBasis' }],
      ['A4', { kind: 'field', field: 'dataSubjects' }]
    ])
  })

  it('proposes nothing for a sheet without a register', () => {
    expect(proposeMapping(fileOf(sheet('Notes', [['Shopping list'], ['Milk', 'Eggs']]))).sheets).toEqual([])
  })
})

describe('a saved mapping', () => {
  const register = sheet('Register', [
    ['Name', 'Purpose', 'Data subjects', 'Risk rating'],
    ['Payroll', 'Pay staff', 'Employees', 'Low']
  ])

  it('wins over the dictionaries for the same heading, and round-trips as JSON', () => {
    const proposal = proposeMapping(fileOf(register))
    const edited = structuredClone(proposal)
    edited.sheets[0]!.columns[3]!.target = { kind: 'ignore', reason: 'our own risk score, not part of Art. 30' }
    const parsed = parseMapping(JSON.parse(JSON.stringify(edited)))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const reused = proposeMapping(fileOf(register), { savedMapping: parsed.mapping })
    expect(reused.sheets[0]!.columns[3]).toMatchObject({ target: { kind: 'ignore', reason: 'our own risk score, not part of Art. 30' }, dictionary: 'saved' })
    expect(reused.sheets[0]!.columns[0]).toMatchObject({ target: { kind: 'field', field: 'name' } })
  })

  it('is refused with the JSON path of each problem: an ignore without a reason, an unknown field', () => {
    const proposal = proposeMapping(fileOf(register))
    const bad = JSON.parse(JSON.stringify(proposal)) as { sheets: Array<{ columns: Array<{ target: unknown }> }> }
    bad.sheets[0]!.columns[3]!.target = { kind: 'ignore', reason: ' ' }
    bad.sheets[0]!.columns[0]!.target = { kind: 'field', field: 'favouriteColour' }
    const parsed = parseMapping(bad)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        { path: '$.sheets[0].columns[3].target.reason', message: 'Say why this column is ignored' },
        expect.objectContaining({ path: '$.sheets[0].columns[0].target.field' })
      ])
    )
  })
})
