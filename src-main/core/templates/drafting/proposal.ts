/**
 * What the drafting assistant proposes: one value for one field of a pack, with the verbatim
 * text it was read from. Nothing here is guessed: a value the text does not state stays out.
 */
import type {
  LawfulBasis,
  RecordRole,
  RecipientType,
  RetentionEndAction,
  RetentionUnit,
  SccModule,
  SecurityMeasure,
  TransferInstrument,
  TransferMechanism
} from '../../records/enums'
import type { Span } from './segment'
import type { MessageRef } from '../../i18n/message'
import EN_DRAFTING from '../../i18n/locales/en/drafting.json'

export type { Span }

/** The fields' English names, as the drafting screen says them (the CLI's report, problem paths). */
export const DRAFT_FIELD_LABELS = EN_DRAFTING.fields
export type DraftField = keyof typeof DRAFT_FIELD_LABELS
export const DRAFT_FIELDS = Object.keys(DRAFT_FIELD_LABELS) as DraftField[]

export type DraftRetention =
  | { mode: 'period'; period: number; unit: RetentionUnit; fromEvent?: string; endAction?: RetentionEndAction }
  | { mode: 'criterion'; criterion: string; endAction?: RetentionEndAction }

export interface DraftValueByField {
  vendor: { name: string }
  role: { role: RecordRole }
  activity: { name: string }
  dataCategory: { term: string; wording: string }
  dataSubject: { term: string; wording: string }
  purpose: { description: string; uses: string[]; lawfulBasis?: LawfulBasis; /** For basis (f): the interest as the policy words it. */ legitimateInterest?: string }
  retention: DraftRetention
  recipient: { name: string; type: RecipientType }
  subProcessor: { name: string; service?: string; country?: string }
  transfer: {
    /** The destination as the policy names it, or '' where it names none. */
    country: string
    /** ISO 3166-1 alpha-2 of `country`, or ''. */
    countryCode: string
    mechanism?: TransferMechanism
    instrument?: TransferInstrument
    sccModule?: SccModule
  }
  /** `measure` absent: the sentence describes security without naming a listed measure. */
  securityMeasure: { measure?: SecurityMeasure }
}

export type DraftProposal = {
  [F in DraftField]: {
    /** Stable within one draft of one text. */
    id: string
    field: F
    value: DraftValueByField[F]
    span: Span
    /** Exactly `text.slice(span.start, span.end)`: the sentence, kept in the pack as the evidence. */
    quote: string
    /** The words within the span that name the value, highlighted in the text. */
    focus?: Span
    /** The id of the source document (`DraftSource.id`) the span is in; without it, the first source. */
    source?: string
    /** The id of the activity proposal this item belongs to; without it, the activity above it in the text. */
    activity?: string
    /** Why the assistant proposes it ("names “email address”"), a `draftReasons` message said in the reader's language. */
    reason: MessageRef
  }
}[DraftField]

export type ProposalOf<F extends DraftField> = Extract<DraftProposal, { field: F }>

/** A field the assistant found nothing for: a gap where the policy may be silent. */
export interface DraftGap {
  field: DraftField
  /** A `draftReasons` message. */
  note: MessageRef
}

export interface Draft {
  proposals: DraftProposal[]
  gaps: DraftGap[]
}
