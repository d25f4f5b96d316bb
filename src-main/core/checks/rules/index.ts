/** Every rule, in the order findings are listed: Art. 30 items first, then the articles in number order. */
import type { OrganisationRule, RecordRule, RuleMeta } from '../finding'
import { art30OrganisationRules, art30RecordItemRules } from './art30-required-items'
import { consentRecordMissing } from './consent-record-missing'
import { criminalOffenceBasis } from './criminal-offence-basis'
import { dpiaLikelyRequired } from './dpia-likely-required'
import { legitimateInterestUnstated } from './legitimate-interest-unstated'
import { lawfulBasisMissing } from './lawful-basis-missing'
import { liaReferenceMissing } from './lia-reference-missing'
import { openTemplateGap } from './open-template-gap'
import { processorContractMissing } from './processor-contract-missing'
import { retentionVague } from './retention-vague'
import { reviewDueSoon } from './review-due-soon'
import { reviewOverdue } from './review-overdue'
import { specialCategoryCondition } from './special-category-condition'
import { templateVersionOutdated } from './template-version-outdated'
import { transferAdequacyScope } from './transfer-adequacy-scope'
import { transferAdequacyUnfounded } from './transfer-adequacy-unfounded'
import { transferAdequacyWouldSuffice } from './transfer-adequacy-would-suffice'
import { transferDerogationUndocumented } from './transfer-derogation-undocumented'
import { transferEvidenceInvalid } from './transfer-evidence-invalid'
import { transferInstrumentInvalid } from './transfer-instrument-invalid'
import { transferMechanismMissing } from './transfer-mechanism-missing'
import { transferRegimeInstrument } from './transfer-regime-instrument'
import { transferSccModuleMissing } from './transfer-scc-module-missing'
import { transferTiaMissing } from './transfer-tia-missing'
import { vendorSuggestionUndecided } from './vendor-suggestion-undecided'

export const ORGANISATION_RULES: readonly OrganisationRule[] = art30OrganisationRules

export const RECORD_RULES: readonly RecordRule[] = [
  ...art30RecordItemRules,
  retentionVague,
  lawfulBasisMissing,
  vendorSuggestionUndecided,
  legitimateInterestUnstated,
  liaReferenceMissing,
  consentRecordMissing,
  specialCategoryCondition,
  criminalOffenceBasis,
  processorContractMissing,
  dpiaLikelyRequired,
  transferMechanismMissing,
  transferInstrumentInvalid,
  transferEvidenceInvalid,
  transferRegimeInstrument,
  transferAdequacyUnfounded,
  transferAdequacyScope,
  transferAdequacyWouldSuffice,
  transferSccModuleMissing,
  transferTiaMissing,
  transferDerogationUndocumented,
  reviewOverdue,
  reviewDueSoon,
  templateVersionOutdated,
  openTemplateGap
]

/** For filters and legends: every rule with its id, article and description. */
export const ALL_RULES: readonly RuleMeta[] = [...ORGANISATION_RULES, ...RECORD_RULES].map(({ id, article, description }) => ({ id, article, description }))

const ruleIndex = new Map(ALL_RULES.map((rule) => [rule.id, rule]))
export function ruleById(id: string): RuleMeta | undefined {
  return ruleIndex.get(id)
}
