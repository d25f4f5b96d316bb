/**
 * Bringing a record made from one version of a template up to a newer version, field by field.
 * For each field the newer version changes: the record's current value, the value its origin
 * version gave it and the value the new version gives, with the quotes behind both. The DPO
 * takes over or keeps each field; evidence the record no longer relies on moves to its
 * `supersededEvidence` (kept with the record, so that backups, exports and the compare view carry
 * it, and the audit entry of the upgrade records the move too), and its origin becomes the new
 * version. Pure.
 */
import { describeFieldPath, describeFieldValue } from '../records/field-names'
import { perspectiveOf, type DataCategory, type Evidence, type OpenItem, type Origin, type RecordForm, type SupersededEvidence } from '../records/model'
import { retentionText } from '../workbook/register-sheets'
import { recordFromActivity } from './instantiate'
import type { TemplatePack } from './pack-schema'
import { normaliseQuote, quoteSlots } from './quote-changes'
import { upgradePack } from './pack-upgrade'

/** The record fields a template fills, in the editor's order. */
export const UPGRADE_FIELDS = [
  'name',
  'description',
  'role',
  'purposes',
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
  /** Every quote of the activity in the new version (whitespace-normalised). */
  incomingActivityQuotes: string[]
}

/** The record as a version of its template makes it, from the record's own perspective (the one place that calls the instantiation). */
export function formFromVersion(pack: TemplatePack, origin: Origin): RecordForm {
  return recordFromActivity(pack, origin.activityId, perspectiveOf(origin))
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

/** A field's value in words, one line per item, nothing cut. */
export function valueLines(field: UpgradeField, value: unknown): string[] {
  if (field === 'dataCategories' && Array.isArray(value)) {
    return value.length === 0
      ? ['(none)']
      : (value as DataCategory[]).map((category) => `${describeFieldValue('term', category.term)}${category.description ? ` — “${category.description}”` : ''}; Retention: ${retentionText(category.retention)}`)
  }
  if (Array.isArray(value)) return value.length === 0 ? ['(none)'] : value.map((item) => describeFieldValue(field, withoutIds(item)))
  return [describeFieldValue(field, withoutIds(value))]
}

const topField = (path: string) => path.split('.')[0] ?? ''

function quotesFor(evidence: readonly Evidence[], field: string): string[] {
  return [...new Set(evidence.filter((entry) => topField(entry.field) === field).flatMap((entry) => entry.quotes))]
}

/** What bringing `record` from its origin version (`originPack`, when kept) to `incoming` involves. */
export function planRecordUpgrade(record: RecordForm, originPack: TemplatePack | undefined, incoming: TemplatePack): RecordUpgradePlan {
  const origin = record.origin
  if (!origin || origin.packId !== incoming.id) throw new Error(`The record was not made from template pack ${incoming.id}.`)
  const base = { packId: incoming.id, activityId: origin.activityId, fromVersion: origin.packVersion, toVersion: incoming.version }
  const originForm = originPack?.activities.some((activity) => activity.id === origin.activityId) ? formFromVersion(originPack, origin) : undefined
  if (!incoming.activities.some((activity) => activity.id === origin.activityId)) {
    return { ...base, originKnown: originForm !== undefined, activityRemoved: true, fields: [], newOpenItems: [], incomingForm: null, incomingActivityQuotes: [] }
  }
  const incomingForm = formFromVersion(incoming, origin)
  const fields: FieldComparison[] = []
  for (const field of UPGRADE_FIELDS) {
    const originQuotes = originForm ? quotesFor(originForm.evidence, field) : quotesFor(record.evidence, field)
    const incomingQuotes = quotesFor(incomingForm.evidence, field)
    const vendorChanged = !originForm || !sameContent(originForm[field], incomingForm[field]) || JSON.stringify(originQuotes) !== JSON.stringify(incomingQuotes)
    if (!vendorChanged) continue
    const sameAsNew = sameContent(record[field], incomingForm[field])
    // Nothing to decide: the record says what the new version says, with the same words behind it.
    if (sameAsNew && JSON.stringify(quotesFor(record.evidence, field)) === JSON.stringify(incomingQuotes)) continue
    fields.push({
      field,
      label: describeFieldPath(field),
      currentText: valueLines(field, record[field]),
      originText: originForm ? valueLines(field, originForm[field]) : undefined,
      incomingText: valueLines(field, incomingForm[field]),
      originQuotes,
      incomingQuotes,
      changedByYou: !originForm || !sameContent(record[field], originForm[field]),
      sameAsNew
    })
  }
  // The same point in the same words is already listed, even where a moved item renumbered its field.
  const listed = new Set(record.openItems.map((item) => item.note))
  const newOpenItems = incomingForm.openItems.filter((item) => !listed.has(item.note))
  const incomingActivity = upgradePack(incoming).activities.find((activity) => activity.id === origin.activityId)
  const incomingActivityQuotes = incomingActivity ? [...new Set([...quoteSlots(incomingActivity).values()].flat().map(normaliseQuote))] : []
  return { ...base, originKnown: originForm !== undefined, activityRemoved: false, fields, newOpenItems, incomingForm, incomingActivityQuotes }
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
  if (!incomingForm || plan.activityRemoved) throw new Error(`Version ${plan.toVersion} of template pack ${plan.packId} no longer has the activity "${plan.activityId}": there is nothing to take over.`)
  const next = structuredClone(record)
  const planned = new Set(plan.fields.map((comparison) => comparison.field))
  const refreshed = new Set<string>()
  for (const field of UPGRADE_FIELDS) {
    if (choices[field] === 'take' && planned.has(field)) {
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
