/**
 * Chapter V law as dated data: adequacy decisions and the validity of transfer instruments.
 * The EU facts come from shared/reference/gdpr-article30.md (the register's reference sheet);
 * the UK's own list, on which the sheet is silent, from the sources its entries cite. Where a source is silent a field is null, and the entry says so in `note`: no
 * decision number, date or URL is filled in from memory. Update the data, not the checks,
 * when the law moves, and move `TRANSFER_LAW_AS_OF` with it.
 */
import type { Regime, TransferInstrument } from '../records/enums'
import { destinationName } from './destinations'

/** The day the data below was last confirmed; shown wherever a transfer is judged by it. */
export const TRANSFER_LAW_AS_OF = '2026-12-06'

/** "6 December 2026": dates in findings and on the Cover are read by people. */
export function formatLegalDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number)
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
  return `${day} ${months[(month ?? 1) - 1] ?? ''} ${year}`
}

/** The reference sheet is our only source; its ✓ rows were confirmed from published sources on the as-of date. */
const REFERENCE_SHEET = 'Reference sheet (shared/reference/gdpr-article30.md), Art. 45 table'
const CONFIRMED = `${REFERENCE_SHEET}; confirmed from the Commission's adequacy page and reports on the decision on 2026-12-06`
const AS_CITED = `${REFERENCE_SHEET}; decision reference as generally cited, not yet confirmed against EUR-Lex`

/** Which recipients in the destination a decision covers, where not all of them. */
export type AdequacyScope = 'dpf-certified' | 'uk-extension' | 'commercial' | 'private-sector'

export const ADEQUACY_SCOPE_TEXT: Record<AdequacyScope, string> = {
  'dpf-certified': 'only organisations certified on the EU-US Data Privacy Framework list; others need Art. 46 safeguards',
  'uk-extension': 'only US organisations certified on the Data Privacy Framework that joined its UK Extension; others need the IDTA or the UK Addendum',
  commercial: 'commercial organisations subject to PIPEDA only',
  'private-sector': 'the private sector under the APPI, with the supplementary rules'
}

export interface AdequacyDecision {
  /** The destination's name as the app shows it. */
  name: string
  /** ISO 3166-1 alpha-2, or `org:<key>` for an international organisation. */
  code: string
  /** Which regime's list this decision is on. */
  regime: 'eu' | 'uk'
  /** The decision's number, e.g. '2010/625/EU'; null where the reference sheet gives none. */
  reference: string | null
  /** YYYY-MM-DD the decision was adopted; null where the reference sheet gives none. */
  decided: string | null
  /** YYYY-MM-DD after which it no longer applies; null when open-ended. */
  validUntil: string | null
  scope: AdequacyScope | null
  status: 'in-force'
  /** Where the entry comes from (citation). */
  source: string
  /** A URL for the source, where the reference sheet gives one (it gives none yet). */
  sourceUrl: string | null
  note: string | null
}

const euDecision = (entry: Omit<AdequacyDecision, 'regime' | 'status' | 'sourceUrl' | 'validUntil' | 'scope' | 'note'> & Partial<Pick<AdequacyDecision, 'validUntil' | 'scope' | 'note'>>): AdequacyDecision => ({
  regime: 'eu',
  status: 'in-force',
  sourceUrl: null,
  validUntil: null,
  scope: null,
  note: null,
  ...entry
})

