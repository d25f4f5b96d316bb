/** What the guided import's screens say about columns, mappings, planned records and the organisation. */
import { describe, expect, it } from 'vitest'
import { TARGET_FIELDS, type Mapping, type SheetMapping, type SpreadsheetFile } from '@core/migration/types'
import { emptyRecordForm } from '@core/records/new-record'
import type { Organisation } from '@core/records/model'
import {
  cellAddress,
  describeTarget,
  headingCell,
  ignoredWithoutReason,
  mappedValues,
  organisationChanges,
  organisationWith,
  sampleValues,
  targetChoice,
  targetFromChoice,
  targetGroups,
  whyProposed,
  withTarget
} from '../../src-renderer/src/migration/mapping-view'
import { importedCellsFor, importEvidenceText } from '../../src-renderer/src/records/evidence'

const file: SpreadsheetFile = {
  fileName: 'registre.ods',
  format: 'ods',
  csv: null,
  appWorkbookWithData: false,
  sheets: [
    {
      name: 'Registre',
      hidden: false,
      merges: [],
      rows: [
        ['Registre des traitements', '', ''],
        ['Réf.', 'Traitement', 'Finalité(s)'],
        ['T-1', 'Paie', 'Verser les salaires'],
        ['T-2', 'Recrutement', ''],
        ['T-3', 'Vidéo', 'Sécurité des locaux'],
        ['T-4', 'Badges', 'Contrôle d’accès'],
        ['T-5', 'Newsletter', 'Prospection']
      ]
    },
    { name: 'Fiche paie', hidden: false, merges: [], rows: [['Nom', 'Paie'], ['Finalité', 'Verser les salaires']] }
  ]
}

const table: SheetMapping = {
  sheet: 'Registre',
  layout: 'table',
  headerRow: 2,
  headerRows: 1,
  labelColumn: 'A',
  valueColumn: 'B',
  role: 'controller',
  columns: [
    { source: 'A', heading: 'Réf.', target: { kind: 'field', field: 'previousReference' }, confidence: 1, dictionary: 'cnil', matched: 'Réf.' },
    { source: 'C', heading: 'Finalité(s)', target: { kind: 'field', field: 'purposes[].description' }, confidence: 0.86, dictionary: 'cnil', matched: 'Finalité(s) du traitement' }
  ]
}
const fiche: SheetMapping = { ...table, sheet: 'Fiche paie', layout: 'fiches', headerRow: 0, columns: [{ source: 'A2', heading: 'Finalité', target: { kind: 'note' }, confidence: 0, dictionary: 'none', matched: '' }] }
const mapping: Mapping = { format: 'ropa-import-mapping', version: 1, sheets: [table, fiche] }

