/** The dated transfer law shipped as data, and the destination list, against the reference sheet. */
import { describe, expect, it } from 'vitest'
import { COUNTRY_OPTIONS, DESTINATION_OPTIONS, destinationName, resolveDestinationCode } from '@core/legal/destinations'
import {
  EU_ADEQUACY_DECISIONS,
  INSTRUMENT_LAW,
  TRANSFER_LAW_AS_OF,
  UK_ADEQUACY_DECISIONS,
  decisionAppliesOn,
  formatLegalDate,
  instrumentAvailableUnder,
  instrumentStandingOn
} from '@core/legal/transfer-law'

const decision = (code: string) => EU_ADEQUACY_DECISIONS.find((entry) => entry.code === code)!

describe('adequacy decisions as data', () => {
  it('hold every destination of the reference sheet once, each with a source and dates in YYYY-MM-DD', () => {
    expect(EU_ADEQUACY_DECISIONS.map((entry) => entry.code).sort()).toEqual(['AD', 'AR', 'BR', 'CA', 'CH', 'FO', 'GB', 'GG', 'IL', 'IM', 'JE', 'JP', 'KR', 'NZ', 'US', 'UY', 'org:epo'].sort())
    for (const entry of EU_ADEQUACY_DECISIONS) {
      expect(entry.source, entry.name).toMatch(/gdpr-article30\.md/)
      expect(entry.status).toBe('in-force')
      for (const date of [entry.decided, entry.validUntil]) if (date !== null) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      // Where the sheet gives no decision number, the entry says so rather than inventing one.
      if (entry.reference === null) expect(entry.note, entry.name).toMatch(/gives no decision number/)
    }
  })

  it('carry the dated facts of the reference sheet', () => {
    expect(decision('BR')).toMatchObject({ reference: '(EU) 2026/179', decided: '2026-01-26' })
    expect(decision('org:epo')).toMatchObject({ decided: '2025-07-15', reference: null })
    expect(decision('GB')).toMatchObject({ decided: '2021-06-28', validUntil: '2031-12-27' })
    expect(decision('US')).toMatchObject({ decided: '2023-07-10', scope: 'dpf-certified' })
    expect(decision('CA')).toMatchObject({ reference: '2002/2/EC', decided: '2001-12-20', scope: 'commercial' })
    expect(decision('JP')).toMatchObject({ reference: '(EU) 2019/419', scope: 'private-sector' })
    expect(decision('KR')).toMatchObject({ reference: '(EU) 2022/254', decided: '2021-12-17' })
  })

  it('apply from their date and up to their end', () => {
    expect(decisionAppliesOn(decision('BR'), '2026-01-25')).toBe(false)
    expect(decisionAppliesOn(decision('BR'), '2026-01-26')).toBe(true)
    expect(decisionAppliesOn(decision('GB'), '2031-12-27')).toBe(true)
    expect(decisionAppliesOn(decision('GB'), '2031-12-28')).toBe(false)
  })

  it("hold the UK's own list, each entry with its source: the EEA, Gibraltar and the EU decisions kept on 31 December 2020, Korea (2022) and the UK Extension to the DPF (2023)", () => {
    const ukCodes = UK_ADEQUACY_DECISIONS.map((entry) => entry.code)
    expect(ukCodes).toEqual(expect.arrayContaining(['FR', 'DE', 'IE', 'IS', 'LI', 'NO', 'GI', 'CH', 'JP', 'CA', 'NZ', 'KR', 'US']))
    expect(ukCodes).toHaveLength(30 + 1 + 12 + 2)
    // Not on the UK's list: its own country, and EU decisions made after the UK left (Brazil, the EPO).
    for (const absent of ['GB', 'BR', 'org:epo']) expect(ukCodes).not.toContain(absent)
    for (const entry of UK_ADEQUACY_DECISIONS) {
      expect(entry.regime).toBe('uk')
      expect(entry.source, entry.name).not.toBe('')
      expect(entry.sourceUrl, entry.name).toMatch(/^https:\/\/ico\.org\.uk\//)
    }
    const uk = (code: string) => UK_ADEQUACY_DECISIONS.find((entry) => entry.code === code)!
    expect(uk('KR')).toMatchObject({ decided: '2022-12-19', reference: expect.stringMatching(/SI 2022\/1213/) })
    expect(uk('US')).toMatchObject({ decided: '2023-10-12', scope: 'uk-extension' })
    expect(uk('JP')).toMatchObject({ scope: 'private-sector' })
    expect(decisionAppliesOn(uk('KR'), '2022-12-18')).toBe(false)
    expect(decisionAppliesOn(uk('US'), '2023-10-12')).toBe(true)
  })

  it('are dated once, shown as a date a person reads', () => {
    expect(TRANSFER_LAW_AS_OF).toBe('2026-12-06')
    expect(formatLegalDate(TRANSFER_LAW_AS_OF)).toBe('6 December 2026')
  })
})

describe('instrument validity', () => {
  it('Privacy Shield and Safe Harbor are invalid from the day of the judgments', () => {
    expect(instrumentStandingOn('privacy-shield', '2020-07-15')).toEqual({ kind: 'valid' })
    expect(instrumentStandingOn('privacy-shield', '2020-07-16')).toMatchObject({ kind: 'invalid', since: '2020-07-16' })
    expect(instrumentStandingOn('safe-harbor', '2015-10-05')).toEqual({ kind: 'valid' })
    expect(instrumentStandingOn('safe-harbor', '2015-10-06')).toMatchObject({ kind: 'invalid', since: '2015-10-06' })
  })

  it('the pre-2021 SCCs close to new contracts after 27 September 2021 and lapse on 27 December 2022', () => {
    expect(instrumentStandingOn('scc-pre-2021', '2021-09-27')).toEqual({ kind: 'valid' })
    expect(instrumentStandingOn('scc-pre-2021', '2021-09-28')).toMatchObject({ kind: 'closed-to-new-contracts', since: '2021-09-27', invalidFrom: '2022-12-27' })
    expect(instrumentStandingOn('scc-pre-2021', '2022-12-26').kind).toBe('closed-to-new-contracts')
    expect(instrumentStandingOn('scc-pre-2021', '2022-12-27')).toMatchObject({ kind: 'invalid', since: '2022-12-27' })
  })

  it('the IDTA and the UK Addendum exist under the UK GDPR only, from 21 March 2022', () => {
    for (const instrument of ['uk-idta', 'uk-addendum'] as const) {
      expect(instrumentAvailableUnder(instrument, 'eu')).toBe(false)
      expect(instrumentAvailableUnder(instrument, 'uk')).toBe(true)
      expect(instrumentAvailableUnder(instrument, 'both')).toBe(true)
      expect(instrumentStandingOn(instrument, '2022-03-20')).toEqual({ kind: 'not-yet-available', from: '2022-03-21' })
    }
    expect(instrumentAvailableUnder('scc-2021', 'eu')).toBe(true)
    expect(instrumentAvailableUnder('bcr-controller', 'uk')).toBe(true)
    expect(new Set(INSTRUMENT_LAW.map((law) => law.instrument)).size).toBe(INSTRUMENT_LAW.length)
  })
})

describe('destinations', () => {
  it('list the ISO 3166 countries by English name, and the international organisations', () => {
    expect(COUNTRY_OPTIONS.length).toBeGreaterThanOrEqual(249)
    expect(new Set(DESTINATION_OPTIONS.map((option) => option.code)).size).toBe(DESTINATION_OPTIONS.length)
    expect(destinationName('US')).toBe('United States')
    expect(destinationName('org:epo')).toBe('European Patent Organisation')
  })

  it('resolve free text to a code only where it names exactly one place', () => {
    for (const [text, code] of [['USA', 'US'], ['U.S.A.', 'US'], ['united states of america', 'US'], ['UK', 'GB'], ['Great Britain', 'GB'], ['the Netherlands', 'NL'], ['South Korea', 'KR'], ['Türkiye', 'TR'], ['Turkey', 'TR'], ['EPO', 'org:epo'], ['Deutschland', 'DE'], ['de', 'DE']] as const) {
      expect(resolveDestinationCode(text), text).toBe(code)
    }
    for (const text of ['Congo', 'Korea', 'Narnia', 'Germany, India', '']) expect(resolveDestinationCode(text), text).toBe('')
  })
})
