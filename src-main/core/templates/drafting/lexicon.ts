/**
 * The words policies use for the vocabulary's terms. Each vocabulary entry is found by its own
 * name and by the synonyms below (plain English, about kinds of data, people and purposes:
 * no vendor, product or company is named here). Phrases are matched as whole words, case-insensitive;
 * a trailing "s" is allowed. `(?<!...)` guards keep "company name" from reading as a person's name.
 */
import { VOCABULARY, type VocabularyKind } from '../../vocabulary/vocabulary'

/** Synonyms by vocabulary key, as regular-expression fragments. */
const CATEGORY_SYNONYMS: Record<string, readonly string[]> = {
  'user.name': ['(?<!(?:company|domain|file|brand|business|product|trade|user|account|organi[sz]ation|legal|host|display|page|group)[ -])names?', 'full names?', 'first and last names?'],
  'user.name.first': ['first names?', 'given names?'],
  'user.name.last': ['last names?', 'surnames?', 'family names?'],
  'user.contact': ['contact (?:information|details|data|info)', 'contact or identifier information'],
  'user.contact.email': ['e-?mail(?: address(?:es)?)?', 'email address(?:es)?'],
  'user.contact.phone_number': ['(?:tele|mobile |cell )?phone(?: numbers?)?', 'telephone numbers?', 'mobile numbers?'],
  'user.contact.address': ['(?:postal|mailing|physical|street|home|business|billing|shipping) address(?:es)?', '(?<!(?:ip|e-?mail|mac|web|internet protocol|url) )address(?:es)?(?! (?:your|the|this|any|our|these|them|it|such))'],
  'user.contact.address.postal_code': ['(?:postal|zip) codes?'],
  'user.contact.organization': ['company names?', 'organi[sz]ation names?', 'name of (?:your|the) (?:company|organi[sz]ation|employer)'],
  'user.workplace': ['employer', 'company you work for', 'place of work', 'workplace', 'company affiliation', 'organi[sz]ation you work for'],
  'user.job_title': ['job titles?', 'professional titles?', 'job functions?', 'job roles?', 'positions? (?:at|in|with) (?:your|the) (?:company|organi[sz]ation)'],
  'gdpr.professional_profile': ['professional (?:information|background|experience|details|profile|history)', '(?:employment|work|career) history', 'cvs?', 'r[ée]sum[ée]s?', 'qualifications', 'education(?:al)? (?:history|background)', 'professional networking profiles?'],
  'user.account': ['account (?:information|details|data)', 'registration (?:information|details|data)', 'account credentials'],
  'user.account.username': ['user ?names?', 'login names?', 'screen names?'],
  'user.account.settings': ['account settings', 'settings and preferences', 'preferences'],
  'user.authorization': ['permissions', 'access rights', 'authori[sz]ation (?:information|data|tokens?)'],
  'user.authorization.password': ['passwords?', 'passcodes?'],
  'user.authorization.credentials': ['(?:login|log-in|sign-in|access) credentials', 'credentials', 'security codes?', 'security questions?'],
  'user.behavior': ['usage (?:data|information|details|statistics|patterns)', '(?:information|data|details) about (?:your|how you) (?:use|usage|interactions?|visits?)', 'interactions? with (?:our|the) (?:services?|websites?|sites?|platform|app(?:lication)?s?|emails?)', 'clicks', 'mouse movements', 'scrolls', 'keystrokes', 'browsing behaviou?r', 'activity (?:data|information|logs?)', 'how you (?:use|interact with|navigate)', 'features? (?:you )?used', 'actions? (?:you )?(?:take|took)', 'time spent'],
  'user.behavior.browsing_history': ['browsing (?:history|activity|activities)', 'pages? (?:you )?(?:visited|viewed|view|visit)', 'referring (?:urls?|web ?(?:site|page)s?|pages?)', 'referr(?:er|al) urls?', 'websites? (?:you )?visited', 'links? (?:you )?(?:click|clicked)', 'clickstream(?: data)?', 'online activit(?:y|ies)', 'traffic data', 'exit pages?', 'entry pages?', 'navigation paths?'],
  'user.behavior.search_history': ['search (?:history|queries|terms)'],
  'user.behavior.purchase_history': ['purchase history', 'transaction history', 'order history', 'purchases'],
  'user.behavior.media_consumption': ['(?:videos?|content|media) (?:you )?(?:watched|viewed|played)', 'viewing (?:history|habits|activity)', 'media consumption', 'playback (?:data|information|events?)'],
  'user.device': ['device (?:information|data|details|type|types|model|characteristics)', 'browser (?:type|types|version|information|settings|language)', 'operating systems?', '(?:hardware|computer) models?', 'internet connection', 'internet service providers?', 'equipment', 'mobile network information', 'platform type', 'screen resolution'],
  'user.device.ip_address': ['ip address(?:es)?', 'internet protocol (?:\\(ip\\) )?address(?:es)?'],
  'user.device.device_id': ['device (?:identifiers?|ids?)', 'unique device identifiers?', 'mobile advertising (?:identifiers?|ids?)', 'advertising (?:identifiers?|ids?)', 'udids?'],
  'user.device.cookie': ['cookies?', 'web beacons?', 'pixel tags?', 'pixels?', 'local storage', 'web storage', 'sdks?', 'tracking technolog(?:y|ies)'],
  'user.device.cookie_id': ['cookie (?:identifiers?|ids?)'],
  'user.location': ['location(?: data| information)?', 'geo-?location(?: data| information)?', 'geographic(?:al)? location'],
  'user.location.imprecise': ['(?:approximate|general|coarse|imprecise|city-level|country-level) (?:geo-?)?location(?: data| information)?', 'location (?:inferred|derived) from (?:your )?ip', 'time ?zone'],
  'user.location.precise': ['precise (?:geo-?)?location(?: data| information)?', 'gps (?:location|data|coordinates)'],
  'user.payment': ['payment (?:information|details|data|method|card)', 'billing (?:information|details|data)', 'transaction (?:information|details|data)'],
  'user.financial': ['financial (?:information|details|data|account details)', 'bank(?:ing)? details'],
  'user.financial.credit_card': ['(?:credit|debit) card(?: numbers?| details| information)?', 'card numbers?'],
  'user.financial.bank_account': ['bank account(?: numbers?| details| information)?', 'iban'],
  'user.demographic': ['demographic (?:information|data|details)', 'demographics'],
  'user.demographic.age_range': ['age ranges?'],
  'user.demographic.date_of_birth': ['dates? of birth', 'birth ?dates?', 'birthdays?'],
  'user.demographic.gender': ['gender', 'sex(?! life)'],
  'user.demographic.language': ['(?:preferred )?languages?(?: preferences?| settings?)?'],
  'user.demographic.profile': ['profile (?:information|details|data)', 'user profiles?', '(?:your |a )?profile'],
  'user.content': ['user content', 'content (?:you|that you) (?:create|upload|post|provide|submit|share|publish)', '(?:file )?uploads', 'uploaded (?:files|content|data|media)', 'files (?:you )?(?:upload|share)', 'media (?:assets|files)', 'user[- ]generated content', 'attachments'],
  'user.content.public': ['public posts?', 'reviews', 'comments', 'posts', 'testimonials'],
  'user.content.self_image': ['photo(?:graph)?s?', 'profile (?:pictures?|photos?|images?)', 'images? of you', 'avatars?', 'video (?:images?|recordings?) of you'],
  'user.social': ['social (?:media|network(?:ing)?) (?:information|data|profiles?|accounts?|activity|handles?)', 'social media', 'social networks?'],
  'user.unique_id': ['unique identifiers?', 'user ids?', 'account ids?', 'customer ids?', 'unique ids?', 'identifiers?'],
  'user.unique_id.pseudonymous': ['pseudonymous (?:identifiers?|ids?)', 'hashed (?:identifiers?|e-?mail(?: address(?:es)?)?)'],
  'user.telemetry': ['telemetry(?: data)?', 'diagnostic (?:data|information)', 'crash (?:reports?|data)', 'log (?:data|files|information)', 'logs', 'performance data', 'error reports?', 'system logs?', 'technical (?:data|information)'],
  'user.privacy_preferences': ['privacy (?:preferences|settings|choices)', '(?:cookie|marketing|communications?|consent|e-?mail) preferences', 'opt-?(?:in|out) (?:choices|status|preferences)', 'consent (?:records?|status)', 'unsubscribe requests?'],
  'user.government_id': ['government[- ](?:issued )?(?:identification|ids?|identity documents?)', 'identity documents?', 'id cards?', 'identification documents?', 'proof of identity'],
  'user.government_id.passport_number': ['passport(?: numbers?)?'],
  'user.government_id.drivers_license_number': ["driver'?s'? licen[cs]e(?: numbers?)?", 'driving licen[cs]e(?: numbers?)?'],
  'user.government_id.national_identification_number': ['social security numbers?', 'national (?:identification|insurance|id) numbers?', 'tax (?:identification )?numbers?'],
  'user.health_and_medical': ['health (?:information|data|conditions?)', 'medical (?:information|data|records?|history)'],
  'user.health_and_medical.genetic': ['genetic (?:data|information)'],
  'user.biometric': ['biometric (?:data|information|identifiers?)', 'facial (?:recognition|geometry|features)'],
  'user.biometric.fingerprint': ['fingerprints?'],
  'user.biometric.voice': ['voice (?:recordings?|prints?|data|samples?)', 'recordings? of (?:your )?voice'],
  'user.demographic.race_ethnicity': ['racial or ethnic origin', 'race', 'ethnicity'],
  'user.demographic.political_opinion': ['political (?:opinions?|views|affiliations?)'],
  'user.demographic.religious_belief': ['religio(?:n|us beliefs?)'],
  'user.demographic.sexual_orientation': ['sexual orientation'],
  'user.criminal_history': ['criminal (?:records?|history|convictions?|offen[cs]es)'],
  'gdpr.communications': ['communications? (?:information|data|content)', 'content of (?:your )?(?:communications|messages|e-?mails|correspondence)', 'correspondence', 'messages?', 'chats?', 'support tickets?', 'inquir(?:y|ies)', 'enquir(?:y|ies)', 'feedback', 'call recordings?', 'recordings? of (?:calls|conversations)'],
  'gdpr.trade_union_membership': ['trade[- ]union membership'],
  'gdpr.sex_life': ['sex life']
}

