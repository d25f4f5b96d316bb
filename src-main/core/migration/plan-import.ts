/**
 * Turns a spreadsheet and a mapping into an import plan: per record row the record built, the
 * evidence of every non-empty cell it was made from, notes for what has no field of its own,
 * and the rows that cannot become a record with the reason. Nothing is stored here; the caller
 * stores the whole plan or nothing.
 */
import { inEnglish, problemRef } from '../i18n/problem'
import type { MessageParam, MessageRef } from '../i18n/message'
import { parseTransferInstrumentText } from '../legal/parse-instrument-text'
import { SECURITY_MEASURE_LABELS, type LawfulBasis } from '../records/enums'
import { recordFormSchema, type Contact, type ImportedCell, type RecordForm, type Transfer } from '../records/model'
import { emptyRecordForm, newItemId } from '../records/new-record'
import { customTerm, VOCABULARY, type VocabularyKind } from '../vocabulary/vocabulary'
import { columnLetter } from '../workbook/columns'
import {
  art9ConditionOf,
  countryCodeOf,
  dpiaRequiredOf,
  dpiaStatusOf,
  headingRecipientType,
  isoDateOf,
  lawfulBasisOf,
  recipientOf,
  recordRoleOf,
  recordStatusOf,
  retentionOf,
  saysNone,
  specialCategoryOf,
  statedRecipientType,
  splitValues,
  yesNoOf
} from './content-rules'
import { normaliseText } from './heading-dictionaries'
import { contactRoleOf } from './propose-mapping'
import {
  TARGET_FIELD_LABELS,
  type ColumnMapping,
  type ImportPlan,
  type Mapping,
  type OrganisationFound,
  type PlanImportOptions,
  type PlannedRecord,
  type PlanProblem,
  type SheetMapping,
  type SpreadsheetFile,
  type SpreadsheetSheet,
  type TargetField,
  type UnmappedColumn
} from './types'

/** A row's reason, in English (the CLI's words) and as its key. */
function because(keyOrRef: string | MessageRef, params?: Record<string, MessageParam>): { reason: string; reasonRef: MessageRef } {
  const reasonRef = typeof keyOrRef === 'string' ? problemRef(keyOrRef, params) : keyOrRef
  return { reason: inEnglish(reasonRef), reasonRef }
}

/** A non-empty cell of a record row with where it came from and what the mapping does with it. */
interface RowCell {
  sheet: string
  address: string
  heading: string
  text: string
  mapping: ColumnMapping
}

const ART30_MARK = /^Required: Art\. 30/

/** A record being built: detail sheets may still add to it before it is validated. */
interface Draft {
  sheet: string
  row: number
  location: string
  record: RecordForm
  warnings: string[]
  cells: RowCell[]
}

type ItemList = 'purposes' | 'dataCategories' | 'recipients' | 'transfers'
const LIST_OF_FIELD: ReadonlyArray<readonly [string, ItemList]> = [
  ['purposes[]', 'purposes'],
  ['dataCategories[]', 'dataCategories'],
  ['recipients[]', 'recipients'],
  ['transfers[]', 'transfers']
]

function referenceOf(row: SourceRow): string {
  return row.cells
    .filter((cell) => cell.mapping.target.kind === 'field' && cell.mapping.target.field === 'previousReference')
    .map((cell) => cell.text)
    .join(' ')
}

/**
 * A detail sheet (the app's Purposes, Data categories, Recipients, Transfers): every row names,
 * by reference, a record made from an earlier sheet, and the sheet fills item lists. Returns the
 * lists it fills, or null for an ordinary register sheet.
 */
function detailSheetLists(rows: SourceRow[], mapping: SheetMapping, drafts: Draft[]): ItemList[] | null {
  if (rows.length === 0 || drafts.length === 0) return null
  const known = new Set(drafts.map((draft) => draft.record.previousReference).filter((reference) => reference !== ''))
  if (!rows.every((row) => known.has(referenceOf(row)))) return null
  const fields = mapping.columns.flatMap((column) => (column.target.kind === 'field' ? [column.target.field] : []))
  const lists = LIST_OF_FIELD.filter(([prefix]) => fields.some((field) => field.startsWith(prefix))).map(([, list]) => list)
  return lists.length > 0 ? lists : null
}

export function cellLocation(sheet: string, address: string): string {
  return `'${sheet}'!${address}`
}

