import { describe, expect, it } from 'vitest'
import { MAX_PACK_FILE_BYTES } from '@core/templates/pack-schema'
import { collectQuotes, validatePackText, type PackValidation } from '@core/templates/validate-pack'
import { FIXTURE_PACK_TEXT, FIXTURE_SOURCE_TEXT, fixturePackJson } from '../fixtures/packs/fixture-pack'

const withSource = { sourceText: FIXTURE_SOURCE_TEXT }
const validate = (pack: unknown) => validatePackText(JSON.stringify(pack, null, 2), withSource)

function problemsOf(result: PackValidation) {
  if (result.ok) throw new Error('expected the pack to be refused')
  // Where and what, in English (a problem also carries its catalogue key, tested in i18n-import-export.test.ts).
  return result.problems.map(({ path, message }) => ({ path, message }))
}

describe('validatePackText on the fixture pack', () => {
  it('accepts it, checking every quote against the policy text', () => {
    const result = validatePackText(FIXTURE_PACK_TEXT, withSource)
    expect(result).toMatchObject({ ok: true, warnings: [] })
    if (result.ok) expect(collectQuotes(result.pack).length).toBeGreaterThan(20)
  })

  it('collects quotes everywhere: vendor, role, purposes, gaps', () => {
    const result = validatePackText(FIXTURE_PACK_TEXT)
    if (!result.ok) throw new Error('fixture must be valid')
    const paths = collectQuotes(result.pack).map((quote) => quote.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.vendor.legalEntities[0].quotes[0]',
        '$.vendor.privacyContact.quotes[0]',
        '$.activities[0].roleQuotes[0]',
        '$.activities[0].purposes[1].quotes[0]',
        '$.activities[0].gaps[0].quotes[0]',
        '$.activities[0].transfers[1].quotes[0]'
      ])
    )
  })

  it('warns, without failing, when no policy text is given, and says its quotes were not checked', () => {
    const result = validatePackText(FIXTURE_PACK_TEXT)
    expect(result).toMatchObject({ ok: true, quotesChecked: false, warnings: [{ path: '$.sources', message: expect.stringMatching(/quotes were not checked, and its values show as unverified/) }] })
  })

  it('looks the policy text up by source.file and reports a missing file', () => {
    const seen: string[] = []
    const lookup = (file: string) => {
      seen.push(file)
      return undefined
    }
    expect(problemsOf(validatePackText(FIXTURE_PACK_TEXT, { sourceText: lookup }))).toEqual([
      { path: '$.source.file', message: 'source file "acme-widgets.txt" not found in templates/sources/' }
    ])
    expect(seen).toEqual(['acme-widgets.txt'])
  })
})

