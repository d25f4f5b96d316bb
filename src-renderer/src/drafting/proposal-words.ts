/** A proposal's field and value in the interface's language (the core's labels are English). */
import { termLabelIn } from '@core/i18n/catalogues'
import type { DraftField, DraftProposal } from '@core/templates/drafting/proposal'
import { currentLocale, t } from '../i18n/i18n'
import { enumLabel } from '../i18n/labels'

export function fieldLabel(field: DraftField): string {
  return t(`drafting:fields.${field}`)
}

export function valueText(proposal: DraftProposal): string {
  switch (proposal.field) {
    case 'vendor':
    case 'activity':
    case 'subProcessor':
    case 'recipient':
      return proposal.value.name
    case 'role':
      return enumLabel('RECORD_ROLE_LABELS', proposal.value.role)
    case 'dataCategory':
    case 'dataSubject':
      return termLabelIn(proposal.value.term, currentLocale())
    case 'purpose':
      return proposal.value.description
    case 'retention': {
      const value = proposal.value
      if (value.mode !== 'period') return value.criterion
      const unit = enumLabel('RETENTION_UNIT_LABELS', value.unit)
      return value.fromEvent ? t('drafting:value.periodFrom', { period: value.period, unit, event: value.fromEvent }) : t('drafting:value.period', { period: value.period, unit })
    }
    case 'transfer':
      return proposal.value.country || t('drafting:value.countryNotStated')
    case 'securityMeasure':
      return proposal.value.measure ? enumLabel('SECURITY_MEASURE_LABELS', proposal.value.measure) : t('drafting:value.noListedMeasure')
  }
}

/** A passage on one line, cut to `length` characters with an ellipsis. */
export function excerpt(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat
}
