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

export interface PackInEditor {
  sources: DraftSource[]
  proposals: DraftProposal[]
  /** Values the editor cannot place in the text (quote missing from it), in words. */
  unplaced: string[]
  /** Parts of the pack the editor does not edit; saving keeps them from `pack` (see packFromDraft's `base`). */
  keptAsTheyAre: string[]
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
  const unplaced: string[] = []
  let counter = 0
  const add = <F extends DraftField>(field: F, value: DraftValueByField[F], quotes: readonly string[], what: string, activity?: string): void => {
    const list = quotes.length > 0 ? quotes : []
    if (list.length === 0) unplaced.push(`${what}: no quote`)
    for (const quote of list) {
      const found = locate(quote)
      if (!found) {
        unplaced.push(`${what}: quote not in the text (“${quote.slice(0, 60)}”)`)
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
        reason: `from pack ${pack.id} ${pack.version}`,
        ...(activity ? { activity } : {})
      } as DraftProposal)
    }
  }

  for (const entity of pack.vendor.legalEntities) add('vendor', { name: entity.name }, entity.quotes, `Vendor “${entity.name}”`)
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
        reason: `from pack ${pack.id} ${pack.version}`
      })
    } else unplaced.push(`Activity “${activity.name}”: its quotes are not in the text`)
    const of = heading ? activityId : undefined
    add('role', { role: activity.role }, activity.roleQuotes.slice(0, 1), `${activity.name} › Role`, of)
    for (const purpose of activity.purposes) {
      const value = {
        description: purpose.description,
        uses: purpose.uses,
        ...(purpose.lawfulBasis ? { lawfulBasis: purpose.lawfulBasis } : {}),
        ...(purpose.legitimateInterest ? { legitimateInterest: purpose.legitimateInterest } : {})
      }
      add('purpose', value, purpose.quotes, `${activity.name} › Purpose`, of)
    }
    for (const subject of activity.dataSubjects) add('dataSubject', { term: subject.term, wording: '' }, subject.quotes, `${activity.name} › Data subject`, of)
    for (const category of activity.dataCategories) add('dataCategory', { term: category.term, wording: category.wording }, category.quotes, `${activity.name} › Data category`, of)
    const retention = activity.retention
    if (retention) {
      const value: DraftValueByField['retention'] =
        retention.mode === 'period' && retention.period && retention.unit
          ? { mode: 'period', period: retention.period, unit: retention.unit, ...(retention.fromEvent ? { fromEvent: retention.fromEvent } : {}), ...(retention.endAction ? { endAction: retention.endAction } : {}) }
          : { mode: 'criterion', criterion: retention.criterion ?? '', ...(retention.endAction ? { endAction: retention.endAction } : {}) }
      add('retention', value, retention.quotes.slice(0, 1), `${activity.name} › Retention`, of)
    }
    for (const recipient of activity.recipients) add('recipient', { name: recipient.name, type: recipient.type }, recipient.quotes, `${activity.name} › Recipient`, of)
    for (const processor of activity.subProcessors) {
      add('subProcessor', { name: processor.name, ...(processor.service ? { service: processor.service } : {}), ...(processor.country ? { country: processor.country } : {}) }, processor.quotes, `${activity.name} › Sub-processor`, of)
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
        `${activity.name} › Transfer`,
        of
      )
    }
    const security = activity.securityMeasures
    if (security) {
      const [firstQuote, ...otherQuotes] = security.quotes
      for (const measure of security.measures) add('securityMeasure', { measure }, firstQuote ? [firstQuote] : [], `${activity.name} › Security`, of)
      const descriptionQuotes = security.measures.length > 0 ? otherQuotes : security.quotes
      if (descriptionQuotes.length > 0 || security.measures.length === 0) add('securityMeasure', {}, descriptionQuotes, `${activity.name} › Security`, of)
    }
  }
  const keptAsTheyAre = [
    ...(pack.activities.some((activity) => activity.gaps.some((gap) => !/[[.]/.test(gap.field))) ? ['gaps on whole fields, with their notes (gaps on single items are made anew)'] : []),
    ...(pack.vendor.privacyContact || pack.vendor.dpoContact || pack.vendor.euRepresentative || pack.vendor.ukRepresentative ? ['vendor contacts'] : []),
    ...(pack.activities.some((activity) => activity.specialCategories.length > 0) ? ['special categories'] : []),
    ...(pack.activities.some((activity) => activity.dataCategories.some((category) => category.retention)) ? ['retention per data category'] : []),
    ...(pack.activities.some((activity) => activity.ageLimit || activity.automatedDecisionMaking || activity.dataSource || activity.sensitiveDataStance) ? ['age limit, automated decisions, data source and sensitive-data statements'] : [])
  ]
  // In the pack's own order, so that saving keeps its activities in that order.
  return { sources, proposals, unplaced, keptAsTheyAre }
}
