/**
 * The items Art. 30 requires in a record, per role, as data. The same table drives the
 * "item missing" rules and the completeness figures of the dashboard, so the two never
 * disagree about what counts as present.
 */
import type { RecordRole } from '../records/enums'
import type { Organisation } from '../records/model'
import { ART30_ARTICLE_TITLES } from '../i18n/article-titles'
import { msg, type MessageRef } from '../i18n/message'
import { isBlank, type CheckableRecord, type Severity } from './finding'
import { dataCategoryName, theItem } from './rules/item-names'

export interface MissingSpot {
  field: string
  message: MessageRef
}

export interface Art30RecordItem {
  /** Also the id of the rule that reports the item missing. */
  id: string
  article: string
  roles: readonly RecordRole[]
  label: string
  severity: Severity
  fix: MessageRef
  /**
   * Left out of the completeness figures, which count Art. 30's lettered items: the activity's
   * name (it identifies the record), and prompts about what 30(2) does not ask of a processor.
   */
  notCounted?: boolean
  /** When false the item is not required for this record (e.g. no transfers, nothing to identify). */
  applies?(record: CheckableRecord): boolean
  /** Where the item is missing; empty when it is present. */
  missing(record: CheckableRecord): MissingSpot[]
}

export interface Art30OrganisationItem {
  id: string
  article: string
  label: string
  severity: Severity
  fix: MessageRef
  missing(organisation: Organisation | null): MissingSpot[]
}

const CONTROLLER: readonly RecordRole[] = ['controller', 'joint-controller']
const PROCESSOR: readonly RecordRole[] = ['processor']

const whenEmpty = (empty: boolean, field: string, message: MessageRef): MissingSpot[] => (empty ? [{ field, message }] : [])

const hasContact = (contact: { address: string; email: string; phone: string } | undefined): boolean =>
  contact !== undefined && !(isBlank(contact.address) && isBlank(contact.email) && isBlank(contact.phone))

const hasSecurityMeasures = (record: CheckableRecord): boolean =>
  record.securityMeasures.length > 0 || !isBlank(record.securityDescription)

function transferCountryMissing(record: CheckableRecord): MissingSpot[] {
  const spots: MissingSpot[] = []
  record.transfers.forEach((transfer, index) => {
    if (isBlank(transfer.country)) {
      spots.push({
        field: `transfers.${index}.country`,
        message: msg('art30.transfer-country', { recipient: transfer.recipient || msg('transfer.unnamedRecipient') })
      })
    }
  })
  return spots
}

function recipientNamesMissing(record: CheckableRecord): MissingSpot[] {
  const spots: MissingSpot[] = []
  record.recipients.forEach((recipient, index) => {
    if (isBlank(recipient.name)) spots.push({ field: `recipients.${index}.name`, message: msg('art30.recipient-name', { number: index + 1 }) })
  })
  return spots
}

function recipientTypesNotStated(record: CheckableRecord): MissingSpot[] {
  const spots: MissingSpot[] = []
  record.recipients.forEach((recipient, index) => {
    if (recipient.type === 'not-stated' || isBlank(recipient.type)) {
      const who = isBlank(recipient.name) ? msg('item.recipient.unnamed', { number: index + 1 }) : msg('item.recipient', { name: recipient.name.trim() })
      spots.push({ field: `recipients.${index}.type`, message: msg('art30.recipient-type', { recipient: who }) })
    }
  })
  return spots
}

const RECIPIENT_NAME_FIX = msg('art30.recipient-name.fix')
const RECIPIENT_TYPE_FIX = msg('art30.recipient-type.fix')
const TRANSFER_COUNTRY_FIX = msg('art30.transfer-country.fix')
const SECURITY_FIX = msg('art30.security.fix')
const SECURITY_MISSING = msg('art30.security')
const NAME_MISSING = msg('art30.activity-name')

