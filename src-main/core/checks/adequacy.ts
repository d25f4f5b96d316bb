/**
 * Chapter V destinations as data: the EEA states (not third countries) and the Commission's
 * Art. 45 adequacy decisions, with dates and scope, so that the list can be updated.
 * Source: shared/reference/gdpr-article30.md. Decision dates other than the United States'
 * are the dates of the Commission decisions; verify against the Commission's page when
 * updating.
 */

export interface AdequacyDecision {
  name: string
  /** ISO 3166-1 alpha-2, or null for an international organisation. */
  code: string | null
  aliases: readonly string[]
  /** YYYY-MM-DD of the Commission decision, null where not recorded here. */
  decided: string | null
  /** Set when the decision does not cover every recipient in the destination. */
  scope: string | null
  note?: string
}

export const ADEQUACY_DECISIONS: readonly AdequacyDecision[] = [
  { name: 'Andorra', code: 'AD', aliases: [], decided: '2010-10-19', scope: null },
  { name: 'Argentina', code: 'AR', aliases: [], decided: '2003-06-30', scope: null },
  {
    name: 'Canada',
    code: 'CA',
    aliases: [],
    decided: '2001-12-20',
    scope: 'Commercial organisations only (those subject to PIPEDA).'
  },
  { name: 'Faroe Islands', code: 'FO', aliases: ['Faroes', 'Faeroe Islands'], decided: '2010-03-05', scope: null },
  { name: 'Guernsey', code: 'GG', aliases: [], decided: '2003-11-21', scope: null },
  { name: 'Israel', code: 'IL', aliases: [], decided: '2011-01-31', scope: null },
  { name: 'Isle of Man', code: 'IM', aliases: [], decided: '2004-04-28', scope: null },
  { name: 'Japan', code: 'JP', aliases: [], decided: '2019-01-23', scope: 'Private-sector organisations (under the APPI and its supplementary rules).' },
  { name: 'Jersey', code: 'JE', aliases: [], decided: '2008-05-08', scope: null },
  { name: 'New Zealand', code: 'NZ', aliases: [], decided: '2012-12-19', scope: null },
  { name: 'Republic of Korea', code: 'KR', aliases: ['South Korea', 'Korea'], decided: '2021-12-17', scope: null },
  { name: 'Switzerland', code: 'CH', aliases: [], decided: '2000-07-26', scope: null },
  {
    name: 'United Kingdom',
    code: 'GB',
    aliases: ['UK', 'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
    decided: '2021-06-28',
    scope: null
  },
  { name: 'Uruguay', code: 'UY', aliases: [], decided: '2012-08-21', scope: null },
  {
    name: 'United States',
    code: 'US',
    aliases: ['USA', 'U.S.', 'U.S.A.', 'United States of America', 'America'],
    decided: '2023-07-10',
    scope: 'Only organisations certified under the EU-US Data Privacy Framework.'
  },
  { name: 'European Patent Organisation', code: null, aliases: ['EPO', 'European Patent Office'], decided: null, scope: null, note: 'International organisation; decision adopted in 2025.' }
]

export interface EeaState {
  name: string
  code: string
  aliases: readonly string[]
}

/** The 27 EU member states plus Iceland, Liechtenstein and Norway. */
export const EEA_STATES: readonly EeaState[] = [
  { name: 'Austria', code: 'AT', aliases: [] },
  { name: 'Belgium', code: 'BE', aliases: [] },
  { name: 'Bulgaria', code: 'BG', aliases: [] },
  { name: 'Croatia', code: 'HR', aliases: [] },
  { name: 'Cyprus', code: 'CY', aliases: [] },
  { name: 'Czechia', code: 'CZ', aliases: ['Czech Republic'] },
  { name: 'Denmark', code: 'DK', aliases: [] },
  { name: 'Estonia', code: 'EE', aliases: [] },
  { name: 'Finland', code: 'FI', aliases: [] },
  { name: 'France', code: 'FR', aliases: [] },
  { name: 'Germany', code: 'DE', aliases: ['Deutschland'] },
  { name: 'Greece', code: 'GR', aliases: ['EL', 'Hellas'] },
  { name: 'Hungary', code: 'HU', aliases: [] },
  { name: 'Ireland', code: 'IE', aliases: ['Republic of Ireland'] },
  { name: 'Italy', code: 'IT', aliases: [] },
  { name: 'Latvia', code: 'LV', aliases: [] },
  { name: 'Lithuania', code: 'LT', aliases: [] },
  { name: 'Luxembourg', code: 'LU', aliases: [] },
  { name: 'Malta', code: 'MT', aliases: [] },
  { name: 'Netherlands', code: 'NL', aliases: ['Holland'] },
  { name: 'Poland', code: 'PL', aliases: [] },
  { name: 'Portugal', code: 'PT', aliases: [] },
  { name: 'Romania', code: 'RO', aliases: [] },
  { name: 'Slovakia', code: 'SK', aliases: ['Slovak Republic'] },
  { name: 'Slovenia', code: 'SI', aliases: [] },
  { name: 'Spain', code: 'ES', aliases: [] },
  { name: 'Sweden', code: 'SE', aliases: [] },
  { name: 'Iceland', code: 'IS', aliases: [] },
  { name: 'Liechtenstein', code: 'LI', aliases: [] },
  { name: 'Norway', code: 'NO', aliases: [] }
]

/** Names a record may use for "somewhere in the EEA" as a whole. */
const EEA_AS_A_WHOLE = ['EEA', 'EU', 'European Union', 'European Economic Area']

type Place = { kind: 'eea'; state: EeaState | null } | { kind: 'adequate'; decision: AdequacyDecision }

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const placeByName = new Map<string, Place>()
for (const state of EEA_STATES) {
  for (const name of [state.name, state.code, ...state.aliases]) placeByName.set(normalise(name), { kind: 'eea', state })
}
for (const name of EEA_AS_A_WHOLE) placeByName.set(normalise(name), { kind: 'eea', state: null })
for (const decision of ADEQUACY_DECISIONS) {
  for (const name of [decision.name, ...(decision.code ? [decision.code] : []), ...decision.aliases]) {
    placeByName.set(normalise(name), { kind: 'adequate', decision })
  }
}

export interface DestinationClass {
  /** Every named destination is in the EEA: not a transfer under Chapter V. */
  inEea: boolean
  /** The adequacy decisions covering the non-EEA destinations, when every one of them has one. */
  adequacy: AdequacyDecision[] | null
  /** Parts of the text that matched neither list (a third country without adequacy, or a typo). */
  unmatched: string[]
}

const PARENTHESES = /\([^)]*\)/g
const SEPARATORS = /\s*(?:[,;/&+]|\band\b)\s*/i

