/**
 * The Article 30 record and the organisation profile, as zod schemas. These are the one
 * source of truth for the editor's validation, storage, import and the workbook.
 * Every string defaults to '' so that a form always has a controlled value.
 */
import { z } from 'zod'
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
  ART49_DEROGATION_LABELS,
  REGIME_LABELS,
  SCC_MODULE_LABELS,
  TRANSFER_INSTRUMENT_LABELS,
  TRANSFER_MECHANISM_LABELS,
  SECURITY_MEASURE_LABELS,
  SPECIAL_CATEGORY_LABELS,
  keysOf,
  type RecordPerspective
} from './enums'
import { upgradeLegacyTransfer } from './legacy-transfer'
import { validationError, validationText } from '../i18n/validation'
import { LOCALES } from '../i18n'

/** Longest text a single field may hold: generous for prose, small enough to keep hostile input out. */
export const MAX_TEXT_LENGTH = 20_000

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

// Messages are catalogue keys (problems:validation.*), said in the validation language when a check fails.
const tooLong = () => validationError('tooLong', { max: MAX_TEXT_LENGTH })
const text = () => z.string().max(MAX_TEXT_LENGTH, tooLong()).default('')
const requiredText = (requiredKey: 'controllerNameRequired' | 'jointControllerNameRequired') =>
  z.string().trim().min(1, validationError(requiredKey)).max(MAX_TEXT_LENGTH, tooLong())
const optionalEmail = () =>
  text().refine((value) => value === '' || EMAIL_PATTERN.test(value), validationError('email'))
/** A real calendar day: 2025-02-30 has the right form but is no date. */
function isCalendarDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}
const optionalDate = () =>
  z
    .string()
    .default('')
    .refine((value) => value === '' || isCalendarDate(value), validationError('date'))
/** An enum that may also be left blank ('') while a record is a draft. */
const optionalEnum = <T extends Record<string, string>>(labels: T) => z.union([z.enum(keysOf(labels)), z.literal('')]).default('')

export const itemId = () => z.string().min(1).max(100)

/** A vocabulary term: a fideslang / GDPR key, or free text prefixed with `custom:`. */
export const vocabularyTermSchema = z.string().trim().min(1).max(500)
/** A data category's term, blank ('') while the DPO does not know it yet: a finding, not a refusal. */
const optionalTermSchema = z.string().trim().max(500).default('')

export const contactSchema = z.object({
  name: text(),
  address: text(),
  email: optionalEmail(),
  phone: text()
})
export type Contact = z.infer<typeof contactSchema>

export const organisationSchema = z.object({
  controller: contactSchema.extend({ name: requiredText('controllerNameRequired') }),
  dpo: contactSchema,
  representative: contactSchema,
  jointControllers: z.array(contactSchema.extend({ id: itemId(), name: requiredText('jointControllerNameRequired') })).default([]),
  /** Which regime's transfer rules apply: the UK's adequacy list and IDTA/Addendum for a UK organisation. */
  regime: z.enum(keysOf(REGIME_LABELS)).default('eu'),
  updatedAt: z.string().default('')
})
export type Organisation = z.infer<typeof organisationSchema>

export const purposeSchema = z.object({
  id: itemId(),
  /** Blank while not known yet: a finding (Art. 30(1)(b)) says so, storage does not refuse it. */
  description: text(),
  uses: z.array(vocabularyTermSchema).default([]),
  lawfulBasis: optionalEnum(LAWFUL_BASIS_LABELS),
  legitimateInterest: text(),
  liaReference: text(),
  consentRecordReference: text()
})
export type Purpose = z.infer<typeof purposeSchema>

/** A period without its number, or a criterion not yet written, is stored as it is: the checks report it (Art. 30(1)(f)). */
export const retentionSchema = z.object({
  mode: z.enum(keysOf(RETENTION_MODE_LABELS)).default('unspecified'),
  period: z.number().int(validationError('wholeNumbers')).positive(validationError('periodPositive')).max(1000, validationError('periodMax', { max: 1000 })).nullable().default(null),
  unit: z.enum(keysOf(RETENTION_UNIT_LABELS)).default('years'),
  fromEvent: text(),
  /** '' when the source does not say (a template's policy silent on it): left for the DPO, never guessed. */
  endAction: z.union([z.enum(keysOf(RETENTION_END_ACTION_LABELS)), z.literal('')]).default('erase'),
  criterion: text()
})
export type Retention = z.infer<typeof retentionSchema>

