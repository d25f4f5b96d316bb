/**
 * A record's register cells in one language: the values the CNIL and DSK layouts show (labels,
 * vocabulary terms, retention, transfers), said the way the reader's language says them. Dates
 * people read are written in the language's short form; the Data sheet keeps ISO dates.
 */
import { labelIn, lookupText, termLabelIn } from '../../i18n/catalogues'
import type { Locale } from '../../i18n'
import { formatShortDate } from '../../i18n/message'
import { destinationText } from '../../legal/transfer-text'
import type { Retention, StoredRecord, Transfer } from '../../records/model'

const lines = (values: Iterable<string>): string => [...values].filter((value) => value !== '').join('\n')
const unique = <T>(values: T[]): T[] => [...new Set(values)]

export interface RecordText {
  locale: Locale
  /** A phrase of the `workbook` catalogue. */
  say: (key: string, params?: Record<string, string | number>) => string
  /** An enum value's label ('' for none), e.g. `label('mechanism', 'art46')`. */
  label: (group: string, key: string) => string
  term: (term: string) => string
  retentionOf: (retention: Retention) => string
  date: (iso: string) => string
  purposes: (record: StoredRecord) => string
  lawfulBases: (record: StoredRecord) => string
  subjects: (record: StoredRecord) => string
  categories: (record: StoredRecord) => string
  specialCategories: (record: StoredRecord) => string
  recipients: (record: StoredRecord) => string
  transferDestinations: (record: StoredRecord) => string
  transferSafeguards: (record: StoredRecord) => string
  transferDocumentation: (record: StoredRecord) => string
  retention: (record: StoredRecord) => string
  security: (record: StoredRecord) => string
  controllersActedFor: (record: StoredRecord) => string
  controllerContacts: (record: StoredRecord) => string
  processingCategories: (record: StoredRecord) => string
  status: (record: StoredRecord) => string
  role: (record: StoredRecord) => string
}

export function recordText(locale: Locale): RecordText {
  const say = (key: string, params: Record<string, string | number> = {}) => lookupText(locale, `workbook:${key}`, params)
  const notStated = lookupText(locale, 'labels:notStated')
  // French sets a space before a colon.
  const colon = locale === 'fr' ? ' : ' : ': '
  const retentionText = (retention: Retention): string => {
    const end = retention.endAction === '' ? `(${notStated.toLowerCase()})` : labelIn(locale, 'endAction', retention.endAction).toLowerCase()
    if (retention.mode === 'period' && retention.period !== null) {
      const unit = labelIn(locale, 'retentionUnit', retention.unit)
      return retention.fromEvent
        ? say('value.retention.periodFrom', { period: retention.period, unit, from: retention.fromEvent, end })
        : say('value.retention.period', { period: retention.period, unit, end })
    }
    if (retention.mode === 'criterion') {
      return retention.fromEvent
        ? say('value.retention.criterionFrom', { criterion: retention.criterion, from: retention.fromEvent, end })
        : say('value.retention.criterion', { criterion: retention.criterion, end })
    }
    return labelIn(locale, 'retentionMode', 'unspecified')
  }
  const instrumentText = (transfer: Transfer): string => {
    const parts: string[] = []
    if (transfer.instrument !== '' && transfer.instrument !== 'derogation') parts.push(labelIn(locale, 'instrument', transfer.instrument))
    else if (transfer.mechanism !== '') parts.push(labelIn(locale, 'mechanism', transfer.mechanism))
    if (transfer.sccModule !== '') parts.push(labelIn(locale, 'sccModule', transfer.sccModule))
    if (transfer.derogation !== '') parts.push(labelIn(locale, 'derogation', transfer.derogation))
    return parts.length === 0 ? notStated : parts.join(', ')
  }
  return {
    locale,
    say,
    label: (group, key) => (key === '' ? '' : labelIn(locale, group, key)),
    term: (term) => termLabelIn(term, locale),
    retentionOf: retentionText,
    date: (iso) => formatShortDate(iso, locale),
    purposes: (record) => lines(record.purposes.map((purpose) => purpose.description)),
    lawfulBases: (record) => {
      const labels = record.purposes.map((purpose) => (purpose.lawfulBasis ? labelIn(locale, 'lawfulBasis', purpose.lawfulBasis) : say('value.notYetGiven')))
      return unique(labels).length === 1 ? labels[0]! : lines(labels)
    },
    subjects: (record) => lines(record.dataSubjects.map((term) => termLabelIn(term, locale))),
    categories: (record) => lines(record.dataCategories.map((category) => termLabelIn(category.term, locale))),
    specialCategories: (record) =>
      lines(
        record.specialCategories.map(
          (special) => `${labelIn(locale, 'specialCategory', special.category)}${colon}${special.condition ? labelIn(locale, 'art9', special.condition) : say('value.conditionNotYetGiven')}`
        )
      ),
    recipients: (record) => lines(record.recipients.map((recipient) => `${recipient.name} (${labelIn(locale, 'recipientType', recipient.type)})`)),
    transferDestinations: (record) => lines(record.transfers.map((transfer) => `${destinationText(transfer) || notStated} (${transfer.recipient || notStated})`)),
    transferSafeguards: (record) => lines(record.transfers.map((transfer) => `${destinationText(transfer) || notStated}${colon}${instrumentText(transfer)}`)),
    transferDocumentation: (record) => lines(record.transfers.flatMap((transfer) => [transfer.documentation, transfer.tiaReference].filter((text) => text !== ''))),
    retention: (record) => lines(record.dataCategories.map((category) => `${termLabelIn(category.term, locale)}${colon}${retentionText(category.retention)}`)),
    security: (record) => lines([...record.securityMeasures.map((measure) => labelIn(locale, 'security', measure)), record.securityDescription]),
    controllersActedFor: (record) => lines(record.controllersActedFor.map((controller) => controller.name)),
    controllerContacts: (record) =>
      lines(
        record.controllersActedFor.map((controller) =>
          [
            controller.name,
            controller.contact,
            controller.representative && `${lookupText(locale, 'labels:field.representative')}${colon}${controller.representative}`,
            controller.dpo && `${lookupText(locale, 'labels:field.dpo')}${colon}${controller.dpo}`
          ]
            .filter(Boolean)
            .join('; ')
        )
      ),
    processingCategories: (record) => lines(record.controllersActedFor.map((controller) => `${controller.name}${colon}${controller.processingCategories}`)),
    status: (record) => labelIn(locale, 'status', record.status),
    role: (record) => labelIn(locale, 'role', record.role)
  }
}
