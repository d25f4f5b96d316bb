/**
 * The checks a pack must pass beyond its JSON shape: what format 2 requires of its items, and the
 * rules that keep a pack from stating half a value (a retention "period" without its period,
 * lawful basis (f) without the interest, a country that is no country, a gap that names no field,
 * an unknown vocabulary key). Pure; validate-pack.ts runs them.
 */
import { distance } from 'fastest-levenshtein'
import { DESTINATION_OPTIONS, resolveDestinationCode } from '../legal/destinations'
import { mechanismOfInstrument } from '../legal/parse-instrument-text'
import { labelParam, type MessageParam, type MessageRef } from '../i18n/message'
import { formatJsonPath, type Problem } from '../util/problems'
import { CUSTOM_TERM_PREFIX, VOCABULARY, isCustomTerm, isKnownTerm, type VocabularyKind } from '../vocabulary/vocabulary'
import { packProblem, packProblemAt, problemOf } from './pack-messages'
import { activityTemplateSchema, type ActivityTemplate, type TemplatePack } from './pack-schema'

/** The lists whose items carry a stable id (format 2 requires it). */
export const PACK_ITEM_LISTS = ['purposes', 'dataSubjects', 'dataCategories', 'specialCategories', 'recipients', 'subProcessors', 'transfers'] as const

type Path = Array<string | number>
const at = (path: Path, key: string, params?: Record<string, MessageParam>): Problem => packProblemAt(formatJsonPath(path), key, params)

// ---- format 2 ---------------------------------------------------------------------------

/**
 * What a file that declares format 2 must state itself (a format 1 file gets them from
 * upgradePack): an id on every list item, unique in its list; transfers with `instrument`
 * (or a gap saying the policy does not name it) and without format 1's `safeguard`.
 */
export function checkFormat2Items(pack: TemplatePack): Problem[] {
  const problems: Problem[] = []
  pack.activities.forEach((activity, a) => {
    for (const list of PACK_ITEM_LISTS) {
      const seen = new Map<string, number>()
      ;(activity[list] as Array<{ id?: string | undefined }>).forEach((item, index) => {
        const path = ['activities', a, list, index, 'id']
        if (item.id === undefined) problems.push(at(path, 'item.idMissing', { list }))
        else if (seen.has(item.id)) problems.push(at(path, 'item.duplicateId', { id: item.id, list, index: seen.get(item.id)! }))
        else seen.set(item.id, index)
      })
    }
    activity.transfers.forEach((transfer, t) => {
      const path = ['activities', a, 'transfers', t]
      if (transfer.safeguard !== undefined) {
        problems.push(at([...path, 'safeguard'], 'transfer.safeguardIsFormat1'))
      }
      if (transfer.instrument === undefined && !gapCovers(activity, `transfers[${t}]`, ['instrument', 'mechanism'])) {
        problems.push(at([...path, 'instrument'], 'transfer.noInstrument', { recipient: transfer.recipient, index: t }))
      }
    })
  })
  return problems
}

// ---- values stated by halves ------------------------------------------------------------

/** Whether a gap of the activity names `field` itself or one of `subfields` inside it. */
function gapCovers(activity: ActivityTemplate, field: string, subfields: readonly string[] = []): boolean {
  return activity.gaps.some((gap) => gap.field === field || subfields.some((subfield) => gap.field === `${field}.${subfield}`))
}

/**
 * The rules that keep a value whole. For a pack authored in the app from the organisation's
 * own records these are warnings (an incomplete record is a finding there, not a broken pack).
 */
export function checkValues(pack: TemplatePack): Problem[] {
  return pack.activities.flatMap((activity, a) => [
    ...retentionProblems(activity, a),
    ...legitimateInterestProblems(activity, a),
    ...countryProblems(activity, a),
    ...gapFieldProblems(activity, a),
    ...mechanismProblems(activity, a)
  ])
}

type PackRetention = NonNullable<ActivityTemplate['retention']>

function retentionProblem(retention: PackRetention, path: Path): Problem[] {
  if (retention.mode === 'period') {
    if (retention.period === undefined) return [at([...path, 'period'], retention.unit === undefined ? 'retention.periodAndUnitMissing' : 'retention.periodMissing')]
    return retention.unit === undefined ? [at([...path, 'unit'], 'retention.unitMissing')] : []
  }
  if ((retention.criterion ?? '').trim() === '') return [at([...path, 'criterion'], 'retention.criterionMissing')]
  return []
}

