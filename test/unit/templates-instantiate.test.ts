import { describe, expect, it } from 'vitest'
import { checkRecord } from '@core/checks/run-checks'
import { originSchema, perspectiveOf, recordFormSchema } from '@core/records/model'
import { recordFromActivity } from '@core/templates/instantiate'
import { EMPTY_TEXT_SHA256, templatePackSchema, type TemplatePack } from '@core/templates/pack-schema'
import { fixturePackJson } from '../fixtures/packs/fixture-pack'

const pack: TemplatePack = templatePackSchema.parse(fixturePackJson())

describe('recordFromActivity', () => {
  const record = recordFromActivity(pack, 'accounts', 'vendor-as-is')

  it('produces a record that passes the record schema', () => {
    const result = recordFormSchema.safeParse(record)
    expect(result.error?.issues ?? []).toEqual([])
  })

  it('records where it came from', () => {
    expect(record.origin).toEqual({ packId: 'acme-widgets', packVersion: '1.0.0', activityId: 'accounts', perspective: 'vendor-as-is' })
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
      // The activity's retention does not say what happens at the end: not stated, never "erase".
      { term: 'user.name', description: 'your name', retention: { mode: 'period', period: 2, unit: 'years', fromEvent: 'account closure', endAction: '', criterion: '' } },
      { term: 'user.contact.email', description: 'your e-mail address', retention: { mode: 'period', period: 2, unit: 'years', fromEvent: 'account closure', endAction: '', criterion: '' } },
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
      resolution: 'open',
      resolutionNote: ''
    })
  })

  it('maps security measures, automated decisions and the data source', () => {
    expect(record.securityMeasures).toEqual(['encryption-in-transit', 'encryption-at-rest', 'access-control'])
    expect(record.securityDescription).toBe('TLS in transit, encryption at rest, need-to-know access.')
    expect(record.automatedDecisionMaking).toEqual({ exists: false, description: '' })
    expect(record.source).toBe('Collected from the customer when the account is created.')
  })

  it('turns each gap into an open item on the record field it concerns', () => {
    expect(record.openItems.map(({ field, note, resolution }) => ({ field, note, resolution }))).toEqual([
      { field: 'dataCategories', note: expect.stringContaining('not what happens to it then'), resolution: 'open' },
      { field: 'transfers', note: expect.stringMatching(/^Transfer to Support partner/), resolution: 'open' },
      { field: 'transfers', note: 'The policy is vague: The safeguard for the support partner in India is not named.', resolution: 'open' },
      { field: 'purposes.1.lawfulBasis', note: 'The policy is silent: No lawful basis is given for taking payments.', resolution: 'open' }
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
    expect(recordFromActivity(pack, 'accounts', 'vendor-as-is').purposes[0]!.id).not.toBe(record.purposes[0]!.id)
  })

  it('leaves retention unspecified, with an open item, when the policy is silent', () => {
    const newsletter = recordFromActivity(pack, 'newsletter', 'vendor-as-is')
    expect(newsletter.dataCategories[0]!.retention.mode).toBe('unspecified')
    expect(newsletter.openItems.map((item) => item.field)).toEqual(['dataCategories'])
    expect(recordFormSchema.safeParse(newsletter).success).toBe(true)
  })

  it('leaves an end action the policy does not state blank, with one open item for the categories sharing the activity\'s retention', () => {
    const unstated = record.openItems.filter((item) => item.note.includes('not what happens to it then'))
    expect(unstated.map((item) => ({ field: item.field, quotes: item.quotes }))).toEqual([{ field: 'dataCategories', quotes: ['for 2 years after it is closed'] }])
    expect(recordFormSchema.safeParse(record).success).toBe(true)
  })

  it('opens an item on the category itself when its own retention states no end action', () => {
    const copy = structuredClone(pack)
    delete copy.activities[0]!.dataCategories[2]!.retention!.endAction
    copy.activities[0]!.retention!.endAction = 'anonymise'
    const result = recordFromActivity(copy, 'accounts', 'vendor-as-is')
    expect(result.dataCategories.map((category) => category.retention.endAction)).toEqual(['anonymise', 'anonymise', ''])
    expect(result.openItems.filter((item) => item.note.includes('not what happens to it then')).map((item) => item.field)).toEqual(['dataCategories.2.retention.endAction'])
  })

  it('keeps a period retention without a number unspecified and says so', () => {
    const copy = structuredClone(pack)
    copy.activities[0]!.retention = { mode: 'period', unit: 'years', quotes: ['for 2 years after it is closed'] }
    const result = recordFromActivity(copy, 'accounts', 'vendor-as-is')
    expect(result.dataCategories[0]!.retention.mode).toBe('unspecified')
    expect(result.openItems).toContainEqual(expect.objectContaining({ field: 'dataCategories.0.retention' }))
    expect(recordFormSchema.safeParse(result).success).toBe(true)
  })

  it('refuses an activity id the pack does not have', () => {
    expect(() => recordFromActivity(pack, 'payroll', 'vendor-as-is')).toThrow('template pack "acme-widgets" has no activity "payroll"')
  })
})

