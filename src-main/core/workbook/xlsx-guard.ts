/**
 * Checks an .xlsx file before it is handed to exceljs, in two steps:
 * 1. the container (`checkXlsxContainer`): the file size, and the uncompressed sizes the zip's
 *    central directory declares, so that a zip bomb is refused before a byte is inflated;
 * 2. the content (`checkXlsxContent`): every worksheet and the shared strings are inflated as
 *    a stream (the web-standard DecompressionStream, present in browsers, workers and Node) and
 *    scanned for the sizes exceljs would build objects for. exceljs creates one object per
 *    column up to the largest `<col max>`, one per cell of every merged range (and compares
 *    every merge with every other), and readers walk every row up to the last row number: a
 *    6 KB file declaring `<col min="1" max="99999999999"/>` hangs and then crashes the tab.
 *    Anything beyond Excel's own limits, or beyond a cell budget relative to the file's size, is
 *    refused with a message naming the file, the sheet and the value.
 * An entry that inflates to more than its declared size is refused too, so a file cannot pass
 * step 1 by under-declaring sizes.
 */
import { fileProblemAt, fileProblemRef, sizeParam } from '../i18n/file-problem'
import { numberParam, type MessageParam, type MessageRef } from '../i18n/message'
import { inEnglish, problemAt } from '../i18n/problem'
import type { Problem } from '../util/problems'

export interface XlsxLimits {
  maxFileBytes: number
  maxUncompressedBytes: number
  /** Largest accepted inflation of one entry (uncompressed / compressed), for entries over 1 MB. */
  maxRatio: number
  maxEntries: number
  /** Excel's own sheet size: 16,384 columns (XFD) and 1,048,576 rows. */
  maxColumns: number
  maxRows: number
  /** Merged ranges per sheet: exceljs compares each with every other one. */
  maxMergedRanges: number
  /**
   * Cells exceljs may build (cells, merged cells, column objects, rows up to the last row
   * number), over all sheets: this many plus `cellBudgetPerByte` per byte of the file.
   */
  cellBudgetBase: number
  cellBudgetPerByte: number
}

/** A 10,000-activity export is ~15 MB zipped and ~150 MB of XML; these leave headroom. */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 60 * 1024 * 1024,
  maxUncompressedBytes: 400 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 10_000,
  maxColumns: 16_384,
  maxRows: 1_048_576,
  maxMergedRanges: 5_000,
  cellBudgetBase: 500_000,
  cellBudgetPerByte: 20
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_HEADER_SIGNATURE = 0x02014b50
const LOCAL_HEADER_SIGNATURE = 0x04034b50
const ZIP64_MARK = 0xffffffff

interface ZipEntry {
  name: string
  method: number
  compressed: number
  uncompressed: number
  localHeaderOffset: number
}

type Directory = { ok: true; entries: ZipEntry[] } | { ok: false; problems: Problem[] }

function readDirectory(bytes: Uint8Array, fileName: string, limits: XlsxLimits): Directory {
  const fail = (key: string, params: Record<string, MessageParam> = {}): Directory => ({ ok: false, problems: [fileProblemAt(fileName, `zip.${key}`, { file: fileName, ...params })] })
  if (bytes.length > limits.maxFileBytes) {
    return { ok: false, problems: [problemAt(fileName, 'xlsx.tooLarge', { file: fileName, size: sizeParam(bytes.length), limit: sizeParam(limits.maxFileBytes) })] }
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return { ok: false, problems: [problemAt(fileName, 'xlsx.notZip', { file: fileName })] }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) {
      eocd = offset
      break
    }
  }
  if (eocd < 0) return fail('noCentralDirectory')
  const count = view.getUint16(eocd + 10, true)
  const directorySize = view.getUint32(eocd + 12, true)
  const directoryOffset = view.getUint32(eocd + 16, true)
  if (directoryOffset === ZIP64_MARK || directorySize === ZIP64_MARK || count === 0xffff) {
    return fail('zip64')
  }
  if (count > limits.maxEntries) return fail('tooManyEntries', { count, limit: limits.maxEntries })
  if (directoryOffset + directorySize > eocd) return fail('directoryOutside')

  const entries: ZipEntry[] = []
  let total = 0
  let offset = directoryOffset
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_HEADER_SIGNATURE) {
      return fail('entryUnreadable', { entry: index + 1, count })
    }
    const compressed = view.getUint32(offset + 20, true)
    const uncompressed = view.getUint32(offset + 24, true)
    const nameLength = view.getUint16(offset + 28, true)
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength))
    if (compressed === ZIP64_MARK || uncompressed === ZIP64_MARK) return fail('entryZip64', { entry: name })
    if (uncompressed > 1024 * 1024 && uncompressed / Math.max(compressed, 1) > limits.maxRatio) {
      return fail('bomb', { entry: name, compressed: sizeParam(compressed), uncompressed: sizeParam(uncompressed), ratio: limits.maxRatio })
    }
    total += uncompressed
    if (total > limits.maxUncompressedBytes) return fail('unpacksTooLarge', { limit: sizeParam(limits.maxUncompressedBytes) })
    entries.push({ name, method: view.getUint16(offset + 10, true), compressed, uncompressed, localHeaderOffset: view.getUint32(offset + 42, true) })
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
  }
  return { ok: true, entries }
}