export const dataCategorySchema = z.object({
  id: itemId(),
  term: optionalTermSchema,
  description: text(),
  retention: retentionSchema
})
export type DataCategory = z.infer<typeof dataCategorySchema>

export const specialCategoryDataSchema = z.object({
  id: itemId(),
  category: z.enum(keysOf(SPECIAL_CATEGORY_LABELS)),
  condition: optionalEnum(ART9_CONDITION_LABELS),
  notes: text()
})
export type SpecialCategoryData = z.infer<typeof specialCategoryDataSchema>

export const recipientSchema = z.object({
  id: itemId(),
  name: text(),
  /** 'not-stated' until someone says which kind of recipient this is: never guessed as a processor. */
  type: z.enum(keysOf(RECIPIENT_TYPE_LABELS)).default('not-stated'),
  vendorId: text(),
  contractReference: text(),
  notes: text()
})
export type Recipient = z.infer<typeof recipientSchema>

const transferFieldsSchema = z.object({
  id: itemId(),
  /** Who receives the data; may be blank while not known yet (a finding says so). */
  recipient: text(),
  /** The destination as written; the picker writes the country's or organisation's name. */
  country: text(),
  documentation: text(),
  /** ISO 3166-1 alpha-2 code, or `org:<key>` for an international organisation; '' when `country` is free text. */
  countryCode: text(),
  mechanism: optionalEnum(TRANSFER_MECHANISM_LABELS),
  instrument: optionalEnum(TRANSFER_INSTRUMENT_LABELS),
  sccModule: optionalEnum(SCC_MODULE_LABELS),
  derogation: optionalEnum(ART49_DEROGATION_LABELS),
  /** Where the transfer impact assessment is kept. */
  tiaReference: text(),
  /** Read only: the single safeguard of transfers written before mechanism and instrument (see legacy-transfer.ts). */
  safeguard: z.string().max(MAX_TEXT_LENGTH).optional().describe('Legacy: read into mechanism and instrument, never written.')
})

/** A transfer, with a legacy `safeguard` read into mechanism and instrument (and never kept). */
export const transferSchema = transferFieldsSchema.transform((parsed) => {
  const { safeguard: _legacy, ...transfer } = upgradeLegacyTransfer(parsed)
  return transfer
})
export type Transfer = z.output<typeof transferSchema>

/** A transfer's instrument fields before anyone has said which instrument it relies on. */
export const UNSTATED_INSTRUMENT = { countryCode: '', mechanism: '', instrument: '', sccModule: '', derogation: '', tiaReference: '' } as const

export const controllerActedForSchema = z.object({
  id: itemId(),
  name: text(),
  contact: text(),
  representative: text(),
  dpo: text(),
  processingCategories: text()
})
export type ControllerActedFor = z.infer<typeof controllerActedForSchema>

/** Where a pre-filled value came from: a template pack's activity and the policy's own words. */
export const evidenceSchema = z.object({
  field: z.string().max(300),
  quotes: z.array(z.string().max(MAX_TEXT_LENGTH)).default([]),
  note: text(),
  /**
   * false: the pack had no source text, so the quotes were never checked; such evidence is
   * shown as unverified and counts as no evidence in the findings. true: every quote was found
   * in the pack's source. Absent on evidence recorded before this was tracked (packs then were
   * checked against the policy the app shipped), read as verified.
   */
  verified: z.boolean().optional()
})
export type Evidence = z.infer<typeof evidenceSchema>

/** Evidence whose quotes were never checked against a source (see `verified`). */
export const isUnverifiedEvidence = (evidence: Pick<Evidence, 'verified'>): boolean => evidence.verified === false

export const OPEN_ITEM_RESOLUTIONS = ['open', 'resolved', 'accepted'] as const
export type OpenItemResolution = (typeof OPEN_ITEM_RESOLUTIONS)[number]

const openItemObjectSchema = z
  .object({
    id: itemId(),
    field: z.string().max(300),
    note: text(),
    quotes: z.array(z.string().max(MAX_TEXT_LENGTH)).default([]),
    /** 'accepted': the DPO decided to live with the gap, and `resolutionNote` says why. */
    resolution: z.enum(OPEN_ITEM_RESOLUTIONS).default('open'),
    resolutionNote: text()
  })
  .superRefine((item, context) => {
    if (item.resolution === 'accepted' && item.resolutionNote.trim() === '') {
      context.addIssue({ code: 'custom', path: ['resolutionNote'], message: validationText('acceptNote') })
    }
  })