/** The fixture's accounts activity, as a vendor that hosts its customers' data (a processor activity). */
function processorPack(): TemplatePack {
  const copy = structuredClone(pack)
  copy.activities[0]!.role = 'processor'
  copy.activities[0]!.gaps.push({ field: 'subProcessors[0].country', kind: 'vague', note: 'Where the hosting is, exactly.', quotes: [] })
  return copy
}

describe("recordFromActivity on the DPO's side", () => {
  it("makes a vendor's processor activity the DPO's controller record, with the vendor as its processor and the DPA as an open item", () => {
    const record = recordFromActivity(processorPack(), 'accounts')
    expect(record.role).toBe('controller')
    expect(record.name).toBe('Customer accounts (using Acme Widgets Ltd)')
    expect(record.origin).toEqual({ packId: 'acme-widgets', packVersion: '1.0.0', activityId: 'accounts', perspective: 'controller-using-vendor' })
    expect(record.recipients.map(({ name, type, vendorId, notes }) => ({ name, type, vendorId, notes }))).toEqual([
      { name: 'Acme Widgets Ltd', type: 'processor', vendorId: 'acme-widgets', notes: '' },
      { name: 'PayCo', type: 'processor', vendorId: '', notes: "Named by Acme Widgets Ltd's policy" },
      { name: 'Example Cloud Inc.', type: 'processor', vendorId: '', notes: 'Sub-processor of Acme Widgets Ltd; Service: hosting; Country: United States' }
    ])
    expect(record.openItems).toContainEqual(expect.objectContaining({ field: 'recipients.0.contractReference', note: 'Reference the data processing agreement with Acme Widgets Ltd (Art. 28(3)).' }))
    // The transfer keeps its instrument; its quote stays on it.
    expect(record.transfers.map(({ country, mechanism, documentation }) => ({ country, mechanism, documentation }))).toEqual([
      { country: 'United States', mechanism: 'art46', documentation: 'Standard contractual clauses (Art. 46(2)(c))' }
    ])
    expect(recordFormSchema.safeParse(record).error?.issues ?? []).toEqual([])
  })

  it("moves the evidence to the new field paths: the vendor's role quotes on the vendor recipient, sub-processors after it", () => {
    const record = recordFromActivity(processorPack(), 'accounts')
    const quotesOf = (field: string) => record.evidence.filter((item) => item.field === field).flatMap((item) => item.quotes)
    expect(quotesOf('recipients.0')).toEqual(pack.activities[0]!.roleQuotes)
    expect(quotesOf('role')).toEqual([])
    expect(quotesOf('recipients.1')).toEqual(['our payment provider PayCo'])
    expect(quotesOf('recipients.2')).toEqual(['We use Example Cloud Inc. to host our service in the United States.'])
    expect(record.evidence.some((item) => item.field.startsWith('purposes'))).toBe(false)
    // A gap about the second sub-processor lands on its recipient row, after the vendor and PayCo.
    expect(record.openItems.map((item) => item.field)).toContain('recipients.2.country')
    expect(record.openItems.map((item) => item.field)).toContain('purposes')
  })

  it("holds the vendor's purposes and lawful bases as suggestions marked as the vendor's, not as the record's", () => {
    const record = recordFromActivity(processorPack(), 'accounts')
    expect(record.purposes).toEqual([])
    expect(record.suggestions?.map(({ kind, from, description, lawfulBasis, quotes }) => ({ kind, from, description, lawfulBasis, quotes }))).toEqual([
      { kind: 'purpose', from: 'Acme Widgets Ltd', description: 'Provide the service the customer signed up for', lawfulBasis: 'b', quotes: pack.activities[0]!.purposes[0]!.quotes },
      { kind: 'purpose', from: 'Acme Widgets Ltd', description: 'Take payments', lawfulBasis: '', quotes: pack.activities[0]!.purposes[1]!.quotes }
    ])
  })

  it('makes an independent controller vendor an "other controller" recipient, with no DPA to ask for', () => {
    const record = recordFromActivity(pack, 'accounts', 'controller-using-vendor')
    expect(record.role).toBe('controller')
    expect(record.name).toBe('Customer accounts (with Acme Widgets Ltd as independent controller)')
    expect(record.recipients[0]).toMatchObject({ name: 'Acme Widgets Ltd', type: 'controller', vendorId: 'acme-widgets' })
    expect(record.openItems.map((item) => item.field)).not.toContain('recipients.0.contractReference')
    expect(record.purposes).toEqual([])
    expect(record.suggestions).toHaveLength(2)
  })

  it('makes a processor record with the vendor as sub-processor, leaving the controllers acted for to the DPO', () => {
    const record = recordFromActivity(processorPack(), 'accounts', 'processor-with-vendor-as-sub-processor')
    expect(record.role).toBe('processor')
    expect(record.origin?.perspective).toBe('processor-with-vendor-as-sub-processor')
    expect(record.recipients[0]).toMatchObject({ name: 'Acme Widgets Ltd', type: 'processor', notes: 'Our sub-processor' })
    expect(record.controllersActedFor).toEqual([])
    expect(record.openItems.map((item) => item.field)).toEqual(expect.arrayContaining(['controllersActedFor', 'recipients.0.contractReference']))
    // A processor has no lawful basis of its own: the vendor's purposes are offered without one.
    expect(record.suggestions?.map((suggestion) => [suggestion.description, suggestion.lawfulBasis])).toEqual([
      ['Provide the service the customer signed up for', ''],
      ['Take payments', '']
    ])
    expect(recordFormSchema.safeParse(record).success).toBe(true)
  })

  it("defaults to the DPO's controller record for a vendor's pack, and to the record as it is for the organisation's own pack", () => {
    expect(recordFromActivity(pack, 'accounts').origin?.perspective).toBe('controller-using-vendor')
    const own = structuredClone(pack)
    own.source = { ...own.source, file: '', sha256: EMPTY_TEXT_SHA256 }
    expect(recordFromActivity(own, 'accounts').origin?.perspective).toBe('vendor-as-is')
  })

  it('reads an origin stored before perspectives existed as the vendor\'s activity as it is', () => {
    const parsed = originSchema.parse({ packId: 'acme-widgets', packVersion: '1.0.0', activityId: 'accounts' })
    expect(perspectiveOf(parsed)).toBe('vendor-as-is')
    expect(recordFormSchema.parse({ role: 'controller', origin: { packId: 'a', packVersion: '1.0.0', activityId: 'b' } }).suggestions).toBeUndefined()
  })
})

describe("the invalid-instrument check on a record made from a vendor's policy", () => {
  it('flags a transfer whose policy quote names the Privacy Shield, although its instrument field says the Data Privacy Framework, and names the quote', () => {
    const copy = structuredClone(processorPack())
    const quote = 'Example Cloud Inc. is certified under the EU-U.S. Privacy Shield Framework for transfers to the United States.'
    copy.activities[0]!.transfers = [{ id: 'example-cloud', recipient: 'Example Cloud Inc.', country: 'United States', mechanism: 'art45', instrument: 'eu-us-dpf', quotes: [quote] }]
    const record = recordFromActivity(copy, 'accounts')
    expect(record.transfers[0]).toMatchObject({ instrument: 'eu-us-dpf' })
    const findings = checkRecord(record, { organisation: null, today: '2026-12-06', installedPackVersions: {} }).filter((finding) => finding.severity === 'error' && finding.field.startsWith('transfers'))
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'transfer-evidence-invalid', field: 'transfers.0', message: expect.stringContaining(`names EU-US Privacy Shield, invalid since 16 July 2020`) })
    ])
    expect(findings[0]!.message).toContain(`"${quote}"`)
  })
})
