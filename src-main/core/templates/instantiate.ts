/**
 * Turns one activity of a template pack into a draft record: every value the policy states is
 * pre-filled with its quotes as evidence; every gap becomes an open item for the DPO. Pure.
 *
 * Records are the DPO's records. A vendor's pack describes the vendor's processing, so by
 * default the record is the DPO's side of it (see `RecordPerspective`): a controller record
 * with the vendor as a recipient (its processor, or another controller), its sub-processors
 * and its transfers; or a processor record with the vendor as sub-processor. The vendor's
 * purposes and lawful bases are then only suggestions, marked as the vendor's, for the DPO to
 * confirm. "vendor-as-is" keeps the activity as the policy describes it (and is what the
 * organisation's own pack, made from its own records, gives).
 *
 * The words the app adds (the name's suffix, the frame of the description, recipient notes, open
 * items, evidence labels) are written in the record's language (`locale`, stored on its origin);
 * the policy's quotes and the pack's own words stay as they are.
 */
import type { Locale } from '../i18n'
import { mechanismOfInstrument } from '../legal/parse-instrument-text'
import { upgradeLegacyTransfer } from '../records/legacy-transfer'
import type { RecordPerspective } from '../records/enums'
import { UNSTATED_INSTRUMENT, type Evidence, type OpenItem, type Recipient, type RecordForm, type Retention, type Suggestion, type Transfer } from '../records/model'
import { emptyRecordForm, emptyRetention, newItemId } from '../records/new-record'
import { CRIMINAL_OFFENCE_TERMS } from '../vocabulary/vocabulary'
import { isUserAuthoredSource, type ActivityTemplate, type TemplatePack } from './pack-schema'
import { gapNoteIn, recordWordsIn, type RecordWords } from './record-words'
import { semicolon } from './template-text'

type PackRetention = NonNullable<ActivityTemplate['retention']>

/** What "New record from this activity" makes unless the DPO chooses otherwise. */
export function defaultPerspective(pack: Pick<TemplatePack, 'source'>): RecordPerspective {
  // The organisation's own pack holds its own records: they are already the DPO's side.
  return isUserAuthoredSource(pack.source) ? 'vendor-as-is' : 'controller-using-vendor'
}

/** Where the pack's lists land in the record, which differs by perspective. */
interface RecordLayout {
  /** Recipients before the pack's own (the vendor itself). */
  recipientOffset: number
  /** The vendor's purposes are suggestions, not record purposes. */
  purposesSuggested: boolean
}

export interface InstantiateOptions {
  /** The language of the words the app writes into the record; English by default. */
  locale?: Locale
}