/** The European Commission's Art. 45 decisions. */
export const EU_ADEQUACY_DECISIONS: readonly AdequacyDecision[] = [
  euDecision({ name: 'Andorra', code: 'AD', reference: '2010/625/EU', decided: '2010-10-19', source: AS_CITED, note: 'Reviewed and kept on 15 January 2024, like the other ten pre-GDPR decisions.' }),
  euDecision({ name: 'Argentina', code: 'AR', reference: '2003/490/EC', decided: '2003-06-30', source: AS_CITED }),
  euDecision({ name: 'Canada', code: 'CA', reference: '2002/2/EC', decided: '2001-12-20', scope: 'commercial', source: CONFIRMED }),
  euDecision({ name: 'Faroe Islands', code: 'FO', reference: '2010/146/EU', decided: '2010-03-05', source: AS_CITED }),
  euDecision({ name: 'Guernsey', code: 'GG', reference: '2003/821/EC', decided: '2003-11-21', source: AS_CITED }),
  euDecision({ name: 'Isle of Man', code: 'IM', reference: '2004/411/EC', decided: '2004-04-28', source: AS_CITED }),
  euDecision({ name: 'Israel', code: 'IL', reference: '2011/61/EU', decided: '2011-01-31', source: AS_CITED }),
  euDecision({ name: 'Jersey', code: 'JE', reference: '2008/393/EC', decided: '2008-05-08', source: AS_CITED }),
  euDecision({ name: 'New Zealand', code: 'NZ', reference: '2013/65/EU', decided: '2012-12-19', source: CONFIRMED }),
  euDecision({ name: 'Switzerland', code: 'CH', reference: '2000/518/EC', decided: '2000-07-26', source: CONFIRMED }),
  euDecision({ name: 'Uruguay', code: 'UY', reference: '2012/484/EU', decided: '2012-08-21', source: AS_CITED }),
  euDecision({ name: 'Japan', code: 'JP', reference: '(EU) 2019/419', decided: '2019-01-23', scope: 'private-sector', source: CONFIRMED }),
  euDecision({ name: 'Republic of Korea', code: 'KR', reference: '(EU) 2022/254', decided: '2021-12-17', source: CONFIRMED }),
  euDecision({
    name: 'United Kingdom',
    code: 'GB',
    reference: null,
    decided: '2021-06-28',
    validUntil: '2031-12-27',
    source: CONFIRMED,
    note: 'Two decisions of 28 June 2021 (GDPR and LED); sunset 27 June 2025, extended to 27 December 2025, renewed on 19 December 2025 until 27 December 2031. The reference sheet gives no decision numbers.'
  }),
  euDecision({ name: 'United States', code: 'US', reference: 'EU-US Data Privacy Framework', decided: '2023-07-10', scope: 'dpf-certified', source: CONFIRMED }),
  euDecision({ name: 'European Patent Organisation', code: 'org:epo', reference: null, decided: '2025-07-15', source: CONFIRMED, note: 'The first decision for an international organisation. The reference sheet gives no decision number.' }),
  euDecision({ name: 'Brazil', code: 'BR', reference: '(EU) 2026/179', decided: '2026-01-26', source: CONFIRMED })
]

/**
 * The UK's own adequacy list ("data bridges"), which applies to a UK GDPR organisation. The
 * reference sheet says only that the UK keeps its own list; the entries below come from the
 * sources each cites, read on the as-of date:
 * - UK_TRANSITIONAL: the Data Protection Act 2018, Schedule 21, paragraphs 4 and 5, which kept
 *   as UK adequacy regulations the EEA states, Gibraltar, the EU and EEA institutions and the
 *   destinations of the EU decisions in force on 31 December 2020 (the ICO's page "Is the
 *   restricted transfer covered by adequacy regulations?" lists them);
 * - the Republic of Korea: the UK's first own regulations, in force 19 December 2022;
 * - the United States: the UK Extension to the EU-US Data Privacy Framework, in force
 *   12 October 2023, for certified organisations that joined the UK Extension.
 * Anything the UK added after these sources is not recorded: such a transfer is reported as
 * lacking adequacy, and the finding says what the list is "as of" so the DPO can check.
 */
const ICO_ADEQUACY_PAGE = 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/adequacy-regulations/is-the-restricted-transfer-covered-by-adequacy-regulations'
const UK_TRANSITIONAL = 'Data Protection Act 2018, Schedule 21, paras 4-5 (adequacy kept from the EU on 31 December 2020), as listed by the ICO'

