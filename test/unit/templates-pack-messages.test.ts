/**
 * Issue #13: a refused pack is said in the interface's language. Every problem the pack checks
 * report carries its catalogue key (`packProblems`, or the shared `problems:schema.*`) besides its
 * English text, which stays what the CLI prints; French and German say the same problem in their
 * own words, and the place in the file ("Activity 1 › Purpose 2 › Quote 1") too.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CATALOGUES, translateMessage } from '@core/i18n/catalogues'
import type { Locale } from '@core/i18n/index'
import { describePackPath } from '@core/templates/pack-path-names'
import { templatePackSchema } from '@core/templates/pack-schema'
import { installedPackSchema } from '@core/templates/installed-pack'
import { validatePackText, zodIssueToProblems } from '@core/templates/validate-pack'
import type { Problem } from '@core/util/problems'
import { fixturePackV2Json } from '../fixtures/packs/fixture-pack'

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** A broken copy of the fixture pack (format 2, its policy embedded), as the author would save it. */
function broken(change: (pack: any) => void): string {
  const pack = fixturePackV2Json()
  change(pack)
  return JSON.stringify(pack, null, 2)
}

/** The problems (refusal) or warnings (accepted pack) of a file. */
function problemsOf(text: string): Problem[] {
  const result = validatePackText(text)
  return result.ok ? result.warnings : result.problems
}

const say = (problem: Problem, locale: Locale) => translateMessage(problem.ref!, locale)

/** Each kind of broken pack an author can bring, and the problem it must get. */
const BROKEN_PACKS = {
  'bad JSON': '{\n  "formatVersion": 2,\n  "id": \'acme\'\n}',
  'trailing comma': '{"formatVersion": 2, "id": "acme",}',
  'too large': `"${'x'.repeat(5 * 1024 * 1024)}"`,
  'too deep': `${'['.repeat(70)}${']'.repeat(70)}`,
  'string too long': JSON.stringify({ formatVersion: 2, id: 'x'.repeat(100_001) }),
  'not an object': '[1, 2]',
  'no formatVersion': '{"id": "acme"}',
  'formatVersion as text': '{"formatVersion": "2"}',
  'newer formatVersion': '{"formatVersion": 3}',
  'unknown formatVersion': '{"formatVersion": 1.5}',
  'forbidden key': '{"formatVersion": 2, "__proto__": {}}',
  'unknown field': broken((pack) => (pack.activities[0].colour = 'blue')),
  'duplicate activity id': broken((pack) => (pack.activities[1].id = pack.activities[0].id)),
  'missing field': broken((pack) => delete pack.activities[0].name),
  'wrong type': broken((pack) => (pack.activities[0].purposes = 'all of them')),
  'empty name': broken((pack) => (pack.activities[0].name = '  ')),
  'bad id': broken((pack) => (pack.id = 'Acme Widgets')),
  'bad version': broken((pack) => (pack.version = 'v1')),
  'bad date': broken((pack) => (pack.source.effectiveDate = '1 March 2025')),
  'unknown role': broken((pack) => (pack.activities[0].role = 'owner')),
  'no purpose': broken((pack) => (pack.activities[0].purposes = [])),
  'no quote': broken((pack) => (pack.activities[0].purposes[0].quotes = [])),
  'age not whole': broken((pack) => (pack.activities[0].ageLimit = { minimumAge: 15.5, quotes: ['we collect your name'] })),
  'item without id': broken((pack) => delete pack.activities[0].purposes[0].id),
  'duplicate item id': broken((pack) => (pack.activities[0].dataCategories[1].id = pack.activities[0].dataCategories[0].id)),
  'format 1 safeguard': broken((pack) => (pack.activities[0].transfers[0].safeguard = 'sccs')),
  'quote not in the source': broken((pack) => (pack.activities[0].purposes[0].quotes[0] = 'We use this information to sell it to anyone.')),
  'quote in none of two sources': broken((pack) => {
    const list = 'Sub-processors: Example Cloud Inc. (hosting, United States).'
    pack.sources.push({ id: 'sub-processors', kind: 'sub-processor-list', title: 'Acme sub-processors', text: list, sha256: sha256(list) })
    pack.activities[0].purposes[0].quotes[0] = 'Sub-processors: Example Cloud Inc. (hosting, Canada).'
  }),
  'bad sha256': broken((pack) => (pack.sources[0].text += '\nAdded after hashing.')),
  'duplicate source id': broken((pack) => pack.sources.push({ ...pack.sources[0] })),
  'main policy hash of no source': broken((pack) => (pack.source.sha256 = sha256('another policy'))),
  'source file with a folder': broken((pack) => (pack.source.file = '../secrets.txt')),
  'unknown vocabulary term': broken((pack) => (pack.activities[0].dataCategories[0].term = 'user.nmae')),
  'vocabulary term of another kind': broken((pack) => (pack.activities[0].dataCategories[0].term = 'customer')),
  'empty custom term': broken((pack) => (pack.activities[0].dataCategories[0].term = 'custom: ')),
  'retention period without period': broken((pack) => (pack.activities[0].dataCategories[0].retention = { mode: 'period', quotes: ['we collect your name'] })),
  'retention criterion without criterion': broken((pack) => (pack.activities[0].dataCategories[0].retention = { mode: 'criterion', quotes: ['we collect your name'] })),
  'legitimate interest missing': broken((pack) => {
    pack.activities[0].purposes[0].lawfulBasis = 'f'
    delete pack.activities[0].purposes[0].legitimateInterest
  }),
  'unknown country': broken((pack) => (pack.activities[0].transfers[0].country = 'Germny')),
  'mechanism against instrument': broken((pack) => {
    pack.activities[0].transfers[0].instrument = 'scc-2021'
    pack.activities[0].transfers[0].mechanism = 'art45'
  }),
  'gap on no field': broken((pack) => {
    const gap = (field: string) => ({ field, kind: 'silent', note: 'Not stated.' })
    pack.activities[1].gaps = [gap('retension'), gap('purposes[3].lawfulBasis'), gap('purposes[0].lawfulBassis'), gap('retention[0]'), gap('purposes..x')]
  }),
  'special category not declared (warning)': broken((pack) => (pack.activities[0].dataCategories[0].term = 'user.biometric')),
  'no source text (warning)': broken((pack) => {
    pack.sources = []
    pack.source.sha256 = sha256('')
  })
} satisfies Record<string, string>