export function recordFromActivity(pack: TemplatePack, activityId: string, perspective: RecordPerspective = defaultPerspective(pack), options: InstantiateOptions = {}): RecordForm {
  const activity = pack.activities.find((candidate) => candidate.id === activityId)
  if (!activity) throw new Error(`template pack "${pack.id}" has no activity "${activityId}"`)

  const vendor = pack.vendor.name
  const locale = options.locale ?? 'en'
  const say = recordWordsIn(locale)
  const asIs = perspective === 'vendor-as-is'
  const asProcessor = perspective === 'processor-with-vendor-as-sub-processor'
  const vendorIsProcessor = activity.role === 'processor'
  const layout: RecordLayout = { recipientOffset: asIs ? 0 : 1, purposesSuggested: !asIs }
  const record = emptyRecordForm(asIs ? activity.role : asProcessor ? 'processor' : 'controller')
  const evidence: Evidence[] = []
  const openItems: OpenItem[] = []
  const cite = (field: string, quotes: string[], note = '') => evidence.push({ field, quotes: [...quotes], note })
  const openItem = (field: string, note: string, quotes: string[] = []) =>
    openItems.push({ id: newItemId(), field, note, quotes: [...quotes], resolution: 'open', resolutionNote: '' })

  // A name that ends with the vendor's role ("… (processor)") would describe the vendor, not the DPO: that part goes.
  const activityName = asIs ? activity.name : activity.name.replace(/\s*\((?:processor|controller|joint controller)\)\s*$/i, '')
  const nameKey = asProcessor ? 'name.forClientsWithSubProcessor' : vendorIsProcessor ? 'name.usingVendor' : 'name.vendorAsIndependentController'
  record.name = asIs ? activityName : say(nameKey, { activity: activityName, vendor })
  // English records carry no language: that is what every record made before languages were is.
  record.origin = { packId: pack.id, packVersion: pack.version, activityId: activity.id, perspective, ...(locale === 'en' ? {} : { locale }) }
  // The pack's role is the vendor's: on the DPO's side its quotes show what kind of recipient the vendor is.
  cite(asIs ? 'role' : 'recipients.0', activity.roleQuotes, asIs ? '' : say('evidence.vendorRole', { vendor }))

  const stated = activity.description.trim()
  const descriptionParts = stated === '' ? [] : [asIs ? stated : say('description.vendorDescribes', { vendor, description: stated })]
  if (activity.ageLimit) {
    descriptionParts.push(say('description.ageLimit', { age: activity.ageLimit.minimumAge }))
    cite('description', activity.ageLimit.quotes, say('evidence.ageLimit'))
  }
  if (activity.sensitiveDataStance) {
    descriptionParts.push(say('description.specialCategories', { statement: activity.sensitiveDataStance.statement }))
    cite('description', activity.sensitiveDataStance.quotes, say('evidence.specialCategoryStance'))
  }
  record.description = descriptionParts.join('\n\n')

  if (layout.purposesSuggested) {
    // A processor has no lawful basis of its own: only the purposes are offered then.
    record.suggestions = activity.purposes.map(
      (purpose): Suggestion => ({
        id: newItemId(),
        kind: 'purpose',
        from: vendor,
        purposeId: '',
        description: purpose.description,
        uses: [...purpose.uses],
        lawfulBasis: asProcessor ? '' : (purpose.lawfulBasis ?? ''),
        legitimateInterest: asProcessor ? '' : (purpose.legitimateInterest ?? ''),
        quotes: [...purpose.quotes]
      })
    )
  } else {
    record.purposes = activity.purposes.map((purpose, index) => {
      cite(`purposes.${index}`, purpose.quotes)
      if (purpose.lawfulBasis) cite(`purposes.${index}.lawfulBasis`, purpose.quotes)
      return {
        id: newItemId(),
        description: purpose.description,
        uses: [...purpose.uses],
        lawfulBasis: purpose.lawfulBasis ?? '',
        legitimateInterest: purpose.legitimateInterest ?? '',
        liaReference: '',
        consentRecordReference: ''
      }
    })
  }

  record.dataSubjects = activity.dataSubjects.map((subject, index) => {
    cite(`dataSubjects.${index}`, subject.quotes)
    return subject.term
  })

  record.dataCategories = activity.dataCategories.map((category, index) => {
    cite(`dataCategories.${index}`, category.quotes)
    const packRetention = category.retention ?? activity.retention
    let retention = emptyRetention()
    if (packRetention) {
      const mapped = toRecordRetention(packRetention, say)
      retention = mapped.retention
      cite(`dataCategories.${index}.retention`, packRetention.quotes, category.retention ? '' : say('evidence.activityRetention'))
      if (mapped.problem) openItem(`dataCategories.${index}.retention`, mapped.problem, packRetention.quotes)
      else if (retention.endAction === '' && category.retention) openItem(`dataCategories.${index}.retention.endAction`, say('open.endActionUnstated'), packRetention.quotes)
    }
    return { id: newItemId(), term: category.term, description: category.wording, retention }
  })
  // The activity's retention serves every category without its own: one open point for all of them.
  const inheritsUnstatedEnd = activity.retention && toRecordRetention(activity.retention, say).problem === undefined && activity.retention.endAction === undefined
  if (inheritsUnstatedEnd && activity.dataCategories.some((category) => !category.retention)) openItem('dataCategories', say('open.endActionUnstated'), activity.retention?.quotes)
  if (activity.retention && activity.dataCategories.length === 0) {
    openItem('dataCategories', say('open.retentionWithoutCategories'), activity.retention.quotes)
  }
  if (activity.dataCategories.some((category) => CRIMINAL_OFFENCE_TERMS.has(category.term))) {
    record.criminalOffenceData = { processed: true, basis: '' }
  }

  record.specialCategories = activity.specialCategories.map((special, index) => {
    cite(`specialCategories.${index}`, special.quotes)
    return { id: newItemId(), category: special.category, condition: special.condition ?? '', notes: '' }
  })

  // On the DPO's side the vendor is the first recipient; its quotes are the role quotes cited above.
  const vendorRecipient: Recipient[] = asIs
    ? []
    : [
        {
          id: newItemId(),
          name: vendor,
          type: vendorIsProcessor || asProcessor ? 'processor' : 'controller',
          vendorId: pack.id,
          contractReference: '',
          notes: asProcessor ? say('recipient.ourSubProcessor') : vendorIsProcessor ? '' : say(activity.role === 'joint-controller' ? 'recipient.actsAsJointController' : 'recipient.actsAsController')
        }
      ]
  if (asProcessor) {
    openItem('recipients.0.contractReference', say('open.subProcessingAgreement', { vendor }))
    openItem('controllersActedFor', say('open.controllersActedFor'))
  } else if (vendorIsProcessor && !asIs) {
    openItem('recipients.0.contractReference', say('open.dataProcessingAgreement', { vendor }))
  }
  const recipients = activity.recipients.map((recipient) => ({
    recipient: { id: newItemId(), name: recipient.name, type: recipient.type, vendorId: '', contractReference: '', notes: asIs ? '' : say('recipient.namedByPolicy', { vendor }) },
    quotes: recipient.quotes
  }))
  const subProcessors = activity.subProcessors.map((processor) => ({
    recipient: {
      id: newItemId(),
      name: processor.name,
      type: 'processor' as const,
      vendorId: '',
      contractReference: '',
      notes: [
        !asIs && say('recipient.subProcessorOf', { vendor }),
        processor.service && say('recipient.service', { service: processor.service }),
        processor.country && say('recipient.country', { country: processor.country })
      ]
        .filter(Boolean)
        .join(semicolon(locale))
    },
    quotes: processor.quotes
  }))
  record.recipients = [...vendorRecipient, ...[...recipients, ...subProcessors].map((entry, index) => {
    cite(`recipients.${layout.recipientOffset + index}`, entry.quotes)
    return entry.recipient
  })]

  // A transfer whose policy names its safeguard goes into the record; one the policy does not name is left for the DPO.
  for (const transfer of activity.transfers) {
    const instrument = packTransferInstrument(transfer)
    if (instrument.fields.mechanism !== '') {
      cite(`transfers.${record.transfers.length}`, transfer.quotes)
      record.transfers.push({ id: newItemId(), recipient: transfer.recipient, country: transfer.country, documentation: instrument.documentation, ...UNSTATED_INSTRUMENT, ...instrument.fields })
    } else {
      openItem('transfers', say('open.transferWithoutSafeguard', { recipient: transfer.recipient, country: transfer.country }), transfer.quotes)
    }
  }

  if (activity.securityMeasures) {
    record.securityMeasures = [...activity.securityMeasures.measures]
    record.securityDescription = activity.securityMeasures.description
    cite('securityMeasures', activity.securityMeasures.quotes)
    if (activity.securityMeasures.description !== '') cite('securityDescription', activity.securityMeasures.quotes)
  }
  if (activity.automatedDecisionMaking) {
    record.automatedDecisionMaking = { exists: activity.automatedDecisionMaking.exists, description: activity.automatedDecisionMaking.description }
    cite('automatedDecisionMaking', activity.automatedDecisionMaking.quotes)
  }
  if (activity.dataSource) {
    record.source = activity.dataSource.description
    cite('source', activity.dataSource.quotes)
  }

  // The frame is the app's words, in the record's language; the note is the pack's, as written.
  for (const gap of activity.gaps) openItem(recordFieldOfGap(gap.field, activity, layout), gapNoteIn(locale, gap.kind, gap.note), gap.quotes)

  record.evidence = evidence
  record.openItems = openItems
  return record
}

