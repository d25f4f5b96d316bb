import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type ExcelJS from 'exceljs'
import { writeWorkbookStream } from '../../src-main/export/write-workbook-stream'
import { cellText } from '@core/workbook/read-workbook'
import { CUT_MARKER, EXCEL_CELL_LIMIT, fitCell, LISTS, neutraliseCell, restoreNeutralisedCell, SHEET } from '@core/workbook/columns'
import { patchXlsx } from '@core/workbook/xlsx-patch'
import { CONTROLLER_COLUMNS, recordsFingerprint, recordChunks } from '@core/workbook/register-sheets'
import { rowHeight, safeCell, writeWorkbookBuffer } from '@core/workbook/write-workbook'
import { exportData, HOSTILE_VALUES, loadWorkbook, sampleRecords, SNEAKY_VALUES } from '../fixtures/workbooks/sample-register'

describe('neutraliseCell (CSV)', () => {
  it('prefixes a quote to values a spreadsheet would run as formulas, and only to those', () => {
    for (const value of HOSTILE_VALUES) expect(neutraliseCell(value)).toBe(`'${value}`)
    for (const value of ['Payroll', '', "'quoted", 'a=b', '42', '+44 20 7946 0000', '+1 (555) 010-0199']) expect(neutraliseCell(value)).toBe(value)
    for (const value of [...HOSTILE_VALUES, ...SNEAKY_VALUES, "'quoted", 'plain']) expect(restoreNeutralisedCell(neutraliseCell(value))).toBe(value)
  })

  it('also guards a formula after leading spaces or line breaks, and the full-width = + - @', () => {
    for (const value of SNEAKY_VALUES) expect(neutraliseCell(value)).toBe(`'${value}`)
    expect(neutraliseCell('+44+cmd|calc')).toBe("'+44+cmd|calc")
  })
})

async function streamedWorkbook(progress: Array<[number, number]> = []): Promise<ExcelJS.Workbook> {
  const file = join(mkdtempSync(join(tmpdir(), 'ropa-export-')), 'register.xlsx')
  await writeWorkbookStream(file, exportData(), (done, total) => progress.push([done, total]))
  return loadWorkbook(readFileSync(file))
}

describe('row heights and cell safety', () => {
  const column = (width: number) => ({ key: 'k', header: 'h', width, requiredByArt30: null, list: null })
  it('counts wrapped and broken lines in the tallest cell, capped at Excel\'s maximum', () => {
    expect(rowHeight(['short', 42, null], [column(10), column(10), column(10)])).toBeUndefined()
    expect(rowHeight(['a'.repeat(25), 'one\ntwo'], [column(10), column(30)])).toBe(45)
    expect(rowHeight(['x', 'one\n\nthree\nfour'], [column(10), column(30)])).toBe(60)
    expect(rowHeight(['x'.repeat(100_000)], [column(10)])).toBe(409)
  })

  it('keeps every cell within Excel\'s 32,767 characters, cutting a longer value at a marker', () => {
    expect(safeCell('')).toBeNull()
    expect(safeCell('=1+1')).toBe('=1+1')
    const long = 'x'.repeat(100_123)
    const cut = safeCell(long) as string
    expect(cut.length).toBe(EXCEL_CELL_LIMIT)
    expect(cut.endsWith(CUT_MARKER)).toBe(true)
    expect(fitCell('y'.repeat(EXCEL_CELL_LIMIT))).toBe('y'.repeat(EXCEL_CELL_LIMIT))
  })
})

/** The text of one part of an .xlsx (read through the same zip code the writer uses). */
async function xlsxPart(bytes: Uint8Array, name: string): Promise<string> {
  let text = ''
  await patchXlsx(bytes, { [name]: (xml) => (text = xml) })
  return text
}

async function streamedBytes(): Promise<Uint8Array> {
  const file = join(mkdtempSync(join(tmpdir(), 'ropa-export-')), 'register.xlsx')
  await writeWorkbookStream(file, exportData())
  return new Uint8Array(readFileSync(file))
}

