/**
 * The workbook's vocabulary as plain data: sheet names, column specifications, the drop-down
 * lists, and the cell-safety rule. Both writers (in-memory for the browser, streaming for
 * Node) and the importer read the layout from here, so it is defined once.
 */
import {
  DPIA_REQUIRED_LABELS,
  DPIA_STATUS_LABELS,
  LAWFUL_BASIS_LABELS,
  RECIPIENT_TYPE_LABELS,
  RECORD_ROLE_LABELS,
  RECORD_STATUS_LABELS,
  TRANSFER_INSTRUMENT_LABELS,
  TRANSFER_MECHANISM_LABELS
} from '../records/enums'

export const SHEET = {
  cover: 'Cover',
  controller: 'Controller register',
  processor: 'Processor register',
  purposes: 'Purposes',
  dataCategories: 'Data categories',
  recipients: 'Recipients',
  transfers: 'Transfers',
  vendors: 'Vendors',
  evidence: 'Evidence',
  findings: 'Findings',
  auditTrail: 'Audit trail',
  lists: 'Lists',
  data: 'Data'
} as const
export type SheetName = (typeof SHEET)[keyof typeof SHEET]

/** Written on the Cover so that the importer can tell the app's own workbook from any other. */
export const WORKBOOK_FORMAT_MARK = 'ropa-manager workbook, format 1'

/** Drop-down lists on the hidden Lists sheet, one column each, labels (what a person reads). */
export const LISTS = {
  role: { header: 'Role', labels: Object.values(RECORD_ROLE_LABELS) },
  status: { header: 'Status', labels: Object.values(RECORD_STATUS_LABELS) },
  lawfulBasis: { header: 'Article 6 lawful basis', labels: Object.values(LAWFUL_BASIS_LABELS) },
  transferMechanism: { header: 'Transfer mechanism', labels: Object.values(TRANSFER_MECHANISM_LABELS) },
  transferInstrument: { header: 'Transfer instrument', labels: Object.values(TRANSFER_INSTRUMENT_LABELS) },
  recipientType: { header: 'Recipient type', labels: Object.values(RECIPIENT_TYPE_LABELS) },
  dpiaRequired: { header: 'DPIA required', labels: Object.values(DPIA_REQUIRED_LABELS) },
  dpiaStatus: { header: 'DPIA progress', labels: Object.values(DPIA_STATUS_LABELS) }
} as const
export type ListName = keyof typeof LISTS
export const LIST_NAMES = Object.keys(LISTS) as ListName[]

export interface ColumnSpec {
  key: string
  header: string
  width: number
  /** The Art. 30 point that requires this column, e.g. '30(1)(b)'; null when the column is context. */
  requiredByArt30: string | null
  /** A single-valued enumerated column gets a drop-down from this list. */
  list: ListName | null
}

/** Excel's limit is 32,767 characters per cell; stay clear of it. */
export const MAX_CELL_CHARS = 32_000

/** A column letter for a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let letters = ''
  for (let rest = index; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters
  return letters
}

/** The absolute range of a list on the Lists sheet, for a data-validation formula. */
export function listRange(list: ListName): string {
  const column = columnLetter(LIST_NAMES.indexOf(list) + 1)
  return `${SHEET.lists}!$${column}$2:$${column}$${LISTS[list].labels.length + 1}`
}

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r'])

/**
 * OWASP CSV-injection advice: a value a spreadsheet would run as a formula is prefixed with a
 * single quote so that it is shown, and re-saved, as text.
 */
export function neutraliseCell(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]!) ? `'${value}` : value
}

/** Undoes `neutraliseCell` on import: a quote is removed only where it guards a formula trigger. */
export function restoreNeutralisedCell(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA_TRIGGERS.has(value[1]!) ? value.slice(1) : value
}

/** Heading comparison for imports: case, spacing, punctuation and "(if applicable)" notes do not matter. */
export function normaliseHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\((if applicable|if possible)\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}
