/**
 * Turns the proposals an author accepted (and perhaps edited) into a format-2 template pack:
 * the documents the proposals were read from (privacy policy, sub-processor list, DPA...) embedded
 * in `sources` with their SHA-256, every value with its passage quoted verbatim from its own
 * source, ids on every list item, and a gap for each field nothing was accepted for. The result
 * is checked with the same checker as any imported pack (`validatePackText`), quotes included.
 */
import { resolveDestinationCode } from '../../legal/destinations'
import { sha256Hex } from '../../util/sha256'
import type { Problem } from '../../util/problems'
import { PACK_FORMAT_VERSION, type ActivityTemplate, type PackGap, type PackSource, type TemplatePack } from '../pack-schema'
import { slugify } from '../user-pack'
import { validatePackText } from '../validate-pack'
import { upgradePack } from '../pack-upgrade'
import { DRAFT_FIELD_LABELS, type DraftField, type DraftProposal, type ProposalOf } from './proposal'
import EN_DRAFTING from '../../i18n/locales/en/drafting.json'
import type { DraftReasonKey } from '../../i18n/locales/en/draftReasons'
import type { Locale } from '../../i18n'
import { translateMessage } from '../../i18n/catalogues'
import { interpolate, type MessageParam } from '../../i18n/message'
import { inEnglish } from '../../i18n/problem'
import { draftReason } from './draft-reasons'

/** One document the proposals are read from, as the author described it. */
export interface DraftSource {
  /** Unique among the draft's sources (a slug); proposals name it in `source`. */
  id: string
  kind: PackSource['kind']
  /** The document's title, e.g. "Example Privacy Policy". */
  title: string
  text: string
  /** The document's own version wording ("v3"). */
  version?: string
  /** Its date, YYYY-MM-DD. */
  date?: string
  url?: string
}

export type DraftPackInput = {
  /** The proposals the author accepted, with their edits; each in the source its `source` names (the first when none). */
  proposals: readonly DraftProposal[]
  /** The vendor's display name; otherwise the first accepted vendor proposal's. */
  vendorName?: string
  packId?: string
  version?: string
  /** The installed pack being edited: what the editor does not show is kept from it (contacts, special categories...). */
  base?: TemplatePack
  /** The author's language, in which the assistant's notes and names are written into the pack ("Not stated in the policy", gap notes). Default English. */
  locale?: Locale
} & (
  | {
      /** The documents, in the pack's order; its main `source` is the first privacy policy among them (else the first). */
      sources: readonly DraftSource[]
    }
  | {
      /** One policy text: shorthand for a single privacy-policy source with id "policy". */
      text: string
      title: string
      url?: string
    }
)

/** The sources of a draft input, the single-text shorthand made a source. */
export function draftSources(input: DraftPackInput): DraftSource[] {
  if ('sources' in input) return [...input.sources]
  return [{ id: 'policy', kind: 'privacy-policy', title: input.title, text: input.text, ...(input.url ? { url: input.url } : {}) }]
}

/** The source the pack is mainly drawn from (`source` of the pack): its first privacy policy, else the first one. */
export function primarySource<S extends { kind: string }>(sources: readonly S[]): S | undefined {
  return sources.find((source) => source.kind === 'privacy-policy') ?? sources[0]
}

/**
 * Why no pack can be made, in English for the command line (`path`, `message`) and as catalogue
 * keys of the `drafting` namespace for the drafting screen, which says it in its own language.
 */
export interface DraftProblem extends Problem {
  said?: {
    /** A key under `problems.` in drafting.json, with its parameters. */
    key: keyof typeof EN_DRAFTING.problems
    params: Record<string, string | number>
    /** Where: the field the proposal is for, or the document's title, or the documents as a whole. */
    field?: DraftField
    sourceTitle?: string
  }
}

/** A warning about the pack made: in English with its `draftReasons` message, and where (an activity's field) for the screen to name in its own words. */
export interface DraftWarning extends Problem {
  at?: { activity: string; field: DraftField }
}

export type DraftPackResult = { ok: true; pack: TemplatePack; json: string; warnings: DraftWarning[] } | { ok: false; problems: DraftProblem[] }