function retentionProblems(activity: ActivityTemplate, a: number): Problem[] {
  return [
    ...(activity.retention ? retentionProblem(activity.retention, ['activities', a, 'retention']) : []),
    ...activity.dataCategories.flatMap((category, c) => (category.retention ? retentionProblem(category.retention, ['activities', a, 'dataCategories', c, 'retention']) : []))
  ]
}

function legitimateInterestProblems(activity: ActivityTemplate, a: number): Problem[] {
  return activity.purposes.flatMap((purpose, p) =>
    purpose.lawfulBasis === 'f' && (purpose.legitimateInterest ?? '').trim() === '' && !gapCovers(activity, `purposes[${p}]`, ['legitimateInterest'])
      ? [at(['activities', a, 'purposes', p, 'legitimateInterest'], 'purpose.legitimateInterestMissing', { index: p })]
      : []
  )
}

const DESTINATION_NAMES = DESTINATION_OPTIONS.map((option) => option.name)

function countryProblem(country: string, path: Path, gapField: string): Problem[] {
  if (resolveDestinationCode(country) !== '') return []
  const suggestion = closestName(country, DESTINATION_NAMES)
  return [at(path, 'country.unknown', { country, suggestion: suggestion ? packProblem('country.didYouMean', { name: suggestion }) : '', gapField })]
}

function countryProblems(activity: ActivityTemplate, a: number): Problem[] {
  return [
    ...activity.transfers.flatMap((transfer, t) =>
      gapCovers(activity, `transfers[${t}]`, ['country']) ? [] : countryProblem(transfer.country, ['activities', a, 'transfers', t, 'country'], `transfers[${t}].country`)
    ),
    ...activity.subProcessors.flatMap((processor, s) =>
      processor.country === undefined || gapCovers(activity, `subProcessors[${s}]`, ['country'])
        ? []
        : countryProblem(processor.country, ['activities', a, 'subProcessors', s, 'country'], `subProcessors[${s}].country`)
    )
  ]
}

function mechanismProblems(activity: ActivityTemplate, a: number): Problem[] {
  return activity.transfers.flatMap((transfer, t) => {
    if (!transfer.instrument || !transfer.mechanism) return []
    const expected = mechanismOfInstrument(transfer.instrument)
    return expected === transfer.mechanism
      ? []
      : [
          at(['activities', a, 'transfers', t, 'mechanism'], 'mechanism.mismatch', {
            mechanism: transfer.mechanism,
            instrument: transfer.instrument,
            expectedLabel: labelParam('mechanism', expected),
            expected
          })
        ]
  })
}

// ---- gap paths --------------------------------------------------------------------------

/** Fields a gap may not name: an item's id, its quotes and the gaps themselves; `safeguard` is format 1's. */
const NOT_GAP_FIELDS = new Set(['id', 'quotes', 'roleQuotes', 'gaps', 'safeguard'])

type SchemaNode = { _zod: { def: { type: string; innerType?: SchemaNode; element?: SchemaNode; shape?: Record<string, SchemaNode> } } }

/** Optional and default wrappers off, down to the object, array or value inside. */
function unwrap(schema: SchemaNode): SchemaNode {
  let node = schema
  while (node._zod.def.innerType) node = node._zod.def.innerType
  return node
}

interface GapFieldShape {
  list: boolean
  subfields: string[]
}

/** Every field a gap may name, read from the activity template's own schema so that the two cannot drift. */
export const GAP_FIELDS: ReadonlyMap<string, GapFieldShape> = (() => {
  const fields = new Map<string, GapFieldShape>()
  for (const [name, child] of Object.entries((activityTemplateSchema as unknown as SchemaNode)._zod.def.shape ?? {})) {
    if (NOT_GAP_FIELDS.has(name)) continue
    const node = unwrap(child)
    const list = node._zod.def.type === 'array'
    const item = list && node._zod.def.element ? unwrap(node._zod.def.element) : node
    const subfields = item._zod.def.type === 'object' ? Object.keys(item._zod.def.shape ?? {}).filter((key) => !NOT_GAP_FIELDS.has(key)) : []
    fields.set(name, { list, subfields })
  }
  return fields
})()

const GAP_PATH = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.([A-Za-z]+))?$/

