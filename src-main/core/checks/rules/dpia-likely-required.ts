import { listParam, msg } from '../../i18n/message'
import { specialCategoryOfTerm, CRIMINAL_OFFENCE_TERMS } from '../../vocabulary/vocabulary'
import { isControllerRecord, recordFinding, type CheckableRecord, type RecordRule } from '../finding'

/** The nine EDPB criteria (WP248 rev.01), in the guidelines' order. */
export const DPIA_CRITERIA = {
  'evaluation-scoring': 'Evaluation or scoring, including profiling',
  'automated-decision': 'Automated decision-making with legal or similarly significant effect',
  'systematic-monitoring': 'Systematic monitoring',
  'sensitive-data': 'Sensitive or highly personal data',
  'large-scale': 'Data processed on a large scale',
  'matching-datasets': 'Matching or combining datasets',
  'vulnerable-subjects': 'Data on vulnerable data subjects',
  'innovative-technology': 'Innovative use of new technology',
  'prevents-right': 'Prevents data subjects from exercising a right or using a service'
} as const
export type DpiaCriterion = keyof typeof DPIA_CRITERIA

const PROFILING_USES = new Set([
  'marketing.advertising.profiling',
  'personalize.content.profiling',
  'personalize.content.profiled',
  'marketing.advertising.first_party.targeted',
  'marketing.advertising.third_party.targeted'
])
const INNOVATIVE_USES = new Set(['train_ai_system'])
/** Employees and job applicants (power imbalance), children, patients: WP248's examples. */
const VULNERABLE_SUBJECTS = new Set(['gdpr.child', 'employee', 'job_applicant', 'patient'])
const MONITORING_CATEGORY = /^user\.behavior(?:\.|$)|^user\.location\.precise$/

// Hints in the record's own words, compiled once. Each is deliberately narrow: a false
// criterion is worse than a missed one, since two criteria raise the warning.
const TEXT_HINTS: Array<[DpiaCriterion, RegExp]> = [
  ['evaluation-scoring', /\b(?:profiling|scoring|credit[\s-]+(?:score|check|rating)s?|risk\s+scor\w*|behavioural\s+analysis)\b/i],
  ['systematic-monitoring', /\b(?:session\s+(?:replay|recording)s?|screen\s+recording|keystroke\w*|cctv|video\s+surveillance|systematic(?:ally)?\s+monitor\w*|employee\s+monitoring|location\s+tracking|tracking\s+pixels?)\b/i],
  ['large-scale', /\blarge[\s-]+scale\b|\bmillions?\s+of\b|\b\d+(?:[.,]\d+)?\s*(?:m|million)\s+(?:users|customers|people|subjects|individuals)\b/i],
  ['matching-datasets', /\b(?:match\w*|combin\w*|merg\w*|enrich\w*|link\w*)\b[^.]{0,40}\b(?:data\s*sets?|databases|data\s+from\s+(?:other|third|multiple|different)|sources)\b/i],
  ['innovative-technology', /\b(?:artificial\s+intelligence|machine\s+learning|AI\s+(?:model|system)s?|facial\s+recognition|large\s+language\s+models?|internet\s+of\s+things|IoT)\b/i],
  ['prevents-right', /\b(?:den(?:y|ies|ial\s+of)|refus\w*|exclu\w*|block\w*)\s+(?:access\s+to\s+)?(?:a\s+|the\s+)?(?:service|contract|credit|loan|insurance|account)s?\b/i]
]

/** Which EDPB criteria the record shows, from its vocabulary terms, flags and wording. */
export function dpiaCriteriaMet(record: CheckableRecord): DpiaCriterion[] {
  const met = new Set<DpiaCriterion>()
  for (const purpose of record.purposes) {
    for (const use of purpose.uses) {
      if (PROFILING_USES.has(use)) met.add('evaluation-scoring')
      if (INNOVATIVE_USES.has(use)) met.add('innovative-technology')
    }
  }
  if (record.automatedDecisionMaking.exists) {
    met.add('automated-decision')
    met.add('evaluation-scoring')
  }
  for (const category of record.dataCategories) {
    if (MONITORING_CATEGORY.test(category.term)) met.add('systematic-monitoring')
    if (specialCategoryOfTerm(category.term) !== undefined || CRIMINAL_OFFENCE_TERMS.has(category.term)) met.add('sensitive-data')
  }
  if (record.specialCategories.length > 0 || record.criminalOffenceData.processed) met.add('sensitive-data')
  if (record.dataSubjects.some((subject) => VULNERABLE_SUBJECTS.has(subject))) met.add('vulnerable-subjects')
  const words = [record.name, record.description, record.automatedDecisionMaking.description, ...record.purposes.map((purpose) => purpose.description)].join('\n')
  for (const [criterion, hint] of TEXT_HINTS) if (!met.has(criterion) && hint.test(words)) met.add(criterion)
  return (Object.keys(DPIA_CRITERIA) as DpiaCriterion[]).filter((criterion) => met.has(criterion))
}

/** Art. 35(1): two or more EDPB criteria make a DPIA likely required; the record should say so and how far it got. */
export const dpiaLikelyRequired: RecordRule = {
  id: 'dpia-likely-required',
  article: 'Art. 35(1)',
  description: 'A processing meeting two or more EDPB criteria records that a DPIA is required and its progress.',
  check(record) {
    if (!isControllerRecord(record)) return []
    if (record.dpia.required === 'yes' && record.dpia.status !== '') return []
    const met = dpiaCriteriaMet(record)
    if (met.length < 2) return []
    const criteria = listParam(met.map((criterion) => msg(`dpia.${criterion}`)), '; ')
    const requiredRecorded = record.dpia.required === 'yes'
    return [
      recordFinding(dpiaLikelyRequired, record, {
        severity: 'warning',
        field: requiredRecorded ? 'dpia.status' : 'dpia.required',
        message: requiredRecorded ? msg('dpia-likely-required.status', { criteria }) : msg('dpia-likely-required', { count: met.length, criteria }),
        fix: requiredRecorded ? msg('dpia-likely-required.status.fix') : msg('dpia-likely-required.fix')
      })
    ]
  }
}
