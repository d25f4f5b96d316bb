import { describe, expect, it } from 'vitest'
import { ADEQUACY_DECISIONS, EEA_STATE_CODES, adequacyDecisionFor, classifyDestination, hasAdequacy, isInEea } from '@core/checks/adequacy'

describe('EEA states', () => {
  it('lists the 27 EU members plus Iceland, Liechtenstein and Norway, with unique codes', () => {
    expect(EEA_STATE_CODES).toHaveLength(30)
    expect(new Set(EEA_STATE_CODES).size).toBe(30)
    for (const name of ['Iceland', 'Liechtenstein', 'Norway', 'Germany', 'Croatia']) expect(isInEea(name)).toBe(true)
  })

  it('matches names, codes and aliases case-insensitively, with or without "the"', () => {
    expect(isInEea('the Netherlands')).toBe(true)
    expect(isInEea('de')).toBe(true)
    expect(isInEea('CZECH REPUBLIC')).toBe(true)
    expect(isInEea('EU')).toBe(true)
    expect(isInEea('Germany and France')).toBe(true)
  })

  it('treats a list with any non-EEA destination as a transfer', () => {
    expect(isInEea('Germany, United States')).toBe(false)
    expect(isInEea('Switzerland')).toBe(false)
    expect(isInEea('')).toBe(false)
  })
})

describe('adequacy decisions', () => {
  it('hold the reference list with dates in YYYY-MM-DD where known', () => {
    const names = ADEQUACY_DECISIONS.map((d) => d.name)
    for (const name of ['Andorra', 'Argentina', 'Canada', 'Faroe Islands', 'Guernsey', 'Israel', 'Isle of Man', 'Japan', 'Jersey', 'New Zealand', 'Republic of Korea', 'Switzerland', 'United Kingdom', 'Uruguay', 'United States', 'European Patent Organisation']) {
      expect(names).toContain(name)
    }
    for (const decision of ADEQUACY_DECISIONS) if (decision.decided !== null) expect(decision.decided).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(adequacyDecisionFor('United States')).toMatchObject({ decided: '2023-07-10', scope: 'dpf-certified' })
    expect(adequacyDecisionFor('Canada')?.scope).toBe('commercial')
  })

  it('recognise common spellings and codes', () => {
    for (const text of ['United States', 'USA', 'u.s.', 'US', 'United States of America', 'uk', 'Great Britain', 'south korea', 'CH', 'Switzerland (Zurich office)', 'EPO']) {
      expect(hasAdequacy(text), text).toBe(true)
    }
  })

  it('are false for countries without a decision, unknown text and mixes including one', () => {
    expect(hasAdequacy('India')).toBe(false)
    expect(hasAdequacy('Brazil', '2026-01-25')).toBe(false)
    expect(hasAdequacy('Narnia')).toBe(false)
    expect(hasAdequacy('Switzerland, India')).toBe(false)
    expect(classifyDestination('Switzerland, India')).toMatchObject({ codes: ['CH', 'IN'], unmatched: [], adequacy: null })
    expect(classifyDestination('Switzerland, Narnia').unmatched).toEqual(['narnia'])
  })

  it('are dated: Brazil from 26 January 2026, the United Kingdom until 27 December 2031', () => {
    expect(hasAdequacy('Brazil', '2026-01-26')).toBe(true)
    expect(hasAdequacy('Brazil')).toBe(true)
    expect(hasAdequacy('United Kingdom', '2031-12-27')).toBe(true)
    expect(hasAdequacy('United Kingdom', '2031-12-28')).toBe(false)
    expect(hasAdequacy('European Patent Organisation', '2025-07-14')).toBe(false)
    expect(hasAdequacy('EPO', '2025-07-15')).toBe(true)
  })

  it('cover a mix of EEA and adequate destinations', () => {
    expect(classifyDestination('Germany / Japan')).toMatchObject({ inEea: false, unmatched: [] })
    expect(classifyDestination('Germany / Japan').adequacy?.map((d) => d.name)).toEqual(['Japan'])
  })
})
