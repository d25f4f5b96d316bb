/**
 * Reads the transfer instrument a register's free text names ("EU-US DPF", "SCCs 2021 module 2",
 * "clauses contractuelles types", "Angemessenheitsbeschluss", "art 49(1)(a) explicit consent").
 * Every field is '' where the text does not say: plain "SCCs" does not say which SCCs, so the
 * instrument stays blank rather than being guessed as the 2021 set.
 */
import type { Art49Derogation, SccModule, TransferInstrument, TransferMechanism } from '../records/enums'

export interface ParsedTransferInstrument {
  mechanism: TransferMechanism | ''
  instrument: TransferInstrument | ''
  sccModule: SccModule | ''
  derogation: Art49Derogation | ''
  /** The text mentions a transfer impact assessment. */
  tiaMentioned: boolean
  /** Every instrument the text names, most specific first; more than one of different mechanisms leaves the result blank. */
  named: TransferInstrument[]
}

/** Lower case without accents, so that "décision d'adéquation" and "decision d adequation" read alike. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[’`´]/g, "'")
    .toLowerCase()
}

/** The instrument each phrase names. Order matters only for the reader; all are tried. */
const INSTRUMENT_PATTERNS: ReadonlyArray<readonly [TransferInstrument, RegExp]> = [
  ['privacy-shield', /privacy[\s-]*shield|bouclier de protection/],
  ['safe-harbor', /safe[\s-]*harbou?r|sphere de securite/],
  ['eu-us-dpf', /data[\s-]*privacy[\s-]*framework|\bdpf\b|cadre de protection des donnees ue[\s-]*etats[\s-]*unis|datenschutzrahmen/],
  // The pre-2021 sets by decision number, or by year when the text speaks of clauses.
  ['scc-pre-2021', /(?:adopted |approved )?before 2021|pre[\s-]*2021|2010\s*\/\s*87|2004\s*\/\s*915|2001\s*\/\s*497|2002\s*\/\s*16|(?:scc|clauses|model clauses|klauseln)\D{0,40}\b(?:2001|2004|2010)\b|\b(?:2001|2004|2010)\D{0,20}(?:scc|clauses|klauseln)/],
  ['scc-2021', /2021\s*\/\s*914|(?:scc|clauses|klauseln)(?:(?!before|pre)\D){0,40}\b2021\b|\b2021\D{0,20}(?:scc|clauses|klauseln)|\bmodule\s*[1-4]\b|\bmodul\s*[1-4]\b/],
  ['uk-idta', /\bidta\b|international data transfer agreement/],
  ['uk-addendum', /\baddendum\b/],
  ['sa-scc', /adopted by a supervisory authority|adoptees? par une autorite de controle|von einer aufsichtsbehorde angenommen/],
  ['bcr-controller', /\bbcr[\s-]*c\b|binding corporate rules? for controllers|bcr for controllers/],
  ['bcr-processor', /\bbcr[\s-]*p\b|binding corporate rules? for processors|bcr for processors/],
  ['code-of-conduct', /code of conduct|code de conduite|verhaltensregeln/],
  ['certification', /\bcertification\b|zertifizierung/],
  ['ad-hoc-clauses', /ad[\s-]*hoc (?:contractual )?clauses|clauses ad[\s-]*hoc/],
  ['administrative-arrangement', /administrative arrangement|arrangement administratif|verwaltungsvereinbarung/],
  ['public-authority-instrument', /instrument (?:juridiquement contraignant )?between public authorities|legally binding instrument/],
  ['adequacy-decision', /adequa|adequation|angemessenheitsbeschluss|angemessenes datenschutzniveau/]
]

/** Phrases that name a mechanism without saying which instrument. */
const SCC_WORDS = /standard contractual clauses|standard data protection clauses|model (?:contract )?clauses|\bsccs?\b|clauses contractuelles types|\bcct\b|standardvertragsklauseln|standarddatenschutzklauseln|\bscc\b/
const BCR_WORDS = /binding corporate rules?|\bbcrs?\b|regles d'entreprise contraignantes|verbindliche interne datenschutzvorschriften|\bbcr\b/
/** The articles themselves, as the app's own labels and many registers cite them. */
const ART46_WORDS = /art(?:icle|ikel|\.)?\s*46\b|appropriate safeguards|garanties appropriees|geeignete garantien/
const ART47_WORDS = /art(?:icle|ikel|\.)?\s*47\b/
const ART45_WORDS = /art(?:icle|ikel|\.)?\s*45\b/
const ART49_WORDS = /art(?:icle|ikel|\.)?\s*49|derogation|ausnahme fur bestimmte falle|ausnahmen? nach art/

const MECHANISM_OF: Record<TransferInstrument, TransferMechanism> = {
  'adequacy-decision': 'art45',
  'eu-us-dpf': 'art45',
  'privacy-shield': 'art45',
  'safe-harbor': 'art45',
  'scc-2021': 'art46',
  'scc-pre-2021': 'art46',
  'sa-scc': 'art46',
  'public-authority-instrument': 'art46',
  'administrative-arrangement': 'art46',
  'code-of-conduct': 'art46',
  certification: 'art46',
  'ad-hoc-clauses': 'art46',
  'uk-idta': 'art46',
  'uk-addendum': 'art46',
  'bcr-controller': 'art47',
  'bcr-processor': 'art47',
  derogation: 'art49'
}

