/**
 * Where in the editor a finding is shown. A finding names a form path
 * (`purposes.0.lawfulBasis`); the editor renders one finding note per list item
 * (`purposes.0`) and per section-level spot (`dataSubjects`, `workflow`, …). Every path maps
 * to exactly one of those anchors, so no finding is shown twice or lost, even when a template
 * gap names a field the form does not have (`retention`, `subProcessors`).
 */

/** Lists whose items each get their own note. */
const ITEM_LISTS = ['purposes', 'dataCategories', 'specialCategories', 'recipients', 'transfers', 'controllersActedFor'] as const

/** Top-level fields (and template gap names) → the anchor that shows them. */
const TOP_LEVEL_ANCHORS: Record<string, string> = {
  dataSubjects: 'dataSubjects',
  retention: 'dataCategories',
  criminalOffenceData: 'criminalOffenceData',
  securityMeasures: 'securityMeasures',
  securityDescription: 'securityMeasures',
  source: 'context',
  dataSource: 'context',
  systems: 'context',
  automatedDecisionMaking: 'context',
  dpia: 'context',
  subProcessors: 'recipients',
  status: 'workflow',
  lastReviewed: 'workflow',
  nextReview: 'workflow',
  origin: 'origin',
  openItems: 'origin'
}

/** The anchors the editor renders, with the section each one sits in (for scrolling). */
export const ANCHOR_SECTIONS: Record<string, string> = {
  identity: 'identity',
  purposes: 'purposes',
  dataSubjects: 'data',
  dataCategories: 'data',
  specialCategories: 'special',
  criminalOffenceData: 'special',
  recipients: 'recipients',
  transfers: 'transfers',
  securityMeasures: 'security',
  context: 'context',
  controllersActedFor: 'controllers',
  workflow: 'workflow',
  origin: 'origin'
}

function isItemList(name: string): name is (typeof ITEM_LISTS)[number] {
  return (ITEM_LISTS as readonly string[]).includes(name)
}

/** The anchor whose note shows a finding about `field`. */
export function anchorForField(field: string): string {
  const [top, second] = field.replace(/\[(\d+)\]/g, '.$1').split('.')
  if (isItemList(top)) return second !== undefined && /^\d+$/.test(second) ? `${top}.${second}` : top
  return TOP_LEVEL_ANCHORS[top] ?? 'identity'
}

/** The editor section (element id) that holds an anchor. */
export function sectionForAnchor(anchor: string): string {
  return ANCHOR_SECTIONS[anchor.split('.')[0]] ?? 'identity'
}

const ITEM_NAMES: Record<string, string> = {
  purposes: 'Purpose',
  dataCategories: 'Data category',
  specialCategories: 'Special category',
  recipients: 'Recipient',
  transfers: 'Transfer',
  controllersActedFor: 'Controller',
  openItems: 'Open item'
}

const FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  role: 'Role',
  jointControllerDetails: 'Joint controller',
  lawfulBasis: 'Lawful basis',
  legitimateInterest: 'Legitimate interest',
  liaReference: 'LIA reference',
  consentRecordReference: 'Consent record',
  uses: 'Kind of use',
  term: 'Category',
  retention: 'Retention',
  mode: 'Retention',
  period: 'Period',
  criterion: 'Criterion',
  condition: 'Art. 9(2) condition',
  contractReference: 'Contract / DPA',
  type: 'Type',
  country: 'Country',
  safeguard: 'Safeguard',
  documentation: 'Documentation',
  contact: 'Contact details',
  processingCategories: 'Categories of processing',
  dataSubjects: 'Data subjects',
  dataCategories: 'Data categories',
  recipients: 'Recipients',
  transfers: 'Transfers',
  purposes: 'Purposes',
  controllersActedFor: 'Controllers acted for',
  securityMeasures: 'Security measures',
  criminalOffenceData: 'Criminal-offence data',
  basis: 'Art. 10 basis',
  dpia: 'DPIA',
  required: 'Required?',
  status: 'Status',
  nextReview: 'Next review',
  origin: 'Template',
  automatedDecisionMaking: 'Automated decisions',
  subProcessors: 'Sub-processors',
  dataSource: 'Source',
  ageLimit: 'Age limit'
}

/** A person's name for a form path: `purposes.0.lawfulBasis` → "Purpose 1 › Lawful basis". */
export function describeField(field: string): string {
  const parts = field.replace(/\[(\d+)\]/g, '.$1').split('.')
  const words: string[] = []
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]
    const next = parts[index + 1]
    if (ITEM_NAMES[part] && next !== undefined && /^\d+$/.test(next)) {
      words.push(`${ITEM_NAMES[part]} ${Number(next) + 1}`)
      index++
    } else if (part === 'retention' && words.length > 0) {
      // `dataCategories.0.retention.mode` reads best as "Data category 1 › Retention".
      words.push('Retention')
      break
    } else {
      words.push(FIELD_NAMES[part] ?? part)
    }
  }
  return words.join(' › ')
}
