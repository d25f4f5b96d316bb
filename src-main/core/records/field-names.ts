/**
 * Human names for field paths in a record or a template, and for the values stored in them:
 * used by findings, approval refusals, open items, evidence, the history, the audit trail and
 * pack change summaries, so that a field reads the same everywhere and no stored key or path
 * (`dataCategories.0.retention.mode`, `sccs`) reaches the screen.
 */
import {
  ART9_CONDITION_LABELS,
  DPIA_REQUIRED_LABELS,
  DPIA_STATUS_LABELS,
  LAWFUL_BASIS_LABELS,
  RECIPIENT_TYPE_LABELS,
  RECORD_PERSPECTIVE_LABELS,
  RECORD_ROLE_LABELS,
  RECORD_STATUS_LABELS,
  RETENTION_END_ACTION_LABELS,
  RETENTION_MODE_LABELS,
  RETENTION_UNIT_LABELS,
  SAFEGUARD_LABELS,
  ART49_DEROGATION_LABELS,
  SCC_MODULE_LABELS,
  TRANSFER_INSTRUMENT_LABELS,
  TRANSFER_MECHANISM_LABELS,
  SECURITY_MEASURE_LABELS,
  SPECIAL_CATEGORY_LABELS
} from './enums'
import { termLabel } from '../vocabulary/vocabulary'

export const OPEN_ITEM_RESOLUTION_LABELS = { open: 'Not yet decided', resolved: 'Resolved', accepted: 'Accepted with a note' }
/** A vendor suggestion's kind, and a template gap's. */
export const KIND_LABELS = { purpose: 'Purpose', 'lawful-basis': 'Lawful basis', silent: 'Silent', vague: 'Vague' }

/** List fields, by the name of one item. */
export const ITEM_NAMES: Record<string, string> = {
  purposes: 'Purpose',
  dataSubjects: 'Data subject',
  dataCategories: 'Data category',
  specialCategories: 'Special category',
  recipients: 'Recipient',
  subProcessors: 'Sub-processor',
  transfers: 'Transfer',
  controllersActedFor: 'Controller',
  openItems: 'Open item',
  suggestions: 'Vendor suggestion',
  jointControllers: 'Joint controller'
}

export const FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  businessFunction: 'Business function',
  owner: 'Owner',
  role: 'Role',
  roleQuotes: 'Role',
  jointControllerDetails: 'Joint controller',
  purposes: 'Purposes',
  lawfulBasis: 'Lawful basis',
  legitimateInterest: 'Legitimate interest',
  liaReference: 'LIA reference',
  consentRecordReference: 'Consent record',
  uses: 'Kind of use',
  dataSubjects: 'Data subjects',
  dataCategories: 'Data categories',
  term: 'Category',
  wording: 'Wording',
  retention: 'Retention',
  mode: 'Kind',
  period: 'Period',
  unit: 'Unit',
  fromEvent: 'Runs from',
  endAction: 'At the end',
  criterion: 'Criterion',
  specialCategories: 'Special categories',
  category: 'Category',
  condition: 'Art. 9(2) condition',
  notes: 'Notes',
  criminalOffenceData: 'Criminal-offence data',
  processed: 'Processed',
  basis: 'Art. 10 basis',
  recipients: 'Recipients',
  subProcessors: 'Sub-processors',
  contractReference: 'Contract / DPA',
  vendorId: 'Vendor',
  type: 'Type',
  transfers: 'Transfers',
  recipient: 'Recipient',
  country: 'Country',
  safeguard: 'Safeguard',
  countryCode: 'Country code',
  mechanism: 'Mechanism',
  instrument: 'Instrument',
  sccModule: 'SCC module',
  derogation: 'Art. 49 derogation',
  tiaReference: 'Transfer impact assessment',
  documentation: 'Documentation',
  securityMeasures: 'Security measures',
  securityDescription: 'Security measures',
  source: 'Source of the data',
  dataSource: 'Source of the data',
  systems: 'Systems and locations',
  automatedDecisionMaking: 'Automated decision-making',
  exists: 'Takes place',
  dpia: 'DPIA',
  required: 'Required?',
  link: 'Link',
  controllersActedFor: 'Controllers acted for',
  contact: 'Contact details',
  representative: 'Representative',
  dpo: 'DPO',
  processingCategories: 'Categories of processing',
  status: 'Status',
  lastReviewed: 'Last reviewed',
  nextReview: 'Next review',
  approvedBy: 'Approved by',
  approvedAt: 'Approved at',
  origin: 'Template',
  evidence: 'Evidence',
  openItems: 'Open items',
  suggestions: 'Vendor suggestions',
  from: 'Suggested by',
  purposeId: 'For purpose',
  kind: 'Kind',
  perspective: 'Made as',
  resolved: 'Resolved',
  resolution: 'Decision',
  resolutionNote: 'Why accepted',
  ageLimit: 'Age limit',
  sensitiveDataStance: 'Special-category data',
  controller: 'Controller',
  jointControllers: 'Joint controllers',
  email: 'E-mail',
  phone: 'Phone',
  address: 'Address',
  separateApprover: 'Separate approver required',
  version: 'Version'
}

