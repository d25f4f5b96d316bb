import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FIXTURE_DIR, FIXTURE_PACK_FILE, FIXTURE_PACK_TEXT } from '../fixtures/packs/fixture-pack'
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
    expect(stderr).toBe(`${copy}: $.source.file: source file "acme-widgets.txt" not found in templates/sources/\n`)
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
