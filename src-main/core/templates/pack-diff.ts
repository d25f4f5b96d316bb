/**
 * What one version of a template pack changes compared with another, for people: per activity
 * and per field, added / removed / changed, the old and the new value in full with the policy's
 * quotes behind each, and labels in words ("Data category “Name” › Retention › Period"). List
 * items are matched by their stable `id` (format 2; `upgradePack` derives one for format 1), so a
 * reordered list reports nothing and a removed item reports that item only. Nothing is cut
 * short. Also: which records made from the pack an incoming version affects, each measured
 * against the version it was made from. Pure.
 */
import type { Locale } from '../i18n'
import { describeFieldPathIn, lookupText, termLabelIn } from '../i18n/catalogues'
import type { FieldChange } from '../records/diff'
import type { ActivityTemplate, TemplatePack } from './pack-schema'
import { upgradePack } from './pack-upgrade'
import { colon, describeValueIn, enumLabelIn, fieldNameIn, hasTemplateText, templateText } from './template-text'

export type VersionChange = 'newer' | 'same' | 'older'
export type ChangeKind = 'added' | 'removed' | 'changed'

export interface ActivitySummary {
  id: string
  name: string
}

/** One field of a pack that differs between two versions. */
export interface PackChange {
  kind: ChangeKind
  /** Where, with item ids: `dataCategories[user-name].retention.period`. Stable; not for the screen. */
  path: string
  /** Where, in words: `Data category “Name” › Retention › Period`. */
  label: string
  /** The old value as a person reads it, in full; absent when the field was added. */
  before?: string
  /** The new value in full; absent when the field was removed. */
  after?: string
  /** The policy's words behind the old and the new value. */
  beforeQuotes: string[]
  afterQuotes: string[]
}

export interface ChangedActivity extends ActivitySummary {
  changes: PackChange[]
}

export interface PackDiff {
  packId: string
  incomingPackId: string
  installedVersion: string
  incomingVersion: string
  /** How the incoming version compares with the installed one. */
  versionChange: VersionChange
  added: ActivitySummary[]
  removed: ActivitySummary[]
  changed: ChangedActivity[]
  vendorChanges: PackChange[]
  /** The policy's title, dates, file and fingerprint, and the embedded documents. */
  sourceChanges: PackChange[]
  /** The policy text itself is a different one (its SHA-256 changed). */
  policyTextChanged: boolean
}

/** Compares `1.2.10` with `1.10.0` numerically, part by part. */
export function compareVersions(a: string, b: string): number {
  const partsA = a.split('.').map(Number)
  const partsB = b.split('.').map(Number)
  for (let index = 0; index < Math.max(partsA.length, partsB.length); index++) {
    const difference = (partsA[index] ?? 0) - (partsB[index] ?? 0)
    if (difference !== 0) return Math.sign(difference)
  }
  return 0
}

/** What `incomingPack` changes from `installedPack`, its labels and values in `locale` (the CLI and the audit trail use English). */
export function diffPacks(installedPack: TemplatePack, incomingPack: TemplatePack, locale: Locale = 'en'): PackDiff {
  // Ids for every list item, also in packs stored before format 2.
  const installed = upgradePack(installedPack)
  const incoming = upgradePack(incomingPack)
  const comparison = compareVersions(incoming.version, installed.version)
  const installedById = new Map(installed.activities.map((activity) => [activity.id, activity]))
  const incomingById = new Map(incoming.activities.map((activity) => [activity.id, activity]))
  const summary = (activity: ActivityTemplate): ActivitySummary => ({ id: activity.id, name: activity.name })

  const changed: ChangedActivity[] = []
  for (const [id, before] of installedById) {
    const after = incomingById.get(id)
    if (!after) continue
    const changes = diffActivities(before, after, locale)
    if (changes.length > 0) changed.push({ ...summary(after), changes })
  }
  const sourceChanges = diffPackValues(installed.source, incoming.source, 'source', templateText(locale, 'diff.policy'), [], [], locale)
  const sourceDocuments = (pack: TemplatePack) => pack.sources.map(({ text: _text, ...embedded }) => embedded)
  sourceChanges.push(...diffPackValues(sourceDocuments(installed), sourceDocuments(incoming), 'sources', templateText(locale, 'diff.policyDocuments'), [], [], locale))
  return {
    packId: installed.id,
    incomingPackId: incoming.id,
    installedVersion: installed.version,
    incomingVersion: incoming.version,
    versionChange: comparison > 0 ? 'newer' : comparison < 0 ? 'older' : 'same',
    added: incoming.activities.filter((activity) => !installedById.has(activity.id)).map(summary),
    removed: installed.activities.filter((activity) => !incomingById.has(activity.id)).map(summary),
    changed,
    vendorChanges: diffPackValues(installed.vendor, incoming.vendor, 'vendor', templateText(locale, 'diff.vendor'), [], [], locale),
    sourceChanges,
    policyTextChanged:
      installed.source.sha256 !== incoming.source.sha256 ||
      JSON.stringify(installed.sources.map((embedded) => embedded.sha256)) !== JSON.stringify(incoming.sources.map((embedded) => embedded.sha256))
  }
}