const classified = new Map<string, DestinationClass>()

/**
 * Classifies free text such as "United States (DPF)", "UK", "Germany, India". Results are
 * memoised: a register repeats the same few destinations across thousands of records.
 */
export function classifyDestination(countryText: string): DestinationClass {
  const cached = classified.get(countryText)
  if (cached) return cached
  const parts = countryText
    .replace(PARENTHESES, ' ')
    .split(SEPARATORS)
    .map(normalise)
    .filter((part) => part !== '')
  const decisions: AdequacyDecision[] = []
  const unmatched: string[] = []
  let eeaParts = 0
  for (const part of parts) {
    const place = placeByName.get(part)
    if (!place) unmatched.push(part)
    else if (place.kind === 'eea') eeaParts += 1
    else if (!decisions.includes(place.decision)) decisions.push(place.decision)
  }
  const result: DestinationClass = {
    inEea: parts.length > 0 && eeaParts === parts.length,
    adequacy: unmatched.length === 0 && decisions.length > 0 ? decisions : null,
    unmatched
  }
  if (classified.size < 10_000) classified.set(countryText, result)
  return result
}

export function isInEea(countryText: string): boolean {
  return classifyDestination(countryText).inEea
}

/** True when every non-EEA destination named in the text has an adequacy decision. */
export function hasAdequacy(countryText: string): boolean {
  return classifyDestination(countryText).adequacy !== null
}

export function adequacyDecisionFor(countryText: string): AdequacyDecision | undefined {
  const place = placeByName.get(normalise(countryText.replace(PARENTHESES, ' ')))
  return place?.kind === 'adequate' ? place.decision : undefined
}
