import { describe, expect, it } from 'vitest'
import { csvField, registerCsv } from '@core/workbook/register-csv'
import { CSV_COLUMNS } from '@core/workbook/register-sheets'
import { sampleRecords, SNEAKY_VALUES } from '../fixtures/workbooks/sample-register'

/** A small RFC 4180 reader, so that the test checks the CSV as a consumer parses it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"'
        index++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      index++
    } else field += char
  }
  return rows
}

describe('registerCsv', () => {
  const records = sampleRecords()
  const csv = registerCsv(records)

  it('starts with a UTF-8 BOM, has a header and one row per activity, controllers and processors alike', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows = parseCsv(csv.slice(1))
    expect(rows[0]).toEqual(CSV_COLUMNS.map((column) => column.header))
    expect(rows).toHaveLength(records.length + 1)
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true)
    const processorRow = rows.find((row) => row[0] === 'PA-0004')!
    expect(processorRow[CSV_COLUMNS.findIndex((column) => column.key === 'controllersActedFor')]).toBe('Client, Inc.')
  })

  it('quotes commas, quotes and line breaks (RFC 4180) and neutralises formulas', () => {
    expect(csvField('a, "b"\nc')).toBe('"a, ""b""\nc"')
    expect(csvField('plain')).toBe('plain')
    expect(csvField(6)).toBe('6')
    const rows = parseCsv(csv.slice(1))
    expect(rows[1]![1]).toBe(`'${records[0]!.name}`)
    // A spreadsheet evaluates a cell from its first character, so one guard quote per cell suffices.
    expect(rows[2]![CSV_COLUMNS.findIndex((column) => column.key === 'purposes')]).toBe(`'${records[1]!.purposes.map((purpose) => purpose.description).join('\n')}`)
  })

  it('guards formulas after leading spaces or line breaks and the full-width = + - @, and leaves telephone numbers as typed', () => {
    for (const value of SNEAKY_VALUES) expect(csvField(value)).toMatch(/^"?'/)
    expect(csvField(' =1+1')).toBe("' =1+1")
    expect(csvField('\uFF1D1+1')).toBe("'\uFF1D1+1")
    expect(csvField('+44 20 7946 0000')).toBe('+44 20 7946 0000')
    expect(csvField('-5 days notice')).toBe("'-5 days notice")
  })
})
