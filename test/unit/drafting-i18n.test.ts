/**
 * Issue #13, drafting: the assistant's reasons reach the screen as `draftReasons` messages, said in
 * French and German with the policy's own words kept verbatim; a drafted pack's notes are written
 * in its author's language; the pack editor's unplaced values and the draft's warnings carry their
 * messages; the CLI keeps saying all of it in English.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOGUES, translateMessage } from '../../src-main/core/i18n/catalogues'
import { isMessageRef, type MessageParam, type MessageRef } from '../../src-main/core/i18n/message'
import { packFromDraft } from '../../src-main/core/templates/drafting/draft-pack'
import { draftPolicy } from '../../src-main/core/templates/drafting/draft-policy'
import { draftReason } from '../../src-main/core/templates/drafting/draft-reasons'
import type { DraftProposal, ProposalOf } from '../../src-main/core/templates/drafting/proposal'
import { proposalsFromPack } from '../../src-main/core/templates/drafting/proposals-from-pack'
import { validatePackText } from '../../src-main/core/templates/validate-pack'
import { ropa } from '../fixtures/run-ropa'

const ROOT = resolve(import.meta.dirname, '..', '..')
const POLICY_DIR = '/work/shared/policies'
const POLICY_FILES = readdirSync(POLICY_DIR).filter((name) => name.endsWith('.txt')).sort()
const policy = (file: string) => readFileSync(join(POLICY_DIR, file), 'utf8')
/** Harmonic AI's policy: names a legal entity, purposes without a basis, a transfer country; says nothing of its role. */
const HARMONIC = '000_6cee6f3526cddeb5.txt'
/** Haivision's policy: two retention rules under one activity, so one is left out with a warning. */
const HAIVISION = '002_4069c1d18fbcf1df.txt'

/** The policy's own words a message quotes: every string parameter, nested ones too. */
function quotedWords(ref: MessageRef, words: string[] = []): string[] {
  const visit = (param: MessageParam) => {
    if (typeof param === 'string') words.push(param)
    else if (isMessageRef(param)) quotedWords(param, words)
    else if (typeof param === 'object' && 'list' in param) param.list.forEach(visit)
  }
  Object.values(ref.params ?? {}).forEach(visit)
  return words
}

