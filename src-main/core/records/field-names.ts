/**
 * Human names for field paths in a record or a template: used by findings, open items,
 * evidence, the history and pack change summaries, so that a field reads the same everywhere.
 */

/** List fields, by the name of one item. */
const ITEM_NAMES: Record<string, string> = {
  purposes: 'Purpose',
  dataSubjects: 'Data subject',
  dataCategories: 'Data category',
  specialCategories: 'Special category',
  recipients: 'Recipient',
  subProcessors: 'Sub-processor',
  transfers: 'Transfer',
  controllersActedFor: 'Controller',
  openItems: 'Open item',
  jointControllers: 'Joint controller'
}

const FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  businessFunction: 'Business function',
  owner: 'Owner',
  role: 'Role',
  roleQuotes: 'Role',
  jointControllerDetails: 'Joint controller',
  purposes: 'Purposes',
  lawfulBasis: 'Lawful basis',
  legitimateInterest: 'Legitimate interest',
  liaReference: 'LIA reference',
  consentRecordReference: 'Consent record',
  uses: 'Kind of use',
  dataSubjects: 'Data subjects',
  dataCategories: 'Data categories',
  term: 'Category',
  wording: 'Wording',
  retention: 'Retention',
  mode: 'Retention',
  period: 'Period',
  unit: 'Unit',
  fromEvent: 'Runs from',
  endAction: 'At the end',
  criterion: 'Criterion',
  specialCategories: 'Special categories',
  category: 'Category',
  condition: 'Art. 9(2) condition',
  notes: 'Notes',
  criminalOffenceData: 'Criminal-offence data',
  processed: 'Processed',
  basis: 'Art. 10 basis',
  recipients: 'Recipients',
  subProcessors: 'Sub-processors',
  contractReference: 'Contract / DPA',
  vendorId: 'Vendor',
  type: 'Type',
  transfers: 'Transfers',
  recipient: 'Recipient',
  country: 'Country',
  safeguard: 'Safeguard',
  documentation: 'Documentation',
  securityMeasures: 'Security measures',
  securityDescription: 'Security measures',
  source: 'Source of the data',
  dataSource: 'Source of the data',
  systems: 'Systems and locations',
  automatedDecisionMaking: 'Automated decision-making',
  exists: 'Takes place',
  dpia: 'DPIA',
  required: 'Required?',
  link: 'Link',
  controllersActedFor: 'Controllers acted for',
  contact: 'Contact details',
  representative: 'Representative',
  dpo: 'DPO',
  processingCategories: 'Categories of processing',
  status: 'Status',
  lastReviewed: 'Last reviewed',
  nextReview: 'Next review',
  approvedBy: 'Approved by',
  approvedAt: 'Approved at',
  origin: 'Template',
  evidence: 'Evidence',
  openItems: 'Open items',
  resolved: 'Resolved',
  ageLimit: 'Age limit',
  sensitiveDataStance: 'Special-category data',
  controller: 'Controller',
  jointControllers: 'Joint controllers',
  email: 'E-mail',
  phone: 'Phone',
  address: 'Address'
}

const humanise = (part: string) => FIELD_NAMES[part] ?? part.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase())

/**
 * `purposes.0.lawfulBasis` or `purposes[0].lawfulBasis` → "Purpose 1 › Lawful basis";
 * `transfers[<id>].safeguard` (the history's item ids) → "Transfer › Safeguard".
 */
export function describeFieldPath(path: string): string {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\[[^\]]+\]/g, '.#')
    .split('.')
    .filter(Boolean)
  const words: string[] = []
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? ''
    const next = parts[index + 1]
    const itemName = ITEM_NAMES[part]
    if (itemName && next !== undefined && /^(\d+|#)$/.test(next)) {
      words.push(next === '#' ? itemName : `${itemName} ${Number(next) + 1}`)
      index++
    } else if (part === 'retention' && words.length > 0) {
      // `dataCategories.0.retention.mode` reads best as "Data category 1 › Retention".
      words.push('Retention')
      break
    } else {
      words.push(humanise(part))
    }
  }
  return words.join(' › ')
}