const humanise = (part: string, fieldNames: Readonly<Record<string, string>> = FIELD_NAMES) =>
  fieldNames[part] ?? FIELD_NAMES[part] ?? part.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase())

/** The words a path is described with: English by default; core/i18n passes another language's. */
export interface FieldPathWords {
  items: Readonly<Record<string, string>>
  fields: Readonly<Record<string, string>>
}

/**
 * Finds the position of a list item addressed by its id (the history's `transfers[<id>]`), so
 * that it can be numbered like the editor numbers it; `undefined` when it is no longer there.
 */
export type ItemPosition = (list: string, id: string) => number | undefined

/** Numbers list items as they stand in `value` (a record as stored now); items since removed stay unnumbered. */
export function itemPositionIn(value: object | undefined): ItemPosition {
  return (list, id) => {
    const items = (value as Record<string, unknown> | undefined)?.[list]
    if (!Array.isArray(items)) return undefined
    const index = items.findIndex((item: unknown) => (item as { id?: unknown } | null)?.id === id)
    return index === -1 ? undefined : index
  }
}

/**
 * `purposes.0.lawfulBasis` or `purposes[0].lawfulBasis` → "Purpose 1 › Lawful basis";
 * `dataCategories.0.retention.mode` → "Data category 1 › Retention › Kind";
 * `transfers[<id>].safeguard` (the history's item ids) → "Transfer 2 › Safeguard" when
 * `position` knows the item, otherwise "Transfer › Safeguard".
 */
export function describeFieldPath(path: string, position?: ItemPosition, words: FieldPathWords = { items: ITEM_NAMES, fields: FIELD_NAMES }): string {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\[([^\]]+)\]/g, '.#$1')
    .split('.')
    .filter(Boolean)
  const described: string[] = []
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? ''
    const next = parts[index + 1]
    const itemName = words.items[part]
    if (itemName && next !== undefined && /^(\d+|#.*)$/.test(next)) {
      const number = next.startsWith('#') ? position?.(part, next.slice(1)) : Number(next)
      described.push(number === undefined ? itemName : `${itemName} ${number + 1}`)
      index++
    } else {
      described.push(humanise(part, words.fields))
    }
  }
  return described.join(' › ')
}

/**
 * Which labels a stored value is shown with, by the field that holds it: the group of the core's
 * `labels` catalogue (core/i18n) and, for English, its map here.
 */
