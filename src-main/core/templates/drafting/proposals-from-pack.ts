/**
 * Opens an installed pack in the drafting editor: every value of the pack becomes an accepted
 * proposal at the place its quote stands in the pack's embedded documents (the first that holds
 * it, as the import's check and "Show in policy" find it), so that saving it again gives back the
 * same values. Values whose quote is in none of them cannot be shown; they are counted and named,
 * never dropped silently.
 */
import type { TemplatePack } from '../pack-schema'
import { resolveDestinationCode } from '../../legal/destinations'
import { locateIn, normaliseWithOffsets } from './locate-quote'
import type { DraftField, DraftProposal, DraftValueByField, Span } from './proposal'
import type { DraftSource } from './draft-pack'
import { draftReason } from './draft-reasons'
import { msg, type MessageRef } from '../../i18n/message'

export interface PackInEditor {
  sources: DraftSource[]
  proposals: DraftProposal[]
  /** Values the editor cannot place in the text (quote missing from it), as `draftReasons` messages. */
  unplaced: MessageRef[]
  /** Parts of the pack the editor does not edit; saving keeps them from `pack` (see packFromDraft's `base`); `draftReasons` messages. */
  keptAsTheyAre: MessageRef[]
}

/** The policy text embedded in a pack (format 2): the source the pack is mainly drawn from, else its first; else the installed copy given. */
export function embeddedPolicyText(pack: TemplatePack, installedText = ''): string {
  return (pack.sources.find((source) => source.sha256 === pack.source.sha256) ?? pack.sources[0])?.text ?? installedText
}

/**
 * The documents of a pack the editor shows, in the pack's order: the embedded sources that have
 * text, else the installed copy of a format-1 pack's policy as one privacy-policy source.
 */
export function editorSources(pack: TemplatePack, installedText = ''): DraftSource[] {
  const embedded = pack.sources
    .filter((source) => source.text.trim() !== '')
    .map(({ sha256: _sha256, ...source }): DraftSource => source)
  if (embedded.length > 0) return embedded
  return installedText.trim() === '' ? [] : [{ id: 'policy', kind: 'privacy-policy', title: pack.source.title, text: installedText }]
}

/** An activity's item as the record editor names it (the `labels` catalogue), for the values the editor cannot place. */
const ITEM_LABELS: Record<Exclude<DraftField, 'vendor' | 'activity'>, string> = {
  role: 'labels:field.role',
  purpose: 'labels:item.purposes',
  dataSubject: 'labels:item.dataSubjects',
  dataCategory: 'labels:item.dataCategories',
  retention: 'labels:field.retention',
  recipient: 'labels:item.recipients',
  subProcessor: 'labels:item.subProcessors',
  transfer: 'labels:item.transfers',
  securityMeasure: 'labels:field.securityMeasures'
}

