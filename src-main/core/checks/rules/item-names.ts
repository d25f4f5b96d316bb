/**
 * How findings name the item they are about: by its own name in quotes, or, when it has none
 * yet, by its position as the editor numbers it. A finding never quotes an empty name
 * (`The processor "" has no contract`).
 */
import { termLabel } from '../../vocabulary/vocabulary'
import { isBlank } from '../finding'

/** `The purpose "Fulfil orders"`, or `Purpose 2 (no description yet)`; starts a sentence. */
export function theItem(kind: string, name: string | null | undefined, index: number, unnamed = 'no name yet'): string {
  return isBlank(name) ? `${capitalised(kind)} ${index + 1} (${unnamed})` : `The ${kind} "${name!.trim()}"`
}

/** A data category by its term's label in quotes, or `data category 2` when it has no term yet. */
export function dataCategoryName(term: string | null | undefined, index: number): string {
  const label = isBlank(term) ? '' : termLabel(term!.trim())
  return isBlank(label) ? `data category ${index + 1}` : `"${label}"`
}

export const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`
