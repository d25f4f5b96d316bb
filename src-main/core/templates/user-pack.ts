/**
 * Templates made from the organisation's own records: the user pack that holds them (one per
 * organisation, a new minor version per template added) and the activity template a saved
 * record becomes.
 */
import { activityTitle, isUnsettled, type Organisation, type StoredRecord } from '../records/model'
import { EMPTY_TEXT_SHA256, PACK_FORMAT_VERSION, type ActivityTemplate, type TemplatePack } from './pack-schema'
import { upgradeActivity } from './pack-upgrade'
import { parseGapNote } from './record-words'
import { slugify } from './slug'

export { slugify }

export function bumpMinor(version: string): string {
  const [major = 0, minor = 0] = version.split('.').map(Number)
  return `${major}.${minor + 1}.0`
}

/** The organisation's own pack before its first template: its vendor is the organisation. */
export function newUserPack(id: string, organisation: Organisation): TemplatePack {
  const { controller } = organisation
  const email = controller.email.trim()
  return {
    formatVersion: PACK_FORMAT_VERSION,
    id,
    version: '1.0.0',
    vendor: {
      name: controller.name,
      legalEntities: [{ name: controller.name, ...(controller.address.trim() ? { address: controller.address.trim() } : {}), quotes: [] }],
      ...(email ? { privacyContact: { email, quotes: [] } } : {}),
      controllerFor: [],
      processorFor: []
    },
    source: { title: `Templates authored by ${controller.name}`, sha256: EMPTY_TEXT_SHA256, file: '' },
    sources: [],
    activities: []
  }
}

/** The record's evidence quotes for `field` and every field inside it, without repeats. */
function quotesUnder(record: StoredRecord, field: string, exact = false): string[] {
  const matching = record.evidence.filter((item) => item.field === field || (!exact && item.field.startsWith(`${field}.`)))
  return [...new Set(matching.flatMap((item) => item.quotes))]
}

/** An open item's record field as the template field recordFromActivity maps back from. */
function templateFieldOf(recordField: string): string {
  const [head, ...rest] = recordField.split('.')
  const renamed = head === 'source' ? 'dataSource' : head === 'securityDescription' ? 'securityMeasures.description' : head
  return [renamed, ...rest].join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]')
}

/**
 * An activity template made from a record: every field the pack format has that the record
 * fills, with the record's evidence quotes where it has them, and its unresolved open items
 * as gaps. Values a DPO typed themselves carry no quote.
 */
