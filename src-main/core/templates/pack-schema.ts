/**
 * The template pack format. This zod schema is the one source of truth:
 * templates/template-pack.schema.json is generated from it (scripts/generate-pack-schema.ts)
 * and a test keeps the two equal.
 *
 * Every pre-filled value carries `quotes`: sentences copied verbatim from the vendor's policy
 * (only whitespace may differ). Where the policy is silent or vague, the activity lists a
 * `gap` instead of inventing a value.
 */
import { z } from 'zod'
import {
  ART9_CONDITION_LABELS,
  LAWFUL_BASIS_LABELS,
  RECIPIENT_TYPE_LABELS,
  RECORD_ROLE_LABELS,
  RETENTION_END_ACTION_LABELS,
  RETENTION_UNIT_LABELS,
  SAFEGUARD_LABELS,
  TRANSFER_MECHANISM_LABELS,
  TRANSFER_INSTRUMENT_LABELS,
  SCC_MODULE_LABELS,
  ART49_DEROGATION_LABELS,
  SECURITY_MEASURE_LABELS,
  SPECIAL_CATEGORY_LABELS,
  keysOf
} from '../records/enums'
import { customIssue, schemaMessage } from './pack-messages'

/** The format this app writes. Format 1 still reads, and is upgraded on import (see pack-upgrade.ts). */
export const PACK_FORMAT_VERSION = 2
export const READABLE_PACK_FORMAT_VERSIONS = [1, 2] as const
/** Larger files are refused before parsing. */
export const MAX_PACK_FILE_BYTES = 5 * 1024 * 1024
const MAX_STRING = 10_000

// The messages are English for zod; `schemaMessage` keeps their catalogue key for the app (see pack-messages.ts).
const str = (max = MAX_STRING) => z.string().max(max, schemaMessage('schema.longerThan', { max }))
const nonEmpty = (max = MAX_STRING) => str(max).trim().min(1, schemaMessage('schema.notEmpty'))
const isoDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, schemaMessage('schema.date'))
const slug = () => z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, schemaMessage('schema.slug'))
const sha256 = () => z.string().regex(/^[0-9a-f]{64}$/, schemaMessage('schema.sha256'))
/** At least one quote is required, except in a user-authored pack (see `isUserAuthoredSource`), checked on the whole pack. */
const quotes = () => z.array(nonEmpty(4000))
/** Vocabulary key or `custom:` free text; checked against the vocabulary by the pack checker. */
const term = () => nonEmpty(300)
/**
 * A stable id for an item of a list (purpose, data category, recipient, sub-processor,
 * transfer...), so that versions are compared item by item, not by position. Format 2 requires
 * it; format 1 packs get ids derived from the item's content when upgraded.
 */
const itemId = () => slug().optional()

/** The kinds of vendor document a pack's quotes may come from. */
export const PACK_SOURCE_KIND_LABELS = {
  'privacy-policy': 'Privacy policy',
  'sub-processor-list': 'Sub-processor list',
  dpa: 'Data processing agreement',
  terms: 'Terms of service',
  other: 'Other document'
} as const
/** Larger embedded documents are refused: a policy is tens of kilobytes. */
export const MAX_SOURCE_TEXT = 2_000_000

/**
 * A document embedded in the pack (format 2): the text every quote is checked against on
 * import. A pack without any source text still imports, but its values show as unverified.
 */
export const packSourceSchema = z.strictObject({
  id: slug(),
  kind: z.enum(keysOf(PACK_SOURCE_KIND_LABELS)),
  title: nonEmpty(500),
  /** The document's own version or "last updated" wording, where it has one. */
  version: str(200).optional(),
  date: isoDate().optional(),
  url: str(2000).optional(),
  text: z.string().max(MAX_SOURCE_TEXT, schemaMessage('schema.longerThan', { max: MAX_SOURCE_TEXT })),
  /** SHA-256 (lower-case hex) of `text`, checked on import. */
  sha256: sha256()
})
export type PackSource = z.infer<typeof packSourceSchema>

