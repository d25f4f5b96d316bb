/**
 * How the text of a legacy register's cell becomes a record's value, in English, French and
 * German. Every reader returns undefined (or a blank) where the text does not say: a value is
 * never guessed. The caller keeps the original text in the record's import evidence.
 */
import countriesDe from 'i18n-iso-countries/langs/de.json'
import countriesEn from 'i18n-iso-countries/langs/en.json'
import countriesFr from 'i18n-iso-countries/langs/fr.json'
import {
  ART9_CONDITION_LABELS,
  DPIA_REQUIRED_LABELS,
  DPIA_STATUS_LABELS,
  LAWFUL_BASIS_LABELS,
  RECIPIENT_TYPE_LABELS,
  RECORD_STATUS_LABELS,
  SPECIAL_CATEGORY_LABELS,
  type Art9Condition,
  type DpiaRequired,
  type DpiaStatus,
  type LawfulBasis,
  type RecipientType,
  type RecordStatus,
  type SpecialCategory
} from '../records/enums'
import type { Retention } from '../records/model'
import { emptyRetention } from '../records/new-record'
import { resolveDestinationCode } from '../legal/destinations'
import { normaliseText } from './heading-dictionaries'

/** Splits a multi-value cell on new lines, semicolons and bullet characters. */
export function splitValues(text: string): string[] {
  return text
    .split(/\r?\n|;|[•◦▪‣●■]/)
    .map((part) => part.replace(/^\s*(?:[-*–]\s+)/, '').trim())
    .filter((part) => part !== '')
}

/** A cell that says there is nothing: "None", "N/A", "aucun", "keine". */
export function saysNone(text: string): boolean {
  return /^(none|no|n a|na|nil|aucune?s?|non|neant|keine?|nein|entfallt|nicht zutreffend|not applicable|sans objet)$/.test(normaliseText(text)) || /^[-—–]+$/.test(text.trim())
}

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').toLowerCase()

function byLabel<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  const wanted = normaliseText(text)
  return (Object.keys(labels) as T[]).find((key) => normaliseText(labels[key]) === wanted || normaliseText(key) === wanted)
}

// ---------------------------------------------------------------- Art. 6 and Art. 9

const BASIS_WORDS: ReadonlyArray<readonly [LawfulBasis, RegExp]> = [
  ['a', /\bconsent|consentement|einwilligung/],
  ['b', /\bcontract|contrat|vertrag|vertrags|pre-?contractual|precontractuel|vorvertraglich/],
  ['c', /legal obligation|statutory obligation|obligation legale|rechtliche verpflichtung|gesetzliche verpflichtung/],
  ['d', /vital interest|interets? vitaux|interet vital|lebenswichtige/],
  ['e', /public task|public interest|official authority|mission d'interet public|interet public|offentlichen interesse|offentliche gewalt|offentliches interesse/],
  ['f', /legitimate interest|interets? legitimes?|berechtigte[sn]? interesse/]
]

/**
 * The Art. 6(1) basis a text names: "Art 6(1)(b) contract", "6.1.f", "Art. 6 Abs. 1 lit. b
 * DSGVO", "legitimate interests", "contrat", "Vertrag". Undefined when it names none, or
 * several different ones.
 */
export function lawfulBasisOf(text: string): LawfulBasis | undefined {
  const label = byLabel(LAWFUL_BASIS_LABELS, text)
  if (label) return label
  const folded = fold(text)
  const letters = new Set<string>()
  for (const match of folded.matchAll(/6\s*(?:\(\s*1\s*\)|\.\s*1|\s*abs\.?\s*1|\s*para\.?\s*1|\s*,\s*(?:par(?:agraphe)?\.?|§)\s*1)\s*(?:\(\s*([a-f])\s*\)|\.?\s*lit\.?\s*([a-f])\b|,\s*(?:point\s*)?([a-f])\)|[.\s]?\s*([a-f])\b)/g)) {
    letters.add((match[1] ?? match[2] ?? match[3] ?? match[4])!)
  }
  if (letters.size === 1) return [...letters][0] as LawfulBasis
  if (letters.size > 1) return undefined
  const named = BASIS_WORDS.filter(([, pattern]) => pattern.test(folded)).map(([basis]) => basis)
  return named.length === 1 ? named[0] : undefined
}