/** One problem, its English words taken from the drafting screen's English catalogue. */
function problem(key: keyof typeof EN_DRAFTING.problems, params: Record<string, string | number>, where: { field: DraftField } | { sourceTitle: string } | Record<string, never>): DraftProblem {
  const path = 'field' in where ? DRAFT_FIELD_LABELS[where.field] : 'sourceTitle' in where ? interpolate(EN_DRAFTING.problems.sourcePath, { title: where.sourceTitle }) : EN_DRAFTING.problems.sourcesPath
  return { path, message: interpolate(EN_DRAFTING.problems[key], params), said: { key, params, ...where } }
}

const DEFAULT_ACTIVITY_ID = 'policy'

function only<F extends DraftProposal['field']>(proposals: readonly DraftProposal[], field: F): Array<ProposalOf<F>> {
  return proposals.filter((proposal): proposal is ProposalOf<F> => proposal.field === field)
}

/** Quotes without repeats, in the order given. */
function quotesOf(proposals: ReadonlyArray<{ quote: string }>): string[] {
  return [...new Set(proposals.map((proposal) => proposal.quote.trim()).filter((quote) => quote !== ''))]
}

/** Groups items by a key, keeping the first's order, so that one term mentioned twice is one item with two quotes. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    groups.set(key, [...(groups.get(key) ?? []), item])
  }
  return [...groups.values()]
}

/** A drafting text written into the pack, in the author's language. */
const draftText = (locale: Locale, key: DraftReasonKey, params?: Record<string, MessageParam>): string => translateMessage(draftReason(key, params), locale)

/** A gap where the policy says nothing about `what` (a `what.*` key), its note in the author's language. */
function silentGap(locale: Locale, field: string, what: Extract<DraftReasonKey, `what.${string}`>): PackGap {
  return { field, kind: 'silent', note: draftText(locale, 'silentGap', { what: draftReason(what) }), quotes: [] }
}

