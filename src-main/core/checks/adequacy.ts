/**
 * Where a transfer goes, for Chapter V: inside the EEA (no transfer), to a destination with
 * an adequacy decision (on the check date, under the organisation's regime), or elsewhere.
 * The decisions themselves are dated data in core/legal/transfer-law.ts.
 */
import { normaliseDestination, resolveDestinationCode } from '../legal/destinations'
import { adequacyDecisionsFor, decisionAppliesOn, EU_ADEQUACY_DECISIONS, TRANSFER_LAW_AS_OF, UK_EEA_DECISION, type AdequacyDecision } from '../legal/transfer-law'

export type { AdequacyDecision } from '../legal/transfer-law'
/** The EU's list (kept under its former name for the readers of the checks). */
export const ADEQUACY_DECISIONS = EU_ADEQUACY_DECISIONS

/** The 27 EU member states plus Iceland, Liechtenstein and Norway. */
export const EEA_STATE_CODES: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO'
]
const EEA = new Set(EEA_STATE_CODES)

/** Names a record may use for "somewhere in the EEA" as a whole; "EL" is the EU's own code for Greece. */
const EEA_AS_A_WHOLE = new Set(['eea', 'eu', 'european union', 'european economic area', 'el'])

export interface DestinationOptions {
  /** Which list applies: the UK's for a UK GDPR organisation. Default 'eu'. */
  regime?: 'eu' | 'uk'
  /** YYYY-MM-DD the transfer is judged on; default the legal data's as-of date. */
  on?: string
  /** The transfer's stored code, which wins over the text. */
  countryCode?: string
}

export interface DestinationClass {
  /** No transfer under the regime: every named destination is in the EEA (EU) or in the UK (UK). */
  domestic: boolean
  /** Every named destination is in the EEA. */
  inEea: boolean
  /** The adequacy decisions covering the destinations outside, when every one of them has one. */
  adequacy: AdequacyDecision[] | null
  /** Codes of the places named. */
  codes: string[]
  /** Parts of the text that matched no place (a typo, or a name the lists do not know). */
  unmatched: string[]
}

const PARENTHESES = /\([^)]*\)/g
const SEPARATORS = /\s*(?:[,;/&+]|\band\b)\s*/i
const classified = new Map<string, DestinationClass>()

/**
 * Classifies a destination: a stored code, or free text such as "United States (DPF)", "UK",
 * "Germany, India". Memoised: a register repeats the same few destinations.
 */
export function classifyDestination(countryText: string, options: DestinationOptions = {}): DestinationClass {
  const regime = options.regime ?? 'eu'
  const on = options.on ?? TRANSFER_LAW_AS_OF
  const key = `${regime}|${on}|${options.countryCode ?? ''}|${countryText}`
  const cached = classified.get(key)
  if (cached) return cached
  const codes: string[] = []
  const unmatched: string[] = []
  let wholeEea = 0
  if (options.countryCode) codes.push(options.countryCode)
  else {
    const parts = countryText.replace(PARENTHESES, ' ').split(SEPARATORS).map((part) => part.trim()).filter((part) => part !== '')
    for (const part of parts) {
      if (EEA_AS_A_WHOLE.has(normaliseDestination(part))) wholeEea += 1
      else {
        const code = resolveDestinationCode(part)
        if (code === '') unmatched.push(normaliseDestination(part))
        else if (!codes.includes(code)) codes.push(code)
      }
    }
  }
  const named = codes.length + wholeEea + unmatched.length
  const inEea = named > 0 && unmatched.length === 0 && codes.every((code) => EEA.has(code))
  const home = (code: string) => (regime === 'uk' ? code === 'GB' : EEA.has(code))
  const domestic = named > 0 && unmatched.length === 0 && codes.every(home) && (regime === 'eu' || wholeEea === 0)
  const decisions: AdequacyDecision[] = []
  let covered = unmatched.length === 0
  // Under the UK GDPR "the EEA" as a whole is a destination, covered by the UK's regulations for the EEA states.
  if (regime === 'uk' && wholeEea > 0 && decisionAppliesOn(UK_EEA_DECISION, on)) decisions.push(UK_EEA_DECISION)
  for (const code of codes) {
    if (home(code)) continue
    const decision = adequacyDecisionsFor(regime).find((candidate) => candidate.code === code && decisionAppliesOn(candidate, on))
    if (decision) {
      if (!decisions.includes(decision)) decisions.push(decision)
    } else covered = false
  }
  const result: DestinationClass = {
    domestic,
    inEea,
    adequacy: covered && decisions.length > 0 ? decisions : null,
    codes,
    unmatched
  }
  if (classified.size < 10_000) classified.set(key, result)
  return result
}

export function isInEea(countryText: string): boolean {
  return classifyDestination(countryText).inEea
}

/** True when every non-EEA destination named in the text has an EU adequacy decision on the as-of date. */
export function hasAdequacy(countryText: string, on?: string): boolean {
  return classifyDestination(countryText, { on }).adequacy !== null
}

export function adequacyDecisionFor(countryText: string): AdequacyDecision | undefined {
  const code = resolveDestinationCode(countryText.replace(PARENTHESES, ' ').trim())
  return EU_ADEQUACY_DECISIONS.find((decision) => decision.code === code)
}
