/**
 * The drafting assistant: reads a policy text and proposes a pack's values, each with the
 * sentence it comes from. Extractive only: every value is read from the text by the rules below
 * (vocabulary terms and their synonyms, lawful-basis wording, retention periods, proper names in
 * sentences about providers, countries in sentences about transfers, security measures), over the
 * NLP layer's sentences when an analysis is given (`nlp.ts`, `draft-policy.ts`). A learned model
 * (`learned-model.ts`) adds the phrases pack authors use for terms, skips wordings they never
 * agreed with, and drops the candidates its scorers judge unlike the packs' own. No rule names a
 * vendor. Pure and synchronous.
 */
import { parseTransferInstrumentText } from '../../legal/parse-instrument-text'
import { COUNTRY_OPTIONS, resolveDestinationCode } from '../../legal/destinations'
import type { LawfulBasis, RecipientType, RetentionEndAction, RetentionUnit, SecurityMeasure } from '../../records/enums'
import { CATEGORY_LEXICON, SUBJECT_LEXICON, USE_LEXICON, learnedLexicon, matchTerms, type LexiconEntry } from './lexicon'
import { draftReason } from './draft-reasons'
import type { MessageRef } from '../../i18n/message'
import { type Draft, type DraftField, type DraftGap, type DraftProposal, type DraftValueByField } from './proposal'
import { splitSentences, type Sentence, type Span } from './segment'
import { findNames, findLegalEntities, nameKey, repeatedNames } from './names'
import type { TextAnalysis } from './text-analysis'
import { keeps, SHIPPED_MODEL, type Features, type LearnedDraftingModel } from './learned-model'
import { retentionFeatures, subProcessorFeatures } from './candidate-features'

export interface DraftOptions {
  /** The vendor's name as the author knows it; otherwise read from the first legal entity the text names. */
  vendor?: string
  /** The learned parts; `null` drafts with the rules alone. Default: the model fitted on the shipped packs. */
  model?: LearnedDraftingModel | null
  /**
   * The NLP layer's reading of the same text (`analyseText` in `nlp.ts`; `draftPolicy` in
   * `draft-policy.ts` passes it). Without it the punctuation rule alone splits sentences.
   */
  analysis?: TextAnalysis
}

class ProposalList {
  readonly proposals: DraftProposal[] = []
  /** What the learned scorers read, by proposal id. */
  readonly features = new Map<string, Features>()
  private readonly seen = new Set<string>()
  constructor(private readonly text: string) {}

  /** Adds a proposal unless one with the same field and `dedupeKey` exists; returns whether it was added. */
  add<F extends DraftField>(field: F, value: DraftValueByField[F], sentence: Span, reason: MessageRef, dedupeKey: string, focus?: Span, features?: Features): boolean {
    const key = `${field}|${dedupeKey}`
    if (this.seen.has(key)) return false
    this.seen.add(key)
    const proposal = {
      id: `${field}-${sentence.start}-${this.proposals.length}`,
      field,
      value,
      span: { start: sentence.start, end: sentence.end },
      quote: this.text.slice(sentence.start, sentence.end),
      reason,
      ...(focus ? { focus } : {})
    } as DraftProposal
    this.proposals.push(proposal)
    if (features) this.features.set(proposal.id, features)
    return true
  }
}