/** The container check alone: sizes the zip declares, nothing inflated. */
export function checkXlsxContainer(bytes: Uint8Array, fileName = 'the file', limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Problem[] {
  const directory = readDirectory(bytes, fileName, limits)
  return directory.ok ? [] : directory.problems
}

/** Both checks: the container, then what the worksheets declare. Empty when exceljs may read the file. */
export async function checkXlsx(bytes: Uint8Array, fileName = 'the file', limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<Problem[]> {
  const directory = readDirectory(bytes, fileName, limits)
  if (!directory.ok) return directory.problems
  return checkXlsxContent(bytes, directory.entries, fileName, limits)
}

// ---------------------------------------------------------------- the content

/** The entries exceljs reads as worksheets (its own pattern, leading '/' dropped as it does). */
const WORKSHEET_ENTRY = /xl\/worksheets\/sheet(\d+)[.]xml$/
const SHARED_STRINGS_ENTRY = 'xl/sharedStrings.xml'
const INPUT_SLICE = 64 * 1024

/** Ends the content check: the file is refused for the reason its ref says. */
class RefusedFile extends Error {
  constructor(readonly ref: MessageRef) {
    super(inEnglish(ref))
  }
}
const refuse = (fileName: string, entry: ZipEntry, key: string, params: Record<string, MessageParam> = {}) =>
  new RefusedFile(fileProblemRef(`zip.${key}`, { file: fileName, entry: entry.name, ...params }))

const entryName = (entry: ZipEntry) => (entry.name.startsWith('/') ? entry.name.slice(1) : entry.name)

/** Inflates one entry piece by piece, refusing it as soon as it outgrows its declared size. */
async function inflateEntry(bytes: Uint8Array, entry: ZipEntry, fileName: string, onText: (text: string) => void): Promise<void> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const local = entry.localHeaderOffset
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER_SIGNATURE) {
    throw refuse(fileName, entry, 'noLocalHeader')
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
  const data = bytes.subarray(start, start + entry.compressed)
  if (data.length < entry.compressed) throw refuse(fileName, entry, 'entryCutShort')
  const decoder = new TextDecoder('utf-8')
  if (entry.method === 0) {
    onText(decoder.decode(data))
    return
  }
  if (entry.method !== 8) throw refuse(fileName, entry, 'compressionMethod', { method: entry.method })
  const compressedInput = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let offset = 0; offset < data.length; offset += INPUT_SLICE) controller.enqueue(data.slice(offset, offset + INPUT_SLICE))
      controller.close()
    }
  })
  // Typed as taking any BufferSource; it is fed Uint8Array pieces only.
  const inflater = new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>
  const reader = compressedInput.pipeThrough(inflater).getReader()
  let inflated = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      inflated += value.length
      if (inflated > entry.uncompressed) {
        throw refuse(fileName, entry, 'inflatesBeyond', { declared: sizeParam(entry.uncompressed) })
      }
      onText(decoder.decode(value, { stream: true }))
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined)
    if (error instanceof RefusedFile) throw error
    throw refuse(fileName, entry, 'cannotInflate', { detail: error instanceof Error ? error.message : String(error) })
  }
  onText(decoder.decode())
}