/**
 * Open items stored before resolutions existed carry `resolved: true/false` (databases, backups,
 * workbooks, packs): read as 'resolved' / 'open', so nothing old breaks.
 */
function fromLegacyResolved(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('resolved' in value)) return value
  const { resolved, ...rest } = value as Record<string, unknown>
  if ('resolution' in rest || typeof resolved !== 'boolean') return value
  return { ...rest, resolution: resolved ? 'resolved' : 'open' }
}

/** Something the source was silent or vague about, which the DPO still has to decide. */
export const openItemSchema = z.preprocess<unknown, typeof openItemObjectSchema, z.input<typeof openItemObjectSchema>>(fromLegacyResolved, openItemObjectSchema)
export type OpenItem = z.infer<typeof openItemSchema>

/** Still to be decided: neither resolved nor accepted with a note. */
export function isUnsettled(item: Pick<OpenItem, 'resolution'>): boolean {
  return item.resolution === 'open'
}

/**
 * One spreadsheet cell a migrated record was made from: where it was, what it said, and
 * the record field it filled ('' when it was kept as a note).
 */
export const importedCellSchema = z.object({
  file: z.string().max(500),
  sheet: z.string().max(200),
  cell: z.string().max(20),
  heading: z.string().max(1000).default(''),
  text: z.string().max(MAX_TEXT_LENGTH),
  field: z.string().max(300).default('')
})
export type ImportedCell = z.infer<typeof importedCellSchema>

/**
 * Evidence a record no longer relies on, kept with the record: what the policy said, in which
 * version of the template, until the record took over a newer version of it (record-upgrade.ts).
 */
export const supersededEvidenceSchema = evidenceSchema.extend({
  packVersion: z.string().max(50),
  replacedAt: z.string().max(40)
})
export type SupersededEvidence = z.infer<typeof supersededEvidenceSchema>

/**
 * A quote the record's evidence relies on that a newer version of its template no longer has:
 * found when that version is installed, reported as a finding until the record is brought up to
 * that version. `nowSays` is what the same item of the template quotes instead (empty: nothing).
 */
export const quoteChangeSchema = z.object({
  field: z.string().max(300),
  quote: z.string().max(MAX_TEXT_LENGTH),
  nowSays: z.array(z.string().max(MAX_TEXT_LENGTH)).default([]),
  packVersion: z.string().max(50)
})
export type QuoteChange = z.infer<typeof quoteChangeSchema>

export const originSchema = z.object({
  packId: z.string().max(200),
  packVersion: z.string().max(50),
  activityId: z.string().max(200),
  /** How the record was made from the activity (absent on records made before there was a choice: see `perspectiveOf`). */
  perspective: z.enum(keysOf(RECORD_PERSPECTIVE_LABELS)).optional(),
  /** The language the template's words were written in (absent: English, as on every record made before there was a choice). */
  locale: z.enum(LOCALES).optional()
})
export type Origin = z.infer<typeof originSchema>

/** Records made before the choice existed took the vendor's activity as it is. */
export function perspectiveOf(origin: Pick<Origin, 'perspective'>): RecordPerspective {
  return origin.perspective ?? 'vendor-as-is'
}

/** What a suggestion offers: a purpose to add, or a lawful basis for a purpose the record has. */
export const SUGGESTION_KINDS = ['purpose', 'lawful-basis'] as const

/**
 * A purpose or lawful basis a vendor's policy states for its own processing. It is not the
 * DPO's until confirmed: held apart from the record's purposes (so no export, check or approval
 * ever takes it as the DPO's), shown in the editor with one-click confirm or dismiss, and
 * reported by a finding while undecided.
 */
export const suggestionSchema = z.object({
  id: itemId(),
  kind: z.enum(SUGGESTION_KINDS),
  /** Whose words: the vendor whose policy states them. */
  from: text(),
  /** For a lawful basis: the id of the record's purpose it is offered for. */
  purposeId: text(),
  description: text(),
  uses: z.array(vocabularyTermSchema).default([]),
  lawfulBasis: optionalEnum(LAWFUL_BASIS_LABELS),
  legitimateInterest: text(),
  quotes: z.array(z.string().max(MAX_TEXT_LENGTH)).default([]),
  /** Whether the quotes were checked against the vendor's policy (see `evidenceSchema`'s `verified`); carried into the evidence on confirmation. */
  verified: z.boolean().optional()
})
export type Suggestion = z.infer<typeof suggestionSchema>

