/**
 * A small .xlsx writer for the browser build's export. exceljs's in-memory writer builds an
 * object per cell and an XML node per object, which took 8 s for 2,000 activities; the
 * workbook needs little of SpreadsheetML (shared strings, six cell formats, column widths,
 * frozen panes, an autofilter, list validations, print setup, header and footer), so it is
 * written here as text and zipped with the platform's deflate (CompressionStream). The Node
 * export keeps exceljs's streaming writer; both are read back by the same tests.
 */
import type { CellValue } from './register-sheets'
import { columnLetter } from './columns'
import { crc32 } from './xlsx-patch'

/** The cell formats of styles.xml, by index. */
export const XLSX_STYLE = { plain: 0, body: 1, quoted: 2, header: 3, marks: 4, hash: 5 } as const
export type XlsxStyle = (typeof XLSX_STYLE)[keyof typeof XLSX_STYLE]

export interface XlsxValidation {
  range: string
  list: string
  title: string
  error: string
}

export interface XlsxSheetOptions {
  name: string
  hidden: boolean
  columns: Array<{ width: number; style: XlsxStyle }>
  frozen: { rows: number; columns: number }
  autoFilter: string
  validations: XlsxValidation[]
  page: {
    paperSize: number
    fitToWidth: number
    pageOrder: 'overThenDown' | 'downThenOver'
    titleRows: string
    titleColumns: string | null
    margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number }
  }
  headerFooter: { header: string; footer: string } | null
}

/** Characters XML 1.0 cannot hold (what exceljs leaves out too). */
// eslint-disable-next-line no-control-regex -- matching them is the point
export const XML_FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g

const escapeXml = (text: string) =>
  // Characters XML cannot hold are left out, as exceljs does (the Data sheet's JSON keeps them escaped).
  text.replace(XML_FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`

export class XlsxSheet {
  private readonly parts: string[] = []
  private rowNumber = 0
  private lastColumn = 0
  constructor(
    readonly options: XlsxSheetOptions,
    private readonly strings: SharedStrings
  ) {}

  /** One row; `styles[i]` overrides the column's format of cell i. */
  addRow(values: ReadonlyArray<CellValue | null>, rowStyle: XlsxStyle | null, height: number | undefined, quoted: ReadonlySet<number> = EMPTY): void {
    const row = ++this.rowNumber
    let xml = height === undefined ? `<row r="${row}">` : `<row r="${row}" ht="${height}" customHeight="1">`
    for (let index = 0; index < values.length; index++) {
      const value = values[index]
      const style = quoted.has(index) ? XLSX_STYLE.quoted : (rowStyle ?? this.options.columns[index]?.style ?? XLSX_STYLE.body)
      if (value === null || value === undefined || value === '') {
        if (rowStyle !== null) xml += `<c r="${columnLetter(index + 1)}${row}" s="${style}"/>`
        continue
      }
      if (index + 1 > this.lastColumn) this.lastColumn = index + 1
      const ref = `${columnLetter(index + 1)}${row}`
      xml += typeof value === 'number' ? `<c r="${ref}" s="${style}"><v>${value}</v></c>` : `<c r="${ref}" s="${style}" t="s"><v>${this.strings.index(value)}</v></c>`
    }
    this.parts.push(`${xml}</row>`)
  }

  xml(): string {
    const { options } = this
    const { frozen, page } = options
    const topLeft = `${columnLetter(frozen.columns + 1)}${frozen.rows + 1}`
    const pane = frozen.columns > 0 ? 'bottomRight' : 'bottomLeft'
    const cols = options.columns.map((column, index) => `<col min="${index + 1}" max="${index + 1}" width="${column.width}" style="${column.style}" customWidth="1"/>`).join('')
    const validations = options.validations.length
      ? `<dataValidations count="${options.validations.length}">${options.validations
          .map(
            (validation) =>
              `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="${escapeXml(validation.title.slice(0, 32))}" error="${escapeXml(validation.error)}" sqref="${validation.range}"><formula1>${escapeXml(validation.list)}</formula1></dataValidation>`
          )
          .join('')}</dataValidations>`
      : ''
    const margins = page.margins
    return [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
      `<dimension ref="A1:${columnLetter(Math.max(1, this.lastColumn))}${Math.max(1, this.rowNumber)}"/>`,
      `<sheetViews><sheetView workbookViewId="0"><pane${frozen.columns > 0 ? ` xSplit="${frozen.columns}"` : ''} ySplit="${frozen.rows}" topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`,
      '<sheetFormatPr defaultRowHeight="15"/>',
      `<cols>${cols}</cols>`,
      '<sheetData>',
      ...this.parts,
      '</sheetData>',
      `<autoFilter ref="${options.autoFilter}"/>`,
      validations,
      `<pageMargins left="${margins.left}" right="${margins.right}" top="${margins.top}" bottom="${margins.bottom}" header="${margins.header}" footer="${margins.footer}"/>`,
      `<pageSetup paperSize="${page.paperSize}" orientation="landscape" fitToWidth="${page.fitToWidth}" fitToHeight="0" pageOrder="${page.pageOrder}"/>`,
      options.headerFooter ? `<headerFooter><oddHeader>${escapeXml(options.headerFooter.header)}</oddHeader><oddFooter>${escapeXml(options.headerFooter.footer)}</oddFooter></headerFooter>` : '',
      '</worksheet>'
    ].join('')
  }

  /** The print titles, for the workbook's defined names. */
  printTitles(): string {
    const name = quoteSheet(this.options.name)
    const rows = this.options.page.titleRows.split(':').map((row) => `$${row}`).join(':')
    const columns = this.options.page.titleColumns?.split(':').map((column) => `$${column}`).join(':')
    return columns ? `${name}!${columns},${name}!${rows}` : `${name}!${rows}`
  }
}
const EMPTY: ReadonlySet<number> = new Set()

class SharedStrings {
  private readonly indexes = new Map<string, number>()
  private readonly list: string[] = []
  count = 0
  index(text: string): number {
    this.count++
    let index = this.indexes.get(text)
    if (index === undefined) {
      index = this.list.length
      this.indexes.set(text, index)
      this.list.push(text)
    }
    return index
  }
  xml(): string {
    const items = this.list.map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`)
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">${items.join('')}</sst>`
  }
}

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="4"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font><font><i/><sz val="9"/><color rgb="FF1F3864"/><name val="Calibri"/><family val="2"/></font><font><sz val="8"/><color rgb="FF7F7F7F"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF1F3864"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDE4F0"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1" quotePrefix="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="2" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`

export class XlsxWorkbook {
  private readonly sheets: XlsxSheet[] = []
  private readonly strings = new SharedStrings()
  constructor(private readonly properties: { creator: string; created: string }) {}

  addSheet(options: XlsxSheetOptions): XlsxSheet {
    const sheet = new XlsxSheet(options, this.strings)
    this.sheets.push(sheet)
    return sheet
  }

  /** `extraNames`: more defined names (e.g. `_xlnm._FilterDatabase`), as XML. */
  async bytes(): Promise<Uint8Array> {
    const sheets = this.sheets
    const names = sheets.map((sheet, index) => `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(sheet.printTitles())}</definedName>`).join('')
    const workbookXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000"/></bookViews><sheets>${sheets
      .map((sheet, index) => `<sheet name="${escapeXml(sheet.options.name)}" sheetId="${index + 1}"${sheet.options.hidden ? ' state="hidden"' : ''} r:id="rId${index + 1}"/>`)
      .join('')}</sheets><definedNames>${names}</definedNames><calcPr calcId="171027"/></workbook>`
    const relationships = (items: string[]) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`
    const workbookRels = relationships([
      ...sheets.map((_sheet, index) => `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`),
      `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`,
      `<Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
    ])
    const rootRels = relationships([
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>',
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    ])
    const main = 'application/vnd.openxmlformats-officedocument.spreadsheetml'
    const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${main}.sheet.main+xml"/>${sheets
      .map((_sheet, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="${main}.worksheet+xml"/>`)
      .join('')}<Override PartName="/xl/styles.xml" ContentType="${main}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${main}.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`
    const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${escapeXml(this.properties.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(this.properties.created)}</dcterms:created></cp:coreProperties>`
    const app = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>RoPA Manager</Application></Properties>`
    const entries: Array<[string, string]> = [
      ['[Content_Types].xml', contentTypes],
      ['_rels/.rels', rootRels],
      ['docProps/core.xml', core],
      ['docProps/app.xml', app],
      ['xl/workbook.xml', workbookXml],
      ['xl/_rels/workbook.xml.rels', workbookRels],
      ['xl/styles.xml', STYLES_XML],
      ...sheets.map((sheet, index): [string, string] => [`xl/worksheets/sheet${index + 1}.xml`, sheet.xml()]),
      ['xl/sharedStrings.xml', this.strings.xml()]
    ]
    return zip(entries)
  }
}

async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(data)
      controller.close()
    }
  })
  const reader = input.pipeThrough(new CompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>).getReader()
  const chunks: Uint8Array[] = []
  let length = 0
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    chunks.push(chunk.value)
    length += chunk.value.length
  }
  const out = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/** A zip archive of deflated entries, sizes and CRCs in the headers. */