/** Why a gap's `field` names no field of the activity (a `packProblems` message), or null when it names one. */
export function gapFieldProblem(field: string, activity: ActivityTemplate): MessageRef | null {
  const match = GAP_PATH.exec(field)
  const examples = packProblem('gap.examples')
  const didYouMean = (suggestion: string | undefined) => (suggestion ? packProblem('gap.didYouMean', { name: suggestion }) : '')
  if (!match) return packProblem('gap.notAPath', { field, examples })
  const [, name = '', indexText, subfield] = match
  const shape = GAP_FIELDS.get(name)
  if (!shape) return packProblem('gap.notAField', { name, suggestion: didYouMean(closestName(name, [...GAP_FIELDS.keys()])), examples })
  if (indexText !== undefined) {
    if (!shape.list) return packProblem('gap.notAList', { name, index: indexText })
    const length = (activity[name as keyof ActivityTemplate] as unknown[]).length
    if (Number(indexText) >= length) return packProblem('gap.noSuchItem', { name, index: indexText, length })
  }
  if (subfield !== undefined && !shape.subfields.includes(subfield)) {
    const subfields = shape.subfields.length ? ` (${shape.subfields.join(', ')})` : ''
    return packProblem('gap.notASubfield', { subfield, name, subfields, suggestion: didYouMean(closestName(subfield, shape.subfields)) })
  }
  return null
}

function gapFieldProblems(activity: ActivityTemplate, a: number): Problem[] {
  return activity.gaps.flatMap((gap, g) => {
    const problem = gapFieldProblem(gap.field, activity)
    return problem ? [problemOf(formatJsonPath(['activities', a, 'gaps', g, 'field']), problem)] : []
  })
}

// ---- vocabulary ---------------------------------------------------------------------------

const kindName = (kind: VocabularyKind): MessageRef => packProblem(`term.kind.${kind}`)
const KEYS_BY_KIND = Object.fromEntries(Object.entries(VOCABULARY).map(([kind, entries]) => [kind, new Set(entries.map((entry) => entry.key))])) as Record<VocabularyKind, Set<string>>

/** Every term of the pack with the vocabulary it belongs to and its path. */
function packTerms(pack: TemplatePack): Array<{ term: string; kind: VocabularyKind; path: Path }> {
  return pack.activities.flatMap((activity, a) => [
    ...activity.purposes.flatMap((purpose, p) => purpose.uses.map((term, u) => ({ term, kind: 'dataUses' as const, path: ['activities', a, 'purposes', p, 'uses', u] }))),
    ...activity.dataSubjects.map((subject, s) => ({ term: subject.term, kind: 'dataSubjects' as const, path: ['activities', a, 'dataSubjects', s, 'term'] })),
    ...activity.dataCategories.map((category, c) => ({ term: category.term, kind: 'dataCategories' as const, path: ['activities', a, 'dataCategories', c, 'term'] }))
  ])
}

/** The vocabulary key nearest to `text`, by key or by label, within its kind. */
export function suggestVocabularyKey(text: string, kind: VocabularyKind): string | undefined {
  return closest(text, VOCABULARY[kind], (entry) => [entry.key, entry.name, ...entry.key.split('.')])?.key
}

export function checkVocabulary(pack: TemplatePack): Problem[] {
  const problems: Problem[] = []
  for (const { term, kind, path } of packTerms(pack)) {
    if (isCustomTerm(term)) {
      if (term.slice(CUSTOM_TERM_PREFIX.length).trim() === '') problems.push(at(path, 'term.emptyCustom', { term, prefix: CUSTOM_TERM_PREFIX }))
    } else if (!isKnownTerm(term)) {
      const suggestion = suggestVocabularyKey(term, kind)
      const params = { term, kind: kindName(kind), prefix: CUSTOM_TERM_PREFIX }
      problems.push(suggestion ? at(path, 'term.unknownDidYouMean', { ...params, suggestion }) : at(path, 'term.unknown', params))
    } else if (!KEYS_BY_KIND[kind].has(term)) {
      const actual = (Object.keys(KEYS_BY_KIND) as VocabularyKind[]).find((other) => KEYS_BY_KIND[other].has(term))
      problems.push(at(path, 'term.wrongKind', { term, actual: kindName(actual ?? kind), kind: kindName(kind) }))
    }
  }
  return problems
}

/** The candidate nearest to `text` (ignoring case, by any of its names) when it is near enough to be a slip. */
function closest<T>(text: string, candidates: readonly T[], namesOf: (candidate: T) => string[]): T | undefined {
  const wanted = text.toLowerCase()
  let best: { candidate: T; score: number } | undefined
  for (const candidate of candidates) {
    const score = Math.min(...namesOf(candidate).map((name) => distance(wanted, name.toLowerCase())))
    if (!best || score < best.score) best = { candidate, score }
  }
  return best && best.score <= Math.max(2, Math.floor(wanted.length / 3)) ? best.candidate : undefined
}

const closestName = (text: string, names: readonly string[]) => closest(text, names, (name) => [name])
