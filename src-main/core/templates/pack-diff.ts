/**
 * What an incoming version of a template pack changes compared with the installed one, and
 * which records made from the installed pack are touched by it. Pure.
 */
import { diffValues, type FieldChange } from '../records/diff'
import type { ActivityTemplate, TemplatePack } from './pack-schema'

export type VersionChange = 'newer' | 'same' | 'older'

export interface ActivitySummary {
  id: string
  name: string
}

export interface ChangedActivity extends ActivitySummary {
  /** Field paths inside the activity; list items are matched by their natural key, e.g. `dataCategories[user.contact.email].retention.period`. */
  changes: FieldChange[]
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
  vendorChanges: FieldChange[]
  /** Source changes; a changed `sha256` means the policy text itself changed. */
  sourceChanges: FieldChange[]
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

export function diffPacks(installed: TemplatePack, incoming: TemplatePack): PackDiff {
  const comparison = compareVersions(incoming.version, installed.version)
  const installedById = new Map(installed.activities.map((activity) => [activity.id, activity]))
  const incomingById = new Map(incoming.activities.map((activity) => [activity.id, activity]))
  const summary = (activity: ActivityTemplate): ActivitySummary => ({ id: activity.id, name: activity.name })

  const changed: ChangedActivity[] = []
  for (const [id, before] of installedById) {
    const after = incomingById.get(id)
    if (!after) continue
    const changes = diffActivity(before, after)
    if (changes.length > 0) changed.push({ ...summary(after), changes })
  }
  return {
    packId: installed.id,
    incomingPackId: incoming.id,
    installedVersion: installed.version,
    incomingVersion: incoming.version,
    versionChange: comparison > 0 ? 'newer' : comparison < 0 ? 'older' : 'same',
    added: incoming.activities.filter((activity) => !installedById.has(activity.id)).map(summary),
    removed: installed.activities.filter((activity) => !incomingById.has(activity.id)).map(summary),
    changed,
    vendorChanges: diffValues(installed.vendor, incoming.vendor, 'vendor'),
    sourceChanges: diffValues(installed.source, incoming.source, 'source')
  }
}

/** The key that identifies an item of each list across versions; purposes have none, so their position is used. */
const NATURAL_KEYS: Partial<Record<keyof ActivityTemplate, (item: never, index: number) => string>> = {
  purposes: (_item: unknown, index: number) => `#${index + 1}`,
  dataSubjects: (item: { term: string }) => item.term,
  dataCategories: (item: { term: string }) => item.term,
  specialCategories: (item: { category: string }) => item.category,
  recipients: (item: { name: string }) => item.name,
  subProcessors: (item: { name: string }) => item.name,
  transfers: (item: { recipient: string; country: string }) => `${item.recipient} → ${item.country}`,
  gaps: (item: { field: string }) => item.field
}

/**
 * diffValues matches list items by `id`, so each item gets its natural key as a temporary id;
 * the id is taken out of the reported values again.
 */
function diffActivity(before: ActivityTemplate, after: ActivityTemplate): FieldChange[] {
  const keyed = (activity: ActivityTemplate) => {
    const copy: Record<string, unknown> = { ...activity }
    for (const [field, keyOf] of Object.entries(NATURAL_KEYS)) {
      const items = activity[field as keyof ActivityTemplate] as object[]
      const seen = new Map<string, number>()
      copy[field] = items.map((item, index) => {
        const key = (keyOf as (item: object, index: number) => string)(item, index)
        const count = (seen.get(key) ?? 0) + 1
        seen.set(key, count)
        return { ...item, id: count > 1 ? `${key} #${count}` : key }
      })
    }
    return copy
  }
  return diffValues(keyed(before), keyed(after)).map((change) => ({
    field: change.field,
    before: withoutId(change.before),
    after: withoutId(change.after)
  }))
}

function withoutId(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('id' in value)) return value
  const { id: _id, ...rest } = value as Record<string, unknown>
  return rest
}

export interface RecordOriginRef {
  id: string
  reference: string
  name: string
  origin: { packId: string; packVersion: string; activityId: string } | null
}

export interface AffectedRecord<T extends RecordOriginRef> {
  record: T
  activityId: string
  change: 'changed' | 'removed'
  /** The activity's field changes (empty when the activity was removed). */
  changes: FieldChange[]
}

/**
 * Records made from this pack whose activity the incoming version changes or removes. Matched by
 * pack id whatever version the record was made from, since the user is replacing the pack.
 */
export function affectedRecords<T extends RecordOriginRef>(diff: PackDiff, records: T[]): Array<AffectedRecord<T>> {
  const changedById = new Map(diff.changed.map((activity) => [activity.id, activity]))
  const removedIds = new Set(diff.removed.map((activity) => activity.id))
  const affected: Array<AffectedRecord<T>> = []
  for (const record of records) {
    const origin = record.origin
    if (!origin || origin.packId !== diff.packId) continue
    const changedActivity = changedById.get(origin.activityId)
    if (changedActivity) affected.push({ record, activityId: origin.activityId, change: 'changed', changes: changedActivity.changes })
    else if (removedIds.has(origin.activityId)) affected.push({ record, activityId: origin.activityId, change: 'removed', changes: [] })
  }
  return affected
}

// ---------------------------------------------------------------- describing a change

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

/** One line for people: e.g. "1 activity added, 2 activities changed, 0 activities removed, new policy text". */
export function describeDiff(diff: PackDiff): string {
  const parts = [
    plural(diff.added.length, 'activity added', 'activities added'),
    plural(diff.changed.length, 'activity changed', 'activities changed'),
    plural(diff.removed.length, 'activity removed', 'activities removed')
  ]
  if (diff.vendorChanges.length > 0) parts.push('vendor details changed')
  if (diff.sourceChanges.some((change) => change.field === 'source.sha256')) parts.push('new policy text')
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
