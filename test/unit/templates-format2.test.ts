/**
 * Pack format 2: embedded sources with every quote checked against them, stable item ids,
 * transfer instruments, and the validator's rules for values stated by halves.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { GAP_FIELDS } from '@core/templates/pack-checks'
import { describePackPath } from '@core/templates/pack-path-names'
import { checkRecord } from '@core/checks/run-checks'
import { recordFromActivity } from '@core/templates/instantiate'
import { checkContext } from '../fixtures/checks/records'
import { validatePackText, type PackValidation } from '@core/templates/validate-pack'
import type { Problem } from '@core/util/problems'
import { FIXTURE_SOURCE_TEXT, fixturePackJson, fixturePackV2Json } from '../fixtures/packs/fixture-pack'

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const validate = (pack: unknown, options = {}) => validatePackText(JSON.stringify(pack, null, 2), options)

/** Where and the English the CLI prints; each problem's catalogue key is tested in templates-pack-messages.test.ts. */
const inEnglish = ({ path, message }: Problem) => ({ path, message })
function problemsOf(result: PackValidation) {
  if (result.ok) throw new Error('expected the pack to be refused')
  return result.problems.map(inEnglish)
}
function okPack(result: PackValidation) {
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2))
  return result
}

describe('format 2 embedded sources', () => {
  it('accepts a pack whose every quote is in its embedded source, with no policy file at hand', () => {
    const result = okPack(validate(fixturePackV2Json()))
    expect(result.quotesChecked).toBe(true)
    expect(result.warnings).toEqual([])
  })

  it('refuses an invented quote with its JSON path and the first characters that differ', () => {
    const pack = fixturePackV2Json()
    pack.activities[0].purposes[0].quotes[0] = 'We use this information to sell it to anyone.'
    expect(problemsOf(validate(pack))).toEqual([
      {
        path: '$.activities[0].purposes[0].quotes[0]',
        message:
          'quote not found verbatim in the policy text (whitespace-normalised): "We use this information to sell it to anyone."; ' +
          'the first 27 characters match, then it differs at "sell it to anyone."'
      }
    ])
  })

  it('finds a quote in any of several sources, and names the closest one when none has it', () => {
    const pack = fixturePackV2Json()
    const list = 'Sub-processors: Example Cloud Inc. (hosting, United States); PayCo (payments, Ireland).'
    pack.sources.push({ id: 'sub-processors', kind: 'sub-processor-list', title: 'Acme sub-processors', version: 'v3', text: list, sha256: sha256(list) })
    pack.activities[0].subProcessors[0].quotes.push('PayCo (payments, Ireland)')
    expect(okPack(validate(pack)).quotesChecked).toBe(true)

    pack.activities[0].subProcessors[0].quotes.push('PayCo (payments, Iceland)')
    expect(problemsOf(validate(pack))).toEqual([
      {
        path: '$.activities[0].subProcessors[0].quotes[2]',
        message: expect.stringContaining('not found verbatim in any of the 2 source texts (whitespace-normalised): "PayCo (payments, Iceland)"; the first 18 characters match (in "Acme sub-processors"), then it differs at "celand)"')
      }
    ])
  })

  it('refuses a source whose SHA-256 is not that of its text, and a source.sha256 naming none of the sources', () => {
    const pack = fixturePackV2Json()
    pack.sources[0].text += '\nAdded after hashing.'
    expect(problemsOf(validate(pack))).toContainEqual({ path: '$.sources[0].sha256', message: expect.stringMatching(/^sha256 does not match the text of "Acme Widgets Ltd - Privacy Policy \(test fixture, fictional\)" \(its SHA-256 is [0-9a-f]{64}\)$/) })

    const other = fixturePackV2Json()
    other.source.sha256 = sha256('another policy')
    expect(problemsOf(validate(other))).toEqual([{ path: '$.source.sha256', message: expect.stringMatching(/SHA-256 of none of the embedded sources/) }])
  })

  it('accepts a pack without any source text, its quotes unchecked and said to be unverified', () => {
    const pack = fixturePackV2Json()
    pack.sources = []
    pack.activities[0].purposes[0].quotes[0] = 'A sentence the policy never says.'
    const result = okPack(validate(pack))
    expect(result.quotesChecked).toBe(false)
    expect(result.warnings.map(inEnglish)).toEqual([{ path: '$.sources', message: 'the pack carries no source text: its quotes were not checked, and its values show as unverified' }])
  })
})