/** The changes between two versions of one activity (ids filled in by `diffPacks` or `upgradePack`). */
export function diffActivities(before: ActivityTemplate, after: ActivityTemplate, locale: Locale = 'en'): PackChange[] {
  return diffPackValues(before, after, '', '', [], [], locale)
}

// ---------------------------------------------------------------- walking two versions

type Plain = Record<string, unknown>
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value)
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Item lists without ids (gaps, the vendor's entities): matched by this content instead. */
const NATURAL_KEYS: Record<string, (item: Plain) => string> = {
  gaps: (item) => String(item.field),
  legalEntities: (item) => String(item.name),
  controllerFor: (item) => String(item.description),
  processorFor: (item) => String(item.description)
}

/** Keys that are not values of their own: ids identify, quotes are shown with the value they support. */
const NOT_VALUES = new Set(['id', 'quotes', 'roleQuotes'])

function quotesOf(value: unknown): string[] {
  return isPlain(value) && Array.isArray(value.quotes) ? (value.quotes as string[]) : []
}

/** How an item of a list is named: by its content, as the pack page shows it. */
function itemTitle(list: string, item: Plain, locale: Locale): string {
  switch (list) {
    case 'purposes':
    case 'controllerFor':
    case 'processorFor':
      return String(item.description)
    case 'dataSubjects':
    case 'dataCategories':
      return termLabelIn(String(item.term), locale)
    case 'specialCategories':
      return enumLabelIn(locale, 'specialCategory', String(item.category))
    case 'transfers':
      return `${String(item.recipient)} → ${String(item.country)}`
    case 'gaps':
      return describeFieldPathIn(String(item.field), locale)
    default:
      return [item.name, item.title, item.id].find((value): value is string => typeof value === 'string') ?? ''
  }
}

/** What one item of a list is called: the pack's own lists (`core.packItem`), else the record's item names. */
function itemName(list: string, locale: Locale): string {
  if (hasTemplateText(`packItem.${list}`)) return templateText(locale, `packItem.${list}`)
  const recordItem = lookupText(locale, `labels:item.${list}`)
  return recordItem === `item.${list}` ? describeFieldPathIn(list, locale) : recordItem
}

function itemLabel(list: string, item: Plain, locale: Locale): string {
  return templateText(locale, 'diff.item', { item: itemName(list, locale), title: itemTitle(list, item, locale) })
}

/** A value in full as a person reads it; `key` picks the labels (lawful bases, vocabulary terms...). */
export function readableValue(key: string, value: unknown, locale: Locale = 'en'): string {
  if (key === 'retention' && isPlain(value)) return packRetentionText(value as PackRetention, locale)
  // An open point's field is a path into the activity: in words, like every label.
  if (key === 'field' && typeof value === 'string') return describeFieldPathIn(value, locale)
  if (key === 'kind' && typeof value === 'string') return hasTemplateText(`kind.${value}`) ? templateText(locale, `kind.${value}`) : value
  if (isPlain(value)) {
    const parts = Object.entries(value)
      .filter(([inner, innerValue]) => !NOT_VALUES.has(inner) && innerValue !== '' && innerValue !== undefined && !(Array.isArray(innerValue) && innerValue.length === 0))
      .map(([inner, innerValue]) => `${fieldNameIn(inner, locale)}${colon(locale)}${readableValue(inner, innerValue, locale)}`)
    return parts.length === 0 ? templateText(locale, 'value.empty') : parts.join('; ')
  }
  if (Array.isArray(value) && value.some(isPlain)) return value.map((item) => readableValue(key, item, locale)).join(' | ')
  return describeValueIn(key, value, locale)
}

type PackRetention = NonNullable<ActivityTemplate['retention']>

/** A pack retention in one phrase: "2 years from the end of the contract, then erase" (nothing about the end when the pack does not say). */
export function packRetentionText(retention: PackRetention, locale: Locale = 'en'): string {
  const end = retention.endAction ? templateText(locale, 'retention.then', { end: enumLabelIn(locale, 'endAction', retention.endAction).toLowerCase() }) : ''
  if (retention.mode === 'period' && retention.period !== undefined) {
    const unit = enumLabelIn(locale, 'retentionUnit', retention.unit ?? 'years')
    return `${retention.fromEvent ? templateText(locale, 'retention.periodFrom', { period: retention.period, unit, from: retention.fromEvent }) : `${retention.period} ${unit}`}${end}`
  }
  return `${retention.criterion || templateText(locale, 'retention.noPeriod')}${end}`
}

/** A field's name; the policy's own fields (title, dates, fingerprint…) have theirs (`core.sourceField`). */
function fieldLabel(path: string, key: string, locale: Locale): string {
  return path.startsWith('source') && hasTemplateText(`sourceField.${key}`) ? templateText(locale, `sourceField.${key}`) : fieldNameIn(key, locale)
}

function joinLabel(label: string, part: string): string {
  return label === '' ? part : `${label} › ${part}`
}

/**
 * Walks both values side by side. `quotes` are those of the nearest object that has them: the
 * words behind every field inside it. Lists of items with ids (or natural keys) are matched item
 * by item; any other value that differs is one change.
 */
function diffPackValues(before: unknown, after: unknown, path: string, label: string, beforeQuotes: string[], afterQuotes: string[], locale: Locale, changes: PackChange[] = []): PackChange[] {
  if (same(before, after)) return changes
  const key = path.replace(/\[[^\]]*\]$/, '').split('.').at(-1) ?? ''
  if (before === undefined || after === undefined) {
    const value = before ?? after
    const quotes = quotesOf(value)
    changes.push({
      kind: before === undefined ? 'added' : 'removed',
      path,
      label,
      ...(before === undefined ? {} : { before: readableValue(key, before, locale) }),
      ...(after === undefined ? {} : { after: readableValue(key, after, locale) }),
      beforeQuotes: before === undefined ? [] : quotes.length > 0 ? quotes : beforeQuotes,
      afterQuotes: after === undefined ? [] : quotes.length > 0 ? quotes : afterQuotes
    })
    return changes
  }
  if (key === 'retention' && isPlain(before) && isPlain(after)) {
    // One phrase per retention: "2 years from …" → "As the client instructs", not five part-changes.
    const text = (retention: Plain) => packRetentionText(retention as PackRetention, locale)
    if (text(before) !== text(after)) changes.push({ kind: 'changed', path, label, before: text(before), after: text(after), beforeQuotes: quotesOf(before), afterQuotes: quotesOf(after) })
    if (!same(before.quotes, after.quotes)) changes.push(quoteChange(`${path}.quotes`, joinLabel(label, templateText(locale, 'diff.policyQuote')), quotesOf(before), quotesOf(after), locale))
    return changes
  }
  if (isPlain(before) && isPlain(after)) {
    const innerBefore = quotesOf(before).length > 0 || Array.isArray(before.quotes) ? quotesOf(before) : beforeQuotes
    const innerAfter = quotesOf(after).length > 0 || Array.isArray(after.quotes) ? quotesOf(after) : afterQuotes
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((inner) => !NOT_VALUES.has(inner))
    for (const inner of keys) {
      const innerPath = path === '' ? inner : `${path}.${inner}`
      // An activity's role is supported by its `roleQuotes`.
      const [quotesBefore, quotesAfter] =
        inner === 'role' && Array.isArray(before.roleQuotes) ? [before.roleQuotes as string[], (after.roleQuotes as string[] | undefined) ?? []] : [innerBefore, innerAfter]
      diffPackValues(before[inner], after[inner], innerPath, joinLabel(label, fieldLabel(innerPath, inner, locale)), quotesBefore, quotesAfter, locale, changes)
    }
    for (const quoteKey of ['quotes', 'roleQuotes']) {
      if (!same(before[quoteKey], after[quoteKey]) && (quoteKey in before || quoteKey in after)) {
        const quoted = quoteKey === 'roleQuotes' ? joinLabel(label, fieldNameIn('role', locale)) : label
        changes.push(
          quoteChange(`${path === '' ? '' : `${path}.`}${quoteKey}`, joinLabel(quoted, templateText(locale, 'diff.policyQuote')), (before[quoteKey] as string[] | undefined) ?? [], (after[quoteKey] as string[] | undefined) ?? [], locale)
        )
      }
    }
    return changes
  }
  const keyOf = listKey(key, before, after)
  if (Array.isArray(before) && Array.isArray(after) && keyOf) {
    const keyed = (items: Plain[]) => {
      const seen = new Map<string, number>()
      return new Map(
        items.map((item) => {
          const base = keyOf(item)
          const count = (seen.get(base) ?? 0) + 1
          seen.set(base, count)
          return [count > 1 ? `${base} #${count}` : base, item] as const
        })
      )
    }
    // An item is named by itself: "Data category “Name”", not "Data categories › Data category “Name”".
    const parentLabel = label.includes(' › ') ? label.slice(0, label.lastIndexOf(' › ')) : ''
    const beforeItems = keyed(before as Plain[])
    const afterItems = keyed(after as Plain[])
    for (const [id, item] of beforeItems) {
      const match = afterItems.get(id)
      diffPackValues(item, match, `${path}[${id}]`, joinLabel(parentLabel, itemLabel(key, match ?? item, locale)), [], [], locale, changes)
    }
    for (const [id, item] of afterItems) {
      if (!beforeItems.has(id)) diffPackValues(undefined, item, `${path}[${id}]`, joinLabel(parentLabel, itemLabel(key, item, locale)), [], [], locale, changes)
    }
    return changes
  }
  changes.push({ kind: 'changed', path, label, before: readableValue(key, before, locale), after: readableValue(key, after, locale), beforeQuotes, afterQuotes })
  return changes
}