export function activityFromRecord(record: StoredRecord, takenIds: ReadonlySet<string> = new Set()): ActivityTemplate {
  const base = slugify(record.name, 'activity')
  let id = base
  for (let suffix = 2; takenIds.has(id); suffix++) id = `${base}-${suffix}`
  const optional = <T,>(value: T | '' | undefined): T | undefined => (value === '' ? undefined : value)
  // A pack names every item; an item the record does not name yet stays out, as a gap the template says it has.
  const blankGaps: ActivityTemplate['gaps'] = []
  const named = <T,>(list: readonly T[], field: string, what: string, missing: string, nameOf: (item: T) => string): [T, number][] =>
    list.flatMap((item, index): [T, number][] => {
      if (nameOf(item).trim() !== '') return [[item, index]]
      blankGaps.push({ field, kind: 'silent', note: `${what} ${index + 1} of the record had no ${missing} yet, so it is not in this template.`, quotes: [] })
      return []
    })

  const activity: ActivityTemplate = {
    id,
    name: activityTitle(record.name),
    description: record.description,
    role: record.role,
    roleQuotes: quotesUnder(record, 'role'),
    purposes: named(record.purposes, 'purposes', 'Purpose', 'description', (purpose) => purpose.description).map(([purpose, index]) => ({
      description: purpose.description,
      uses: [...purpose.uses],
      lawfulBasis: optional(purpose.lawfulBasis),
      legitimateInterest: optional(purpose.legitimateInterest.trim()),
      quotes: quotesUnder(record, `purposes.${index}`)
    })),
    dataSubjects: record.dataSubjects.map((term, index) => ({ term, quotes: quotesUnder(record, `dataSubjects.${index}`) })),
    dataCategories: named(record.dataCategories, 'dataCategories', 'Data category', 'category chosen', (category) => category.term).map(([category, index]) => {
      const { retention } = category
      const quotes = quotesUnder(record, `dataCategories.${index}.retention`)
      // Not stated stays out of the pack, as a policy would leave it.
      const endAction = retention.endAction === '' ? {} : { endAction: retention.endAction }
      const packRetention: ActivityTemplate['retention'] =
        retention.mode === 'period' && retention.period !== null
          ? { mode: 'period', period: retention.period, unit: retention.unit, ...endAction, ...(retention.fromEvent.trim() ? { fromEvent: retention.fromEvent.trim() } : {}), quotes }
          : retention.mode === 'criterion' && retention.criterion.trim() !== ''
            ? { mode: 'criterion', criterion: retention.criterion, ...endAction, quotes }
            : undefined
      return { term: category.term, wording: category.description, ...(packRetention ? { retention: packRetention } : {}), quotes: quotesUnder(record, `dataCategories.${index}`, true) }
    }),
    specialCategories: record.specialCategories.map((special, index) => ({
      category: special.category,
      condition: optional(special.condition),
      quotes: quotesUnder(record, `specialCategories.${index}`)
    })),
    recipients: named(record.recipients, 'recipients', 'Recipient', 'name', (recipient) => recipient.name).map(([recipient, index]) => ({ name: recipient.name, type: recipient.type, quotes: quotesUnder(record, `recipients.${index}`) })),
    subProcessors: [],
    transfers: named(record.transfers, 'transfers', 'Transfer', 'recipient or country', (transfer) => (transfer.recipient.trim() && transfer.country.trim() ? transfer.country : '')).map(([transfer, index]) => ({
      recipient: transfer.recipient,
      country: transfer.country,
      ...(transfer.mechanism ? { mechanism: transfer.mechanism } : {}),
      ...(transfer.instrument ? { instrument: transfer.instrument } : {}),
      ...(transfer.sccModule ? { sccModule: transfer.sccModule } : {}),
      ...(transfer.derogation ? { derogation: transfer.derogation } : {}),
      quotes: quotesUnder(record, `transfers.${index}`)
    })),
    gaps: record.openItems
      .filter(isUnsettled)
      .map((item) => {
        // A gap the template wrote (in the record's language) goes back as the pack's own note.
        const gap = parseGapNote(item.note)
        const note = gap?.note ?? item.note.trim()
        return { field: templateFieldOf(item.field), kind: gap?.kind ?? (item.quotes.length > 0 ? 'vague' : 'silent'), note: note || 'Open point carried over from the record', quotes: [...item.quotes] }
      })
  }
  activity.gaps.push(...blankGaps)
  for (const purpose of activity.purposes) {
    if (purpose.lawfulBasis === undefined) delete purpose.lawfulBasis
    if (purpose.legitimateInterest === undefined) delete purpose.legitimateInterest
  }
  for (const special of activity.specialCategories) if (special.condition === undefined) delete special.condition
  if (record.securityMeasures.length > 0 || record.securityDescription.trim() !== '') {
    activity.securityMeasures = {
      measures: [...record.securityMeasures],
      description: record.securityDescription,
      quotes: [...new Set([...quotesUnder(record, 'securityMeasures'), ...quotesUnder(record, 'securityDescription')])]
    }
  }
  if (record.automatedDecisionMaking.exists || record.automatedDecisionMaking.description.trim() !== '') {
    activity.automatedDecisionMaking = { ...record.automatedDecisionMaking, quotes: quotesUnder(record, 'automatedDecisionMaking') }
  }
  if (record.source.trim() !== '') activity.dataSource = { description: record.source, quotes: quotesUnder(record, 'source') }
  // Format 2: stable item ids, and a gap for each transfer whose instrument the record does not name yet.
  return upgradeActivity(activity)
}