const COLLECTION_CUE = /\b(?:collect\w*|receiv\w*|obtain\w*|gather\w*|provid\w*|submit\w*|record\w*|includ\w*|such as|consist\w*|access\w*|log\w*|store\w*|process\w*|upload\w*|shar\w*|disclos\w*|us(?:e|es|ed|ing)|information|data|details)\b/i
const STRONG_COLLECTION_CUE = /\b(?:collect\w*|receiv\w*|obtain\w*|gather\w*|provide|submit\w*|record\w*|includ\w*|such as|upload\w*)\b/i
/** Sentences about the reader's rights and choices mention data without saying what is collected. */
/** "We do not collect sensitive data such as ...": what a sentence says is not collected is not proposed. */
const NEGATED_COLLECTION = /\b(?:do(?:es)? not|don['’]t|never|not)\s+(?:knowingly\s+|intentionally\s+|ask for or\s+)?(?:collect|process|request|require|receive|store|gather|include|sell|provide|send|submit)\b|\bwithout collecting\b/i
const RIGHTS_SENTENCE = /\b(?:right to|you (?:may|can|have the right to) (?:request|ask|access|delete|correct|opt)|request that we|unsubscribe|opt[- ]out of)\b/i

/** `rejected` holds `key|wording in lower case` for each wording the learned model rejects. */
function dataCategories(sentences: readonly Sentence[], list: ProposalList, lexicon: readonly LexiconEntry[], rejected: ReadonlySet<string>): void {
  const ordered = [...sentences.filter((s) => STRONG_COLLECTION_CUE.test(s.text)), ...sentences.filter((s) => !STRONG_COLLECTION_CUE.test(s.text))]
  for (const sentence of ordered) {
    if (!COLLECTION_CUE.test(sentence.text) || RIGHTS_SENTENCE.test(sentence.text) || NEGATED_COLLECTION.test(sentence.text)) continue
    for (const match of matchTerms(sentence.text, lexicon)) {
      // Rejected before the term is added, so that another wording of the same term can still propose it.
      if (rejected.has(`${match.key}|${match.wording.toLowerCase()}`)) continue
      const focus = { start: sentence.start + match.start, end: sentence.start + match.end }
      list.add('dataCategory', { term: match.key, wording: match.wording }, sentence, draftReason('names', { wording: match.wording }), match.key, focus)
    }
  }
}

function dataSubjects(sentences: readonly Sentence[], list: ProposalList): void {
  for (const sentence of sentences) {
    for (const match of matchTerms(sentence.text, SUBJECT_LEXICON)) {
      const focus = { start: sentence.start + match.start, end: sentence.start + match.end }
      list.add('dataSubject', { term: match.key, wording: match.wording }, sentence, draftReason('names', { wording: match.wording }), match.key, focus)
    }
  }
}

const BASIS_PATTERNS: ReadonlyArray<readonly [LawfulBasis, RegExp]> = [
  ['a', /\b(?:your|with|on|based on|upon|where you (?:have )?(?:given|provided)?|by) (?:your )?(?:explicit |express |prior )?consent\b|\bconsent(?:ed)? to\b|\bconsent\b(?= as| is the)/i],
  ['b', /\bperform(?:ance of|ing)? (?:a |the |our |your |any )?(?:contract|agreement)|\bcontractual necessity|\bnecessary (?:for|to) (?:enter into|perform|fulfil+)|\bfulfil+(?:ment of)? (?:a |our |the )?contract|\bto enter into a contract/i],
  ['c', /\blegal obligations?\b|\bcomply with (?:a |our |applicable |the )?(?:legal|law|laws|regulat)|\brequired by (?:applicable )?law|\bcompliance with (?:a )?legal/i],
  ['d', /\bvital interests?\b/i],
  ['e', /\bpublic interest\b|\bofficial authority\b|\bpublic task\b/i],
  ['f', /\blegitimate (?:business )?interests?\b/i]
]

/** The lawful basis the sentence states; none when it states none or several (which one applies is then unclear). */
export function lawfulBasisOf(text: string): LawfulBasis | undefined {
  const named = BASIS_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([basis]) => basis)
  return named.length === 1 ? named[0] : undefined
}

const PURPOSE_SENTENCE = /\b(?:we|us|our \w+)\b[^.]{0,80}?\b(?:use|uses|process|processes|collect|share|disclose|utili[sz]e)\b[^.]{0,160}?\b(?:to|for|in order to)\b/i
const PURPOSE_LEAD_IN = /\b(?:use|process|purposes?|collect|share|disclose)\b.*:\s*$/i
const BULLET_MARK = /^\s*(?:[•·▪◦*\-–—]|\(?[0-9a-z]{1,3}[.)])\s+/i

function purposes(sentences: readonly Sentence[], list: ProposalList): void {
  let underLeadIn = false
  for (const sentence of sentences) {
    const isLeadIn = PURPOSE_LEAD_IN.test(sentence.text)
    const basis = lawfulBasisOf(sentence.text)
    const uses = [...new Set(matchTerms(sentence.text, USE_LEXICON).map((match) => match.key))]
    const listed = underLeadIn && sentence.bullet && sentence.text.split(/\s+/).length >= 4
    const stated = PURPOSE_SENTENCE.test(sentence.text) && (uses.length > 0 || basis !== undefined)
    const tableRow = basis !== undefined && /\t|\bnecessary\b/i.test(sentence.text) && /^\s*(?:to|for)\b/i.test(sentence.text.replace(BULLET_MARK, ''))
    if (!isLeadIn && (listed || stated || tableRow)) {
      const description = sentence.text.replace(BULLET_MARK, '').replace(/\s+/g, ' ').trim().slice(0, 2000)
      const reason = draftReason(listed ? 'purposeListed' : 'purposeStated', { basis: basis ? draftReason('statesBasis', { basis: draftReason(`basis.${basis}`) }) : draftReason('noBasis') })
      const interest = basis === 'f' ? legitimateInterestOf(sentence.text) : undefined
      list.add('purpose', { description, uses, ...(basis ? { lawfulBasis: basis } : {}), ...(interest ? { legitimateInterest: interest } : {}) }, sentence, reason, description.toLowerCase())
    }
    if (isLeadIn) underLeadIn = true
    else if (!sentence.bullet) underLeadIn = false
  }
}

/** The legitimate interest a sentence names: "legitimate interests (to keep our records updated)", "legitimate interest in ...". */
export function legitimateInterestOf(text: string): string | undefined {
  const match = /\blegitimate (?:business )?interests?\s*(?:\(([^)]{5,400})\)|,?\s+(?:in|to|of|namely|such as|including)\s+([^.;]{5,400}))/i.exec(text)
  const interest = (match?.[1] ?? match?.[2])?.replace(/\s+/g, ' ').trim()
  return interest || undefined
}