/** The words of a message's text, the policy's quoted words taken out. */
function ownWords(ref: MessageRef, locale: 'en' | 'fr' | 'de'): string[] {
  let text = translateMessage(ref, locale)
  for (const quoted of quotedWords(ref).sort((a, b) => b.length - a.length)) text = text.split(quoted).join(' ')
  return text.toLowerCase().match(/[\p{L}’']+/gu) ?? []
}

/** French no-break spaces (checked on their own below) read as spaces, so that the expected texts stay legible. */
const plain = (text: string | undefined) => text?.replaceAll('\u00a0', ' ')
const say = (ref: MessageRef, locale: 'en' | 'fr' | 'de') => plain(translateMessage(ref, locale))!

/** Words French or German rightly share with the English reasons. */
const SHARED_WORDS = new Set(['service', 'pack', 'consultants', 'transit', 'obligation', 'name'])

describe('the drafting assistant’s reasons in French and German', () => {
  const drafts = POLICY_FILES.map((file) => ({ file, draft: draftPolicy(policy(file)) }))

  it('gives every proposal of every shipped policy its reason as a draftReasons message, with no English left in French or German', () => {
    expect(POLICY_FILES).toHaveLength(5)
    const keys = new Set<string>()
    for (const { file, draft } of drafts) {
      expect(draft.proposals.length, file).toBeGreaterThan(10)
      // English words the reasons use, from their English text.
      const english = new Set(draft.proposals.flatMap((proposal) => (isMessageRef(proposal.reason) ? ownWords(proposal.reason, 'en') : [])).filter((word) => word.length >= 4))
      for (const proposal of draft.proposals) {
        expect(isMessageRef(proposal.reason), `${file} ${proposal.id}`).toBe(true)
        expect(proposal.reason.key, `${file} ${proposal.id}`).toMatch(/^draftReasons:/)
        keys.add(proposal.reason.key)
        for (const locale of ['fr', 'de'] as const) {
          const text = translateMessage(proposal.reason, locale)
          expect(text, `${file} ${proposal.id} ${locale}`).not.toMatch(/draftReasons:|\{\{/)
          const left = ownWords(proposal.reason, locale).filter((word) => english.has(word) && !SHARED_WORDS.has(word))
          expect(left, `${file} ${proposal.id} ${locale}: “${text}”`).toEqual([])
        }
        // The policy's words stay verbatim inside the reason, in every language.
        for (const quoted of quotedWords(proposal.reason)) for (const locale of ['en', 'fr', 'de'] as const) expect(translateMessage(proposal.reason, locale)).toContain(quoted)
      }
      for (const gap of draft.gaps) {
        expect(gap.note.key).toBe('draftReasons:nothingFound')
        expect(say(gap.note, 'fr')).toMatch(/^Rien trouvé dans la politique pour « .+ » : elle est peut-être muette sur ce point\./)
      }
    }
    // Most of the reasons are met across the five policies.
    expect(keys.size).toBeGreaterThanOrEqual(14)
  })

  it('says a few reasons word for word, in English as before and in French and German', () => {
    const { draft } = drafts.find(({ file }) => file === HARMONIC)!
    const said = (key: string, where: (proposal: DraftProposal) => boolean = () => true) => {
      const proposal = draft.proposals.find((candidate) => candidate.reason.key === `draftReasons:${key}` && where(candidate))
      if (!proposal) throw new Error(`no ${key}`)
      return (['en', 'fr', 'de'] as const).map((locale) => say(proposal.reason, locale))
    }
    expect(said('countryInTransfer', (proposal) => (proposal as ProposalOf<'transfer'>).value.country === 'United States')).toEqual([
      'names “United States” in a sentence about where data goes',
      'nomme « United States » dans une phrase sur la destination des données',
      'nennt „United States“ in einem Satz darüber, wohin Daten gehen'
    ])
    expect(said('purposeStated', (proposal) => (proposal as ProposalOf<'purpose'>).value.lawfulBasis === undefined)).toEqual([
      'says what data is used for; no lawful basis stated',
      'dit à quoi servent les données ; aucune base légale indiquée',
      'sagt, wofür Daten verwendet werden; keine Rechtsgrundlage genannt'
    ])
    expect(said('vendorEntity')).toEqual(['a legal entity with the vendor’s name', 'une entité juridique qui porte le nom du fournisseur', 'eine juristische Person mit dem Namen des Anbieters'])
    expect(said('namedProvider', (proposal) => (proposal as ProposalOf<'subProcessor'>).value.name === 'Google Analytics')).toEqual([
      'a named provider in a sentence about providers: “Google Analytics”',
      'un prestataire nommé dans une phrase sur les prestataires : « Google Analytics »',
      'ein namentlich genannter Dienstleister in einem Satz über Dienstleister: „Google Analytics“'
    ])
    const role = draft.gaps.find((gap) => gap.field === 'role')!
    expect(translateMessage(role.note, 'en')).toBe('Nothing found in the policy for “Role (controller or processor)”: the policy may be silent on it. Check before relying on the pack.')
    expect(translateMessage(role.note, 'de')).toBe(
      'In der Erklärung nichts gefunden für „Rolle (Verantwortlicher oder Auftragsverarbeiter)“: Sie schweigt hierzu vielleicht. Prüfen Sie das, bevor Sie sich auf das Paket verlassen.'
    )
  })

  it('says a stated lawful basis in the reader’s words', () => {
    const stated = drafts.flatMap(({ draft }) => draft.proposals).find((proposal) => proposal.field === 'purpose' && proposal.value.lawfulBasis === 'f')
    expect(stated).toBeDefined()
    expect(translateMessage(stated!.reason, 'en')).toMatch(/; states legitimate interests$/)
    expect(say(stated!.reason, 'fr')).toMatch(/ ; indique la base légale : intérêts légitimes$/)
    expect(translateMessage(stated!.reason, 'de')).toMatch(/; nennt die Rechtsgrundlage: berechtigte Interessen$/)
  })
})

describe('French typography', () => {
  it('keeps « », : and ; on the line of the word before them, with no-break spaces', () => {
    expect(translateMessage(draftReason('statesPeriod', { period: '24 months' }), 'fr')).toBe('indique une durée\u00a0: «\u00a024 months\u00a0»')
    for (const [key, text] of Object.entries(CATALOGUES.fr.draftReasons)) expect(text, key).not.toMatch(/ [:;?!»]|« /)
  })
})

describe('a drafted pack in its author’s language', () => {
  const text = policy(HARMONIC)
  const draft = draftPolicy(text)
  // The author accepted the vendor, the purposes and one transfer whose country they cleared: everything else is a gap.
  const transfer = draft.proposals.find((proposal): proposal is ProposalOf<'transfer'> => proposal.field === 'transfer')!
  const accepted = [
    ...draft.proposals.filter((proposal) => proposal.field === 'vendor' || proposal.field === 'purpose'),
    { ...transfer, value: { country: '', countryCode: '' } }
  ]
  const drafted = (locale?: 'en' | 'fr' | 'de') => {
    const result = packFromDraft({ text, title: 'Harmonic Privacy Policy', proposals: accepted, ...(locale ? { locale } : {}) })
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    return result
  }

  it('writes the gap notes, the activity name, the role note and “not stated” in French', () => {
    const { pack, json } = drafted('fr')
    expect(validatePackText(json, { sourceText: text }).ok).toBe(true)
    const activity = pack.activities[0]!
    expect(pack.activities).toHaveLength(1)
    expect(activity.name).toBe('Traitement décrit dans Harmonic Privacy Policy')
    const note = (field: string) => plain(activity.gaps.find((gap) => gap.field === field)?.note)
    expect(note('retention')).toBe('L’assistant de rédaction n’a rien trouvé dans la politique sur la durée de conservation des données ; l’auteur n’a rien accepté. Vérifiez la politique.')
    expect(note('dataSubjects')).toBe('L’assistant de rédaction n’a rien trouvé dans la politique sur les personnes concernées ; l’auteur n’a rien accepté. Vérifiez la politique.')
    expect(note('transfers[0].country')).toBe('L’assistant de rédaction n’a rien trouvé dans la politique sur le pays de destination de ce transfert ; l’auteur n’a rien accepté. Vérifiez la politique.')
    expect(note('purposes[0].lawfulBasis')).toBe('L’assistant de rédaction n’a rien trouvé dans la politique sur la base légale de cette finalité ; l’auteur n’a rien accepté. Vérifiez la politique.')
    expect(note('role')).toBe(
      `La politique ne dit pas si ${pack.vendor.name} agit en tant que responsable du traitement ou sous-traitant ; le brouillon le considère comme responsable du traitement, car une politique de confidentialité décrit les traitements propres du fournisseur. Vérifiez-le.`
    )
    expect(activity.transfers[0]!.country).toBe('Non indiqué dans la politique')
    expect(activity.gaps.find((gap) => gap.field === 'retention')?.note).toContain('conservation des données\u00a0; l’auteur')
    for (const gap of activity.gaps) expect(gap.note, gap.field).not.toMatch(/\b(?:the|policy|drafting|accepted|Check)\b/)
  })

  it('writes them in German for a German author', () => {
    const activity = drafted('de').pack.activities[0]!
    expect(activity.name).toBe('In Harmonic Privacy Policy beschriebene Verarbeitung')
    expect(activity.gaps.find((gap) => gap.field === 'retention')?.note).toBe(
      'Der Entwurfsassistent hat in der Erklärung keine Angaben gefunden zu der Dauer, für die Daten aufbewahrt werden; der Autor hat nichts übernommen. Prüfen Sie die Erklärung.'
    )
    expect(activity.transfers[0]!.country).toBe('In der Erklärung nicht angegeben')
  })

  it('writes them in English by default, as before', () => {
    const activity = drafted().pack.activities[0]!
    expect(activity.name).toBe('Processing described in Harmonic Privacy Policy')
    expect(activity.gaps.find((gap) => gap.field === 'retention')?.note).toBe('The drafting assistant found nothing the policy states about how long data is kept; the author accepted none. Check the policy.')
    expect(activity.transfers[0]!.country).toBe('Not stated in the policy')
  })

  it('gives the one-retention-rule warning its message and its place, in English for the command line', () => {
    const haivision = policy(HAIVISION)
    const everything = packFromDraft({ text: haivision, title: 'Haivision Privacy Policy', proposals: draftPolicy(haivision).proposals, locale: 'fr' })
    if (!everything.ok) throw new Error(JSON.stringify(everything.problems))
    const warning = everything.warnings.find((candidate) => candidate.ref?.key === 'draftReasons:oneRetentionRule')
    expect(warning).toBeDefined()
    expect(warning!.message).toMatch(/^an activity keeps one retention rule; “.+” was left out: give it its own activity to keep it$/)
    expect(warning!.path).toBe(`${warning!.at!.activity} › Retention`)
    expect(warning!.at!.field).toBe('retention')
    expect(say(warning!.ref!, 'fr')).toMatch(/^une activité n’a qu’une règle de conservation ; « .+ » a été omis : placez-le dans une activité à part pour le garder$/)
  })
})

describe('a pack opened in the editor', () => {
  it('names the values it cannot place, and what it keeps, as messages in the reader’s language', () => {
    const pack = JSON.parse(readFileSync(join(ROOT, 'templates', 'harmonic-ai.json'), 'utf8'))
    const checked = validatePackText(JSON.stringify(pack))
    if (!checked.ok) throw new Error('shipped pack invalid')
    const opened = proposalsFromPack(checked.pack, 'A text that holds none of the pack’s quotes.')
    expect(opened.proposals).toEqual([])
    expect(opened.unplaced.length).toBeGreaterThan(5)
    const vendor = checked.pack.vendor.legalEntities[0]!
    expect(translateMessage(opened.unplaced[0]!, 'en')).toBe(`Vendor “${vendor.name}”: quote not in the text (“${vendor.quotes[0]!.slice(0, 60)}”)`)
    expect(say(opened.unplaced[0]!, 'fr')).toBe(`Fournisseur « ${vendor.name} » : citation absente du texte (« ${vendor.quotes[0]!.slice(0, 60)} »)`)
    const activity = checked.pack.activities[0]!
    expect(opened.unplaced.map((line) => translateMessage(line, 'de'))).toContain(`Tätigkeit „${activity.name}“: ihre Zitate stehen nicht im Text`)
    expect(opened.unplaced.map((line) => say(line, 'fr')).some((line) => line.startsWith(`${activity.name} › Finalité : citation absente du texte (« `))).toBe(true)
    expect(opened.unplaced.map((line) => translateMessage(line, 'en')).some((line) => line.startsWith(`${activity.name} › Purpose: quote not in the text (“`))).toBe(true)
    for (const line of opened.unplaced) for (const locale of ['en', 'fr', 'de'] as const) expect(translateMessage(line, locale)).not.toMatch(/draftReasons:|labels:|\{\{/)
    for (const part of opened.keptAsTheyAre) expect(translateMessage(part, 'fr')).not.toBe(translateMessage(part, 'en'))
  })
})

describe('ropa templates draft', () => {
  it('prints the gaps and warnings in English', async () => {
    const harmonic = await ropa(['templates', 'draft', join(POLICY_DIR, HARMONIC)])
    expect(harmonic.code).toBe(0)
    expect(harmonic.stderr).toContain('gap: Nothing found in the policy for “Role (controller or processor)”: the policy may be silent on it. Check before relying on the pack.\n')
    const haivision = await ropa(['templates', 'draft', join(POLICY_DIR, HAIVISION)])
    expect(haivision.code).toBe(0)
    expect(haivision.stderr).toMatch(/ › Retention: warning: an activity keeps one retention rule; “.+” was left out: give it its own activity to keep it\n/)
  })
})