const contact = z.strictObject({
  name: str(500).optional(),
  address: str(1000).optional(),
  email: str(320).optional(),
  phone: str(100).optional(),
  url: str(2000).optional(),
  quotes: quotes()
})

export const gapSchema = z.strictObject({
  /** Which template field the policy leaves open, e.g. `retention`, `purposes[0].lawfulBasis`, `transfers`. */
  field: nonEmpty(300),
  kind: z.enum(['silent', 'vague']),
  note: nonEmpty(2000),
  /** The vague wording; empty for silence, where there is nothing to quote. */
  quotes: z.array(nonEmpty(4000)).default([])
})
export type PackGap = z.infer<typeof gapSchema>

export const packRetentionSchema = z.strictObject({
  mode: z.enum(['period', 'criterion']),
  period: z.number().int().positive().max(1000).optional(),
  unit: z.enum(keysOf(RETENTION_UNIT_LABELS)).optional(),
  fromEvent: str(1000).optional(),
  endAction: z.enum(keysOf(RETENTION_END_ACTION_LABELS)).optional(),
  criterion: str(2000).optional(),
  quotes: quotes()
})

export const activityTemplateSchema = z.strictObject({
  id: slug(),
  name: nonEmpty(300),
  description: str(4000).default(''),
  role: z.enum(keysOf(RECORD_ROLE_LABELS)),
  roleQuotes: quotes(),
  purposes: z
    .array(
      z.strictObject({
        id: itemId(),
        description: nonEmpty(2000),
        uses: z.array(term()).default([]),
        lawfulBasis: z.enum(keysOf(LAWFUL_BASIS_LABELS)).optional(),
        legitimateInterest: str(2000).optional(),
        quotes: quotes()
      })
    )
    .min(1, schemaMessage('schema.noPurpose')),
  dataSubjects: z.array(z.strictObject({ id: itemId(), term: term(), quotes: quotes() })).default([]),
  dataCategories: z
    .array(
      z.strictObject({
        id: itemId(),
        term: term(),
        /** The policy's own wording for the category. */
        wording: str(2000).default(''),
        retention: packRetentionSchema.optional(),
        quotes: quotes()
      })
    )
    .default([]),
  specialCategories: z
    .array(
      z.strictObject({
        id: itemId(),
        category: z.enum(keysOf(SPECIAL_CATEGORY_LABELS)),
        condition: z.enum(keysOf(ART9_CONDITION_LABELS)).optional(),
        quotes: quotes()
      })
    )
    .default([]),
  /** The policy's stance where it says it does not collect sensitive data, kept as evidence. */
  sensitiveDataStance: z.strictObject({ statement: nonEmpty(2000), quotes: quotes() }).optional(),
  retention: packRetentionSchema.optional(),
  recipients: z
    .array(z.strictObject({ id: itemId(), name: nonEmpty(500), type: z.enum(keysOf(RECIPIENT_TYPE_LABELS)), quotes: quotes() }))
    .default([]),
  subProcessors: z
    .array(z.strictObject({ id: itemId(), name: nonEmpty(500), service: str(1000).default(''), country: str(200).optional(), quotes: quotes() }))
    .default([]),
  transfers: z
    .array(
      z.strictObject({
        id: itemId(),
        recipient: nonEmpty(500),
        country: nonEmpty(300),
        /** Format 1: the single safeguard, read into mechanism and instrument on instantiation. */
        safeguard: z.enum(keysOf(SAFEGUARD_LABELS)).optional(),
        mechanism: z.enum(keysOf(TRANSFER_MECHANISM_LABELS)).optional(),
        instrument: z.enum(keysOf(TRANSFER_INSTRUMENT_LABELS)).optional(),
        sccModule: z.enum(keysOf(SCC_MODULE_LABELS)).optional(),
        derogation: z.enum(keysOf(ART49_DEROGATION_LABELS)).optional(),
        quotes: quotes()
      })
    )
    .default([]),
  securityMeasures: z
    .strictObject({ measures: z.array(z.enum(keysOf(SECURITY_MEASURE_LABELS))).default([]), description: str(4000).default(''), quotes: quotes() })
    .optional(),
  ageLimit: z.strictObject({ minimumAge: z.number().int().min(0).max(120), quotes: quotes() }).optional(),
  automatedDecisionMaking: z.strictObject({ exists: z.boolean(), description: str(2000).default(''), quotes: quotes() }).optional(),
  dataSource: z.strictObject({ description: nonEmpty(2000), quotes: quotes() }).optional(),
  gaps: z.array(gapSchema).default([])
})
export type ActivityTemplate = z.infer<typeof activityTemplateSchema>