export function planImport(file: SpreadsheetFile, mapping: Mapping, options: PlanImportOptions): ImportPlan {
  const records: PlannedRecord[] = []
  const drafts: Draft[] = []
  const problems: PlanProblem[] = []
  const organisation = new OrganisationCollector(file.fileName)
  const unmapped: UnmappedColumn[] = []
  const ignored: ImportPlan['summary']['cellsIgnored'] = []
  let rowsRead = 0

  for (const sheetMapping of mapping.sheets) {
    const sheet = file.sheets.find((candidate) => candidate.name === sheetMapping.sheet)
    if (!sheet) {
      problems.push({ sheet: sheetMapping.sheet, row: 0, location: `'${sheetMapping.sheet}'`, ...because('import.missingSheet', { sheet: sheetMapping.sheet, file: file.fileName }), cells: [] })
      continue
    }
    for (const column of sheetMapping.columns) {
      if (column.dictionary === 'none' && column.target.kind === 'note') unmapped.push({ sheet: sheet.name, source: column.source, heading: column.heading })
    }
    const rows = sheetMapping.layout === 'fiches' ? ficheRows(sheet, sheetMapping, organisation) : tableRows(sheet, sheetMapping, organisation, unmapped)
    const evidenceOf = (cells: RowCell[]): ImportedCell[] =>
      cells.map((cell) => ({ file: file.fileName, sheet: sheet.name, cell: cell.address, heading: cell.heading, text: cell.text, field: cell.mapping.target.kind === 'field' ? cell.mapping.target.field : 'notes' }))
    const keptCells = (row: SourceRow): RowCell[] =>
      row.cells.filter((cell) => {
        if (cell.mapping.target.kind !== 'ignore') return true
        ignored.push({ location: cellLocation(sheet.name, cell.address), heading: cell.heading, reason: cell.mapping.target.reason })
        return false
      })
    const locationOf = (row: SourceRow) => (row.row === 0 ? `'${sheet.name}'` : cellLocation(sheet.name, `A${row.row}`))
    rowsRead += rows.length

    const detail = detailSheetLists(rows, sheetMapping, drafts)
    if (detail) {
      // One row per purpose, data category, recipient or transfer of a record made from an earlier sheet: they replace that record's list.
      const replaced = new Set<Draft>()
      const byReference = new Map<string, Draft>()
      for (const draft of drafts) if (draft.record.previousReference !== '' && !byReference.has(draft.record.previousReference)) byReference.set(draft.record.previousReference, draft)
      for (const row of rows) {
        const kept = keptCells(row)
        const draft = byReference.get(referenceOf(row))!
        const built = buildRecord(kept, sheet.name, sheetMapping, options.today, { detail: true })
        if ('problem' in built) {
          problems.push({ sheet: sheet.name, row: row.row, location: locationOf(row), ...because(built.problem), cells: evidenceOf(kept) })
          continue
        }
        if (!replaced.has(draft)) for (const list of detail) draft.record[list] = []
        replaced.add(draft)
        for (const list of detail) (draft.record[list] as unknown[]).push(...built.record[list])
        draft.record.importedFrom.push(...evidenceOf(kept))
        if (built.record.notes !== '') draft.record.notes = [draft.record.notes, built.record.notes].filter(Boolean).join('\n')
        draft.warnings.push(...built.warnings)
        draft.cells.push(...kept)
      }
      continue
    }
    for (const row of rows) {
      const kept = keptCells(row)
      const evidence = evidenceOf(kept)
      const built = buildRecord(kept, sheet.name, sheetMapping, options.today)
      if ('problem' in built) {
        problems.push({ sheet: sheet.name, row: row.row, location: locationOf(row), ...because(built.problem), cells: evidence })
        continue
      }
      built.record.importedFrom = evidence
      drafts.push({ sheet: sheet.name, row: row.row, location: locationOf(row), record: built.record, warnings: built.warnings, cells: kept })
    }
  }

  for (const draft of drafts) {
    const parsed = recordFormSchema.safeParse(draft.record)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const top = String(issue.path[0] ?? '')
      const culprit = draft.cells.find((cell) => cell.mapping.target.kind === 'field' && cell.mapping.target.field.split(/[[.]/)[0] === top)
      const reason = culprit ? because('import.invalidCell', { cell: cellLocation(culprit.sheet, culprit.address), heading: culprit.heading, message: issue.message }) : { reason: issue.message }
      problems.push({ sheet: draft.sheet, row: draft.row, location: draft.location, ...reason, cells: draft.record.importedFrom })
      continue
    }
    records.push({ sheet: draft.sheet, row: draft.row, location: draft.location, record: parsed.data, warnings: draft.warnings })
  }

  const allEvidence = records.flatMap((planned) => planned.record.importedFrom)
  return {
    fileName: file.fileName,
    records,
    problems,
    organisation: organisation.result(),
    summary: {
      rowsRead,
      recordsMade: records.length,
      cellsMapped: allEvidence.filter((cell) => cell.field !== 'notes').length,
      cellsKeptAsNotes: allEvidence.filter((cell) => cell.field === 'notes').length,
      cellsIgnored: ignored,
      columnsUnmapped: unmapped
    }
  }
}

