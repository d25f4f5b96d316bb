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
 */
import { mechanismOfInstrument } from '../legal/parse-instrument-text'
import { upgradeLegacyTransfer } from '../records/legacy-transfer'
import type { RecordPerspective } from '../records/enums'
import { UNSTATED_INSTRUMENT, type Evidence, type OpenItem, type Recipient, type RecordForm, type Retention, type Suggestion, type Transfer } from '../records/model'
import { emptyRecordForm, emptyRetention, newItemId } from '../records/new-record'
import { CRIMINAL_OFFENCE_TERMS } from '../vocabulary/vocabulary'
import { isUserAuthoredSource, type ActivityTemplate, type PackGap, type TemplatePack } from './pack-schema'

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

export function recordFromActivity(pack: TemplatePack, activityId: string, perspective: RecordPerspective = defaultPerspective(pack)): RecordForm {
  const activity = pack.activities.find((candidate) => candidate.id === activityId)
  if (!activity) throw new Error(`template pack "${pack.id}" has no activity "${activityId}"`)

  const vendor = pack.vendor.name
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
  record.name = asIs ? activityName : asProcessor ? `${activityName} (for our clients, with ${vendor} as sub-processor)` : vendorIsProcessor ? `${activityName} (using ${vendor})` : `${activityName} (with ${vendor} as independent controller)`
  record.origin = { packId: pack.id, packVersion: pack.version, activityId: activity.id, perspective }
  // The pack's role is the vendor's: on the DPO's side its quotes show what kind of recipient the vendor is.
  cite(asIs ? 'role' : 'recipients.0', activity.roleQuotes, asIs ? '' : `${vendor}'s role`)

  const stated = activity.description.trim()
  const descriptionParts = stated === '' ? [] : [asIs ? stated : `${vendor}'s policy describes the activity: ${stated}`]
  if (activity.ageLimit) {
    descriptionParts.push(`Age limit: the policy says the service is not meant for people under ${activity.ageLimit.minimumAge}.`)
    cite('description', activity.ageLimit.quotes, 'Age limit')
  }
  if (activity.sensitiveDataStance) {
    descriptionParts.push(`Special-category data: ${activity.sensitiveDataStance.statement}`)
    cite('description', activity.sensitiveDataStance.quotes, 'Stance on special-category data')
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
      const mapped = toRecordRetention(packRetention)
      retention = mapped.retention
      cite(`dataCategories.${index}.retention`, packRetention.quotes, category.retention ? '' : 'The activity\'s retention')
      if (mapped.problem) openItem(`dataCategories.${index}.retention`, mapped.problem, packRetention.quotes)
      else if (retention.endAction === '' && category.retention) openItem(`dataCategories.${index}.retention.endAction`, END_ACTION_UNSTATED, packRetention.quotes)
    }
    return { id: newItemId(), term: category.term, description: category.wording, retention }
  })
  // The activity's retention serves every category without its own: one open point for all of them.
  const inheritsUnstatedEnd = activity.retention && toRecordRetention(activity.retention).problem === undefined && activity.retention.endAction === undefined
  if (inheritsUnstatedEnd && activity.dataCategories.some((category) => !category.retention)) openItem('dataCategories', END_ACTION_UNSTATED, activity.retention?.quotes)
  if (activity.retention && activity.dataCategories.length === 0) {
    openItem('dataCategories', 'The policy states a retention period but names no data categories to attach it to.', activity.retention.quotes)
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
          notes: asProcessor ? 'Our sub-processor' : vendorIsProcessor ? '' : `Its policy says it acts as ${activity.role === 'joint-controller' ? 'a joint controller' : 'a controller'} for this activity`
        }
      ]
  if (asProcessor) {
    openItem('recipients.0.contractReference', `Reference the sub-processing agreement with ${vendor} and your clients' authorisation to use it (Art. 28(2) and (4)).`)
    openItem('controllersActedFor', 'Name the clients (controllers) you act for in this activity.')
  } else if (vendorIsProcessor && !asIs) {
    openItem('recipients.0.contractReference', `Reference the data processing agreement with ${vendor} (Art. 28(3)).`)
  }
  const recipients = activity.recipients.map((recipient) => ({
    recipient: { id: newItemId(), name: recipient.name, type: recipient.type, vendorId: '', contractReference: '', notes: asIs ? '' : `Named by ${vendor}'s policy` },
    quotes: recipient.quotes
  }))
  const subProcessors = activity.subProcessors.map((processor) => ({
    recipient: {
      id: newItemId(),
      name: processor.name,
      type: 'processor' as const,
      vendorId: '',
      contractReference: '',
      notes: [!asIs && `Sub-processor of ${vendor}`, processor.service && `Service: ${processor.service}`, processor.country && `Country: ${processor.country}`].filter(Boolean).join('; ')
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
      openItem(
        'transfers',
        `Transfer to ${transfer.recipient} (${transfer.country}): the policy names no safeguard. Choose the Chapter V safeguard and add the transfer.`,
        transfer.quotes
      )
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

  for (const gap of activity.gaps) openItem(recordFieldOfGap(gap.field, activity, layout), gapNote(gap), gap.quotes)

  record.evidence = evidence
  record.openItems = openItems
  return record
}

const END_ACTION_UNSTATED = 'The policy states how long the data is kept but not what happens to it then (erased, anonymised or reviewed); say which.'

function gapNote(gap: PackGap): string {
  return `${gap.kind === 'silent' ? 'The policy is silent' : 'The policy is vague'}: ${gap.note}`
}

/** Pack retention → record retention; a period without a number or a criterion without text stays unspecified. */
function toRecordRetention(packRetention: PackRetention): { retention: Retention; problem?: string } {
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
  return { retention, problem: 'The policy\'s retention has neither a period nor a criterion; set the retention.' }
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
