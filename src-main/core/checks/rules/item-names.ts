/**
 * How findings name the item they are about: by its own name in quotes, or, when it has none
 * yet, by its position as the editor numbers it. A finding never quotes an empty name
 * (`The processor "" has no contract`). Each is a message, said in the reader's language.
 */
import { msg, termParam, type MessageRef } from '../../i18n/message'
import { isBlank } from '../finding'

/** `The purpose "Fulfil orders"`, or `Purpose 2 (no description yet)`; starts a sentence. */
export function theItem(kind: 'purpose' | 'controller' | 'processor', name: string | null | undefined, index: number): MessageRef {
  return isBlank(name) ? msg(`item.${kind}.unnamed`, { number: index + 1 }) : msg(`item.${kind}`, { name: name!.trim() })
}

/** A data category by its term's label in quotes (`style` 'the': `the data category "…"`), or `data category 2` when it has no term yet. */
export function dataCategoryName(term: string | null | undefined, index: number, style: 'quoted' | 'the' = 'quoted'): MessageRef {
  return isBlank(term) ? msg('category.numbered', { number: index + 1 }) : msg(`category.${style}`, { term: termParam(term!.trim()) })
}