describe('the mapping screen', () => {
  it('offers every record field exactly once, grouped by Article 30 item, in human words', () => {
    const groups = targetGroups()
    const offered = groups.flatMap((group) => group.fields)
    expect([...offered].sort()).toEqual([...TARGET_FIELDS].sort())
    expect(groups.map((group) => group.label)).toContain('Art. 30(1)(b) Purposes and lawful basis')
    expect(groups.find((group) => group.label.startsWith('Art. 30(1)(f)'))?.fields).toEqual(['dataCategories[].retention'])
    expect(describeTarget({ kind: 'field', field: 'purposes[].lawfulBasis' })).toBe('Lawful basis (Art. 6)')
  })

  it('names the heading cell and takes up to three non-empty samples under it; a fiche shows the value beside its label', () => {
    expect(headingCell(table, table.columns[1]!)).toBe('Registre!C2')
    expect(sampleValues(file, table, table.columns[1]!)).toEqual(['Verser les salaires', 'Sécurité des locaux', 'Contrôle d’accès'])
    expect(headingCell(fiche, fiche.columns[0]!)).toBe("'Fiche paie'!A2")
    expect(sampleValues(file, fiche, fiche.columns[0]!)).toEqual(['Verser les salaires'])
    expect(cellAddress("Bob's sheet", 'C4')).toBe("'Bob''s sheet'!C4")
  })

  it('says why a target was proposed, and that an unmatched column is kept as a note', () => {
    expect(whyProposed(table.columns[0]!)).toBe("matched CNIL heading 'Réf.'")
    expect(whyProposed(table.columns[1]!)).toBe("matched CNIL heading 'Finalité(s) du traitement' (close match, 86%)")
    expect(whyProposed(fiche.columns[0]!)).toBe('no known heading matched: kept as a note, so that nothing is lost')
  })

  it('turns the select into targets, keeps a typed reason, and holds back a mapping until every ignored column has a reason', () => {
    expect(targetChoice({ kind: 'field', field: 'name' })).toBe('field:name')
    expect(targetFromChoice('field:dataSubjects', { kind: 'note' })).toEqual({ kind: 'field', field: 'dataSubjects' })
    expect(() => targetFromChoice('field:nonsense', { kind: 'note' })).toThrow('Unknown record field nonsense')
    const ignored = withTarget(mapping, 'Registre', 'C', targetFromChoice('ignore', { kind: 'note' }))
    expect(ignoredWithoutReason(ignored).map(({ sheet, column }) => [sheet, column.heading])).toEqual([['Registre', 'Finalité(s)']])
    const reasoned = withTarget(ignored, 'Registre', 'C', { kind: 'ignore', reason: 'duplicated in column D' })
    expect(ignoredWithoutReason(reasoned)).toEqual([])
    expect(targetFromChoice('ignore', reasoned.sheets[0]!.columns[1]!.target)).toEqual({ kind: 'ignore', reason: 'duplicated in column D' })
    // The other sheet and columns are untouched.
    expect(reasoned.sheets[0]!.columns[0]).toEqual(table.columns[0])
    expect(reasoned.sheets[1]).toEqual(fiche)
  })
})

describe('the preview', () => {
  it('shows what a list column made of each item: every purpose, each recipient with its type as stated', () => {
    const record = {
      ...emptyRecordForm('controller'),
      name: 'Volunteers',
      purposes: ['Recruiting', 'DBS checks'].map((description, index) => ({ id: `p${index}`, description, uses: [], lawfulBasis: 'b' as const, legitimateInterest: '', liaReference: '', consentRecordReference: '' })),
      recipients: [
        { id: 'r1', name: 'HMRC', type: 'not-stated' as const, vendorId: '', contractReference: '', notes: '' },
        { id: 'r2', name: 'Payroll Co', type: 'processor' as const, vendorId: '', contractReference: '', notes: '' }
      ],
      importedFrom: [
        { file: 'messy.xlsx', sheet: 'Data register', cell: 'C6', heading: 'Purpose', text: 'Recruiting;\nDBS checks', field: 'purposes[].description' },
        { file: 'messy.xlsx', sheet: 'Data register', cell: 'D6', heading: 'Lawful basis', text: 'Art 6(1)(b) contract', field: 'purposes[].lawfulBasis' },
        { file: 'messy.xlsx', sheet: 'Data register', cell: 'H6', heading: 'Recipients', text: 'HMRC; Payroll Co (processor)', field: 'recipients[]' }
      ]
    }
    expect(mappedValues(record).map((value) => [value.field, value.value, value.cell])).toEqual([
      ['Purposes', 'Recruiting; DBS checks', "'Data register'!C6"],
      ['Lawful basis (Art. 6)', 'Art. 6(1)(b) Contract; Art. 6(1)(b) Contract', "'Data register'!D6"],
      ['Recipients', 'HMRC (Not stated); Payroll Co (Processor)', "'Data register'!H6"]
    ])
  })

  it("shows a planned record's values with the editor's labels and the cell each came from", () => {
    const record = {
      ...emptyRecordForm('controller'),
      name: 'Paie',
      purposes: [{ id: 'p', description: 'Verser les salaires', uses: [], lawfulBasis: 'b' as const, legitimateInterest: '', liaReference: '', consentRecordReference: '' }],
      notes: 'Commentaire (Registre!H3): vu',
      importedFrom: [
        { file: 'registre.ods', sheet: 'Registre', cell: 'B3', heading: 'Traitement', text: 'Paie', field: 'name' },
        { file: 'registre.ods', sheet: 'Registre', cell: 'D3', heading: 'Base légale', text: 'contrat', field: 'purposes[0].lawfulBasis' },
        { file: 'registre.ods', sheet: 'Registre', cell: 'H3', heading: 'Commentaire', text: 'vu', field: 'notes' }
      ]
    }
    expect(mappedValues(record)).toEqual([
      { field: 'Name of the activity', value: 'Paie', cell: 'Registre!B3', text: 'Paie' },
      { field: 'Purpose 1 › Lawful basis', value: 'Art. 6(1)(b) Contract', cell: 'Registre!D3', text: 'contrat' }
    ])
  })

  const current: Organisation = {
    controller: { name: 'Northwind', address: 'Hamburg', email: '', phone: '' },
    dpo: { name: 'Jonas Weber', address: '', email: 'dpo@northwind.example', phone: '' },
    representative: { name: '', address: '', email: '', phone: '' },
    jointControllers: [],
    regime: 'eu',
    updatedAt: ''
  }
  const found = {
    controller: { name: 'Northwind', address: 'Hafenstraße 1, Hamburg', email: '', phone: '' },
    dpo: { name: 'Jonas Weber', address: '', email: 'privacy@northwind.example', phone: '+49 40 1234' },
    representative: { name: '', address: '', email: '', phone: '' },
    cells: []
  }

  it('lists only the organisation fields the file states differently, old → new, and takes only those chosen', () => {
    const changes = organisationChanges(current, found)
    expect(changes.map((change) => [change.label, change.current, change.fromFile])).toEqual([
      ['Controller address', 'Hamburg', 'Hafenstraße 1, Hamburg'],
      ['Data Protection Officer e-mail', 'dpo@northwind.example', 'privacy@northwind.example'],
      ['Data Protection Officer phone', '', '+49 40 1234']
    ])
    const next = organisationWith(current, changes, new Set(['dpo.phone']))
    expect(next.dpo).toEqual({ ...current.dpo, phone: '+49 40 1234' })
    expect(next.controller).toEqual(current.controller)
    expect(current.dpo.phone).toBe('')
  })
})

