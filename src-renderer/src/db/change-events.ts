/**
 * Which rows of which tables changed, from Dexie's `storagemutated` event: it fires after
 * every committed write through Dexie (and after native writes marked with `markChanged`),
 * in this window and, through Dexie's broadcast, in every other window or tab on the same
 * database. The in-memory stores use it to re-read only the rows that changed.
 */
import Dexie, { cmp, type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie'

/** Either the keys that changed, or `all` when a write touched a whole range (bulk writes, clear). */
export type TableChange = { all: true } | { all: false; keys: string[] }

export type TableChanges = ReadonlyMap<string, TableChange>

const WHOLE_TABLE: TableChange = { all: true }

/** The changes to `tables` that one `storagemutated` event names (tables it leaves alone are absent). */
export function tableChanges(databaseName: string, tables: readonly string[], parts: ObservabilitySet): Map<string, TableChange> {
  const changes = new Map<string, TableChange>()
  for (const table of tables) {
    if (parts.all) {
      changes.set(table, WHOLE_TABLE)
      continue
    }
    const primaryKeys = parts[`idb://${databaseName}/${table}/`]
    if (!primaryKeys) continue
    const keys: string[] = []
    let whole = false
    for (const range of rangesOf(primaryKeys)) {
      if (typeof range.from === 'string' && cmp(range.from, range.to) === 0) keys.push(range.from)
      else whole = true
    }
    if (whole) changes.set(table, WHOLE_TABLE)
    else if (keys.length > 0) changes.set(table, { all: false, keys })
  }
  return changes
}

/**
 * The ranges of a Dexie range set. Not `for...of`: the sets an event carries are plain
 * copies of the tree (Dexie clones them when it merges a transaction's changes).
 */
function rangesOf(tree: IntervalTree | null | undefined, ranges: IntervalTreeNode[] = []): IntervalTreeNode[] {
  if (!tree || !('from' in tree)) return ranges
  rangesOf(tree.l, ranges)
  ranges.push(tree)
  rangesOf(tree.r, ranges)
  return ranges
}

/** Calls `listener` after each committed write that changed one of `tables`; returns the unsubscribe. */
export function onTableChanges(db: Dexie, tables: readonly string[], listener: (changes: TableChanges) => void): () => void {
  const handler = (parts: ObservabilitySet) => {
    const changes = tableChanges(db.name, tables, parts)
    if (changes.size > 0) listener(changes)
  }
  Dexie.on('storagemutated', handler)
  return () => Dexie.on.storagemutated.unsubscribe(handler)
}