const ukDecision = (entry: Pick<AdequacyDecision, 'name' | 'code' | 'reference' | 'decided' | 'source'> & Partial<Pick<AdequacyDecision, 'scope' | 'note' | 'sourceUrl'>>): AdequacyDecision => ({
  regime: 'uk',
  status: 'in-force',
  sourceUrl: ICO_ADEQUACY_PAGE,
  validUntil: null,
  scope: null,
  note: null,
  ...entry
})

/** The EEA states, whose adequacy under the UK GDPR comes from the 2018 Act's transitional provisions. */
const UK_EEA_STATE_CODES = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO'] as const

/** The UK's decision for the EEA as a whole (a record may say only "EEA" or "EU"). */
export const UK_EEA_DECISION: AdequacyDecision = ukDecision({
  name: 'EEA states',
  code: 'EEA',
  reference: 'Data Protection Act 2018, Sch. 21, para. 4',
  decided: '2021-01-01',
  source: UK_TRANSITIONAL
})

/** EU decisions in force on 31 December 2020 that the UK kept (Korea's EU decision came later). */
const KEPT_FROM_THE_EU = new Set(['AD', 'AR', 'CA', 'FO', 'GG', 'IM', 'IL', 'JE', 'NZ', 'CH', 'UY', 'JP'])

export const UK_ADEQUACY_DECISIONS: readonly AdequacyDecision[] = [
  ...UK_EEA_STATE_CODES.map((code) => ({ ...UK_EEA_DECISION, name: `${destinationName(code) ?? code} (EEA)`, code })),
  ukDecision({ name: 'Gibraltar', code: 'GI', reference: 'Data Protection Act 2018, Sch. 21, para. 4', decided: '2021-01-01', source: UK_TRANSITIONAL }),
  ...EU_ADEQUACY_DECISIONS.filter((decision) => KEPT_FROM_THE_EU.has(decision.code)).map((decision) =>
    ukDecision({
      name: decision.name,
      code: decision.code,
      reference: 'Data Protection Act 2018, Sch. 21, para. 5',
      decided: '2021-01-01',
      scope: decision.scope,
      source: UK_TRANSITIONAL,
      note: `Kept from the EU decision ${decision.reference ?? ''} in force on 31 December 2020.`.replace('  ', ' ')
    })
  ),
  ukDecision({
    name: 'Republic of Korea',
    code: 'KR',
    reference: 'Data Protection (Adequacy) (Republic of Korea) Regulations 2022 (SI 2022/1213)',
    decided: '2022-12-19',
    source: 'SI 2022/1213, in force 19 December 2022: the UK\'s first adequacy regulations of its own (reports of 24 November 2022 and 31 March 2023)',
    note: 'Wider than the EU decision: it also covers personal credit information.'
  }),
  ukDecision({
    name: 'United States',
    code: 'US',
    reference: 'Data Protection (Adequacy) (United States of America) Regulations 2023: the UK Extension to the EU-US Data Privacy Framework',
    decided: '2023-10-12',
    scope: 'uk-extension',
    source: 'UK Extension to the Data Privacy Framework ("UK-US data bridge"), in force 12 October 2023'
  })
]
export const UK_ADEQUACY_LIST_RECORDED = UK_ADEQUACY_DECISIONS.length > 0

export function adequacyDecisionsFor(regime: 'eu' | 'uk'): readonly AdequacyDecision[] {
  return regime === 'uk' ? UK_ADEQUACY_DECISIONS : EU_ADEQUACY_DECISIONS
}

/** A decision applies on `date` when adopted on or before it and not past its end. */
export function decisionAppliesOn(decision: AdequacyDecision, date: string): boolean {
  return (decision.decided === null || decision.decided <= date) && (decision.validUntil === null || date <= decision.validUntil)
}

