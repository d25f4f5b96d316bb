import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FIXTURE_DIR, FIXTURE_PACK_FILE, FIXTURE_PACK_TEXT, fixturePackJson } from '../fixtures/packs/fixture-pack'
import { ropa } from '../fixtures/run-ropa'

const directory = mkdtempSync(join(tmpdir(), 'ropa-templates-cli-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

async function runValidate(...files: string[]) {
  const result = await ropa(['templates', 'validate', ...files])
  return { status: result.code, stdout: result.stdout, stderr: result.stderr }
}

describe('ropa templates validate', () => {
  it('exits 1 and prints one "<file>: <json path>: <message>" line per problem', async () => {
    const futureVersion = join(directory, 'future.json')
    writeFileSync(futureVersion, FIXTURE_PACK_TEXT.replace('"formatVersion": 1', '"formatVersion": 3'))
    const broken = join(directory, 'broken.json')
    writeFileSync(broken, '{\n  "formatVersion": 1,\n  "id": \n}')

    const { status, stdout, stderr } = await runValidate(futureVersion, broken)
    expect(status).toBe(1)
    expect(stderr.trimEnd().split('\n')).toEqual([
      `${futureVersion}: $.formatVersion: formatVersion 3 is newer than this app supports (2): update the app to use this pack`,
      `${broken}: $: invalid JSON at line 4, column 1: expected a value (object, array, string, number, true, false or null), found character "}"`
    ])
    expect(stdout).toBe('2 template packs checked: 0 valid, 2 invalid (2 problems, 0 warnings)\n')
  })

  it('exits 0 for a valid pack, checking its quotes against sources/ next to it', async () => {
    const { status, stdout, stderr } = await runValidate(FIXTURE_PACK_FILE)
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' })
    expect(stdout).toBe('1 template pack checked: 1 valid, 0 invalid (0 problems, 0 warnings)\n')
  })

  it('reports a pack whose policy text is not in sources/ next to it', async () => {
    const copy = join(directory, 'acme-widgets.json')
    writeFileSync(copy, FIXTURE_PACK_TEXT)
    const { status, stderr } = await runValidate(copy)
    expect(status).toBe(1)
    // The folder it looked in, next to the pack, not the app's own templates/sources/.
    expect(stderr).toBe(`${copy}: $.source.file: source file "acme-widgets.txt" not found in ${join(directory, 'sources')}${sep}\n`)
  })

  it('reports a quote that is not in the policy text, by its JSON path', async () => {
    const packDirectory = join(directory, 'with-sources')
    cpSync(join(FIXTURE_DIR, 'sources'), join(packDirectory, 'sources'), { recursive: true })
    const pack = join(packDirectory, 'acme-widgets.json')
    writeFileSync(pack, FIXTURE_PACK_TEXT.replace('"your password"]', '"your passport"]'))
    const { status, stderr } = await runValidate(pack)
    expect(status).toBe(1)
    expect(stderr).toBe(
      `${pack}: $.activities[0].dataCategories[2].quotes[0]: quote not found verbatim in the policy text (whitespace-normalised): ` +
        '"your passport"; the first 9 characters match, then it differs at "port"\n'
    )
  })
})

describe('ropa templates bundle', () => {
  const source = join(FIXTURE_DIR, 'sources', 'acme-widgets.txt')

  it('embeds the policy text with its SHA-256 as format 2, checks every quote, and the result validates on its own', async () => {
    const output = join(directory, 'bundled.json')
    const result = await ropa(['templates', 'bundle', FIXTURE_PACK_FILE, '--source', source, '-o', output])
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' })
    const text = readFileSync(source, 'utf8')
    const sha = createHash('sha256').update(text, 'utf8').digest('hex')
    expect(result.stdout).toBe(`Acme Widgets Ltd - Privacy Policy (test fixture, fictional): ${text.length} characters, SHA-256 ${sha}\n${output}: 1 source embedded, 25 quotes checked, every one found\n`)
    const bundled = JSON.parse(readFileSync(output, 'utf8'))
    expect(bundled.formatVersion).toBe(2)
    expect(bundled.source).toMatchObject({ sha256: sha, file: '' })
    expect(bundled.sources).toEqual([{ id: 'privacy-policy', kind: 'privacy-policy', title: 'Acme Widgets Ltd - Privacy Policy (test fixture, fictional)', date: '2025-03-01', text, sha256: sha }])
    expect(bundled.activities[0].purposes.every((purpose: { id?: string }) => typeof purpose.id === 'string')).toBe(true)
    // Alone in a folder without sources/: the embedded text is all it needs.
    const alone = join(mkdtempSync(join(tmpdir(), 'ropa-bundled-')), 'bundled.json')
    cpSync(output, alone)
    expect(await runValidate(alone)).toMatchObject({ status: 0, stderr: '' })
  })

  it('adds a second source with its own title and kind; a quote found in neither refuses it, with the path, and writes nothing', async () => {
    const list = join(directory, 'sub-processors.txt')
    writeFileSync(list, 'Our sub-processors: Example Cloud Inc. (hosting, United States).\n')
    const pack = fixturePackJson()
    pack.activities[0].subProcessors[0].quotes.push('Example Cloud Inc. (hosting, United States)')
    const packFile = join(directory, 'two-sources.json')
    writeFileSync(packFile, JSON.stringify(pack))
    const output = join(directory, 'two-sources-bundled.json')
    const ok = await ropa(['templates', 'bundle', packFile, '--source', source, list, '--kind', 'privacy-policy', 'sub-processor-list', '--title', 'Acme policy', 'Acme sub-processors', '-o', output])
    expect(ok.code).toBe(0)
    expect(JSON.parse(readFileSync(output, 'utf8')).sources.map((entry: any) => [entry.id, entry.kind, entry.title])).toEqual([
      ['privacy-policy', 'privacy-policy', 'Acme policy'],
      ['sub-processor-list', 'sub-processor-list', 'Acme sub-processors']
    ])

    pack.activities[0].subProcessors[0].quotes.push('Example Cloud Inc. (hosting, Canada)')
    writeFileSync(packFile, JSON.stringify(pack))
    const refusedOutput = join(directory, 'refused.json')
    const refused = await ropa(['templates', 'bundle', packFile, '--source', source, list, '-o', refusedOutput])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toBe(
      `${packFile}: $.activities[0].subProcessors[0].quotes[2]: quote not found verbatim in any of the 2 source texts (whitespace-normalised): ` +
        `"Example Cloud Inc. (hosting, Canada)"; the first 29 characters match (in "sub-processors.txt"), then it differs at "Canada)"\n` +
        `nothing written to ${refusedOutput}\n`
    )
    expect(existsSync(refusedOutput)).toBe(false)
  })

  it('refuses an unknown source kind and a missing source file', async () => {
    const output = join(directory, 'never.json')
    expect((await ropa(['templates', 'bundle', FIXTURE_PACK_FILE, '--source', source, '--kind', 'brochure', '-o', output])).stderr).toMatch(/unknown source kind "brochure": use one of privacy-policy, sub-processor-list, dpa, terms, other/)
    const missing = await ropa(['templates', 'bundle', FIXTURE_PACK_FILE, '--source', join(directory, 'nope.txt'), '-o', output])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/nope\.txt: \$: cannot read the file/)
    expect(existsSync(output)).toBe(false)
  })
})

describe('ropa templates vocabulary', () => {
  it('prints key, label and kind of every entry matching --search, in key, label or description', async () => {
    const result = await ropa(['templates', 'vocabulary', '--search', 'email'])
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')).toEqual([
      'user.contact.email                     User Contact Email  (data category)',
      'essential.service.notifications.email  Essential Email Service Notifications  (data use)',
      'marketing.communications.email         Marketing Email Communications  (data use)',
      '3 entries; a pack may also use "custom:<text>" for a term the vocabulary lacks',
      ''
    ])
    const all = await ropa(['templates', 'vocabulary'])
    expect(all.stdout).toMatch(/^gdpr\.trade_union_membership +Trade-union membership {2}\(data category\)$/m)
    expect(all.stdout).toMatch(/^gdpr\.child +Children {2}\(data subject\)$/m)
  })

  it('exits 1 when nothing matches, suggesting the nearest key', async () => {
    const result = await ropa(['templates', 'vocabulary', '--search', 'emial'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('no vocabulary entry matches "emial"; did you mean "user.contact.email" (User Contact Email)?\n')
  })
})