/** The Art. 45 mechanism an instrument belongs to. */
export function mechanismOfInstrument(instrument: TransferInstrument): TransferMechanism {
  return MECHANISM_OF[instrument]
}

/**
 * Where a text names a generic and a specific instrument ("DPF adequacy decision", "SCCs 2021
 * with the UK Addendum"), the specific one is what it relies on.
 */
const SUBSUMED_BY: Partial<Record<TransferInstrument, readonly TransferInstrument[]>> = {
  'adequacy-decision': ['eu-us-dpf', 'privacy-shield', 'safe-harbor'],
  'scc-2021': ['uk-addendum'],
  // "DPF certification" is the DPF, not an Art. 46(2)(f) certification.
  certification: ['eu-us-dpf', 'privacy-shield']
}

const DEROGATION_BY_LETTER: Record<string, Art49Derogation> = {
  a: 'explicit-consent',
  b: 'contract-with-subject',
  c: 'contract-in-subject-interest',
  d: 'public-interest',
  e: 'legal-claims',
  f: 'vital-interests',
  g: 'public-register'
}

const DEROGATION_WORDS: ReadonlyArray<readonly [Art49Derogation, RegExp]> = [
  ['explicit-consent', /explicit consent|consentement explicite|ausdruckliche einwilligung/],
  ['contract-with-subject', /contract with the data subject|performance of a contract|contrat (?:conclu )?avec la personne concernee|vertrag(?:s)? (?:mit|zwischen) der betroffenen person/],
  ['contract-in-subject-interest', /in the (?:data subject's )?interest of the data subject|contract in the data subject's interest|dans l'interet de la personne concernee|im interesse der betroffenen person/],
  ['public-interest', /important reasons of public interest|motifs importants d'interet public|wichtigen grunden des offentlichen interesses/],
  ['legal-claims', /legal claims|droits en justice|rechtsanspruchen/],
  ['vital-interests', /vital interests|interets vitaux|lebenswichtigen interessen/],
  ['public-register', /public register|registre public|offentlichen register/],
  ['compelling-legitimate-interests', /compelling legitimate interests?|interets legitimes imperieux|zwingenden berechtigten interessen/]
]

const TIA_WORDS = /\btias?\b|transfer impact assessment|transfer risk assessment|\btra\b|analyse d'impact (?:des|relative aux) transferts|\baitd\b|transfer[\s-]*folgenabschatzung|folgenabschatzung fur (?:die )?ubermittlung/

function derogationOf(folded: string): Art49Derogation | '' {
  const letter = /49\s*\(\s*1\s*\)\s*\(\s*([a-g])\s*\)/.exec(folded)?.[1]
  if (letter) return DEROGATION_BY_LETTER[letter] ?? ''
  if (/49\s*\(\s*1\s*\)[^a-z]*(?:second|2nd|zweit|deuxieme|unterabsatz\s*2|subparagraph\s*2|alinea\s*2)/.test(folded)) return 'compelling-legitimate-interests'
  return DEROGATION_WORDS.find(([, pattern]) => pattern.test(folded))?.[0] ?? ''
}

const NOTHING: ParsedTransferInstrument = { mechanism: '', instrument: '', sccModule: '', derogation: '', tiaMentioned: false, named: [] }

export function parseTransferInstrumentText(text: string): ParsedTransferInstrument {
  const folded = fold(text)
  if (folded.trim() === '') return { ...NOTHING, named: [] }
  const tiaMentioned = TIA_WORDS.test(folded)
  const sccModule = (/\bmodul(?:e)?\s*([1-4])\b/.exec(folded)?.[1] ?? '') as SccModule | ''

  let named = INSTRUMENT_PATTERNS.filter(([, pattern]) => pattern.test(folded)).map(([instrument]) => instrument)
  named = named.filter((instrument) => !(SUBSUMED_BY[instrument] ?? []).some((specific) => named.includes(specific)))
  // "Privacy Shield adequacy" names Privacy Shield; the pre-2021 year also wins over a bare "2021" mention.
  if (named.includes('scc-pre-2021') && named.includes('scc-2021') && !/2021\s*\/\s*914|\bmodul(?:e)?\s*[1-4]\b/.test(folded)) named = named.filter((instrument) => instrument !== 'scc-2021')

  const derogation = derogationOf(folded)
  const mechanisms = new Set<TransferMechanism>(named.map(mechanismOfInstrument))
  const sccWords = SCC_WORDS.test(folded)
  const bcrWords = BCR_WORDS.test(folded)
  const art49Words = ART49_WORDS.test(folded) || (derogation !== '' && named.length === 0 && !sccWords && !bcrWords)
  if (sccWords || (ART46_WORDS.test(folded) && mechanisms.size === 0)) mechanisms.add('art46')
  if (bcrWords || (ART47_WORDS.test(folded) && mechanisms.size === 0)) mechanisms.add('art47')
  if (ART45_WORDS.test(folded) && mechanisms.size === 0) mechanisms.add('art45')
  if (art49Words) {
    mechanisms.add('art49')
    if (!named.includes('derogation')) named.push('derogation')
  }

  if (mechanisms.size !== 1) return { ...NOTHING, tiaMentioned, named }
  const mechanism = [...mechanisms][0]!
  const instrument = named.length === 1 ? named[0]! : ''
  return {
    mechanism,
    instrument,
    sccModule: instrument === 'scc-2021' || instrument === 'uk-addendum' ? sccModule : '',
    derogation: mechanism === 'art49' ? derogation : '',
    tiaMentioned,
    named
  }
}
