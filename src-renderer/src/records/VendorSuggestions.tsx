/**
 * The vendor's purposes and lawful bases offered to the DPO (see `suggestionSchema`): shown in
 * the Purposes section, each marked as the vendor's, with its policy quotes; one click confirms
 * it (a purpose joins the record's purposes without a basis; a basis is set on its purpose) or
 * dismisses it. The change is part of the form, so saving writes it to the audit trail.
 */
import { useFormContext, useWatch } from 'react-hook-form'
import { recordFormSchema, type RecordFormInput, type Suggestion } from '@core/records/model'
import { confirmSuggestion, dismissSuggestion, purposeIndexOf, suggestedBasisLabel, type SuggestionParts } from '@core/records/suggestions'

export function VendorSuggestions() {
  const { getValues, setValue } = useFormContext<RecordFormInput>()
  const suggestions = (useWatch<RecordFormInput, 'suggestions'>({ name: 'suggestions' }) ?? []) as Suggestion[]
  const purposes = useWatch<RecordFormInput, 'purposes'>({ name: 'purposes' }) ?? []
  if (suggestions.length === 0) return null

  const change = (operation: (parts: SuggestionParts, id: string) => SuggestionParts, id: string) => {
    // The form holds input values; the schema gives every part its defaults before the pure operation.
    const current = recordFormSchema.shape
    const parts: SuggestionParts = {
      purposes: current.purposes.parse(getValues('purposes') ?? []),
      evidence: current.evidence.parse(getValues('evidence') ?? []),
      suggestions: current.suggestions.parse(getValues('suggestions') ?? []) ?? []
    }
    const next = operation(parts, id)
    const options = { shouldDirty: true, shouldValidate: false }
    if (next.purposes !== parts.purposes) setValue('purposes', next.purposes, options)
    if (next.evidence !== parts.evidence) setValue('evidence', next.evidence, options)
    setValue('suggestions', next.suggestions, options)
  }
  const vendors = [...new Set(suggestions.map((suggestion) => suggestion.from.trim()).filter(Boolean))]
  const whose = vendors.length === 1 ? `${vendors[0]}'s policy` : "The vendor's policy"

  return (
    <div className="suggestions" role="region" aria-label="Suggestions from the vendor's policy" data-testid="vendor-suggestions">
      <p className="section__note">
        {whose} states these for its own processing. They are not your purposes or lawful bases until you confirm them: confirm what is true for you, dismiss the rest.
      </p>
      <ul className="open-items">
        {suggestions.map((suggestion) => {
          const index = purposeIndexOf(purposes, suggestion)
          const described = purposes[index ?? -1]?.description?.trim() ?? ''
          const purposeName = index === undefined ? undefined : `purpose ${index + 1}${described === '' ? '' : ` (${described})`}`
          return <SuggestionRow key={suggestion.id} suggestion={suggestion} purposeName={purposeName} onConfirm={() => change(confirmSuggestion, suggestion.id)} onDismiss={() => change(dismissSuggestion, suggestion.id)} />
        })}
      </ul>
    </div>
  )
}

function SuggestionRow({ suggestion, purposeName, onConfirm, onDismiss }: { suggestion: Suggestion; purposeName: string | undefined; onConfirm: () => void; onDismiss: () => void }) {
  const from = suggestion.from.trim() === '' ? 'the vendor' : suggestion.from.trim()
  const basis = suggestedBasisLabel(suggestion)
  const isPurpose = suggestion.kind === 'purpose'
  const orphan = !isPurpose && purposeName === undefined
  // Each accessible name starts with the button's visible words, then says which suggestion.
  const subject = isPurpose ? `the purpose “${suggestion.description}”` : `the lawful basis ${basis}${purposeName ? ` for ${purposeName}` : ''}`
  return (
    <li className="open-items__item suggestions__item">
      <p className="open-items__text">
        <span className="badge badge--suggested">Suggested by {from}</span>{' '}
        {isPurpose ? (
          <>
            <strong>Purpose:</strong> {suggestion.description}
            {basis !== '' ? <span className="suggestions__aside"> — {from}'s own lawful basis: {basis} (offered separately once you confirm the purpose)</span> : null}
          </>
        ) : (
          <>
            <strong>Lawful basis for {orphan ? 'a purpose since removed' : purposeName}:</strong> {basis}
            {suggestion.legitimateInterest.trim() !== '' ? <span className="suggestions__aside"> — interest pursued: {suggestion.legitimateInterest}</span> : null}
            <span className="suggestions__aside"> — {from}'s basis for its own processing; yours may differ.</span>
          </>
        )}
      </p>
      {suggestion.quotes.length > 0 ? (
        <details className="suggestions__quotes">
          <summary>The policy's words</summary>
          {suggestion.quotes.map((quote, quoteIndex) => (
            <blockquote key={quoteIndex}>{quote}</blockquote>
          ))}
        </details>
      ) : null}
      <div className="open-items__actions">
        {orphan ? null : (
          <button type="button" className="button button--small" onClick={onConfirm} aria-label={`${isPurpose ? 'Confirm as our purpose' : 'Use as our lawful basis'}: ${subject}`}>
            {isPurpose ? 'Confirm as our purpose' : 'Use as our lawful basis'}
          </button>
        )}
        <button type="button" className="button button--small button--quiet" onClick={onDismiss} aria-label={`Dismiss ${subject}, suggested by ${from}`}>
          Dismiss
        </button>
      </div>
    </li>
  )
}
