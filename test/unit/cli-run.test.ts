/** `runCli`: the command line as a function, which the CLI tests run in-process. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ropa } from '../fixtures/run-ropa'

const directory = mkdtempSync(join(tmpdir(), 'ropa-cli-run-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe('runCli', () => {
  it('returns the exit code and leaves the process\'s own exit code alone', async () => {
    const before = process.exitCode
    const result = await ropa(['check', join(directory, 'missing.json')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/missing\.json: \$: cannot read the file/)
    expect(process.exitCode).toBe(before)
  })

  it('answers a usage error with exit code 1 and the usage on its stderr, without ending the process', async () => {
    const missingArgument = await ropa(['check'])
    expect(missingArgument.code).toBe(1)
    expect(missingArgument.stderr).toMatch(/^error: missing required argument 'register'\n/)
    expect(missingArgument.stderr).toMatch(/Usage: ropa check \[options\] <register>/)
    const unknown = await ropa(['frobnicate'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/^error: unknown command 'frobnicate'/)
  })

  it('prints the help on its stdout with exit code 0', async () => {
    const help = await ropa(['--help'])
    expect(help).toMatchObject({ code: 0, stderr: '' })
    for (const command of ['templates', 'export', 'import', 'demo', 'check']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'))
  })

  it('reads and writes relative file arguments in its working folder, and names them as given', async () => {
    const written = await ropa(['demo', '-o', 'relative.json', '--activities', '2'], directory)
    expect(written).toEqual({ code: 0, stdout: 'wrote relative.json: 2 demo activities\n', stderr: '' })
    expect(existsSync(join(directory, 'relative.json'))).toBe(true)
    const checked = await ropa(['check', 'relative.json', '--json'], directory)
    expect(JSON.parse(checked.stdout)).toMatchObject({ file: 'relative.json', records: 2 })
    const missing = await ropa(['export', 'absent.json', '--csv', 'absent.csv'], directory)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^absent\.json: cannot read the backup: ENOENT/)
    expect(existsSync(join(directory, 'absent.csv'))).toBe(false)
  })
})