/** The key each broken pack must be refused (or warned) with, so that each case tests what it is named after. */
const EXPECTED_KEYS: Record<keyof typeof BROKEN_PACKS, string> = {
  'bad JSON': 'packProblems:json.invalidAt',
  'trailing comma': 'packProblems:json.invalidAt',
  'too large': 'packProblems:json.tooLarge',
  'too deep': 'packProblems:json.tooDeep',
  'string too long': 'packProblems:json.stringTooLong',
  'not an object': 'packProblems:format.notObject',
  'no formatVersion': 'packProblems:format.missing',
  'formatVersion as text': 'packProblems:format.notNumber',
  'newer formatVersion': 'packProblems:format.newer',
  'unknown formatVersion': 'packProblems:format.unknown',
  'forbidden key': 'packProblems:json.forbiddenKey',
  'unknown field': 'packProblems:schema.unknownField',
  'duplicate activity id': 'packProblems:schema.duplicateActivityId',
  'missing field': 'problems:schema.missing',
  'wrong type': 'problems:schema.wrongType',
  'empty name': 'packProblems:schema.notEmpty',
  'bad id': 'packProblems:schema.slug',
  'bad version': 'packProblems:schema.version',
  'bad date': 'packProblems:schema.pattern',
  'unknown role': 'packProblems:schema.notOneOf',
  'no purpose': 'packProblems:schema.noPurpose',
  'no quote': 'packProblems:schema.quoteMissing',
  'age not whole': 'problems:schema.wrongType',
  'item without id': 'packProblems:item.idMissing',
  'duplicate item id': 'packProblems:item.duplicateId',
  'format 1 safeguard': 'packProblems:transfer.safeguardIsFormat1',
  'quote not in the source': 'packProblems:quote.notFound',
  'quote in none of two sources': 'packProblems:quote.notFound',
  'bad sha256': 'packProblems:source.hashMismatch',
  'duplicate source id': 'packProblems:source.duplicateId',
  'main policy hash of no source': 'packProblems:source.hashOfNoSource',
  'source file with a folder': 'packProblems:source.fileNotPlainName',
  'unknown vocabulary term': 'packProblems:term.unknownDidYouMean',
  'vocabulary term of another kind': 'packProblems:term.wrongKind',
  'empty custom term': 'packProblems:term.emptyCustom',
  'retention period without period': 'packProblems:retention.periodAndUnitMissing',
  'retention criterion without criterion': 'packProblems:retention.criterionMissing',
  'legitimate interest missing': 'packProblems:purpose.legitimateInterestMissing',
  'unknown country': 'packProblems:country.unknown',
  'mechanism against instrument': 'packProblems:mechanism.mismatch',
  'gap on no field': 'packProblems:gap.notAField',
  'special category not declared (warning)': 'packProblems:specialCategory.undeclared',
  'no source text (warning)': 'packProblems:source.noText'
}