export function packFromDraft(input: DraftPackInput): DraftPackResult {
  const problems: DraftProblem[] = []
  const sources = draftSources(input)
  const primary = primarySource(sources)
  if (!primary) return { ok: false, problems: [problem('noSource', {}, {})] }
  const seenIds = new Set<string>()
  for (const source of sources) {
    if (seenIds.has(source.id)) problems.push(problem('duplicateSource', { id: source.id }, { sourceTitle: source.title }))
    seenIds.add(source.id)
    if (source.text.trim() === '') problems.push(problem('emptySource', {}, { sourceTitle: source.title }))
  }
  const sourceById = new Map(sources.map((source) => [source.id, source]))
  const sourceIndex = (proposal: DraftProposal): number => sources.findIndex((source) => source.id === (proposal.source ?? sources[0]!.id))
  // In the order given: the text's order for a draft, the pack's own for an edited pack.
  const accepted = [...input.proposals]
  for (const proposal of accepted) {
    const source = sourceById.get(proposal.source ?? sources[0]!.id)
    if (!source) {
      problems.push(problem('unknownSource', { quote: proposal.quote.slice(0, 60), source: proposal.source ?? '' }, { field: proposal.field }))
    } else if (source.text.slice(proposal.span.start, proposal.span.end) !== proposal.quote) {
      problems.push(problem('quoteMoved', { quote: proposal.quote.slice(0, 60), title: source.title }, { field: proposal.field }))
    }
  }

  const vendorProposals = only(accepted, 'vendor')
  const vendorName = input.vendorName?.trim() || vendorProposals[0]?.value.name.trim() || ''
  if (vendorProposals.length === 0) {
    problems.push(problem('noVendor', {}, { field: 'vendor' }))
  }
  const purposes = only(accepted, 'purpose')
  if (purposes.length === 0) {
    problems.push(problem('noPurpose', {}, { field: 'purpose' }))
  }
  if (problems.length > 0) return { ok: false, problems }

  const roleProposal = only(accepted, 'role')[0]
  // Activities keep the order they were given in (a pack's own order when one is edited).
  const activityProposals = only(input.proposals, 'activity')
  // Each item goes to its chosen activity, otherwise to the nearest activity heading above it.
  const activityOf = (proposal: DraftProposal): string => {
    if (proposal.activity && activityProposals.some((activity) => activity.id === proposal.activity)) return proposal.activity
    // Headings of another document say nothing about where this passage belongs.
    const above = activityProposals.filter((activity) => sourceIndex(activity) === sourceIndex(proposal) && activity.span.start <= proposal.span.start)
    const nearest = above.reduce<ProposalOf<'activity'> | undefined>((best, activity) => (!best || activity.span.start >= best.span.start ? activity : best), undefined)
    return (nearest ?? activityProposals[0])?.id ?? DEFAULT_ACTIVITY_ID
  }
  const groups = new Map<string, DraftProposal[]>()
  for (const proposal of accepted) {
    if (proposal.field === 'activity' || proposal.field === 'vendor') continue
    const key = activityOf(proposal)
    groups.set(key, [...(groups.get(key) ?? []), proposal])
  }
  // An activity without a purpose cannot stand: its items join the activity before it (or the first).
  const order = activityProposals.length > 0 ? activityProposals.map((activity) => activity.id) : [DEFAULT_ACTIVITY_ID]
  const kept: string[] = []
  for (const id of order) {
    if ((groups.get(id) ?? []).some((proposal) => proposal.field === 'purpose')) kept.push(id)
  }
  for (const id of order) {
    if (kept.includes(id)) continue
    const target = [...kept].reverse().find((candidate) => order.indexOf(candidate) < order.indexOf(id)) ?? kept[0]!
    groups.set(target, [...(groups.get(target) ?? []), ...(groups.get(id) ?? [])].sort((a, b) => sourceIndex(a) - sourceIndex(b) || a.span.start - b.span.start))
  }

  const locale = input.locale ?? 'en'
  const warnings: DraftWarning[] = []
  const vendorQuote = vendorProposals[0]!.quote
  const activities: ActivityTemplate[] = kept.map((id) => {
    const items = groups.get(id) ?? []
    const heading = activityProposals.find((activity) => activity.id === id)
    const name = heading?.value.name.trim() || draftText(locale, 'processingDescribedIn', { title: primary.title })
    // An activity's own role statement, else the policy's first.
    const activity = buildActivity(name, items, only(items, 'role')[0] ?? roleProposal, vendorQuote, vendorName, warnings, locale)
    return keepFromBase(activity, input.base?.activities.find((candidate) => candidate.name === name))
  })
  const usedIds = new Set<string>()
  for (const activity of activities) {
    let id = slugify(activity.name, 'activity').slice(0, 70)
    for (let suffix = 2; usedIds.has(id); suffix += 1) id = `${slugify(activity.name, 'activity').slice(0, 66)}-${suffix}`
    usedIds.add(id)
    activity.id = id
  }

  const embedded: PackSource[] = sources.map((source) => ({
    id: source.id,
    kind: source.kind,
    title: source.title.trim(),
    ...(source.version?.trim() ? { version: source.version.trim() } : {}),
    ...(source.date ? { date: source.date } : {}),
    ...(source.url ? { url: source.url } : {}),
    text: source.text,
    sha256: sha256Hex(source.text)
  }))
  const main = embedded[sources.indexOf(primary)]!
  const pack: TemplatePack = {
    formatVersion: PACK_FORMAT_VERSION,
    id: input.packId ?? `${slugify(vendorName, 'vendor').slice(0, 60)}-draft`,
    version: input.version ?? '0.1.0',
    vendor: {
      name: vendorName,
      legalEntities: groupBy(vendorProposals, (proposal) => proposal.value.name.trim().toLowerCase()).map((group) => ({ name: group[0]!.value.name.trim(), quotes: quotesOf(group) })),
      ...(input.base?.vendor.privacyContact ? { privacyContact: input.base.vendor.privacyContact } : {}),
      ...(input.base?.vendor.dpoContact ? { dpoContact: input.base.vendor.dpoContact } : {}),
      ...(input.base?.vendor.euRepresentative ? { euRepresentative: input.base.vendor.euRepresentative } : {}),
      ...(input.base?.vendor.ukRepresentative ? { ukRepresentative: input.base.vendor.ukRepresentative } : {}),
      controllerFor: input.base?.vendor.controllerFor ?? [],
      processorFor: input.base?.vendor.processorFor ?? []
    },
    source: {
      title: main.title,
      // The dates the edited pack gave its unchanged main document stay.
      ...(input.base?.source.sha256 === main.sha256 && input.base.source.effectiveDate ? { effectiveDate: input.base.source.effectiveDate } : {}),
      ...(input.base?.source.sha256 === main.sha256 && input.base.source.lastUpdated ? { lastUpdated: input.base.source.lastUpdated } : {}),
      ...(main.date ? { lastUpdated: main.date } : {}),
      sha256: main.sha256,
      file: '',
      ...(main.url ? { url: main.url } : {})
    },
    sources: embedded,
    activities
  }
  // Every list item gets its stable id, made from its content as for any pack.
  const json = `${JSON.stringify(upgradePack(pack), null, 2)}\n`
  // Every quote is checked against the embedded documents, as on import.
  const validation = validatePackText(json)
  if (!validation.ok) return { ok: false, problems: validation.problems }
  return { ok: true, pack: validation.pack, json, warnings: [...warnings, ...validation.warnings] }
}

