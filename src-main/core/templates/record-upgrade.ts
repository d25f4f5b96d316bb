/**
 * Bringing a record made from one version of a template up to a newer version, field by field.
 * For each field the newer version changes: the record's current value, the value its origin
 * version gave it and the value the new version gives, with the quotes behind both. The DPO
 * takes over or keeps each field; evidence the record no longer relies on moves to its
 * `supersededEvidence` (kept with the record, so that backups, exports and the compare view carry
 * it, and the audit entry of the upgrade records the move too), and its origin becomes the new
 * version. Records made from the DPO's side hold the vendor's purposes and lawful bases as
 * `suggestions`: a newer version's are compared like any field, and taking them over never
 * undoes a suggestion the DPO already confirmed or dismissed (see `mergeSuggestions`). Labels
 * and values are said in the interface's language; the texts the template writes into the record
 * in the record's own (`origin.locale`), so that they compare with what it first wrote. Pure.
 */
import type { Locale } from '../i18n'
import { describeFieldPathIn } from '../i18n/catalogues'
import { MessageError } from '../i18n/message-error'
import { perspectiveOf, type DataCategory, type Evidence, type OpenItem, type Origin, type RecordForm, type Suggestion, type SupersededEvidence } from '../records/model'
import { recordText } from '../workbook/layouts/record-text'
import { recordFromActivity } from './instantiate'
import type { TemplatePack } from './pack-schema'
import { normaliseQuote, quoteSlots } from './quote-changes'
import { upgradePack } from './pack-upgrade'
import { recordTextRef } from './record-words'
import { colon, describeValueIn, enumLabelIn, templateText } from './template-text'

/** The record fields a template fills, in the editor's order. */
export const UPGRADE_FIELDS = [
  'name',
  'description',
  'role',
  'purposes',
  'suggestions',
  'dataSubjects',
  'dataCategories',
  'specialCategories',
  'criminalOffenceData',
  'recipients',
  'transfers',
  'securityMeasures',
  'securityDescription',
  'automatedDecisionMaking',
  'source'
] as const satisfies ReadonlyArray<keyof RecordForm>
export type UpgradeField = (typeof UPGRADE_FIELDS)[number]
export type FieldChoice = 'take' | 'keep'

export interface FieldComparison {
  field: UpgradeField
  /** The field in the editor's words. */
  label: string
  /** One line per item (or one for a single value), in words, in full. */
  currentText: string[]
  /** Undefined when the origin version is not kept in this app. */
  originText: string[] | undefined
  incomingText: string[]
  originQuotes: string[]
  incomingQuotes: string[]
  /** The record's value differs from what its origin version gave it (or that version is unknown). */
  changedByYou: boolean
  /** The record already holds the new version's value. */
  sameAsNew: boolean
  /**
   * Suggestions only: the origin version's suggestions the DPO has already decided (no longer
   * offered in the record), which taking over leaves decided.
   */
  decided?: DecidedSuggestion[]
}

export interface DecidedSuggestion {
  /** The suggestion in words, as the origin version offered it. */
  text: string
  /** 'confirmed': the record has a purpose in its words; 'dismissed': it has not. */
  outcome: 'confirmed' | 'dismissed'
  /** The new version still offers it in the same words (otherwise it is offered again, reworded, or no longer). */
  stillOffered: boolean
}

export interface RecordUpgradePlan {
  packId: string
  activityId: string
  fromVersion: string
  toVersion: string
  /** False when the origin version is not kept: its values cannot be shown. */
  originKnown: boolean
  /** The new version no longer has the record's activity: nothing can be taken over. */
  activityRemoved: boolean
  /** Every field the new version changes (value or quotes), in the editor's order. */
  fields: FieldComparison[]
  /** Open points of the new version the record does not list yet; added by the upgrade. */
  newOpenItems: OpenItem[]
  /** The record as the new version makes it: what "take over" copies from. */
  incomingForm: RecordForm | null
  /** The record as its origin version made it (when kept): which suggestions the DPO has decided since. */
  originForm?: RecordForm
  /** Every quote of the activity in the new version (whitespace-normalised). */
  incomingActivityQuotes: string[]
}

