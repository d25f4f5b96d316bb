import { UNSTATED_INSTRUMENT } from '@core/records/model'
import { describe, expect, it } from 'vitest'
import type { Finding, RecordRule } from '@core/checks/finding'
import { ORGANISATION_RULES, RECORD_RULES, ruleById } from '@core/checks/rules'
import { checkContext, completeControllerRecord, completeOrganisation, completeProcessorRecord } from '../fixtures/checks/records'
import type { StoredRecord } from '@core/records/model'

type Expected = Pick<Finding, 'severity' | 'field'> & Partial<Pick<Finding, 'article'>> & { message?: RegExp }

interface FiringCase {
  ruleId: string
  title: string
  record: () => StoredRecord
  context?: Parameters<typeof checkContext>[0]
  expected: Expected[]
}

const controller = (change: (record: StoredRecord) => void): (() => StoredRecord) => () => {
  const record = completeControllerRecord()
  change(record)
  return record
}
const processor = (change: (record: StoredRecord) => void): (() => StoredRecord) => () => {
  const record = completeProcessorRecord()
  change(record)
  return record
}

const FIRING: FiringCase[] = [
  {
    ruleId: 'art30-activity-name',
    title: 'a controller record without a name (stored while not known yet)',
    record: controller((r) => void (r.name = ' ')),
    expected: [{ severity: 'error', field: 'name', article: 'Art. 30(1)', message: /^The processing activity has no name\.$/ }]
  },
  {
    ruleId: 'art30-processor-activity-name',
    title: 'a processor record without a name',
    record: processor((r) => void (r.name = '')),
    expected: [{ severity: 'error', field: 'name', article: 'Art. 30(2)' }]
  },
  {
    ruleId: 'art30-data-categories',
    title: 'a data category whose term is not known yet',
    record: controller((r) => void (r.dataCategories[1]!.term = '')),
    expected: [{ severity: 'error', field: 'dataCategories.1.term', article: 'Art. 30(1)(c)', message: /^Data category 2 does not say which category/ }]
  },
  {
    ruleId: 'art30-recipient-names',
    title: 'a recipient without a name',
    record: controller((r) => void (r.recipients[0]!.name = '')),
    expected: [{ severity: 'error', field: 'recipients.0.name', article: 'Art. 30(1)(d)', message: /^Recipient 1 has no name\.$/ }]
  },
  {
    ruleId: 'art30-recipient-types',
    title: 'a recipient whose type is not stated',
    record: controller((r) => void (r.recipients[0]!.type = 'not-stated')),
    expected: [
      {
        severity: 'error',
        field: 'recipients.0.type',
        article: 'Art. 30(1)(d)',
        message: /^Recipient "Hosting provider": its type is not stated \(processor, other controller, public authority or internal\)\.$/
      }
    ]
  },
  {
    ruleId: 'art30-processor-recipient-names',
    title: 'a processor record naming a recipient without a name (a prompt: 30(2) lists no recipients)',
    record: processor((r) => void (r.recipients = [{ id: 'r', name: '', type: 'processor', vendorId: '', contractReference: 'DPA', notes: '' }])),
    expected: [{ severity: 'warning', field: 'recipients.0.name', article: 'Art. 30(2)' }]
  },
  {
    ruleId: 'art30-processor-recipient-types',
    title: 'a processor record with a recipient of unstated type',
    record: processor((r) => void (r.recipients = [{ id: 'r', name: 'Sub-processor', type: 'not-stated', vendorId: '', contractReference: '', notes: '' }])),
    expected: [{ severity: 'warning', field: 'recipients.0.type', article: 'Art. 30(2)', message: /^Recipient "Sub-processor": its type is not stated/ }]
  },
  {
    ruleId: 'art30-retention',
    title: 'a fixed period whose number is not given yet',
    record: controller((r) => void (r.dataCategories[1]!.retention = { ...r.dataCategories[1]!.retention, mode: 'period', period: null })),
    expected: [{ severity: 'error', field: 'dataCategories.1.retention.period', article: 'Art. 30(1)(f)', message: /"Financial Data" is a fixed period, but the period is not given/ }]
  },
  {
    ruleId: 'art30-retention',
    title: 'a criterion not described yet',
    record: controller((r) => void (r.dataCategories[1]!.retention = { ...r.dataCategories[1]!.retention, mode: 'criterion', criterion: ' ' })),
    expected: [{ severity: 'error', field: 'dataCategories.1.retention.criterion', article: 'Art. 30(1)(f)' }]
  },
  {
    ruleId: 'art30-controllers-acted-for',
    title: 'a controller acted for without a name',
    record: processor((r) => void (r.controllersActedFor[0]!.name = '')),
    expected: [{ severity: 'error', field: 'controllersActedFor.0.name', article: 'Art. 30(2)(a)', message: /^Controller 1 has no name\.$/ }]
  },
  {
    ruleId: 'art30-joint-controller',
    title: 'a joint-controller record that does not name the joint controller',
    record: controller((r) => void (r.role = 'joint-controller')),
    expected: [{ severity: 'error', field: 'jointControllerDetails', article: 'Art. 30(1)(a)' }]
  },
  {
    ruleId: 'art30-purposes',
    title: 'a controller record without purposes',
    record: controller((r) => void (r.purposes = [])),
    expected: [{ severity: 'error', field: 'purposes', article: 'Art. 30(1)(b)' }]
  },
  {
    ruleId: 'art30-purposes',
    title: 'a purpose with a blank description (legacy data)',
    record: controller((r) => void (r.purposes[1]!.description = '  ')),
    expected: [{ severity: 'error', field: 'purposes.1.description' }]
  },
  {
    ruleId: 'art30-data-subjects',
    title: 'no data subjects',
    record: controller((r) => void (r.dataSubjects = [])),
    expected: [{ severity: 'error', field: 'dataSubjects', article: 'Art. 30(1)(c)' }]
  },
  {
    ruleId: 'art30-data-categories',
    title: 'no data categories',
    record: controller((r) => void (r.dataCategories = [])),
    expected: [{ severity: 'error', field: 'dataCategories', article: 'Art. 30(1)(c)' }]
  },
  {
    ruleId: 'art30-recipients',
    title: 'no recipients (a warning: none is possible)',
    record: controller((r) => void (r.recipients = [])),
    expected: [{ severity: 'warning', field: 'recipients', article: 'Art. 30(1)(d)' }]
  },
  {
    ruleId: 'art30-transfer-destination',
    title: 'a transfer that does not name the country',
    record: controller((r) => void (r.transfers[0]!.country = '')),
    expected: [{ severity: 'error', field: 'transfers.0.country', article: 'Art. 30(1)(e)' }]
  },
  {
    ruleId: 'art30-retention',
    title: 'a data category with retention not specified',
    record: controller((r) => void (r.dataCategories[1]!.retention.mode = 'unspecified')),
    expected: [{ severity: 'error', field: 'dataCategories.1.retention.mode', article: 'Art. 30(1)(f)', message: /"Financial Data"/ }]
  },
  {
    ruleId: 'art30-security',
    title: 'no security measure ticked or described',
    record: controller((r) => void (r.securityMeasures = [])),
    expected: [{ severity: 'error', field: 'securityMeasures', article: 'Art. 30(1)(g)' }]
  },
  {
    ruleId: 'art30-controllers-acted-for',
    title: 'a processor record without the controllers it acts for',
    record: processor((r) => void (r.controllersActedFor = [])),
    expected: [{ severity: 'error', field: 'controllersActedFor', article: 'Art. 30(2)(a)' }]
  },
  {
    ruleId: 'art30-controller-contact',
    title: 'a controller acted for without contact details',
    record: processor((r) => void (r.controllersActedFor[0]!.contact = '')),
    expected: [{ severity: 'error', field: 'controllersActedFor.0.contact', article: 'Art. 30(2)(a)', message: /Client AG/ }]
  },
  {
    ruleId: 'art30-processing-categories',
    title: 'no categories of processing for a controller',
    record: processor((r) => void (r.controllersActedFor[0]!.processingCategories = '')),
    expected: [{ severity: 'error', field: 'controllersActedFor.0.processingCategories', article: 'Art. 30(2)(b)' }]
  },
  {
    ruleId: 'art30-processor-transfer-destination',
    title: 'a processor transfer without a country',
    record: processor((r) => void (r.transfers = [{ id: 't', recipient: 'Sub-processor', country: '', documentation: 'SCCs', ...UNSTATED_INSTRUMENT, mechanism: 'art46' }])),
    expected: [{ severity: 'error', field: 'transfers.0.country', article: 'Art. 30(2)(c)' }]
  },
  {
    ruleId: 'art30-processor-security',
    title: 'a processor record without security measures',
    record: processor((r) => void (r.securityMeasures = [])),
    expected: [{ severity: 'error', field: 'securityMeasures', article: 'Art. 30(2)(d)' }]
  },
  {
    ruleId: 'retention-vague',
    title: 'retention criterion "as long as necessary"',
    record: controller((r) => void (r.dataCategories[1]!.retention.criterion = 'As long as necessary for the purposes described')),
    expected: [{ severity: 'error', field: 'dataCategories.1.retention.criterion', article: 'Art. 30(1)(f)', message: /As long as necessary/ }]
  },
  {
    ruleId: 'retention-vague',
    title: '"for any lawfully permitted period" in the event',
    record: controller((r) => {
      r.dataCategories[1]!.retention.fromEvent = 'for any lawfully permitted period'
      r.dataCategories[1]!.retention.criterion = 'Kept by the finance team'
    }),
    expected: [{ severity: 'error', field: 'dataCategories.1.retention.fromEvent' }]
  },
  {
    ruleId: 'retention-vague',
    title: '"a reasonable time"',
    record: controller((r) => void (r.dataCategories[1]!.retention.criterion = 'for a reasonable time after the order')),
    expected: [{ severity: 'error', field: 'dataCategories.1.retention.criterion' }]
  },
  {
    ruleId: 'lawful-basis-missing',
    title: 'a purpose without a lawful basis',
    record: controller((r) => void (r.purposes[0]!.lawfulBasis = '')),
    expected: [{ severity: 'error', field: 'purposes.0.lawfulBasis', article: 'Art. 6(1)', message: /Fulfil orders/ }]
  },
  {
    ruleId: 'legitimate-interest-unstated',
    title: 'legitimate interests without the interest',
    record: controller((r) => void (r.purposes[1]!.legitimateInterest = '')),
    expected: [{ severity: 'error', field: 'purposes.1.legitimateInterest', article: 'Art. 6(1)(f)' }]
  },
  {
    ruleId: 'lia-reference-missing',
    title: 'legitimate interests without an LIA reference',
    record: controller((r) => void (r.purposes[1]!.liaReference = '')),
    expected: [{ severity: 'warning', field: 'purposes.1.liaReference', article: 'Art. 6(1)(f)' }]
  },
  {
    ruleId: 'consent-record-missing',
    title: 'consent without a reference to where it is recorded',
    record: controller((r) => void (r.purposes[2]!.consentRecordReference = '')),
    expected: [{ severity: 'warning', field: 'purposes.2.consentRecordReference', article: 'Art. 7(1)' }]
  },
  {
    ruleId: 'special-category-condition',
    title: 'a listed special category without a condition',
    record: controller((r) => void (r.specialCategories = [{ id: 's1', category: 'health', condition: '', notes: '' }])),
    expected: [{ severity: 'error', field: 'specialCategories.0.condition', article: 'Art. 9(2)', message: /Health/ }]
  },
  {
    ruleId: 'special-category-condition',
    title: 'a data category term that is special-category data, not listed',
    record: controller((r) => void r.dataCategories.push({ ...r.dataCategories[0]!, id: 'c3', term: 'user.biometric.fingerprint' })),
    expected: [{ severity: 'error', field: 'dataCategories.2.term', message: /Biometric/ }]
  },
  {
    ruleId: 'criminal-offence-basis',
    title: 'criminal-offence data flagged without an Art. 10 basis',
    record: controller((r) => void (r.criminalOffenceData = { processed: true, basis: '' })),
    expected: [{ severity: 'error', field: 'criminalOffenceData.basis', article: 'Art. 10' }]
  },
  {
    ruleId: 'criminal-offence-basis',
    title: 'a criminal-offence data category term without an Art. 10 basis',
    record: controller((r) => void r.dataCategories.push({ ...r.dataCategories[0]!, id: 'c3', term: 'user.criminal_history' })),
    expected: [{ severity: 'error', field: 'criminalOffenceData.basis', message: /data category/ }]
  },
  {
    ruleId: 'processor-contract-missing',
    title: 'a processor recipient without a contract reference',
    record: controller((r) => void (r.recipients[0]!.contractReference = '')),
    expected: [{ severity: 'warning', field: 'recipients.0.contractReference', article: 'Art. 28(3)' }]
  },
  {
    ruleId: 'dpia-likely-required',
    title: 'profiling of employees with no DPIA recorded',
    record: controller((r) => {
      r.dataSubjects.push('employee')
      r.purposes[0]!.uses.push('marketing.advertising.profiling')
    }),
    expected: [{ severity: 'warning', field: 'dpia.required', article: 'Art. 35(1)', message: /evaluation or scoring.*vulnerable/ }]
  },
  {
    ruleId: 'dpia-likely-required',
    title: 'session replay wording plus AI training, DPIA required but no progress',
    record: controller((r) => {
      r.description = 'Session replay of shop visits'
      r.purposes[0]!.uses.push('train_ai_system')
      r.dpia = { required: 'yes', status: '', link: '' }
    }),
    expected: [{ severity: 'warning', field: 'dpia.status', message: /systematic monitoring.*innovative/ }]
  },
  {
    ruleId: 'transfer-mechanism-missing',
    title: 'a transfer to a third country that names no mechanism (not known yet)',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, ...UNSTATED_INSTRUMENT })),
    expected: [{ severity: 'error', field: 'transfers.0.mechanism', article: 'Art. 44', message: /^Transfer 1 to India \(Support desk vendor\) names no transfer mechanism/ }]
  },
  {
    ruleId: 'transfer-mechanism-missing',
    title: 'a transfer without a recipient, and Art. 46 without saying which safeguard',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, recipient: '', instrument: '', sccModule: '' })),
    expected: [
      { severity: 'warning', field: 'transfers.0.recipient', message: /^Transfer 1 to India \(recipient not named yet\) does not say who receives/ },
      { severity: 'warning', field: 'transfers.0.instrument', message: /Art\. 46 safeguards without saying which/ }
    ]
  },
  {
    ruleId: 'transfer-mechanism-missing',
    title: 'an instrument of another mechanism',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, mechanism: 'art45' })),
    expected: [{ severity: 'error', field: 'transfers.0.instrument', message: /belongs to Appropriate safeguards \(Art\. 46\), not to Adequacy decision/ }]
  },
  {
    ruleId: 'transfer-instrument-invalid',
    title: 'a transfer on Privacy Shield',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, country: 'United States', countryCode: 'US', mechanism: 'art45', instrument: 'privacy-shield', sccModule: '' })),
    expected: [{ severity: 'error', field: 'transfers.0.instrument', article: 'Art. 44', message: /^Transfer 1 to United States \(Support desk vendor\) relies on EU-US Privacy Shield, invalid since 16 July 2020.*Transfer law as of 6 December 2026/ }]
  },
  {
    ruleId: 'transfer-instrument-invalid',
    title: 'pre-2021 SCCs after they lapsed (checked in 2025)',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, instrument: 'scc-pre-2021', sccModule: '' })),
    expected: [{ severity: 'error', field: 'transfers.0.instrument', message: /invalid since 27 December 2022/ }]
  },
  {
    ruleId: 'transfer-instrument-invalid',
    title: 'pre-2021 SCCs checked in 2022: closed to new contracts, not yet void',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, instrument: 'scc-pre-2021', sccModule: '' })),
    context: { today: '2022-06-01' },
    expected: [{ severity: 'warning', field: 'transfers.0.instrument', message: /after 27 September 2021 and lapses on 27 December 2022/ }]
  },
  {
    ruleId: 'transfer-evidence-invalid',
    title: 'a transfer documented as relying on Privacy Shield',
    record: controller((r) => void (r.transfers[0]!.documentation = 'Vendor is certified under the EU-U.S. Privacy Shield')),
    expected: [{ severity: 'error', field: 'transfers.0.documentation', article: 'Art. 44', message: /^Transfer 1 to India \(Support desk vendor\): the documentation names EU-US Privacy Shield, invalid since 16 July 2020/ }]
  },
  {
    ruleId: 'transfer-evidence-invalid',
    title: "the vendor policy's quote for the transfer still cites the 2010 SCCs",
    record: controller((r) => {
      r.evidence = [{ field: 'transfers.0', quotes: ['We rely on the standard contractual clauses approved in 2010 (Decision 2010/87/EU).'], note: '' }]
    }),
    expected: [{ severity: 'error', field: 'transfers.0', message: /the policy quote names Standard contractual clauses adopted before 2021, invalid since 27 December 2022/ }]
  },
  {
    ruleId: 'transfer-evidence-invalid',
    title: 'an unverified quote (from a pack without source text) naming the 2010 SCCs: no evidence, a warning to look at the policy',
    record: controller((r) => {
      r.evidence = [{ field: 'transfers.0', quotes: ['We rely on the standard contractual clauses approved in 2010 (Decision 2010/87/EU).'], note: '', verified: false }]
    }),
    expected: [{ severity: 'warning', field: 'transfers.0', message: /an unverified quote \(never checked against the policy\) names Standard contractual clauses adopted before 2021/ }]
  },
  {
    ruleId: 'transfer-evidence-invalid',
    title: "an open point on the record's transfers quoting Safe Harbor",
    record: controller((r) => {
      r.transfers = []
      r.openItems = [{ id: 'o1', field: 'transfers', note: 'The policy names no safeguard.', quotes: ['Data is transferred under the Safe Harbor framework.'], resolution: 'open', resolutionNote: '' }]
    }),
    expected: [{ severity: 'error', field: 'transfers', message: /^The record's transfers: an open point names Safe Harbor, invalid since 6 October 2015/ }]
  },
  {
    ruleId: 'transfer-evidence-invalid',
    title: 'the imported spreadsheet cell the transfer came from says Privacy Shield',
    record: controller((r) => {
      r.importedFrom = [{ file: 'register.xlsx', sheet: 'Controller', cell: 'I10', heading: 'Safeguards', text: 'EU-US Privacy Shield', field: 'transfers.0.instrument' }]
    }),
    expected: [{ severity: 'error', field: 'transfers.0', message: /^Transfer 1 to India \(Support desk vendor\): the imported cell 'Controller'!I10 of register\.xlsx names EU-US Privacy Shield/ }]
  },
  {
    ruleId: 'transfer-evidence-invalid',
    title: 'a transfer within the EEA whose instrument and quote both say Privacy Shield (the instrument rule judges only third countries)',
    record: controller((r) => {
      r.transfers[0] = { ...r.transfers[0]!, country: 'Ireland', countryCode: 'IE', mechanism: 'art45', instrument: 'privacy-shield', sccModule: '' }
      r.evidence = [{ field: 'transfers.0', quotes: ['Our hosting provider is certified under the EU-U.S. Privacy Shield.'], note: '' }]
    }),
    expected: [{ severity: 'error', field: 'transfers.0', message: /the policy quote names EU-US Privacy Shield.*"Our hosting provider is certified under the EU-U\.S\. Privacy Shield\."/ }]
  },
  {
    ruleId: 'transfer-evidence-invalid',
    title: 'a long policy quote naming Privacy Shield only in its last sentence: the finding shows that sentence',
    record: controller((r) => {
      r.evidence = [
        {
          field: 'transfers.0',
          quotes: [
            'We share your information with service providers who help us run the service, such as hosting, analytics and customer support providers, each bound by contract to protect it. ' +
              'Some of them are located outside the European Economic Area. ' +
              'Where they are in the United States, they are certified under the EU-U.S. Privacy Shield Framework.'
          ],
          note: ''
        }
      ]
    }),
    expected: [{ severity: 'error', field: 'transfers.0', message: /"… Where they are in the United States, they are certified under the EU-U\.S\. Privacy Shield Framework\. …"/ }]
  },
  {
    ruleId: 'vendor-suggestion-undecided',
    title: "a vendor's purpose and lawful basis not yet confirmed or dismissed",
    record: controller((r) => {
      r.suggestions = [
        { id: 's1', kind: 'purpose', from: 'Kaltura, Inc.', purposeId: '', description: 'Host and deliver customer media', uses: [], lawfulBasis: 'b', legitimateInterest: '', quotes: [] },
        { id: 's2', kind: 'lawful-basis', from: 'Kaltura, Inc.', purposeId: r.purposes[0]!.id, description: 'Host and deliver customer media', uses: [], lawfulBasis: 'f', legitimateInterest: '', quotes: [] }
      ]
    }),
    expected: [
      { severity: 'warning', field: 'purposes', article: 'Art. 30(1)(b)', message: /^A purpose suggested by Kaltura, Inc\.'s policy is not yet confirmed: "Host and deliver customer media"\. It is the vendor's purpose, not yet yours\.$/ },
      { severity: 'warning', field: 'purposes.0.lawfulBasis', message: /^A lawful basis suggested by Kaltura, Inc\.'s policy for purpose 1 is not yet confirmed: Art\. 6\(1\)\(f\) Legitimate interests\. It is the vendor's basis for its own processing/ }
    ]
  },
  {
    ruleId: 'transfer-regime-instrument',
    title: 'an EU-only organisation using the IDTA',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, instrument: 'uk-idta', sccModule: '' })),
    expected: [{ severity: 'warning', field: 'transfers.0.instrument', message: /UK GDPR instrument, but the organisation is under the EU GDPR only/ }]
  },
  {
    ruleId: 'transfer-regime-instrument',
    title: 'a UK organisation using the EU SCCs without the Addendum',
    record: controller(() => {}),
    context: { organisation: { ...completeOrganisation(), regime: 'uk' } },
    expected: [{ severity: 'warning', field: 'transfers.0.instrument', message: /need the UK Addendum/ }]
  },
  {
    ruleId: 'transfer-adequacy-unfounded',
    title: "a UK organisation relying on adequacy for Brazil, on the EU's list but not on the UK's",
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, country: 'Brazil', countryCode: 'BR', mechanism: 'art45', instrument: 'adequacy-decision', sccModule: '' })),
    context: { organisation: { ...completeOrganisation(), regime: 'uk' } },
    expected: [{ severity: 'error', field: 'transfers.0.mechanism', message: /"Brazil" has none on the UK's list/ }]
  },
  {
    ruleId: 'transfer-adequacy-unfounded',
    title: "an organisation under both regimes relying on adequacy for Brazil: the UK side has none",
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, country: 'Brazil', countryCode: 'BR', mechanism: 'art45', instrument: 'adequacy-decision', sccModule: '' })),
    context: { organisation: { ...completeOrganisation(), regime: 'both' }, today: '2026-12-06' },
    expected: [{ severity: 'error', field: 'transfers.0.mechanism', message: /has an EU adequacy decision but none on the UK's list/ }]
  },
  {
    ruleId: 'transfer-adequacy-unfounded',
    title: 'adequacy claimed for a country without a decision',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, mechanism: 'art45', instrument: 'adequacy-decision', sccModule: '' })),
    expected: [{ severity: 'error', field: 'transfers.0.mechanism', article: 'Art. 45', message: /"India" has none/ }]
  },
  {
    ruleId: 'transfer-adequacy-unfounded',
    title: 'adequacy for Brazil before its decision of 26 January 2026',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, country: 'Brazil', countryCode: 'BR', mechanism: 'art45', instrument: 'adequacy-decision', sccModule: '' })),
    expected: [{ severity: 'error', field: 'transfers.0.mechanism', message: /"Brazil" has none/ }]
  },
  {
    ruleId: 'transfer-adequacy-unfounded',
    title: 'the DPF for a destination other than the United States',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, country: 'Japan', countryCode: 'JP', mechanism: 'art45', instrument: 'eu-us-dpf', sccModule: '' })),
    expected: [{ severity: 'error', field: 'transfers.0.instrument', message: /covers only certified organisations in the United States/ }]
  },
  {
    ruleId: 'transfer-adequacy-scope',
    title: 'adequacy for the United States without DPF certification stated',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, country: 'United States', countryCode: 'US', mechanism: 'art45', instrument: 'adequacy-decision', sccModule: '' })),
    expected: [{ severity: 'warning', field: 'transfers.0.instrument', message: /without stating that the recipient is certified under the EU-US Data Privacy Framework/ }]
  },
  {
    ruleId: 'transfer-adequacy-scope',
    title: 'adequacy for Canada to a public authority (non-commercial)',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, recipient: 'Tax office', country: 'Canada', countryCode: 'CA', mechanism: 'art45', instrument: 'adequacy-decision', sccModule: '' })),
    expected: [{ severity: 'warning', field: 'transfers.0.documentation', message: /public authority, outside the decision's scope.*commercial organisations subject to PIPEDA/ }]
  },
  {
    ruleId: 'transfer-adequacy-scope',
    title: 'adequacy for Japan to a company: confirm the private sector',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, country: 'Japan', countryCode: 'JP', mechanism: 'art45', instrument: 'adequacy-decision', sccModule: '' })),
    expected: [{ severity: 'info', field: 'transfers.0.documentation', message: /private sector under the APPI/ }]
  },
  {
    ruleId: 'transfer-adequacy-would-suffice',
    title: 'SCCs to Switzerland, which has an adequacy decision',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, country: 'Switzerland', countryCode: '' })),
    expected: [{ severity: 'info', field: 'transfers.0.mechanism', article: 'Art. 45' }]
  },
  {
    ruleId: 'transfer-scc-module-missing',
    title: 'the 2021 SCCs without a module',
    record: controller((r) => void (r.transfers[0]!.sccModule = '')),
    expected: [{ severity: 'warning', field: 'transfers.0.sccModule', article: 'Art. 46(2)(c)', message: /^Transfer 1 to India \(Support desk vendor\) relies on the 2021 standard contractual clauses without saying which module/ }]
  },
  {
    ruleId: 'transfer-tia-missing',
    title: 'SCCs to a country without adequacy and no TIA reference',
    record: controller((r) => void (r.transfers[0]!.tiaReference = '')),
    expected: [{ severity: 'warning', field: 'transfers.0.tiaReference', article: 'Art. 46' }]
  },
  {
    ruleId: 'transfer-derogation-undocumented',
    title: 'an Art. 49 transfer that does not name the derogation',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, mechanism: 'art49', instrument: 'derogation', sccModule: '' })),
    expected: [{ severity: 'error', field: 'transfers.0.derogation', article: 'Art. 49', message: /without naming which one/ }]
  },
  {
    ruleId: 'transfer-derogation-undocumented',
    title: 'compelling legitimate interests without documentation',
    record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, mechanism: 'art49', instrument: 'derogation', sccModule: '', derogation: 'compelling-legitimate-interests', documentation: '' })),
    expected: [{ severity: 'error', field: 'transfers.0.documentation', article: 'Art. 30(1)(e)' }]
  },
  {
    ruleId: 'review-overdue',
    title: 'next review yesterday',
    record: controller((r) => void (r.nextReview = '2025-05-31')),
    expected: [{ severity: 'warning', field: 'nextReview', article: 'Art. 24(1)', message: /2025-05-31/ }]
  },
  {
    ruleId: 'review-due-soon',
    title: 'next review in 30 days',
    record: controller((r) => void (r.nextReview = '2025-07-01')),
    expected: [{ severity: 'info', field: 'nextReview', message: /in 30 days/ }]
  },
  {
    ruleId: 'review-due-soon',
    title: 'next review today',
    record: controller((r) => void (r.nextReview = '2025-06-01')),
    expected: [{ severity: 'info', field: 'nextReview', message: /due today/ }]
  },
  {
    ruleId: 'template-version-outdated',
    title: 'a record from pack version 1.1.0 while 1.2.0 is installed',
    record: controller((r) => void (r.origin = { packId: 'acme-crm', packVersion: '1.1.0', activityId: 'accounts' })),
    expected: [{ severity: 'info', field: 'origin', message: /1\.1\.0.*1\.2\.0/ }]
  },
  {
    ruleId: 'open-template-gap',
    title: 'an unresolved open item about retention',
    record: controller((r) => void (r.openItems[0]!.resolution = 'open')),
    expected: [{ severity: 'warning', field: 'dataCategories.0.retention', article: 'Art. 30(1)(f)', message: /silent on retention/ }]
  }
]