const RETENTION_CUE = /\b(?:retain\w*|retention|keep|keeps|kept|stor(?:e|es|ed|ing)|delet\w*|eras\w*|anonymi[sz]\w*|held|hold)\b/i
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  eighteen: 18, twenty: 20, thirty: 30, sixty: 60, ninety: 90
}
const PERIOD = /\b(\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|sixty|ninety)(?:\s*\(\d{1,4}\))?[\s-]*(day|week|month|year)s?\b(?!\s+(?:of age|old))/gi
const CRITERION = /\b(?:delet|eras|destroy)\w*\b[^.]{0,40}\b(?:after|afterwards|once|when)\b|\bas long as\b|\bfor the (?:duration|period|life(?:time)?)\b|\buntil\b|\bno longer (?:need|necessary|required|require)|\bretention periods?\b|\binstructions of\b|\breasonable (?:time|period|timeframe)\b|\bcontrolled by\b|\bdetermined by\b/i

function endActionOf(text: string): RetentionEndAction | undefined {
  if (/anonymi[sz]/i.test(text)) return /\bdelet|\beras/i.test(text) ? undefined : 'anonymise'
  if (/\bdelet|\beras|\bdestroy/i.test(text)) return 'erase'
  return undefined
}

function retention(sentences: readonly Sentence[], list: ProposalList): void {
  for (const sentence of sentences) {
    if (!RETENTION_CUE.test(sentence.text) || RIGHTS_SENTENCE.test(sentence.text)) continue
    let foundPeriod = false
    PERIOD.lastIndex = 0
    // Only criteria are scored: the shipped packs state no fixed period to learn from, and a period stated is the clearest retention rule.
    const features = retentionFeatures(sentence, PERIOD.test(sentence.text))
    PERIOD.lastIndex = 0
    for (let match = PERIOD.exec(sentence.text); match; match = PERIOD.exec(sentence.text)) {
      const before = sentence.text.slice(Math.max(0, match.index - 20), match.index)
      if (/\b(?:past|last|previous|under|over|aged?)\s*$/i.test(before)) continue
      const amount = Number(match[1]) || NUMBER_WORDS[match[1]!.toLowerCase()] || 0
      const rawUnit = match[2]!.toLowerCase()
      const period = rawUnit === 'week' ? amount * 7 : amount
      const unit: RetentionUnit = rawUnit === 'week' || rawUnit === 'day' ? 'days' : rawUnit === 'month' ? 'months' : 'years'
      if (period <= 0 || period > 1000) continue
      const after = sentence.text.slice(match.index + match[0].length)
      const fromEvent = /^\s*(?:after|from|following|of)\s+((?:the|your|its|a|an)\s+[^,.;()]{3,80})/i.exec(after)?.[1]?.trim()
      const endAction = endActionOf(sentence.text)
      const focus = { start: sentence.start + match.index, end: sentence.start + match.index + match[0].length }
      list.add('retention', { mode: 'period', period, unit, ...(fromEvent ? { fromEvent } : {}), ...(endAction ? { endAction } : {}) }, sentence, draftReason('statesPeriod', { period: match[0] }), `${sentence.start}-${match.index}`, focus)
      foundPeriod = true
    }
    if (!foundPeriod && CRITERION.test(sentence.text)) {
      const endAction = endActionOf(sentence.text)
      const criterion = sentence.text.replace(BULLET_MARK, '').replace(/\s+/g, ' ').trim().slice(0, 2000)
      list.add('retention', { mode: 'criterion', criterion, ...(endAction ? { endAction } : {}) }, sentence, draftReason('statesCriterion'), `${sentence.start}`, undefined, features)
    }
  }
}