/** The record as a version of its template makes it, from the record's own perspective and in its language (the one place that calls the instantiation). */
export function formFromVersion(pack: TemplatePack, origin: Origin): RecordForm {
  return recordFromActivity(pack, origin.activityId, perspectiveOf(origin), { locale: origin.locale ?? 'en' })
}

/** A value without the app's item ids (random per instantiation), so that two versions compare. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'id')
      .map(([key, inner]) => [key, withoutIds(inner)])
  )
}
/** Compares content: item ids aside, and a list in another order is the same list. */
function sameContent(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown) => {
    const plain = withoutIds(value)
    return JSON.stringify(Array.isArray(plain) ? plain.map((item) => JSON.stringify(item)).sort() : plain)
  }
  return canonical(a) === canonical(b)
}

/** A field's value in words, one line per item, nothing cut, in one language. */
export function valueLines(field: UpgradeField, value: unknown, locale: Locale = 'en'): string[] {
  const none = [templateText(locale, 'value.none')]
  if (field === 'dataCategories' && Array.isArray(value)) {
    const text = recordText(locale)
    return value.length === 0
      ? none
      : (value as DataCategory[]).map(
          (category) =>
            `${describeValueIn('term', category.term, locale)}${category.description ? ` — ${templateText(locale, 'quoted', { text: category.description })}` : ''}; ${describeFieldPathIn('retention', locale)}${colon(locale)}${text.retentionOf(category.retention)}`
        )
  }
  if (field === 'suggestions') return Array.isArray(value) && value.length > 0 ? (value as Suggestion[]).map((suggestion) => suggestionText(suggestion, locale)) : none
  if (Array.isArray(value)) return value.length === 0 ? none : value.map((item) => describeValueIn(field, withoutIds(item), locale))
  return [describeValueIn(field, withoutIds(value), locale)]
}

/** "Purpose “Analytics” (uses: …), lawful basis: Legitimate interests", in one language. */
export function suggestionText(suggestion: Suggestion, locale: Locale = 'en'): string {
  const basis = suggestion.lawfulBasis === '' ? templateText(locale, 'suggestion.noBasis') : enumLabelIn(locale, 'lawfulBasis', suggestion.lawfulBasis)
  return templateText(locale, suggestion.kind === 'purpose' ? 'suggestion.purpose' : 'suggestion.basis', { description: suggestion.description, basis })
}

/** What makes two suggestions the same offer: the vendor's words, not the ids the app gave them. */
const suggestionKey = (suggestion: Suggestion) =>
  JSON.stringify([suggestion.kind, suggestion.description.trim(), [...suggestion.uses].sort(), suggestion.lawfulBasis, suggestion.legitimateInterest.trim(), suggestion.quotes])

/**
 * The origin version's suggestions the DPO has decided: those the record no longer offers.
 * Confirmed when a purpose of the record has the suggestion's words, otherwise dismissed.
 */
function decidedSuggestions(record: RecordForm, originForm: RecordForm, incomingForm: RecordForm, locale: Locale): DecidedSuggestion[] {
  const pending = new Set((record.suggestions ?? []).map(suggestionKey))
  const incoming = new Set((incomingForm.suggestions ?? []).map(suggestionKey))
  const purposes = new Set(record.purposes.map((purpose) => purpose.description.trim()))
  return (originForm.suggestions ?? [])
    .filter((suggestion) => suggestion.kind === 'purpose' && !pending.has(suggestionKey(suggestion)))
    .map((suggestion) => ({
      text: suggestionText(suggestion, locale),
      outcome: purposes.has(suggestion.description.trim()) ? 'confirmed' : 'dismissed',
      stillOffered: incoming.has(suggestionKey(suggestion))
    }))
}

/**
 * Taking over a new version's suggestions: the record offers what the new version offers,
 * except what the DPO already decided in the same words (confirmed or dismissed: not offered
 * again); a suggestion the record still offers keeps its id; one the new version words
 * differently is offered anew; lawful bases offered for the record's own purposes stay.
 */
