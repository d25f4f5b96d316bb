/**
 * Hostile and damaged .xlsx files: each is refused before exceljs builds anything, quickly,
 * with a message naming the file, the sheet and what is wrong.
 */
import { describe, expect, it } from 'vitest'
import { readWorkbook } from '@core/workbook/read-workbook'
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'
import { checkXlsx, DEFAULT_XLSX_LIMITS } from '@core/workbook/xlsx-guard'
import { exportData } from '../fixtures/workbooks/sample-register'
import { workbookWithSheet, zipOfEntries } from '../fixtures/workbooks/zip-of'

async function refusal(bytes: Uint8Array, fileName: string): Promise<{ message: string; ms: number }> {
  const started = performance.now()
  const result = await readWorkbook(bytes, [], { fileName })
  const ms = performance.now() - started
  if (result.ok) throw new Error(`${fileName} was accepted`)
  expect(result.problems).toHaveLength(1)
  expect(result.problems[0]!.path).toBe(fileName)
  return { message: result.problems[0]!.message, ms }
}

describe('a workbook built to freeze the app', () => {
  it('refuses the tiny file declaring 99,999,999,999 columns in well under a second, naming the file, the sheet and the column count', async () => {
    const hostile = workbookWithSheet('<cols><col min="1" max="99999999999" width="9"/></cols><sheetData/>')
    expect(hostile.length).toBeLessThan(6 * 1024)
    const { message, ms } = await refusal(hostile, 'invoice.xlsx')
    expect(message).toMatch(/^invoice\.xlsx: sheet 'Register' declares columns 1 to 99,999,999,999 \(<col min="1" max="99999999999">\); a sheet has at most 16,384 columns/)
    expect(ms).toBeLessThan(1000)
  })

  it.each([
    ['one column past Excel\'s last (XFD)', '<cols><col min="16385" max="16385"/></cols><sheetData/>', /declares columns 16,385 to 16,385 .* at most 16,384 columns/],
    ['a used range (<dimension>) beyond the last row', '<dimension ref="A1:C99999999"/><sheetData/>', /declares its used range \(<dimension>\) up to C99999999, beyond the last row; a sheet has at most 1,048,576 rows/],
    ['a used range beyond the last column', '<dimension ref="A1:ZZZZ2"/><sheetData/>', /used range .* up to ZZZZ2, beyond the last column/],
    ['a row numbered past the last row', '<sheetData><row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>', /has a row numbered 2,000,000; a sheet has at most 1,048,576 rows/],
    ['a cell reference past the last column', '<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>', /has a cell at XFE1, beyond the last column/],
    ['a merged range of every cell in the sheet', '<sheetData/><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>', /merges 17,179,869,184 cells \(A1:XFD1048576\), which would take more than [\d,]+ cells in memory for a 1\.\d\d KB/],
    ['rows numbered up to Excel\'s last in a tiny file', '<sheetData><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>', /numbers its rows up to 1,048,576, which would take more than [\d,]+ cells/],
    [
      'more merged ranges than any register needs',
      `<sheetData/><mergeCells>${Array.from({ length: 5001 }, (_, index) => `<mergeCell ref="A${index * 2 + 1}:B${index * 2 + 1}"/>`).join('')}</mergeCells>`,
      /has more than 5,000 merged ranges/
    ]
  ])('refuses %s', async (_what, body, expected) => {
    const { message, ms } = await refusal(workbookWithSheet(body), 'hostile.xlsx')
    expect(message).toMatch(/^hostile\.xlsx: sheet 'Register' /)
    expect(message).toMatch(expected)
    expect(ms).toBeLessThan(1000)
  })

  it('counts shared strings against the cell budget, naming the table', async () => {
    // Honest compression keeps real string tables far under the default budget, so a small one is set here.
    const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>x</t></si>'.repeat(2_000)}</sst>`
    const bytes = workbookWithSheet('<sheetData/>', 'Register', [['xl/sharedStrings.xml', strings]])
    const limits = { ...DEFAULT_XLSX_LIMITS, cellBudgetBase: 1_500, cellBudgetPerByte: 0 }
    expect(await checkXlsx(bytes, 'strings.xlsx', limits)).toEqual([
      { path: 'strings.xlsx', message: expect.stringMatching(/^strings\.xlsx: the shared strings table holds 2,000 strings, which would take more than 1,500 cells in memory/), ref: expect.objectContaining({ key: 'fileProblems:content.overBudget' }) }
    ])
    expect(await checkXlsx(bytes, 'strings.xlsx', { ...limits, cellBudgetBase: 2_500 })).toEqual([])
  })

  it('refuses an entry that inflates to more than the size the zip declares for it (a bomb hidden from the directory check)', async () => {
    const sheet = `<worksheet><sheetData>${'<row/>'.repeat(400_000)}</sheetData></worksheet>`
    const bytes = zipOfEntries([['xl/worksheets/sheet1.xml', sheet]], { 'xl/worksheets/sheet1.xml': 1000 })
    const { message } = await refusal(bytes, 'liar.xlsx')
    expect(message).toMatch(/^liar\.xlsx is damaged or hostile: zip entry "xl\/worksheets\/sheet1\.xml" inflates to more than the 1000 bytes it declares/)
  })

  it('names the sheet file when the workbook does not say which sheet it is', async () => {
    const bytes = zipOfEntries([['xl/worksheets/sheet3.xml', '<worksheet><cols><col min="1" max="20000"/></cols></worksheet>']])
    expect(await checkXlsx(bytes, 'bare.xlsx')).toEqual([{ path: 'bare.xlsx', message: expect.stringMatching(/^bare\.xlsx: worksheet xl\/worksheets\/sheet3\.xml declares columns 1 to 20,000/), ref: expect.objectContaining({ key: 'fileProblems:content.beyondLimit' }) }])
  })

  it('lets a real export of the register through, and a sheet using the last column and row Excel allows', { timeout: 30_000 }, async () => {
    const exported = await writeWorkbookBuffer(exportData())
    expect(await checkXlsx(exported, 'register.xlsx')).toEqual([])
    const edge = workbookWithSheet('<dimension ref="A1:XFD1048576"/><cols><col min="1" max="16384"/></cols><sheetData><row r="1"><c r="XFD1"><v>1</v></c></row></sheetData>')
    // The row walk to row 1,048,576 is what a budget counts, so allow it here: only the limits are under test.
    expect(await checkXlsx(edge, 'edge.xlsx', { ...DEFAULT_XLSX_LIMITS, cellBudgetBase: 2_000_000 })).toEqual([])
  })
})