export function proposalsFromPack(pack: TemplatePack, documents: string | readonly DraftSource[]): PackInEditor {
  const sources: DraftSource[] = typeof documents === 'string' ? [{ id: 'policy', kind: 'privacy-policy', title: pack.source.title, text: documents }] : [...documents]
  const normalisedSources = sources.map((source) => ({ source, normalised: normaliseWithOffsets(source.text) }))
  /** Where a quote stands: the first document that holds it. */
  const locate = (quote: string): { span: Span; source: DraftSource } | null => {
    for (const { source, normalised } of normalisedSources) {
      const span = locateIn(normalised, quote)
      if (span) return { span, source }
    }
    return null
  }
  const proposals: DraftProposal[] = []
  const unplaced: MessageRef[] = []
  const reason = draftReason('fromPack', { id: pack.id, version: pack.version })
  let counter = 0
  /** `what`: the vendor's legal entity, or an item of an activity (named by the editor's label for it). */
  const add = <F extends DraftField>(field: F, value: DraftValueByField[F], quotes: readonly string[], what: { vendor: string } | { activity: string; item: Exclude<DraftField, 'vendor' | 'activity'> }, activity?: string): void => {
    const list = quotes.length > 0 ? quotes : []
    const missing = (quote?: string): MessageRef => {
      const excerpt: Record<string, string> = quote === undefined ? {} : { quote: quote.slice(0, 60) }
      if ('vendor' in what) return draftReason(quote === undefined ? 'vendorNoQuote' : 'vendorQuoteNotInText', { name: what.vendor, ...excerpt })
      return draftReason(quote === undefined ? 'itemNoQuote' : 'itemQuoteNotInText', { activity: what.activity, item: msg(ITEM_LABELS[what.item]), ...excerpt })
    }
    if (list.length === 0) unplaced.push(missing())
    for (const quote of list) {
      const found = locate(quote)
      if (!found) {
        unplaced.push(missing(quote))
        continue
      }
      counter += 1
      proposals.push({
        id: `${field}-pack-${counter}`,
        field,
        value,
        span: found.span,
        source: found.source.id,
        quote: found.source.text.slice(found.span.start, found.span.end),
        reason,
        ...(activity ? { activity } : {})
      } as DraftProposal)
    }
  }

  for (const entity of pack.vendor.legalEntities) add('vendor', { name: entity.name }, entity.quotes, { vendor: entity.name })
  for (const activity of pack.activities) {
    const activityId = `activity-pack-${activity.id}`
    const headingQuote = activity.roleQuotes[0] ?? activity.purposes[0]?.quotes[0]
    const heading = headingQuote ? locate(headingQuote) : null
    if (heading) {
      proposals.push({
        id: activityId,
        field: 'activity',
        value: { name: activity.name },
        span: heading.span,
        source: heading.source.id,
        quote: heading.source.text.slice(heading.span.start, heading.span.end),
        reason
      })
    } else unplaced.push(draftReason('activityNotInText', { name: activity.name }))
    const of = heading ? activityId : undefined
    add('role', { role: activity.role }, activity.roleQuotes.slice(0, 1), { activity: activity.name, item: 'role' }, of)
    for (const purpose of activity.purposes) {
      const value = {
        description: purpose.description,
        uses: purpose.uses,
        ...(purpose.lawfulBasis ? { lawfulBasis: purpose.lawfulBasis } : {}),
        ...(purpose.legitimateInterest ? { legitimateInterest: purpose.legitimateInterest } : {})
      }
      add('purpose', value, purpose.quotes, { activity: activity.name, item: 'purpose' }, of)
    }
    for (const subject of activity.dataSubjects) add('dataSubject', { term: subject.term, wording: '' }, subject.quotes, { activity: activity.name, item: 'dataSubject' }, of)
    for (const category of activity.dataCategories) add('dataCategory', { term: category.term, wording: category.wording }, category.quotes, { activity: activity.name, item: 'dataCategory' }, of)
    const retention = activity.retention
    if (retention) {
      const value: DraftValueByField['retention'] =
        retention.mode === 'period' && retention.period && retention.unit
          ? { mode: 'period', period: retention.period, unit: retention.unit, ...(retention.fromEvent ? { fromEvent: retention.fromEvent } : {}), ...(retention.endAction ? { endAction: retention.endAction } : {}) }
          : { mode: 'criterion', criterion: retention.criterion ?? '', ...(retention.endAction ? { endAction: retention.endAction } : {}) }
      add('retention', value, retention.quotes.slice(0, 1), { activity: activity.name, item: 'retention' }, of)
    }
    for (const recipient of activity.recipients) add('recipient', { name: recipient.name, type: recipient.type }, recipient.quotes, { activity: activity.name, item: 'recipient' }, of)
    for (const processor of activity.subProcessors) {
      add('subProcessor', { name: processor.name, ...(processor.service ? { service: processor.service } : {}), ...(processor.country ? { country: processor.country } : {}) }, processor.quotes, { activity: activity.name, item: 'subProcessor' }, of)
    }
    for (const transfer of activity.transfers) {
      add(
        'transfer',
        {
          country: transfer.country,
          countryCode: resolveDestinationCode(transfer.country),
          ...(transfer.mechanism ? { mechanism: transfer.mechanism } : {}),
          ...(transfer.instrument ? { instrument: transfer.instrument } : {}),
          ...(transfer.sccModule ? { sccModule: transfer.sccModule } : {})
        },
        transfer.quotes,
        { activity: activity.name, item: 'transfer' },
        of
      )
    }
    const security = activity.securityMeasures
    if (security) {
      const [firstQuote, ...otherQuotes] = security.quotes
      for (const measure of security.measures) add('securityMeasure', { measure }, firstQuote ? [firstQuote] : [], { activity: activity.name, item: 'securityMeasure' }, of)
      const descriptionQuotes = security.measures.length > 0 ? otherQuotes : security.quotes
      if (descriptionQuotes.length > 0 || security.measures.length === 0) add('securityMeasure', {}, descriptionQuotes, { activity: activity.name, item: 'securityMeasure' }, of)
    }
  }
  const keptAsTheyAre = [
    ...(pack.activities.some((activity) => activity.gaps.some((gap) => !/[[.]/.test(gap.field))) ? [draftReason('kept.fieldGaps')] : []),
    ...(pack.vendor.privacyContact || pack.vendor.dpoContact || pack.vendor.euRepresentative || pack.vendor.ukRepresentative ? [draftReason('kept.contacts')] : []),
    ...(pack.activities.some((activity) => activity.specialCategories.length > 0) ? [draftReason('kept.specialCategories')] : []),
    ...(pack.activities.some((activity) => activity.dataCategories.some((category) => category.retention)) ? [draftReason('kept.retentionPerCategory')] : []),
    ...(pack.activities.some((activity) => activity.ageLimit || activity.automatedDecisionMaking || activity.dataSource || activity.sensitiveDataStance) ? [draftReason('kept.statements')] : [])
  ]
  // In the pack's own order, so that saving keeps its activities in that order.
  return { sources, proposals, unplaced, keptAsTheyAre }
}
