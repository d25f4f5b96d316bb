/**
 * Field-level differences between two versions of an object, for the history and the
 * audit trail. Arrays of items with an `id` are matched by id so that reordering or
 * removing one item reports that item, not every index after it.
 */
export interface FieldChange {
  field: string
  /** Absent when the field was added. */
  before?: unknown
  /** Absent when the field was removed. */
  after?: unknown
}

type Plain = Record<string, unknown>

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasIds(values: unknown[]): values is Array<Plain & { id: string }> {
  return values.every((value) => isPlainObject(value) && typeof value.id === 'string')
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export function diffValues(before: unknown, after: unknown, path = '', changes: FieldChange[] = []): FieldChange[] {
  if (sameValue(before, after)) return changes
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)])
    for (const key of keys) diffValues(before[key], after[key], path ? `${path}.${key}` : key, changes)
    return changes
  }
  if (Array.isArray(before) && Array.isArray(after) && hasIds(before) && hasIds(after) && before.length + after.length > 0) {
    const beforeById = new Map(before.map((item) => [item.id, item]))
    const afterById = new Map(after.map((item) => [item.id, item]))
    for (const [id, item] of beforeById) {
      const label = `${path}[${id}]`
      if (!afterById.has(id)) changes.push({ field: label, before: item, after: undefined })
      else diffValues(item, afterById.get(id), label, changes)
    }
    for (const [id, item] of afterById) {
      if (!beforeById.has(id)) changes.push({ field: `${path}[${id}]`, before: undefined, after: item })
    }
    return changes
  }
  changes.push({ field: path, before, after })
  return changes
}

/** Fields that change on every save and say nothing about the content. */
const BOOKKEEPING_FIELDS = new Set(['updatedAt', 'createdAt', 'revision'])

export function diffRecords(before: object | undefined, after: object | undefined): FieldChange[] {
  return diffValues(before ?? {}, after ?? {}).filter((change) => !BOOKKEEPING_FIELDS.has(change.field))
}