describe('import evidence in the editor', () => {
  const cells = [
    { file: 'register.xlsx', sheet: 'Register', cell: 'C4', heading: 'Purpose', text: 'Pay staff', field: 'purposes[0].description' },
    { file: 'register.xlsx', sheet: 'Register', cell: 'D4', heading: 'Legal basis', text: 'Art 6(1)(b) contract', field: 'purposes.0.lawfulBasis' },
    { file: 'register.xlsx', sheet: 'Register', cell: 'H4', heading: 'Comments', text: 'see HR', field: '' },
    { file: 'register.xlsx', sheet: 'Register', cell: 'C4', heading: 'Purpose', text: 'x', field: 'purposes.10.description' },
    { file: 'register.xlsx', sheet: 'Register', cell: 'F4', heading: 'Recipients', text: 'HMRC; Payroll Co (processor)', field: 'recipients[]' },
    { file: 'register.xlsx', sheet: 'Register', cell: 'G4', heading: 'Retention', text: '6 years', field: 'dataCategories[].retention' }
  ]
  it('finds the cells behind a field or any part of it, whichever way the path is written; cells kept as notes belong to the notes', () => {
    expect(importedCellsFor(cells, 'purposes.0').map((cell) => cell.cell)).toEqual(['C4', 'D4'])
    expect(importedCellsFor(cells, 'notes').map((cell) => cell.text)).toEqual(['see HR'])
    expect(importedCellsFor(cells, 'purposes.1')).toEqual([])
    // An import's list targets (a cell may list several items) belong to the list as a whole.
    expect(importedCellsFor(cells, 'recipients').map((cell) => cell.cell)).toEqual(['F4'])
    expect(importedCellsFor(cells, 'recipients.0')).toEqual([])
    expect(importedCellsFor(cells, 'dataCategories').map((cell) => cell.cell)).toEqual(['G4'])
  })
  it('says where each cell was and what it said', () => {
    expect(importEvidenceText(cells[0]!)).toBe("From register.xlsx, sheet Register, cell C4 (heading 'Purpose'): 'Pay staff'")
  })
})