describe('pack problems in the interface language', () => {
  it('refuses each broken pack for the reason it is named after', () => {
    const missed = Object.entries(BROKEN_PACKS).flatMap(([name, text]) => {
      const keys = problemsOf(text).map((problem) => problem.ref?.key)
      return keys.includes(EXPECTED_KEYS[name as keyof typeof BROKEN_PACKS]) ? [] : [`${name}: ${keys.join(', ')}`]
    })
    expect(missed).toEqual([])
  })

  it('gives every problem of every broken pack a key that says its English text, and French and German texts of their own', () => {
    const lacking: string[] = []
    const untranslated: string[] = []
    for (const [name, text] of Object.entries(BROKEN_PACKS)) {
      const problems = problemsOf(text)
      expect(problems.length, name).toBeGreaterThan(0)
      for (const problem of problems) {
        if (!problem.ref) {
          lacking.push(`${name}: ${problem.path}: ${problem.message}`)
          continue
        }
        // The English the CLI prints is the catalogue's, so the key is the problem's own.
        expect(say(problem, 'en'), `${name} ${problem.path}`).toBe(problem.message)
        for (const locale of ['fr', 'de'] as const) {
          const said = say(problem, locale)
          if (said === problem.message || /\{\{/.test(said)) untranslated.push(`${locale} ${name}: ${said}`)
        }
      }
    }
    expect(lacking).toEqual([])
    expect(untranslated).toEqual([])
  })

  it('says the refusals in French, with the file’s keys and the vendor’s quote as they are', () => {
    const fr = (name: keyof typeof BROKEN_PACKS) => problemsOf(BROKEN_PACKS[name]).map((problem) => `${problem.path}: ${say(problem, 'fr')}`)
    expect(fr('bad JSON')).toEqual(['$: JSON non valide à la ligne 3, colonne 9 : une valeur était attendue (objet, liste, chaîne, nombre, true, false ou null), trouvé le caractère "\'" (les chaînes s’écrivent entre guillemets doubles)'])
    expect(fr('too large')).toEqual(['$: le pack de modèles pèse 5,00\u00a0Mo (5242882\u00a0octets), au-delà de la limite de 5\u00a0Mo (5242880\u00a0octets)'])
    expect(fr('too deep')).toEqual([`$${'[0]'.repeat(64)}: l’imbrication dépasse la limite de 64 niveaux`])
    expect(fr('newer formatVersion')).toEqual(['$.formatVersion: formatVersion 3 est plus récent que ce que cette application prend en charge (2) : mettez l’application à jour pour utiliser ce pack'])
    expect(fr('unknown field')).toEqual(['$.activities[0].colour: champ inconnu « colour » : il ne fait pas partie du format 2 des packs de modèles'])
    expect(fr('duplicate activity id')).toEqual(['$.activities[1].id: identifiant d’activité « accounts » en double'])
    expect(fr('missing field')).toEqual(['$.activities[0].name: le champ obligatoire « name » manque (attendu : chaîne de caractères)'])
    expect(fr('bad id')).toEqual(['$.id: utilisez des lettres minuscules, des chiffres et des traits d’union'])
    expect(fr('unknown role')).toEqual(['$.activities[0].role: valeur non valide : l’une de "controller"|"joint-controller"|"processor" était attendue ; trouvé "owner"'])
    expect(fr('quote not in the source')).toEqual([
      '$.activities[0].purposes[0].quotes[0]: citation introuvable mot pour mot dans le texte de la politique (espaces normalisées) : « We use this information to sell it to anyone. » ; ' +
        'les 27 premiers caractères correspondent, puis elle diffère à « sell it to anyone. »'
    ])
    expect(fr('bad sha256')).toContainEqual(expect.stringMatching(/^\$\.sources\[0\]\.sha256: sha256 ne correspond pas au texte de « Acme Widgets Ltd - Privacy Policy \(test fixture, fictional\) » \(son SHA-256 est [0-9a-f]{64}\)$/))
    expect(fr('unknown vocabulary term')).toEqual([
      '$.activities[0].dataCategories[0].term: « user.nmae » ne figure pas dans le vocabulaire (fideslang et ajouts RGPD) : vouliez-vous dire « user.name » ? Utilisez une clé de catégorie de données (`ropa templates vocabulary --search <texte>` les liste) ou « custom:<texte> »'
    ])
    expect(fr('mechanism against instrument')).toEqual([
      '$.activities[0].transfers[0].mechanism: le mécanisme "art45" ne va pas avec l’instrument "scc-2021", qui relève du mécanisme « Garanties appropriées (art. 46) » ("art46")'
    ])
    expect(fr('retention period without period')).toEqual([
      '$.activities[0].dataCategories[0].retention.period: le mode de conservation "period" exige "period" (un nombre) et "unit" (days, months ou years) ; si la politique ne donne pas de durée, utilisez le mode "criterion" avec ses mots, ou un point ouvert sur "retention"'
    ])
    expect(fr('gap on no field')[0]).toBe(
      '$.activities[1].gaps[0].field: « retension » n’est pas un champ d’un modèle d’activité ; vouliez-vous dire « retention » ? (par exemple "retention", "purposes[0].lawfulBasis", "transfers[1].instrument")'
    )
    expect(fr('unknown country')).toEqual([
      '$.activities[0].transfers[0].country: « Germny » n’est ni un pays de la norme ISO 3166 ni une organisation internationale (vouliez-vous dire « Germany » ?). Si la politique ne nomme pas le pays, décrivez ce qu’elle dit et ajoutez un point ouvert sur "transfers[0].country".'
    ])
  })

  it('says the refusals in German, enum labels and legal terms in the Regulation’s words', () => {
    const de = (name: keyof typeof BROKEN_PACKS) => problemsOf(BROKEN_PACKS[name]).map((problem) => say(problem, 'de'))
    expect(de('duplicate activity id')).toEqual(['doppelte Kennung der Tätigkeit „accounts“'])
    expect(de('no formatVersion')).toEqual(['formatVersion fehlt: Ein Vorlagenpaket muss "formatVersion": 2 angeben'])
    expect(de('wrong type')).toEqual(['purposes muss eine Liste sein, nicht "all of them"'])
    expect(de('bad sha256')).toContainEqual(expect.stringMatching(/^sha256 passt nicht zum Text von „Acme Widgets Ltd - Privacy Policy \(test fixture, fictional\)“ \(dessen SHA-256 ist [0-9a-f]{64}\)$/))
    expect(de('legitimate interest missing')).toEqual([
      'die Rechtsgrundlage lit. f braucht "legitimateInterest": das Interesse, das die Richtlinie nennt, oder einen offenen Punkt zu "purposes[0].legitimateInterest", wo sie keines nennt'
    ])
    expect(de('vocabulary term of another kind')).toEqual(['„customer“ ist ein Schlüssel für betroffene Personen, nicht für Datenkategorien'])
    expect(de('special category not declared (warning)')).toEqual([
      '„user.biometric“ gehört zu den besonderen Kategorien personenbezogener Daten nach Art. 9 (Biometrische Daten zur eindeutigen Identifizierung einer natürlichen Person), aber specialCategories führt sie nicht auf'
    ])
    expect(de('quote in none of two sources')).toEqual([
      'Zitat in den 2 Quelltexten nicht wörtlich gefunden (Leerraum vereinheitlicht): „Sub-processors: Example Cloud Inc. (hosting, Canada).“; die ersten 45 Zeichen stimmen überein (in „Acme sub-processors“), dann weicht es bei „Canada).“ ab'
    ])
  })

  it('keys the problems of an installed pack row (a backup restores these) as well', () => {
    const pack = templatePackSchema.parse(fixturePackV2Json())
    const result = installedPackSchema.safeParse({ id: 'other', version: '9.9.9', vendorName: 'Acme', origin: 'imported', installedAt: '2026-01-01T00:00:00Z', pack })
    expect(result.success).toBe(false)
    const problems = result.error!.issues.flatMap(zodIssueToProblems)
    expect(problems.map((problem) => [problem.path, problem.message, say(problem, 'fr')])).toEqual([
      ['$.id', `"other" is not the id of the pack it holds ("${pack.id}")`, `« other » n’est pas l’identifiant du pack qu’il contient (« ${pack.id} »)`],
      ['$.version', `"9.9.9" is not the version of the pack it holds ("${pack.version}")`, `« 9.9.9 » n’est pas la version du pack qu’il contient (« ${pack.version} »)`]
    ])
  })
})

describe('the place of a problem in words', () => {
  const pack = fixturePackV2Json()
  it('names the place in the reader’s language; English as before', () => {
    const path = '$.activities[0].purposes[1].quotes[0]'
    expect(describePackPath(path, pack)).toBe('Activity 1 “Customer accounts” › Purpose 2 › Quote 1')
    expect(describePackPath(path, pack, 'fr')).toBe('Activité 1 « Customer accounts » › Finalité 2 › Citation 1')
    expect(describePackPath(path, pack, 'de')).toBe('Tätigkeit 1 „Customer accounts“ › Zweck 2 › Zitat 1')
    expect(describePackPath('$', pack, 'fr')).toBe('Le fichier')
    expect(describePackPath('$', pack, 'de')).toBe('Die Datei')
    expect(describePackPath('$.sources[0].sha256', pack, 'fr')).toBe('Document source 1 › Empreinte SHA-256')
    expect(describePackPath('$.vendor.dpoContact.email', pack, 'de')).toBe('Anbieter › Kontaktdaten des Datenschutzbeauftragten › E-Mail')
    expect(describePackPath('$.activities[1].gaps[0].field', pack, 'fr')).toBe('Activité 2 « Newsletter » › Point ouvert 1 › Champ')
    // A key the format does not have is the author's own word, split as before.
    expect(describePackPath('$.activities[0].favouriteColour', pack, 'fr')).toBe('Activité 1 « Customer accounts » › Favourite colour')
    expect(describePackPath('$.notes[2]', undefined, 'de')).toBe('Notes › Element 3')
  })

  it('has a French and German name for every field of the pack format', () => {
    const keys = new Set<string>()
    type Node = { _zod: { def: { type: string; innerType?: Node; element?: Node; options?: Node[]; in?: Node; shape?: Record<string, Node> } } }
    const visit = (node: Node): void => {
      const def = node._zod.def
      if (def.innerType) return visit(def.innerType)
      if (def.element) return visit(def.element)
      if (def.in) return visit(def.in)
      def.options?.forEach(visit)
      for (const [key, child] of Object.entries(def.shape ?? {})) {
        keys.add(key)
        visit(child)
      }
    }
    visit(templatePackSchema)
    expect(keys.size).toBeGreaterThan(60)
    const unnamed = [...keys].flatMap((key) => (['fr', 'de'] as const).filter((locale) => CATALOGUES[locale].packProblems[`place.field.${key}`] === undefined).map((locale) => `${locale}: ${key}`))
    expect(unnamed).toEqual([])
  })
})