export const ART30_RECORD_ITEMS: readonly Art30RecordItem[] = [
  {
    id: 'art30-activity-name',
    article: 'Art. 30(1)',
    roles: CONTROLLER,
    label: 'Name of the processing activity',
    severity: 'error',
    notCounted: true,
    fix: msg('art30-activity-name.fix'),
    missing: (record) => whenEmpty(isBlank(record.name), 'name', NAME_MISSING)
  },
  {
    id: 'art30-processor-activity-name',
    article: 'Art. 30(2)',
    roles: PROCESSOR,
    label: 'Name of the processing activity',
    severity: 'error',
    notCounted: true,
    fix: msg('art30-processor-activity-name.fix'),
    missing: (record) => whenEmpty(isBlank(record.name), 'name', NAME_MISSING)
  },
  {
    id: 'art30-joint-controller',
    article: 'Art. 30(1)(a)',
    roles: ['joint-controller'],
    label: 'Joint controller name and contact',
    severity: 'error',
    fix: msg('art30-joint-controller.fix'),
    missing: (record) =>
      whenEmpty(isBlank(record.jointControllerDetails), 'jointControllerDetails', msg('art30-joint-controller'))
  },
  {
    id: 'art30-purposes',
    article: 'Art. 30(1)(b)',
    roles: CONTROLLER,
    label: 'Purposes of the processing',
    severity: 'error',
    fix: msg('art30-purposes.fix'),
    missing: (record) => {
      if (record.purposes.length === 0) return [{ field: 'purposes', message: msg('art30-purposes.none') }]
      const spots: MissingSpot[] = []
      record.purposes.forEach((purpose, index) => {
        if (isBlank(purpose.description)) spots.push({ field: `purposes.${index}.description`, message: msg('art30-purposes.description', { number: index + 1 }) })
      })
      return spots
    }
  },
  {
    id: 'art30-data-subjects',
    article: 'Art. 30(1)(c)',
    roles: CONTROLLER,
    label: 'Categories of data subjects',
    severity: 'error',
    fix: msg('art30-data-subjects.fix'),
    missing: (record) => whenEmpty(record.dataSubjects.length === 0, 'dataSubjects', msg('art30-data-subjects'))
  },
  {
    id: 'art30-data-categories',
    article: 'Art. 30(1)(c)',
    roles: CONTROLLER,
    label: 'Categories of personal data',
    severity: 'error',
    fix: msg('art30-data-categories.fix'),
    missing: (record) => {
      if (record.dataCategories.length === 0) return [{ field: 'dataCategories', message: msg('art30-data-categories.none') }]
      const spots: MissingSpot[] = []
      record.dataCategories.forEach((category, index) => {
        if (isBlank(category.term)) spots.push({ field: `dataCategories.${index}.term`, message: msg('art30-data-categories.term', { number: index + 1 }) })
      })
      return spots
    }
  },
  {
    id: 'art30-recipients',
    article: 'Art. 30(1)(d)',
    roles: CONTROLLER,
    label: 'Categories of recipients',
    // A processing with no recipient at all is possible, so this is only a prompt to confirm.
    severity: 'warning',
    fix: msg('art30-recipients.fix'),
    missing: (record) => whenEmpty(record.recipients.length === 0, 'recipients', msg('art30-recipients'))
  },
  {
    id: 'art30-recipient-names',
    article: 'Art. 30(1)(d)',
    roles: CONTROLLER,
    label: 'Recipients are named',
    severity: 'error',
    fix: RECIPIENT_NAME_FIX,
    applies: (record) => record.recipients.length > 0,
    missing: recipientNamesMissing
  },
  {
    id: 'art30-recipient-types',
    article: 'Art. 30(1)(d)',
    roles: CONTROLLER,
    label: 'Category of each recipient',
    // 30(1)(d) asks for the categories of recipients: "not stated" leaves the item open.
    severity: 'error',
    fix: RECIPIENT_TYPE_FIX,
    applies: (record) => record.recipients.length > 0,
    missing: recipientTypesNotStated
  },
  {
    id: 'art30-transfer-destination',
    article: 'Art. 30(1)(e)',
    roles: CONTROLLER,
    label: 'Transfers identify the third country',
    severity: 'error',
    fix: TRANSFER_COUNTRY_FIX,
    applies: (record) => record.transfers.length > 0,
    missing: transferCountryMissing
  },
  {
    id: 'art30-retention',
    article: 'Art. 30(1)(f)',
    roles: CONTROLLER,
    label: 'Time limits for erasure per data category',
    severity: 'error',
    fix: msg('art30-retention.fix'),
    applies: (record) => record.dataCategories.length > 0,
    missing: (record) => {
      const spots: MissingSpot[] = []
      record.dataCategories.forEach((category, index) => {
        const { retention } = category
        // `the data category "Financial Data"`, or `data category 2` while it has no term.
        const named = dataCategoryName(category.term, index, 'the')
        if (retention.mode === 'unspecified') {
          spots.push({ field: `dataCategories.${index}.retention.mode`, message: msg('art30-retention.unspecified', { category: named }) })
        } else if (retention.mode === 'period' && retention.period === null) {
          spots.push({ field: `dataCategories.${index}.retention.period`, message: msg('art30-retention.period', { category: named }) })
        } else if (retention.mode === 'criterion' && isBlank(retention.criterion)) {
          spots.push({ field: `dataCategories.${index}.retention.criterion`, message: msg('art30-retention.criterion', { category: named }) })
        }
      })
      return spots
    }
  },
  {
    id: 'art30-security',
    article: 'Art. 30(1)(g)',
    roles: CONTROLLER,
    label: 'Technical and organisational measures',
    severity: 'error',
    fix: SECURITY_FIX,
    missing: (record) => whenEmpty(!hasSecurityMeasures(record), 'securityMeasures', SECURITY_MISSING)
  },
  {
    id: 'art30-controllers-acted-for',
    article: 'Art. 30(2)(a)',
    roles: PROCESSOR,
    label: 'Controllers the processor acts for',
    severity: 'error',
    fix: msg('art30-controllers-acted-for.fix'),
    missing: (record) => {
      if (record.controllersActedFor.length === 0) return [{ field: 'controllersActedFor', message: msg('art30-controllers-acted-for.none') }]
      const spots: MissingSpot[] = []
      record.controllersActedFor.forEach((controller, index) => {
        if (isBlank(controller.name)) spots.push({ field: `controllersActedFor.${index}.name`, message: msg('art30-controllers-acted-for.name', { number: index + 1 }) })
      })
      return spots
    }
  },
  {
    id: 'art30-controller-contact',
    article: 'Art. 30(2)(a)',
    roles: PROCESSOR,
    label: 'Contact details of each controller',
    severity: 'error',
    fix: msg('art30-controller-contact.fix'),
    applies: (record) => record.controllersActedFor.length > 0,
    missing: (record) => {
      const spots: MissingSpot[] = []
      record.controllersActedFor.forEach((controller, index) => {
        if (isBlank(controller.contact)) spots.push({ field: `controllersActedFor.${index}.contact`, message: msg('art30-controller-contact', { controller: theItem('controller', controller.name, index) }) })
      })
      return spots
    }
  },
  {
    id: 'art30-processing-categories',
    article: 'Art. 30(2)(b)',
    roles: PROCESSOR,
    label: 'Categories of processing per controller',
    severity: 'error',
    fix: msg('art30-processing-categories.fix'),
    applies: (record) => record.controllersActedFor.length > 0,
    missing: (record) => {
      const spots: MissingSpot[] = []
      record.controllersActedFor.forEach((controller, index) => {
        if (isBlank(controller.processingCategories)) {
          spots.push({
            field: `controllersActedFor.${index}.processingCategories`,
            message: msg('art30-processing-categories', { controller: theItem('controller', controller.name, index) })
          })
        }
      })
      return spots
    }
  },
  {
    id: 'art30-processor-recipient-names',
    article: 'Art. 30(2)',
    roles: PROCESSOR,
    label: 'Recipients are named',
    // Art. 30(2) does not list recipients; one that is listed should still say who it is.
    severity: 'warning',
    notCounted: true,
    fix: RECIPIENT_NAME_FIX,
    applies: (record) => record.recipients.length > 0,
    missing: recipientNamesMissing
  },
  {
    id: 'art30-processor-recipient-types',
    article: 'Art. 30(2)',
    roles: PROCESSOR,
    label: 'Kind of each recipient',
    severity: 'warning',
    notCounted: true,
    fix: RECIPIENT_TYPE_FIX,
    applies: (record) => record.recipients.length > 0,
    missing: recipientTypesNotStated
  },
  {
    id: 'art30-processor-transfer-destination',
    article: 'Art. 30(2)(c)',
    roles: PROCESSOR,
    label: 'Transfers identify the third country',
    severity: 'error',
    fix: TRANSFER_COUNTRY_FIX,
    applies: (record) => record.transfers.length > 0,
    missing: transferCountryMissing
  },
  {
    id: 'art30-processor-security',
    article: 'Art. 30(2)(d)',
    roles: PROCESSOR,
    label: 'Technical and organisational measures',
    severity: 'error',
    fix: SECURITY_FIX,
    missing: (record) => whenEmpty(!hasSecurityMeasures(record), 'securityMeasures', SECURITY_MISSING)
  }
]