const SUBJECT_SYNONYMS: Record<string, readonly string[]> = {
  customer: ['customers?', 'clients?', 'purchasers?', 'subscribers?'],
  prospect: ['prospects?', 'prospective (?:customers?|clients?)', 'potential (?:customers?|clients?)', 'leads'],
  employee: ['employees?', 'staff(?: members?)?', 'personnel'],
  job_applicant: ['job applicants?', '(?:job )?candidates?', 'applicants?', 'apply for a (?:job|position)'],
  visitor: ['(?:web ?site |site )?visitors?', 'visit our (?:web ?site|site)'],
  consultant: ['consultants?', 'contractors?', 'freelancers?'],
  supplier_vendor: ['suppliers?', 'vendors?'],
  shareholder: ['shareholders?', 'investors?'],
  patient: ['patients?'],
  next_of_kin: ['next of kin', 'emergency contacts?'],
  anonymous_user: ['anonymous users?'],
  'gdpr.child': ['children', 'child', 'minors?', 'under (?:the age of )?1[0-8]'],
  'gdpr.user': ['users?(?! content| ids?| names?)', 'account holders?', 'you use (?:our|the) (?:services?|platform|app|products?)'],
  'gdpr.business_contact': ['business contacts?', 'contacts? at (?:our )?(?:customers|clients|partners|suppliers)', '(?:partner|customer|client) representatives?', 'business (?:partners|representatives)'],
  'gdpr.client_end_user': ['end[- ]users?', "(?:our )?(?:customers|clients)['’] (?:users|end users|employees)", 'on behalf of (?:our )?(?:customers|clients)'],
  'gdpr.public_figure': ['publicly available (?:sources|profiles|information)', 'public sources']
}

