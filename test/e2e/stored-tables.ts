/**
 * The app's IndexedDB tables read straight from the browser, bypassing the app, so that a
 * test sees what is really stored.
 */
import type { Page } from 'playwright-core'
import type { StoredRecord } from '@core/records/model'

/** Every row of each named table, read in one transaction. */
export function readTables<Name extends string>(page: Page, names: readonly Name[]): Promise<Record<Name, unknown[]>> {
  return page.evaluate(
    (names) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('ropa-register')
        open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'))
        open.onsuccess = () => {
          const transaction = open.result.transaction([...names])
          const tables: Record<string, unknown[]> = {}
          for (const name of names) {
            const request = transaction.objectStore(name).getAll()
            request.onsuccess = () => {
              tables[name] = request.result
            }
          }
          transaction.oncomplete = () => {
            open.result.close()
            resolve(tables)
          }
          transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'))
        }
      }),
    names
  )
}

/** The records as stored, read straight from IndexedDB. */
export async function storedRecords(page: Page): Promise<StoredRecord[]> {
  return (await readTables(page, ['records'])).records as StoredRecord[]
}