export const ART30_ORGANISATION_ITEMS: readonly Art30OrganisationItem[] = [
  {
    id: 'org-controller-name',
    article: 'Art. 30(1)(a)',
    label: 'Controller name',
    severity: 'error',
    fix: msg('org-controller-name.fix'),
    missing: (organisation) =>
      whenEmpty(
        organisation === null || isBlank(organisation.controller.name),
        'controller.name',
        organisation === null ? msg('org-controller-name.noProfile') : msg('org-controller-name')
      )
  },
  {
    id: 'org-controller-contact',
    article: 'Art. 30(1)(a)',
    label: 'Controller contact details',
    severity: 'error',
    fix: msg('org-controller-contact.fix'),
    missing: (organisation) =>
      whenEmpty(!hasContact(organisation?.controller), 'controller.email', msg('org-controller-contact'))
  },
  {
    id: 'org-dpo',
    article: 'Art. 30(1)(a)',
    label: 'Data protection officer',
    // A DPO is required only where Art. 37 applies, so this is a prompt rather than an error.
    severity: 'warning',
    fix: msg('org-dpo.fix'),
    missing: (organisation) =>
      whenEmpty(
        organisation === null || isBlank(organisation.dpo.name) || !hasContact(organisation.dpo),
        isBlank(organisation?.dpo.name) ? 'dpo.name' : 'dpo.email',
        msg('org-dpo')
      )
  }
]

