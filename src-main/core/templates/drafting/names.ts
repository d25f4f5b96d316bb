/**
 * Proper names in a policy: runs of capitalised words ("Acme Cloud Storage", "ExampleSoft, Inc.").
 * A word counts as part of a name only if the policy never writes it in lower case (outside web
 * and e-mail addresses): "Services" or "Personal Information" are written both ways, a product
 * name is not. Legal-entity suffixes (Inc., Ltd, GmbH...) mark a company. No name is listed here.
 */
import { resolveDestinationCode } from '../../legal/destinations'
import { CATEGORY_LEXICON, matchTerms } from './lexicon'
import type { Sentence } from './segment'

export interface FoundName {
  name: string
  tokens: string[]
  start: number
  end: number
}

const CORPORATE_SUFFIX = /^(?:Inc|Inc\.|LLC|L\.L\.C\.|Ltd|Ltd\.|Limited|GmbH|S\.A\.|S\.A\.S\.|SAS|B\.V\.|N\.V\.|Corp|Corp\.|Corporation|plc|PLC|AG|SE|Pty|Oy|AB|ApS|S\.r\.l\.|SpA|S\.p\.A\.|LLP|LP|KG|Co\.)$/

/** Capitalised words that are never a provider's name on their own: pronouns, legal and web words. */
const NOT_A_NAME = new Set(
  (
    'i we you he she it they our your their us my this that these those the a an if in on at for to of and or but by with from as when where while ' +
    'what which who how why all any each some such other please note also may can will must should would could do does not no yes ' +
    'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday ' +
    'gdpr ccpa cpra uk gdpr eea eu us usa api apis url urls ip sdk sdks scc sccs dpf dpa dpo id ids faq html pdf ai ml sms tls ssl https http aes cv cvs ' +
    'llc inc ltd europe european union economic area california virginia colorado connecticut utah nevada texas oregon delaware new york washington ' +
    'state states act regulation directive article section policy notice terms privacy shield framework data protection officer representative ' +
    'internet web website websites site sites online mobile email e-mail code civil law laws court commission consumer consumers authority council courts ombudsman department agency bureau office board controller processor owner owners customer customers user users member members'
  ).split(/\s+/)
)

