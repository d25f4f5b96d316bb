/**
 * The vendor's purposes and lawful bases offered to the DPO (see `suggestionSchema`): shown in
 * the Purposes section, each marked as the vendor's, with its policy quotes; one click confirms
 * it (a purpose joins the record's purposes without a basis; a basis is set on its purpose) or
 * dismisses it. The change is part of the form, so saving writes it to the audit trail.
 */
import { useFormContext, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { recordFormSchema, type RecordFormInput, type Suggestion } from '@core/records/model'
import { confirmSuggestion, dismissSuggestion, purposeIndexOf, type SuggestionParts } from '@core/records/suggestions'
import { enumLabel } from '../i18n/labels'

export function VendorSuggestions() {
  const { t } = useTranslation()
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
  const whose = vendors.length === 1 ? t('vendorSuggestions.vendorPolicy', { vendor: vendors[0] }) : t('vendorSuggestions.theVendorPolicy')

  return (
    <div className="suggestions" role="region" aria-label={t('vendorSuggestions.region')} data-testid="vendor-suggestions">
      <p className="section__note">
        {t('vendorSuggestions.intro', { whose })}
      </p>
      <ul className="open-items">
        {suggestions.map((suggestion) => {
          const index = purposeIndexOf(purposes, suggestion)
          const described = purposes[index ?? -1]?.description?.trim() ?? ''
          const purposeName =
            index === undefined
              ? undefined
              : described === ''
                ? t('vendorSuggestions.purposeName', { number: index + 1 })
                : t('vendorSuggestions.purposeNamed', { number: index + 1, description: described })
          // The evidence note is stored with the record: in the language the template wrote it in.
          const confirm = (current: SuggestionParts, id: string) => confirmSuggestion(current, id, getValues('origin')?.locale ?? 'en')
          return <SuggestionRow key={suggestion.id} suggestion={suggestion} purposeName={purposeName} onConfirm={() => change(confirm, suggestion.id)} onDismiss={() => change(dismissSuggestion, suggestion.id)} />
        })}
      </ul>
    </div>
  )
}

function SuggestionRow({ suggestion, purposeName, onConfirm, onDismiss }: { suggestion: Suggestion; purposeName: string | undefined; onConfirm: () => void; onDismiss: () => void }) {
  const { t } = useTranslation()
  const from = suggestion.from.trim() === '' ? t('vendorSuggestions.theVendor') : suggestion.from.trim()
  const basis = suggestion.lawfulBasis === '' ? '' : enumLabel('LAWFUL_BASIS_LABELS', suggestion.lawfulBasis)
  const isPurpose = suggestion.kind === 'purpose'
  const orphan = !isPurpose && purposeName === undefined
  // Each accessible name starts with the button's visible words, then says which suggestion.
  const subject = isPurpose
    ? t('vendorSuggestions.subjectPurpose', { description: suggestion.description })
    : purposeName
      ? t('vendorSuggestions.subjectBasisFor', { basis, purpose: purposeName })
      : t('vendorSuggestions.subjectBasis', { basis })
  const confirmWords = isPurpose ? t('vendorSuggestions.confirmPurpose') : t('vendorSuggestions.useBasis')
  return (
    <li className="open-items__item suggestions__item">
      <p className="open-items__text">
        <span className="badge badge--suggested">{t('vendorSuggestions.suggestedBy', { vendor: from })}</span>{' '}
        {isPurpose ? (
          <>
            <strong>{t('vendorSuggestions.purpose')}</strong> {suggestion.description}
            {basis !== '' ? <span className="suggestions__aside">{t('vendorSuggestions.vendorBasis', { vendor: from, basis })}</span> : null}
          </>
        ) : (
          <>
            <strong>{t('vendorSuggestions.basisFor', { purpose: orphan ? t('vendorSuggestions.removedPurpose') : purposeName })}</strong> {basis}
            {suggestion.legitimateInterest.trim() !== '' ? <span className="suggestions__aside">{t('vendorSuggestions.interest', { interest: suggestion.legitimateInterest })}</span> : null}
            <span className="suggestions__aside">{t('vendorSuggestions.ownProcessing', { vendor: from })}</span>
          </>
        )}
      </p>
      {suggestion.quotes.length > 0 ? (
        <details className="suggestions__quotes">
          <summary>{t('vendorSuggestions.policyWords')}</summary>
          {suggestion.quotes.map((quote, quoteIndex) => (
            <blockquote key={quoteIndex}>{quote}</blockquote>
          ))}
        </details>
      ) : null}
      <div className="open-items__actions">
        {orphan ? null : (
          <button type="button" className="button button--small" onClick={onConfirm} aria-label={`${confirmWords}: ${subject}`}>
            {confirmWords}
          </button>
        )}
        <button type="button" className="button button--small button--quiet" onClick={onDismiss} aria-label={t('vendorSuggestions.dismissLabel', { subject, vendor: from })}>
          {t('vendorSuggestions.dismiss')}
        </button>
      </div>
    </li>
  )
}
