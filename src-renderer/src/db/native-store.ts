/**
 * Native IndexedDB calls inside a running Dexie transaction, for whole-table reads and bulk
 * writes where Dexie's middleware costs more than it gives (see `npm run bench`). The
 * promises are Dexie promises, so the transaction stays open across them.
 */
import Dexie, { RangeSet, mergeRanges, type Transaction } from 'dexie'

/** Puts every item; resolves when the last is written, rejects if any write fails or the transaction aborts. */
export function putAll(store: IDBObjectStore, items: readonly unknown[]): Promise<unknown> {
  let last: IDBRequest | undefined
  for (const item of items) last = store.put(item)
  if (!last) return Dexie.Promise.resolve()
  const request = last
  return new Dexie.Promise((resolve, reject) => {
    request.addEventListener('success', resolve)
    // A failed request's error bubbles to the transaction, which then aborts.
    store.transaction.addEventListener('error', (event) => reject((event.target as IDBRequest).error ?? new Error('a write failed')))
    store.transaction.addEventListener('abort', () => reject(store.transaction.error ?? new Error('the transaction was aborted')))
  })
}

function resultOf<T>(request: IDBRequest): Promise<T> {
  return new Dexie.Promise((resolve, reject) => {
    request.addEventListener('success', () => resolve(request.result as T))
    request.addEventListener('error', () => reject(request.error ?? new Error('IndexedDB request failed')))
  })
}

export function getAll<T>(store: IDBObjectStore): Promise<T[]> {
  return resultOf<T[]>(store.getAll())
}

/** Every primary key, without reading the rows. */
export function getAllKeys<Key extends IDBValidKey>(store: IDBObjectStore): Promise<Key[]> {
  return resultOf<Key[]>(store.getAllKeys())
}

export function getOne<T>(store: IDBObjectStore, key: IDBValidKey): Promise<T | undefined> {
  return resultOf<T | undefined>(store.get(key))
}

type TrackedTransaction = IDBTransaction & { mutatedParts?: Record<string, RangeSet> }

/**
 * Tells Dexie's change tracking that native writes in this transaction changed these keys,
 * as its own writes do: when the transaction commits, `storagemutated` names them (in this
 * window and, through Dexie's broadcast, in every other) and liveQueries re-run. The table's
 * indexes are marked whole, since the native writes' index values are not tracked.
 */
export function markChanged(transaction: Transaction, tableName: string, keys: readonly string[]): void {
  const idbtrans = transaction.idbtrans as TrackedTransaction
  const parts = (idbtrans.mutatedParts ??= {})
  const add = (part: string, changed: RangeSet) => {
    const existing = parts[part]
    if (existing) mergeRanges(existing, changed)
    else parts[part] = changed
  }
  const prefix = `idb://${transaction.db.name}/${tableName}/`
  add(prefix, new RangeSet().addKeys([...keys]))
  for (const index of transaction.db.table(tableName).schema.indexes) add(`${prefix}${index.name}`, new RangeSet(-Infinity, [[]]))
}

/** `markChanged` for the records table. */
export function markRecordsChanged(transaction: Transaction, ids: readonly string[]): void {
  markChanged(transaction, 'records', ids)
}
