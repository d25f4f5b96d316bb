/**
 * Rewrites small XML parts of a finished .xlsx where exceljs cannot say what the workbook
 * needs: the quote-prefix style (`<xf quotePrefix="1">`) and the `_xlnm._FilterDatabase`
 * names LibreOffice needs to keep an autofilter. Every other zip entry is copied byte for byte
 * (no re-compression); the rewritten parts are stored uncompressed, which every zip reader
 * accepts and which costs a few kilobytes.
 */

const LOCAL_HEADER = 0x04034b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_DIRECTORY = 0x06054b50

interface Entry {
  name: string
  nameBytes: Uint8Array
  method: number
  compressed: number
  localOffset: number
  /** The central-directory record as written, to copy with a new offset. */
  central: Uint8Array
}

function readEntries(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === END_OF_DIRECTORY) {
      end = offset
      break
    }
  }
  if (end < 0) throw new Error('the workbook just written is not a zip archive (no central directory)')
  const count = view.getUint16(end + 10, true)
  let offset = view.getUint32(end + 16, true)
  const entries: Entry[] = []
  for (let index = 0; index < count; index++) {
    if (view.getUint32(offset, true) !== CENTRAL_HEADER) throw new Error(`the workbook just written has a damaged zip directory (entry ${index + 1})`)
    const nameLength = view.getUint16(offset + 28, true)
    const length = 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
    const nameBytes = bytes.slice(offset + 46, offset + 46 + nameLength)
    entries.push({
      name: new TextDecoder().decode(nameBytes).replace(/^\//, ''),
      nameBytes,
      method: view.getUint16(offset + 10, true),
      compressed: view.getUint32(offset + 20, true),
      localOffset: view.getUint32(offset + 42, true),
      central: bytes.slice(offset, offset + length)
    })
    offset += length
  }
  return entries
}

async function entryText(bytes: Uint8Array, entry: Entry): Promise<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const start = entry.localOffset + 30 + view.getUint16(entry.localOffset + 26, true) + view.getUint16(entry.localOffset + 28, true)
  const data = bytes.slice(start, start + entry.compressed)
  if (entry.method === 0) return new TextDecoder().decode(data)
  const input = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(data)
      controller.close()
    }
  })
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let text = ''
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true })
  return text + decoder.decode()
}

let crcTable: Uint32Array | undefined
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** Zip entry name (without a leading '/') → new text of that part. */
export type XlsxPatches = Record<string, (xml: string) => string>

/**
 * The same archive with the named parts rewritten. Entries keep their order; each replaced one
 * is written as a stored entry with its CRC, so no data descriptor is needed.
 */
export async function patchXlsx(bytes: Uint8Array, patches: XlsxPatches): Promise<Uint8Array> {
  const entries = readEntries(bytes)
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset)
  const directoryStart = (() => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let offset = bytes.length - 22; offset >= 0; offset--) if (view.getUint32(offset, true) === END_OF_DIRECTORY) return view.getUint32(offset + 16, true)
    return bytes.length
  })()
  const pieces: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let written = 0
  for (const [index, entry] of byOffset.entries()) {
    const blockEnd = byOffset[index + 1]?.localOffset ?? directoryStart
    const patch = patches[entry.name]
    const central = entry.central.slice()
    const centralView = new DataView(central.buffer)
    centralView.setUint32(42, written, true)
    if (!patch) {
      const block = bytes.subarray(entry.localOffset, blockEnd)
      pieces.push(block)
      centrals.push(central)
      written += block.length
      continue
    }
    const data = new TextEncoder().encode(patch(await entryText(bytes, entry)))
    const crc = crc32(data)
    const local = new Uint8Array(30 + entry.nameBytes.length)
    const localView = new DataView(local.buffer)
    localView.setUint32(0, LOCAL_HEADER, true)
    localView.setUint16(4, 20, true)
    localView.setUint16(6, 0x0800, true) // UTF-8 names, no data descriptor
    localView.setUint16(8, 0, true)
    localView.setUint32(14, crc, true)
    localView.setUint32(18, data.length, true)
    localView.setUint32(22, data.length, true)
    localView.setUint16(26, entry.nameBytes.length, true)
    local.set(entry.nameBytes, 30)
    centralView.setUint16(8, 0x0800, true)
    centralView.setUint16(10, 0, true)
    centralView.setUint32(16, crc, true)
    centralView.setUint32(20, data.length, true)
    centralView.setUint32(24, data.length, true)
    pieces.push(local, data)
    centrals.push(central)
    written += local.length + data.length
  }
  // The central directory in the original order.
  const order = new Map(byOffset.map((entry, index) => [entry, index]))
  const directory = entries.map((entry) => centrals[order.get(entry)!]!)
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0)
  const end = new Uint8Array(22)
  const endView = new DataView(end.buffer)
  endView.setUint32(0, END_OF_DIRECTORY, true)
  endView.setUint16(8, entries.length, true)
  endView.setUint16(10, entries.length, true)
  endView.setUint32(12, directorySize, true)
  endView.setUint32(16, written, true)
  const out = new Uint8Array(written + directorySize + end.length)
  let position = 0
  for (const part of [...pieces, ...directory, end]) {
    out.set(part, position)
    position += part.length
  }
  return out
}

/** The cell format exceljs writes for '@' (Text), which the writer uses only on cells that need the quote prefix. */
export const QUOTE_PREFIX_NUMBER_FORMAT = '@'
const TEXT_FORMAT_ID = 49

/** Marks every cell format with the Text number format as quote-prefixed: Excel and LibreOffice then never read the cell as a formula, even when it is edited. */
export function addQuotePrefix(stylesXml: string): string {
  return stylesXml.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (block) =>
    block.replace(new RegExp(`<xf\\b(?=[^>]*\\bnumFmtId="${TEXT_FORMAT_ID}")(?![^>]*quotePrefix)`, 'g'), '<xf quotePrefix="1"')
  )
}

/** One `_xlnm._FilterDatabase` name per sheet with an autofilter (0-based sheet index → range), as Excel itself writes them. */
export function addFilterDatabaseNames(workbookXml: string, ranges: ReadonlyMap<number, string>): string {
  if (ranges.size === 0) return workbookXml
  const names = [...ranges].map(([index, range]) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(range)}</definedName>`).join('')
  if (/<definedNames\s*\/>/.test(workbookXml)) return workbookXml.replace(/<definedNames\s*\/>/, `<definedNames>${names}</definedNames>`)
  if (workbookXml.includes('<definedNames>')) return workbookXml.replace('<definedNames>', `<definedNames>${names}`)
  return workbookXml.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`)
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