async function zip(entries: ReadonlyArray<[string, string]>): Promise<Uint8Array> {
  const encoder = new TextEncoder()
  const parts: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const [name, text] of entries) {
    const nameBytes = encoder.encode(name)
    const data = encoder.encode(text)
    const compressed = await deflate(data)
    const crc = crc32(data)
    const local = new Uint8Array(30 + nameBytes.length)
    const view = new DataView(local.buffer)
    view.setUint32(0, 0x04034b50, true)
    view.setUint16(4, 20, true)
    view.setUint16(6, 0x0800, true)
    view.setUint16(8, 8, true)
    view.setUint32(14, crc, true)
    view.setUint32(18, compressed.length, true)
    view.setUint32(22, data.length, true)
    view.setUint16(26, nameBytes.length, true)
    local.set(nameBytes, 30)
    const record = new Uint8Array(46 + nameBytes.length)
    const centralView = new DataView(record.buffer)
    centralView.setUint32(0, 0x02014b50, true)
    centralView.setUint16(4, 20, true)
    centralView.setUint16(6, 20, true)
    centralView.setUint16(8, 0x0800, true)
    centralView.setUint16(10, 8, true)
    centralView.setUint32(16, crc, true)
    centralView.setUint32(20, compressed.length, true)
    centralView.setUint32(24, data.length, true)
    centralView.setUint16(28, nameBytes.length, true)
    centralView.setUint32(42, offset, true)
    record.set(nameBytes, 46)
    parts.push(local, compressed)
    central.push(record)
    offset += local.length + compressed.length
  }
  const directorySize = central.reduce((sum, part) => sum + part.length, 0)
  const end = new Uint8Array(22)
  const endView = new DataView(end.buffer)
  endView.setUint32(0, 0x06054b50, true)
  endView.setUint16(8, entries.length, true)
  endView.setUint16(10, entries.length, true)
  endView.setUint32(12, directorySize, true)
  endView.setUint32(16, offset, true)
  const out = new Uint8Array(offset + directorySize + 22)
  let position = 0
  for (const part of [...parts, ...central, end]) {
    out.set(part, position)
    position += part.length
  }
  return out
}