/** What the editor does not edit, kept from the same activity of the pack being edited. */
function keepFromBase(activity: ActivityTemplate, base: ActivityTemplate | undefined): ActivityTemplate {
  if (!base) return activity
  // The author's gaps on whole fields ("retention") stay, with their notes; gaps on single items are made anew, since items may have moved.
  const wholeFieldGaps = base.gaps.filter((gap) => !/[[.]/.test(gap.field))
  const keptFields = new Set(wholeFieldGaps.map((gap) => gap.field))
  const retentionByTerm = new Map(base.dataCategories.flatMap((category) => (category.retention ? [[category.term, category.retention] as const] : [])))
  return {
    ...activity,
    description: base.description,
    specialCategories: base.specialCategories,
    gaps: [...activity.gaps.filter((gap) => !keptFields.has(gap.field)), ...wholeFieldGaps],
    ...(base.sensitiveDataStance ? { sensitiveDataStance: base.sensitiveDataStance } : {}),
    ...(base.ageLimit ? { ageLimit: base.ageLimit } : {}),
    ...(base.automatedDecisionMaking ? { automatedDecisionMaking: base.automatedDecisionMaking } : {}),
    ...(base.dataSource ? { dataSource: base.dataSource } : {}),
    dataCategories: activity.dataCategories.map((category) => {
      const retention = retentionByTerm.get(category.term)
      return retention ? { ...category, retention } : category
    })
  }
}

function buildActivity(
  name: string,
  items: readonly DraftProposal[],
  roleProposal: ProposalOf<'role'> | undefined,
  vendorQuote: string,
  vendorName: string,
  warnings: DraftWarning[],
  locale: Locale
): ActivityTemplate {
  const gaps: PackGap[] = []
  const purposes = groupBy(only(items, 'purpose'), (proposal) => `${proposal.value.description.trim()}|${proposal.value.lawfulBasis ?? ''}`).map((group, index) => {
    const value = group[0]!.value
    if (!value.lawfulBasis) gaps.push(silentGap(locale, `purposes[${index}].lawfulBasis`, 'what.lawfulBasis'))
    const interest = value.lawfulBasis === 'f' ? value.legitimateInterest?.trim() : undefined
    if (value.lawfulBasis === 'f' && !interest) gaps.push(silentGap(locale, `purposes[${index}].legitimateInterest`, 'what.legitimateInterest'))
    return {
      description: value.description.trim(),
      uses: [...new Set(group.flatMap((proposal) => proposal.value.uses))],
      ...(value.lawfulBasis ? { lawfulBasis: value.lawfulBasis } : {}),
      ...(interest ? { legitimateInterest: interest } : {}),
      quotes: quotesOf(group)
    }
  })
  const dataSubjects = groupBy(only(items, 'dataSubject'), (proposal) => proposal.value.term).map((group) => ({ term: group[0]!.value.term, quotes: quotesOf(group) }))
  const dataCategories = groupBy(only(items, 'dataCategory'), (proposal) => proposal.value.term).map((group) => ({
    term: group[0]!.value.term,
    wording: group[0]!.value.wording,
    quotes: quotesOf(group)
  }))
  const retentions = only(items, 'retention')
  const firstRetention = retentions[0]
  const retention = firstRetention
    ? firstRetention.value.mode === 'period'
      ? {
          mode: 'period' as const,
          period: firstRetention.value.period,
          unit: firstRetention.value.unit,
          ...(firstRetention.value.fromEvent ? { fromEvent: firstRetention.value.fromEvent } : {}),
          ...(firstRetention.value.endAction ? { endAction: firstRetention.value.endAction } : {}),
          quotes: [firstRetention.quote]
        }
      : { mode: 'criterion' as const, criterion: firstRetention.value.criterion, ...(firstRetention.value.endAction ? { endAction: firstRetention.value.endAction } : {}), quotes: [firstRetention.quote] }
    : undefined
  for (const extra of retentions.slice(1)) {
    const ref = draftReason('oneRetentionRule', { quote: extra.quote.slice(0, 80) })
    warnings.push({ path: `${name} › Retention`, message: inEnglish(ref), ref, at: { activity: name, field: 'retention' } })
  }
  const recipients = groupBy(only(items, 'recipient'), (proposal) => proposal.value.name.trim().toLowerCase()).map((group) => ({
    name: group[0]!.value.name.trim(),
    type: group[0]!.value.type,
    quotes: quotesOf(group)
  }))
  const subProcessors = groupBy(only(items, 'subProcessor'), (proposal) => proposal.value.name.trim().toLowerCase()).map((group, index) => {
    const country = group[0]!.value.country?.trim()
    // A country in the policy's own words ("worldwide") is kept, with a gap saying no country is named.
    if (country && resolveDestinationCode(country) === '') gaps.push(silentGap(locale, `subProcessors[${index}].country`, 'what.subProcessorCountry'))
    return { name: group[0]!.value.name.trim(), service: group[0]!.value.service ?? '', ...(country ? { country } : {}), quotes: quotesOf(group) }
  })
  const transfers = groupBy(only(items, 'transfer'), (proposal) => proposal.value.countryCode || proposal.value.country.trim().toLowerCase()).map((group, index) => {
    const value = group[0]!.value
    if (!value.instrument) gaps.push(silentGap(locale, `transfers[${index}].instrument`, 'what.transferInstrument'))
    if (resolveDestinationCode(value.country) === '') gaps.push(silentGap(locale, `transfers[${index}].country`, 'what.transferCountry'))
    return {
      recipient: vendorName,
      country: value.country.trim() || draftText(locale, 'notStatedInPolicy'),
      ...(value.mechanism ? { mechanism: value.mechanism } : {}),
      ...(value.instrument ? { instrument: value.instrument } : {}),
      ...(value.sccModule ? { sccModule: value.sccModule } : {}),
      quotes: quotesOf(group)
    }
  })
  const security = only(items, 'securityMeasure')
  const securityMeasures =
    security.length > 0
      ? {
          measures: [...new Set(security.flatMap((proposal) => (proposal.value.measure ? [proposal.value.measure] : [])))],
          description: '',
          quotes: quotesOf(security)
        }
      : undefined

  if (dataCategories.length === 0) gaps.push(silentGap(locale, 'dataCategories', 'what.dataCategories'))
  if (dataSubjects.length === 0) gaps.push(silentGap(locale, 'dataSubjects', 'what.dataSubjects'))
  if (!retention) gaps.push(silentGap(locale, 'retention', 'what.retention'))
  if (recipients.length === 0 && subProcessors.length === 0) gaps.push(silentGap(locale, 'recipients', 'what.recipients'))
  if (transfers.length === 0) gaps.push(silentGap(locale, 'transfers', 'what.transfers'))
  if (!securityMeasures) gaps.push(silentGap(locale, 'securityMeasures', 'what.securityMeasures'))
  if (!roleProposal) {
    gaps.push({
      field: 'role',
      kind: 'silent',
      note: draftText(locale, 'roleNotStated', { vendor: vendorName }),
      quotes: []
    })
  }

  return {
    id: 'activity',
    name,
    description: '',
    role: roleProposal?.value.role ?? 'controller',
    roleQuotes: [roleProposal?.quote ?? vendorQuote],
    purposes,
    dataSubjects: dataSubjects,
    dataCategories: dataCategories,
    specialCategories: [],
    ...(retention ? { retention } : {}),
    recipients: recipients,
    subProcessors: subProcessors,
    transfers: transfers,
    ...(securityMeasures ? { securityMeasures } : {}),
    gaps
  }
}