const USE_SYNONYMS: Record<string, readonly string[]> = {
  'essential.service': ['provide (?:you with )?(?:and (?:maintain|operate) )?(?:our|the) (?:services?|products?|platform|website)', 'operate (?:our|the) (?:services?|platform|website)', 'deliver (?:our|the) (?:services?|products?)'],
  'essential.service.operations.support': ['(?:customer|technical) support', 'respond to (?:your )?(?:requests|questions|inquiries|enquiries|comments)', 'provide support', 'support requests?'],
  'essential.service.security': ['security', 'protect (?:the )?(?:security|integrity)', 'secure (?:our|the) (?:services?|platform|systems?)'],
  'essential.service.authentication': ['authenticat(?:e|ion)', 'verify (?:your )?identity', 'log ?in'],
  'essential.service.notifications': ['(?:service|administrative|transactional) (?:messages|communications|notifications|emails)', 'send (?:you )?(?:updates|notices|announcements|alerts)', 'notify you'],
  'essential.service.payment_processing': ['process (?:your )?(?:payments?|transactions?|orders?)', 'payment processing', 'billing'],
  'essential.fraud_detection': ['fraud', 'fraudulent'],
  'essential.legal_obligation': ['comply with (?:applicable |our )?(?:laws?|legal obligations?|regulations?)', 'legal obligations?', 'required by law'],
  'functional.service.improve': ['improve (?:our|the) (?:services?|products?|website|platform|features?)', 'improv(?:e|ing) (?:and develop(?:ing)? )?(?:our|the)', 'develop (?:new )?(?:products?|services?|features?)'],
  'functional.storage': ['store (?:your )?(?:preferences|settings|information on your device)', 'remember (?:your )?(?:preferences|settings)'],
  'analytics.reporting': ['analytics', 'analy[sz]e (?:how|the use|usage|trends|traffic)', 'statistics', 'measure (?:the )?(?:effectiveness|performance|usage|audience)', 'usage patterns', 'audience size'],
  'marketing.communications.email': ['(?:marketing|promotional) (?:e-?mails?|communications?|messages?)', 'newsletters?'],
  'marketing.communications': ['marketing communications', 'direct marketing'],
  'marketing.advertising': ['advertis(?:ing|ements?)', 'promot(?:e|ional)'],
  'marketing.advertising.third_party.targeted': ['interest-based advertising', 'targeted advertising', 'behaviou?ral advertising', 'personali[sz]ed (?:ads|advertising)'],
  personalize: ['personali[sz]e', 'customi[sz]e (?:your|the) (?:experience|content|website)', 'tailor'],
  'employment.recruitment': ['recruit(?:ment|ing)', 'job applications?', 'evaluate (?:your )?(?:application|qualifications|candidacy)', 'hiring'],
  'gdpr.business_transfer': ['merger', 'acquisition', 'sale of (?:all or (?:a portion|part) of )?(?:our )?(?:assets|business|company)', 'business transfers?', 'reorgani[sz]ation', 'bankruptcy'],
  'gdpr.legal_claims': ['legal claims', 'enforce (?:our )?(?:terms|agreements|rights)', 'protect (?:the )?(?:rights|property|safety)', 'legal process', 'court orders?', 'subpoena'],
  'gdpr.rights_requests': ['(?:privacy|data subject|consumer) (?:rights )?requests', 'exercise (?:your |these )?rights'],
  'gdpr.research': ['research', 'product development'],
  train_ai_system: ['train(?:ing)? (?:our |the )?(?:ai|artificial intelligence|machine[- ]learning|models?)', 'machine[- ]learning']
}

