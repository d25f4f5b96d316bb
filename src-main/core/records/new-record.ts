import type { Retention, RecordForm } from './model'
import type { RecordRole } from './enums'

export function newItemId(): string {
  return crypto.randomUUID()
}

export function emptyRetention(): Retention {
  return { mode: 'unspecified', period: null, unit: 'years', fromEvent: '', endAction: 'erase', criterion: '' }
}

/** A blank record of the given role, every field present so that forms stay controlled. */
export function emptyRecordForm(role: RecordRole = 'controller'): RecordForm {
  return {
    name: '',
    previousReference: '',
    description: '',
    businessFunction: '',
    owner: '',
    role,
    jointControllerDetails: '',
    purposes: [],
    dataSubjects: [],
    dataCategories: [],
    specialCategories: [],
    criminalOffenceData: { processed: false, basis: '' },
    recipients: [],
    transfers: [],
    securityMeasures: [],
    securityDescription: '',
    source: '',
    systems: '',
    automatedDecisionMaking: { exists: false, description: '' },
    dpia: { required: 'unknown', status: '', link: '' },
    controllersActedFor: [],
    status: 'draft',
    lastReviewed: '',
    nextReview: '',
    notes: '',
    origin: null,
    evidence: [],
    openItems: [],
    suggestions: [],
    importedFrom: []
  }
}