const SHARING_CUE = /\b(?:shar\w*|disclos\w*|transfer\w*|provid\w* (?:\w+ )?(?:to|with)|sell|sold|make available|made available|access to)\b/i
const RECIPIENT_PHRASES: ReadonlyArray<readonly [RegExp, RecipientType | 'by-context']> = [
  [/\b(?:law enforcement(?: agencies| authorities)?|government(?:al)? (?:authorities|agencies|bodies|entities)|public authorities|regulators|regulatory (?:authorities|bodies)|courts|tax authorities|supervisory authorities)\b/i, 'public-authority'],
  [/\b(?:(?:our |corporate )?affiliates|subsidiaries|group companies|parent company)\b/i, 'internal'],
  [/\b(?:(?:third[- ]party )?service providers|(?:third[- ]party )?vendors|contractors|sub-?processors|suppliers|processors)\b/i, 'by-context'],
  [/\b(?:(?:business|advertising|marketing|analytics|third[- ]party|integration|channel|reseller) partners|advertisers|advertising networks|social media (?:platforms|companies|networks))\b/i, 'by-context'],
  [/\b(?:professional advis[eo]rs|lawyers|auditors|accountants|insurers|bankers|consultants)\b/i, 'by-context'],
  [/\b(?:acquirers?|buyers?|purchasers?|successors?|potential (?:buyers|acquirers|investors))\b/i, 'by-context']
]
const ON_OUR_BEHALF = /\bon (?:our|its|their) behalf\b|\bunder (?:our|its) instructions\b|\bas (?:our )?(?:data )?processors?\b/i

function recipients(sentences: readonly Sentence[], list: ProposalList): void {
  for (const sentence of sentences) {
    if (!SHARING_CUE.test(sentence.text) || RIGHTS_SENTENCE.test(sentence.text)) continue
    for (const [pattern, typeRule] of RECIPIENT_PHRASES) {
      const match = pattern.exec(sentence.text)
      if (!match) continue
      const wording = match[0]
      const type: RecipientType = typeRule === 'by-context' ? (ON_OUR_BEHALF.test(sentence.text) ? 'processor' : 'not-stated') : typeRule
      const name = wording.charAt(0).toUpperCase() + wording.slice(1)
      const focus = { start: sentence.start + match.index, end: sentence.start + match.index + wording.length }
      const reason = draftReason(type === 'not-stated' ? 'sharedWithCapacityUnknown' : 'sharedWith', { wording })
      list.add('recipient', { name, type }, sentence, reason, wording.toLowerCase().replace(/^(?:our|third[- ]party|corporate) /, ''), focus)
    }
  }
}

const PROVIDER_CUE = /\b(?:service providers?|providers?|vendors?|sub-?processors?|processors?|third[- ]part(?:y|ies)|partners?|powered by|provided by|host\w*|cloud|storage|analytics|tools?|integrat\w*|platforms?|plug-?ins?|widgets?|technolog(?:y|ies)|we (?:use|employ|rely on|engage|utili[sz]e|deploy|work with|partner with)|such as|e\.g\.|for example|including)\b/i

/** "content delivery networks (CDNs)": a kind of provider the policy abbreviates, whose initials make the abbreviation. */
const ABBREVIATED_KIND = /\b((?:[a-z][a-z-]*\s+){1,4}[a-z][a-z-]*)\s*\(([A-Z]{2,6})s?\)/g

function abbreviatedKinds(sentence: Sentence): Array<{ name: string; start: number; end: number }> {
  const found: Array<{ name: string; start: number; end: number }> = []
  ABBREVIATED_KIND.lastIndex = 0
  for (let match = ABBREVIATED_KIND.exec(sentence.text); match; match = ABBREVIATED_KIND.exec(sentence.text)) {
    const acronym = match[2]!
    const words = match[1]!.split(/[\s-]+/).filter(Boolean)
    const initials = words.slice(-acronym.length).map((word) => word[0]!.toUpperCase()).join('')
    // Only kinds of provider ("... networks", "... providers"), not any abbreviated term ("artificial intelligence (AI)").
    if (words.length < acronym.length || initials !== acronym || !/(?:networks?|providers?|services?|platforms?|processors?|vendors?|partners?|companies|cent(?:er|re)s?|hosts?)$/.test(words[words.length - 1]!)) continue
    const phraseWords = match[1]!.split(/\s+/)
    const phrase = phraseWords.slice(-acronym.length).join(' ')
    const start = sentence.start + match.index + match[0].indexOf(phrase)
    const end = sentence.start + match.index + match[0].length
    found.push({ name: `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)} (${match[0].slice(match[0].indexOf('(') + 1, -1)})`, start, end })
  }
  return found
}