/** Names of vocabulary entries too generic to find on their own ("User Data", "Service"). */
const TOO_GENERIC_NAMES = new Set(['system data', 'user data', 'operations data', 'authentication data', 'collect', 'essential', 'functional', 'service', 'operations', 'sales', 'finance', 'marketing', 'analytics', 'organization', 'workplace', 'unique id', 'name', 'sensor data', 'user sensor data', 'user content'])

export interface LexiconEntry {
  key: string
  pattern: RegExp
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function compile(kind: VocabularyKind, synonyms: Record<string, readonly string[]>): LexiconEntry[] {
  const keys = new Set(VOCABULARY[kind].map((entry) => entry.key))
  const entries: LexiconEntry[] = []
  for (const entry of VOCABULARY[kind]) {
    const fragments = [...(synonyms[entry.key] ?? [])]
    const name = entry.name.toLowerCase().replace(/^user (contact )?/, '')
    if (!TOO_GENERIC_NAMES.has(entry.name.toLowerCase()) && entry.parent !== null) fragments.push(escapeRegExp(name))
    if (fragments.length === 0) continue
    entries.push({ key: entry.key, pattern: new RegExp(`(?<![\\w-])(?:${fragments.join('|')})(?![\\w-])`, 'gi') })
  }
  for (const key of Object.keys(synonyms)) if (!keys.has(key)) throw new Error(`drafting lexicon: "${key}" is not a ${kind} key`)
  return entries
}

export const CATEGORY_LEXICON = compile('dataCategories', CATEGORY_SYNONYMS)
export const SUBJECT_LEXICON = compile('dataSubjects', SUBJECT_SYNONYMS)
export const USE_LEXICON = compile('dataUses', USE_SYNONYMS)

export interface TermMatch {
  key: string
  start: number
  end: number
  wording: string
}

/** Every term named in `text`, longest first where two overlap (so "IP address" beats "address"). */
export function matchTerms(text: string, lexicon: readonly LexiconEntry[]): TermMatch[] {
  const found: TermMatch[] = []
  for (const { key, pattern } of lexicon) {
    pattern.lastIndex = 0
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (match[0].length === 0) {
        pattern.lastIndex += 1
        continue
      }
      found.push({ key, start: match.index, end: match.index + match[0].length, wording: match[0] })
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: TermMatch[] = []
  for (const candidate of found) {
    if (kept.some((other) => candidate.start < other.end && other.start < candidate.end)) continue
    kept.push(candidate)
  }
  return kept.sort((a, b) => a.start - b.start)
}

let learnedCache: { wordings: ReadonlyArray<{ wording: string; key: string }>; lexicon: LexiconEntry[] } | undefined

/**
 * The category lexicon with the phrases a learned model adds (`learned-model.ts`): each matched
 * as a whole phrase, case-insensitive, a trailing "s" allowed, and white space as any white space.
 */
export function learnedLexicon(wordings: ReadonlyArray<{ wording: string; key: string }>): LexiconEntry[] {
  if (wordings.length === 0) return CATEGORY_LEXICON
  if (learnedCache?.wordings === wordings) return learnedCache.lexicon
  const learned = wordings.map(({ wording, key }) => ({
    key,
    pattern: new RegExp(`(?<![\\w-])${escapeRegExp(wording).replace(/\s+/g, '\\s+')}s?(?![\\w-])`, 'gi')
  }))
  learnedCache = { wordings, lexicon: [...CATEGORY_LEXICON, ...learned] }
  return learnedCache.lexicon
}