/** Calls `onTag` for each complete start tag of interest, across chunk boundaries. */
class TagScanner {
  private carry = ''
  constructor(
    private readonly pattern: RegExp,
    private readonly onTag: (name: string, attributes: string) => void
  ) {}

  feed(text: string): void {
    const all = this.carry + text
    const lastOpen = all.lastIndexOf('<')
    // Keep an unfinished tag for the next piece; a finished one (or plain text) is scanned now.
    const cut = lastOpen >= 0 && all.indexOf('>', lastOpen) < 0 ? lastOpen : all.length
    this.scan(all.slice(0, cut))
    this.carry = all.slice(cut)
  }

  private scan(text: string): void {
    this.pattern.lastIndex = 0
    for (let match = this.pattern.exec(text); match; match = this.pattern.exec(text)) this.onTag(match[1]!, match[2]!)
  }
}

const SHEET_TAGS = /<(?:[A-Za-z_][\w.-]*:)?(col|row|c|dimension|mergeCell)\b([^>]*)>/g
const STRING_TAGS = /<(?:[A-Za-z_][\w.-]*:)?(si)\b([^>]*)>/g

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1]
}

/** A decimal attribute as a number; digits beyond what a double holds exactly still compare as huge. */
function integerAttribute(attributes: string, name: string): number | undefined {
  const text = attribute(attributes, name)?.trim()
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined
}

/** `XFD1048576` → column 16384, row 1048576; `$` anchors allowed. Letters past three are huge. */
function parseCellRef(ref: string): { column: number; row: number } | undefined {
  const match = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref.trim())
  if (!match) return undefined
  const letters = match[1]!.toUpperCase()
  let column = 0
  for (const letter of letters.slice(0, 8)) column = column * 26 + (letter.charCodeAt(0) - 64)
  return { column: letters.length > 8 ? Number.MAX_SAFE_INTEGER : column, row: Number(match[2]) }
}

/** Sheet file → sheet name, from xl/workbook.xml and its relationships; {} when either is unreadable. */
async function sheetNames(bytes: Uint8Array, byName: Map<string, ZipEntry>, fileName: string): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  const workbook = byName.get('xl/workbook.xml')
  const rels = byName.get('xl/_rels/workbook.xml.rels')
  // Both are small in any real workbook; a huge one is not read here (exceljs meets it later, within the container limits).
  if (!workbook || !rels || workbook.uncompressed > 4 * 1024 * 1024 || rels.uncompressed > 4 * 1024 * 1024) return names
  const sheetByRelation = new Map<string, string>()
  const targetByRelation = new Map<string, string>()
  const decodeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
  const workbookScanner = new TagScanner(/<(?:[A-Za-z_][\w.-]*:)?(sheet)\b([^>]*)>/g, (_tag, attributes) => {
    const name = attribute(attributes, 'name')
    const relation = /(?:^|\s)[\w.-]*:id\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1]
    if (name !== undefined && relation !== undefined) sheetByRelation.set(relation, decodeXml(name))
  })
  const relsScanner = new TagScanner(/<(?:[A-Za-z_][\w.-]*:)?(Relationship)\b([^>]*)>/g, (_tag, attributes) => {
    const id = attribute(attributes, 'Id')
    const target = attribute(attributes, 'Target')
    if (id !== undefined && target !== undefined) targetByRelation.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'))
  })
  await inflateEntry(bytes, workbook, fileName, (text) => workbookScanner.feed(text))
  await inflateEntry(bytes, rels, fileName, (text) => relsScanner.feed(text))
  for (const [relation, sheet] of sheetByRelation) {
    const target = targetByRelation.get(relation)
    if (target) names.set(target, sheet)
  }
  return names
}

/** What a sheet holds or declares, refused when beyond a limit or the cell budget (`fileProblems:content.*`). */
const content = (key: string, params?: Record<string, MessageParam>) => fileProblemRef(`content.${key}`, params)