/** The fields a DPO edits. Storage adds identity and timestamps (see `StoredRecord`). */
export const recordFormSchema = z.object({
  // Identity
  /** Blank while not known yet; shown as "Unnamed activity" (see `activityTitle`), reported by a finding. */
  name: text(),
  /** The reference the DPO's earlier register (a spreadsheet) used, kept searchable. */
  previousReference: text(),
  description: text(),
  businessFunction: text(),
  owner: text(),
  role: z.enum(keysOf(RECORD_ROLE_LABELS)),
  jointControllerDetails: text(),
  // 30(1)(b)
  purposes: z.array(purposeSchema).default([]),
  // 30(1)(c)
  dataSubjects: z.array(vocabularyTermSchema).default([]),
  dataCategories: z.array(dataCategorySchema).default([]),
  specialCategories: z.array(specialCategoryDataSchema).default([]),
  criminalOffenceData: z.object({ processed: z.boolean().default(false), basis: text() }).default({ processed: false, basis: '' }),
  // 30(1)(d)
  recipients: z.array(recipientSchema).default([]),
  // 30(1)(e)
  transfers: z.array(transferSchema).default([]),
  // 30(1)(g)
  securityMeasures: z.array(z.enum(keysOf(SECURITY_MEASURE_LABELS))).default([]),
  securityDescription: text(),
  // Context
  source: text(),
  systems: text(),
  automatedDecisionMaking: z.object({ exists: z.boolean().default(false), description: text() }).default({ exists: false, description: '' }),
  dpia: z
    .object({ required: z.enum(keysOf(DPIA_REQUIRED_LABELS)).default('unknown'), status: optionalEnum(DPIA_STATUS_LABELS), link: text() })
    .default({ required: 'unknown', status: '', link: '' }),
  // 30(2)
  controllersActedFor: z.array(controllerActedForSchema).default([]),
  // Workflow
  status: z.enum(keysOf(RECORD_STATUS_LABELS)).default('draft'),
  lastReviewed: optionalDate(),
  nextReview: optionalDate(),
  /** Free notes, including spreadsheet cells kept "as a note" on import. */
  notes: text(),
  // Template provenance
  origin: originSchema.nullable().default(null),
  evidence: z.array(evidenceSchema).default([]),
  openItems: z.array(openItemSchema).default([]),
  /** Evidence replaced when the record took over a newer version of its template. */
  supersededEvidence: z.array(supersededEvidenceSchema).default([]),
  /** Quotes of its evidence that the installed version of its template no longer has. */
  quoteChanges: z.array(quoteChangeSchema).default([]),
  /** The vendor's purposes and lawful bases, until the DPO confirms or dismisses each; absent on records made without any. */
  suggestions: z.array(suggestionSchema).optional(),
  /** Import evidence: the cells this record was migrated from. */
  importedFrom: z.array(importedCellSchema).default([])
})
export type RecordForm = z.infer<typeof recordFormSchema>
export type RecordFormInput = z.input<typeof recordFormSchema>

export const storedRecordSchema = recordFormSchema.extend({
  id: itemId(),
  reference: z.string().regex(/^PA-\d{4,}$/, validationError('reference')),
  createdAt: z.string(),
  updatedAt: z.string(),
  approvedBy: text(),
  approvedAt: text(),
  /**
   * Counts the writes to this record (save, submit, approve, archive, restore...): an editor
   * saves against the revision it opened, so that a change made elsewhere is never silently
   * overwritten. Records stored or backed up before revisions existed are revision 1.
   */
  revision: z.number().int(validationError('wholeNumbers')).min(1, validationError('revision')).default(1)
})
export type StoredRecord = z.infer<typeof storedRecordSchema>

/** The stored-record fields a DPO does not edit, so that the editor's form leaves them out. */
export function formOfRecord(record: StoredRecord): RecordFormInput {
  const { id: _id, reference: _reference, createdAt: _createdAt, updatedAt: _updatedAt, approvedBy: _approvedBy, approvedAt: _approvedAt, revision: _revision, ...form } = record
  return form
}

export const UNNAMED_ACTIVITY = 'Unnamed activity'
/** A record's name for titles and lists: never an empty string. */
export function activityTitle(name: string | null | undefined): string {
  return name === null || name === undefined || name.trim() === '' ? UNNAMED_ACTIVITY : name
}

export const REFERENCE_PREFIX = 'PA-'
export function formatReference(sequence: number): string {
  return `${REFERENCE_PREFIX}${String(sequence).padStart(4, '0')}`
}
export function referenceNumber(reference: string): number {
  return Number.parseInt(reference.slice(REFERENCE_PREFIX.length), 10)
}