const VALUE_LABELS: Record<string, readonly [group: string, labels: Readonly<Record<string, string>>]> = {
  lawfulBasis: ['lawfulBasis', LAWFUL_BASIS_LABELS],
  role: ['role', RECORD_ROLE_LABELS],
  status: ['status', RECORD_STATUS_LABELS],
  mode: ['retentionMode', RETENTION_MODE_LABELS],
  unit: ['retentionUnit', RETENTION_UNIT_LABELS],
  endAction: ['endAction', RETENTION_END_ACTION_LABELS],
  safeguard: ['safeguard', SAFEGUARD_LABELS],
  mechanism: ['mechanism', TRANSFER_MECHANISM_LABELS],
  instrument: ['instrument', TRANSFER_INSTRUMENT_LABELS],
  sccModule: ['sccModule', SCC_MODULE_LABELS],
  derogation: ['derogation', ART49_DEROGATION_LABELS],
  type: ['recipientType', RECIPIENT_TYPE_LABELS],
  condition: ['art9', ART9_CONDITION_LABELS],
  category: ['specialCategory', SPECIAL_CATEGORY_LABELS],
  securityMeasures: ['security', SECURITY_MEASURE_LABELS],
  required: ['dpiaRequired', DPIA_REQUIRED_LABELS],
  resolution: ['resolution', OPEN_ITEM_RESOLUTION_LABELS],
  perspective: ['perspective', RECORD_PERSPECTIVE_LABELS],
  kind: ['kind', KIND_LABELS]
}
const DPIA_STATUS: readonly [string, Readonly<Record<string, string>>] = ['dpiaStatus', DPIA_STATUS_LABELS]
/** Fields whose values are vocabulary terms (fideslang keys or custom terms). */
const TERM_FIELDS = new Set(['term', 'uses', 'dataSubjects'])
/** Parts of an item that identify it to the app only. */
const HIDDEN_KEYS = new Set(['id'])

/** The words a value is described with: English by default; core/i18n passes another language's. */
export interface FieldValueWords extends FieldPathWords {
  /** An enum value's label in the catalogue group, undefined when the language lacks it (English is used). */
  label: (group: string, key: string) => string | undefined
  term: (term: string) => string
  yes: string
  no: string
  empty: string
  none: string
}

export const ENGLISH_VALUE_WORDS: FieldValueWords = {
  items: ITEM_NAMES,
  fields: FIELD_NAMES,
  label: () => undefined,
  term: termLabel,
  yes: 'Yes',
  no: 'No',
  empty: '(empty)',
  none: '(none)'
}

function labelsFor(path: string, words: FieldValueWords): ((value: string) => string) | undefined {
  const parts = path.replace(/\[[^\]]*\]/g, '').split('.').filter(Boolean)
  const last = parts.at(-1) ?? ''
  if (TERM_FIELDS.has(last)) return words.term
  const labels = last === 'status' && parts.at(-2) === 'dpia' ? DPIA_STATUS : VALUE_LABELS[last]
  if (!labels) return undefined
  const [group, english] = labels
  return (value) => words.label(group, value) ?? english[value] ?? value
}

/**
 * A stored value as a person reads it: enum keys as their labels, vocabulary terms by name,
 * yes/no for flags, lists joined, and a whole item (added or removed) as its labelled fields.
 * `—` for nothing, `(empty)` for an empty text. In English unless `words` are another language's
 * (`describeFieldValueIn` in core/i18n/catalogues.ts).
 */
export function describeFieldValue(path: string, value: unknown, words: FieldValueWords = ENGLISH_VALUE_WORDS): string {
  if (value === undefined || value === null) return '—'
  if (value === '') return words.empty
  if (typeof value === 'boolean') return value ? words.yes : words.no
  if (typeof value === 'string') return labelsFor(path, words)?.(value) ?? value
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) {
    if (value.length === 0) return words.none
    return value.map((item) => describeFieldValue(path, item, words)).join(', ')
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([key, inner]) => !HIDDEN_KEYS.has(key) && inner !== '' && inner !== undefined && inner !== null && !(Array.isArray(inner) && inner.length === 0))
      .map(([key, inner]) => `${humanise(key, words.fields)}: ${describeFieldValue(`${path}.${key}`, inner, words)}`)
    return parts.length === 0 ? words.empty : parts.join('; ')
  }
  // Stored values are JSON: nothing else (functions, symbols) reaches here.
  return typeof value === 'bigint' ? value.toString() : '—'
}