describe('format 2 items', () => {
  it('requires an id on every list item, unique in its list', () => {
    const pack = fixturePackV2Json()
    delete pack.activities[0].purposes[1].id
    pack.activities[0].dataCategories[1].id = pack.activities[0].dataCategories[0].id
    expect(problemsOf(validate(pack))).toEqual([
      { path: '$.activities[0].purposes[1].id', message: 'required field "id" is missing: format 2 gives every item of purposes a stable id (lower-case letters, digits and hyphens)' },
      { path: '$.activities[0].dataCategories[1].id', message: 'duplicate id "user-name": dataCategories[0] has it already' }
    ])
  })

  it('wants a transfer to name its instrument, or a gap to say the policy does not; format 1\'s safeguard is refused', () => {
    const pack = fixturePackV2Json()
    const gaps = pack.activities[0].gaps
    pack.activities[0].gaps = gaps.filter((gap: { field: string }) => gap.field !== 'transfers[1].instrument')
    pack.activities[0].transfers[0].safeguard = 'sccs'
    expect(problemsOf(validate(pack))).toEqual([
      { path: '$.activities[0].transfers[0].safeguard', message: '"safeguard" is format 1: name the transfer\'s "instrument" (and "mechanism") instead' },
      {
        path: '$.activities[0].transfers[1].instrument',
        message: 'transfer to Support partner names no "instrument": give one, or add a gap on "transfers[1].instrument" saying the policy does not name it'
      }
    ])

    delete pack.activities[0].transfers[0].safeguard
    pack.activities[0].transfers[1].instrument = 'privacy-shield'
    pack.activities[0].transfers[1].mechanism = 'art46'
    expect(problemsOf(validate(pack))).toEqual([
      { path: '$.activities[0].transfers[1].mechanism', message: 'mechanism "art46" does not go with instrument "privacy-shield", which is Adequacy decision (Art. 45) ("art45")' }
    ])
    pack.activities[0].transfers[1].mechanism = 'art45'
    const valid = okPack(validate(pack))
    expect(valid.pack.activities[0]!.transfers[1]).toMatchObject({ instrument: 'privacy-shield', mechanism: 'art45' })
  })

  it('reads a format 1 pack into one that passes format 2 when written back', () => {
    const upgraded = okPack(validatePackText(JSON.stringify(fixturePackJson()), { sourceText: FIXTURE_SOURCE_TEXT })).pack
    expect(upgraded.formatVersion).toBe(2)
    expect(upgraded.activities[0]!.purposes.map((purpose) => purpose.id)).toEqual(['provide-the-service-the-customer-signed', 'take-payments'])
    const again = okPack(validatePackText(JSON.stringify(upgraded), { sourceText: FIXTURE_SOURCE_TEXT }))
    expect(again.pack).toEqual(upgraded)
  })

  it('reads a format 1 safeguard that names its instrument into that instrument', () => {
    const pack = fixturePackJson()
    pack.activities[0].transfers[0].safeguard = 'adequacy'
    pack.activities[0].transfers[0].country = 'Japan'
    const transfer = okPack(validate(pack, { sourceText: FIXTURE_SOURCE_TEXT })).pack.activities[0]!.transfers[0]
    expect(transfer).toMatchObject({ mechanism: 'art45', instrument: 'adequacy-decision' })
    expect(transfer).not.toHaveProperty('safeguard')
  })
})

