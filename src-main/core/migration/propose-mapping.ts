/**
 * Finds where a register is in each sheet and proposes, for each column (or fiche label), the
 * record field it fills, with how sure the match is and the dictionary heading it matched.
 * Headings are compared normalised (case, accents, punctuation); near misses are matched with
 * the Levenshtein distance. A heading nothing matches is proposed as a note, so that its
 * cells are kept word for word, and listed as unmapped.
 */
import { distance } from 'fastest-levenshtein'
import { columnLetter } from '../workbook/columns'
import { formatJsonPath } from '../util/problems'
import { CONTACT_LABELS, HEADING_DICTIONARY, normaliseText, type ContactRole, type DictionaryEntry } from './heading-dictionaries'
import {
  mappingSchema,
  type ColumnMapping,
  type LayoutKind,
  type Mapping,
  type ProposeMappingOptions,
  type SheetMapping,
  type SpreadsheetFile,
  type SpreadsheetProblem,
  type SpreadsheetSheet
} from './types'

/** Title rows, contact blocks and blank rows may come before the header row, but not this many. */
const HEADER_SEARCH_ROWS = 30
const MIN_MATCHED_HEADINGS = 3
/** Below this similarity a fuzzy match is not proposed. */
const FUZZY_THRESHOLD = 0.8
/** Short headings ("ID", "Nr.") match exactly or not at all: one letter off is another word. */
const FUZZY_MIN_LENGTH = 6
/** Longer than any heading in the dictionaries by a margin: a cell this long is data, not a heading. */
const FUZZY_MAX_LENGTH = 160
/** Headings repeat across sheets and files; a data cell scanned for headings is compared once. */
const FUZZY_CACHE = new Map<string, HeadingMatch | null>()
const ART30_MARK = /^Required: Art\. 30/

export interface HeadingMatch {
  entry: DictionaryEntry
  confidence: number
}

const EXACT = new Map<string, DictionaryEntry>()
for (const entry of HEADING_DICTIONARY) if (!EXACT.has(normaliseText(entry.heading))) EXACT.set(normaliseText(entry.heading), entry)
const NORMALISED_ENTRIES = [...EXACT.entries()]

/** The dictionary entry a heading matches best, or null. "Sous-finalité 2" matches "Sous-finalité". */
export function matchHeading(heading: string): HeadingMatch | null {
  const wanted = normaliseText(heading)
  if (wanted === '') return null
  const exact = EXACT.get(wanted) ?? EXACT.get(wanted.replace(/\s*\d+$/, ''))
  if (exact) return { entry: exact, confidence: 1 }
  if (wanted.length < FUZZY_MIN_LENGTH) return null
  if (wanted.length > FUZZY_MAX_LENGTH) return null
  const cached = FUZZY_CACHE.get(wanted)
  if (cached !== undefined) return cached
  let best: HeadingMatch | null = null
  for (const [normalised, entry] of NORMALISED_ENTRIES) {
    if (normalised.length < FUZZY_MIN_LENGTH) continue
    // Lengths this far apart cannot reach the threshold: skip the distance.
    if (Math.abs(wanted.length - normalised.length) > (1 - FUZZY_THRESHOLD) * Math.max(wanted.length, normalised.length)) continue
    const similarity = 1 - distance(wanted, normalised) / Math.max(wanted.length, normalised.length)
    if (similarity >= FUZZY_THRESHOLD && (!best || similarity > best.confidence)) best = { entry, confidence: Math.round(similarity * 100) / 100 }
  }
  if (FUZZY_CACHE.size > 10_000) FUZZY_CACHE.clear()
  FUZZY_CACHE.set(wanted, best)
  return best
}

const CONTACT_EXACT = new Map(CONTACT_LABELS.map(([label, role]) => [normaliseText(label), role]))
/** The contact a label introduces ("Data Protection Officer:", "Responsable du traitement"), or null. */
export function contactRoleOf(label: string): ContactRole | null {
  return CONTACT_EXACT.get(normaliseText(label)) ?? null
}

// ---------------------------------------------------------------- table layout

