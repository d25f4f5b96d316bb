/**
 * The .xlsx writer of every export (browser build in a Web Worker, desktop main process, CLI).
 * exceljs builds an object per cell and an XML node per object (8 s for 2,000 activities in
 * memory); the workbook needs little of SpreadsheetML (six cell formats, column widths, frozen
 * panes, an autofilter, list validations, print setup, header and footer), so it is written
 * here as text, streamed sheet by sheet into the platform's gzip (CompressionStream, whose
 * trailer gives each entry's CRC-32 for free), and only the compressed bytes are kept.
 *
 * Each sheet's deflate stream stays open until the workbook is finished: the header and footer
 * (the last elements of a sheet's XML) print the fingerprint of the whole export, which is
 * known only once every sheet has been written.
 */
import type { CellValue } from './register-sheets'
import { columnLetter } from './columns'
import { addFilterDatabaseNames } from './xlsx-patch'

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
  /** The rows the sheet will hold, headings included (the `<dimension>` comes before the rows). */
  rowCount: number
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
}

export interface XlsxHeaderFooter {
  header: string
  footer: string
}

/** Characters XML 1.0 cannot hold (what exceljs leaves out too). */
// eslint-disable-next-line no-control-regex -- matching them is the point
export const XML_FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g
// eslint-disable-next-line no-control-regex -- as above, plus what XML escapes
const NEEDS_ESCAPING = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/

