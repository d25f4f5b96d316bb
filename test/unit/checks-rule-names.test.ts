/** Findings name items a person can find: never an empty quote, a gap where a name should be, or a stored path. */
import { UNSTATED_INSTRUMENT } from '@core/records/model'
import { describe, expect, it } from 'vitest'
import { RECORD_RULES } from '@core/checks/rules'
import type { StoredRecord } from '@core/records/model'
import { checkContext, completeControllerRecord } from '../fixtures/checks/records'

/** A controller record whose purposes, recipients, data categories and transfers have no names yet. */
function namelessRecord(): StoredRecord {
  const record = completeControllerRecord()
  const blankPurpose = { uses: [], legitimateInterest: '', liaReference: '', consentRecordReference: '', description: '' }
  record.purposes = [
    { ...blankPurpose, id: 'p1', lawfulBasis: '' },
    { ...blankPurpose, id: 'p2', lawfulBasis: 'a' },
    { ...blankPurpose, id: 'p3', lawfulBasis: 'f' }
  ]
  record.recipients = [{ id: 'r1', name: '  ', type: 'processor', vendorId: '', contractReference: '', notes: '' }]
  record.dataCategories = [
    { id: 'c1', term: '', description: '', retention: { mode: 'criterion', period: null, unit: 'years', fromEvent: '', endAction: 'erase', criterion: 'as long as necessary' } }
  ]
  record.transfers = [
    { id: 't1', recipient: '', country: 'Narnia', documentation: '', ...UNSTATED_INSTRUMENT, mechanism: 'art45', instrument: 'adequacy-decision' },
    { id: 't2', recipient: '', country: 'India', documentation: '', ...UNSTATED_INSTRUMENT, mechanism: 'art49', instrument: 'derogation' },
    { id: 't3', recipient: '', country: 'United States', documentation: 'Privacy Shield certified', ...UNSTATED_INSTRUMENT, mechanism: 'art46' },
    { id: 't4', recipient: '', country: '', documentation: '', ...UNSTATED_INSTRUMENT }
  ]
  record.openItems = [{ id: 'o1', field: 'dataCategories[0].retention.mode', note: '', quotes: [], resolved: false }]
  return record
}

describe('finding texts', () => {
  const record = namelessRecord()
  const messages = RECORD_RULES.flatMap((rule) => rule.check(record, checkContext())).map((finding) => finding.message)

  it('name an item without a name by its position', () => {
    expect(messages).toEqual(
      expect.arrayContaining([
        'Purpose 1 (no description yet) has no Art. 6(1) lawful basis.',
        'Purpose 2 (no description yet) relies on consent but does not say where consent is recorded.',
        'Purpose 3 (no description yet) relies on legitimate interests but does not say which interest.',
        'Processor 1 (no name yet) has no reference to a contract or data processing agreement.',
        'Retention for data category 1 says only "as long as necessary", which is not a time limit.',
        'Transfer 2 to India (recipient not named yet) relies on an Art. 49 derogation without naming which one.',
        'Transfer 4 (no destination named yet, no recipient named yet) names no transfer mechanism.',
        'Open point from the template: Data category 1 › Retention › Kind still needs a decision.'
      ])
    )
  })

  it('never quote an empty name, leave a gap, or show a stored field path', () => {
    expect(messages.length).toBeGreaterThanOrEqual(10)
    for (const message of messages) {
      expect(message).not.toMatch(/""|" "|“”/)
      expect(message).not.toMatch(/\bto (in|relies)\b| {2}| in (relies|has)\b/)
      expect(message).not.toMatch(/\b[a-z]+[A-Z]\w*\b|\w\.\d|\[\d+\]/)
    }
  })

  it('still quote the names an item has', () => {
    const named = completeControllerRecord()
    named.purposes[0]!.lawfulBasis = ''
    named.recipients[0]!.contractReference = ''
    const texts = RECORD_RULES.flatMap((rule) => rule.check(named, checkContext())).map((finding) => finding.message)
    expect(texts).toEqual(expect.arrayContaining(['The purpose "Fulfil orders" has no Art. 6(1) lawful basis.', 'The processor "Hosting provider" has no reference to a contract or data processing agreement.']))
  })
})