function listKey(key: string, before: unknown, after: unknown): ((item: Plain) => string) | undefined {
  if (!Array.isArray(before) || !Array.isArray(after)) return undefined
  const items: unknown[] = [...(before as unknown[]), ...(after as unknown[])]
  if (items.length === 0 || !items.every(isPlain)) return undefined
  if (items.every((item) => typeof item.id === 'string')) return (item) => String(item.id)
  return NATURAL_KEYS[key]
}

function quoteChange(path: string, label: string, before: string[], after: string[], locale: Locale): PackChange {
  const text = (quotes: string[]) => (quotes.length === 0 ? templateText(locale, 'diff.noQuote') : quotes.map((quote) => `“${quote}”`).join('\n'))
  return { kind: before.length === 0 ? 'added' : after.length === 0 ? 'removed' : 'changed', path, label, before: text(before), after: text(after), beforeQuotes: before, afterQuotes: after }
}

// ---------------------------------------------------------------- records affected by a version

export interface RecordOriginRef {
  id: string
  reference: string
  name: string
  origin: { packId: string; packVersion: string; activityId: string } | null
}

export interface AffectedRecord<T extends RecordOriginRef> {
  record: T
  activityId: string
  /** The version the record was made from: what the changes are measured against. */
  originVersion: string
  /**
   * 'changed': the activity differs between the record's version and the incoming one;
   * 'removed': the incoming version no longer has the activity; 'origin-unknown': the record's
   * version is not kept in this app, so what changed for it cannot be worked out.
   */
  change: 'changed' | 'removed' | 'origin-unknown'
  changes: PackChange[]
}