/** Near misses: records that look like a rule's target but are correct. */
const SILENT: Array<{ ruleId: string; title: string; record: () => StoredRecord; context?: Parameters<typeof checkContext>[0] }> = [
  { ruleId: 'art30-joint-controller', title: 'a joint-controller record naming the joint controller', record: controller((r) => {
    r.role = 'joint-controller'
    r.jointControllerDetails = 'Partner SA, privacy@partner.example'
  }) },
  { ruleId: 'art30-purposes', title: 'a processor record has no purposes of its own', record: processor(() => {}) },
  ...(['CH', 'KR', 'US', 'FR'] as const).flatMap((code) =>
    (['transfer-adequacy-unfounded', 'transfer-regime-instrument'] as const).map((ruleId) => ({
      ruleId,
      title: `a UK organisation relying on the UK's adequacy regulations for ${code}`,
      record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, country: '', countryCode: code, mechanism: 'art45', instrument: 'adequacy-decision', sccModule: '' })),
      context: { organisation: { ...completeOrganisation(), regime: 'uk' as const } }
    }))
  ),
  { ruleId: 'transfer-adequacy-unfounded', title: 'a UK organisation sending data to "the EEA" on adequacy', record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, country: 'EEA', countryCode: '', mechanism: 'art45', instrument: 'adequacy-decision', sccModule: '' })), context: { organisation: { ...completeOrganisation(), regime: 'uk' as const } } },
  { ruleId: 'transfer-adequacy-unfounded', title: 'an organisation under both regimes relying on adequacy for Switzerland (on both lists)', record: controller((r) => void (r.transfers[0] = { ...r.transfers[0]!, country: 'Switzerland', countryCode: 'CH', mechanism: 'art45', instrument: 'adequacy-decision', sccModule: '' })), context: { organisation: { ...completeOrganisation(), regime: 'both' as const } } },
  { ruleId: 'art30-security', title: 'measures described in words only', record: controller((r) => {
    r.securityMeasures = []
    r.securityDescription = 'Encrypted backups, SSO with MFA'
  }) },
  { ruleId: 'lawful-basis-missing', title: 'a processor record (the controller sets the basis)', record: processor((r) => {
    r.purposes = [{ id: 'p', description: 'Hosting', uses: [], lawfulBasis: '', legitimateInterest: '', liaReference: '', consentRecordReference: '' }]
  }) },
  { ruleId: 'retention-vague', title: '"as long as necessary" bounded by a duration', record: controller((r) => {
    r.dataCategories[1]!.retention.criterion = 'As long as necessary, and at most six years after the last order'
  }) },
  { ruleId: 'retention-vague', title: 'a fixed period with vague words in the event', record: controller((r) => {
    r.dataCategories[0]!.retention.fromEvent = 'as long as required after closure'
  }) },
  { ruleId: 'retention-vague', title: 'unspecified retention (reported as missing instead)', record: controller((r) => {
    r.dataCategories[1]!.retention = { ...r.dataCategories[1]!.retention, mode: 'unspecified', criterion: 'as long as necessary' }
  }) },
  { ruleId: 'special-category-condition', title: 'a health term listed with an Art. 9(2) condition', record: controller((r) => {
    r.dataCategories.push({ ...r.dataCategories[0]!, id: 'c3', term: 'user.health_and_medical' })
    r.specialCategories = [{ id: 's1', category: 'health', condition: 'h', notes: '' }]
  }) },
  { ruleId: 'criminal-offence-basis', title: 'criminal-offence data with its Art. 10 basis', record: controller((r) => {
    r.dataCategories.push({ ...r.dataCategories[0]!, id: 'c3', term: 'gdpr.criminal_offences' })
    r.criminalOffenceData = { processed: true, basis: 'Background checks act, section 4' }
  }) },
  { ruleId: 'dpia-likely-required', title: 'one criterion only (employees)', record: controller((r) => void r.dataSubjects.push('employee')) },
  { ruleId: 'dpia-likely-required', title: 'two criteria with a DPIA in progress', record: controller((r) => {
    r.dataSubjects.push('gdpr.child')
    r.automatedDecisionMaking = { exists: true, description: 'Credit decisions' }
    r.dpia = { required: 'yes', status: 'in-progress', link: 'DPIA-7' }
  }) },
  { ruleId: 'dpia-likely-required', title: 'a processor record (the DPIA is the controller\'s)', record: processor((r) => {
    r.dataSubjects = ['employee']
    r.automatedDecisionMaking = { exists: true, description: '' }
  }) },
  { ruleId: 'transfer-mechanism-missing', title: 'a "transfer" inside the EEA without a mechanism', record: controller((r) => {
    r.transfers[1] = { ...r.transfers[1]!, mechanism: '' }
  }) },
  { ruleId: 'transfer-instrument-invalid', title: 'Privacy Shield checked before it was struck down', record: controller((r) => {
    r.transfers[0] = { ...r.transfers[0]!, country: 'United States', countryCode: 'US', mechanism: 'art45', instrument: 'privacy-shield', sccModule: '' }
  }), context: { today: '2019-01-01' } },
  { ruleId: 'transfer-evidence-invalid', title: 'a US transfer under the Data Privacy Framework', record: controller((r) => {
    r.transfers[0] = { ...r.transfers[0]!, country: 'United States', mechanism: 'art45', instrument: 'eu-us-dpf', sccModule: '', documentation: 'Recipient certified under the EU-US Data Privacy Framework' }
  }) },
  { ruleId: 'transfer-adequacy-unfounded', title: 'adequacy for the United Kingdom written "UK"', record: controller((r) => {
    r.transfers[0] = { ...r.transfers[0]!, country: 'UK', countryCode: '', mechanism: 'art45', instrument: 'adequacy-decision', sccModule: '' }
  }) },
  { ruleId: 'transfer-adequacy-scope', title: 'adequacy for Switzerland (no scope limit)', record: controller((r) => {
    r.transfers[0] = { ...r.transfers[0]!, country: 'Switzerland', countryCode: 'CH', mechanism: 'art45', instrument: 'adequacy-decision', sccModule: '' }
  }) },
  { ruleId: 'transfer-adequacy-scope', title: 'the United States under the DPF', record: controller((r) => {
    r.transfers[0] = { ...r.transfers[0]!, country: 'United States', countryCode: 'US', mechanism: 'art45', instrument: 'eu-us-dpf', sccModule: '' }
  }) },
  { ruleId: 'transfer-adequacy-would-suffice', title: 'SCCs to a country without adequacy', record: controller(() => {}) },
  { ruleId: 'transfer-adequacy-would-suffice', title: 'SCCs to a mix of adequate and non-adequate countries', record: controller((r) => {
    r.transfers[0] = { ...r.transfers[0]!, country: 'Switzerland, India', countryCode: '' }
  }) },
  { ruleId: 'transfer-regime-instrument', title: 'a UK organisation on the IDTA', record: controller((r) => {
    r.transfers[0] = { ...r.transfers[0]!, instrument: 'uk-idta', sccModule: '' }
  }), context: { organisation: { ...completeOrganisation(), regime: 'uk' } } },
  { ruleId: 'transfer-regime-instrument', title: 'an organisation under both regimes on the UK Addendum', record: controller((r) => {
    r.transfers[0] = { ...r.transfers[0]!, instrument: 'uk-addendum' }
  }), context: { organisation: { ...completeOrganisation(), regime: 'both' } } },
  { ruleId: 'transfer-tia-missing', title: 'SCCs to Switzerland (adequate) without a TIA', record: controller((r) => {
    r.transfers[0] = { ...r.transfers[0]!, country: 'Switzerland', countryCode: 'CH', tiaReference: '' }
  }) },
  { ruleId: 'transfer-derogation-undocumented', title: 'explicit consent named, no documentation', record: controller((r) => {
    r.transfers[0] = { ...r.transfers[0]!, mechanism: 'art49', instrument: 'derogation', sccModule: '', derogation: 'explicit-consent', documentation: '' }
  }) },
  { ruleId: 'review-overdue', title: 'an archived record past its review date', record: controller((r) => {
    r.status = 'archived'
    r.nextReview = '2024-01-01'
  }) },
  { ruleId: 'review-overdue', title: 'a draft without a review date', record: controller((r) => void (r.nextReview = '')) },
  { ruleId: 'review-due-soon', title: 'next review in 31 days', record: controller((r) => void (r.nextReview = '2025-07-02')) },
  { ruleId: 'template-version-outdated', title: 'a record from a pack that is no longer installed', record: controller((r) => {
    r.origin = { packId: 'removed-pack', packVersion: '0.1.0', activityId: 'x' }
  }) },
  { ruleId: 'open-template-gap', title: 'resolved open items only', record: controller(() => {}) }
]