export function itemsForRole(role: RecordRole): Art30RecordItem[] {
  return ART30_RECORD_ITEMS.filter((item) => item.roles.includes(role))
}

/** The Art. 30 letter a form field belongs to, so a finding about a field can cite it. */
export function articleForField(field: string, role: RecordRole): string {
  const processor = role === 'processor'
  const top = field.split('.')[0]
  if (field.includes('retention')) return processor ? 'Art. 30(2)' : 'Art. 30(1)(f)'
  switch (top) {
    case 'purposes':
      return processor ? 'Art. 30(2)(b)' : 'Art. 30(1)(b)'
    case 'dataSubjects':
    case 'dataCategories':
    case 'specialCategories':
      return processor ? 'Art. 30(2)(b)' : 'Art. 30(1)(c)'
    case 'recipients':
      return processor ? 'Art. 30(2)' : 'Art. 30(1)(d)'
    case 'transfers':
      return processor ? 'Art. 30(2)(c)' : 'Art. 30(1)(e)'
    case 'securityMeasures':
    case 'securityDescription':
      return processor ? 'Art. 30(2)(d)' : 'Art. 30(1)(g)'
    case 'controllersActedFor':
      return 'Art. 30(2)(a)'
    case 'jointControllerDetails':
      return 'Art. 30(1)(a)'
    default:
      return processor ? 'Art. 30(2)' : 'Art. 30(1)'
  }
}

export { ART30_ARTICLE_TITLES } from '../i18n/article-titles'

/** The lettered items of Art. 30, in the order of the Regulation. */
export const ART30_LETTERS: readonly string[] = Object.keys(ART30_ARTICLE_TITLES).filter((article) => /\([a-g]\)$/.test(article))

/** Numbers and letters of a citation, for sorting: 'Art. 30(1)(b)' → [30, 1, 2]. */
function citationKey(article: string): number[] {
  return [...article.matchAll(/(\d+)|\(([a-z])\)/g)].map((match) => (match[1] !== undefined ? Number(match[1]) : match[2]!.charCodeAt(0) - 96))
}

/** Sorts citations as the Regulation numbers them: Art. 6(1) before Art. 30(1) before Art. 30(1)(a) before Art. 44. */
export function compareArticles(a: string, b: string): number {
  const [keyA, keyB] = [citationKey(a), citationKey(b)]
  for (let index = 0; index < Math.max(keyA.length, keyB.length); index++) {
    const difference = (keyA[index] ?? -1) - (keyB[index] ?? -1)
    if (difference !== 0) return difference
  }
  return a.localeCompare(b)
}

/** Findings (or anything with an article) grouped by article, in the Regulation's order; each group keeps its input order. */
export function groupByArticle<T extends { article: string }>(items: readonly T[]): [article: string, items: T[]][] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(item.article)
    if (group) group.push(item)
    else groups.set(item.article, [item])
  }
  return [...groups.entries()].sort(([a], [b]) => compareArticles(a, b))
}
