/**
 * Turns one activity of a template pack into a draft record: every value the policy states is
 * pre-filled with its quotes as evidence; every gap becomes an open item for the DPO. Pure.
 */
import { mechanismOfInstrument } from '../legal/parse-instrument-text'
import { upgradeLegacyTransfer } from '../records/legacy-transfer'
import { UNSTATED_INSTRUMENT, type Evidence, type OpenItem, type RecordForm, type Retention, type Transfer } from '../records/model'
import { emptyRecordForm, emptyRetention, newItemId } from '../records/new-record'
import { CRIMINAL_OFFENCE_TERMS } from '../vocabulary/vocabulary'
import type { ActivityTemplate, PackGap, TemplatePack } from './pack-schema'

type PackRetention = NonNullable<ActivityTemplate['retention']>

export function recordFromActivity(pack: TemplatePack, activityId: string): RecordForm {
  const activity = pack.activities.find((candidate) => candidate.id === activityId)
  if (!activity) throw new Error(`template pack "${pack.id}" has no activity "${activityId}"`)

  const record = emptyRecordForm(activity.role)
  const evidence: Evidence[] = []
  const openItems: OpenItem[] = []
  const cite = (field: string, quotes: string[], note = '') => evidence.push({ field, quotes: [...quotes], note })
  const openItem = (field: string, note: string, quotes: string[] = []) =>
    openItems.push({ id: newItemId(), field, note, quotes: [...quotes], resolved: false })

  record.name = activity.name
  record.origin = { packId: pack.id, packVersion: pack.version, activityId: activity.id }
  cite('role', activity.roleQuotes)

  const descriptionParts = activity.description.trim() === '' ? [] : [activity.description.trim()]
  if (activity.ageLimit) {
    descriptionParts.push(`Age limit: the policy says the service is not meant for people under ${activity.ageLimit.minimumAge}.`)
    cite('description', activity.ageLimit.quotes, 'Age limit')
  }
  if (activity.sensitiveDataStance) {
    descriptionParts.push(`Special-category data: ${activity.sensitiveDataStance.statement}`)
    cite('description', activity.sensitiveDataStance.quotes, 'Stance on special-category data')
  }
  record.description = descriptionParts.join('\n\n')

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
    }
    return { id: newItemId(), term: category.term, description: category.wording, retention }
  })
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

  const recipients = activity.recipients.map((recipient) => ({
    recipient: { id: newItemId(), name: recipient.name, type: recipient.type, vendorId: '', contractReference: '', notes: '' },
    quotes: recipient.quotes
  }))
  const subProcessors = activity.subProcessors.map((processor) => ({
    recipient: {
      id: newItemId(),
      name: processor.name,
      type: 'processor' as const,
      vendorId: '',
      contractReference: '',
      notes: [processor.service && `Service: ${processor.service}`, processor.country && `Country: ${processor.country}`].filter(Boolean).join('; ')
    },
    quotes: processor.quotes
  }))
  record.recipients = [...recipients, ...subProcessors].map((entry, index) => {
    cite(`recipients.${index}`, entry.quotes)
    return entry.recipient
  })

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

  for (const gap of activity.gaps) openItem(recordFieldOfGap(gap.field, activity), gapNote(gap), gap.quotes)

  record.evidence = evidence
  record.openItems = openItems
  return record
}

function gapNote(gap: PackGap): string {
  return `${gap.kind === 'silent' ? 'The policy is silent' : 'The policy is vague'}: ${gap.note}`
}

/** Pack retention → record retention; a period without a number or a criterion without text stays unspecified. */
function toRecordRetention(packRetention: PackRetention): { retention: Retention; problem?: string } {
  const retention: Retention = {
    ...emptyRetention(),
    unit: packRetention.unit ?? 'years',
    fromEvent: packRetention.fromEvent ?? '',
    endAction: packRetention.endAction ?? 'erase',
    criterion: packRetention.criterion ?? ''
  }
  if (packRetention.mode === 'period' && packRetention.period !== undefined) return { retention: { ...retention, mode: 'period', period: packRetention.period } }
  if (retention.criterion.trim() !== '') return { retention: { ...retention, mode: 'criterion' } }
  return { retention, problem: 'The policy\'s retention has neither a period nor a criterion; set the retention.' }
}

/**
 * A gap names a template field (`purposes[0].lawfulBasis`, `dataSource`); the open item names the
 * record field it ends up in (`purposes.0.lawfulBasis`, `source`).
 */
function recordFieldOfGap(field: string, activity: ActivityTemplate): string {
  const dotted = field.replace(/\[(\d+)\]/g, '.$1')
  const [head, ...rest] = dotted.split('.')
  const tail = rest.length > 0 ? `.${rest.join('.')}` : ''
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
      return 'role'
    case 'securityMeasures':
      return rest[0] === 'description' ? 'securityDescription' : 'securityMeasures'
    case 'subProcessors': {
      const index = Number(rest[0])
      return Number.isInteger(index) ? `recipients.${activity.recipients.length + index}${rest.length > 1 ? `.${rest.slice(1).join('.')}` : ''}` : 'recipients'
    }
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
