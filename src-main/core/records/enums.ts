/**
 * Enumerations of the register, each with the human label the UI and the workbook show.
 * Keys are stable (stored); labels may change. Article citations follow
 * shared/reference/gdpr-article30.md.
 */

/** Turns a `{ key: label }` map into a tuple of keys usable by zod's `z.enum`. */
export function keysOf<T extends Record<string, string>>(labels: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]]
}

export const RECORD_ROLE_LABELS = {
  controller: 'Controller',
  'joint-controller': 'Joint controller',
  processor: 'Processor'
} as const
export type RecordRole = keyof typeof RECORD_ROLE_LABELS

/**
 * How a record made from a vendor's template sees the activity: the DPO's own side (a
 * controller record using the vendor, or a processor record with the vendor as
 * sub-processor), or the vendor's activity as its policy describes it.
 */
export const RECORD_PERSPECTIVE_LABELS = {
  'controller-using-vendor': 'Our controller record, using the vendor',
  'processor-with-vendor-as-sub-processor': 'Our processor record, with the vendor as sub-processor',
  'vendor-as-is': "The vendor's activity as its policy describes it"
} as const
export type RecordPerspective = keyof typeof RECORD_PERSPECTIVE_LABELS

export const RECORD_STATUS_LABELS = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  archived: 'Archived'
} as const
export type RecordStatus = keyof typeof RECORD_STATUS_LABELS

/** Art. 6(1) letters. */
export const LAWFUL_BASIS_LABELS = {
  a: 'Art. 6(1)(a) Consent',
  b: 'Art. 6(1)(b) Contract',
  c: 'Art. 6(1)(c) Legal obligation',
  d: 'Art. 6(1)(d) Vital interests',
  e: 'Art. 6(1)(e) Public task',
  f: 'Art. 6(1)(f) Legitimate interests'
} as const
export type LawfulBasis = keyof typeof LAWFUL_BASIS_LABELS

/** Art. 9(1) special categories. */
export const SPECIAL_CATEGORY_LABELS = {
  'racial-ethnic-origin': 'Racial or ethnic origin',
  'political-opinions': 'Political opinions',
  'religious-philosophical-beliefs': 'Religious or philosophical beliefs',
  'trade-union-membership': 'Trade-union membership',
  genetic: 'Genetic data',
  biometric: 'Biometric data for uniquely identifying a person',
  health: 'Health',
  'sex-life-orientation': 'Sex life or sexual orientation'
} as const
export type SpecialCategory = keyof typeof SPECIAL_CATEGORY_LABELS

/** Art. 9(2) conditions. */
export const ART9_CONDITION_LABELS = {
  a: 'Art. 9(2)(a) Explicit consent',
  b: 'Art. 9(2)(b) Employment / social security law',
  c: 'Art. 9(2)(c) Vital interests (cannot consent)',
  d: 'Art. 9(2)(d) Not-for-profit body',
  e: 'Art. 9(2)(e) Manifestly made public',
  f: 'Art. 9(2)(f) Legal claims',
  g: 'Art. 9(2)(g) Substantial public interest',
  h: 'Art. 9(2)(h) Health or social care',
  i: 'Art. 9(2)(i) Public health',
  j: 'Art. 9(2)(j) Archiving, research, statistics'
} as const
export type Art9Condition = keyof typeof ART9_CONDITION_LABELS

export const RECIPIENT_TYPE_LABELS = {
  internal: 'Internal',
  processor: 'Processor',
  controller: 'Other controller',
  'public-authority': 'Public authority',
  /** The source does not say what kind of recipient this is: never guessed as "processor". */
  'not-stated': 'Not stated'
} as const
export type RecipientType = keyof typeof RECIPIENT_TYPE_LABELS

/** Chapter V transfer mechanisms. */
export const SAFEGUARD_LABELS = {
  adequacy: 'Adequacy decision (Art. 45)',
  sccs: 'Standard contractual clauses (Art. 46(2)(c))',
  'sa-sccs': 'SCCs adopted by a supervisory authority (Art. 46(2)(d))',
  bcr: 'Binding corporate rules (Art. 47)',
  'public-authority-instrument': 'Instrument between public authorities (Art. 46(2)(a))',
  'code-of-conduct': 'Code of conduct (Art. 46(2)(e))',
  certification: 'Certification (Art. 46(2)(f))',
  'ad-hoc-clauses': 'Ad hoc contractual clauses (Art. 46(3)(a))',
  'administrative-arrangement': 'Administrative arrangement (Art. 46(3)(b))',
  derogation: 'Derogation (Art. 49)'
} as const
export type Safeguard = keyof typeof SAFEGUARD_LABELS

/** The Chapter V article a transfer relies on. */
export const TRANSFER_MECHANISM_LABELS = {
  art45: 'Adequacy decision (Art. 45)',
  art46: 'Appropriate safeguards (Art. 46)',
  art47: 'Binding corporate rules (Art. 47)',
  art49: 'Derogation for a specific situation (Art. 49)'
} as const
export type TransferMechanism = keyof typeof TRANSFER_MECHANISM_LABELS

