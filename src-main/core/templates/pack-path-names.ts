/**
 * A pack file's JSON path in words, for the app's import messages:
 * `$.activities[0].purposes[1].quotes[0]` → `Activity 1 “Customer accounts” › Purpose 2 › Quote 1`.
 * Said in the interface's language (`Activité 1 « Comptes clients » › Finalité 2 › Citation 1`); the JSON
 * path stays next to it as it is, for the author editing the file. Pure.
 */
import { CATALOGUES, lookupText } from '../i18n/catalogues'
import type { Locale } from '../i18n/index'
import { ITEM_NAMES } from '../records/field-names'

/** The lists of a pack that are not lists of a record, named in the `packProblems` catalogue (`place.item.*`). */
const PACK_OWN_LISTS = ['activities', 'gaps', 'quotes', 'roleQuotes', 'sources', 'legalEntities', 'controllerFor', 'processorFor', 'uses', 'measures'] as const
const PACK_LISTS: ReadonlySet<string> = new Set([...Object.keys(ITEM_NAMES), ...PACK_OWN_LISTS])

/** What one item of a list is called in one language: the record editor's word for the record's lists, the pack's own otherwise. */
function itemName(list: string, locale: Locale): string | undefined {
  if (!PACK_LISTS.has(list)) return undefined
  return list in ITEM_NAMES ? lookupText(locale, `labels:item.${list}`) : lookupText(locale, `packProblems:place.item.${list}`)
}

/** A field's name in one language; a key the catalogue does not know (an unknown field in the file) split from camelCase. */
function fieldName(key: string, locale: Locale): string {
  const known = CATALOGUES[locale].packProblems[`place.field.${key}`] ?? CATALOGUES.en.packProblems[`place.field.${key}`]
  if (known) return known
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const SEGMENT = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g

/**
 * The path in words, in the reader's language; `pack` (the file's parsed JSON, when it parsed) lets an
 * activity be named by its name. `$` alone is "The file".
 */
export function describePackPath(path: string, pack?: unknown, locale: Locale = 'en'): string {
  if (!path.startsWith('$')) return path
  const parts: string[] = []
  let lastKey: string | undefined
  let value: unknown = pack
  for (const match of path.slice(1).matchAll(SEGMENT)) {
    const [, key, index, quoted] = match
    const name = key ?? (quoted === undefined ? undefined : (JSON.parse(quoted) as string))
    if (name !== undefined) {
      parts.push(fieldName(name, locale))
      lastKey = name
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined
      continue
    }
    const position = Number(index)
    value = Array.isArray(value) ? value[position] : undefined
    const item = lastKey === undefined ? undefined : itemName(lastKey, locale)
    if (item) {
      parts.pop()
      const activityName = lastKey === 'activities' && typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined
      const numbered = `${item} ${position + 1}`
      parts.push(typeof activityName === 'string' && activityName.trim() !== '' ? lookupText(locale, 'packProblems:place.namedItem', { item: numbered, name: activityName.trim() }) : numbered)
    } else parts.push(lookupText(locale, 'packProblems:place.item', { position: position + 1 }))
    lastKey = undefined
  }
  return parts.length === 0 ? lookupText(locale, 'packProblems:place.file') : parts.join(' › ')
}
