/**
 * Checks an .xlsx file before it is handed to exceljs (which unzips it whole with jszip):
 * the file size, and the uncompressed sizes the zip's central directory declares, so that a
 * zip bomb is refused before a byte is inflated. jszip itself refuses an entry whose inflated
 * size differs from the declared one, so a file cannot pass here by under-declaring sizes
 * without failing there too (at the cost of inflating that one entry).
 */
import { formatBytes } from '../templates/safe-json'
import type { Problem } from '../util/problems'

export interface XlsxLimits {
  maxFileBytes: number
  maxUncompressedBytes: number
  /** Largest accepted inflation of one entry (uncompressed / compressed), for entries over 1 MB. */
  maxRatio: number
  maxEntries: number
}

/** A 10,000-activity export is ~15 MB zipped and ~150 MB of XML; these leave headroom. */
export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 60 * 1024 * 1024,
  maxUncompressedBytes: 400 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 10_000
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_HEADER_SIGNATURE = 0x02014b50
const ZIP64_MARK = 0xffffffff

export function checkXlsxContainer(bytes: Uint8Array, fileName = 'the file', limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Problem[] {
  const fail = (message: string): Problem[] => [{ path: fileName, message }]
  if (bytes.length > limits.maxFileBytes) {
    return fail(`${fileName} is ${formatBytes(bytes.length)}, over the limit of ${formatBytes(limits.maxFileBytes)} for a workbook`)
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return fail(`${fileName} is not an .xlsx workbook (an .xlsx file is a zip archive; this one does not start like one)`)
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let offset = bytes.length - 22; offset >= Math.max(0, bytes.length - 22 - 0xffff); offset--) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) {
      eocd = offset
      break
    }
  }
  if (eocd < 0) return fail(`${fileName} is damaged: the zip archive has no central directory (was it cut short?)`)
  const entries = view.getUint16(eocd + 10, true)
  const directorySize = view.getUint32(eocd + 12, true)
  const directoryOffset = view.getUint32(eocd + 16, true)
  if (directoryOffset === ZIP64_MARK || directorySize === ZIP64_MARK || entries === 0xffff) {
    return fail(`${fileName} is a ZIP64 archive, far larger than any register workbook; refused`)
  }
  if (entries > limits.maxEntries) return fail(`${fileName} holds ${entries} zip entries, over the limit of ${limits.maxEntries}`)
  if (directoryOffset + directorySize > eocd) return fail(`${fileName} is damaged: its zip central directory points outside the file`)

  let total = 0
  let offset = directoryOffset
  for (let index = 0; index < entries; index++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_HEADER_SIGNATURE) {
      return fail(`${fileName} is damaged: zip entry ${index + 1} of ${entries} in the central directory is unreadable`)
    }
    const compressed = view.getUint32(offset + 20, true)
    const uncompressed = view.getUint32(offset + 24, true)
    const nameLength = view.getUint16(offset + 28, true)
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength))
    if (compressed === ZIP64_MARK || uncompressed === ZIP64_MARK) return fail(`${fileName}: zip entry "${name}" uses ZIP64 sizes; refused`)
    if (uncompressed > 1024 * 1024 && uncompressed / Math.max(compressed, 1) > limits.maxRatio) {
      return fail(
        `${fileName} looks like a zip bomb: entry "${name}" inflates ${formatBytes(compressed)} to ${formatBytes(uncompressed)} (more than ${limits.maxRatio} times); refused`
      )
    }
    total += uncompressed
    if (total > limits.maxUncompressedBytes) {
      return fail(`${fileName} would unpack to more than ${formatBytes(limits.maxUncompressedBytes)} (a zip bomb, or far larger than a register); refused`)
    }
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
  }
  return []
}