function subProcessors(text: string, sentences: readonly Sentence[], vendorStems: ReadonlySet<string>, list: ProposalList): void {
  for (const [index, sentence] of sentences.entries()) {
    if (PROVIDER_CUE.test(sentence.text)) {
      for (const kind of abbreviatedKinds(sentence)) {
        const features = subProcessorFeatures(text, sentence, { ...kind, how: 'kind' }, vendorStems)
        list.add('subProcessor', { name: kind.name }, sentence, draftReason('abbreviatedKind', { name: kind.name }), nameKey(kind.name), { start: kind.start, end: kind.end }, features)
      }
    }
    // A bare name on a bullet line, followed by what the service does ("• Name" / "We use Name to ...").
    const next = sentences[index + 1]
    const bareName = sentence.bullet && next !== undefined && /\b(?:we use|we employ|we rely|is used|provides?)\b/i.test(next.text)
    if (!bareName && !PROVIDER_CUE.test(sentence.text)) continue
    for (const found of findNames(text, sentence)) {
      if (vendorStems.has(stemOf(found.tokens[0]!))) continue
      // The name must stand near what says it is a provider: in the words just before it, or as the sentence's subject.
      const before = text.slice(Math.max(sentence.start, found.start - 80), found.start)
      const near = bareName || PROVIDER_CUE.test(before) || /\b(?:by|through|via|with|from|to|on)\s+(?:the\s+)?$/i.test(before) || before.trim() === ''
      if (!near) continue
      const focus = { start: found.start, end: found.end }
      const features = subProcessorFeatures(text, sentence, { name: found.name, start: found.start, end: found.end, how: bareName ? 'bullet' : 'name' }, vendorStems)
      list.add('subProcessor', { name: found.name }, sentence, bareName ? draftReason('listedService') : draftReason('namedProvider', { name: found.name }), nameKey(found.name), focus, features)
    }
  }
}

