/**
 * Transfer destinations: the ISO 3166-1 countries by their English names, plus the
 * international organisations a transfer may go to (`org:<key>`). Free text stays allowed;
 * `resolveDestinationCode` turns it into a code only where the text names exactly one place.
 */
import englishNames from 'i18n-iso-countries/langs/en.json'

export interface DestinationOption {
  /** ISO 3166-1 alpha-2, or `org:<key>`. */
  code: string
  name: string
  kind: 'country' | 'organisation'
}

/** International organisations (Chapter V speaks of them alongside third countries). */
export const INTERNATIONAL_ORGANISATIONS: readonly DestinationOption[] = [
  { code: 'org:epo', name: 'European Patent Organisation', kind: 'organisation' },
  { code: 'org:un', name: 'United Nations', kind: 'organisation' },
  { code: 'org:who', name: 'World Health Organization', kind: 'organisation' },
  { code: 'org:oecd', name: 'Organisation for Economic Co-operation and Development (OECD)', kind: 'organisation' },
  { code: 'org:icrc', name: 'International Committee of the Red Cross', kind: 'organisation' },
  { code: 'org:imf', name: 'International Monetary Fund', kind: 'organisation' },
  { code: 'org:world-bank', name: 'World Bank Group', kind: 'organisation' },
  { code: 'org:nato', name: 'NATO', kind: 'organisation' }
]

/** Names the app prefers to the ISO list's first English name (which reads "United States of America"). */
const PREFERRED_NAMES: Record<string, string> = { US: 'United States', GB: 'United Kingdom', KR: 'Republic of Korea', CZ: 'Czechia', NL: 'Netherlands', TR: 'Türkiye' }

/** Other ways registers write a destination; each names one place only. */
const EXTRA_ALIASES: Record<string, readonly string[]> = {
  US: ['America', 'United States of America', 'the US', 'the USA', 'Etats-Unis', 'États-Unis', 'Vereinigte Staaten', 'USA'],
  GB: ['England', 'Scotland', 'Wales', 'Northern Ireland', 'Britain', 'Royaume-Uni', 'Vereinigtes Königreich'],
  DE: ['Deutschland', 'Allemagne'],
  FR: ['Frankreich'],
  CH: ['Schweiz', 'Suisse'],
  NL: ['Holland'],
  GR: ['Hellas'],
  IE: ['Republic of Ireland'],
  FO: ['Faroes', 'Faeroe Islands'],
  IN: ['Inde', 'Indien'],
  SK: ['Slovak Republic'],
  'org:epo': ['EPO', 'European Patent Office']
}

const countryEntries = Object.entries(englishNames.countries as Record<string, string | string[]>)

export const COUNTRY_OPTIONS: readonly DestinationOption[] = countryEntries
  .map(([code, names]) => ({ code, name: PREFERRED_NAMES[code] ?? (Array.isArray(names) ? names[0]! : names), kind: 'country' as const }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'))

export const DESTINATION_OPTIONS: readonly DestinationOption[] = [...COUNTRY_OPTIONS, ...INTERNATIONAL_ORGANISATIONS]

/** Lower case, no accents, dots or leading "the". */
export function normaliseDestination(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** name → codes; a name shared by two places (e.g. "Congo") keeps both and so resolves to none. */
const codesByName = new Map<string, Set<string>>()
function addName(name: string, code: string): void {
  const key = normaliseDestination(name)
  if (key === '') return
  const codes = codesByName.get(key) ?? new Set<string>()
  codes.add(code)
  codesByName.set(key, codes)
}
for (const [code, names] of countryEntries) {
  for (const name of Array.isArray(names) ? names : [names]) addName(name, code)
  addName(code, code)
}
for (const [code, name] of Object.entries(PREFERRED_NAMES)) addName(name, code)
for (const organisation of INTERNATIONAL_ORGANISATIONS) addName(organisation.name, organisation.code)
for (const [code, aliases] of Object.entries(EXTRA_ALIASES)) for (const alias of aliases) addName(alias, code)

const nameByCode = new Map(DESTINATION_OPTIONS.map((option) => [option.code, option.name]))

/** The code of the one place the text names ("USA" → 'US'), or '' when it names none or several. */
export function resolveDestinationCode(text: string): string {
  const codes = codesByName.get(normaliseDestination(text))
  return codes?.size === 1 ? [...codes][0]! : ''
}

/** The app's name for a code, or undefined for an unknown code. */
export function destinationName(code: string): string | undefined {
  return nameByCode.get(code)
}
