/** Reads packs and vendors, installing the shipped packs first, and re-reads on every change. */
import { useEffect, useState } from 'react'
import { repository } from '../app/services'
import { templateRepository } from './template-services'

/**
 * `read` runs once the shipped packs are installed (unless `install` is false: the record editor
 * only reads, it never writes packs as a side effect) and again after any pack, vendor or record
 * change. The result is undefined while loading.
 */
export function useTemplateData<T>(read: () => Promise<T>, deps: unknown[], install = true): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined)
  useEffect(() => {
    let live = true
    const load = () =>
      void (install ? templateRepository.ensureShippedPacks() : Promise.resolve())
        .then(read)
        .then((result) => {
          if (live) setValue(() => result)
        })
    load()
    const stopPacks = templateRepository.onChange(load)
    const stopRecords = repository.onChange(load)
    return () => {
      live = false
      stopPacks()
      stopRecords()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  return value
}
