/**
 * A workbook that can prove itself. Every sheet's rows carry a row hash (last column), and the
 * "Verification" sheet lists, per sheet, its row count, a hash of each heading row and a hash
 * of each column; then the audit trail's head and length at export; and last the fingerprint
 * of the whole export.
 *
 * The fingerprint of the whole export is the SHA-256 over the row hashes of the Verification
 * sheet's rows (all but its own), in order. Those rows hold, for every sheet in the workbook's
 * order (the visible ones, the hidden Lists and Data sheets), its row count and the SHA-256 of
 * each heading row and of each column, every cell from top to bottom; so the fingerprint covers
 * every cell value of every sheet. It leaves out only what states it: its own cell, and the
 * page header and footer of each visible sheet, which print its first 16 characters.
 * `verifyWorkbook` recomputes exactly this, and checks the footers against it.
 *
 * A changed cell then shows twice: its row's hash and its column's hash no longer match, and
 * where they cross is the cell.
 *
 * Hashes are over the text of each cell as written (numbers as their decimal text, empty
 * cells as ''), each cell as `<length>:<text>`, so that no separator can be forged.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import type { CellValue } from './register-sheets'
import { columnLetter, SHEET } from './columns'
import { XML_FORBIDDEN } from './xlsx-writer'

export interface IncrementalHash {
  update(text: string): void
  digest(): string
}
/** Makes a SHA-256 hasher; the Node writer passes node:crypto's, which is several times faster. */
export type CreateHash = () => IncrementalHash

/** Text is gathered and encoded in pieces of this many characters: encoding every cell apart made most of the export's garbage. */
const PORTABLE_CHUNK = 64 * 1024

/**
 * One encoder and one buffer for every hash: noble's `utf8ToBytes` makes a new encoder and a
 * copy per call, which took half of the hashing worker's time. A UTF-16 unit is at most three
 * UTF-8 bytes.
 */
const encoder = new TextEncoder()
let scratch = new Uint8Array(3 * PORTABLE_CHUNK + 3 * 1024)
function encoded(text: string): Uint8Array {
  if (scratch.length < 3 * text.length) scratch = new Uint8Array(3 * text.length)
  return scratch.subarray(0, encoder.encodeInto(text, scratch).written)
}

export const portableHash: CreateHash = () => {
  const hash = sha256.create()
  let pending = ''
  return {
    update(text) {
      pending += text
      if (pending.length >= PORTABLE_CHUNK) {
        hash.update(encoded(pending))
        pending = ''
      }
    },
    digest() {
      if (pending !== '') hash.update(encoded(pending))
      pending = ''
      return bytesToHex(hash.digest())
    }
  }
}

export const VERIFICATION_SHEET = SHEET.verification
export const VERIFICATION_FORMAT_MARK = 'ropa-manager verification, format 1'
export const ROW_HASH_HEADER = 'Row SHA-256'

/** The labels of the Verification sheet's items, read back by `verifyWorkbook`. */
export const VERIFICATION_ITEMS = {
  format: 'Format',
  rows: 'Rows below the headings',
  headingRow: (row: number) => `Heading row ${row}`,
  column: (index: number, header: string) => `Column ${columnLetter(index + 1)}: ${header}`,
  fingerprint: 'SHA-256 fingerprint of this whole export',
  auditEntries: 'Entries in the audit trail at export',
  auditHead: 'SHA-256 of the newest audit entry (head of the chain)'
} as const

