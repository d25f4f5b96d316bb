import { describe, expect, it } from 'vitest'
import { EMPTY_FILTER, filterRows, toRegisterRow } from '@core/records/register-index'
import { storedRecordSchema, type StoredRecord } from '@core/records/model'
import { emptyRecordForm } from '@core/records/new-record'

const migrated = (reference: string, name: string, previousReference: string, purpose: string): StoredRecord =>
  storedRecordSchema.parse({
    ...emptyRecordForm('controller'),
    id: reference,
    reference,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    name,
    previousReference,
    purposes: [{ id: 'p', description: purpose, uses: [], lawfulBasis: '' }],
    importedFrom: [
      { file: 'finance-register.xlsx', sheet: 'Finance', cell: 'B4', heading: 'Processing activity', text: name, field: 'name' },
      { file: 'finance-register.xlsx', sheet: 'Finance', cell: 'C4', heading: 'Purpose', text: purpose, field: 'purposes.0.description' },
      { file: 'finance-register.xlsx', sheet: 'Finance', cell: 'H4', heading: 'Comments', text: 'checked by audit 2019', field: 'notes' }
    ]
  })

const rows = [migrated('PA-0001', 'Payroll', 'FIN-017', 'Pay salaries'), migrated('PA-0002', 'CCTV', 'SEC-003', 'Building security')].map(toRegisterRow)
const search = (text: string) => filterRows(rows, { ...EMPTY_FILTER, text }).map((row) => row.reference)

describe('register search over migrated records', () => {
  it('finds a record by the reference of the earlier register, and the row carries it for display', () => {
    expect(search('fin-017')).toEqual(['PA-0001'])
    expect(search('SEC-003')).toEqual(['PA-0002'])
    expect(rows.map((row) => row.previousReference)).toEqual(['FIN-017', 'SEC-003'])
  })

  it("matches what an imported cell said, not the file, sheet or heading every migrated record shares", () => {
    expect(search('checked by audit')).toEqual(['PA-0001', 'PA-0002'])
    expect(search('finance-register.xlsx')).toEqual([])
    expect(search('comments')).toEqual([])
    expect(search('security')).toEqual(['PA-0002'])
  })
})