function rule(id: string): RecordRule {
  const found = RECORD_RULES.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no record rule ${id}`)
  return found
}

describe('record rules fire on the defect they look for', () => {
  it.each(FIRING.map((c) => [c.ruleId, c.title, c] as const))('%s: %s', (ruleId, _title, testCase) => {
    const record = testCase.record()
    const findings = rule(ruleId).check(record, checkContext(testCase.context))
    expect(findings).toHaveLength(testCase.expected.length)
    testCase.expected.forEach((expected, index) => {
      const finding = findings[index]!
      expect(finding).toMatchObject({ ruleId, severity: expected.severity, field: expected.field, recordId: record.id, reference: record.reference })
      if (expected.article) expect(finding.article).toBe(expected.article)
      if (expected.message) expect(finding.message).toMatch(expected.message)
      expect(finding.fix.length).toBeGreaterThan(10)
    })
  })

  it('every record rule has at least one firing case', () => {
    const covered = new Set(FIRING.map((c) => c.ruleId))
    expect(RECORD_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([])
  })
})

describe('record rules stay silent on correct records', () => {
  it.each(RECORD_RULES.map((r) => [r.id, r] as const))('%s is silent on the complete controller and processor records', (_id, recordRule) => {
    expect(recordRule.check(completeControllerRecord(), checkContext())).toEqual([])
    expect(recordRule.check(completeProcessorRecord(), checkContext())).toEqual([])
  })

  it.each(SILENT.map((c) => [c.ruleId, c.title, c] as const))('%s: silent for %s', (ruleId, _title, testCase) => {
    expect(rule(ruleId).check(testCase.record(), checkContext(testCase.context))).toEqual([])
  })
})

describe('organisation rules', () => {
  const organisationRule = (id: string) => ORGANISATION_RULES.find((r) => r.id === id)!

  it('are silent on a complete organisation profile', () => {
    for (const r of ORGANISATION_RULES) expect(r.check(completeOrganisation(), checkContext())).toEqual([])
  })

  it('report a missing profile as missing controller name, contact and DPO, at organisation level', () => {
    const findings = ORGANISATION_RULES.flatMap((r) => r.check(null, checkContext({ organisation: null })))
    expect(findings.map((f) => [f.ruleId, f.severity, f.field, f.recordId])).toEqual([
      ['org-controller-name', 'error', 'controller.name', null],
      ['org-controller-contact', 'error', 'controller.email', null],
      ['org-dpo', 'warning', 'dpo.name', null]
    ])
    expect(findings.every((f) => f.article === 'Art. 30(1)(a)')).toBe(true)
  })

  it('accept any one contact channel for the controller, and flag a DPO without contact details', () => {
    const organisation = completeOrganisation()
    organisation.controller = { ...organisation.controller, email: '', address: '', phone: '+49 30 1' }
    organisation.dpo = { ...organisation.dpo, email: '' }
    expect(organisationRule('org-controller-contact').check(organisation, checkContext())).toEqual([])
    expect(organisationRule('org-dpo').check(organisation, checkContext())).toEqual([
      expect.objectContaining({ ruleId: 'org-dpo', severity: 'warning', field: 'dpo.email' })
    ])
  })

  it('flag a blank controller name', () => {
    const organisation = completeOrganisation()
    organisation.controller.name = ' '
    expect(organisationRule('org-controller-name').check(organisation, checkContext())).toEqual([
      expect.objectContaining({ severity: 'error', field: 'controller.name' })
    ])
  })
})

describe('rule catalogue', () => {
  it('gives every rule a unique id, an article and a description', () => {
    const all = [...ORGANISATION_RULES, ...RECORD_RULES]
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length)
    for (const r of all) {
      expect(r.article).toMatch(/^Art\. \d+/)
      expect(r.description.length).toBeGreaterThan(10)
      expect(ruleById(r.id)?.article).toBe(r.article)
    }
  })
})
