/** readSpreadsheet: .xlsx, .ods and .csv become text grids with A1 positions, ISO dates and merged ranges; bad files are refused by name. */
import ExcelJS from 'exceljs'
import * as XLSX from '@e965/xlsx'
import { describe, expect, it } from 'vitest'
import { decodeWindows1252, readSpreadsheet } from '@core/migration/read-spreadsheet'
import type { SpreadsheetFile } from '@core/migration/types'

async function read(name: string, bytes: Uint8Array): Promise<SpreadsheetFile> {
  const result = await readSpreadsheet(name, bytes)
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.file
}

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('reading a CSV', () => {
  it('detects the separator: semicolons and commas', async () => {
    const semicolons = await read('a.csv', utf8('Name;Purpose\nPayroll;"Pay; tax"\n'))
    expect(semicolons.csv).toEqual({ delimiter: ';', encoding: 'utf-8' })
    expect(semicolons.sheets[0]!.rows).toEqual([
      ['Name', 'Purpose'],
      ['Payroll', 'Pay; tax']
    ])
    const commas = await read('b.csv', utf8('Name,Purpose\nPayroll,"Pay, tax"\n'))
    expect(commas.csv?.delimiter).toBe(',')
    expect(commas.sheets[0]!.rows[1]).toEqual(['Payroll', 'Pay, tax'])
    expect(commas.sheets[0]!.name).toBe('b')
  })

  it('reads UTF-8 with a byte-order mark without keeping the mark', async () => {
    const file = await read('bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Référence;Nom\nT-1;Été\n')]))
    expect(file.csv?.encoding).toBe('utf-8')
    expect(file.sheets[0]!.rows).toEqual([
      ['Référence', 'Nom'],
      ['T-1', 'Été']
    ])
  })

  it('falls back to Windows-1252 when the bytes are not UTF-8, including €, ’ and – from 0x80–0x9F', async () => {
    // "Réf;Montant (€)\nC-1;l’adhésion – 10 €"
    const bytes = new Uint8Array([0x52, 0xe9, 0x66, 0x3b, 0x4d, 0x6f, 0x6e, 0x74, 0x61, 0x6e, 0x74, 0x20, 0x28, 0x80, 0x29, 0x0a, 0x43, 0x2d, 0x31, 0x3b, 0x6c, 0x92, 0x61, 0x64, 0x68, 0xe9, 0x73, 0x69, 0x6f, 0x6e, 0x20, 0x96, 0x20, 0x31, 0x30, 0x20, 0x80])
    const file = await read('latin.csv', bytes)
    expect(file.csv).toEqual({ delimiter: ';', encoding: 'windows-1252' })
    expect(file.sheets[0]!.rows).toEqual([
      ['Réf', 'Montant (€)'],
      ['C-1', 'l’adhésion – 10 €']
    ])
    expect(decodeWindows1252(new Uint8Array([0x80, 0x92, 0x96, 0xe9, 0x9f]))).toBe('€’–éŸ')
  })

  it('refuses a CSV with an unclosed quote, naming the file and line', async () => {
    const result = await readSpreadsheet('broken.csv', utf8('Name;Purpose\nPayroll;"Pay\n'))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0]!.path).toMatch(/^broken\.csv: line \d+$/)
  })
})

describe('reading workbooks', () => {
  it('.xlsx: Excel dates become ISO dates, a merged range keeps its text once and is listed', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Register')
    sheet.addRow(['Transfers', null, 'Reviewed'])
    sheet.addRow(['Country', 'Safeguard', new Date(Date.UTC(2024, 2, 31))])
    sheet.getCell('C2').numFmt = 'dd/mm/yyyy'
    sheet.mergeCells('A1:B1')
    workbook.addWorksheet('Lists', { state: 'hidden' }).addRow(['x'])
    const file = await read('reg.xlsx', new Uint8Array((await workbook.xlsx.writeBuffer())))
    expect(file.format).toBe('xlsx')
    expect(file.sheets[0]!.rows).toEqual([
      ['Transfers', '', 'Reviewed'],
      ['Country', 'Safeguard', '2024-03-31']
    ])
    expect(file.sheets[0]!.merges).toEqual([{ range: 'A1:B1', top: 1, left: 1, bottom: 1, right: 2 }])
    expect(file.sheets[1]).toMatchObject({ name: 'Lists', hidden: true })
    expect(file.appWorkbookWithData).toBe(false)
  })

  it('.ods: dates as ISO dates, merged ranges, every sheet', async () => {
    const book = XLSX.utils.book_new()
    const sheet = XLSX.utils.aoa_to_sheet([['Données', null], ['Nom', 'Mise à jour'], ['Paie', new Date(2024, 5, 1)]], { cellDates: true })
    sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }]
    XLSX.utils.book_append_sheet(book, sheet, 'Registre')
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Fiche']]), 'Fiche 1')
    const bytes = new Uint8Array(XLSX.write(book, { bookType: 'ods', type: 'array' }) as ArrayBuffer)
    const file = await read('registre.ods', bytes)
    expect(file.format).toBe('ods')
    expect(file.sheets.map((candidate) => candidate.name)).toEqual(['Registre', 'Fiche 1'])
    expect(file.sheets[0]!.rows).toEqual([
      ['Données', ''],
      ['Nom', 'Mise à jour'],
      ['Paie', '2024-06-01']
    ])
    expect(file.sheets[0]!.merges).toEqual([{ range: 'A1:B1', top: 1, left: 1, bottom: 1, right: 2 }])
  })

  it('refuses what is not a spreadsheet, naming the file', async () => {
    const notZip = await readSpreadsheet('register.xlsx', utf8('Reference,Name\n'))
    expect(notZip).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'register.xlsx', message: expect.stringMatching(/register\.xlsx is not an \.xlsx workbook/) })] })
    const unknown = await readSpreadsheet('register.pdf', utf8('%PDF-1.4'))
    expect(unknown).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'register.pdf', message: expect.stringMatching(/register\.pdf is not a spreadsheet this app reads/) })] })
    expect(await readSpreadsheet('empty.csv', new Uint8Array())).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'empty.csv', message: 'empty.csv is empty' })] })
  })
})