describe('the validator catches values stated by halves', () => {
  it('a retention "period" without its period or unit, a "criterion" without its criterion', () => {
    const pack = fixturePackV2Json()
    pack.activities[0].retention = { mode: 'period', fromEvent: 'account closure', quotes: ['for 2 years after it is closed'] }
    pack.activities[0].dataCategories[2].retention = { mode: 'criterion', quotes: ['We keep account data for as long as your account is open'] }
    pack.activities[1].retention = { mode: 'period', period: 2, quotes: ['for 2 years after it is closed'] }
    expect(problemsOf(validate(pack))).toEqual([
      {
        path: '$.activities[0].retention.period',
        message: 'retention mode "period" needs "period" (a number) and "unit" (days, months or years); where the policy gives no period, use mode "criterion" with its words, or a gap on "retention"'
      },
      { path: '$.activities[0].dataCategories[2].retention.criterion', message: 'retention mode "criterion" needs "criterion": the event or rule that ends the retention, in the policy\'s words' },
      {
        path: '$.activities[1].retention.unit',
        message: 'retention mode "period" needs "unit" (days, months or years); where the policy gives no period, use mode "criterion" with its words, or a gap on "retention"'
      }
    ])
  })

  it('lawful basis (f) without the legitimate interest, unless a gap says the policy names none', () => {
    const pack = fixturePackV2Json()
    pack.activities[0].purposes[0].lawfulBasis = 'f'
    expect(problemsOf(validate(pack))).toEqual([
      {
        path: '$.activities[0].purposes[0].legitimateInterest',
        message: 'lawful basis (f) needs "legitimateInterest": the interest the policy names, or a gap on "purposes[0].legitimateInterest" where it names none'
      }
    ])
    pack.activities[0].gaps.push({ field: 'purposes[0].legitimateInterest', kind: 'silent', note: 'The policy names no interest.' })
    expect(validate(pack).ok).toBe(true)
    pack.activities[0].gaps.pop()
    pack.activities[0].purposes[0].legitimateInterest = 'Running the service the customer asked for'
    expect(validate(pack).ok).toBe(true)
  })

  it('a country not in ISO 3166 nor an international organisation, with "did you mean"; a gap allows a description', () => {
    const pack = fixturePackV2Json()
    pack.activities[0].transfers[1].country = 'Narnia'
    pack.activities[0].subProcessors[0].country = 'Germny'
    expect(problemsOf(validate(pack))).toEqual([
      {
        path: '$.activities[0].transfers[1].country',
        message: '"Narnia" is not a country in ISO 3166 nor an international organisation. Where the policy does not name the country, describe what it says and add a gap on "transfers[1].country".'
      },
      {
        path: '$.activities[0].subProcessors[0].country',
        message:
          '"Germny" is not a country in ISO 3166 nor an international organisation (did you mean "Germany"?). Where the policy does not name the country, describe what it says and add a gap on "subProcessors[0].country".'
      }
    ])
    pack.activities[0].subProcessors[0].country = 'United Nations'
    pack.activities[0].transfers[1].country = 'Not named (support partner abroad)'
    pack.activities[0].gaps.push({ field: 'transfers[1].country', kind: 'vague', note: 'The policy does not name the country.' })
    expect(validate(pack).ok).toBe(true)
  })

  it('a gap path that names no field, no item or no field of the item', () => {
    const pack = fixturePackV2Json()
    const gap = (field: string) => ({ field, kind: 'silent', note: 'Not stated.' })
    pack.activities[1].gaps = [gap('retension'), gap('purposes[3].lawfulBasis'), gap('purposes[0].lawfulBassis'), gap('retention[0]'), gap('purposes..x'), gap('transfers[0].safeguard')]
    expect(problemsOf(validate(pack))).toEqual([
      { path: '$.activities[1].gaps[0].field', message: expect.stringMatching(/^"retension" is not a field of an activity template; did you mean "retention"\? \(e\.g\./) },
      { path: '$.activities[1].gaps[1].field', message: '"purposes[3]" names no item: the activity has 1 purposes' },
      { path: '$.activities[1].gaps[2].field', message: expect.stringMatching(/^"lawfulBassis" is not a field of purposes \(description, uses, lawfulBasis, legitimateInterest\); did you mean "lawfulBasis"\?$/) },
      { path: '$.activities[1].gaps[3].field', message: '"retention" is not a list, so "retention[0]" names nothing' },
      { path: '$.activities[1].gaps[4].field', message: expect.stringMatching(/^"purposes\.\.x" is not a gap path/) },
      { path: '$.activities[1].gaps[5].field', message: '"transfers[0]" names no item: the activity has 0 transfers' }
    ])
  })

  it('lists as gap fields every activity field but ids, quotes and the gaps themselves', () => {
    expect([...GAP_FIELDS.keys()].sort()).toEqual(
      ['ageLimit', 'automatedDecisionMaking', 'dataCategories', 'dataSource', 'dataSubjects', 'description', 'name', 'purposes', 'recipients', 'retention', 'role', 'securityMeasures', 'sensitiveDataStance', 'specialCategories', 'subProcessors', 'transfers'].sort()
    )
    expect(GAP_FIELDS.get('transfers')).toEqual({ list: true, subfields: ['recipient', 'country', 'mechanism', 'instrument', 'sccModule', 'derogation'] })
  })

  it('an unknown vocabulary key, with the nearest key by key or by label', () => {
    const pack = fixturePackV2Json()
    pack.activities[0].dataCategories[1].term = 'user.contact.emial'
    pack.activities[0].purposes[0].uses = ['marketing.comunications.email']
    expect(problemsOf(validate(pack))).toEqual([
      { path: '$.activities[0].purposes[0].uses[0]', message: expect.stringContaining('"marketing.comunications.email" is not in the vocabulary (fideslang + GDPR additions): did you mean "marketing.communications.email"? Use a data use key') },
      { path: '$.activities[0].dataCategories[1].term', message: expect.stringContaining('"user.contact.emial" is not in the vocabulary (fideslang + GDPR additions): did you mean "user.contact.email"? Use a data category key') }
    ])
  })

  it('only warns, for a pack the organisation authored from its own records', () => {
    const pack = fixturePackV2Json()
    pack.source = { title: 'Templates authored by Acme', sha256: sha256(''), file: '' }
    pack.sources = []
    pack.activities[0].transfers[1].country = 'Narnia'
    const result = okPack(validate(pack))
    expect(result.warnings.map(inEnglish)).toContainEqual({ path: '$.activities[0].transfers[1].country', message: expect.stringMatching(/^"Narnia" is not a country/) })
  })
})

describe('a pack path in words, for the import messages', () => {
  it('numbers items from 1, names an activity by its name, and keeps unknown fields readable', () => {
    const pack = { activities: [{ name: 'Customer accounts', purposes: [{}, { quotes: ['q'] }] }] }
    expect(describePackPath('$.activities[0].purposes[1].quotes[0]', pack)).toBe('Activity 1 “Customer accounts” › Purpose 2 › Quote 1')
    expect(describePackPath('$.activities[2].transfers[0].instrument')).toBe('Activity 3 › Transfer 1 › Transfer instrument')
    expect(describePackPath('$.activities[0].dataCategories[1].retention.fromEvent')).toBe('Activity 1 › Data category 2 › Retention › From event')
    expect(describePackPath('$.sources[1].sha256')).toBe('Source document 2 › SHA-256')
    expect(describePackPath('$.source.file')).toBe('Main policy › File')
    expect(describePackPath('$.activities[0].gaps[3].field')).toBe('Activity 1 › Open point 4 › Field')
    expect(describePackPath('$["odd key"][0]')).toBe('Odd key › item 1')
    expect(describePackPath('$')).toBe('The file')
  })
})

describe('a pack that names Privacy Shield', () => {
  it('passes it into the record made from it, where the checks flag it', () => {
    const pack = fixturePackV2Json()
    pack.activities[0].transfers[0].instrument = 'privacy-shield'
    pack.activities[0].transfers[0].mechanism = 'art45'
    pack.activities[0].gaps = pack.activities[0].gaps.filter((gap: { field: string }) => gap.field !== 'transfers[0].instrument')
    const record = recordFromActivity(okPack(validate(pack)).pack, 'accounts')
    expect(record.transfers[0]).toMatchObject({ recipient: 'Example Cloud Inc.', countryCode: 'US', mechanism: 'art45', instrument: 'privacy-shield' })
    const findings = checkRecord(record, checkContext()).filter((finding) => finding.ruleId === 'transfer-instrument-invalid')
    expect(findings).toEqual([expect.objectContaining({ severity: 'error', field: 'transfers.0.instrument', message: expect.stringMatching(/Privacy Shield/) })])
  })
})