/** The Art. 9(2) condition a text names by its letter ("Art 9(2)(h)", "Art. 9 Abs. 2 lit. b") or label. */
export function art9ConditionOf(text: string): Art9Condition | undefined {
  const label = byLabel(ART9_CONDITION_LABELS, text)
  if (label) return label
  // French: "art. 9, par. 2, point h)" (the app's own), "art. 9, § 2, h)", "article 9, paragraphe 2, point h)".
  const match = /9\s*(?:\(\s*2\s*\)|\.\s*2|\s*abs\.?\s*2|\s*,\s*(?:par(?:agraphe)?\.?|§)\s*2)\s*(?:\(\s*([a-j])\s*\)|\.?\s*lit\.?\s*([a-j])\b|,\s*(?:point\s*)?([a-j])\)|[.\s]?\s*([a-j])\b)/.exec(fold(text))
  const letter = match?.[1] ?? match?.[2] ?? match?.[3] ?? match?.[4]
  if (letter) return letter as Art9Condition
  if (/explicit consent|consentement explicite|ausdruckliche einwilligung/.test(fold(text))) return 'a'
  return undefined
}

const SPECIAL_WORDS: ReadonlyArray<readonly [SpecialCategory, RegExp]> = [
  ['health', /health|sante|gesundheit|medical|medic/],
  ['biometric', /biometri/],
  ['genetic', /genetic|genetique|genetisch/],
  ['racial-ethnic-origin', /racial|ethnic|origine raciale|ethni|rassisch/],
  ['political-opinions', /political|politique|politisch/],
  ['religious-philosophical-beliefs', /religio|philosophical|philosophique|weltanschau/],
  ['trade-union-membership', /trade[\s-]*union|syndica|gewerkschaft/],
  ['sex-life-orientation', /sex life|sexual orientation|orientation sexuelle|vie sexuelle|sexualleben|sexuelle orientierung/]
]

/** The Art. 9(1) category a text names ("Health data", "données de santé", "Gesundheitsdaten"). */
export function specialCategoryOf(text: string): SpecialCategory | undefined {
  const label = byLabel(SPECIAL_CATEGORY_LABELS, text)
  if (label) return label
  const named = SPECIAL_WORDS.filter(([, pattern]) => pattern.test(fold(text))).map(([category]) => category)
  return named.length === 1 ? named[0] : undefined
}

// ---------------------------------------------------------------- retention

const UNIT_WORDS: ReadonlyArray<readonly [Retention['unit'], string]> = [
  ['days', 'days?|jours?|j|tagen?|tage'],
  ['months', 'months?|mths?|mois|monaten?|monate'],
  ['years', 'years?|yrs?|y|ans?|annees?|jahren?|jahre']
]
const PERIOD = new RegExp(`^(?:(?:kept|retained|keep|conserv[ée]e?s?|aufbewahr\\w*)\\s+(?:for\\s+|pendant\\s+|für\\s+)?)?(\\d{1,3})\\s*(${UNIT_WORDS.map(([, words]) => words).join('|')})\\b\\.?\\s*(.*)$`, 'i')
const FROM_EVENT = /^[,:(]?\s*(?:after|from|following|since|of|apres|après|a compter de|à compter de|a partir de|à partir de|de la|du|nach|ab|seit)\s+(.+?)\)?$/i
const UNSTATED_RETENTION = /^(tbc|tbd|unknown|not (yet )?(known|specified|defined)|\?+|a definir|inconnue?|unbekannt|offen|noch offen)$/

/**
 * "3 yrs after last contact", "6 years", "5 ans après la fin du contrat", "10 Jahre nach Ende
 * des Geschäftsjahres" become a period with the event it runs from; "…, then anonymise" sets
 * what happens at the end; "TBC" is "not yet specified"; any other text is the criterion.
 */