/** Pack retention → record retention; a period without a number or a criterion without text stays unspecified. */
function toRecordRetention(packRetention: PackRetention, say: RecordWords): { retention: Retention; problem?: string } {
  const retention: Retention = {
    ...emptyRetention(),
    unit: packRetention.unit ?? 'years',
    fromEvent: packRetention.fromEvent ?? '',
    // Erase, anonymise or review: the policy says which, or the record leaves it blank for the DPO.
    endAction: packRetention.endAction ?? '',
    criterion: packRetention.criterion ?? ''
  }
  if (packRetention.mode === 'period' && packRetention.period !== undefined) return { retention: { ...retention, mode: 'period', period: packRetention.period } }
  if (retention.criterion.trim() !== '') return { retention: { ...retention, mode: 'criterion' } }
  return { retention, problem: say('open.retentionUnset') }
}

/**
 * A gap names a template field (`purposes[0].lawfulBasis`, `dataSource`); the open item names the
 * record field it ends up in (`purposes.0.lawfulBasis`, `source`), which depends on the layout.
 */
function recordFieldOfGap(field: string, activity: ActivityTemplate, layout: RecordLayout): string {
  const dotted = field.replace(/\[(\d+)\]/g, '.$1')
  const [head, ...rest] = dotted.split('.')
  const tail = rest.length > 0 ? `.${rest.join('.')}` : ''
  const recipientField = (index: number) => {
    const deeper = rest.length > 1 ? `.${rest.slice(1).join('.')}` : ''
    return Number.isInteger(index) ? `recipients.${layout.recipientOffset + index}${deeper}` : 'recipients'
  }
  switch (head) {
    case 'dataSource':
      return 'source'
    case 'retention':
      return 'dataCategories'
    case 'ageLimit':
      return 'description'
    case 'sensitiveDataStance':
      return 'specialCategories'
    case 'transfers':
      // Template transfers without a safeguard are not in the record, so template indexes do not carry over.
      return 'transfers'
    case 'roleQuotes':
      return layout.recipientOffset > 0 ? 'recipients.0' : 'role'
    case 'purposes':
      // Suggested purposes are not in the record until confirmed.
      return layout.purposesSuggested ? 'purposes' : `${head}${tail}`
    case 'securityMeasures':
      return rest[0] === 'description' ? 'securityDescription' : 'securityMeasures'
    case 'recipients':
      return rest.length === 0 ? 'recipients' : recipientField(Number(rest[0]))
    case 'subProcessors':
      return rest.length === 0 ? 'recipients' : recipientField(activity.recipients.length + Number(rest[0]))
    default:
      return `${head}${tail}`
  }
}

/**
 * The record's instrument fields for a pack transfer: stated ones as they are, a format 1
 * `safeguard` through the same upgrade as every legacy transfer (legacy-transfer.ts).
 */
export function packTransferInstrument(transfer: ActivityTemplate['transfers'][number]): {
  fields: Pick<Transfer, 'countryCode' | 'mechanism' | 'instrument' | 'sccModule' | 'derogation'>
  documentation: string
} {
  const upgraded = upgradeLegacyTransfer({
    country: transfer.country,
    documentation: '',
    safeguard: transfer.safeguard ?? '',
    mechanism: transfer.mechanism ?? (transfer.instrument ? mechanismOfInstrument(transfer.instrument) : ''),
    instrument: transfer.instrument ?? '',
    sccModule: transfer.sccModule ?? '',
    derogation: transfer.derogation ?? ''
  }) as Partial<Transfer>
  return {
    fields: {
      countryCode: upgraded.countryCode ?? '',
      mechanism: upgraded.mechanism ?? '',
      instrument: upgraded.instrument ?? '',
      sccModule: upgraded.sccModule ?? '',
      derogation: upgraded.derogation ?? ''
    },
    documentation: upgraded.documentation ?? ''
  }
}