async function checkXlsxContent(bytes: Uint8Array, entries: ZipEntry[], fileName: string, limits: XlsxLimits): Promise<Problem[]> {
  const byName = new Map(entries.map((entry) => [entryName(entry), entry]))
  const budget = limits.cellBudgetBase + limits.cellBudgetPerByte * bytes.length
  let used = 0
  const spend = (cells: number, where: MessageRef, what: MessageRef) => {
    used += cells
    if (used > budget) throw new RefusedFile(content('overBudget', { file: fileName, where, what, budget: numberParam(budget), size: sizeParam(bytes.length) }))
  }
  try {
    const names = await sheetNames(bytes, byName, fileName)
    for (const [name, entry] of byName) {
      if (!WORKSHEET_ENTRY.test(name)) continue
      const sheet = names.get(name)
      const where = sheet === undefined ? content('where.worksheet', { entry: name }) : content('where.sheet', { sheet })
      const beyond = (what: MessageRef, limit: MessageRef) => new RefusedFile(content('beyondLimit', { file: fileName, where, what, limit }))
      const columnLimit = content('limit.columns', { limit: numberParam(limits.maxColumns) })
      const rowLimit = content('limit.rows', { limit: numberParam(limits.maxRows) })
      /** `what`: 'cell', 'dimension', 'mergeFrom' or 'mergeTo', the kind of reference. */
      const checkRef = (ref: string, what: string) => {
        const cell = parseCellRef(ref)
        if (!cell) return
        if (cell.column > limits.maxColumns) throw beyond(content(`${what}.beyondLastColumn`, { ref }), columnLimit)
        if (cell.row > limits.maxRows || cell.row < 1) throw beyond(content(`${what}.beyondLastRow`, { ref }), rowLimit)
        return cell
      }
      let cells = 0
      let lastRow = 0
      let lastColumnObject = 0
      let merges = 0
      const scanner = new TagScanner(SHEET_TAGS, (tag, attributes) => {
        if (tag === 'c') {
          cells++
          const ref = attribute(attributes, 'r')
          if (ref !== undefined) checkRef(ref, 'cell')
        } else if (tag === 'row') {
          const row = integerAttribute(attributes, 'r')
          if (row === undefined) return
          if (row > limits.maxRows || row < 1) throw beyond(content('rowNumbered', { row: numberParam(row) }), rowLimit)
          lastRow = Math.max(lastRow, row)
        } else if (tag === 'col') {
          const min = integerAttribute(attributes, 'min') ?? 0
          const max = integerAttribute(attributes, 'max') ?? 0
          if (max > limits.maxColumns || min > limits.maxColumns) {
            throw beyond(content('declaresColumns', { from: numberParam(min), to: numberParam(max), tag: `<col min="${min}" max="${max}">` }), columnLimit)
          }
          lastColumnObject = Math.max(lastColumnObject, max)
        } else if (tag === 'dimension') {
          const ref = attribute(attributes, 'ref')
          for (const corner of ref?.split(':') ?? []) checkRef(corner, 'dimension')
        } else if (tag === 'mergeCell') {
          const [from, to] = (attribute(attributes, 'ref') ?? '').split(':')
          const start = from === undefined ? undefined : checkRef(from, 'mergeFrom')
          const end = to === undefined ? start : checkRef(to, 'mergeTo')
          if (++merges > limits.maxMergedRanges) throw beyond(content('tooManyMerges', { limit: numberParam(limits.maxMergedRanges) }), content('limit.merges'))
          if (start && end) {
            const area = (Math.abs(end.column - start.column) + 1) * (Math.abs(end.row - start.row) + 1)
            spend(area, where, content('mergesCells', { cells: numberParam(area), range: `${from}:${to}` }))
          }
        }
      })
      await inflateEntry(bytes, entry, fileName, (text) => scanner.feed(text))
      spend(cells, where, content('holdsCells', { cells: numberParam(cells) }))
      // Readers walk every row up to the last one, and exceljs builds every column up to the largest <col max>.
      spend(lastRow, where, content('numbersRows', { row: numberParam(lastRow) }))
      spend(lastColumnObject, where, content('columnFormats', { column: numberParam(lastColumnObject) }))
    }
    const strings = byName.get(SHARED_STRINGS_ENTRY)
    if (strings) {
      let total = 0
      const scanner = new TagScanner(STRING_TAGS, () => total++)
      await inflateEntry(bytes, strings, fileName, (text) => scanner.feed(text))
      spend(total, content('where.sharedStrings'), content('holdsStrings', { strings: numberParam(total) }))
    }
  } catch (error) {
    if (error instanceof RefusedFile) return [{ path: fileName, message: error.message, ref: error.ref }]
    throw error
  }
  return []
}