/**
 * The instrument a transfer relies on. Invalid instruments are listed on purpose: a DPO's
 * register may still name them, and the checks must be able to say so.
 */
export const TRANSFER_INSTRUMENT_LABELS = {
  'adequacy-decision': 'Adequacy decision',
  'eu-us-dpf': 'EU-US Data Privacy Framework',
  'scc-2021': 'Standard contractual clauses (Decision (EU) 2021/914)',
  'scc-pre-2021': 'Standard contractual clauses adopted before 2021',
  'sa-scc': 'Standard clauses adopted by a supervisory authority',
  'public-authority-instrument': 'Instrument between public authorities',
  'administrative-arrangement': 'Administrative arrangement between public authorities',
  'bcr-controller': 'Binding corporate rules for controllers',
  'bcr-processor': 'Binding corporate rules for processors',
  'code-of-conduct': 'Approved code of conduct',
  certification: 'Approved certification',
  'ad-hoc-clauses': 'Ad hoc contractual clauses',
  derogation: 'Art. 49 derogation',
  'uk-idta': 'UK International Data Transfer Agreement (IDTA)',
  'uk-addendum': 'UK Addendum to the EU standard contractual clauses',
  'privacy-shield': 'EU-US Privacy Shield',
  'safe-harbor': 'Safe Harbor'
} as const
export type TransferInstrument = keyof typeof TRANSFER_INSTRUMENT_LABELS

/** The modules of the 2021 standard contractual clauses. */
export const SCC_MODULE_LABELS = {
  '1': 'Module 1: controller to controller',
  '2': 'Module 2: controller to processor',
  '3': 'Module 3: processor to processor',
  '4': 'Module 4: processor to controller'
} as const
export type SccModule = keyof typeof SCC_MODULE_LABELS

/** Art. 49 derogations, as the Regulation numbers them. */
export const ART49_DEROGATION_LABELS = {
  'explicit-consent': 'Art. 49(1)(a): explicit consent',
  'contract-with-subject': 'Art. 49(1)(b): contract with the data subject',
  'contract-in-subject-interest': 'Art. 49(1)(c): contract in the data subject\'s interest',
  'public-interest': 'Art. 49(1)(d): important reasons of public interest',
  'legal-claims': 'Art. 49(1)(e): legal claims',
  'vital-interests': 'Art. 49(1)(f): vital interests',
  'public-register': 'Art. 49(1)(g): public register',
  'compelling-legitimate-interests': 'Art. 49(1), second subparagraph: compelling legitimate interests'
} as const
export type Art49Derogation = keyof typeof ART49_DEROGATION_LABELS

/** Which data protection regime(s) the organisation answers to. */
export const REGIME_LABELS = {
  eu: 'EU GDPR',
  uk: 'UK GDPR',
  both: 'EU GDPR and UK GDPR'
} as const
export type Regime = keyof typeof REGIME_LABELS

export const RETENTION_MODE_LABELS = {
  period: 'Fixed period',
  criterion: 'Documented criterion',
  unspecified: 'Not yet specified'
} as const
export type RetentionMode = keyof typeof RETENTION_MODE_LABELS

export const RETENTION_UNIT_LABELS = { days: 'days', months: 'months', years: 'years' } as const
export type RetentionUnit = keyof typeof RETENTION_UNIT_LABELS

export const RETENTION_END_ACTION_LABELS = {
  erase: 'Erase',
  anonymise: 'Anonymise',
  review: 'Review'
} as const
export type RetentionEndAction = keyof typeof RETENTION_END_ACTION_LABELS

/** Art. 32(1) technical and organisational measures offered as a checklist. */
export const SECURITY_MEASURE_LABELS = {
  'encryption-at-rest': 'Encryption at rest',
  'encryption-in-transit': 'Encryption in transit',
  pseudonymisation: 'Pseudonymisation',
  'access-control': 'Role-based access control',
  'multi-factor-authentication': 'Multi-factor authentication',
  logging: 'Logging and monitoring',
  backups: 'Backups and restore tests',
  'staff-training': 'Staff training',
  'processor-oversight': 'Processor oversight (audits, DPAs)',
  'data-minimisation': 'Data minimisation',
  'incident-response': 'Incident response plan',
  'physical-security': 'Physical security',
  'vulnerability-management': 'Vulnerability management and testing'
} as const
export type SecurityMeasure = keyof typeof SECURITY_MEASURE_LABELS

export const DPIA_REQUIRED_LABELS = { unknown: 'Not assessed', yes: 'Yes', no: 'No' } as const
export type DpiaRequired = keyof typeof DPIA_REQUIRED_LABELS

export const DPIA_STATUS_LABELS = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
  'not-applicable': 'Not applicable'
} as const
export type DpiaStatus = keyof typeof DPIA_STATUS_LABELS