describe('validatePackText refuses bad packs with a message naming the rule', () => {
  it('invalid JSON: line and column', () => {
    const text = FIXTURE_PACK_TEXT.replace('"formatVersion": 1,', '"formatVersion": 1')
    expect(problemsOf(validatePackText(text))).toEqual([
      { path: '$', message: 'invalid JSON at line 4, column 3: expected \',\' or \'}\', found character "\\""' }
    ])
  })

  it('a JSON value that is not an object', () => {
    expect(problemsOf(validatePackText('[1, 2]'))).toEqual([{ path: '$', message: 'a template pack must be a JSON object' }])
  })

  it.each([
    ['missing', undefined, /^formatVersion is missing/],
    ['a string', '1', /^formatVersion must be the number 2, not "1"$/],
    ['unknown', 0, /^unknown formatVersion 0: this app reads formatVersion 2$/],
    ['from the future', 3, /^formatVersion 3 is newer than this app supports \(2\): update the app/]
  ])('formatVersion %s', (_label, version, message) => {
    const pack = fixturePackJson()
    if (version === undefined) delete pack.formatVersion
    else pack.formatVersion = version
    // The version is checked first: other fields of a future format are not reported.
    pack.unknownFutureField = true
    expect(problemsOf(validate(pack))).toEqual([{ path: '$.formatVersion', message: expect.stringMatching(message) }])
  })

  it('missing required fields, each by path', () => {
    const pack = fixturePackJson()
    delete pack.vendor.name
    delete pack.activities[1].purposes
    expect(problemsOf(validate(pack))).toEqual([
      { path: '$.vendor.name', message: 'required field "name" is missing (expected string)' },
      { path: '$.activities[1].purposes', message: 'required field "purposes" is missing (expected array)' }
    ])
  })

  it('wrong types, unknown fields and bad enum values', () => {
    const pack = fixturePackJson()
    pack.activities[0].name = 42
    pack.activities[0].colour = 'blue'
    pack.activities[0].purposes[0].lawfulBasis = 'z'
    const problems = problemsOf(validate(pack))
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: '$.activities[0].name', message: 'name must be a string, not 42' },
        { path: '$.activities[0].colour', message: 'unknown field "colour": not part of template pack format 2' },
        { path: '$.activities[0].purposes[0].lawfulBasis', message: expect.stringMatching(/expected one of "a"\|"b".*; found "z"$/) }
      ])
    )
  })

  it('duplicate activity ids', () => {
    const pack = fixturePackJson()
    pack.activities[1].id = 'accounts'
    expect(problemsOf(validate(pack))).toEqual([{ path: '$.activities[1].id', message: 'duplicate activity id "accounts"' }])
  })

  it('a 2 MB string, before the schema sees it', () => {
    const pack = fixturePackJson()
    pack.activities[0].description = 'x'.repeat(2_000_000)
    expect(problemsOf(validate(pack))).toEqual([
      { path: '$.activities[0].description', message: 'string of 2000000 characters is longer than the limit of 100000' }
    ])
  })

  it('a file over 5 MB, before parsing', () => {
    const text = FIXTURE_PACK_TEXT + ' '.repeat(MAX_PACK_FILE_BYTES)
    expect(problemsOf(validatePackText(text))).toEqual([
      { path: '$', message: expect.stringMatching(/^template pack is 5\.01 MB \(\d+ bytes\), over the limit of 5 MB \(5242880 bytes\)$/) }
    ])
  })

  it('__proto__ and constructor keys, without polluting prototypes', () => {
    const text = FIXTURE_PACK_TEXT.replace('"vendor": {', '"vendor": { "__proto__": { "polluted": true },').replace(
      '"id": "newsletter",',
      '"id": "newsletter", "constructor": { "prototype": {} },'
    )
    expect(problemsOf(validatePackText(text))).toEqual([
      { path: '$.vendor.__proto__', message: expect.stringMatching(/^forbidden key "__proto__"/) },
      { path: '$.activities[1].constructor', message: expect.stringMatching(/^forbidden key "constructor"/) }
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('a quote that is not in the policy text, saying where it stops matching', () => {
    const pack = fixturePackJson()
    pack.activities[0].purposes[0].quotes[0] = 'We use this information to sell it to anyone.'
    expect(problemsOf(validate(pack))).toEqual([
      {
        path: '$.activities[0].purposes[0].quotes[0]',
        message:
          'quote not found verbatim in the policy text (whitespace-normalised): "We use this information to sell it to anyone."; ' +
          'the first 27 characters match, then it differs at "sell it to anyone."'
      }
    ])
  })

  it('a quote in a gap or in the vendor block is checked too', () => {
    const pack = fixturePackJson()
    pack.activities[0].gaps[0].quotes[0] = 'Invented words.'
    pack.vendor.legalEntities[0].quotes[0] = 'Acme Widgets Ltd is great.'
    expect(problemsOf(validate(pack)).map((problem) => problem.path)).toEqual([
      '$.vendor.legalEntities[0].quotes[0]',
      '$.activities[0].gaps[0].quotes[0]'
    ])
  })

  it('accepts a quote that differs from the policy only in whitespace', () => {
    const pack = fixturePackJson()
    pack.activities[0].purposes[0].quotes[0] = '  We use this   information\n\tto provide the service you signed up for,  '
    expect(validate(pack).ok).toBe(true)
  })

  it('a policy text whose SHA-256 does not match source.sha256', () => {
    const result = validatePackText(FIXTURE_PACK_TEXT, { sourceText: `${FIXTURE_SOURCE_TEXT}\nChanged.` })
    expect(problemsOf(result)).toEqual([
      { path: '$.source.sha256', message: expect.stringMatching(/^source.sha256 does not match the policy text acme-widgets.txt \(its SHA-256 is [0-9a-f]{64}\)$/) }
    ])
  })

  it('a source.file that is a path, not a plain name', () => {
    const pack = fixturePackJson()
    pack.source.file = '../../etc/passwd'
    expect(problemsOf(validatePackText(JSON.stringify(pack), { sourceText: () => 'never read' }))).toEqual([
      { path: '$.source.file', message: 'source.file "../../etc/passwd" must be a plain file name in templates/sources/ (no folders)' }
    ])
  })

  it('terms outside the vocabulary, of the wrong kind, or empty custom terms', () => {
    const pack = fixturePackJson()
    pack.activities[0].dataCategories[0].term = 'user.shoe_size'
    pack.activities[0].purposes[0].uses = ['user.name']
    pack.activities[1].dataSubjects[0].term = 'custom: '
    expect(problemsOf(validate(pack))).toEqual([
      { path: '$.activities[0].purposes[0].uses[0]', message: '"user.name" is a data category key, not a data use key' },
      {
        path: '$.activities[0].dataCategories[0].term',
        message: '"user.shoe_size" is not in the vocabulary (fideslang + GDPR additions). Use a data category key (`ropa templates vocabulary --search <text>` lists them) or "custom:<text>"'
      },
      // zod trims terms, so the message shows the trimmed value.
      { path: '$.activities[1].dataSubjects[0].term', message: '"custom:" has no text after "custom:"' }
    ])
  })
})

describe('validatePackText warnings', () => {
  it('warns about Art. 9 data not listed in specialCategories', () => {
    const pack = fixturePackJson()
    pack.activities[1].dataCategories[0].term = 'user.health_and_medical'
    expect(validate(pack)).toMatchObject({
      ok: true,
      warnings: [{ path: '$.activities[1].dataCategories[0].term', message: expect.stringMatching(/Art\. 9 special-category data \(Health\)/) }]
    })
  })

  it('reads a format 1 transfer without safeguard, or with one that names no instrument, with a gap on its instrument', () => {
    const result = validate(fixturePackJson())
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    const activity = result.pack.activities[0]!
    expect(activity.transfers.map(({ mechanism, instrument, safeguard }) => ({ mechanism, instrument, safeguard }))).toEqual([
      { mechanism: 'art46', instrument: undefined, safeguard: undefined },
      { mechanism: undefined, instrument: undefined, safeguard: undefined }
    ])
    expect(activity.gaps.slice(2)).toEqual([
      { field: 'transfers[0].instrument', kind: 'vague', note: 'The pack names "Standard contractual clauses (Art. 46(2)(c))" without saying which instrument (format 1 pack).', quotes: [] },
      { field: 'transfers[1].instrument', kind: 'silent', note: 'No transfer instrument is named for this transfer.', quotes: [] }
    ])
  })
})
