/**
 * Which quotes a record's evidence relies on that a newer version of its template no longer
 * has, and what the template quotes instead. A changed or removed quote sends the record back to
 * review (template-repository.ts) and is reported by the `template-quote-changed` rule. Pure.
 */
import type { Evidence, Origin, QuoteChange } from '../records/model'
import type { ActivityTemplate, TemplatePack } from './pack-schema'
import { upgradePack } from './pack-upgrade'

/** Quotes match as the pack checker matches them: whitespace may differ. */
export const normaliseQuote = (quote: string) => quote.replace(/\s+/g, ' ').trim()

type Plain = Record<string, unknown>
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Every place of an activity that carries quotes, by a path that names list items by id
 * (`dataCategories[user-name].retention`), so that the same place is found in another version.
 * The open points' quotes are left out: they support no value.
 */
export function quoteSlots(activity: ActivityTemplate): Map<string, string[]> {
  const slots = new Map<string, string[]>()
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${path}[${isPlain(item) && typeof item.id === 'string' ? item.id : index}]`))
      return
    }
    if (!isPlain(value)) return
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'gaps') continue
      if ((key === 'quotes' || key === 'roleQuotes') && Array.isArray(inner)) slots.set(key === 'roleQuotes' ? 'role' : path, inner as string[])
      else walk(inner, path === '' ? key : `${path}.${key}`)
    }
  }
  walk(activity, '')
  return slots
}

/**
 * The record's evidence quotes that `incoming` no longer contains anywhere in the record's
 * activity, each with what the same place of the activity quotes in `incoming` instead (found
 * through `originPack`, the version the record was made from; without it, or when the place is
 * gone, `nowSays` is empty). One entry per quote and evidence item.
 */
export function findQuoteChanges(record: { evidence: readonly Evidence[]; origin: Origin | null }, originPack: TemplatePack | undefined, incoming: TemplatePack): QuoteChange[] {
  return quoteChangeFinder(originPack, incoming)(record)
}

/** `findQuoteChanges` for many records made from one version: each activity's quotes are gathered once. */
export function quoteChangeFinder(originPack: TemplatePack | undefined, incoming: TemplatePack): (record: { evidence: readonly Evidence[]; origin: Origin | null }) => QuoteChange[] {
  const upgradedIncoming = upgradePack(incoming)
  const upgradedOrigin = originPack && upgradePack(originPack)
  const activities = new Map<string, { incomingSlots: Map<string, string[]>; originSlots: Map<string, string[]>; incomingQuotes: Set<string> }>()
  const slotsOf = (activityId: string) => {
    let found = activities.get(activityId)
    if (!found) {
      const incomingActivity = upgradedIncoming.activities.find((activity) => activity.id === activityId)
      const originActivity = upgradedOrigin?.activities.find((activity) => activity.id === activityId)
      const incomingSlots = incomingActivity ? quoteSlots(incomingActivity) : new Map<string, string[]>()
      found = { incomingSlots, originSlots: originActivity ? quoteSlots(originActivity) : new Map<string, string[]>(), incomingQuotes: new Set([...incomingSlots.values()].flat().map(normaliseQuote)) }
      activities.set(activityId, found)
    }
    return found
  }
  return (record) => {
    const origin = record.origin
    if (!origin || origin.packId !== incoming.id) return []
    const { incomingSlots, originSlots, incomingQuotes } = slotsOf(origin.activityId)
    const changes: QuoteChange[] = []
    const seen = new Set<string>()
    for (const evidence of record.evidence) {
      // `purposes.0` and `purposes.0.lawfulBasis` cite the same words: one finding for the item.
      const item = evidence.field.split('.').slice(0, 2).join('.')
      for (const quote of evidence.quotes) {
        if (incomingQuotes.has(normaliseQuote(quote))) continue
        const key = `${item}\n${normaliseQuote(quote)}`
        if (seen.has(key)) continue
        seen.add(key)
        const nowSays = new Set<string>()
        for (const [slot, quotes] of originSlots) {
          if (!quotes.some((candidate) => normaliseQuote(candidate) === normaliseQuote(quote))) continue
          const before = new Set(quotes.map(normaliseQuote))
          for (const replacement of incomingSlots.get(slot) ?? []) if (!before.has(normaliseQuote(replacement))) nowSays.add(replacement)
        }
        changes.push({ field: evidence.field, quote, nowSays: [...nowSays], packVersion: incoming.version })
      }
    }
    return changes
  }
}

/** "the vendor's policy no longer says "…"; it now says "…"" (or "…; it no longer mentions it"). */
export function describeQuoteChange(change: Pick<QuoteChange, 'quote' | 'nowSays'>): string {
  const now = change.nowSays.length === 0 ? 'it no longer mentions it' : `it now says ${change.nowSays.map((quote) => `"${quote}"`).join(' and ')}`
  return `the vendor's policy no longer says "${change.quote}"; ${now}`
}