describe.each([
  ['streaming writer (Node)', streamedBytes],
  ['in-memory writer (browser)', () => writeWorkbookBuffer(exportData())]
])('the exported workbook, %s', (_name, openBytes) => {
  const open = async () => loadWorkbook(await openBytes())
  it('has the sheets in order, with Lists and Data hidden', async () => {
    const workbook = await open()
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['Cover', 'visible'],
      ['Controller register', 'visible'],
      ['Processor register', 'visible'],
      ['Purposes', 'visible'],
      ['Data categories', 'visible'],
      ['Recipients', 'visible'],
      ['Transfers', 'visible'],
      ['Vendors', 'visible'],
      ['Evidence', 'visible'],
      ['Lists', 'hidden'],
      ['Data', 'hidden'],
      ['Verification', 'visible']
    ])
  })

  it('marks Art. 30 columns above ICO-style headings, with frozen header, autofilter and print setup', async () => {
    const sheet = (await open()).getWorksheet(SHEET.controller)!
    const headings = (sheet.getRow(2).values as unknown[]).slice(1)
    expect(headings).toEqual([...CONTROLLER_COLUMNS.map((column) => column.header), 'Row SHA-256'])
    const purposeColumn = headings.indexOf('Purpose of processing') + 1
    expect(sheet.getCell(1, purposeColumn).value).toBe('Required: Art. 30(1)(b)')
    expect(sheet.getCell(1, headings.indexOf('Retention schedule (if possible)') + 1).value).toBe('Required: Art. 30(1)(f)')
    expect(sheet.getCell(1, headings.indexOf('Owner') + 1).value).toBeNull()
    expect(sheet.getCell(2, 1).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 1 })
    // The filter covers the headings and every row, as Excel writes it.
    expect(sheet.autoFilter).toBe(`A2:AF${sheet.rowCount}`)
    // Too wide for one page: A3, three pages across then down, reference and activity repeated on each.
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 8,
      fitToWidth: 3,
      fitToHeight: 0,
      pageOrder: 'overThenDown',
      printTitlesRow: '1:2',
      printTitlesColumn: 'A:B'
    })
    expect(sheet.headerFooter.oddHeader).toBe('&L&BExample Trading Ltd&B&RController register')
    // The fingerprint of the whole export, as the Verification sheet's last row states it.
    const verification = (await open()).getWorksheet(SHEET.verification)!
    const fingerprint = String(verification.getCell(verification.rowCount, 3).value)
    expect(fingerprint).not.toBe(recordsFingerprint(sampleRecords()))
    expect(sheet.headerFooter.oddFooter).toBe(`&LPage &P of &N&CExported 2025-09-01 12:00 UTC&RExport fingerprint ${fingerprint.slice(0, 16)}`)
    const purposes = (await open()).getWorksheet(SHEET.purposes)!
    expect(purposes.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printTitlesRow: '1:2' })
    expect(purposes.pageSetup.printTitlesColumn).toBeUndefined()
    expect(sheet.getColumn(purposeColumn).width).toBe(40)
    expect(sheet.getCell(3, purposeColumn).alignment?.wrapText).toBe(true)
  })

  it('writes labels, not keys, one row per controller activity, in reference order', async () => {
    const records = sampleRecords()
    const sheet = (await open()).getWorksheet(SHEET.controller)!
    const controllers = records.filter((record) => record.role !== 'processor')
    expect(sheet.rowCount).toBe(2 + controllers.length)
    const row = 2 + controllers.findIndex((record) => record.reference === 'PA-0005') + 1
    const record = records.find((candidate) => candidate.reference === 'PA-0005')!
    expect(sheet.getCell(row, 1).value).toBe('PA-0005')
    expect(sheet.getCell(row, 3).value).toBe({ draft: 'Draft', 'in-review': 'In review', approved: 'Approved', archived: 'Archived' }[record.status])
    // Multi-line text is an inline rich-text string in the streaming writer (LibreOffice keeps its line breaks), a shared string in memory.
    expect(cellText(sheet.getCell(row, 6).value)).toBe(record.purposes.map((purpose) => purpose.description).join('\n'))
    const processors = (await open()).getWorksheet(SHEET.processor)!
    expect(processors.getCell(3, 1).value).toBe('PA-0004')
    expect(processors.getCell(3, 6).value).toBe('Client, Inc.')
  })

  it('writes hostile values as plain text cells, never formulas, shown as typed through the quote-prefix style', async () => {
    const workbook = await open()
    const sheet = workbook.getWorksheet(SHEET.controller)!
    const name = sheet.getCell('B3')
    expect(name.type).toBe(3) // ExcelJS.ValueType.String
    expect(name.formula).toBeUndefined()
    expect(name.value).toBe(HOSTILE_VALUES[0])
    expect(name.numFmt).toBe('@')
    expect(sheet.getCell('E3').value).toBe(HOSTILE_VALUES[4])
    // XML turns a lone carriage return into a line feed on reading.
    expect(sheet.getCell('AC3').value).toMatch(/^[\r\n]CR$/)
    // Harmless text that merely starts with - or + reads as typed: no apostrophe in the cell.
    expect(cellText(sheet.getCell('A3').value)).toBe('PA-0001')
    const purposes = workbook.getWorksheet(SHEET.purposes)!
    const texts: unknown[] = []
    purposes.eachRow((row) => row.eachCell((cell) => {
      expect(cell.type).not.toBe(6) // ExcelJS.ValueType.Formula
      texts.push(cell.value)
    }))
    for (const hostile of HOSTILE_VALUES.slice(1, 4)) expect(texts).toContain(hostile)
    expect(texts).toContain('-5 days notice')
  })

  it('marks exactly the cells that look like formulas with quotePrefix="1" in the cell style XML', async () => {
    const bytes = await openBytes()
    const styles = await xlsxPart(bytes, 'xl/styles.xml')
    const cellXfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)].map((match) => match[0])
    const quoted = cellXfs.flatMap((xf, index) => (xf.includes('quotePrefix="1"') ? [index] : []))
    expect(quoted.length).toBeGreaterThan(0)
    const sheetXml = await xlsxPart(bytes, 'xl/worksheets/sheet2.xml')
    const styleOf = (ref: string) => Number(new RegExp(`<c r="${ref}"[^>]*?s="(\\d+)"`).exec(sheetXml)?.[1] ?? -1)
    expect(quoted).toContain(styleOf('B3'))
    expect(quoted).not.toContain(styleOf('B4'))
  })

  it('puts drop-down validations on enumerated columns, from the hidden Lists sheet', async () => {
    const workbook = await open()
    const lists = workbook.getWorksheet(SHEET.lists)!
    expect(lists.getCell('B1').value).toBe('Status')
    expect([2, 3, 4, 5].map((row) => lists.getCell(row, 2).value)).toEqual(LISTS.status.labels)
    const register = workbook.getWorksheet(SHEET.controller)!
    expect(register.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ['Lists!$B$2:$B$5'] })
    expect(register.getCell('D3').dataValidation).toMatchObject({ type: 'list', formulae: ['Lists!$A$2:$A$4'] })
    const transfers = workbook.getWorksheet(SHEET.transfers)!
    // The transfer mechanism (column F) is required by Art. 30(1)(e) and picked from the mechanisms list.
    expect(transfers.getCell(1, 6).value).toBe('Required: Art. 30(1)(e)')
    expect(transfers.getCell(3, 6).dataValidation).toMatchObject({ type: 'list', formulae: ['Lists!$D$2:$D$5'] })
    expect(workbook.getWorksheet(SHEET.purposes)!.getCell('E3').dataValidation).toMatchObject({ formulae: ['Lists!$C$2:$C$7'] })
  })

  it('sizes rows to their wrapped text, and writes telephone numbers without a guard quote', async () => {
    const cover = (await open()).getWorksheet(SHEET.cover)!
    const rowOf = (item: string) => {
      let found: ExcelJS.Row | undefined
      cover.eachRow((row) => {
        if (row.getCell(1).value === item) found ??= row
      })
      return found!
    }
    // "10 Rue de la Paix, Paris" and the e-mail address: two lines.
    expect(rowOf('Joint controller').height).toBe(30)
    expect(rowOf('Controller').height).toBeUndefined()
    const controllerPhone = (() => {
      let phone: unknown
      cover.eachRow((row) => {
        if (row.getCell(1).value === 'Controller' && row.getCell(2).value === 'Telephone') phone = row.getCell(3).value
      })
      return phone
    })()
    expect(controllerPhone).toBe('+44 20 7946 0000')
  })

  it('has a Cover with the organisation, counts and the fingerprint of the exported records', async () => {
    const cover = (await open()).getWorksheet(SHEET.cover)!
    const rows = new Map<string, unknown>()
    cover.eachRow((row) => rows.set(`${row.getCell(1).value}/${row.getCell(2).value}`, row.getCell(3).value))
    expect(rows.get('Controller/Name')).toBe('Example Trading Ltd')
    expect(rows.get('Data protection officer/E-mail')).toBe('dpo@example.org')
    expect(rows.get('Export/Exported at')).toBe('2025-09-01T12:00:00.000Z')
    expect(rows.get('Export/Records')).toBe(12)
    const records = sampleRecords()
    expect(rows.get('Records by role/Processor')).toBe(records.filter((record) => record.role === 'processor').length)
    expect(rows.get('Export/SHA-256 fingerprint of the exported records')).toBe(recordsFingerprint(records))
    expect(cover.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  })

  it('has one detail row per item, keyed by reference, and the record JSON in chunks below the cell limit', async () => {
    const records = sampleRecords()
    const workbook = await open()
    expect(workbook.getWorksheet(SHEET.dataCategories)!.rowCount).toBe(2 + records.reduce((sum, record) => sum + record.dataCategories.length, 0))
    expect(workbook.getWorksheet(SHEET.evidence)!.getCell('A2').value).toBe('PA-0003')
    expect(workbook.getWorksheet(SHEET.vendors)!.getCell('B2').value).toBe('Stripe')
    const data = workbook.getWorksheet(SHEET.data)!
    const chunks = recordChunks(records[2]!)
    expect(chunks.length).toBe(2)
    expect(chunks[1]!.json.startsWith('=')).toBe(true)
    let longest = 0
    data.eachRow((row) => (longest = Math.max(longest, String(row.getCell(4).value).length)))
    expect(longest).toBeLessThanOrEqual(32_001)
  })
})

it('reports progress up to the total', async () => {
  const progress: Array<[number, number]> = []
  await streamedWorkbook(progress)
  const [done, total] = progress[progress.length - 1]!
  expect(done).toBe(total)
  expect(total).toBeGreaterThan(12)
})