export function mergeSuggestions(current: readonly Suggestion[], origin: readonly Suggestion[], incoming: readonly Suggestion[]): Suggestion[] {
  const pending = new Map(current.map((suggestion) => [suggestionKey(suggestion), suggestion]))
  const decided = new Set(origin.map(suggestionKey).filter((key) => !pending.has(key)))
  const offered = incoming.filter((suggestion) => !decided.has(suggestionKey(suggestion))).map((suggestion) => structuredClone(pending.get(suggestionKey(suggestion)) ?? suggestion))
  const forOwnPurposes = current.filter((suggestion) => suggestion.kind === 'lawful-basis' && !offered.some((kept) => kept.id === suggestion.id))
  return [...offered, ...forOwnPurposes]
}

const topField = (path: string) => path.split('.')[0] ?? ''

function quotesFor(evidence: readonly Evidence[], field: string): string[] {
  return [...new Set(evidence.filter((entry) => topField(entry.field) === field).flatMap((entry) => entry.quotes))]
}

/** The quotes behind a field of a form: its evidence, or for suggestions their own quotes. */
function quotesOfForm(form: RecordForm, field: UpgradeField): string[] {
  return field === 'suggestions' ? [...new Set((form.suggestions ?? []).flatMap((suggestion) => suggestion.quotes))] : quotesFor(form.evidence, field)
}

/** What bringing `record` from its origin version (`originPack`, when kept) to `incoming` involves, said in `locale`. */
export function planRecordUpgrade(record: RecordForm, originPack: TemplatePack | undefined, incoming: TemplatePack, locale: Locale = 'en'): RecordUpgradePlan {
  const origin = record.origin
  if (!origin || origin.packId !== incoming.id) throw new MessageError(recordTextRef('upgrade.notFromPack', { pack: incoming.id }))
  const base = { packId: incoming.id, activityId: origin.activityId, fromVersion: origin.packVersion, toVersion: incoming.version }
  const originForm = originPack?.activities.some((activity) => activity.id === origin.activityId) ? formFromVersion(originPack, origin) : undefined
  if (!incoming.activities.some((activity) => activity.id === origin.activityId)) {
    return { ...base, originKnown: originForm !== undefined, activityRemoved: true, fields: [], newOpenItems: [], incomingForm: null, incomingActivityQuotes: [] }
  }
  const incomingForm = formFromVersion(incoming, origin)
  const fields: FieldComparison[] = []
  for (const field of UPGRADE_FIELDS) {
    const originQuotes = quotesOfForm(originForm ?? record, field)
    const incomingQuotes = quotesOfForm(incomingForm, field)
    const vendorChanged = !originForm || !sameContent(originForm[field] ?? [], incomingForm[field] ?? []) || JSON.stringify(originQuotes) !== JSON.stringify(incomingQuotes)
    if (!vendorChanged) continue
    // What taking over would give: for suggestions, the new version's less those already decided.
    const taken = field === 'suggestions' ? mergeSuggestions(record.suggestions ?? [], originForm?.suggestions ?? [], incomingForm.suggestions ?? []) : incomingForm[field]
    const sameAsNew = sameContent(record[field] ?? [], taken ?? [])
    // Nothing to decide: the record says what the new version says, with the same words behind it.
    if (sameAsNew && JSON.stringify(quotesOfForm(record, field)) === JSON.stringify(incomingQuotes)) continue
    const decided = field === 'suggestions' && originForm ? decidedSuggestions(record, originForm, incomingForm, locale) : []
    fields.push({
      field,
      label: describeFieldPathIn(field, locale),
      currentText: valueLines(field, record[field], locale),
      originText: originForm ? valueLines(field, originForm[field], locale) : undefined,
      incomingText: valueLines(field, incomingForm[field], locale),
      originQuotes,
      incomingQuotes,
      changedByYou: !originForm || !sameContent(record[field] ?? [], originForm[field] ?? []),
      sameAsNew,
      ...(decided.length > 0 ? { decided } : {})
    })
  }
  // The same point in the same words is already listed, even where a moved item renumbered its field.
  const listed = new Set(record.openItems.map((item) => item.note))
  const newOpenItems = incomingForm.openItems.filter((item) => !listed.has(item.note))
  const incomingActivity = upgradePack(incoming).activities.find((activity) => activity.id === origin.activityId)
  const incomingActivityQuotes = incomingActivity ? [...new Set([...quoteSlots(incomingActivity).values()].flat().map(normaliseQuote))] : []
  return { ...base, originKnown: originForm !== undefined, activityRemoved: false, fields, newOpenItems, incomingForm, ...(originForm ? { originForm } : {}), incomingActivityQuotes }
}