/** The first word of a name, without a web domain or possessive: "Example.ai" and "Example's" read as "example". */
function stemOf(token: string): string {
  return token.toLowerCase().split(/[.'’]/)[0]!
}

/** Drops a name whose words all stand in a longer proposed name ("Vault" next to "Example Vault"). */
function dropPartialNames(proposals: DraftProposal[]): DraftProposal[] {
  const names = proposals.flatMap((proposal) => (proposal.field === 'subProcessor' ? [nameKey(proposal.value.name).split(' ')] : []))
  return proposals.filter((proposal) => {
    if (proposal.field !== 'subProcessor') return true
    const words = nameKey(proposal.value.name).split(' ')
    return !names.some((other) => other.length > words.length && words.every((word) => other.includes(word)))
  })
}

const TRANSFER_CUE = /\b(?:transfer\w*|stored|processed|hosted|hosts|located|servers?|data cent(?:er|re)s?|outside|cross-border|international(?:ly)?|headquartered|countries)\b/i

/** Country names (and their common aliases) as written with capitals, longest first. */
const COUNTRY_NAME_PATTERN = (() => {
  const names = new Set<string>()
  for (const option of COUNTRY_OPTIONS) names.add(option.name)
  for (const extra of ['United States of America', 'USA', 'U.S.', 'U.S.A.', 'UK', 'United Kingdom', 'Great Britain', 'European Union']) names.add(extra)
  const escaped = [...names].filter((name) => name.length >= 2).sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
  return new RegExp(`(?<![\\w.])(?:${escaped.join('|')})(?![\\w])`, 'g')
})()

function transfers(sentences: readonly Sentence[], list: ProposalList): void {
  let instrumentOnly = false
  for (const [index, sentence] of sentences.entries()) {
    if (!TRANSFER_CUE.test(sentence.text)) continue
    const parsed = parseTransferInstrumentText(sentence.text)
    const nextParsed = sentences[index + 1] ? parseTransferInstrumentText(sentences[index + 1]!.text) : undefined
    const instrument = parsed.mechanism ? parsed : nextParsed?.mechanism && TRANSFER_CUE.test(sentences[index + 1]!.text) ? nextParsed : undefined
    const safeguard = instrument
      ? {
          ...(instrument.mechanism ? { mechanism: instrument.mechanism } : {}),
          ...(instrument.instrument ? { instrument: instrument.instrument } : {}),
          ...(instrument.sccModule ? { sccModule: instrument.sccModule } : {})
        }
      : {}
    let named = false
    COUNTRY_NAME_PATTERN.lastIndex = 0
    for (let match = COUNTRY_NAME_PATTERN.exec(sentence.text); match; match = COUNTRY_NAME_PATTERN.exec(sentence.text)) {
      const before = sentence.text.slice(Math.max(0, match.index - 12), match.index)
      // "from the United Kingdom" names where data comes from, not where it goes.
      const wider = sentence.text.slice(Math.max(0, match.index - 50), match.index)
      // "from the United Kingdom", "outside the EEA and the UK", "if you are located in the US" name where data comes from.
      if (/\bfrom (?:the )?$/i.test(before) || /\boutside (?:of )?(?:the )?[^.;]*$/i.test(wider)) continue
      if (/\b(?:you are|you're|individuals?|users?|residents?|people|persons?|consumers?)(?: who are)? (?:located |based |resident |living )?(?:with)?in (?:the )?(?:State of \w+ in (?:the )?)?$/i.test(wider) || /\bresidents? of (?:the )?$/i.test(before)) continue
      const code = resolveDestinationCode(match[0])
      if (code === '' || code.startsWith('org:')) continue
      named = true
      const focus = { start: sentence.start + match.index, end: sentence.start + match.index + match[0].length }
      list.add('transfer', { country: match[0], countryCode: code, ...safeguard }, sentence, draftReason('countryInTransfer', { country: match[0] }), code, focus)
    }
    if (!named && parsed.mechanism && !instrumentOnly) {
      instrumentOnly = list.add('transfer', { country: '', countryCode: '', ...safeguard }, sentence, draftReason('safeguardWithoutCountry'), 'no-country')
    }
  }
}

const SECURITY_CUE = /\b(?:secur\w*|protect\w*|safeguard\w*|encrypt\w*|confidential\w*|unauthori[sz]ed)\b/i
const MEASURE_PATTERNS: ReadonlyArray<readonly [SecurityMeasure, RegExp]> = [
  ['encryption-in-transit', /\bencrypt\w*\b[^.]{0,60}\b(?:in transit|transmission|transmitted|transfer)|\b(?:tls|ssl|https)\b/i],
  ['encryption-at-rest', /\bencrypt\w*\b[^.]{0,60}\b(?:at rest|stored|storage)|\bencrypted (?:storage|databases?)\b/i],
  ['pseudonymisation', /\bpseudonymi[sz]\w*/i],
  ['access-control', /\baccess controls?\b|\brole-based access\b|\bleast privilege\b|\bneed[- ]to[- ]know\b|\brestrict\w* access\b|\blimit\w* access\b/i],
  ['multi-factor-authentication', /\b(?:multi|two)[- ]factor\b|\b2fa\b|\bmfa\b|\bsecurity codes?\b/i],
  ['logging', /\b(?:audit )?logging\b|\bmonitor\w*\b/i],
  ['backups', /\bback-?ups?\b/i],
  ['staff-training', /\b(?:staff|employee|personnel) training\b|\btrain(?:ed|s)? (?:our )?(?:staff|employees|personnel)\b/i],
  ['processor-oversight', /\bconfidentiality (?:agreements|obligations)\b|\bdata processing agreements?\b|\bcontractually (?:bound|required|obligated)\b/i],
  ['data-minimisation', /\bminimi[sz]\w*\b|\banonymi[sz]ation processes\b/i],
  ['incident-response', /\bincident response\b|\b(?:data |security )?breach\w*\b|\bsecurity incidents?\b/i],
  ['physical-security', /\bphysical (?:security|safeguards|measures|access)\b/i],
  ['vulnerability-management', /\bpenetration test\w*|\bvulnerabilit\w*|\bsecurity (?:testing|assessments?|audits?)\b/i]
]

function securityMeasures(sentences: readonly Sentence[], list: ProposalList): void {
  for (const sentence of sentences) {
    if (!SECURITY_CUE.test(sentence.text)) continue
    let named = false
    for (const [measure, pattern] of MEASURE_PATTERNS) {
      const match = pattern.exec(sentence.text)
      if (!match) continue
      named = true
      const focus = { start: sentence.start + match.index, end: sentence.start + match.index + match[0].length }
      list.add('securityMeasure', { measure }, sentence, draftReason('names', { wording: match[0] }), measure, focus)
    }
    if (!named && /\bencrypt\w*/i.test(sentence.text)) list.add('securityMeasure', {}, sentence, draftReason('encryptionUnspecified'), 'encryption')
  }
}

function roles(sentences: readonly Sentence[], list: ProposalList): void {
  for (const sentence of sentences) {
    if (/\b(?:we are|we act as|acts? as|is|are) (?:the |a |an )?(?:independent |joint )?(?:data )?controllers?\b/i.test(sentence.text)) {
      list.add('role', { role: 'controller' }, sentence, draftReason('controllerStated'), 'controller')
    }
    if (/\b(?:we are|we act as|acts? as|is|are) (?:the |a |an )?(?:data )?processors?\b|\bon behalf of (?:our )?(?:customers|clients|account owners)\b/i.test(sentence.text)) {
      list.add('role', { role: 'processor' }, sentence, draftReason('processorStated'), 'processor')
    }
  }
}

const ACTIVITY_WORDS = /\b(?:collect\w*|use|uses|using|shar\w*|disclos\w*|marketing|advertis\w*|cookies?|analytics?|support|recruit\w*|jobs?|applications?|payments?|accounts?|newsletters?|surveys?|content|communications?|integrations?|replay|research|sources?|automatically)\b/i
const NOT_AN_ACTIVITY = /\b(?:rights?|choices?|contact us|changes?|updates?|retention|retain|security|children|child|transfers?|definitions?|california|jurisdiction|contents|opt|questions|how to contact|effective|last updated)\b/i

function activities(sentences: readonly Sentence[], list: ProposalList): void {
  for (const sentence of sentences) {
    if (!sentence.heading || sentence.bullet || !ACTIVITY_WORDS.test(sentence.text) || NOT_AN_ACTIVITY.test(sentence.text)) continue
    const name = sentence.text.replace(/^\s*\d+[.)]?\s*/, '').replace(/[:\s]+$/, '')
    if (name.length < 4) continue
    list.add('activity', { name }, sentence, draftReason('activityHeading'), name.toLowerCase())
  }
}

function vendors(text: string, sentences: readonly Sentence[], vendorOption: string | undefined, list: ProposalList): Set<string> {
  const stems = new Set<string>()
  const option = vendorOption?.trim()
  if (option) {
    stems.add(stemOf(option.split(/\s+/)[0]!))
    const lower = option.toLowerCase()
    const sentence = sentences.find((candidate) => candidate.text.toLowerCase().includes(lower))
    if (sentence) {
      const at = sentence.text.toLowerCase().indexOf(lower)
      list.add('vendor', { name: option }, sentence, draftReason('vendorGiven'), nameKey(option), { start: sentence.start + at, end: sentence.start + at + option.length })
    }
  }
  const entities = findLegalEntities(text, sentences)
  const first = entities[0]
  if (!option && first) stems.add(stemOf(first.tokens[0]!))
  if (!option && !first) {
    // No legal entity: the name the policy repeats most (at least three times) is most likely its author's.
    const top = repeatedNames(text, sentences)[0]
    if (top && top.count >= 3) {
      stems.add(stemOf(top.found.tokens[0]!))
      list.add('vendor', { name: top.found.name }, top.sentence, draftReason('vendorRepeated', { count: top.count }), nameKey(top.found.name), { start: top.found.start, end: top.found.end })
    }
  }
  for (const entity of entities) {
    if (!stems.has(stemOf(entity.tokens[0]!))) continue
    list.add('vendor', { name: entity.name }, entity.sentence, draftReason('vendorEntity'), nameKey(entity.name), { start: entity.start, end: entity.end })
  }
  return stems
}

export interface DraftCandidates {
  /** Every proposal the rules make (with the model's learned and rejected wordings), before its scorers keep or drop any. */
  proposals: DraftProposal[]
  /** What the learned scorers read, by proposal id (sub-processors and retention). */
  features: ReadonlyMap<string, Features>
}

/** The rules' proposals with their features, before the learned scorers: what `learn.ts` fits on. */
export function draftCandidates(text: string, options: DraftOptions = {}): DraftCandidates {
  const analysis = options.analysis?.text === text ? options.analysis : undefined
  const sentences = splitSentences(text, analysis)
  const list = new ProposalList(text)
  const model = options.model === undefined ? SHIPPED_MODEL : options.model
  const vendorStems = vendors(text, sentences, options.vendor, list)
  roles(sentences, list)
  activities(sentences, list)
  const rejected = new Set(model?.rejectedCategoryWordings.map(({ key, wording }) => `${key}|${wording}`))
  dataCategories(sentences, list, model ? learnedLexicon(model.categoryWordings) : CATEGORY_LEXICON, rejected)
  dataSubjects(sentences, list)
  purposes(sentences, list)
  retention(sentences, list)
  recipients(sentences, list)
  subProcessors(text, sentences, vendorStems, list)
  transfers(sentences, list)
  securityMeasures(sentences, list)
  const proposals = dropPartialNames(list.proposals).sort((a, b) => a.span.start - b.span.start || a.field.localeCompare(b.field))
  return { proposals, features: list.features }
}

/** Whether the learned model's scorers keep a sub-processor or retention candidate. */
function keptByModel(proposal: DraftProposal, features: Features | undefined, model: LearnedDraftingModel): boolean {
  switch (proposal.field) {
    case 'subProcessor':
      return features === undefined || keeps(model.subProcessor, features)
    case 'retention':
      return features === undefined || keeps(model.retention, features)
    default:
      return true
  }
}

/** Proposes a pack's values from a policy text. */
export function draftFromPolicy(text: string, options: DraftOptions = {}): Draft {
  const model = options.model === undefined ? SHIPPED_MODEL : options.model
  const candidates = draftCandidates(text, options)
  const proposals = model ? candidates.proposals.filter((proposal) => keptByModel(proposal, candidates.features.get(proposal.id), model)) : candidates.proposals
  return { proposals, gaps: gapsFor(proposals) }
}

const GAP_FIELDS: readonly DraftField[] = ['vendor', 'role', 'dataCategory', 'dataSubject', 'purpose', 'retention', 'recipient', 'subProcessor', 'transfer', 'securityMeasure']

/** The fields nothing was proposed (or accepted) for: where the policy may be silent. */
export function gapsFor(proposals: readonly DraftProposal[]): DraftGap[] {
  const present = new Set(proposals.map((proposal) => proposal.field))
  return GAP_FIELDS.filter((field) => !present.has(field)).map((field) => ({
    field,
    note: draftReason('nothingFound', { field: draftReason(`field.${field}`) })
  }))
}

/**
 * The value a passage the author selected proposes for a field, read by the same rules as a whole
 * policy; where no rule reads one, the passage itself (a name, a description) or nothing.
 */
export function valueForSelection<F extends DraftField>(field: F, passage: string): DraftValueByField[F] {
  // The author chose the field: a term is read from the passage whatever the sentence says around it.
  if (field === 'dataCategory' || field === 'dataSubject') {
    const term = matchTerms(passage, field === 'dataCategory' ? CATEGORY_LEXICON : SUBJECT_LEXICON)[0]
    if (term) return { term: term.key, wording: term.wording } as DraftValueByField[F]
  }
  // The rules alone: the author chose this passage for this field, so no learned scorer second-guesses it.
  const found = draftFromPolicy(passage, { model: null }).proposals.find((proposal) => proposal.field === field)
  if (found) return found.value as DraftValueByField[F]
  const words = passage.replace(/\s+/g, ' ').trim()
  const fallback: { [K in DraftField]: DraftValueByField[K] } = {
    vendor: { name: words.slice(0, 300) },
    role: { role: /\bprocessor\b|on behalf of/i.test(words) ? 'processor' : 'controller' },
    activity: { name: words.slice(0, 300) },
    dataCategory: { term: `custom:${words.slice(0, 200)}`, wording: words.slice(0, 2000) },
    dataSubject: { term: `custom:${words.slice(0, 200)}`, wording: words.slice(0, 2000) },
    purpose: { description: words.slice(0, 2000), uses: [], ...(lawfulBasisOf(words) ? { lawfulBasis: lawfulBasisOf(words)! } : {}) },
    retention: { mode: 'criterion', criterion: words.slice(0, 2000) },
    recipient: { name: words.slice(0, 500), type: 'not-stated' },
    subProcessor: { name: words.slice(0, 500) },
    transfer: { country: '', countryCode: '' },
    securityMeasure: {}
  }
  return fallback[field]
}
