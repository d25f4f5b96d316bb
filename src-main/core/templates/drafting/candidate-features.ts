/**
 * What the learned scorers look at: plain features of a candidate and the sentence around it,
 * each 0 or 1, about wording, never about a particular vendor. (Features read from wink's parts
 * of speech, a proper-noun share, the word class before or after a name, were tried and left
 * out: fitted leave-one-out they lowered sub-processor precision from 0.64 to 0.43–0.60.)
 */
import type { Features } from './learned-model'
import type { Sentence, Span } from './segment'

const flag = (condition: boolean): number => (condition ? 1 : 0)
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export interface NameCandidate extends Span {
  name: string
  /** "bullet": a bare name on a bullet line; "kind": a kind of provider the policy abbreviates (CDNs). */
  how: 'name' | 'bullet' | 'kind'
}

export function subProcessorFeatures(text: string, sentence: Sentence, candidate: NameCandidate, vendorStems: ReadonlySet<string>): Features {
  const before = text.slice(Math.max(sentence.start, candidate.start - 80), candidate.start)
  const after = text.slice(candidate.end, Math.min(sentence.end, candidate.end + 80))
  const sentenceText = sentence.text
  const occurrences = text.split(candidate.name).length - 1
  const features: Features = {
    kindOfProvider: flag(candidate.how === 'kind'),
    bareBullet: flag(candidate.how === 'bullet'),
    providerWordBefore: flag(/\b(?:service providers?|providers?|vendors?|sub-?processors?|processors?|partners?)\b/i.test(before)),
    listIntroBefore: flag(/\b(?:such as|including|like|e\.g\.,?|for example,?)\s+(?:those\s+)?(?:[\w.&’'-]+\s*,?\s*(?:and|or)?\s*){0,6}$/i.test(before)),
    weUseBefore: flag(/\b(?:we|our \w+) (?:use|uses|employ|engage|rely on|utili[sz]e|deploy|work with|partner with)\s+(?:the\s+)?$/i.test(before)),
    providedByBefore: flag(/\b(?:provided|powered|hosted|operated|supplied|offered) by\s+$|\b(?:via|through)\s+(?:the\s+)?$/i.test(before)),
    serviceAfter: flag(/^[’']?s?\s*(?:\([^)]{1,20}\)\s*)?(?:,\s*)?(?:to (?:store|host|process|collect|play|provide|analy[sz]e|deliver|send|record|understand|measure|help)|for (?:hosting|storage|analytics|payments?|e-?mail)|(?:secure )?(?:storage|hosting|cloud) services?)/i.test(after)),
    privacyPracticesAfter: flag(/^[’']s (?:privacy|use of|practices)|^\s*(?:privacy (?:policy|notice)|opt-?out)/i.test(after) || /\bprivacy (?:policy|practices|notice) of\s+$/i.test(before)),
    corporateSuffix: flag(/,?\s*(?:Inc|LLC|Ltd|GmbH|Corp|Limited|plc)\.?$/.test(candidate.name) || /^[’']?,?\s*(?:Inc|LLC|Ltd|GmbH|Corp|Limited)\b/.test(after)),
    socialOrStore: flag(/\bsocial (?:media|network)|\bfollow us\b|\bapp store\b|\bdownload\w*\b|\bbuttons?\b|\bpages? on\b|\bon (?:our|their|your) pages?\b|\bpost(?:s|ed|ing)?\b/i.test(sentenceText)),
    integrationContext: flag(/\bintegrat\w*|\bauthori[sz]e\b|\byour (?:\w+ )?account with\b|\bconnect (?:your|to)\b|\bpermissions?\b/i.test(sentenceText)),
    // "the Example Technology includes ... such as X", "Example integrates with X", "authorize Example to access X": the vendor's own products and integrations.
    vendorProduct: flag([...vendorStems].some((stem) => stem.length > 2 && new RegExp(`\\b${escapeRegExp(stem)}\\w*(?:[’']s)? (?:\\w+ )?(?:technolog(?:y|ies)|products?|platforms?|integrat\\w*|applications?|apps?)\\b|\\bauthori[sz]e ${escapeRegExp(stem)}`, 'i').test(sentenceText))),
    technologyWord: flag(/\b(?:technolog(?:y|ies)|protocol|encryption|standard|framework|self-regulatory|alliance|program(?:me)?)\b/i.test(sentenceText)),
    productsOfWord: flag(/\bproducts? (?:and|or) services\b|\bour (?:products|apps?|applications?)\b/i.test(sentenceText)),
    repeated: flag(occurrences >= 3),
    ownedBefore: flag(/\b(?:your|our|my|their)\s+$/i.test(before)),
    multiWord: flag(/\s/.test(candidate.name.replace(/\s*\([^)]*\)/g, '')))
  }
  return features
}

export function retentionFeatures(sentence: Sentence, hasPeriod: boolean): Features {
  const text = sentence.text
  const features: Features = {
    period: flag(hasPeriod),
    asLongAsNeeded: flag(/\bas long as (?:is |it is |we (?:need|have)|reasonably )?(?:necessary|needed|required|need|appropriate)|\bfor (?:any|the) (?:lawfully permitted|necessary) period\b/i.test(text)),
    weRetain: flag(/\bwe (?:will |may |generally |only |typically )*(?:retain|keep|store|hold)\b/i.test(text)),
    retentionWord: flag(/\bretention\b|\bretain(?:ed)?\b/i.test(text)),
    deleteVerb: flag(/\b(?:delet|eras|destroy|anonymi[sz])\w*/i.test(text)),
    someoneElseDecides: flag(/\binstructions\b|\bcontrolled by\b|\bdetermined by\b|\b(?:account owner|our clients?|our customers?|the customer)\b|\bat the (?:direction|request) of\b/i.test(text)),
    conditionalStart: flag(/^\s*(?:when|once|if|after|in (?:cases?|the event) (?:where|that))\b/i.test(text)),
    leadIn: flag(/:\s*$/.test(text)),
    backups: flag(/\bback-?ups?\b|\barchives?\b/i.test(text)),
    lawfullyPermitted: flag(/\blawfully permitted\b|\brequired (?:or permitted )?by (?:applicable )?law\b|\blegal obligations?\b/i.test(text)),
    afterEvent: flag(/\b(?:after|afterwards|once|upon|following)\b/i.test(text)),
    requestOrRevoke: flag(/\brevok\w*|\bwithdraw\w*|\brequests?\b|\bclose (?:your )?account\b/i.test(text)),
    long: flag(text.split(/\s+/).length > 40)
  }
  return features
}
