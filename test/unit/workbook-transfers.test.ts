/** The workbook's transfer columns and the Cover's "Transfer law as of", read back cell by cell. */
import { describe, expect, it } from 'vitest'
import { cellText } from '@core/workbook/read-workbook'
import { SHEET } from '@core/workbook/columns'
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'
import { UNSTATED_INSTRUMENT, type StoredRecord } from '@core/records/model'
import { exportData, loadWorkbook, sampleRecords } from '../fixtures/workbooks/sample-register'

function recordsWithTransfers(): StoredRecord[] {
  const [first, ...rest] = sampleRecords()
  const transfers: StoredRecord['transfers'] = [
    { id: 'a', recipient: 'Helpdesk Pvt Ltd', country: 'India', documentation: 'Annex III of the DPA', ...UNSTATED_INSTRUMENT, countryCode: 'IN', mechanism: 'art46', instrument: 'scc-2021', sccModule: '2', tiaReference: 'TIA-7' },
    { id: 'b', recipient: 'Travel partner', country: 'Narnia', documentation: '', ...UNSTATED_INSTRUMENT, mechanism: 'art49', instrument: 'derogation', derogation: 'contract-with-subject' },
    { id: 'c', recipient: '', country: '', documentation: '', ...UNSTATED_INSTRUMENT, countryCode: 'org:epo' }
  ]
  return [{ ...first!, role: 'controller', transfers }, ...rest]
}

describe('transfers in the workbook', () => {
  it('date the transfer law on the Cover', async () => {
    const workbook = await loadWorkbook(await writeWorkbookBuffer(exportData(recordsWithTransfers())))
    const rows: string[][] = []
    workbook.getWorksheet(SHEET.cover)!.eachRow((row) => rows.push([1, 2, 3].map((column) => cellText(row.getCell(column).value))))
    expect(rows).toContainEqual(['Export', 'Transfer law as of', '6 December 2026'])
  })

  it('write mechanism, instrument, SCC module, derogation and TIA in their own columns, and a readable summary in the register', async () => {
    const records = recordsWithTransfers()
    const workbook = await loadWorkbook(await writeWorkbookBuffer(exportData(records)))
    const sheet = workbook.getWorksheet(SHEET.transfers)!
    const headingsOf = (row: { cellCount: number; getCell: (column: number) => { value: unknown } }) => Array.from({ length: row.cellCount }, (_, index) => cellText(row.getCell(index + 1).value as never))
    // Row 1 marks the columns Art. 30 requires; row 2 holds the headings.
    const headings = headingsOf(sheet.getRow(2))
    const rowsOf = (reference: string) => {
      const found: Record<string, string>[] = []
      sheet.eachRow((row, number) => {
        if (number <= 2 || cellText(row.getCell(1).value) !== reference) return
        found.push(Object.fromEntries(headings.map((heading, index) => [heading, cellText(row.getCell(index + 1).value)])))
      })
      return found
    }
    const written = rowsOf(records[0]!.reference)
    expect(written.map((row) => [row['Third country or international organisation'], row['Country or organisation code'], row['Transfer mechanism'], row['Transfer instrument'], row['SCC module'], row['Art. 49 derogation'], row['Transfer impact assessment']])).toEqual([
      ['India', 'IN', 'Appropriate safeguards (Art. 46)', 'Standard contractual clauses (Decision (EU) 2021/914)', 'Module 2: controller to processor', '', 'TIA-7'],
      ['Narnia', '', 'Derogation for a specific situation (Art. 49)', 'Art. 49 derogation', '', 'Art. 49(1)(b): contract with the data subject', ''],
      ['European Patent Organisation', 'org:epo', '', '', '', '', '']
    ])
    expect(headings).not.toContain('Safeguard')

    const register = workbook.getWorksheet(SHEET.controller)!
    const registerHeadings = headingsOf(register.getRow(2))
    const safeguardsColumn = registerHeadings.findIndex((heading) => heading.startsWith('Safeguards for exceptional transfers')) + 1
    let summary = ''
    register.eachRow((row) => {
      if (cellText(row.getCell(1).value) === records[0]!.reference) summary = cellText(row.getCell(safeguardsColumn).value)
    })
    expect(summary.split('\n')).toEqual([
      'India: Standard contractual clauses (Decision (EU) 2021/914), Module 2: controller to processor — Annex III of the DPA',
      'Narnia: Derogation for a specific situation (Art. 49), Art. 49(1)(b): contract with the data subject',
      'European Patent Organisation: Not stated'
    ])
  })
})