// ---------------------------------------------------------------- rows of a sheet

interface SourceRow {
  /** 1-based spreadsheet row; 0 for a fiche (the whole sheet). */
  row: number
  cells: RowCell[]
}

function columnNumber(letters: string): number {
  let number = 0
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64)
  return number
}

function tableRows(sheet: SpreadsheetSheet, mapping: SheetMapping, organisation: OrganisationCollector, unmapped: UnmappedColumn[]): SourceRow[] {
  const byColumn = new Map(mapping.columns.map((column) => [columnNumber(column.source), column]))
  const firstHeadingRow = Math.max(1, mapping.headerRow - Math.max(1, mapping.headerRows) + 1)
  organisation.readBlock(sheet, 1, firstHeadingRow - 1)
  const rows: SourceRow[] = []
  const noHeading = new Map<number, ColumnMapping>()
  for (let row = mapping.headerRow + 1; row <= sheet.rows.length; row++) {
    const texts = sheet.rows[row - 1] ?? []
    if (texts.some((text) => text !== '') && texts.every((text) => text === '' || ART30_MARK.test(text))) continue
    const cells: RowCell[] = []
    for (const [index, raw] of texts.entries()) {
      const text = raw.trim()
      if (text === '') continue
      const column = index + 1
      let columnMapping = byColumn.get(column)
      if (!columnMapping) {
        // A value under no heading is still the DPO's: kept as a note, and the column reported.
        columnMapping = noHeading.get(column)
        if (!columnMapping) {
          columnMapping = { source: columnLetter(column), heading: `Column ${columnLetter(column)} (no heading)`, target: { kind: 'note' }, confidence: 0, dictionary: 'none', matched: '' }
          noHeading.set(column, columnMapping)
          unmapped.push({ sheet: sheet.name, source: columnMapping.source, heading: columnMapping.heading })
        }
      }
      cells.push({ sheet: sheet.name, address: `${columnLetter(column)}${row}`, heading: columnMapping.heading, text, mapping: columnMapping })
    }
    if (cells.length > 0) rows.push({ row, cells })
  }
  return rows
}

/** A fiche: one activity, label/value rows; every value cell to the right of a label counts. */
function ficheRows(sheet: SpreadsheetSheet, mapping: SheetMapping, organisation: OrganisationCollector): SourceRow[] {
  const byLabelCell = new Map(mapping.columns.map((column) => [column.source.toUpperCase(), column]))
  const byHeading = new Map(mapping.columns.map((column) => [normaliseText(column.heading), column]))
  const cells: RowCell[] = []
  for (const [index, texts] of sheet.rows.entries()) {
    const row = index + 1
    const first = texts.findIndex((text) => text.trim() !== '')
    if (first < 0) continue
    const label = texts[first]!.trim()
    const labelCell = `${columnLetter(first + 1)}${row}`
    let columnMapping = byLabelCell.get(labelCell) ?? byHeading.get(normaliseText(label))
    if (contactRoleOf(label) !== null) {
      // A fiche's "Acteurs": the organisation's contacts, and kept on the fiche's record as a note too.
      organisation.readBlock(sheet, row, row)
      columnMapping ??= { source: labelCell, heading: label, target: { kind: 'note' }, confidence: 1, dictionary: 'cnil', matched: label }
    }
    columnMapping ??= { source: labelCell, heading: label, target: { kind: 'note' }, confidence: 0, dictionary: 'none', matched: '' }
    for (let column = first + 1; column < texts.length; column++) {
      const text = texts[column]!.trim()
      if (text !== '') cells.push({ sheet: sheet.name, address: `${columnLetter(column + 1)}${row}`, heading: label, text, mapping: columnMapping })
    }
  }
  return cells.length === 0 ? [] : [{ row: 0, cells }]
}

