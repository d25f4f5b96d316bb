/**
 * The controlled vocabulary: fideslang's data categories, data uses and data subjects
 * (CC BY 4.0, see ./fideslang/README.md) plus the GDPR terms fideslang lacks.
 * Records store keys; the UI and the workbook show labels. Free text is stored as
 * `custom:<text>` so that it can never collide with a key.
 */
import fideslangCategories from './fideslang/data_categories.json'
import fideslangSubjects from './fideslang/data_subjects.json'
import fideslangUses from './fideslang/data_uses.json'
import type { SpecialCategory } from '../records/enums'

export interface VocabularyEntry {
  key: string
  name: string
  description: string
  parent: string | null
  source: 'fideslang' | 'gdpr'
}

export type VocabularyKind = 'dataCategories' | 'dataUses' | 'dataSubjects'

const gdpr = (key: string, name: string, description: string, parent: string | null = null): VocabularyEntry => ({
  key,
  name,
  description,
  parent,
  source: 'gdpr'
})

/** Terms GDPR needs that fideslang does not have (Art. 9(1), Art. 10 and common data subjects). */
const GDPR_CATEGORY_ADDITIONS: VocabularyEntry[] = [
  gdpr('gdpr', 'GDPR additions', 'Categories that GDPR names and fideslang lacks.'),
  gdpr('gdpr.trade_union_membership', 'Trade-union membership', 'Art. 9(1): membership of a trade union.', 'gdpr'),
  gdpr('gdpr.sex_life', 'Sex life', 'Art. 9(1): data concerning a natural person\'s sex life.', 'gdpr'),
  gdpr('gdpr.philosophical_beliefs', 'Philosophical beliefs', 'Art. 9(1): philosophical beliefs.', 'gdpr'),
  gdpr('gdpr.criminal_offences', 'Criminal convictions and offences', 'Art. 10: data relating to criminal convictions and offences.', 'gdpr'),
  gdpr('gdpr.professional_profile', 'Professional profile', 'Employer, job title, work history and similar professional information.', 'gdpr'),
  gdpr('gdpr.communications', 'Communications content', 'Content of e-mails, messages, calls and recordings.', 'gdpr')
]

const GDPR_SUBJECT_ADDITIONS: VocabularyEntry[] = [
  gdpr('gdpr.child', 'Children', 'Data subjects under the age of digital consent (Art. 8).'),
  gdpr('gdpr.user', 'Users of the service', 'People with an account on, or using, the product or service.'),
  gdpr('gdpr.business_contact', 'Business contacts', 'Contacts at customers, partners, suppliers or prospects.'),
  gdpr('gdpr.client_end_user', 'Clients\' end users', 'People whose data a processor handles on behalf of its clients.'),
  gdpr('gdpr.public_figure', 'People with public professional profiles', 'People whose data is collected from public sources.')
]

const GDPR_USE_ADDITIONS: VocabularyEntry[] = [
  gdpr('gdpr', 'GDPR additions', 'Purposes that GDPR registers commonly name and fideslang lacks.'),
  gdpr('gdpr.business_transfer', 'Business transfer', 'Merger, acquisition, reorganisation or sale of assets.', 'gdpr'),
  gdpr('gdpr.legal_claims', 'Legal claims and disclosures', 'Establishing, exercising or defending legal claims; lawful requests.', 'gdpr'),
  gdpr('gdpr.rights_requests', 'Data subject requests', 'Handling requests to exercise data protection rights.', 'gdpr'),
  gdpr('gdpr.research', 'Research and product development', 'Developing and improving products and services.', 'gdpr')
]

const fromFideslang = (entries: Array<Omit<VocabularyEntry, 'source'>>): VocabularyEntry[] =>
  entries.map((entry) => ({ ...entry, source: 'fideslang' as const }))

export const VOCABULARY: Record<VocabularyKind, VocabularyEntry[]> = {
  dataCategories: [...fromFideslang(fideslangCategories), ...GDPR_CATEGORY_ADDITIONS],
  dataUses: [...fromFideslang(fideslangUses), ...GDPR_USE_ADDITIONS],
  dataSubjects: [...fromFideslang(fideslangSubjects), ...GDPR_SUBJECT_ADDITIONS]
}

const entryByKey = new Map<string, VocabularyEntry>()
for (const entries of Object.values(VOCABULARY)) for (const entry of entries) entryByKey.set(entry.key, entry)

export const CUSTOM_TERM_PREFIX = 'custom:'

export function customTerm(text: string): string {
  return `${CUSTOM_TERM_PREFIX}${text.trim()}`
}

export function isCustomTerm(term: string): boolean {
  return term.startsWith(CUSTOM_TERM_PREFIX)
}

export function isKnownTerm(term: string): boolean {
  return entryByKey.has(term)
}

/** The label a person reads for a stored term. Unknown keys are shown as they are, never hidden. */
export function termLabel(term: string): string {
  if (isCustomTerm(term)) return term.slice(CUSTOM_TERM_PREFIX.length)
  return entryByKey.get(term)?.name ?? term
}

/** Which Art. 9(1) special category a data-category term falls in, if any. */
const SPECIAL_CATEGORY_BY_TERM: Record<string, SpecialCategory> = {
  'user.demographic.race_ethnicity': 'racial-ethnic-origin',
  'user.demographic.political_opinion': 'political-opinions',
  'user.demographic.religious_belief': 'religious-philosophical-beliefs',
  'gdpr.philosophical_beliefs': 'religious-philosophical-beliefs',
  'gdpr.trade_union_membership': 'trade-union-membership',
  'user.health_and_medical.genetic': 'genetic',
  'user.biometric': 'biometric',
  'user.biometric.fingerprint': 'biometric',
  'user.biometric.retinal': 'biometric',
  'user.biometric.voice': 'biometric',
  'user.authorization.biometric': 'biometric',
  'user.biometric.health': 'health',
  'user.health_and_medical': 'health',
  'user.health_and_medical.insurance_beneficiary_id': 'health',
  'user.health_and_medical.record_id': 'health',
  'gdpr.sex_life': 'sex-life-orientation',
  'user.demographic.sexual_orientation': 'sex-life-orientation'
}

export function specialCategoryOfTerm(term: string): SpecialCategory | undefined {
  return SPECIAL_CATEGORY_BY_TERM[term]
}

export const CRIMINAL_OFFENCE_TERMS = new Set(['user.criminal_history', 'gdpr.criminal_offences'])
