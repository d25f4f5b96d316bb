/**
 * A realistic synthetic register for trying the app, for the CLI's `demo` command and for
 * benchmarks. Deterministic: the same (count, seed) always gives the same records, so that
 * benchmark runs and tests compare like with like. Ids and timestamps are derived from the
 * seed too (no crypto.randomUUID, no Date.now).
 */
import type { LawfulBasis, RecordStatus, SecurityMeasure } from '../records/enums'
import { SECURITY_MEASURE_LABELS } from '../records/enums'
import { formatReference, type DataCategory, type Organisation, type Purpose, type Recipient, type StoredRecord, type Transfer } from '../records/model'

/** mulberry32: tiny, fast, good enough for synthetic data; not for anything secret. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Picker {
  random: () => number
  pick<T>(items: readonly T[]): T
  pickSome<T>(items: readonly T[], count: number): T[]
  int(min: number, max: number): number
}

function picker(seed: number): Picker {
  const random = seededRandom(seed)
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  return {
    random,
    int,
    pick: (items) => items[Math.floor(random() * items.length)]!,
    pickSome: (items, count) => {
      const pool = [...items]
      const chosen: (typeof pool)[number][] = []
      while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!)
      return chosen
    }
  }
}

const BUSINESS_FUNCTIONS = ['Human resources', 'Finance', 'Marketing', 'Sales', 'Customer support', 'IT operations', 'Legal', 'Product', 'Procurement', 'Facilities']

const ACTIVITY_NAMES = [
  'Payroll',
  'Recruitment',
  'Newsletter',
  'Customer accounts',
  'Support tickets',
  'Website analytics',
  'Fraud prevention',
  'Supplier management',
  'Visitor log',
  'Event registrations',
  'Expense claims',
  'CRM and sales pipeline',
  'Product telemetry',
  'Training records',
  'Whistleblowing channel'
]

interface PurposeTemplate {
  description: string
  uses: string[]
  lawfulBasis: LawfulBasis
  legitimateInterest?: string
}

const PURPOSES: PurposeTemplate[] = [
  { description: 'Provide the contracted service and manage the customer account', uses: ['essential.service', 'essential.service.operations'], lawfulBasis: 'b' },
  { description: 'Pay staff and meet tax and social-security obligations', uses: ['employment', 'finance'], lawfulBasis: 'c' },
  { description: 'Send marketing e-mails to people who opted in', uses: ['marketing.communications.email'], lawfulBasis: 'a' },
  {
    description: 'Measure how the website is used to improve it',
    uses: ['analytics.reporting', 'functional.service.improve'],
    lawfulBasis: 'f',
    legitimateInterest: 'Understanding aggregate use of our website so that we can improve its content and navigation'
  },
  {
    description: 'Detect and prevent fraud and abuse',
    uses: ['essential.fraud_detection'],
    lawfulBasis: 'f',
    legitimateInterest: 'Protecting our customers and our business from fraudulent transactions'
  },
  { description: 'Answer support requests', uses: ['essential.service.operations.support'], lawfulBasis: 'b' },
  { description: 'Keep accounting records as required by law', uses: ['finance', 'essential.legal_obligation'], lawfulBasis: 'c' },
  {
    description: 'Secure our systems and investigate incidents',
    uses: ['essential.service.security'],
    lawfulBasis: 'f',
    legitimateInterest: 'Keeping our network and information secure (Recital 49)'
  },
  { description: 'Assess candidates for open positions', uses: ['employment.recruitment'], lawfulBasis: 'b' },
  { description: 'Handle data subject requests', uses: ['gdpr.rights_requests'], lawfulBasis: 'c' }
]

const CATEGORIES: Array<{ term: string; description: string }> = [
  { term: 'user.name', description: 'First and last name' },
  { term: 'user.contact.email', description: 'Work or personal e-mail address' },
  { term: 'user.contact.phone_number', description: 'Telephone number' },
  { term: 'user.contact.address', description: 'Postal address' },
  { term: 'user.financial.bank_account', description: 'IBAN for payments' },
  { term: 'user.government_id.national_identification_number', description: 'National insurance or social security number' },
  { term: 'user.device.ip_address', description: 'IP address of the device' },
  { term: 'user.device.cookie_id', description: 'Analytics cookie identifier' },
  { term: 'user.behavior.purchase_history', description: 'Orders and invoices' },
  { term: 'user.job_title', description: 'Job title and department' },
  { term: 'user.content.private', description: 'Content of support messages' },
  { term: 'user.account.username', description: 'Account user name' },
  { term: 'custom:Performance review notes', description: 'Manager notes from annual reviews' }
]

const RETENTION_EVENTS = ['the end of the contract', 'the end of employment', 'the last interaction', 'collection', 'the end of the financial year']

const RECIPIENTS: Array<Pick<Recipient, 'name' | 'type'> & { contract: boolean }> = [
  { name: 'Payroll provider', type: 'processor', contract: true },
  { name: 'Cloud hosting provider', type: 'processor', contract: true },
  { name: 'E-mail delivery service', type: 'processor', contract: true },
  { name: 'Tax authority', type: 'public-authority', contract: false },
  { name: 'External auditors', type: 'controller', contract: false },
  { name: 'Finance team', type: 'internal', contract: false },
  { name: 'CRM vendor', type: 'processor', contract: true },
  { name: 'Payment processor', type: 'controller', contract: true }
]

const SCCS_MODULE_2 = { mechanism: 'art46', instrument: 'scc-2021', sccModule: '2', derogation: '', tiaReference: 'TIA-2024-03' } as const
const TRANSFERS: Array<Omit<Transfer, 'id' | 'documentation'>> = [
  { recipient: 'Cloud hosting provider', country: 'United States', countryCode: 'US', ...SCCS_MODULE_2 },
  { recipient: 'E-mail delivery service', country: 'United States', countryCode: 'US', mechanism: 'art45', instrument: 'eu-us-dpf', sccModule: '', derogation: '', tiaReference: '' },
  { recipient: 'Support desk vendor', country: 'India', countryCode: 'IN', ...SCCS_MODULE_2 },
  { recipient: 'Group company', country: 'Switzerland', countryCode: 'CH', mechanism: 'art45', instrument: 'adequacy-decision', sccModule: '', derogation: '', tiaReference: '' },
  { recipient: 'Group company', country: 'Brazil', countryCode: 'BR', mechanism: 'art47', instrument: 'bcr-controller', sccModule: '', derogation: '', tiaReference: 'TIA-2023-11' }
]

const SUBJECTS = ['customer', 'employee', 'job_applicant', 'prospect', 'supplier_vendor', 'visitor', 'gdpr.user', 'gdpr.business_contact']

const CLIENTS = ['Northwind Retail Ltd', 'Contoso Health GmbH', 'Fabrikam Logistics BV', 'Tailspin Travel SA']

const STATUSES: RecordStatus[] = ['approved', 'approved', 'approved', 'in-review', 'draft', 'archived']

const OWNERS = ['Head of HR', 'CFO', 'Marketing lead', 'CTO', 'Head of Support', 'General Counsel']

const BASE_TIME = Date.UTC(2025, 0, 6, 9, 0, 0)
const DAY_MS = 86_400_000

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}

function demoRecord(index: number, pick: Picker): StoredRecord {
  const reference = formatReference(index + 1)
  const id = `demo-${String(index + 1).padStart(6, '0')}`
  const itemId = (kind: string, n: number) => `${id}-${kind}${n}`
  const role = pick.random() < 0.8 ? 'controller' : pick.random() < 0.5 ? 'joint-controller' : 'processor'
  const isProcessor = role === 'processor'
  const baseName = pick.pick(ACTIVITY_NAMES)

  const purposes: Purpose[] = pick.pickSome(PURPOSES, 3).map((template, n) => ({
    id: itemId('p', n + 1),
    description: template.description,
    uses: template.uses,
    lawfulBasis: isProcessor ? '' : template.lawfulBasis,
    legitimateInterest: !isProcessor && template.lawfulBasis === 'f' ? (template.legitimateInterest ?? '') : '',
    liaReference: !isProcessor && template.lawfulBasis === 'f' ? `LIA-${reference}-${n + 1}` : '',
    consentRecordReference: !isProcessor && template.lawfulBasis === 'a' ? `Consent log in CRM, list ${pick.int(1, 40)}` : ''
  }))

  const dataCategories: DataCategory[] = pick.pickSome(CATEGORIES, 5).map((category, n) => {
    const kind = pick.random()
    return {
      id: itemId('c', n + 1),
      term: category.term,
      description: category.description,
      retention:
        kind < 0.6
          ? { mode: 'period', period: pick.pick([6, 12, 24, 3, 6, 10]), unit: pick.pick(['months', 'years'] as const), fromEvent: pick.pick(RETENTION_EVENTS), endAction: pick.pick(['erase', 'anonymise'] as const), criterion: '' }
          : kind < 0.9
            ? { mode: 'criterion', period: null, unit: 'years', fromEvent: pick.pick(RETENTION_EVENTS), endAction: 'review', criterion: 'Until the statutory limitation period for claims has expired' }
            : { mode: 'unspecified', period: null, unit: 'years', fromEvent: '', endAction: 'erase', criterion: '' }
    }
  })

  const recipients: Recipient[] = pick.pickSome(RECIPIENTS, 3).map((recipient, n) => ({
    id: itemId('r', n + 1),
    name: recipient.name,
    type: recipient.type,
    vendorId: '',
    contractReference: recipient.contract ? `DPA-${pick.int(100, 999)}` : '',
    notes: ''
  }))

  const transfer = pick.pick(TRANSFERS)
  const created = BASE_TIME + index * 3_600_000
  const updated = created + pick.int(0, 200) * DAY_MS
  const lastReviewed = updated - pick.int(0, 30) * DAY_MS
  const status = pick.pick(STATUSES)
  const measures = pick.pickSome(Object.keys(SECURITY_MEASURE_LABELS) as SecurityMeasure[], pick.int(3, 6))

  return {
    id,
    reference,
    previousReference: '',
    notes: '',
    importedFrom: [],
    supersededEvidence: [],
    quoteChanges: [],
    name: `${baseName} (${pick.pick(BUSINESS_FUNCTIONS).toLowerCase()}) #${index + 1}`,
    description: `Demo activity ${reference}: ${purposes[0]!.description.toLowerCase()}.`,
    businessFunction: pick.pick(BUSINESS_FUNCTIONS),
    owner: pick.pick(OWNERS),
    role,
    jointControllerDetails: role === 'joint-controller' ? 'Partner Org SA, privacy@partner.example, arrangement JC-2024-01' : '',
    purposes,
    dataSubjects: pick.pickSome(SUBJECTS, pick.int(1, 3)),
    dataCategories,
    specialCategories: [],
    criminalOffenceData: { processed: false, basis: '' },
    recipients,
    transfers: [
      {
        id: itemId('t', 1),
        ...transfer,
        documentation: transfer.instrument === 'scc-2021' ? 'SCCs 2021/914 module 2, annexed to the DPA; transfer impact assessment on file' : ''
      }
    ],
    securityMeasures: measures,
    securityDescription: 'Access on a need-to-know basis, encrypted storage and yearly penetration tests.',
    source: pick.random() < 0.7 ? 'Directly from the data subject' : 'From the controller on whose behalf we act',
    systems: pick.pick(['Workday', 'Salesforce', 'HubSpot', 'Zendesk', 'SAP', 'In-house database']),
    automatedDecisionMaking: { exists: false, description: '' },
    dpia: { required: pick.pick(['no', 'no', 'yes', 'unknown'] as const), status: '', link: '' },
    controllersActedFor: isProcessor
      ? [
          {
            id: itemId('ca', 1),
            name: pick.pick(CLIENTS),
            contact: 'privacy@client.example',
            representative: '',
            dpo: 'dpo@client.example',
            processingCategories: 'Hosting and support of the client\'s customer database'
          }
        ]
      : [],
    status,
    lastReviewed: status === 'draft' ? '' : isoDate(lastReviewed),
    nextReview: status === 'draft' ? '' : isoDate(lastReviewed + 365 * DAY_MS),
    origin: null,
    evidence: [],
    openItems: [],
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(updated).toISOString(),
    approvedBy: status === 'approved' ? 'Data Protection Officer' : '',
    approvedAt: status === 'approved' ? new Date(updated).toISOString() : '',
    revision: 1
  }
}

/** `count` synthetic activities referenced PA-0001.. in order. */
export function generateDemoRegister(count: number, seed = 1): StoredRecord[] {
  const pick = picker(seed)
  return Array.from({ length: count }, (_, index) => demoRecord(index, pick))
}

export function demoOrganisation(): Organisation {
  return {
    controller: { name: 'Example Trading Ltd', address: '1 High Street, London EC1A 1AA, United Kingdom', email: 'privacy@example.org', phone: '+44 20 7946 0000' },
    dpo: { name: 'Dana Protection', address: '1 High Street, London EC1A 1AA', email: 'dpo@example.org', phone: '+44 20 7946 0001' },
    representative: { name: 'Example EU Representative BV', address: 'Keizersgracht 1, 1015 Amsterdam, Netherlands', email: 'eurep@example.eu', phone: '' },
    jointControllers: [{ id: 'jc-1', name: 'Partner Org SA', address: '10 Rue de la Paix, Paris', email: 'privacy@partner.example', phone: '' }],
    regime: 'eu',
    updatedAt: new Date(BASE_TIME).toISOString()
  }
}
