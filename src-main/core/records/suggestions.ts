/**
 * Confirming or dismissing a vendor's suggestion (see `suggestionSchema`). Pure: takes the
 * record's purposes, evidence and suggestions and returns them changed, so that the editor
 * and the tests share one behaviour.
 */
import type { Locale } from '../i18n'
import { lookupText } from '../i18n/catalogues'
import { LAWFUL_BASIS_LABELS } from './enums'
import type { Evidence, Purpose, Suggestion } from './model'
import { newItemId } from './new-record'

export interface SuggestionParts {
  purposes: Purpose[]
  evidence: Evidence[]
  suggestions: Suggestion[]
}

/**
 * The evidence a confirmed suggestion leaves: its quotes, verified as they were, and whose words
 * they are, said in the record's language (that of the template's other words in it).
 */
function confirmedEvidence(field: string, suggestion: Suggestion, locale: Locale): Evidence {
  const vendor = suggestion.from.trim()
  const whose = vendor === '' ? lookupText(locale, 'recordText:evidence.theVendorPolicy') : lookupText(locale, 'recordText:evidence.vendorPolicy', { vendor })
  return {
    field,
    quotes: [...suggestion.quotes],
    note: lookupText(locale, 'recordText:evidence.confirmedSuggestion', { whose }),
    ...(suggestion.verified === undefined ? {} : { verified: suggestion.verified })
  }
}

/**
 * Confirming a purpose adds it to the record without a lawful basis: the vendor's basis is for
 * the vendor's own processing, so it stays a separate suggestion for the new purpose. Confirming
 * a lawful basis sets it on its purpose. Either way the quotes follow into the record's evidence.
 */
export function confirmSuggestion(parts: SuggestionParts, suggestionId: string, locale: Locale = 'en'): SuggestionParts {
  const suggestion = parts.suggestions.find((candidate) => candidate.id === suggestionId)
  if (!suggestion) return parts
  const others = parts.suggestions.filter((candidate) => candidate.id !== suggestionId)
  if (suggestion.kind === 'purpose') {
    const purpose: Purpose = {
      id: newItemId(),
      description: suggestion.description,
      uses: [...suggestion.uses],
      lawfulBasis: '',
      legitimateInterest: '',
      liaReference: '',
      consentRecordReference: ''
    }
    const index = parts.purposes.length
    const evidence = [...parts.evidence, confirmedEvidence(`purposes.${index}`, suggestion, locale)]
    const basisSuggestion: Suggestion[] = suggestion.lawfulBasis === '' ? [] : [{ ...suggestion, id: newItemId(), kind: 'lawful-basis', purposeId: purpose.id }]
    const position = parts.suggestions.indexOf(suggestion)
    return {
      purposes: [...parts.purposes, purpose],
      evidence,
      suggestions: [...others.slice(0, position), ...basisSuggestion, ...others.slice(position)]
    }
  }
  const index = parts.purposes.findIndex((purpose) => purpose.id === suggestion.purposeId)
  if (index === -1 || suggestion.lawfulBasis === '') return parts
  const purposes = parts.purposes.map((purpose, at) =>
    at === index
      ? { ...purpose, lawfulBasis: suggestion.lawfulBasis, legitimateInterest: purpose.legitimateInterest.trim() === '' ? suggestion.legitimateInterest : purpose.legitimateInterest }
      : purpose
  )
  return {
    purposes,
    evidence: [...parts.evidence, confirmedEvidence(`purposes.${index}.lawfulBasis`, suggestion, locale)],
    suggestions: others
  }
}

export function dismissSuggestion(parts: SuggestionParts, suggestionId: string): SuggestionParts {
  return { ...parts, suggestions: parts.suggestions.filter((candidate) => candidate.id !== suggestionId) }
}

/** The purpose a lawful-basis suggestion is for, by its position; undefined once that purpose was removed. */
export function purposeIndexOf(purposes: readonly Pick<Purpose, 'id'>[], suggestion: Pick<Suggestion, 'kind' | 'purposeId'>): number | undefined {
  if (suggestion.kind !== 'lawful-basis') return undefined
  const index = purposes.findIndex((purpose) => purpose.id === suggestion.purposeId)
  return index === -1 ? undefined : index
}

/** "Legitimate interests — Art. 6(1)(f)": the suggested basis in the editor's words. */
export function suggestedBasisLabel(suggestion: Pick<Suggestion, 'lawfulBasis'>): string {
  return suggestion.lawfulBasis === '' ? '' : LAWFUL_BASIS_LABELS[suggestion.lawfulBasis]
}