/** "Take over all unchanged by me": every field the DPO has not changed is taken over, the others kept. */
export function takeOverUnchangedChoices(plan: RecordUpgradePlan): Partial<Record<UpgradeField, FieldChoice>> {
  return Object.fromEntries(plan.fields.map((comparison) => [comparison.field, comparison.changedByYou ? 'keep' : 'take']))
}

/**
 * The record brought up to the new version: each field the DPO takes over gets the new value
 * and the new version's evidence; a field that now says what the new version says gets its
 * evidence too; any other evidence whose quotes the new version no longer has moves to
 * `supersededEvidence` (with the version it quoted and when it was replaced). The new version's
 * open points are added, the quote changes are settled, and the origin becomes the new version.
 * A field without a choice is kept.
 */
export function applyRecordUpgrade<T extends RecordForm>(record: T, plan: RecordUpgradePlan, choices: Partial<Record<UpgradeField, FieldChoice>>, replacedAt: string): T {
  const incomingForm = plan.incomingForm
  if (!incomingForm || plan.activityRemoved) throw new MessageError(recordTextRef('upgrade.activityRemoved', { version: plan.toVersion, pack: plan.packId, activity: plan.activityId }))
  const next = structuredClone(record)
  const planned = new Set(plan.fields.map((comparison) => comparison.field))
  const refreshed = new Set<string>()
  for (const field of UPGRADE_FIELDS) {
    if (field === 'suggestions') {
      // Suggestions carry their own quotes, never evidence: nothing to refresh.
      if (choices[field] === 'take' && planned.has(field)) next.suggestions = mergeSuggestions(record.suggestions ?? [], plan.originForm?.suggestions ?? [], incomingForm.suggestions ?? [])
    } else if (choices[field] === 'take' && planned.has(field)) {
      ;(next as RecordForm)[field] = structuredClone(incomingForm[field]) as never
      refreshed.add(field)
    } else if (!planned.has(field) && sameContent(next[field], incomingForm[field])) {
      refreshed.add(field)
    }
  }

  const incomingQuotes = new Set(plan.incomingActivityQuotes)
  // Where in its list the item stands does not matter: the same words for the same field are the same evidence.
  const key = (entry: Evidence) => JSON.stringify([topField(entry.field), entry.quotes, entry.note])
  const incomingKeys = new Set(incomingForm.evidence.map(key))
  const kept: Evidence[] = []
  const superseded: SupersededEvidence[] = []
  for (const entry of record.evidence) {
    const stillSupported = refreshed.has(topField(entry.field)) ? incomingKeys.has(key(entry)) : entry.quotes.every((quote) => incomingQuotes.has(normaliseQuote(quote)))
    if (refreshed.has(topField(entry.field))) {
      if (!stillSupported) superseded.push({ ...entry, packVersion: plan.fromVersion, replacedAt })
    } else if (stillSupported) kept.push(entry)
    else superseded.push({ ...entry, packVersion: plan.fromVersion, replacedAt })
  }
  next.evidence = [...kept, ...incomingForm.evidence.filter((entry) => refreshed.has(topField(entry.field)))]
  next.supersededEvidence = [...(record.supersededEvidence ?? []), ...superseded]
  next.openItems = [...record.openItems, ...plan.newOpenItems]
  next.quoteChanges = []
  // The record keeps how it was made (its perspective); only the version moves on.
  next.origin = { ...(record.origin ?? { packId: plan.packId, activityId: plan.activityId }), packVersion: plan.toVersion }
  return next
}