// eslint-disable-next-line no-control-regex -- carriage returns and what XML cannot hold
const NEEDS_CLEANING = /[\r\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/

/**
 * A cell's text for hashing. Line ends are compared as '\n': an .xlsx stores text as XML, and
 * XML readers turn a carriage return into a line feed; control characters XML cannot hold are
 * left out.
 */
export function hashText(value: CellValue | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  // Most cells hold neither: one test instead of two replacements.
  if (!NEEDS_CLEANING.test(value)) return value
  // XML cannot hold control characters: the writer leaves them out (the Data sheet's JSON keeps them escaped).
  return value.replace(/\r\n?/g, '\n').replace(XML_FORBIDDEN, '')
}

const framed = (text: string) => `${text.length}:${text}`

/** A row as its hash reads it: each cell framed, end to end. */
export function rowText(values: ReadonlyArray<CellValue | null>): string {
  let text = ''
  for (const value of values) text += framed(hashText(value))
  return text
}

export function rowHash(values: ReadonlyArray<CellValue | null>, createHash: CreateHash): string {
  return textHash(rowText(values), createHash)
}

/** The SHA-256 of one text, hex. */
export function textHash(text: string, createHash: CreateHash): string {
  const hash = createHash()
  hash.update(text)
  return hash.digest()
}

/** What the Verification sheet lists for one sheet. */
export interface SheetDigest {
  sheet: string
  headers: string[]
  headingHashes: string[]
  rowCount: number
  columnHashes: string[]
}

/** Column text is handed to its hash in pieces of about this many characters: one call per cell made most of the hashing time. */
const COLUMN_CHUNK = 16 * 1024

/**
 * Follows one sheet from its rows' texts (`rowText`): the hash of each heading row, each data
 * row and each column. A row's text is read back cell by cell (each `<length>:<text>`), so
 * that the writer hands over one string per row, which another thread can hash.
 */
export class SheetDigester {
  private readonly columns: IncrementalHash[]
  private readonly pending: string[]
  private readonly headingHashes: string[] = []
  private rowCount = 0
  constructor(
    private readonly sheet: string,
    private readonly headers: string[],
    private readonly createHash: CreateHash
  ) {
    this.columns = headers.map(() => createHash())
    this.pending = headers.map(() => '')
  }

  /** A heading row, its row-hash cell included: its hash goes on the Verification sheet (its own row holds headings, not a hash). */
  heading(text: string): void {
    this.headingHashes.push(this.digestRow(text))
  }

  /** A data row: returns the hash that goes in its last column. */
  row(text: string): string {
    this.rowCount++
    return this.digestRow(text)
  }

  /** The hash of the row's text; each of its cells also goes to its column, a column the row lacks as an empty cell. */
  private digestRow(text: string): string {
    const columns = this.columns.length
    let position = 0
    let index = 0
    for (; index < columns && position < text.length; index++) {
      const colon = text.indexOf(':', position)
      const end = colon + 1 + Number(text.slice(position, colon))
      this.feed(index, text.slice(position, end))
      position = end
    }
    for (; index < columns; index++) this.feed(index, framed(''))
    return textHash(text, this.createHash)
  }

  private feed(column: number, cell: string): void {
    const pending = this.pending[column]! + cell
    if (pending.length >= COLUMN_CHUNK) {
      this.columns[column]!.update(pending)
      this.pending[column] = ''
    } else this.pending[column] = pending
  }

  digest(): SheetDigest {
    const columnHashes = this.columns.map((hash, index) => {
      hash.update(this.pending[index]!)
      return hash.digest()
    })
    return { sheet: this.sheet, headers: this.headers, headingHashes: this.headingHashes, rowCount: this.rowCount, columnHashes }
  }
}

/**
 * Where the sheets' digests are computed: here (`inlineDigests`), or on another thread (the
 * browser build's second worker, remote-digests.ts). The writer hands over rows in blocks and
 * writes a block once its hashes are back, so that the hashing of one block overlaps the
 * writing of the one before.
 */
export interface SheetDigests {
  /** Starts a sheet's digest; returns its id. */
  open(sheet: string, headers: string[]): number
  /** Its heading rows' texts, row-hash cell included; their hashes come with the sheet's digest. */
  headings(id: number, texts: string[]): void
  /** Data rows' texts; resolves to their row hashes, in order. */
  rows(id: number, texts: string[]): Promise<string[]>
  /** The sheet's digest, once every row has been handed over. */
  close(id: number): Promise<SheetDigest>
  /** The SHA-256 of a whole text (the exported records' fingerprint). */
  text(text: string): Promise<string>
}

export function inlineDigests(createHash: CreateHash): SheetDigests {
  const sheets: SheetDigester[] = []
  const sheet = (id: number) => sheets[id] ?? failNoSheet(id)
  return {
    open: (name, headers) => sheets.push(new SheetDigester(name, headers, createHash)) - 1,
    headings: (id, texts) => texts.forEach((text) => sheet(id).heading(text)),
    rows: (id, texts) => Promise.resolve(texts.map((text) => sheet(id).row(text))),
    close: (id) => Promise.resolve(sheet(id).digest()),
    text: (text) => Promise.resolve(textHash(text, createHash))
  }
}

function failNoSheet(id: number): never {
  throw new Error(`no sheet ${id} was opened for hashing`)
}

export interface VerificationFacts {
  exportedAt: string
  recordsFingerprint: string
  /** The audit trail's length and head hash at export; null when the export carried none. */
  audit: { count: number; headHash: string } | null
}

/** How to check, on the sheet itself: an auditor may have nothing but the file. */
export const VERIFICATION_HOW_TO = [
  'Run `ropa verify <this file>` (or "Verify a workbook" on the app\'s Import & export page): it recomputes every hash below and names any cell that differs.',
  'Each row of every sheet ends with the SHA-256 of its cells; each column of every sheet has its SHA-256 below. A changed cell breaks both, and where they cross is the cell.',
  'The fingerprint of the whole export (last row) is the SHA-256 of the row hashes of this sheet; its first 16 characters are printed in every page footer. Compare it with the one you were given.',
  'The audit trail figures are the app\'s hash chain at export: a later backup or export of the same register must contain this head at this position.'
]

/** The Verification sheet's rows: section, item, value, row hash; the fingerprint last (its row hash cell stays empty). */
export function verificationRows(facts: VerificationFacts, digests: readonly SheetDigest[], createHash: CreateHash): { rows: CellValue[][]; fingerprint: string } {
  const content: CellValue[][] = [
    ['Verification', VERIFICATION_ITEMS.format, VERIFICATION_FORMAT_MARK],
    ...VERIFICATION_HOW_TO.map((text, index): CellValue[] => ['How to check', `Step ${index + 1}`, text]),
    ['Export', 'Exported at', facts.exportedAt],
    ['Export', 'SHA-256 fingerprint of the exported records', facts.recordsFingerprint],
    ['Audit trail', VERIFICATION_ITEMS.auditEntries, facts.audit ? facts.audit.count : 'Not included in this export'],
    ['Audit trail', VERIFICATION_ITEMS.auditHead, facts.audit ? facts.audit.headHash : 'Not included in this export']
  ]
  for (const digest of digests) {
    content.push([digest.sheet, VERIFICATION_ITEMS.rows, digest.rowCount])
    digest.headingHashes.forEach((hash, index) => content.push([digest.sheet, VERIFICATION_ITEMS.headingRow(index + 1), hash]))
    digest.columnHashes.forEach((hash, index) => content.push([digest.sheet, VERIFICATION_ITEMS.column(index, digest.headers[index] ?? ''), hash]))
  }
  const rows = content.map((values) => [...values, rowHash(values, createHash)])
  const fingerprint = exportFingerprint(rows.map((row) => String(row[3])), createHash)
  rows.push(['Export', VERIFICATION_ITEMS.fingerprint, fingerprint])
  return { rows, fingerprint }
}

export function exportFingerprint(rowHashes: readonly string[], createHash: CreateHash): string {
  const hash = createHash()
  for (const value of rowHashes) hash.update(framed(value))
  return hash.digest()
}

/** The short form printed in footers. */
export const shortFingerprint = (fingerprint: string) => fingerprint.slice(0, 16)