export function retentionOf(text: string): Retention {
  const retention = emptyRetention()
  let rest = text.trim()
  if (rest === '' || UNSTATED_RETENTION.test(normaliseText(rest))) return retention
  const then = /,?\s*then\s+(erase|delete|destroy|anonymise|anonymize|review)\s*\.?$/i.exec(rest)
  if (then) {
    const action = then[1]!.toLowerCase()
    retention.endAction = action.startsWith('anonymi') ? 'anonymise' : action === 'review' ? 'review' : 'erase'
    rest = rest.slice(0, then.index).trim()
  }
  const period = PERIOD.exec(rest)
  if (period && Number(period[1]) > 0 && Number(period[1]) <= 1000) {
    const unitText = period[2]!.toLowerCase()
    const unit = UNIT_WORDS.find(([, words]) => new RegExp(`^(?:${words})$`, 'i').test(unitText))![0]
    const after = period[3]!.trim()
    const event = FROM_EVENT.exec(after)
    // What follows the period is the event it runs from; other wording is kept as the criterion.
    return { ...retention, mode: 'period', period: Number(period[1]), unit, fromEvent: event ? event[1]!.trim() : '', criterion: event || after === '' ? '' : text.trim() }
  }
  // The app's own export writes a criterion as "<criterion> (counted from <event>)".
  const counted = /\s*\(counted from (.+)\)$/i.exec(rest)
  if (counted) return { ...retention, mode: 'criterion', criterion: rest.slice(0, counted.index), fromEvent: counted[1]!.trim() }
  return { ...retention, mode: 'criterion', criterion: rest }
}

// ---------------------------------------------------------------- recipients

const RECIPIENT_WORDS: ReadonlyArray<readonly [RecipientType, RegExp]> = [
  ['processor', /\b(sub-?)?processors?\b|sous-traitan|auftragsverarbeit|unterauftragsverarbeit/],
  ['public-authority', /public authorit|public body|autorite publique|organisme public|behorde|offentliche stelle/],
  ['controller', /\bcontrollers?\b|responsables? (du|de) traitement|\bresponsable\b|verantwortliche/],
  ['internal', /\binternal\b|\binterne?s?\b|\bintern\b/]
]

/** The kind of recipient a text says it is; undefined when it does not say ("HMRC", "the police"). */
export function statedRecipientType(text: string): RecipientType | undefined {
  const label = byLabel(RECIPIENT_TYPE_LABELS, text)
  if (label) return label
  const folded = fold(text)
  return RECIPIENT_WORDS.find(([, pattern]) => pattern.test(folded))?.[0]
}

/** "Mailchimp (processor)", "Payroll bureau – processor", "HMRC": the name and the type the text states. */
export function recipientOf(line: string, headingType: RecipientType | undefined): { name: string; type: RecipientType } {
  const bracketed = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(line)
  if (bracketed && bracketed[1]!.trim() !== '') {
    const type = statedRecipientType(bracketed[2]!)
    if (type) return { name: bracketed[1]!.trim(), type }
  }
  const suffixed = /^(.*?)\s*[–—:-]\s*([^–—:-]+)$/.exec(line)
  if (suffixed && suffixed[1]!.trim() !== '') {
    const type = statedRecipientType(suffixed[2]!)
    if (type) return { name: suffixed[1]!.trim(), type }
  }
  // A name such as "Payment processor" is a name, not a statement of the recipient's role.
  return { name: line.trim(), type: byLabel(RECIPIENT_TYPE_LABELS, line) ?? headingType ?? 'not-stated' }
}

/** A column headed "Processors", "Sous-traitants" or "Auftragsverarbeiter" says what its entries are. */
export function headingRecipientType(heading: string): RecipientType | undefined {
  const folded = normaliseText(heading)
  if (/^(sub )?processors?$|^sous traitants?$|^(unter)?auftragsverarbeiter$/.test(folded)) return 'processor'
  return undefined
}

// ---------------------------------------------------------------- transfers