export interface TableHeader {
  /** The last heading row, 1-based. */
  headerRow: number
  headerRows: number
  /** Heading per 1-based column ('' where the column has none). */
  headings: Map<number, string>
  /** Under a two-level heading, the child alone ("Country" under "Transfers"), which the dictionaries know better. */
  children: Map<number, string>
  matched: number
}

const cellAt = (sheet: SpreadsheetSheet, row: number, column: number): string => sheet.rows[row - 1]?.[column - 1]?.trim() ?? ''

/** The header row with the most recognised headings; two-level merged headings are combined as "Parent / Child". */
export function findTableHeader(sheet: SpreadsheetSheet): TableHeader | null {
  let best: TableHeader | null = null
  const width = Math.max(0, ...sheet.rows.map((row) => row.length))
  for (let row = 1; row <= Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); row++) {
    const headings = new Map<number, string>()
    const children = new Map<number, string>()
    let matched = 0
    let usedParent = false
    for (let column = 1; column <= width; column++) {
      const child = cellAt(sheet, row, column)
      // A heading merged down over two rows sits in the row above; one merged across is a parent.
      const vertical = sheet.merges.find((merge) => merge.top < row && merge.bottom >= row && merge.left <= column && merge.right >= column && merge.left === column)
      const parentMerge = sheet.merges.find((merge) => merge.top === row - 1 && merge.bottom === row - 1 && merge.left <= column && merge.right >= column && merge.right > merge.left)
      const parent = parentMerge ? cellAt(sheet, parentMerge.top, parentMerge.left) : ''
      let heading = child
      if (child === '' && vertical) heading = cellAt(sheet, vertical.top, vertical.left)
      else if (child !== '' && parent !== '') heading = `${parent} / ${child}`
      if (heading === '') continue
      headings.set(column, heading)
      if (parent !== '' && child !== '') children.set(column, child)
      const match = bestMatch(heading, children.get(column) ?? '')
      if (match && match.confidence >= FUZZY_THRESHOLD) {
        matched++
        if (parent !== '' || vertical) usedParent = true
      }
    }
    if (matched >= MIN_MATCHED_HEADINGS && (!best || matched > best.matched)) {
      let headerRow = row
      // The app's own register sheets have a row of "Required: Art. 30(1)(b)" marks under the headings.
      const next = sheet.rows[row] ?? []
      if (next.some((text) => text !== '') && next.every((text) => text === '' || ART30_MARK.test(text))) headerRow++
      best = { headerRow, headerRows: headerRow - row + (usedParent ? 2 : 1), headings, children, matched }
    }
  }
  return best
}

/** The better of the whole heading and, under a parent heading, the child alone. */
export function bestMatch(heading: string, child: string): HeadingMatch | null {
  const whole = matchHeading(heading)
  if (whole?.confidence === 1 || child === '') return whole
  const alone = matchHeading(child)
  return alone && (!whole || alone.confidence > whole.confidence) ? alone : whole
}

// ---------------------------------------------------------------- fiches layout

export interface FicheLabel {
  row: number
  label: string
  labelColumn: number
}

/** Label/value rows: the first non-empty cell of each row is the label when a value follows it. */
export function ficheLabels(sheet: SpreadsheetSheet): FicheLabel[] {
  const labels: FicheLabel[] = []
  for (const [index, row] of sheet.rows.entries()) {
    const first = row.findIndex((text) => text.trim() !== '')
    if (first < 0) continue
    labels.push({ row: index + 1, label: row[first]!.trim(), labelColumn: first + 1 })
  }
  return labels
}

/** A fiche is a page of label / value rows: its first rows tell, and a 10,000-row table is not scanned label by label. */
const FICHE_SEARCH_ROWS = 60

function ficheScore(sheet: SpreadsheetSheet): number {
  return ficheLabels({ ...sheet, rows: sheet.rows.slice(0, FICHE_SEARCH_ROWS) }).filter(({ label }) => contactRoleOf(label) === null && (matchHeading(label)?.confidence ?? 0) >= FUZZY_THRESHOLD).length
}

/** Whether a sheet is a table (one row per activity) or a fiche (one activity, label/value rows). */
export function detectLayout(sheet: SpreadsheetSheet): LayoutKind {
  const table = findTableHeader(sheet)
  const fiche = ficheScore(sheet)
  return fiche >= MIN_MATCHED_HEADINGS && fiche > (table?.matched ?? 0) ? 'fiches' : 'table'
}