/** Words written in lower case somewhere in the text (URLs and e-mail addresses left out). */
let lowerWordsCache: { text: string; words: Set<string> } | undefined
function lowerCaseWords(text: string): Set<string> {
  if (lowerWordsCache?.text === text) return lowerWordsCache.words
  const words = new Set<string>()
  const plain = text.replace(/\b(?:https?:\/\/|www\.)\S+|\S+@\S+|\b[\w-]+\.(?:com|org|net|io|ai|co|de|fr|uk|eu)\b\S*/gi, ' ')
  for (const match of plain.matchAll(/(?<![\w'’-])[a-z][a-z'’-]*/g)) words.add(match[0].replace(/['’]s$/, ''))
  lowerWordsCache = { text, words }
  return words
}

/** Runs that are (or hold) a country's name: "United States", "United Kingdom". */
const COUNTRY_WORDS = /\bUnited\s+(?:States|Kingdom|Arab Emirates)\b/

const TOKEN = /[A-Za-z][A-Za-z0-9'’&.-]*[A-Za-z0-9.]|[A-Za-z]/g

function isCapitalised(token: string): boolean {
  return /^[A-Z]/.test(token) || /^[a-z]{1,2}[A-Z]/.test(token)
}

/** "ActivityType" made of two words the text writes in lower case is text run together (a table), not a name. */
function isRunTogether(token: string, lowerWords: Set<string>): boolean {
  const parts = token.split(/(?<=[a-z])(?=[A-Z])/)
  return parts.length > 1 && parts.every((part) => lowerWords.has(part.toLowerCase()))
}

/** Words that start sentences: a lone capitalised word there is a name only if the text also capitalises it elsewhere. */
let midSentenceCache: { text: string; words: Set<string> } | undefined
function capitalisedMidSentence(text: string): Set<string> {
  if (midSentenceCache?.text === text) return midSentenceCache.words
  const words = new Set<string>()
  for (const match of text.matchAll(/(?<=[a-z,;] )[A-Z][A-Za-z0-9'’&-]*/g)) words.add(match[0].replace(/['’]s$/, ''))
  midSentenceCache = { text, words }
  return words
}

/** A token's plain form: no possessive, no trailing full stop (kept for suffixes like "Inc."). */
function bare(token: string): string {
  const withoutPossessive = token.replace(/['’]s$/, '')
  return CORPORATE_SUFFIX.test(withoutPossessive) ? withoutPossessive : withoutPossessive.replace(/\.+$/, '')
}

/** Runs of capitalised tokens in the sentence, split where anything but a space (or ", " before a suffix) stands between. */
function capitalisedRuns(text: string, sentence: Sentence): FoundName[] {
  const runs: FoundName[] = []
  let current: { tokens: string[]; start: number; end: number } | null = null
  TOKEN.lastIndex = 0
  const body = sentence.text
  for (let match = TOKEN.exec(body); match; match = TOKEN.exec(body)) {
    const token = bare(match[0])
    const start = sentence.start + match.index
    const end = start + token.length
    const gap = current ? text.slice(current.end, start) : ''
    const joins = current !== null && (/^[ \t]*\n?[ \t]*$/.test(gap) && gap.length > 0 || (gap === ', ' && CORPORATE_SUFFIX.test(token)))
    if (isCapitalised(token)) {
      if (current && joins) {
        current.tokens.push(token)
        current.end = end
      } else {
        if (current) runs.push({ ...current, name: text.slice(current.start, current.end) })
        current = { tokens: [token], start, end }
      }
    } else {
      if (current) runs.push({ ...current, name: text.slice(current.start, current.end) })
      current = null
    }
  }
  if (current) runs.push({ ...current, name: text.slice(current.start, current.end) })
  return runs
}

/** Whether a capitalised token is name-like in this text: never written in lower case, and not a common word. */
function nameLike(token: string, lowerWords: Set<string>): boolean {
  const lower = token.toLowerCase()
  if (NOT_A_NAME.has(lower) || CORPORATE_SUFFIX.test(token)) return false
  if (lowerWords.has(lower) || lowerWords.has(lower.replace(/s$/, ''))) return false
  return !isRunTogether(token, lowerWords)
}

/** The proper names a sentence contains, trimmed of the common words around them. */
export function findNames(text: string, sentence: Sentence): FoundName[] {
  const lowerWords = lowerCaseWords(text)
  const found: FoundName[] = []
  for (const run of capitalisedRuns(text, sentence)) {
    if (resolveDestinationCode(run.name) !== '' || COUNTRY_WORDS.test(run.name)) continue
    // Trim leading and trailing words that are not name-like (suffixes may stay at the end).
    let first = 0
    let last = run.tokens.length - 1
    while (first <= last && !nameLike(run.tokens[first]!, lowerWords)) first += 1
    // Product names often end in common words ("... Cloud Platform", "... Analytics"): only function and legal words are trimmed at the end.
    while (last > first && NOT_A_NAME.has(run.tokens[last]!.toLowerCase().replace(/['’]s$/, ''))) last -= 1
    if (first > last) continue
    // "Account Owner": a common word in front makes the rest a phrase of the policy, not a name.
    if (run.tokens.slice(0, first).some((token) => !NOT_A_NAME.has(token.toLowerCase()))) continue
    const tokens = run.tokens.slice(first, last + 1)
    const startOffset = text.indexOf(tokens[0]!, run.start + (first === 0 ? 0 : run.tokens.slice(0, first).join(' ').length))
    const lastToken = tokens[tokens.length - 1]!
    const endOffset = text.indexOf(lastToken, startOffset + tokens.slice(0, -1).join(' ').length) + lastToken.length
    if (startOffset < 0 || endOffset <= startOffset) continue
    const name = text.slice(startOffset, endOffset)
    const atSentenceStart = text.slice(sentence.start, startOffset).replace(/^\s*(?:[•·▪◦*\-–—]|\(?[0-9a-z]{1,3}[.)])?\s*/i, '') === ''
    if (tokens.length === 1 && atSentenceStart && !capitalisedMidSentence(text).has(tokens[0]!)) continue
    if (name.length < 2 || resolveDestinationCode(name) !== '') continue
    // A lone acronym ("SSO", "LDAP") is more often a technical term than a company.
    if (tokens.length === 1 && /^[A-Z0-9]{2,6}s?$/.test(tokens[0]!)) continue
    // "Name" or "Email Address" written with capitals are data, not a provider.
    const asData = matchTerms(name, CATEGORY_LEXICON)
    if (asData.some((term) => term.end - term.start >= name.length - 1)) continue
    found.push({ name, tokens, start: startOffset, end: endOffset })
  }
  return found
}

/**
 * Capitalised runs with at least one name-like word, counted over the whole text; the most
 * repeated is most likely the policy's author ("Example Labs" written out nine times).
 */
export function repeatedNames(text: string, sentences: readonly Sentence[]): Array<{ found: FoundName; sentence: Sentence; count: number }> {
  const lowerWords = lowerCaseWords(text)
  const counts = new Map<string, { found: FoundName; sentence: Sentence; count: number }>()
  for (const sentence of sentences) {
    for (const run of capitalisedRuns(text, sentence)) {
      let first = 0
      let last = run.tokens.length - 1
      while (first <= last && NOT_A_NAME.has(run.tokens[first]!.toLowerCase())) first += 1
      while (last >= first && (NOT_A_NAME.has(run.tokens[last]!.toLowerCase().replace(/['’]s$/, '')) || CORPORATE_SUFFIX.test(run.tokens[last]!))) last -= 1
      const tokens = run.tokens.slice(first, last + 1)
      if (tokens.length === 0 || !tokens.some((token) => nameLike(token, lowerWords))) continue
      if (resolveDestinationCode(tokens.join(' ')) !== '' || COUNTRY_WORDS.test(tokens.join(' '))) continue
      const start = text.indexOf(tokens[0]!, run.start)
      const lastToken = tokens[tokens.length - 1]!
      const end = text.indexOf(lastToken, start + tokens.slice(0, -1).join(' ').length) + lastToken.length
      const key = nameKey(tokens.join(' '))
      const entry = counts.get(key) ?? { found: { name: text.slice(start, end), tokens, start, end }, sentence, count: 0 }
      entry.count += 1
      counts.set(key, entry)
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.found.start - b.found.start)
}

export interface FoundEntity extends FoundName {
  sentence: Sentence
}

/** Companies named with a legal-entity suffix ("Example Labs, Inc."), in order of appearance. */
export function findLegalEntities(text: string, sentences: readonly Sentence[]): FoundEntity[] {
  const entities: FoundEntity[] = []
  for (const sentence of sentences) {
    for (const run of capitalisedRuns(text, sentence)) {
      const suffixAt = run.tokens.findIndex((token, index) => index > 0 && CORPORATE_SUFFIX.test(token))
      if (suffixAt < 0) continue
      let first = 0
      while (first < suffixAt && NOT_A_NAME.has(run.tokens[first]!.toLowerCase())) first += 1
      if (first === suffixAt) continue
      const tokens = run.tokens.slice(first, suffixAt + 1)
      const start = text.indexOf(tokens[0]!, run.start)
      const end = start + text.slice(start, run.end).length
      const suffix = tokens[tokens.length - 1]!
      const suffixEnd = text.indexOf(suffix, start) + suffix.length
      entities.push({ name: text.slice(start, Math.min(end, suffixEnd)), tokens, start, end: Math.min(end, suffixEnd), sentence })
    }
  }
  return entities
}

/** A name compared loosely: lower case, no legal-entity suffix, no punctuation. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[,.]?\s*\b(?:inc|llc|ltd|limited|gmbh|corp|corporation|plc|ag|sa|sas|bv|nv|co)\b\.?/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}