const COUNTRY_BY_NAME = new Map<string, string>()
for (const locale of [countriesEn, countriesFr, countriesDe]) {
  for (const [code, names] of Object.entries(locale.countries as Record<string, string | string[]>)) {
    for (const name of Array.isArray(names) ? names : [names]) if (!COUNTRY_BY_NAME.has(normaliseText(name))) COUNTRY_BY_NAME.set(normaliseText(name), code)
  }
}
for (const [alias, code] of [
  ['etats unis', 'US'],
  ['us', 'US'],
  ['uk', 'GB'],
  ['england', 'GB'],
  ['great britain', 'GB'],
  ['royaume uni', 'GB']
] as const) {
  COUNTRY_BY_NAME.set(alias, code)
}

/** The ISO 3166-1 alpha-2 code of a country named in English, French or German; '' when unknown. */
export function countryCodeOf(name: string): string {
  const wanted = normaliseText(name)
  if (/^[a-z]{2}$/.test(wanted) && Object.hasOwn(countriesEn.countries, wanted.toUpperCase())) return wanted.toUpperCase()
  // French and German names here; international organisations (`org:…`) from the destination list.
  return COUNTRY_BY_NAME.get(wanted) ?? resolveDestinationCode(name)
}

// ---------------------------------------------------------------- small fields

export function recordStatusOf(text: string): RecordStatus | undefined {
  const label = byLabel(RECORD_STATUS_LABELS, text)
  if (label) return label
  const folded = fold(text)
  if (/^(draft|brouillon|entwurf)/.test(folded)) return 'draft'
  if (/^(approved|valide|freigegeben|genehmigt)/.test(folded)) return 'approved'
  return undefined
}

export function recordRoleOf(text: string): 'controller' | 'joint-controller' | 'processor' | undefined {
  const folded = fold(text).trim()
  if (/joint|conjoint|gemeinsam/.test(folded)) return 'joint-controller'
  if (/processor|sous-traitant|auftragsverarbeit/.test(folded)) return 'processor'
  if (/controller|responsable|verantwortlich/.test(folded)) return 'controller'
  return undefined
}

/** Yes / no in three languages; undefined for anything else. */
export function yesNoOf(text: string): boolean | undefined {
  const folded = fold(text).trim()
  if (/^(yes|y|oui|ja|true)\b/.test(folded)) return true
  if (/^(no|n|non|nein|false|none|aucun|keine?)\b/.test(folded)) return false
  return undefined
}

/** "Yes", "No", or the app's "Not assessed"; undefined for anything else. */
export function dpiaRequiredOf(text: string): DpiaRequired | undefined {
  const label = byLabel(DPIA_REQUIRED_LABELS, text)
  if (label) return label
  const answer = yesNoOf(text)
  return answer === undefined ? undefined : answer ? 'yes' : 'no'
}

export function dpiaStatusOf(text: string): DpiaStatus | undefined {
  const label = byLabel(DPIA_STATUS_LABELS, text)
  if (label) return label
  const folded = fold(text)
  if (/complete|done|termine|realise|abgeschlossen/.test(folded)) return 'completed'
  if (/in progress|en cours|in bearbeitung/.test(folded)) return 'in-progress'
  if (/not started|pas commence|nicht begonnen/.test(folded)) return 'not-started'
  if (/not applicable|^n\/?a$|non applicable|nicht erforderlich/.test(folded)) return 'not-applicable'
  return undefined
}

/** A date as YYYY-MM-DD: ISO already, or day first (31/12/2024, 31.12.2024) as UK, French and German registers write it. */
export function isoDateOf(text: string): string | undefined {
  const trimmed = text.trim()
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/.exec(trimmed)
  const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(trimmed)
  const [year, month, day] = iso ? [iso[1]!, iso[2]!, iso[3]!] : dayFirst ? [dayFirst[3]!, dayFirst[2]!.padStart(2, '0'), dayFirst[1]!.padStart(2, '0')] : []
  if (!year || !month || !day) return undefined
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`)
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${year}-${month}-${day}` ? undefined : `${year}-${month}-${day}`
}