/**
 * Records made from this pack whose activity differs between the version each was made from and
 * `incoming`. `packOfVersion` gives a kept version of the pack (installed or archived).
 */
export function affectedRecords<T extends RecordOriginRef>(records: readonly T[], incoming: TemplatePack, packOfVersion: (version: string) => TemplatePack | undefined, locale: Locale = 'en'): Array<AffectedRecord<T>> {
  const upgradedIncoming = upgradePack(incoming)
  const incomingById = new Map(upgradedIncoming.activities.map((activity) => [activity.id, activity]))
  const upgraded = new Map<string, TemplatePack | undefined>()
  const changesByActivity = new Map<string, PackChange[]>()
  const affected: Array<AffectedRecord<T>> = []
  for (const record of records) {
    const origin = record.origin
    if (!origin || origin.packId !== incoming.id || origin.packVersion === incoming.version) continue
    if (!upgraded.has(origin.packVersion)) {
      const kept = packOfVersion(origin.packVersion)
      upgraded.set(origin.packVersion, kept && upgradePack(kept))
    }
    const originPack = upgraded.get(origin.packVersion)
    const entry = { record, activityId: origin.activityId, originVersion: origin.packVersion }
    const after = incomingById.get(origin.activityId)
    const before = originPack?.activities.find((activity) => activity.id === origin.activityId)
    if (!originPack || !before) affected.push({ ...entry, change: 'origin-unknown', changes: [] })
    else if (!after) affected.push({ ...entry, change: 'removed', changes: [] })
    else {
      // Many records share a version and an activity: their changes are worked out once.
      const key = `${origin.packVersion}\n${origin.activityId}`
      let changes = changesByActivity.get(key)
      if (!changes) changesByActivity.set(key, (changes = diffActivities(before, after, locale)))
      if (changes.length > 0) affected.push({ ...entry, change: 'changed', changes })
    }
  }
  return affected
}

