import { describe, expect, it } from 'vitest'
import { recordFormSchema } from '@core/records/model'
import { recordFromActivity } from '@core/templates/instantiate'
import { templatePackSchema, type TemplatePack } from '@core/templates/pack-schema'
import { fixturePackJson } from '../fixtures/packs/fixture-pack'

const pack: TemplatePack = templatePackSchema.parse(fixturePackJson())

describe('recordFromActivity', () => {
  const record = recordFromActivity(pack, 'accounts')

  it('produces a record that passes the record schema', () => {
    const result = recordFormSchema.safeParse(record)
    expect(result.error?.issues ?? []).toEqual([])
  })

  it('records where it came from', () => {
    expect(record.origin).toEqual({ packId: 'acme-widgets', packVersion: '1.0.0', activityId: 'accounts' })
    expect(record.status).toBe('draft')
  })

  it('maps identity, purposes and data subjects', () => {
    expect(record).toMatchObject({ name: 'Customer accounts', role: 'controller', dataSubjects: ['customer'] })
    expect(record.purposes).toMatchObject([
      { description: 'Provide the service the customer signed up for', uses: ['essential.service'], lawfulBasis: 'b', legitimateInterest: '' },
      { description: 'Take payments', uses: ['essential.service.payment_processing'], lawfulBasis: '' }
    ])
  })

  it('puts the age limit and the stance on sensitive data into the description', () => {
    expect(record.description).toBe(
      'Creating and running customer accounts.\n\n' +
        'Age limit: the policy says the service is not meant for people under 16.\n\n' +
        'Special-category data: The policy says no sensitive data such as health information is collected.'
    )
  })

  it('gives each category its own retention, or else the activity\'s', () => {
    expect(record.dataCategories.map(({ term, description, retention }) => ({ term, description, retention }))).toEqual([
      { term: 'user.name', description: 'your name', retention: { mode: 'period', period: 2, unit: 'years', fromEvent: 'account closure', endAction: 'erase', criterion: '' } },
      { term: 'user.contact.email', description: 'your e-mail address', retention: { mode: 'period', period: 2, unit: 'years', fromEvent: 'account closure', endAction: 'erase', criterion: '' } },
      {
        term: 'user.authorization.password',
        description: 'your password',
        retention: { mode: 'criterion', period: null, unit: 'years', fromEvent: '', endAction: 'erase', criterion: 'Until the account is closed' }
      }
    ])
  })

  it('adds sub-processors as named processor recipients with service and country', () => {
    expect(record.recipients.map(({ name, type, notes }) => ({ name, type, notes }))).toEqual([
      { name: 'PayCo', type: 'processor', notes: '' },
      { name: 'Example Cloud Inc.', type: 'processor', notes: 'Service: hosting; Country: United States' }
    ])
  })

  it('keeps a transfer without safeguard out of the transfers and opens an item naming it', () => {
    // The pack's format 1 safeguard 'sccs' says SCCs but not which: mechanism Art. 46, the instrument left for the DPO, the label kept.
    expect(record.transfers.map(({ recipient, country, countryCode, mechanism, instrument, documentation }) => ({ recipient, country, countryCode, mechanism, instrument, documentation }))).toEqual([
      { recipient: 'Example Cloud Inc.', country: 'United States', countryCode: 'US', mechanism: 'art46', instrument: '', documentation: 'Standard contractual clauses (Art. 46(2)(c))' }
    ])
    expect(record.openItems).toContainEqual({
      id: expect.any(String),
      field: 'transfers',
      note: expect.stringMatching(/^Transfer to Support partner \(India\): the policy names no safeguard/),
      quotes: ['Some data may also be accessed by our support partner in India.'],
      resolved: false
    })
  })

  it('maps security measures, automated decisions and the data source', () => {
    expect(record.securityMeasures).toEqual(['encryption-in-transit', 'encryption-at-rest', 'access-control'])
    expect(record.securityDescription).toBe('TLS in transit, encryption at rest, need-to-know access.')
    expect(record.automatedDecisionMaking).toEqual({ exists: false, description: '' })
    expect(record.source).toBe('Collected from the customer when the account is created.')
  })

  it('turns each gap into an open item on the record field it concerns', () => {
    expect(record.openItems.map(({ field, note, resolved }) => ({ field, note, resolved }))).toEqual([
      { field: 'transfers', note: expect.stringMatching(/^Transfer to Support partner/), resolved: false },
      { field: 'transfers', note: 'The policy is vague: The safeguard for the support partner in India is not named.', resolved: false },
      { field: 'purposes.1.lawfulBasis', note: 'The policy is silent: No lawful basis is given for taking payments.', resolved: false }
    ])
  })

  it('cites the quotes for every pre-filled field by its path in the record', () => {
    const fields = record.evidence.map((evidence) => evidence.field)
    expect(fields).toEqual([
      'role',
      'description',
      'description',
      'purposes.0',
      'purposes.0.lawfulBasis',
      'purposes.1',
      'dataSubjects.0',
      'dataCategories.0',
      'dataCategories.0.retention',
      'dataCategories.1',
      'dataCategories.1.retention',
      'dataCategories.2',
      'dataCategories.2.retention',
      'recipients.0',
      'recipients.1',
      'transfers.0',
      'securityMeasures',
      'securityDescription',
      'automatedDecisionMaking',
      'source'
    ])
    expect(record.evidence.find((evidence) => evidence.field === 'recipients.1')?.quotes).toEqual([
      'We use Example Cloud Inc. to host our service in the United States.'
    ])
  })

  it('gives every list item a distinct id', () => {
    const ids = [...record.purposes, ...record.dataCategories, ...record.recipients, ...record.transfers, ...record.openItems].map((item) => item.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(recordFromActivity(pack, 'accounts').purposes[0]!.id).not.toBe(record.purposes[0]!.id)
  })

  it('leaves retention unspecified, with an open item, when the policy is silent', () => {
    const newsletter = recordFromActivity(pack, 'newsletter')
    expect(newsletter.dataCategories[0]!.retention.mode).toBe('unspecified')
    expect(newsletter.openItems.map((item) => item.field)).toEqual(['dataCategories'])
    expect(recordFormSchema.safeParse(newsletter).success).toBe(true)
  })

  it('keeps a period retention without a number unspecified and says so', () => {
    const copy = structuredClone(pack)
    copy.activities[0]!.retention = { mode: 'period', unit: 'years', quotes: ['for 2 years after it is closed'] }
    const result = recordFromActivity(copy, 'accounts')
    expect(result.dataCategories[0]!.retention.mode).toBe('unspecified')
    expect(result.openItems).toContainEqual(expect.objectContaining({ field: 'dataCategories.0.retention' }))
    expect(recordFormSchema.safeParse(result).success).toBe(true)
  })

  it('refuses an activity id the pack does not have', () => {
    expect(() => recordFromActivity(pack, 'payroll')).toThrow('template pack "acme-widgets" has no activity "payroll"')
  })
})
