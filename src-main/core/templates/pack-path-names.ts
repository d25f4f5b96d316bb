/**
 * A pack file's JSON path in words, for the app's import messages:
 * `$.activities[0].purposes[1].quotes[0]` → `Activity 1 “Customer accounts” › Purpose 2 › Quote 1`.
 * The JSON path stays next to it, for the author editing the file. Pure.
 */
import { ITEM_NAMES } from '../records/field-names'

/** What one item of each list of a pack is called: the record's names, and the pack's own lists. */
export const PACK_ITEM_NAMES: Record<string, string> = {
  ...ITEM_NAMES,
  activities: 'Activity',
  gaps: 'Open point',
  quotes: 'Quote',
  roleQuotes: 'Role quote',
  sources: 'Source document',
  legalEntities: 'Legal entity',
  controllerFor: 'Controller for',
  processorFor: 'Processor for',
  uses: 'Use',
  measures: 'Measure'
}

/** Field names that read badly split from camelCase. */
const FIELD_NAMES: Record<string, string> = {
  $schema: 'Schema',
  source: 'Main policy',
  sha256: 'SHA-256',
  sccModule: 'SCC module',
  instrument: 'Transfer instrument',
  mechanism: 'Transfer mechanism',
  dpoContact: 'DPO contact',
  euRepresentative: 'EU representative',
  ukRepresentative: 'UK representative',
  dataSource: 'Source of the data',
  sensitiveDataStance: 'Stance on special-category data',
  automatedDecisionMaking: 'Automated decisions',
  url: 'Web address'
}

const SEGMENT = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g

function fieldName(key: string): string {
  const known = FIELD_NAMES[key]
  if (known) return known
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * The path in words; `pack` (the file's parsed JSON, when it parsed) lets an activity be named
 * by its name. `$` alone is "The file".
 */
export function describePackPath(path: string, pack?: unknown): string {
  if (!path.startsWith('$')) return path
  const parts: string[] = []
  let lastKey: string | undefined
  let value: unknown = pack
  for (const match of path.slice(1).matchAll(SEGMENT)) {
    const [, key, index, quoted] = match
    const name = key ?? (quoted === undefined ? undefined : (JSON.parse(quoted) as string))
    if (name !== undefined) {
      parts.push(fieldName(name))
      lastKey = name
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined
      continue
    }
    const position = Number(index)
    value = Array.isArray(value) ? value[position] : undefined
    const item = lastKey === undefined ? undefined : PACK_ITEM_NAMES[lastKey]
    if (item) {
      parts.pop()
      const itemName = lastKey === 'activities' && typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined
      parts.push(`${item} ${position + 1}${typeof itemName === 'string' && itemName.trim() !== '' ? ` “${itemName.trim()}”` : ''}`)
    } else parts.push(`item ${position + 1}`)
    lastKey = undefined
  }
  return parts.length === 0 ? 'The file' : parts.join(' › ')
}