/** Most cells need no escaping: one test instead of five replacements. */
const escapeXml = (text: string) =>
  NEEDS_ESCAPING.test(text)
    ? // Characters XML cannot hold are left out, as exceljs does (the Data sheet's JSON keeps them escaped).
      text.replace(XML_FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    : text

// eslint-disable-next-line no-control-regex -- as above, without the quote
const TEXT_NEEDS_ESCAPING = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/

/**
 * A cell's text: quotes need no escaping between tags, and the Data sheet's JSON is full of
 * them (escaped, they made its XML, and the compressor's work, almost twice as large).
 */
const escapeText = (text: string) =>
  TEXT_NEEDS_ESCAPING.test(text) ? text.replace(XML_FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`

/** Text that starts or ends with white space needs xml:space="preserve" to keep it; the rest is shorter without. */
const EDGE_WHITESPACE = /^\s|\s$/

/** Column letters by index, computed once: every cell reference needs one. */
const LETTERS: string[] = []
const letterOf = (index: number) => (LETTERS[index] ??= columnLetter(index + 1))

/** Uncompressed XML is handed to the compressor in pieces of about this many characters. */
const CHUNK_CHARACTERS = 256 * 1024

/**
 * One zip entry being deflated: text goes in as it is written, compressed bytes are collected
 * as they come out. CompressionStream('gzip') rather than 'deflate-raw': the gzip trailer
 * carries the CRC-32 the zip needs, computed natively.
 */
class DeflatedEntry {
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>
  private readonly chunks: Uint8Array[] = []
  private readonly drained: Promise<void>
  private readonly encoder = new TextEncoder()
  private written: Promise<void> = Promise.resolve()
  private size = 0
  constructor(readonly name: string) {
    const stream = new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>
    this.writer = stream.writable.getWriter()
    const reader = stream.readable.getReader()
    this.drained = (async () => {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) this.chunks.push(chunk.value)
    })()
    // A failure shows where it is awaited (ready / finish); this keeps it from being reported as unhandled meanwhile.
    this.drained.catch(() => undefined)
  }

  write(text: string): void {
    if (text === '') return
    const bytes = this.encoder.encode(text)
    this.size += bytes.length
    this.written = this.writer.write(bytes)
    this.written.catch(() => undefined)
  }

  /** Resolves once what was written so far has been taken by the compressor. */
  ready(): Promise<void> {
    return this.written
  }

  async finish(): Promise<ZipEntry> {
    await this.writer.close()
    await this.drained
    const gzip = concat(this.chunks)
    const start = gzipHeaderLength(gzip, this.name)
    const trailer = new DataView(gzip.buffer, gzip.byteOffset + gzip.length - 8, 8)
    return { name: this.name, compressed: gzip.subarray(start, gzip.length - 8), crc: trailer.getUint32(0, true), size: this.size }
  }
}

/** RFC 1952 §2.3: the fixed ten bytes, and the optional fields the flags announce. */
function gzipHeaderLength(gzip: Uint8Array, name: string): number {
  if (gzip.length < 18 || gzip[0] !== 0x1f || gzip[1] !== 0x8b || gzip[2] !== 8) throw new Error(`the compressor gave no gzip stream for ${name}`)
  const flags = gzip[3]!
  let position = 10
  if (flags & 4) position += 2 + (gzip[position]! | (gzip[position + 1]! << 8))
  const skipText = () => {
    while (gzip[position] !== 0) position++
    position++
  }
  if (flags & 8) skipText()
  if (flags & 16) skipText()
  if (flags & 2) position += 2
  return position
}

interface ZipEntry {
  name: string
  compressed: Uint8Array
  crc: number
  size: number
}

export class XlsxSheet {
  private pending = ''
  private rowNumber = 0
  private readonly entry: DeflatedEntry
  constructor(
    readonly options: XlsxSheetOptions,
    readonly path: string
  ) {
    this.entry = new DeflatedEntry(path)
    this.pending = this.head()
  }

  /** One row; `rowStyle` overrides the columns' formats, `quoted` cells get the quote-prefix format. */
  addRow(values: ReadonlyArray<CellValue | null>, rowStyle: XlsxStyle | null, height: number | undefined, quoted: ReadonlySet<number> = EMPTY): void {
    const row = ++this.rowNumber
    let xml = height === undefined ? `<row r="${row}">` : `<row r="${row}" ht="${height}" customHeight="1">`
    const columns = this.options.columns
    for (let index = 0; index < values.length; index++) {
      const value = values[index]
      const style = quoted.size > 0 && quoted.has(index) ? XLSX_STYLE.quoted : (rowStyle ?? columns[index]?.style ?? XLSX_STYLE.body)
      if (value === null || value === undefined || value === '') {
        if (rowStyle !== null) xml += `<c r="${letterOf(index)}${row}" s="${style}"/>`
        continue
      }
      // Inline strings: no table of every text to keep until the end (measured no slower than shared strings, and less memory).
      xml +=
        typeof value === 'number'
          ? `<c r="${letterOf(index)}${row}" s="${style}"><v>${value}</v></c>`
          : `<c r="${letterOf(index)}${row}" s="${style}" t="inlineStr"><is>${EDGE_WHITESPACE.test(value) ? '<t xml:space="preserve">' : '<t>'}${escapeText(value)}</t></is></c>`
    }
    this.pending += `${xml}</row>`
    if (this.pending.length >= CHUNK_CHARACTERS) this.flush()
  }

  private flush(): void {
    this.entry.write(this.pending)
    this.pending = ''
  }

  /** Lets the compressor catch up with the rows written so far. */
  ready(): Promise<void> {
    this.flush()
    return this.entry.ready()
  }

  get rowsWritten(): number {
    return this.rowNumber
  }

  private head(): string {
    const { options } = this
    const { frozen } = options
    const topLeft = `${columnLetter(frozen.columns + 1)}${frozen.rows + 1}`
    const pane = frozen.columns > 0 ? 'bottomRight' : 'bottomLeft'
    const cols = options.columns.map((column, index) => `<col min="${index + 1}" max="${index + 1}" width="${column.width}" style="${column.style}" customWidth="1"/>`).join('')
    return [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
      `<dimension ref="A1:${columnLetter(Math.max(1, options.columns.length))}${Math.max(1, options.rowCount)}"/>`,
      `<sheetViews><sheetView workbookViewId="0"><pane${frozen.columns > 0 ? ` xSplit="${frozen.columns}"` : ''} ySplit="${frozen.rows}" topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`,
      '<sheetFormatPr defaultRowHeight="15"/>',
      `<cols>${cols}</cols>`,
      '<sheetData>'
    ].join('')
  }

  /** The rest of the sheet after its rows, with the header and footer now known; the entry's compressed bytes. */
  finish(headerFooter: XlsxHeaderFooter | null): Promise<ZipEntry> {
    const { options } = this
    const { page } = options
    const validations = options.validations.length
      ? `<dataValidations count="${options.validations.length}">${options.validations
          .map(
            (validation) =>
              `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="${escapeXml(validation.title.slice(0, 32))}" error="${escapeXml(validation.error)}" sqref="${validation.range}"><formula1>${escapeXml(validation.list)}</formula1></dataValidation>`
          )
          .join('')}</dataValidations>`
      : ''
    const margins = page.margins
    this.pending += [
      '</sheetData>',
      `<autoFilter ref="${options.autoFilter}"/>`,
      validations,
      `<pageMargins left="${margins.left}" right="${margins.right}" top="${margins.top}" bottom="${margins.bottom}" header="${margins.header}" footer="${margins.footer}"/>`,
      `<pageSetup paperSize="${page.paperSize}" orientation="landscape" fitToWidth="${page.fitToWidth}" fitToHeight="0" pageOrder="${page.pageOrder}"/>`,
      headerFooter ? `<headerFooter><oddHeader>${escapeXml(headerFooter.header)}</oddHeader><oddFooter>${escapeXml(headerFooter.footer)}</oddFooter></headerFooter>` : '',
      '</worksheet>'
    ].join('')
    this.flush()
    return this.entry.finish()
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
  constructor(private readonly properties: { creator: string; created: string }) {}

  addSheet(options: XlsxSheetOptions): XlsxSheet {
    const sheet = new XlsxSheet(options, `xl/worksheets/sheet${this.sheets.length + 1}.xml`)
    this.sheets.push(sheet)
    return sheet
  }

  /**
   * The finished .xlsx. `headerFooterOf` gives each sheet's header and footer, now that what
   * they print is known; `filterRanges` (0-based sheet index → range) become the
   * `_xlnm._FilterDatabase` names LibreOffice needs to keep the autofilters.
   */
  async bytes(headerFooterOf: (sheet: XlsxSheetOptions) => XlsxHeaderFooter | null, filterRanges: ReadonlyMap<number, string>): Promise<Uint8Array<ArrayBuffer>> {
    const sheets = this.sheets
    const names = sheets.map((sheet, index) => `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(sheet.printTitles())}</definedName>`).join('')
    const workbookXml = addFilterDatabaseNames(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000"/></bookViews><sheets>${sheets
        .map((sheet, index) => `<sheet name="${escapeXml(sheet.options.name)}" sheetId="${index + 1}"${sheet.options.hidden ? ' state="hidden"' : ''} r:id="rId${index + 1}"/>`)
        .join('')}</sheets><definedNames>${names}</definedNames><calcPr calcId="171027"/></workbook>`,
      filterRanges
    )
    const relationships = (items: string[]) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`
    const workbookRels = relationships([
      ...sheets.map((sheet, index) => `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${sheet.path.slice('xl/'.length)}"/>`),
      `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
    ])
    const rootRels = relationships([
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>',
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    ])
    const main = 'application/vnd.openxmlformats-officedocument.spreadsheetml'
    const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${main}.sheet.main+xml"/>${sheets
      .map((sheet) => `<Override PartName="/${sheet.path}" ContentType="${main}.worksheet+xml"/>`)
      .join('')}<Override PartName="/xl/styles.xml" ContentType="${main}.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`
    const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${escapeXml(this.properties.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(this.properties.created)}</dcterms:created></cp:coreProperties>`
    const app = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>RoPA Manager</Application></Properties>`
    const small = (name: string, text: string) => {
      const entry = new DeflatedEntry(name)
      entry.write(text)
      return entry.finish()
    }
    const entries = await Promise.all([
      small('[Content_Types].xml', contentTypes),
      small('_rels/.rels', rootRels),
      small('docProps/core.xml', core),
      small('docProps/app.xml', app),
      small('xl/workbook.xml', workbookXml),
      small('xl/_rels/workbook.xml.rels', workbookRels),
      small('xl/styles.xml', STYLES_XML),
      ...sheets.map((sheet) => sheet.finish(headerFooterOf(sheet.options)))
    ])
    return zip(entries)
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** A zip archive of deflated entries, sizes and CRCs in the headers. */
function zip(entries: readonly ZipEntry[]): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder()
  const parts: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const { name, compressed, crc, size } of entries) {
    const nameBytes = encoder.encode(name)
    const local = new Uint8Array(30 + nameBytes.length)
    const view = new DataView(local.buffer)
    view.setUint32(0, 0x04034b50, true)
    view.setUint16(4, 20, true)
    view.setUint16(6, 0x0800, true)
    view.setUint16(8, 8, true)
    view.setUint32(14, crc, true)
    view.setUint32(18, compressed.length, true)
    view.setUint32(22, size, true)
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
    centralView.setUint32(24, size, true)
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
  return concat([...parts, ...central, end])
}