// ---------------------------------------------------------------- the contact block

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^(?:tel\.?|phone|téléphone|telefon)?\s*:?\s*[+(]?\d[\d\s().\-/]{5,}$/i
const PART_HEADINGS: ReadonlyArray<readonly [keyof Contact, RegExp]> = [
  ['name', /^(name|nom|name und vorname|nom et prenom)$/],
  ['address', /^(address|adresse|anschrift)$/],
  ['email', /^(e ?mail|email address|courriel|adresse e ?mail|adresse electronique)$/],
  ['phone', /^(telephone|phone|tel|telefon|telephone number)$/]
]

class OrganisationCollector {
  private readonly found: OrganisationFound = { controller: blankContact(), dpo: blankContact(), representative: blankContact(), cells: [] }
  private any = false

  constructor(private readonly fileName: string) {}

  /** Rows `from`..`to` of a sheet: "Controller | Acme Ltd | 1 High St | dpo@acme.example | 0161 …", under optional Name/Address/E-mail/Phone headings. */
  readBlock(sheet: SpreadsheetSheet, from: number, to: number): void {
    let parts = new Map<number, keyof Contact>()
    for (let row = from; row <= to; row++) {
      const texts = (sheet.rows[row - 1] ?? []).map((text) => text.trim())
      const filled = texts.flatMap((text, index) => (text === '' ? [] : [index]))
      if (filled.length === 0) continue
      const headings = new Map<number, keyof Contact>()
      for (const index of filled) {
        const part = PART_HEADINGS.find(([, pattern]) => pattern.test(normaliseText(texts[index]!)))?.[0]
        if (part) headings.set(index, part)
      }
      if (headings.size >= 2) {
        parts = headings
        continue
      }
      const labelIndex = filled[0]!
      const role = contactRoleOf(texts[labelIndex]!.replace(/:\s*$/, ''))
      if (!role) continue
      const contact = this.found[role]
      if (contact.name !== '' || contact.email !== '') continue
      const address: string[] = []
      for (const index of filled.slice(1)) {
        const text = texts[index]!
        const part = parts.get(index) ?? (EMAIL.test(text) ? 'email' : PHONE.test(text) ? 'phone' : contact.name === '' ? 'name' : 'address')
        if (part === 'address') address.push(text)
        else contact[part] = part === 'phone' ? text.replace(/^(?:tel\.?|phone|téléphone|telefon)\s*:?\s*/i, '') : text
        this.found.cells.push({ file: this.fileName, sheet: sheet.name, cell: `${columnLetter(index + 1)}${row}`, heading: texts[labelIndex]!, text, field: `organisation.${role}.${part}` })
        this.any = true
      }
      if (address.length > 0) contact.address = address.join(', ')
    }
  }

  result(): OrganisationFound | null {
    return this.any ? this.found : null
  }
}

function blankContact(): Contact {
  return { name: '', address: '', email: '', phone: '' }
}

// ---------------------------------------------------------------- one record

type Built = { record: RecordForm; warnings: string[] } | { problem: MessageRef }

const termByName: Record<VocabularyKind, Map<string, string>> = { dataCategories: new Map(), dataUses: new Map(), dataSubjects: new Map() }
for (const kind of Object.keys(VOCABULARY) as VocabularyKind[]) {
  for (const entry of VOCABULARY[kind]) {
    termByName[kind].set(normaliseText(entry.name), entry.key)
    termByName[kind].set(normaliseText(entry.key), entry.key)
  }
}
/** A vocabulary key when the text is a term's name, else the text itself as a custom term. */
function termFor(kind: VocabularyKind, text: string): string {
  return termByName[kind].get(normaliseText(text)) ?? customTerm(text)
}

function buildRecord(cells: RowCell[], sheet: string, mapping: SheetMapping, today: string, options: { detail?: boolean } = {}): Built {
  const warnings: string[] = []
  const notes: string[] = []
  const where = (cell: RowCell) => `${cellLocation(sheet, cell.address)}`
  const cite = (cell: RowCell) => `${cell.heading} (${sheet}!${cell.address})`
  /** Text the record has no place for: kept word for word in its notes, and the DPO told. */
  const keepAsNote = (cell: RowCell, why: string, text = cell.text) => {
    notes.push(`${cite(cell)}: ${text}`)
    warnings.push(`${where(cell)} ("${cell.heading}"): ${why}; kept in the record's notes`)
  }
  const of = (field: TargetField) => cells.filter((cell) => cell.mapping.target.kind === 'field' && cell.mapping.target.field === field)
  const joined = (field: TargetField, separator = '\n') =>
    of(field)
      .map((cell) => cell.text)
      .join(separator)
  /** Each value of each cell, with the cell it came from; "None" / "N/A" say there is nothing. */
  const values = (field: TargetField) => of(field).flatMap((cell) => (saysNone(cell.text) ? [] : splitValues(cell.text).filter((value) => !saysNone(value)).map((value) => ({ cell, value }))))

  const form = emptyRecordForm(mapping.role)
  for (const cell of cells) if (cell.mapping.target.kind === 'note') notes.push(`${cite(cell)}: ${cell.text}`)

  form.previousReference = joined('previousReference', ' ')
  form.description = joined('description')
  form.businessFunction = joined('businessFunction', ', ')
  form.owner = joined('owner', ', ')
  form.jointControllerDetails = joined('jointControllerDetails')
  form.source = joined('source')
  form.systems = joined('systems')
  for (const cell of of('role')) {
    const role = recordRoleOf(cell.text)
    if (role) form.role = role
    else keepAsNote(cell, 'not a role the app knows (controller, joint controller or processor)')
  }
  if (form.role === 'controller' && form.jointControllerDetails !== '' && !saysNone(form.jointControllerDetails)) form.role = 'joint-controller'
  for (const cell of of('status')) {
    const status = recordStatusOf(cell.text)
    if (status && status !== 'approved') form.status = status
    if (!status || status === 'approved') keepAsNote(cell, status ? 'an approval is given in the app, not taken from a spreadsheet: imported as a draft' : 'not a status the app knows: imported as a draft')
  }

  // Purposes, each with its own lawful basis where the sheet pairs them.
  form.purposes = values('purposes[].description').map(({ value }) => ({ id: newItemId(), description: value, uses: [], lawfulBasis: '' as const, legitimateInterest: '', liaReference: '', consentRecordReference: '' }))
  const bases = values('purposes[].lawfulBasis').map((entry) => ({ ...entry, basis: /^not yet given$/i.test(entry.value) ? ('' as const) : lawfulBasisOf(entry.value) }))
  for (const { cell, value, basis } of bases) if (basis === undefined) keepAsNote(cell, `lawful basis not recognised ("${value}")`, value)
  const known = bases.flatMap(({ basis }) => (basis === undefined ? [] : [basis]))
  if (form.purposes.length === 0 && known.length > 0) {
    for (const { cell, value, basis } of bases) if (basis !== undefined) keepAsNote(cell, 'a lawful basis with no purpose to give it to', value)
  } else if (new Set(known).size === 1 && known.length === bases.length) for (const purpose of form.purposes) purpose.lawfulBasis = known[0]!
  else if (known.length === form.purposes.length && known.length === bases.length) form.purposes.forEach((purpose, index) => (purpose.lawfulBasis = known[index]!))
  else if (known.length > 0) for (const { cell, value, basis } of bases) if (basis !== undefined) keepAsNote(cell, 'lawful bases that cannot be paired with the purposes one to one: give each purpose its basis', value)
  const distribute = (field: TargetField, basis: LawfulBasis | null, assign: (purpose: RecordForm['purposes'][number], value: string) => void) => {
    const list = values(field)
    const targets = form.purposes.filter((purpose) => basis === null || purpose.lawfulBasis === basis)
    if (list.length === 0) return
    if (list.length === targets.length) targets.forEach((purpose, index) => assign(purpose, list[index]!.value))
    else if (list.length === 1 && targets.length > 0) targets.forEach((purpose) => assign(purpose, list[0]!.value))
    else for (const { cell, value } of list) keepAsNote(cell, `not matched to a purpose${basis ? ` with the basis ${basis === 'f' ? 'legitimate interests' : 'consent'}` : ''}`, value)
  }
  distribute('purposes[].legitimateInterest', 'f', (purpose, value) => (purpose.legitimateInterest = value))
  distribute('purposes[].liaReference', 'f', (purpose, value) => (purpose.liaReference = value))
  distribute('purposes[].consentRecordReference', 'a', (purpose, value) => (purpose.consentRecordReference = value))

  const uses = values('purposes[].uses')
  if (uses.length > 0 && form.purposes.length === 1) form.purposes[0]!.uses = uses.map(({ value }) => termFor('dataUses', value))
  else for (const { cell, value } of uses) keepAsNote(cell, 'data uses not matched to one purpose', value)

  // Data subjects and categories, each category with its retention.
  form.dataSubjects = [...new Set(values('dataSubjects').map(({ value }) => termFor('dataSubjects', value)))]
  form.dataCategories = values('dataCategories[].term').map(({ value }) => ({ id: newItemId(), term: termFor('dataCategories', value), description: '', retention: retentionOf('') }))
  const retentionLines = values('dataCategories[].retention')
  const unmatched: typeof retentionLines = []
  for (const line of retentionLines) {
    const separator = line.value.indexOf(':')
    const label = separator > 0 ? line.value.slice(0, separator) : ''
    const category = label === '' ? undefined : form.dataCategories.find((candidate) => candidate.term === termFor('dataCategories', label))
    if (category) category.retention = retentionOf(line.value.slice(separator + 1))
    else unmatched.push(line)
  }
  if (unmatched.length === 1 && retentionLines.length === 1 && form.dataCategories.length > 0) {
    for (const category of form.dataCategories) category.retention = retentionOf(unmatched[0]!.value)
  } else {
    for (const { cell, value } of unmatched) keepAsNote(cell, form.dataCategories.length === 0 ? 'a retention period with no data category to give it to' : 'retention not matched to a data category', value)
  }

  const descriptions = of('dataCategories[].description')
  if (descriptions.length > 0 && form.dataCategories.length === 1) form.dataCategories[0]!.description = descriptions.map((cell) => cell.text).join('\n')
  else for (const cell of descriptions) keepAsNote(cell, 'description not matched to one data category')

  // Special categories (Art. 9) and criminal offence data (Art. 10).
  for (const { cell, value } of values('specialCategories[].category')) {
    const category = specialCategoryOf(value)
    if (category && !form.specialCategories.some((special) => special.category === category)) form.specialCategories.push({ id: newItemId(), category, condition: '', notes: '' })
    else if (!category) keepAsNote(cell, `not one of the special categories of Art. 9(1) ("${value}")`, value)
  }
  const conditions = values('specialCategories[].condition')
  for (const { cell, value } of conditions) {
    const separator = value.indexOf(':')
    const named = separator > 0 ? specialCategoryOf(value.slice(0, separator)) : undefined
    const condition = art9ConditionOf(separator > 0 ? value.slice(separator + 1) : value)
    if (named) {
      const existing = form.specialCategories.find((special) => special.category === named)
      if (existing) existing.condition ||= condition ?? ''
      else form.specialCategories.push({ id: newItemId(), category: named, condition: condition ?? '', notes: '' })
      if (!condition) keepAsNote(cell, 'Art. 9(2) condition not recognised', value)
    } else if (condition && form.specialCategories.length > 0 && conditions.length === 1) for (const special of form.specialCategories) special.condition ||= condition
    else keepAsNote(cell, condition ? 'an Art. 9(2) condition that names no special category' : 'Art. 9(2) condition not recognised', value)
  }
  for (const cell of of('criminalOffenceData')) {
    const answer = yesNoOf(cell.text)
    if (answer === false) continue
    if (answer === true) form.criminalOffenceData = { processed: true, basis: cell.text.replace(/^\s*(yes|oui|ja)\b\s*[:,-]?\s*/i, '') }
    else keepAsNote(cell, 'does not say yes or no')
  }

  // Recipients: a type only where the sheet states it.
  for (const { cell, value } of values('recipients[]')) {
    const { name, type } = recipientOf(value, headingRecipientType(cell.heading))
    form.recipients.push({ id: newItemId(), name, type, vendorId: '', contractReference: '', notes: '' })
  }
  const types = values('recipients[].type')
  for (const [index, { cell, value }] of types.entries()) {
    const type = statedRecipientType(value)
    const recipient = types.length === form.recipients.length ? form.recipients[index] : undefined
    if (type && recipient) recipient.type = type
    else keepAsNote(cell, type ? 'recipient type not matched to one recipient' : 'not a recipient type the app knows', value)
  }
  for (const { cell, value } of values('recipients[].contractReference')) {
    const separator = value.indexOf(':')
    const recipient = separator > 0 ? form.recipients.find((candidate) => normaliseText(candidate.name) === normaliseText(value.slice(0, separator))) : undefined
    if (recipient) recipient.contractReference = value.slice(separator + 1).trim()
    else if (form.recipients.length === 1) form.recipients[0]!.contractReference = value
    else keepAsNote(cell, 'contract not matched to a recipient', value)
  }

  // Transfers: the country, its recipient and the instrument the text names.
  const countries = values('transfers[].country')
  const instruments = values('transfers[].instrument')
  const transferRecipients = values('transfers[].recipient')
  const tias = values('transfers[].tiaReference')
  const documentation = of('transfers[].documentation')
  const hasDocumentationColumn = mapping.columns.some((column) => column.target.kind === 'field' && column.target.field === 'transfers[].documentation')
  const usedInstruments = new Set<number>()
  for (const [index, { cell, value }] of countries.entries()) {
    const named = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(value)
    let country = value
    let recipient = ''
    if (named) {
      // "USA (Mailchimp)" or "Mailchimp (USA)": whichever part is a country.
      if (countryCodeOf(named[2]!) !== '' && countryCodeOf(named[1]!) === '') [recipient, country] = [named[1]!, named[2]!]
      else [country, recipient] = [named[1]!, named[2]!]
    }
    const colon = /^([^:]+):\s*(.+)$/.exec(country)
    let instrumentText = ''
    if (colon && countryCodeOf(colon[1]!) !== '') {
      country = colon[1]!.trim()
      instrumentText = colon[2]!.trim()
    }
    const forCountry = instruments.findIndex((candidate) => candidate.value.toLowerCase().startsWith(`${country.toLowerCase()}:`))
    const instrumentIndex = instrumentText !== '' ? -1 : forCountry >= 0 ? forCountry : instruments.length === countries.length ? index : instruments.length === 1 ? 0 : -1
    if (instrumentText === '' && instrumentIndex < 0 && countries.length === 1 && instruments.length > 1 && instruments.every(({ value }) => !/^[^:]+:/.test(value) || countryCodeOf(value.split(':')[0]!) === '')) {
      // One destination and several safeguard cells (mechanism, instrument, module…): read together.
      instruments.forEach((_, used) => usedInstruments.add(used))
      instrumentText = instruments.map(({ value }) => value).join('\n')
    } else if (instrumentIndex >= 0) {
      usedInstruments.add(instrumentIndex)
      const line = instruments[instrumentIndex]!.value
      instrumentText = forCountry >= 0 ? line.slice(country.length + 1).trim() : line
    }
    if (recipient === '') recipient = transferRecipients.length === countries.length ? transferRecipients[index]!.value : transferRecipients.length === 1 ? transferRecipients[0]!.value : ''
    const documented = documentation.length === countries.length ? documentation[index]!.text : documentation.length === 1 ? documentation[0]!.text : ''
    const parsed = parseTransferInstrumentText(documented === '' ? instrumentText : `${instrumentText}\n${documented}`)
    if (instrumentText !== '' && parsed.mechanism === '' && parsed.instrument === '') {
      warnings.push(`${where(cell)} ("${cell.heading}"): transfer to ${country}: the safeguard "${instrumentText}" is not one the app recognises; kept as the transfer's documentation, its mechanism left blank`)
    }
    const transfer: Transfer = {
      id: newItemId(),
      // Blank when the sheet does not say who receives the data: a finding asks for it.
      recipient: recipient.trim(),
      country: country.trim(),
      // The safeguard's words stay as its documentation, unless the sheet has a documentation column of its own.
      documentation: hasDocumentationColumn ? documented : instrumentText,
      countryCode: countryCodeOf(country),
      mechanism: parsed.mechanism,
      instrument: parsed.instrument,
      sccModule: parsed.sccModule,
      derogation: parsed.derogation,
      tiaReference: tias.length === countries.length ? tias[index]!.value : tias.length === 1 ? tias[0]!.value : ''
    }
    form.transfers.push(transfer)
  }
  for (const [index, { cell, value }] of instruments.entries()) {
    if (!usedInstruments.has(index)) keepAsNote(cell, countries.length === 0 ? 'a transfer safeguard with no country to give it to' : 'safeguard not matched to a transfer country', value)
  }
  if (countries.length === 0) for (const { cell, value } of [...transferRecipients, ...tias]) keepAsNote(cell, 'transfer details with no country to give them to', value)
  if (countries.length > 0 && documentation.length > 1 && documentation.length !== countries.length) for (const cell of documentation) keepAsNote(cell, 'documentation not matched to a transfer')
  if (countries.length === 0) for (const cell of documentation) keepAsNote(cell, 'transfer documentation with no country to give it to')
  else if (tias.length > 1 && tias.length !== countries.length) for (const { cell, value } of tias) keepAsNote(cell, 'transfer impact assessment not matched to a transfer', value)

  // Security: known measures become checklist items; the words stay in the description.
  form.securityDescription = joined('securityDescription')
  for (const { value } of values('securityDescription')) {
    const measure = (Object.keys(SECURITY_MEASURE_LABELS) as Array<keyof typeof SECURITY_MEASURE_LABELS>).find((key) => normaliseText(SECURITY_MEASURE_LABELS[key]) === normaliseText(value))
    if (measure && !form.securityMeasures.includes(measure)) form.securityMeasures.push(measure)
  }

  for (const cell of of('automatedDecisionMaking')) {
    const lines = splitValues(cell.text)
    const answer = yesNoOf(lines[0] ?? '')
    if (answer === false) continue
    if (answer === true) form.automatedDecisionMaking = { exists: true, description: [lines[0]!.replace(/^\s*(yes|oui|ja)\b\s*[:,-]?\s*/i, ''), ...lines.slice(1)].filter(Boolean).join('\n') }
    else keepAsNote(cell, 'does not say whether there is automated decision-making (yes or no)')
  }
  for (const cell of of('dpia.required')) {
    const required = dpiaRequiredOf(cell.text)
    if (required === undefined) keepAsNote(cell, 'does not say yes or no')
    else form.dpia.required = required
  }
  for (const cell of of('dpia.status')) {
    const status = dpiaStatusOf(cell.text)
    if (status) form.dpia.status = status
    else keepAsNote(cell, 'DPIA progress not recognised')
  }
  form.dpia.link = joined('dpia.link')
  for (const field of ['lastReviewed', 'nextReview'] as const) {
    for (const cell of of(field)) {
      const date = isoDateOf(cell.text)
      if (!date) keepAsNote(cell, 'not a date (expected e.g. 2024-03-31 or 31/03/2024)')
      else {
        form[field] = date
        if (field === 'lastReviewed' && date > today) warnings.push(`${where(cell)} ("${cell.heading}"): the last review date ${date} is after today`)
      }
    }
  }

  // Processor records (Art. 30(2)): the controllers acted for.
  form.controllersActedFor = values('controllersActedFor[].name').map(({ value }) => ({ id: newItemId(), name: value, contact: '', representative: '', dpo: '', processingCategories: '' }))
  for (const [field, assign] of [
    ['controllersActedFor[].contact', (target: RecordForm['controllersActedFor'][number], value: string) => (target.contact = target.contact ? `${target.contact}\n${value}` : value)],
    ['controllersActedFor[].processingCategories', (target: RecordForm['controllersActedFor'][number], value: string) => (target.processingCategories = target.processingCategories ? `${target.processingCategories}\n${value}` : value)]
  ] as const) {
    const list = values(field)
    const targets = form.controllersActedFor
    if (list.length === 0) continue
    if (list.length === targets.length) targets.forEach((target, index) => assign(target, list[index]!.value))
    else if (targets.length === 1) for (const { value } of list) assign(targets[0]!, value)
    else for (const { cell, value } of list) keepAsNote(cell, `not matched to one controller (${TARGET_FIELD_LABELS[field]})`, value)
  }

  form.name = joined('name', ' ').trim()
  if (form.name === '' && !options.detail) {
    const purpose = form.purposes[0]?.description
    if (!purpose) {
      const nameColumn = mapping.columns.find((column) => column.target.kind === 'field' && column.target.field === 'name')
      return { problem: nameColumn ? problemRef('import.noName', { heading: nameColumn.heading }) : problemRef('import.noNameColumn') }
    }
    form.name = purpose
    warnings.push(`no name given: the activity is named after its first purpose ("${purpose}")`)
  }
  form.notes = notes.join('\n')
  return { record: form, warnings }
}