// ---------------------------------------------------------------- the proposal

function proposed(source: string, heading: string, saved: SheetMapping | undefined, sheetName: string, savedMapping: Mapping | undefined, child = ''): ColumnMapping {
  // A saved choice for the same heading wins: first in the same sheet, then in any sheet.
  const wanted = normaliseText(heading)
  const savedColumn =
    saved?.columns.find((column) => normaliseText(column.heading) === wanted) ??
    savedMapping?.sheets.filter((sheet) => sheet.sheet !== sheetName).flatMap((sheet) => sheet.columns).find((column) => normaliseText(column.heading) === wanted)
  if (savedColumn) return { ...savedColumn, source, heading, dictionary: 'saved' }
  // A heading qualified by its sheet ("Transfers: Recipient") wins over the plain one.
  const qualified = EXACT.get(normaliseText(`${sheetName}: ${heading}`))
  const match = qualified ? { entry: qualified, confidence: 1 } : bestMatch(heading, child)
  if (!match) return { source, heading, target: { kind: 'note' }, confidence: 0, dictionary: 'none', matched: '' }
  const { entry, confidence } = match
  return {
    source,
    heading,
    target: entry.target === 'note' ? { kind: 'note' } : typeof entry.target === 'object' ? { kind: 'ignore', reason: entry.target.ignore } : { kind: 'field', field: entry.target },
    confidence,
    dictionary: entry.dictionary,
    matched: entry.heading
  }
}

/** The processor register of the app and of the ICO's processor template. */
function sheetRole(sheet: SpreadsheetSheet, columns: ColumnMapping[]): 'controller' | 'processor' {
  if (/processor|sous-traitan|auftragsverarbeit/i.test(sheet.name)) return 'processor'
  return columns.some((column) => column.target.kind === 'field' && column.target.field.startsWith('controllersActedFor')) ? 'processor' : 'controller'
}

export function proposeMapping(file: SpreadsheetFile, options: ProposeMappingOptions = {}): Mapping {
  const sheets: SheetMapping[] = []
  for (const sheet of file.sheets) {
    if (sheet.hidden) continue
    const saved = options.savedMapping?.sheets.find((candidate) => candidate.sheet === sheet.name)
    const layout = saved?.layout ?? detectLayout(sheet)
    if (layout === 'fiches') {
      const labels = ficheLabels(sheet).filter(({ label }) => contactRoleOf(label) === null)
      if (ficheScore(sheet) < MIN_MATCHED_HEADINGS && !saved) continue
      const columns = labels.map(({ row, label, labelColumn }) => proposed(`${columnLetter(labelColumn)}${row}`, label, saved, sheet.name, options.savedMapping))
      sheets.push({ sheet: sheet.name, layout, headerRow: 0, headerRows: 0, labelColumn: 'A', valueColumn: 'B', role: saved?.role ?? sheetRole(sheet, columns), columns })
      continue
    }
    const header = findTableHeader(sheet)
    if (!header) continue
    const columns = [...header.headings.entries()].map(([column, heading]) => proposed(columnLetter(column), heading, saved, sheet.name, options.savedMapping, header.children.get(column)))
    sheets.push({
      sheet: sheet.name,
      layout,
      headerRow: saved?.headerRow ?? header.headerRow,
      headerRows: saved?.headerRows ?? header.headerRows,
      labelColumn: 'A',
      valueColumn: 'B',
      role: saved?.role ?? sheetRole(sheet, columns),
      columns
    })
  }
  return { format: 'ropa-import-mapping', version: 1, sheets }
}

/** A saved mapping (e.g. `--mapping m.json`) checked whole; problems name the JSON path. */
export function parseMapping(json: unknown): { ok: true; mapping: Mapping } | { ok: false; problems: SpreadsheetProblem[] } {
  const result = mappingSchema.safeParse(json)
  if (result.success) return { ok: true, mapping: result.data }
  return { ok: false, problems: result.error.issues.map((issue) => ({ path: formatJsonPath(issue.path), message: issue.message })) }
}
