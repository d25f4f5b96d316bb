/**
 * One real `node --import tsx src-main/cli/index.ts` process per command: that the entry point
 * loads, hands over the arguments, takes relative paths from the process's folder, writes to
 * its stdout and stderr and sets its exit code. What each command does is tested in-process
 * (checks-cli, templates-cli, workbook-cli), where it costs no Node start.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackup, parseBackupText, serialiseBackup, type Backup } from '@core/backup/backup-format'
import { generateDemoRegister } from '@core/demo/demo-register'
import { completeControllerRecord, completeOrganisation, TODAY } from '../fixtures/checks/records'
import { ropa, ropaProcess } from '../fixtures/run-ropa'

const directory = mkdtempSync(join(tmpdir(), 'ropa-cli-smoke-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

function readBackup(name: string): Backup {
  const result = parseBackupText(readFileSync(join(directory, name), 'utf8'))
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.backup
}

// The processes start at once: each mostly waits for its modules to load.
describe.concurrent('ropa as a process', { timeout: 60_000 }, () => {
  const demoRecords = generateDemoRegister(4, 7)

  beforeAll(async () => {
    const records = [completeControllerRecord()]
    records[0]!.purposes[0]!.lawfulBasis = ''
    const backup = createBackup({ exportedAt: `${TODAY}T10:00:00.000Z`, appVersion: '0.1.0', organisation: completeOrganisation(), userProfile: null, records, auditLog: [], vendors: [], packs: [] })
    writeFileSync(join(directory, 'with-error.json'), serialiseBackup(backup))
    // The workbook the import smoke test reads, written in-process.
    expect(await ropa(['demo', '-o', 'for-import.json', '--activities', '4', '--seed', '7'], directory)).toMatchObject({ code: 0 })
    expect(await ropa(['export', 'for-import.json', '-o', 'for-import.xlsx'], directory)).toMatchObject({ code: 0 })
  })

  it('demo writes the backup named relative to the working folder', async () => {
    const result = await ropaProcess(['demo', '-o', 'demo.json', '--activities', '4', '--seed', '7'], directory)
    expect(result).toEqual({ code: 0, stdout: 'wrote demo.json: 4 demo activities\n', stderr: '' })
    expect(readBackup('demo.json').records).toEqual(demoRecords)
  })

  it('check exits 1 when a record has an error-level finding', async () => {
    const result = await ropaProcess(['check', 'with-error.json', '--today', TODAY], directory)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/\[lawful-basis-missing\]/)
  })

  it('export writes the workbook and the CSV', async () => {
    const result = await ropaProcess(['export', 'with-error.json', '-o', 'exported.xlsx', '--csv', 'exported.csv'], directory)
    expect(result).toEqual({ code: 0, stdout: 'wrote exported.xlsx: 1 activities\nwrote exported.csv: 1 activities\n', stderr: '' })
    // An .xlsx is a zip archive.
    expect(readFileSync(join(directory, 'exported.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK')
    expect(readFileSync(join(directory, 'exported.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(2)
  })

  it('import reads the workbook back into a backup', async () => {
    const result = await ropaProcess(['import', 'for-import.xlsx', '-o', 'imported.json'], directory)
    expect(result).toEqual({
      code: 0,
      stdout: "wrote imported.json: 4 activities read exactly, from the workbook's Data sheet\norganisation profile restored: Example Trading Ltd\n",
      stderr: ''
    })
    expect(readBackup('imported.json').records).toEqual(demoRecords)
  })

  it('verify checks the workbook against its own hashes', async () => {
    const result = await ropaProcess(['verify', 'for-import.xlsx'], directory)
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^for-import\.xlsx: unchanged since export: \d+ sheets/) })
  })

  it('import reads a legacy register (a CNIL .ods) and says what it mapped; its dates are the same in any time zone', async () => {
    copyFileSync(join(import.meta.dirname, '..', 'fixtures', 'legacy', 'cnil-registre.ods'), join(directory, 'registre.ods'))
    const result = await ropaProcess(['import', 'registre.ods', '-o', 'registre.json', '--strict'], directory, { TZ: 'America/New_York' })
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatch(/^wrote registre\.json: 4 activities imported from registre\.ods\nregistre\.ods: read 4 rows from 'Registre' \(table, headings in row 5\): 4 activities made\n/)
    const records = readBackup('registre.json').records
    expect(records.map((record) => record.previousReference)).toEqual(['T-01', 'T-02', 'T-03', 'T-04'])
    expect(records.map((record) => record.lastReviewed)).toEqual(['2024-03-31', '2023-11-02', '', ''])
  })

  it('templates validate exits 1 with the problem on stderr', async () => {
    writeFileSync(join(directory, 'broken-pack.json'), '{ "formatVersion": 1, "id": }')
    const result = await ropaProcess(['templates', 'validate', 'broken-pack.json'], directory)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^broken-pack\.json: \$: invalid JSON at line 1, column 29/)
    expect(result.stdout).toBe('1 template pack checked: 0 valid, 1 invalid (1 problem, 0 warnings)\n')
  })

  it('templates apply makes a record from a shipped pack into a backup named relative to the working folder', async () => {
    const result = await ropaProcess(['templates', 'apply', 'kaltura', '--activity', 'platform-hosting-delivery', '-o', 'applied.json'], directory)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe('wrote applied.json: 1 record made from kaltura 1.0.0 as "Our controller record, using the vendor"')
    expect(readBackup('applied.json').records.map((record) => record.reference)).toEqual(['PA-0001'])
  })

  it('templates vocabulary prints key, label and kind', async () => {
    const result = await ropaProcess(['templates', 'vocabulary', '--search', 'trade-union'], directory)
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatch(/^gdpr\.trade_union_membership +Trade-union membership {2}\(data category\)\n1 entry;/)
  })

  it('templates bundle refuses a quote its source does not hold and writes nothing', async () => {
    writeFileSync(join(directory, 'policy.txt'), 'A policy that says very little.\n')
    const result = await ropaProcess(['templates', 'bundle', join(import.meta.dirname, '..', 'fixtures', 'packs', 'acme-widgets.json'), '--source', 'policy.txt', '-o', 'bundled.json'], directory)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/: \$\.vendor\.legalEntities\[0\]\.quotes\[0\]: quote not found verbatim in the policy text/)
    expect(existsSync(join(directory, 'bundled.json'))).toBe(false)
  })
})
