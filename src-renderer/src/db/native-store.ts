/**
 * Native IndexedDB calls inside a running Dexie transaction, for whole-table reads and bulk
 * writes where Dexie's middleware costs more than it gives (see `npm run bench`). The
 * promises are Dexie promises, so the transaction stays open across them.
 */
import Dexie from 'dexie'

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

export function getAll<T>(store: IDBObjectStore): Promise<T[]> {
  const request = store.getAll()
  return new Dexie.Promise((resolve, reject) => {
    request.addEventListener('success', () => resolve(request.result as T[]))
    request.addEventListener('error', () => reject(request.error ?? new Error('IndexedDB request failed')))
  })
}