export const templatePackSchema = z
  .strictObject({
    $schema: str(500).optional(),
    formatVersion: z.union(READABLE_PACK_FORMAT_VERSIONS.map((version) => z.literal(version)), {
      message: schemaMessage('schema.formatVersion', { oldest: READABLE_PACK_FORMAT_VERSIONS[0], newest: PACK_FORMAT_VERSION })
    }),
    id: slug(),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, schemaMessage('schema.version')),
    vendor: z.strictObject({
      name: nonEmpty(300),
      legalEntities: z.array(z.strictObject({ name: nonEmpty(300), address: str(1000).optional(), quotes: quotes() })).min(1),
      privacyContact: contact.optional(),
      dpoContact: contact.optional(),
      euRepresentative: contact.optional(),
      ukRepresentative: contact.optional(),
      controllerFor: z.array(z.strictObject({ description: nonEmpty(1000), quotes: quotes() })).default([]),
      processorFor: z.array(z.strictObject({ description: nonEmpty(1000), quotes: quotes() })).default([])
    }),
    source: z.strictObject({
      title: nonEmpty(500),
      url: str(2000).optional(),
      effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
      lastUpdated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
      /** SHA-256 (hex) of the policy text shipped in templates/sources/. */
      sha256: sha256(),
      /** File name of the policy text under templates/sources/; empty for a user-authored pack. */
      file: str(200).default('')
    }),
    /** Format 2: the vendor documents the quotes come from, embedded (see packSourceSchema). */
    sources: z.array(packSourceSchema).default([]),
    activities: z.array(activityTemplateSchema).min(1, schemaMessage('schema.noActivity'))
  })
  .superRefine((pack, context) => {
    if (!isUserAuthoredSource(pack.source)) {
      for (const path of emptyQuoteLists(pack)) context.addIssue({ code: 'custom', path, ...customIssue('schema.quoteMissing') })
    }
    const seen = new Set<string>()
    pack.activities.forEach((activity, index) => {
      if (seen.has(activity.id)) {
        context.addIssue({ code: 'custom', path: ['activities', index, 'id'], ...customIssue('schema.duplicateActivityId', { id: activity.id }) })
      }
      seen.add(activity.id)
    })
  })
export type TemplatePack = z.infer<typeof templatePackSchema>

/** SHA-256 of the empty text: the `source.sha256` of a pack that has no policy behind it. */
export const EMPTY_TEXT_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

/**
 * A pack a DPO authored in the app (from their own records): no policy file and the hash of
 * an empty text. Its values may come without quotes, since there is no policy to quote.
 */
export function isUserAuthoredSource(source: { file: string; sha256: string }): boolean {
  return source.file === '' && source.sha256 === EMPTY_TEXT_SHA256
}

/** Paths of the quote lists that are empty; a gap may have none (silence has nothing to quote). */
function emptyQuoteLists(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((item, index) => emptyQuoteLists(item, [...path, index]))
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, child]) => {
    if (key === 'gaps') return []
    if ((key === 'quotes' || key === 'roleQuotes') && Array.isArray(child)) return child.length === 0 ? [[...path, key]] : []
    return emptyQuoteLists(child, [...path, key])
  })
}