// ---------------------------------------------------------------- describing a change

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

/** One line for people: e.g. "1 activity added, 2 activities changed, 0 activities removed, new policy text". */
export function describeDiff(diff: PackDiff, locale: Locale = 'en'): string {
  const parts = [
    templateText(locale, 'summary.added', { count: diff.added.length }),
    templateText(locale, 'summary.changed', { count: diff.changed.length }),
    templateText(locale, 'summary.removed', { count: diff.removed.length })
  ]
  if (diff.vendorChanges.length > 0) parts.push(templateText(locale, 'summary.vendor'))
  if (diff.policyTextChanged) parts.push(templateText(locale, 'summary.policyText'))
  return parts.join(', ')
}

/** The audit entry's changes for an upgrade: the version and each activity added, removed or changed. */
export function packChanges(diff: PackDiff): FieldChange[] {
  return [
    { field: 'version', before: diff.installedVersion, after: diff.incomingVersion },
    ...diff.added.map((activity) => ({ field: `activities[${activity.id}]`, after: activity.name })),
    ...diff.removed.map((activity) => ({ field: `activities[${activity.id}]`, before: activity.name })),
    ...diff.changed.map((activity) => ({ field: `activities[${activity.id}]`, before: activity.name, after: `${plural(activity.changes.length, 'field', 'fields')} changed` }))
  ]
}

const KIND_WORDS: Record<ChangeKind, string> = { added: 'Added', removed: 'Removed', changed: 'Changed' }

/** One change as lines of text: what, old → new in full, and the quotes. */
export function formatChange(change: PackChange, indent = ''): string[] {
  const lines = [`${indent}${KIND_WORDS[change.kind]}: ${change.label}`]
  const quoted = (quotes: string[]) => quotes.map((quote) => `${indent}      “${quote}”`)
  const isQuote = change.path.endsWith('quotes') || change.path.endsWith('roleQuotes')
  if (change.before !== undefined) {
    lines.push(`${indent}  was: ${change.before}`)
    if (!isQuote && change.beforeQuotes.length > 0) lines.push(`${indent}    policy said:`, ...quoted(change.beforeQuotes))
  }
  if (change.after !== undefined) {
    lines.push(`${indent}  now: ${change.after}`)
    if (!isQuote && change.afterQuotes.length > 0) lines.push(`${indent}    policy says:`, ...quoted(change.afterQuotes))
  }
  return lines
}

/** The whole diff as plain text, every change in full: `ropa templates diff` prints it. */
export function formatPackDiff(diff: PackDiff): string {
  const lines = [`Template pack ${diff.packId}: version ${diff.installedVersion} → ${diff.incomingVersion} (${diff.versionChange === 'newer' ? 'newer' : diff.versionChange === 'older' ? 'older' : 'the same version'})`]
  if (diff.incomingPackId !== diff.packId) lines.push(`Note: the second file is pack ${diff.incomingPackId}, not ${diff.packId}.`)
  lines.push(`${describeDiff(diff)}.`)
  const section = (title: string, changes: PackChange[]) => {
    if (changes.length === 0) return
    lines.push('', title)
    for (const change of changes) lines.push(...formatChange(change, '  '))
  }
  for (const activity of diff.added) lines.push('', `Activity added: ${activity.name} (${activity.id})`)
  for (const activity of diff.removed) lines.push('', `Activity removed: ${activity.name} (${activity.id})`)
  for (const activity of diff.changed) section(`Activity changed: ${activity.name} (${activity.id}), ${plural(activity.changes.length, 'change', 'changes')}`, activity.changes)
  section('Vendor', diff.vendorChanges)
  section('Policy', diff.sourceChanges)
  if (diff.added.length + diff.removed.length + diff.changed.length + diff.vendorChanges.length + diff.sourceChanges.length === 0) lines.push('No differences.')
  return `${lines.join('\n')}\n`
}
