/** Reads packs and vendors, installing the shipped packs first, and re-reads on every change. */
import { useEffect, useState } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { templateRepository } from './template-services'

/**
 * `read` runs once the shipped packs are installed (unless `install` is false: the record editor
 * only reads, it never writes packs as a side effect), as a Dexie live query: it runs again
 * whenever a pack, vendor or record it read changes, in this window or another. The result is
 * undefined while loading.
 */
export function useTemplateData<T>(read: () => Promise<T>, deps: unknown[], install = true): T | undefined {
  const [installed, setInstalled] = useState(!install)
  useEffect(() => {
    if (!install) return
    let live = true
    // The install is a write, which a live query may not make: it runs first, apart.
    void templateRepository.ensureShippedPacks().finally(() => live && setInstalled(true))
    return () => {
      live = false
    }
  }, [install])
  // A read of undefined would look like "still loading": wrap the result.
  const result = useLiveQuery(async () => (installed ? { value: await read() } : undefined), [installed, ...deps])
  return result?.value
}