describe('errors from the spreadsheet library', () => {
  it('are told in words naming the file, with the library\'s text only as a technical detail', async () => {
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
    // A hyperlink pointing at a relationship the sheet does not have: exceljs fails with "Cannot read properties of undefined".
    const bytes = workbookWithSheet('<sheetData/><hyperlinks><hyperlink ref="A1" r:id="rId7"/></hyperlinks>', 'Register', [
      [
        'xl/worksheets/_rels/sheet1.xml.rels',
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/hyperlink" Target="http://example.org" TargetMode="External"/></Relationships>`
      ]
    ])
    const { message } = await refusal(bytes, 'vendor-list.xlsx')
    expect(message).toMatch(/^vendor-list\.xlsx is not a readable \.xlsx workbook: a part every \.xlsx workbook has is missing or laid out unexpectedly/)
    expect(message).toMatch(/\(technical detail: Cannot read properties of undefined/)
  })

  it('say which kind of damage: XML that is not well-formed, a row without a position', async () => {
    const unclosed = workbookWithSheet('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Item</t></is></row></sheetData>')
    expect((await refusal(unclosed, 'a.xlsx')).message).toMatch(/^a\.xlsx is not a readable \.xlsx workbook: one of its parts is not well-formed XML/)
    const unnumbered = workbookWithSheet('<sheetData><row><c><v>1</v></c></row></sheetData>')
    expect((await refusal(unnumbered, 'b.xlsx')).message).toMatch(/^b\.xlsx is not a readable \.xlsx workbook: a row or cell in one of its sheets has no valid position/)
  })
})