export interface InstrumentLaw {
  instrument: TransferInstrument
  /** Regimes under which the instrument exists at all. */
  regimes: readonly Regime[]
  /** YYYY-MM-DD from which it may be used; null where the reference sheet gives none. */
  availableFrom: string | null
  /** Last day it could be put into a new contract; null when open. */
  newContractsUntil: string | null
  /** First day it no longer gives any protection; null while valid. */
  invalidFrom: string | null
  /** Why, in words: the judgment or decision. */
  reason: string | null
  source: string
}

const DATES = 'Reference sheet (shared/reference/gdpr-article30.md), "Dates that make old safeguards invalid"'

/** Only instruments with dates or a regime of their own are listed; the rest are timeless Art. 46/47/49 tools. */
export const INSTRUMENT_LAW: readonly InstrumentLaw[] = [
  { instrument: 'safe-harbor', regimes: ['eu', 'uk', 'both'], availableFrom: null, newContractsUntil: null, invalidFrom: '2015-10-06', reason: 'struck down by the Court of Justice (Schrems I)', source: DATES },
  { instrument: 'privacy-shield', regimes: ['eu', 'uk', 'both'], availableFrom: null, newContractsUntil: null, invalidFrom: '2020-07-16', reason: 'struck down by the Court of Justice (C-311/18, Schrems II)', source: DATES },
  {
    instrument: 'scc-pre-2021',
    regimes: ['eu', 'uk', 'both'],
    availableFrom: null,
    newContractsUntil: '2021-09-27',
    invalidFrom: '2022-12-27',
    reason: 'replaced by the standard contractual clauses of Decision (EU) 2021/914; the old sets could not be used in new contracts after 27 September 2021 and lapsed on 27 December 2022',
    source: DATES
  },
  { instrument: 'scc-2021', regimes: ['eu', 'uk', 'both'], availableFrom: '2021-06-04', newContractsUntil: null, invalidFrom: null, reason: null, source: `${DATES}: Commission Implementing Decision (EU) 2021/914 of 4 June 2021` },
  { instrument: 'eu-us-dpf', regimes: ['eu', 'both'], availableFrom: '2023-07-10', newContractsUntil: null, invalidFrom: null, reason: null, source: REFERENCE_SHEET },
  { instrument: 'uk-idta', regimes: ['uk', 'both'], availableFrom: '2022-03-21', newContractsUntil: null, invalidFrom: null, reason: null, source: DATES },
  { instrument: 'uk-addendum', regimes: ['uk', 'both'], availableFrom: '2022-03-21', newContractsUntil: null, invalidFrom: null, reason: null, source: DATES }
]

export function instrumentLaw(instrument: TransferInstrument | ''): InstrumentLaw | undefined {
  return INSTRUMENT_LAW.find((law) => law.instrument === instrument)
}

export type InstrumentStanding =
  | { kind: 'valid' }
  | { kind: 'invalid'; since: string; reason: string }
  | { kind: 'closed-to-new-contracts'; since: string; invalidFrom: string | null; reason: string }
  | { kind: 'not-yet-available'; from: string }

/** Whether an instrument protects a transfer on `date` (YYYY-MM-DD). */
export function instrumentStandingOn(instrument: TransferInstrument | '', date: string): InstrumentStanding {
  const law = instrumentLaw(instrument)
  if (!law) return { kind: 'valid' }
  if (law.invalidFrom !== null && date >= law.invalidFrom) return { kind: 'invalid', since: law.invalidFrom, reason: law.reason ?? '' }
  if (law.newContractsUntil !== null && date > law.newContractsUntil) return { kind: 'closed-to-new-contracts', since: law.newContractsUntil, invalidFrom: law.invalidFrom, reason: law.reason ?? '' }
  if (law.availableFrom !== null && date < law.availableFrom) return { kind: 'not-yet-available', from: law.availableFrom }
  return { kind: 'valid' }
}

/** Instruments that exist under the organisation's regime (the UK's IDTA and Addendum only under UK GDPR). */
export function instrumentAvailableUnder(instrument: TransferInstrument, regime: Regime): boolean {
  const law = instrumentLaw(instrument)
  return !law || law.regimes.includes(regime)
}
